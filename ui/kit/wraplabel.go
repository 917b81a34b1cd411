package kit

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// WrapLabel is a widget.Label that wraps its text by the line-breaking
// rules of BreakLines (Chinese punctuation never starts or ends a line
// wrongly, numbers and words stay whole) instead of Fyne's, which splits
// Chinese at whatever character fills the line. Every wrapped label of the
// window is one: make it with NewWrapLabel where widget.NewLabel and
// Wrapping = fyne.TextWrapWord (or TextWrapBreak) were. Its fields are the
// Label's and mean the same; with Wrapping = fyne.TextWrapOff (a table cell
// that truncates) it is a plain Label.
//
// It shows its text through a Label with the lines broken by "\n", so it
// looks, sizes (a few pixels wide at least, as high as its lines at the
// width it has) and themes as a wrapped Label does. Text stays what was
// set; a Selectable label copies the line breaks it shows.
type WrapLabel struct {
	widget.BaseWidget
	Text       string
	Alignment  fyne.TextAlign
	Wrapping   fyne.TextWrap
	TextStyle  fyne.TextStyle
	Truncation fyne.TextTruncation
	Importance widget.Importance
	SizeName   fyne.ThemeSizeName
	Selectable bool
	// Keep are words never broken across lines (KeepTogether); Text
	// stays as set.
	Keep []string

	shown *widget.Label
	width float32 // the width shown's lines were broken for
}

// NewWrapLabel is a WrapLabel showing text, wrapping.
func NewWrapLabel(text string) *WrapLabel {
	l := &WrapLabel{Text: text, Wrapping: fyne.TextWrapWord}
	l.ExtendBaseWidget(l)
	return l
}

// SetText shows text instead.
func (l *WrapLabel) SetText(text string) {
	l.Text = text
	l.Refresh()
}

// Shown is the text as drawn, a line for each line on screen.
func (l *WrapLabel) Shown() string {
	if l.shown == nil {
		return l.Text
	}
	return l.shown.Text
}

// CreateRenderer is a private method to Fyne which links this widget to
// its renderer.
func (l *WrapLabel) CreateRenderer() fyne.WidgetRenderer {
	l.ExtendBaseWidget(l)
	l.shown = widget.NewLabel("")
	l.sync()
	return &wrapLabelRenderer{l}
}

func (l *WrapLabel) wraps() bool {
	return l.Wrapping != fyne.TextWrapOff && l.Wrapping != fyne.TextWrap(fyne.TextTruncateClip)
}

// sync gives shown the fields and the text broken for l's width.
func (l *WrapLabel) sync() {
	s := l.shown
	s.Alignment, s.TextStyle, s.Importance, s.SizeName, s.Selectable = l.Alignment, l.TextStyle, l.Importance, l.SizeName, l.Selectable
	if !l.wraps() {
		s.Wrapping, s.Truncation, s.Text = l.Wrapping, l.Truncation, l.Text
		return
	}
	s.Wrapping, s.Truncation = fyne.TextWrapOff, fyne.TextTruncateOff
	th := l.Theme()
	sizeName := l.SizeName
	if sizeName == "" {
		sizeName = theme.SizeNameText
	}
	size, style := th.Size(sizeName), l.TextStyle
	// As Fyne's wrapped label: the text spans the width less the inner
	// padding each side.
	room := l.width - 2*th.Size(theme.SizeNameInnerPadding)
	if l.width <= 0 {
		room = 0
	}
	text := l.Text
	if len(l.Keep) > 0 {
		text = KeepTogether(text, l.Keep...)
	}
	s.Text = strings.ReplaceAll(brokenText(text, room, size, style), wordJoiner, "")
}

var (
	brokenMu    sync.Mutex
	brokenCache = map[fitKey]string{}
)

// brokenText is text broken into lines room wide at size in style, kept
// by text, width and style as fitted keeps cut texts: a table's wrapped
// cells are set again each time they scroll into view, and each setting
// broke the text anew (wrap15's note). Bounded as fitCache is.
func brokenText(text string, room, size float32, style fyne.TextStyle) string {
	key := fitKey{text, room, size, style}
	brokenMu.Lock()
	out, ok := brokenCache[key]
	brokenMu.Unlock()
	if ok {
		return out
	}
	out = strings.Join(BreakLines(text, room, func(t string) float32 {
		return fyne.MeasureText(t, size, style).Width
	}), "\n")
	brokenMu.Lock()
	if len(brokenCache) >= fitCacheMax {
		clear(brokenCache)
	}
	brokenCache[key] = out
	brokenMu.Unlock()
	return out
}

type wrapLabelRenderer struct{ l *WrapLabel }

func (r *wrapLabelRenderer) Destroy() {}

func (r *wrapLabelRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.l.shown} }

// Layout breaks the lines again when the width changed: the label is then
// higher or lower, which the window sees in MinSize and lays out anew.
func (r *wrapLabelRenderer) Layout(size fyne.Size) {
	l := r.l
	if l.wraps() && size.Width != l.width {
		l.width = size.Width
		l.sync()
		l.shown.Refresh()
	}
	l.shown.Move(fyne.Position{})
	l.shown.Resize(size)
}

// MinSize is the shown Label's, but for a wrapped text only as wide as a
// wrapped Label is (its padding): the lines follow the width given.
func (r *wrapLabelRenderer) MinSize() fyne.Size {
	min := r.l.shown.MinSize()
	if r.l.wraps() {
		min.Width = 2 * r.l.Theme().Size(theme.SizeNameInnerPadding)
	}
	return min
}

func (r *wrapLabelRenderer) Refresh() {
	r.l.sync()
	r.l.shown.Refresh()
}

// LineCount is how many lines a WrapLabel width wide draws text in, at the
// theme's text size in style: for the height of a list's or a table's row
// (Fyne gives each row the height it is told, not its cells' MinSize).
func LineCount(text string, width float32, style fyne.TextStyle) int {
	size := theme.TextSize()
	return len(BreakLines(text, width-2*theme.InnerPadding(), func(t string) float32 {
		return fyne.MeasureText(t, size, style).Width
	}))
}
