package ui

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/ui/kit"
)

// textColumn is a column of a read-only table: a Chinese heading and a width
// in Chinese characters.
type textColumn struct {
	title string
	chars float32
	wrap  bool // long text: wrapped, with the row made as tall as it needs
}

// newTextTable is a read-only table with a header row, for lists of rows such
// as a member's history or an import's rejected rows. cell gives the text of
// a data cell.
func newTextTable(cols []textColumn, rows func() int, cell func(row, col int) string) *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return rows(), len(cols) },
		func() fyne.CanvasObject { return kit.NewWrapLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*kit.WrapLabel)
			// Cells are reused across columns, so each update sets the style.
			if cols[id.Col].wrap {
				l.Wrapping, l.Truncation = fyne.TextWrapWord, fyne.TextTruncateOff
				l.SetText(cell(id.Row, id.Col))
				return
			}
			kit.SetWrapCellText(l, cell(id.Row, id.Col), o.Size().Width)
		})
	t.ShowHeaderRow = true
	// A WrapLabel, as a table may have its headings wrap (the import
	// preview's, when the columns are narrower than them).
	t.CreateHeader = func() fyne.CanvasObject {
		l := kit.NewWrapLabel("")
		l.TextStyle.Bold = true
		l.Wrapping, l.Truncation = fyne.TextWrapOff, fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*kit.WrapLabel).SetText(lang.L(cols[id.Col].title))
	}
	// Selecting a cell would suggest it can be acted on; these are records.
	t.OnSelected = func(widget.TableCellID) { t.UnselectAll() }
	for i, c := range cols {
		t.SetColumnWidth(i, c.width())
	}
	return t
}

// width is the column's width: its characters, and never narrower than
// its heading in the UI language (English headings are longer).
func (c textColumn) width() float32 {
	w := c.chars*charWidth() + 4*theme.Padding()
	if c.title != "" {
		w = max(w, fyne.MeasureText(lang.L(c.title), theme.TextSize(), fyne.TextStyle{Bold: true}).Width+2*theme.InnerPadding()+4*theme.Padding())
	}
	return w
}

// charWidth is the width of a Chinese character, the unit of textColumn.
func charWidth() float32 { return fyne.MeasureText("党", theme.TextSize(), fyne.TextStyle{}).Width }

// maxWholeName is the longest name a table of people shows whole, in
// characters: the common minority names of five or six (阿卜杜拉江,
// 阿不都热合曼); a longer one is cut with "…", its row still telling whose.
const maxWholeName = 6

// nameColumn is the 姓名 column of a table of people: as wide as shows
// whole each of names up to maxWholeName characters, and any name of four
// (the width does not jump with the rows a choice leaves). Counted in
// characters, four fell a pixel short of the label's padding and showed
// 测试员… (brief m7 #5): the names are measured as a label shows them.
//
// Measuring 20,000 names took 14 s: each is estimated from the widths of
// its characters, each measured once, and only the widest few are
// measured whole.
func nameColumn(names []string) textColumn {
	size := theme.TextSize()
	chars := map[rune]float32{}
	estimate := func(s string) float32 {
		w := float32(0)
		for _, r := range s {
			cw, ok := chars[r]
			if !ok {
				cw = fyne.MeasureText(string(r), size, fyne.TextStyle{}).Width
				chars[r] = cw
			}
			w += cw
		}
		return w
	}
	shown := map[string]float32{"党党党党": 0}
	for _, n := range names {
		if r := []rune(n); len(r) > maxWholeName {
			n = string(r[:maxWholeName])
		}
		if _, ok := shown[n]; !ok {
			shown[n] = estimate(n)
		}
	}
	widest := slices.SortedFunc(maps.Keys(shown), func(a, b string) int { return cmp.Compare(shown[b], shown[a]) })
	need := wordsWidth(append(widest[:min(len(widest), 16)], "党党党党")...)
	// The characters that make width() need, and a hair more against
	// the rounding of the division.
	return textColumn{title: "姓名", chars: (need-4*theme.Padding())/charWidth() + 0.01}
}

// wordsWidth is the width of a table column whose cells show each of words
// whole (kit.WordsWidth).
func wordsWidth(words ...string) float32 {
	return kit.WordsWidth(words...)
}

// tableWidget is a widget.Table or a table built on it (kit.StickyTable):
// the object placed in the window must be the outer one.
type tableWidget interface {
	fyne.Widget
	ScrollTo(widget.TableCellID)
}

// scrollingTable holds a table that scrolls to a cell once it is laid
// out: a table not yet shown has no size to scroll in, and Fyne's ScrollTo
// then does nothing (or scrolls past the cell). When the table is laid out
// at another width (the window made smaller or larger, also while the
// screen was not shown) it scrolls to the cell again: the offset kept from
// the old width left this month cut or out of view (review s7-8 newuser #5).
type scrollingTable struct {
	table  tableWidget
	target func() widget.TableCellID
	// fit, when set, sizes the columns to a new width before the scroll
	// (kit.StickyTable.FillWhole).
	fit      func()
	pending  bool
	scrolled float32 // the width it last scrolled at; 0 before the first
}

// newScrollingTable returns t in a container and the function that asks
// for the scroll to target(), now if t is laid out, else when it is.
func newScrollingTable(t tableWidget, target func() widget.TableCellID) (fyne.CanvasObject, func()) {
	return newFittingTable(t, nil, target)
}

// newFittingTable is newScrollingTable for a table whose columns fit runs
// sizes to its width first.
func newFittingTable(t tableWidget, fit func(), target func() widget.TableCellID) (fyne.CanvasObject, func()) {
	s := &scrollingTable{table: t, target: target, fit: fit}
	return container.New(s, t), s.request
}

func (s *scrollingTable) request() {
	s.pending = true
	if size := s.table.Size(); size.Width > 0 && size.Height > 0 {
		s.Layout([]fyne.CanvasObject{s.table}, size)
	}
}

func (s *scrollingTable) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (s *scrollingTable) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
	if s.scrolled > 0 && size.Width != s.scrolled {
		s.pending = true
	}
	if s.pending && size.Width > 0 && size.Height > 0 {
		s.pending = false
		s.scrolled = size.Width
		s.table.MinSize() // makes the table's renderer, whose scroller ScrollTo moves
		s.table.Resize(size)
		if s.fit != nil {
			s.fit()
		}
		s.table.ScrollTo(s.target())
	}
}

// fitRows makes each row tall enough for the wrapped text of its wrapping
// columns; call it when the data changes.
func fitRows(t *widget.Table, cols []textColumn, rows int, cell func(row, col int) string) {
	widths := make([]float32, len(cols))
	for i, c := range cols {
		if c.wrap {
			widths[i] = c.width()
		}
	}
	fitRowsTo(t, widths, rows, cell)
}

// fitRowsTo is fitRows for columns of the given widths, 0 for a column
// that does not wrap.
func fitRowsTo(t *widget.Table, widths []float32, rows int, cell func(row, col int) string) {
	size, pad := theme.TextSize(), theme.InnerPadding()
	line := fyne.MeasureText("党", size, fyne.TextStyle{}).Height + theme.LineSpacing()
	for r := 0; r < rows; r++ {
		lines := float32(1)
		for c, width := range widths {
			if width == 0 {
				continue
			}
			// An estimate from the text's width, not kit.LineCount: that
			// breaks each row's text as its WrapLabel will, 5.8 ms a row
			// (measured: 20,000 refused rows of an import took 116 s, this
			// 0.1 s); the cells break only the rows in view. A wrapped line
			// is rarely full; one extra line of slack for every few keeps
			// the last words from being cut off.
			w := fyne.MeasureText(cell(r, c), size, fyne.TextStyle{}).Width
			lines = max(lines, float32(math.Ceil(float64(w/(width-2*pad)*1.1))))
		}
		if lines > 1 {
			t.SetRowHeight(r, lines*line+2*pad)
		}
	}
}

// formatTime shows when something was recorded, to the minute, in local time.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04")
}
