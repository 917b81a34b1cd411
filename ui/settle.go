package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// A screen switch in one frame.
//
// Before painting a frame, Fyne (v2.7) lays out whatever changed size
// since the last one; moving a container there marks the window for
// another frame, identical to the first. A new screen is all change, so
// every switch painted its screen twice. With a graphics card that is a
// few milliseconds; in 兼容模式 (software rendering) a frame of a full
// screen takes 0.2–0.5 s of CPU, and the second one doubled the switch.
// navigate therefore has Fyne lay the new screen out at once (layOutNow),
// so that the frame finds nothing left to move and paints once.
//
// The window's minimum size is the one thing left for the frame: Fyne
// fits the window to it (and stops the user from shrinking it further)
// only when the frame itself sees it change. steadyRoot, the window's
// content, holds its minimum size at the old screen's while the new one
// is laid out, and the frame then sees the new one, as it always did.

// minSizer is the part of Fyne's desktop canvas that lays out what changed
// (common.Canvas.EnsureMinSize, run at the start of every frame); the test
// driver's canvas has none.
type minSizer interface{ EnsureMinSize() bool }

// layOutNow lays out what changed in c now rather than at the next frame.
// A pass can change the minimum size of what an earlier one laid out
// (wrapped text at its new width); three passes settle the screens here.
func layOutNow(c fyne.Canvas) {
	m, ok := c.(minSizer)
	if !ok {
		return
	}
	for range 3 {
		m.EnsureMinSize()
	}
}

// steadyRoot is the window's content (the navigation and the screen),
// whose minimum size can be held at its last value.
type steadyRoot struct {
	widget.BaseWidget
	content fyne.CanvasObject
	// last is the minimum size last reported; while holds > 0, held is
	// reported instead of the content's.
	last, held fyne.Size
	holds      int
}

func newSteadyRoot(content fyne.CanvasObject) *steadyRoot {
	r := &steadyRoot{content: content}
	r.ExtendBaseWidget(r)
	return r
}

// hold keeps the minimum size at its last value until the matching
// release; holds nest (a change made in a change).
func (r *steadyRoot) hold() {
	if r.holds == 0 {
		r.held = r.last
	}
	r.holds++
}

func (r *steadyRoot) release() { r.holds-- }

func (r *steadyRoot) CreateRenderer() fyne.WidgetRenderer { return steadyRootRenderer{r} }

type steadyRootRenderer struct{ r *steadyRoot }

// Layout only resizes: the content stays at the window's corner, and a
// resize to the same size does nothing, so the frame's look at the window's
// new minimum size moves nothing.
func (x steadyRootRenderer) Layout(size fyne.Size) { x.r.content.Resize(size) }

func (x steadyRootRenderer) MinSize() fyne.Size {
	if x.r.holds > 0 {
		return x.r.held
	}
	x.r.last = x.r.content.MinSize()
	return x.r.last
}

func (x steadyRootRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{x.r.content} }
func (x steadyRootRenderer) Refresh()                     { x.r.content.Refresh() }
func (x steadyRootRenderer) Destroy()                     {}
