package kit

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
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
