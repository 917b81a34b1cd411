package ui

import (
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/ui/kit"
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

// In 兼容模式 the app's own fields (kit's entry, date entry, select entry
// and select) are drawn as a classic Windows field: no rectangle painted
// (softpipe's rectangle shader made 设置's field boxes 40 % of a frame),
// the page's colour inside a one-pixel frame in the field's outline colour,
// blue while an entry has the focus. With a graphics card they look
// exactly like Fyne's own.
func TestSoftwareThemeFieldsAreFramesNotBoxes(t *testing.T) {
	a := test.NewTempApp(t)
	for _, software := range []bool{false, true} {
		SetupApp(a, software)
		th := a.Settings().Theme()
		v := theme.VariantLight
		for _, f := range []struct {
			name      string
			kit, fyne fyne.Widget
		}{
			{"entry", kitEntry("党支部"), widgetEntry("党支部")},
			{"select entry", kitSelectEntry("大学"), widgetSelectEntry("大学")},
			{"select", kitSelect("正式党员"), widgetSelect("正式党员")},
			{"date entry", kit.NewDateEntry(), nil},
			{"search entry", kitSearchEntry("张三"), widgetEntry("张三")},
			{"plain select", kitPlainSelect("正式党员"), fyneSelect("正式党员")},
		} {
			size := fyne.NewSize(300, f.kit.MinSize().Height)
			kw := test.NewWindow(f.kit)
			kw.Resize(size)
			painted, _ := paintedRects(f.kit)
			if !software {
				if painted == 0 {
					t.Errorf("normal: a kit %s paints no rectangle", f.name)
				}
				if f.fyne != nil {
					fw := test.NewWindow(f.fyne)
					fw.Resize(size)
					if !sameImage(kw.Canvas().Capture(), fw.Canvas().Capture()) {
						t.Errorf("normal: a kit %s does not look like Fyne's own", f.name)
					}
					fw.Close()
				}
				kw.Close()
				continue
			}
			if painted != 0 {
				t.Errorf("兼容模式: a kit %s paints %d rectangles", f.name, painted)
			}
			// Pixels of the field: its top left corner (the frame) and a
			// point inside, left of where the text starts.
			x, mid := f.kit.Position().X+th.Size(theme.SizeNameInputBorder), f.kit.Position().Y+f.kit.Size().Height/2
			shot := kw.Canvas().Capture()
			at := func(x, y float32) color.Color {
				s := kw.Canvas().Scale()
				return color.NRGBAModel.Convert(shot.At(int(x*s), int(y*s)))
			}
			rgba := func(c color.Color) color.Color { return color.NRGBAModel.Convert(c) }
			if got, want := at(x, mid), rgba(th.Color(theme.ColorNameInputBorder, v)); got != want {
				t.Errorf("兼容模式: a kit %s's frame is %v, want the outline colour %v", f.name, got, want)
			}
			if got, want := at(x+2, mid), rgba(th.Color(theme.ColorNameBackground, v)); got != want {
				t.Errorf("兼容模式: a kit %s is %v inside, want the page's %v", f.name, got, want)
			}
			if e, ok := f.kit.(interface{ SetText(string) }); ok {
				e.SetText("")
				kw.Canvas().Focus(f.kit.(fyne.Focusable))
				shot = kw.Canvas().Capture()
				if got, want := at(x, mid), rgba(th.Color(theme.ColorNamePrimary, v)); got != want {
					t.Errorf("兼容模式: a focused kit %s's frame is %v, want %v", f.name, got, want)
				}
			}
			kw.Close()
		}
	}
}

func kitSearchEntry(s string) fyne.Widget {
	e := kit.NewSearchEntry()
	e.SetText(s)
	return e
}
func kitPlainSelect(s string) fyne.Widget {
	e := kit.NewPlainSelect([]string{s}, nil)
	e.SetSelected(s)
	return e
}
func fyneSelect(s string) fyne.Widget {
	e := widget.NewSelect([]string{s}, nil)
	e.SetSelected(s)
	return e
}
func kitEntry(s string) fyne.Widget { e := kit.NewEntry(); e.SetText(s); return e }
func widgetEntry(s string) fyne.Widget {
	e := widget.NewEntry()
	e.SetText(s)
	return e
}
func kitSelectEntry(s string) fyne.Widget {
	e := kit.NewSelectEntry([]string{s})
	e.SetText(s)
	return e
}
func widgetSelectEntry(s string) fyne.Widget {
	e := widget.NewSelectEntry([]string{s})
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.SetText(s)
	return e
}
func kitSelect(s string) fyne.Widget {
	e := kit.NewSelect([]string{s}, nil)
	e.SetSelected(s)
	return e
}
func widgetSelect(s string) fyne.Widget {
	e := widget.NewSelect([]string{s}, nil)
	e.PlaceHolder = kit.L("请选择")
	e.SetSelected(s)
	return e
}

func sameImage(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if color.NRGBAModel.Convert(a.At(x, y)) != color.NRGBAModel.Convert(b.At(x, y)) {
				return false
			}
		}
	}
	return true
}
