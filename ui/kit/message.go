package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// messageLabel is the red line under a field. A message longer than the
// field is cut with "…" so that the fields below keep still; pointing at
// it (or clicking it) shows the whole message just under it, wrapped — an
// English "An ID number has 18 characters (this one has 14)" lost its
// useful end otherwise (review s5-8 newuser #8).
type messageLabel struct {
	widget.Label
	whole *widget.PopUp
}

func newMessageLabel() *messageLabel {
	m := &messageLabel{}
	m.ExtendBaseWidget(m)
	return m
}

// cut reports whether the message does not fit the label's width.
func (m *messageLabel) cut() bool {
	if m.Text == "" || m.Truncation != fyne.TextTruncateEllipsis {
		return false
	}
	size := theme.Size(m.SizeName)
	if m.SizeName == "" {
		size = theme.TextSize()
	}
	return fyne.MeasureText(m.Text, size, m.TextStyle).Width+2*theme.InnerPadding() > m.Size().Width
}

// showWhole shows the whole message under the label when it is cut.
func (m *messageLabel) showWhole() {
	m.hideWhole()
	if !m.cut() {
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(m)
	if c == nil {
		return
	}
	text := widget.NewLabel(m.Text)
	text.Importance = m.Importance
	text.Wrapping = fyne.TextWrapWord
	text.SizeName = m.SizeName
	width := max(m.Size().Width, 320)
	text.Resize(fyne.NewSize(width, text.MinSize().Height))
	m.whole = widget.NewPopUp(container.NewPadded(text), c)
	h := text.MinSize().Height
	text.Resize(fyne.NewSize(width, h))
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(m).AddXY(0, m.Size().Height)
	m.whole.ShowAtPosition(pos)
	m.whole.Resize(fyne.NewSize(width+2*theme.Padding(), h+2*theme.Padding()))
}

func (m *messageLabel) hideWhole() {
	if m.whole != nil {
		m.whole.Hide()
		m.whole = nil
	}
}

// Whole is the message shown whole under the label, "" when none: for
// tests.
func (m *messageLabel) Whole() string {
	if m.whole == nil {
		return ""
	}
	return m.Text
}

// MouseIn shows a cut message whole.
func (m *messageLabel) MouseIn(*desktop.MouseEvent) { m.showWhole() }

// MouseMoved does nothing; the message stays whole while pointed at.
func (m *messageLabel) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the whole message.
func (m *messageLabel) MouseOut() { m.hideWhole() }

// Tapped shows a cut message whole, or hides it: for a touch screen.
func (m *messageLabel) Tapped(*fyne.PointEvent) {
	if m.whole != nil {
		m.hideWhole()
		return
	}
	m.showWhole()
}

// SetText changes the message; a whole one shown goes with the old text.
func (m *messageLabel) SetText(s string) {
	if s != m.Text {
		m.hideWhole()
	}
	m.Label.SetText(s)
}
