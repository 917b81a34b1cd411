package kit

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// With a wide sticky column, scrolling a table all the way right must
// bring its last column whole into view (Fyne 2.7.1 stopped ~200 px short
// of it: review s6-11 newuser #8).
func TestStickyTableScrollsToItsLastColumn(t *testing.T) {
	test.NewTempApp(t)
	for _, pad := range []bool{false, true} {
		length := func() (int, int) { return 3, 10 }
		create := func() fyne.CanvasObject { return widget.NewLabel("") }
		update := func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(fmt.Sprintf("c%d", id.Col))
		}
		header := func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(fmt.Sprintf("h%d", id.Col))
		}
		var tb fyne.Widget
		var setWidth func(int, float32)
		if pad {
			st := NewStickyTable(1, length, create, update)
			st.SetHeader(create, header)
			tb, setWidth = st, st.SetColumnWidth
		} else {
			wt := widget.NewTable(length, create, update)
			wt.ShowHeaderRow = true
			wt.CreateHeader, wt.UpdateHeader = create, header
			wt.StickyColumnCount = 1
			tb, setWidth = wt, wt.SetColumnWidth
		}
		setWidth(0, 300)
		for i := 1; i < 10; i++ {
			setWidth(i, 100)
		}
		w := test.NewWindow(tb)
		w.Resize(fyne.NewSize(500, 300))
		test.Scroll(w.Canvas(), fyne.NewPos(450, 150), -5000, 0)
		var last *widget.Label
		var at fyne.Position
		var walk func(o fyne.CanvasObject, off fyne.Position)
		walk = func(o fyne.CanvasObject, off fyne.Position) {
			if !o.Visible() {
				return
			}
			p := off.Add(o.Position())
			switch o := o.(type) {
			case *widget.Label:
				if o.Text == "c9" {
					last, at = o, p
				}
				return
			case *fyne.Container:
				for _, c := range o.Objects {
					walk(c, p)
				}
			case fyne.Widget:
				for _, c := range test.TempWidgetRenderer(t, o).Objects() {
					walk(c, p)
				}
			}
		}
		walk(tb, fyne.Position{})
		inView := last != nil && at.X+last.Size().Width <= tb.Size().Width
		if pad && !inView {
			t.Errorf("with the pad the last column is not in view: %v of %v", at, tb.Size())
		}
		if !pad && inView {
			t.Logf("Fyne scrolls a sticky table to its end now: NewStickyTable's pad may go")
		}
	}
}

// A tap on the blank pad after the last column selects nothing.
func TestStickyTablePadIsNeverSelected(t *testing.T) {
	test.NewTempApp(t)
	var got []widget.TableCellID
	tb := NewStickyTable(1, func() (int, int) { return 3, 3 },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(fmt.Sprintf("c%d", id.Col))
		})
	tb.OnSelected = func(id widget.TableCellID) { got = append(got, id) }
	for i := range 3 {
		tb.SetColumnWidth(i, 100)
	}
	w := test.NewWindow(tb)
	w.Resize(fyne.NewSize(600, 300))
	test.TapCanvas(w.Canvas(), fyne.NewPos(150, 20)) // column 1
	test.TapCanvas(w.Canvas(), fyne.NewPos(380, 20)) // the pad
	if len(got) != 1 || got[0].Col != 1 {
		t.Errorf("selected %v, want only column 1", got)
	}
	if tb.Columns() != 3 {
		t.Errorf("Columns() = %d, want 3", tb.Columns())
	}
}

// FillStart and FillWhole leave no column cut at the right edge of the
// view: the columns in view end exactly where the view does (review
// s13-look: "全年实", "加入党组织日…" at the window's edge). Without them the
// view below ends 40 px into a column.
func TestFilledColumnsEndAtTheViewsEdge(t *testing.T) {
	test.NewTempApp(t)
	pad := theme.Padding()
	natural := []float32{80, 90, 120, 70, 150, 100, 110, 95}
	newTable := func() *StickyTable {
		st := NewStickyTable(1, func() (int, int) { return 2, len(natural) },
			func() fyne.CanvasObject { return widget.NewLabel("") },
			func(widget.TableCellID, fyne.CanvasObject) {})
		for c, w := range natural {
			st.SetColumnWidth(c, w)
		}
		st.Resize(fyne.NewSize(80+pad+90+pad+120+pad+40, 200))
		return st
	}
	// ends reports whether some run of scrolled columns from first on
	// fills the view to its edge.
	ends := func(st *StickyTable, first int) bool {
		view := st.Size().Width - st.StuckWidth()
		x := float32(0)
		for c := first; c < len(natural); c++ {
			x += st.widths[c]
			if x > view-0.5 && x < view+0.5 {
				return true
			}
			x += pad
		}
		return false
	}
	if ends(newTable(), 1) {
		t.Fatal("the natural widths already fill the view; the test shows nothing")
	}
	st := newTable()
	st.FillStart(natural)
	if !ends(st, 1) {
		t.Errorf("FillStart: widths %v do not fill the view from the start", st.widths)
	}
	st = newTable()
	st.FillWhole(1, 100, 120, true)
	cols := len(natural)
	view := st.Size().Width - st.StuckWidth()
	x := st.widths[cols-1]
	for c := cols - 2; c >= 1 && x < view-0.5; c-- {
		x += pad + st.widths[c]
	}
	if x < view-0.5 || x > view+0.5 {
		t.Errorf("FillWhole at the end: widths %v leave %v of a %v view", st.widths, x, view)
	}
}
