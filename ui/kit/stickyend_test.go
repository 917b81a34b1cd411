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
		tb := widget.NewTable(func() (int, int) { return 3, 10 },
			func() fyne.CanvasObject { return widget.NewLabel("") },
			func(id widget.TableCellID, o fyne.CanvasObject) {
				o.(*widget.Label).SetText(fmt.Sprintf("c%d", id.Col))
			})
		tb.ShowHeaderRow = true
		tb.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
		tb.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(fmt.Sprintf("h%d", id.Col))
		}
		tb.StickyColumnCount = 1
		if pad {
			PadStickyEnd(tb)
		}
		tb.SetColumnWidth(0, 300)
		for i := 1; i < 10; i++ {
			tb.SetColumnWidth(i, 100)
		}
		if pad {
			SetStickyPad(tb, 300)
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
			t.Logf("Fyne scrolls a sticky table to its end now: PadStickyEnd may go")
		}
	}
}
