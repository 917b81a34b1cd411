package kit

import (
	"image/color"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Scroll is a vertically scrolling page or form body that the mouse wheel
// moves wherever the pointer is.
//
// Fyne gives a wheel event to the innermost scrollable object under the
// pointer, and every one-line entry scrolls its own text: over an entry the
// wheel moved nothing (设置 did not move at all). A transparent layer over
// the page takes every wheel event and scrolls the page. It implements only
// scrolling, so clicks, hovering, dragging and the keyboard reach the inputs
// below as before. It also evens out the speed: Fyne moves 25 px a notch,
// about a line; here a notch moves three lines, as Windows does by default,
// and one fast flick at most a page. A list in the page (the backups in 设置)
// still scrolls under the pointer until it reaches its end, then the page
// goes on; a multi-line entry keeps its scroll bar.
type Scroll struct {
	widget.BaseWidget
	inner *container.Scroll
	wheel *wheel
}

// NewScroll returns a vertical scroll over content.
func NewScroll(content fyne.CanvasObject) *Scroll {
	// The strut keeps the content clear of the scroll bar, which Fyne draws
	// over the content's right edge.
	strut := canvas.NewRectangle(color.Transparent)
	strut.SetMinSize(fyne.NewSize(theme.ScrollBarSize()+theme.Padding(), 0))
	s := &Scroll{inner: container.NewVScroll(container.NewBorder(nil, nil, nil, strut, content))}
	s.wheel = &wheel{target: s.inner, content: content}
	s.wheel.ExtendBaseWidget(s.wheel)
	s.ExtendBaseWidget(s)
	return s
}

// CreateRenderer lays the wheel layer over the scroll.
func (s *Scroll) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(s.inner, s.wheel))
}

// Inner is the scroll container underneath, for its Offset and ScrollToTop.
func (s *Scroll) Inner() *container.Scroll { return s.inner }

// ScrollToTop shows the top of the content.
func (s *Scroll) ScrollToTop() { s.inner.ScrollToTop() }

// Reveal scrolls the least that shows o, a part of the content, whole (its
// top when it is taller than the view): a form's 已保存 beside its 保存,
// saved with Enter from a field far above, was below the fold.
func (s *Scroll) Reveal(o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	if s.inner.Content == nil || d.CanvasForObject(o) == nil {
		return
	}
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s.inner.Content).Y
	view := s.inner.Size().Height
	off := s.inner.Offset.Y
	switch {
	case y < off:
		off = y
	case y+o.Size().Height > off+view:
		off = min(y, y+o.Size().Height-view)
	default:
		return
	}
	s.inner.ScrollToOffset(fyne.NewPos(s.inner.Offset.X, max(0, off)))
}

// wheel is the layer that passes wheel events to the page.
type wheel struct {
	widget.BaseWidget
	target  *container.Scroll
	content fyne.CanvasObject
}

func (w *wheel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack())
}

// driverNotch is how far Fyne's desktop driver says one notch of the wheel
// moves (scroll_speed_*.go in its glfw driver).
func driverNotch() float32 {
	if runtime.GOOS == "darwin" {
		return 10
	}
	return 25
}

// wheelLines is how many lines of text one notch scrolls.
const wheelLines = 3

// Scrolled moves a list under the pointer while it can move, else the page
// by three lines a notch, at most a page at once.
func (w *wheel) Scrolled(ev *fyne.ScrollEvent) {
	if l := listAt(w.content, ev.AbsolutePosition); l != nil && ev.Scrolled.DY != 0 {
		before := l.GetScrollOffset()
		l.ScrollToOffset(before - ev.Scrolled.DY)
		if l.GetScrollOffset() != before {
			return
		}
	}
	line := fyne.MeasureText("党", theme.TextSize(), fyne.TextStyle{}).Height + theme.LineSpacing()
	dy := ev.Scrolled.DY / driverNotch() * wheelLines * line
	page := max(w.target.Size().Height-line, line)
	dy = max(-page, min(page, dy))
	w.target.Scrolled(&fyne.ScrollEvent{PointEvent: ev.PointEvent, Scrolled: fyne.Delta{DX: ev.Scrolled.DX, DY: dy}})
}

// listAt finds the list under the absolute position pos among o and what it
// holds (containers and cards), or nil.
func listAt(o fyne.CanvasObject, pos fyne.Position) *widget.List {
	if o == nil || !o.Visible() {
		return nil
	}
	switch w := o.(type) {
	case *widget.List:
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(w)
		size := w.Size()
		if pos.X >= at.X && pos.Y >= at.Y && pos.X < at.X+size.Width && pos.Y < at.Y+size.Height {
			return w
		}
	case *fyne.Container:
		for _, c := range w.Objects {
			if l := listAt(c, pos); l != nil {
				return l
			}
		}
	case *widget.Card:
		return listAt(w.Content, pos)
	}
	return nil
}
