package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// NewCappedScroll shows content as high as it needs, up to max, and
// scrolls it beyond: for a dialog's part whose length depends on the
// file read (the notes and lists above an import preview's tables), which
// must not push the tables and buttons out of the window (review
// s14-preview7 #7, #8).
func NewCappedScroll(content fyne.CanvasObject, max float32) *fyne.Container {
	s := container.NewVScroll(content)
	return container.New(&cappedLayout{scroll: s, max: max}, s)
}

// cappedLayout gives its one scroll the height of the scroll's content,
// measured at the width laid out, up to max.
type cappedLayout struct {
	scroll *container.Scroll
	max    float32
}

func (c *cappedLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (c *cappedLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	inner := c.scroll.Content.MinSize()
	return fyne.NewSize(c.scroll.MinSize().Width, min(inner.Height, c.max))
}
