package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// NewFlow lays out objects (a row of buttons) left to right at their
// minimum widths, starting a new line where the next would not fit: in an
// HBox a row too wide for its pane was cut at the edge, or forced the window
// wider ("Admission noti" under a 发展党员 person at 1024 px in English,
// review s14-attack8 #15). It is as wide as its widest object, and as high as
// its lines at the width it was last laid out at.
func NewFlow(objects ...fyne.CanvasObject) *fyne.Container {
	f := &flowLayout{}
	c := &fyne.Container{Layout: f, Objects: objects}
	f.c = c
	return c
}

type flowLayout struct {
	c     *fyne.Container
	width float32 // the width last laid out at; 0 before the first layout
}

// lines places objects in lines width wide (all on one line when width is
// 0), calling place for each visible one, and says how high they are.
func (f *flowLayout) lines(objects []fyne.CanvasObject, width float32, place func(o fyne.CanvasObject, pos fyne.Position, size fyne.Size)) float32 {
	pad := theme.Padding()
	var x, y, line float32
	first := true
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if !first && width > 0 && x+pad+m.Width > width {
			x, y, line = 0, y+line+pad, 0
			first = true
		}
		if !first {
			x += pad
		}
		if place != nil {
			place(o, fyne.NewPos(x, y), m)
		}
		x += m.Width
		line = max(line, m.Height)
		first = false
	}
	return y + line
}

func (f *flowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	before := f.lines(objects, f.width, nil)
	f.width = size.Width
	f.lines(objects, size.Width, func(o fyne.CanvasObject, pos fyne.Position, s fyne.Size) {
		o.Move(pos)
		o.Resize(s)
	})
	// More or fewer lines than the height asked for: asking again lets the
	// window give the new height.
	if f.c != nil && f.lines(objects, size.Width, nil) != before {
		f.c.Refresh()
	}
}

func (f *flowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objects {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	return fyne.NewSize(w, f.lines(objects, f.width, nil))
}
