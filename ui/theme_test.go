package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// paintedRects are the rectangles among a widget's renderer objects that
// Fyne's painter draws (it skips those with neither a fill nor an outline),
// and how many of them have rounded corners.
func paintedRects(w fyne.Widget) (painted, rounded int) {
	for _, o := range test.WidgetRenderer(w).Objects() {
		r, ok := o.(*canvas.Rectangle)
		if !ok || !r.Visible() {
			continue
		}
		fill := r.FillColor != nil && r.FillColor != color.Transparent
		stroke := r.StrokeColor != nil && r.StrokeColor != color.Transparent && r.StrokeWidth > 0
		if !fill && !stroke {
			continue
		}
		painted++
		if r.CornerRadius > 0 || r.TopLeftCornerRadius > 0 || r.TopRightCornerRadius > 0 ||
			r.BottomLeftCornerRadius > 0 || r.BottomRightCornerRadius > 0 {
			rounded++
		}
	}
	return painted, rounded
}

// In 兼容模式 every pixel of a frame goes through Fyne's shaders on the CPU:
// a field is one square rectangle there, not a rounded fill under a rounded
// outline; buttons and drop-downs are square too. The normal theme keeps
// its look.
func TestSoftwareThemeFieldsPaintOneSquareRectangle(t *testing.T) {
	a := test.NewTempApp(t)
	for _, c := range []struct {
		name     string
		software bool
		// painted and rounded rectangles of an entry, rounded ones of a
		// button and a select
		entry, entryRounded, buttonRounded, selectRounded int
	}{
		{"normal", false, 2, 2, 1, 1},
		{"兼容模式", true, 1, 0, 0, 0},
	} {
		SetupApp(a, c.software)
		e := widget.NewEntry()
		b := widget.NewButton("保存", nil)
		s := widget.NewSelect([]string{"党支部"}, nil)
		w := test.NewWindow(container.NewVBox(e, b, s))
		w.Resize(fyne.NewSize(400, 200))
		if painted, rounded := paintedRects(e); painted != c.entry || rounded != c.entryRounded {
			t.Errorf("%s: an entry paints %d rectangles, %d rounded; want %d, %d rounded", c.name, painted, rounded, c.entry, c.entryRounded)
		}
		if _, rounded := paintedRects(b); rounded != c.buttonRounded {
			t.Errorf("%s: a button paints %d rounded rectangles, want %d", c.name, rounded, c.buttonRounded)
		}
		if _, rounded := paintedRects(s); rounded != c.selectRounded {
			t.Errorf("%s: a select paints %d rounded rectangles, want %d", c.name, rounded, c.selectRounded)
		}
		w.Close()
	}
}

// In 兼容模式 the tables' header rows (党员, 党费) have no background of
// their own, which the painter skips; the normal theme keeps its #f9f9f9.
func TestSoftwareThemeTableHeadersHaveNoBackground(t *testing.T) {
	a := test.NewTempApp(t)
	for _, c := range []struct {
		name     string
		software bool
		drawn    bool
	}{{"normal", false, true}, {"兼容模式", true, false}} {
		SetupApp(a, c.software)
		tbl := widget.NewTableWithHeaders(func() (int, int) { return 3, 3 },
			func() fyne.CanvasObject { return widget.NewLabel("党员") }, func(widget.TableCellID, fyne.CanvasObject) {})
		w := test.NewWindow(tbl)
		w.Resize(fyne.NewSize(400, 200))
		drawn := false
		var walk func(o fyne.CanvasObject)
		walk = func(o fyne.CanvasObject) {
			switch o := o.(type) {
			case *canvas.Rectangle:
				if o.Visible() && o.FillColor == a.Settings().Theme().Color(theme.ColorNameHeaderBackground, theme.VariantLight) && o.FillColor != color.Transparent {
					drawn = true
				}
			case *fyne.Container:
				for _, c := range o.Objects {
					walk(c)
				}
			case fyne.Widget:
				for _, c := range test.WidgetRenderer(o).Objects() {
					walk(c)
				}
			}
		}
		walk(tbl)
		if drawn != c.drawn {
			t.Errorf("%s: a table's header background is drawn: %v, want %v", c.name, drawn, c.drawn)
		}
		w.Close()
	}
}
