package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Button is a dialog's or a form's button: when it has the keyboard focus
// (Tab from the last field lands on 取消, then 保存), Enter presses it as
// Space does, and Esc does what Esc does in the dialog it is in. Fyne's
// button takes only Space, so Tab and Enter in the 建账月份 dialog neither
// saved nor cancelled (review s13-attack8 #4).
//
// It is its own widget, laid out as itself: an earlier try kept Form.Save a
// *widget.Button pointing into a wrapper, and callers that placed or looked
// for that pointer found a button that was never laid out (a299831).
type Button struct {
	widget.Button
	// Escape, when set, runs on Esc (a form's cancel); otherwise Esc goes
	// to the window's keys, which are the shown dialog's (keysWhileShown).
	Escape func()
}

// NewButton returns a button labelled text (shown as given) that runs
// tapped.
func NewButton(text string, tapped func()) *Button {
	return NewButtonWithIcon(text, nil, tapped)
}

// NewButtonWithIcon is NewButton with an icon before the text.
func NewButtonWithIcon(text string, icon fyne.Resource, tapped func()) *Button {
	b := &Button{}
	b.ExtendBaseWidget(b)
	b.Text, b.Icon, b.OnTapped = text, icon, tapped
	return b
}

// TypedKey presses the button on Enter (Return or the keypad's) and passes
// Esc on.
func (b *Button) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		b.Tapped(nil)
	case fyne.KeyEscape:
		if b.Escape != nil {
			b.Escape()
			return
		}
		windowKeys(b, ev)
	default:
		b.Button.TypedKey(ev)
	}
}

// windowKeys hands ev to the keys of the window o is in, as if nothing had
// the focus: while a dialog is shown they are the dialog's (Enter confirms,
// Esc closes). Reports whether there was anyone to take them.
func windowKeys(o fyne.CanvasObject, ev *fyne.KeyEvent) bool {
	app := fyne.CurrentApp()
	if app == nil {
		return false
	}
	c := app.Driver().CanvasForObject(o)
	if c == nil || c.OnTypedKey() == nil {
		return false
	}
	c.OnTypedKey()(ev)
	return true
}

// passOn runs Enter or Esc typed on o, an input: its form's save or cancel
// when it belongs to one (k), else the shown dialog's (a check box or a
// list in a dialog that is not a Form). Reports whether it was taken.
func passOn(o fyne.CanvasObject, k *keys, ev *fyne.KeyEvent) bool {
	if k.handle(ev) {
		return true
	}
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		return windowKeys(o, ev)
	}
	return false
}
