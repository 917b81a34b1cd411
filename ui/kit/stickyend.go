package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// StickyTable is a table whose first columns stay in view while the others
// scroll sideways (a member's name, a month grid's year). Every table with
// sticky columns is made with NewStickyTable.
//
// Fyne 2.7.1 stops scrolling a table with sticky columns short of its end
// by about their width, so the last columns could not be reached (支部一览's
// 严重/提醒, 收缴's 合计, 党员's 名册状态: review s6-11 newuser #8, s6-8
// newuser #2, s6 read-through rtui #2). A StickyTable has a blank column
// after its last one, as wide as its sticky columns, which makes up for
// it; the pad shows nothing and is never selected.
type StickyTable struct {
	widget.Table
	sticky []float32 // the sticky columns' widths
	header func(widget.TableCellID, fyne.CanvasObject)
}

// NewStickyTable returns a table whose first sticky columns stay in view.
// length gives the real rows and columns; create and update are those of
// widget.NewTable. Set the header row with SetHeader, and the widths with
// SetColumnWidth, which keeps the pad as wide as the sticky columns (set
// theirs: the pad is sized from them).
func NewStickyTable(sticky int, length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *StickyTable {
	t := &StickyTable{sticky: make([]float32, sticky)}
	t.StickyColumnCount = sticky
	t.CreateCell = create
	real := func() int { _, c := length(); return c }
	t.Length = func() (int, int) {
		r, c := length()
		if sticky > 0 {
			c++
		}
		return r, c
	}
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		if sticky > 0 && id.Col == real() {
			o.Hide() // the pad shows nothing and takes no taps
			return
		}
		o.Show() // a cell of the pad may come back for a real column
		update(id, o)
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if t.header == nil || (sticky > 0 && id.Col == real()) {
			o.Hide()
			return
		}
		o.Show()
		t.header(id, o)
	}
	t.ExtendBaseWidget(t)
	return t
}

// SetHeader shows a header row made by create and filled by update.
func (t *StickyTable) SetHeader(create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) {
	t.ShowHeaderRow = true
	t.CreateHeader = create
	t.header = update
}

// Columns is the number of real columns (without the pad).
func (t *StickyTable) Columns() int {
	_, c := t.Length()
	if len(t.sticky) > 0 {
		c--
	}
	return c
}

// SetColumnWidth sets a column's width; the pad follows the sticky ones.
func (t *StickyTable) SetColumnWidth(col int, width float32) {
	t.Table.SetColumnWidth(col, width)
	if col >= 0 && col < len(t.sticky) && t.sticky[col] != width {
		t.sticky[col] = width
		t.setPad()
	}
}

// setPad makes the pad as wide as the sticky columns with their
// separators: a narrower one does not bring the last column into view.
func (t *StickyTable) setPad() {
	var w float32
	for _, s := range t.sticky {
		w += s + theme.Padding()
	}
	t.Table.SetColumnWidth(t.Columns(), w)
}

// Tapped selects the tapped cell, but never one of the pad.
func (t *StickyTable) Tapped(e *fyne.PointEvent) {
	t.guard(func() { t.Table.Tapped(e) })
}

// TypedKey moves and selects with the keyboard, never onto the pad.
func (t *StickyTable) TypedKey(e *fyne.KeyEvent) {
	t.guard(func() { t.Table.TypedKey(e) })
}

// guard runs f with OnSelected not called for the pad's cells.
func (t *StickyTable) guard(f func()) {
	on := t.OnSelected
	if on == nil || len(t.sticky) == 0 {
		f()
		return
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Col >= t.Columns() {
			t.UnselectAll()
			return
		}
		on(id)
	}
	defer func() { t.OnSelected = on }()
	f()
}
