package kit

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Field boxes in 兼容模式 (software rendering).
//
// There every pixel of a frame is painted on the CPU through Fyne's
// shaders, and the grey box of a field is a canvas.Rectangle filled pixel
// by pixel by the rectangle shader: in 设置, 25 field boxes took 119–128 ms
// of a 245–378 ms frame (softpipe on Linux at load 15–19); painted as
// stretched images, still 75–85 ms. A one-pixel line costs next to nothing.
// So in that mode the fields of this package are drawn as a classic
// Windows field: the page's colour inside a one-pixel frame, in the colour
// of Fyne's outline for the field (its border colour: blue while focused,
// grey when disabled). A select's hover, focus and disabled colours still
// fill its box, as they are shown only for a moment or on one field. Fyne's
// rectangle stays in its renderer, which keeps laying it out and colouring
// it, and is only left out of what is painted. With a graphics card nothing
// changes.

// SoftwareRendered is implemented by the theme of 兼容模式 (ui's
// NewSoftwareTheme): the fields of this package then paint as above.
type SoftwareRendered interface {
	SoftwareRendered()
}

// boxed is r, the renderer Fyne made for a field whose first object is its
// box (and, for an entry, whose second is its outline), drawn as a frame
// when th is the theme of 兼容模式; r itself otherwise.
func boxed(th fyne.Theme, r fyne.WidgetRenderer) fyne.WidgetRenderer {
	if _, ok := th.(SoftwareRendered); !ok {
		return r
	}
	objects := r.Objects()
	if len(objects) == 0 {
		return r
	}
	box, ok := objects[0].(*canvas.Rectangle)
	if !ok {
		return r
	}
	b := &boxRenderer{WidgetRenderer: r, th: th, box: box}
	if len(objects) > 1 {
		b.border, _ = objects[1].(*canvas.Rectangle)
	}
	b.fill = newPixel()
	for i := range b.edges {
		b.edges[i] = newPixel()
	}
	b.sync()
	return b
}

// pixel is a one-pixel image stretched over its size: a rectangle the
// texture shader paints.
type pixel struct {
	*canvas.Image
	rgba  *image.NRGBA
	color color.Color
}

func newPixel() *pixel {
	p := &pixel{rgba: image.NewNRGBA(image.Rect(0, 0, 1, 1))}
	p.Image = canvas.NewImageFromImage(p.rgba)
	p.ScaleMode = canvas.ImageScaleFastest // one pixel, stretched by the GPU (here, softpipe)
	return p
}

// set gives p colour c (nil or transparent: p is not drawn), at pos and size.
func (p *pixel) set(c color.Color, pos fyne.Position, size fyne.Size) {
	p.Move(pos)
	p.Resize(size)
	p.Hidden = c == nil || c == color.Transparent
	if c != p.color && c != nil {
		p.color = c
		p.rgba.SetNRGBA(0, 0, color.NRGBAModel.Convert(c).(color.NRGBA))
		p.Refresh()
	}
}

// boxRenderer draws its field's box as a frame of four lines, with a fill
// only in a colour other than the field's usual one.
type boxRenderer struct {
	fyne.WidgetRenderer
	th      fyne.Theme
	box     *canvas.Rectangle
	border  *canvas.Rectangle // an entry's outline, whose colour Fyne keeps; nil for a select
	fill    *pixel
	edges   [4]*pixel
	objects []fyne.CanvasObject
}

func (b *boxRenderer) Layout(size fyne.Size) {
	b.WidgetRenderer.Layout(size)
	b.sync()
}

func (b *boxRenderer) Refresh() {
	b.WidgetRenderer.Refresh()
	b.sync()
}

// Objects are Fyne's, with the fill and the frame in place of the box.
func (b *boxRenderer) Objects() []fyne.CanvasObject {
	inner := b.WidgetRenderer.Objects()
	b.objects = b.objects[:0]
	for _, o := range inner {
		if o == b.box {
			b.objects = append(b.objects, b.fill.Image, b.edges[0].Image, b.edges[1].Image, b.edges[2].Image, b.edges[3].Image)
			continue
		}
		b.objects = append(b.objects, o)
	}
	return b.objects
}

// sync puts the fill and the frame where the box is, in its colours.
func (b *boxRenderer) sync() {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	pos, size := b.box.Position(), b.box.Size()
	fill := b.box.FillColor
	if fill == b.th.Color(theme.ColorNameInputBackground, v) {
		fill = nil
	}
	b.fill.set(fill, pos, size)
	line := b.th.Color(theme.ColorNameInputBorder, v)
	if b.border != nil && b.border.StrokeColor != nil {
		line = b.border.StrokeColor
	}
	if b.box.Hidden {
		line = nil
	}
	const w = 1
	b.edges[0].set(line, pos, fyne.NewSize(size.Width, w))
	b.edges[1].set(line, pos.AddXY(0, size.Height-w), fyne.NewSize(size.Width, w))
	b.edges[2].set(line, pos, fyne.NewSize(w, size.Height))
	b.edges[3].set(line, pos.AddXY(size.Width-w, 0), fyne.NewSize(w, size.Height))
}

// CreateRenderer is Fyne's, with the box painted as an image in 兼容模式.
func (e *Entry) CreateRenderer() fyne.WidgetRenderer {
	return boxed(e.Theme(), e.Entry.CreateRenderer())
}

// CreateRenderer is Fyne's, with the box painted as an image in 兼容模式.
func (e *SelectEntry) CreateRenderer() fyne.WidgetRenderer {
	return boxed(e.Theme(), e.SelectEntry.CreateRenderer())
}

// CreateRenderer is Fyne's, with the box painted as an image in 兼容模式.
func (s *Select) CreateRenderer() fyne.WidgetRenderer {
	return boxed(s.Theme(), s.Select.CreateRenderer())
}

// SearchEntry is Fyne's entry, unchanged but for its box in 兼容模式: for
// a field outside any form (a screen's search), which kit's Entry would
// give form manners (text selected on Tab, Enter passed on).
type SearchEntry struct {
	widget.Entry
}

// NewSearchEntry returns an empty SearchEntry, as widget.NewEntry does.
func NewSearchEntry() *SearchEntry {
	e := &SearchEntry{}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// CreateRenderer is Fyne's, with the box painted as a frame in 兼容模式.
func (e *SearchEntry) CreateRenderer() fyne.WidgetRenderer {
	return boxed(e.Theme(), e.Entry.CreateRenderer())
}

// PlainSelect is Fyne's select, unchanged but for its box in 兼容模式 (a
// screen's filter outside any form).
type PlainSelect struct {
	widget.Select
}

// NewPlainSelect returns a PlainSelect over options, as widget.NewSelect
// does (Fyne's placeholder included).
func NewPlainSelect(options []string, changed func(string)) *PlainSelect {
	s := &PlainSelect{}
	s.Options, s.OnChanged = options, changed
	s.PlaceHolder = widget.NewSelect(nil, nil).PlaceHolder
	s.ExtendBaseWidget(s)
	return s
}

// CreateRenderer is Fyne's, with the box painted as a frame in 兼容模式.
func (s *PlainSelect) CreateRenderer() fyne.WidgetRenderer {
	return boxed(s.Theme(), s.Select.CreateRenderer())
}
