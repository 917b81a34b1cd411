package kit

import (
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FormDialog is a form in a dialog: the body scrolls, the reason line and
// the buttons stay at the bottom, the cursor starts in the first field,
// Enter saves and Esc cancels (asking first when typed work would be lost).
type FormDialog struct {
	dlg  *dialog.CustomDialog
	Form *Form
	size fyne.Size // the dialog's, as first shown
}

// ShowForm shows form with body in a dialog titled title (a Chinese message,
// translated here, or a title already put together in the UI language). Unless
// set, the form's OnCancel closes the dialog and its Ask is Confirm on win;
// OnSubmit should call Hide when saved. size is the size wanted, kept inside
// the window.
//
// The dialog is never smaller than its fields need, unless the window is:
// opened at a size chosen for the Chinese labels, or before a field's
// message space was reserved, a form showed its fields cramped in a scroll
// box with room to spare around it (review s8-8 #8: 登记变动 at 1024×700).
func ShowForm(win fyne.Window, title string, form *Form, body fyne.CanvasObject, size fyne.Size) *FormDialog {
	return ShowFormUnscrolled(win, title, form, NewScroll(body), size)
}

// ShowFormUnscrolled is ShowForm for a body that scrolls its own parts
// (tabs, a list that needs the wheel): body is shown as it is.
func ShowFormUnscrolled(win fyne.Window, title string, form *Form, body fyne.CanvasObject, size fyne.Size) *FormDialog {
	d := &FormDialog{Form: form}
	content := container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), form.Buttons()), nil, nil, body)
	d.dlg = dialog.NewCustomWithoutButtons(shown(title), content, win)
	if form.OnCancel == nil {
		form.OnCancel = d.Hide
	}
	if form.Ask == nil {
		form.Ask = func(title, message string, onYes func()) { ConfirmDiscard(win, title, message, onYes) }
	}
	form.Refresh()
	d.size = fitIn(win, size)
	d.dlg.Resize(d.size)
	keysWhileShown(win, d.dlg, func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			form.Submit()
		case fyne.KeyEscape:
			form.TryCancel()
		}
	})
	d.dlg.Show()
	// Wrapped texts are as tall as the width they are given: what a
	// scroll of the form hides is known once the dialog is laid out.
	if hidden := hiddenHeight(body); hidden > 0 {
		d.dlg.Resize(fitIn(win, d.size.AddWidthHeight(0, hidden)))
	}
	form.FocusFirst()
	return d
}

// hiddenHeight is the most that a Scroll in o (the form's body, the form
// beside a list) hides of its content.
func hiddenHeight(o fyne.CanvasObject) float32 {
	switch v := o.(type) {
	case *Scroll:
		return max(0, v.inner.Content.MinSize().Height-v.inner.Size().Height)
	case *container.Split:
		return max(hiddenHeight(v.Leading), hiddenHeight(v.Trailing))
	case *fyne.Container:
		h := float32(0)
		for _, c := range v.Objects {
			h = max(h, hiddenHeight(c))
		}
		return h
	}
	return 0
}

// Hide closes the dialog.
func (d *FormDialog) Hide() { d.dlg.Hide() }

// Dialog is the Fyne dialog, for tests and for resizing.
func (d *FormDialog) Dialog() *dialog.CustomDialog { return d.dlg }

// fitIn keeps a dialog inside the window, so that a form opened on a
// 1024×700 screen shows its buttons.
func fitIn(win fyne.Window, size fyne.Size) fyne.Size {
	if win == nil || win.Canvas() == nil {
		return size
	}
	c := win.Canvas().Size()
	if c.Width <= 0 || c.Height <= 0 {
		return size
	}
	const margin = 24
	return fyne.NewSize(min(size.Width, c.Width-margin), min(size.Height, c.Height-margin))
}

// FitIn is size cut to the window's, less a margin: the size to give a
// dialog so that it shows whole on a 1024×700 screen.
func FitIn(win fyne.Window, size fyne.Size) fyne.Size { return fitIn(win, size) }

// keysWhileShown sends the keys typed while nothing has the focus to
// handle for as long as d is shown, then restores what the window did
// before.
func keysWhileShown(win fyne.Window, d dialog.Dialog, handle func(*fyne.KeyEvent)) {
	if win == nil {
		return
	}
	c := win.Canvas()
	before := c.OnTypedKey()
	c.SetOnTypedKey(handle)
	d.SetOnClosed(func() { c.SetOnTypedKey(before) })
}

// OpenFailed says, in one sentence of the UI language, that the system
// could not open path (doing: a Chinese phrase such as "打开文件夹") and
// where it is, so that it can be found by hand. The system's own error
// (often English, such as exec's "executable file not found") goes to the
// log, not to the secretary.
func OpenFailed(win fyne.Window, doing, path string, err error) dialog.Dialog {
	log.Printf("%s %s: %v", doing, path, err)
	return Inform(win, "操作未完成", L("系统未能{{.Doing}}，请在文件管理器中按此路径找到它：{{.Path}}",
		map[string]any{"Doing": L(doing), "Path": path}))
}

// EnterEsc makes Enter run enter and Esc run escape (either may be nil)
// while d is shown and no input has the keyboard focus: for a dialog built
// from its own buttons, such as a preview with 导入 and 取消.
func EnterEsc(win fyne.Window, d dialog.Dialog, enter, escape func()) {
	keysWhileShown(win, d, func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			if enter != nil {
				enter()
			}
		case fyne.KeyEscape:
			if escape != nil {
				escape()
			}
		}
	})
}

// Confirm asks before an action: message (already in the UI language)
// under title (Chinese), with 取消 and yes (Chinese, such as "确认" or
// "放弃"); onYes runs on yes. Enter answers yes, Esc 取消.
func Confirm(win fyne.Window, title, message, yes string, onYes func()) dialog.Dialog {
	return confirmWith(win, title, message, "取消", yes, onYes)
}

// ConfirmDiscard asks before throwing unsaved edits away: the buttons say
// what each does, 继续编辑 (Esc) and 放弃修改 (Enter runs onYes).
func ConfirmDiscard(win fyne.Window, title, message string, onYes func()) dialog.Dialog {
	return confirmWith(win, title, message, "继续编辑", "放弃修改", onYes)
}

func confirmWith(win fyne.Window, title, message, no, yes string, onYes func()) dialog.Dialog {
	return ask(win, title, message, no, []Choice{{Text: yes, Run: onYes}})
}

// Choice is one answer to a question (Ask): its button's text (Chinese,
// translated here) and what it does.
type Choice struct {
	Text string
	Run  func()
}

// Ask asks message (already in the UI language) under title (Chinese) with
// 取消 and the choices, as buttons in that order; the last choice is
// highlighted and Enter takes it, Esc is 取消 (issue 8: Enter confirms a
// dialog; the 所在党支部 question of 设置 took neither, review s7-8 newuser #4).
func Ask(win fyne.Window, title, message string, choices ...Choice) dialog.Dialog {
	return ask(win, title, message, "取消", choices)
}

func ask(win fyne.Window, title, message, no string, choices []Choice) dialog.Dialog {
	msg := NewWrapLabel(message)
	var d *dialog.CustomDialog
	cancel := NewButton(shown(no), func() { d.Hide() })
	buttons := container.NewHBox(cancel)
	for i, c := range choices {
		b := NewButton(shown(c.Text), func() { d.Hide(); c.Run() })
		if i == len(choices)-1 {
			b.Importance = widget.HighImportance
		}
		buttons.Add(b)
	}
	body := container.NewBorder(nil, container.NewBorder(nil, nil, nil, buttons), nil, nil, msg)
	d = dialog.NewCustomWithoutButtons(shown(title), body, win)
	d.Resize(fitIn(win, fyne.NewSize(max(480, buttons.MinSize().Width+2*theme.Padding()), 0)))
	keysWhileShown(win, d, func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			d.Hide()
			if len(choices) > 0 {
				choices[len(choices)-1].Run()
			}
		case fyne.KeyEscape:
			d.Hide()
		}
	})
	d.Show()
	return d
}

// Inform shows message (already in the UI language) under title (Chinese)
// with one 确定 button; Enter or Esc closes it. The message is broken into
// lines by the rules of Chinese text (WrapLabel), as every question's is:
// Fyne's wrapping started a line with "：" or "。" (review s13-newuser #2).
func Inform(win fyne.Window, title, message string) dialog.Dialog {
	msg := NewWrapLabel(message)
	var d *dialog.CustomDialog
	ok := NewButton(L("确定"), func() { d.Hide() })
	ok.Importance = widget.HighImportance
	body := container.NewBorder(nil, container.NewBorder(nil, nil, nil, ok), nil, nil, msg)
	d = dialog.NewCustomWithoutButtons(shown(title), body, win)
	d.Resize(fitIn(win, fyne.NewSize(480, 0)))
	keysWhileShown(win, d, func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter || ev.Name == fyne.KeyEscape {
			d.Hide()
		}
	})
	d.Show()
	return d
}

// ShowProgress shows a dialog titled title (translated here) with detail and
// a moving bar while slow work runs; hide it when the work is done.
//
// Hiding it stops the bar. Hiding only the dialog (Fyne 2.7.1) leaves the
// bar's animation running for good, and each of its 60 ticks a second
// repaints the whole window: the 导出完成 dialog that followed an export
// kept a core 27–47 % busy in 兼容模式, where every repaint is drawn on the
// CPU (review s4-10 attack #4). Without animations (launch.Still, 兼容模式)
// there is no bar at all: the title says the work is under way, and the
// frames are left to the work.
func ShowProgress(win fyne.Window, title, detail string) dialog.Dialog {
	body := container.NewVBox(widget.NewLabel(detail))
	p := &progressDialog{}
	if fyne.CurrentApp().Settings().ShowAnimations() {
		p.bar = widget.NewProgressBarInfinite()
		body.Add(p.bar)
	}
	p.Dialog = dialog.NewCustomWithoutButtons(shown(title), body, win)
	p.Show()
	return p
}

type progressDialog struct {
	dialog.Dialog
	bar *widget.ProgressBarInfinite
}

func (p *progressDialog) Hide() {
	if p.bar != nil {
		p.bar.Stop()
	}
	p.Dialog.Hide()
}

// Dialog is a dialog whose buttons take Enter when focused (Button) and
// whose Enter and Esc work while nothing has the focus: Fyne's own dialogs
// (dialog.NewCustom, NewCustomConfirm) have buttons that take only Space, so
// Tab onto 取消 and Enter did nothing (review s13-attack8 #4).
type Dialog struct {
	*dialog.CustomDialog
	confirm, dismiss func()
}

// Dismiss answers no, as 取消 or Esc does, and closes the dialog.
func (d *Dialog) Dismiss() {
	if d.dismiss == nil {
		d.Hide()
		return
	}
	d.dismiss()
}

// Confirm runs the dialog's yes, as its highlighted button does, and closes
// it; for a dialog of one button it only closes.
func (d *Dialog) Confirm() {
	if d.confirm == nil {
		d.Hide()
		return
	}
	d.confirm()
}

// NewCustom is dialog.NewCustom with this package's keys: content under
// title with one button, dismiss (both already in the UI language), which
// Enter and Esc press too. Show it with Show.
func NewCustom(title, dismiss string, content fyne.CanvasObject, win fyne.Window) *Dialog {
	d := &Dialog{}
	close := NewButton(dismiss, func() { d.Hide() })
	body := container.NewBorder(nil, container.NewBorder(nil, nil, nil, close), nil, nil, content)
	d.CustomDialog = dialog.NewCustomWithoutButtons(title, body, win)
	EnterEsc(win, d, d.Hide, d.Hide)
	return d
}

// NewCustomConfirm is dialog.NewCustomConfirm with this package's keys:
// content under title with no and yes (already in the UI language);
// callback gets whether yes was chosen. Enter is yes, Esc no, and a
// focused button takes Enter. Show it with Show.
func NewCustomConfirm(title, yes, no string, content fyne.CanvasObject, callback func(bool), win fyne.Window) *Dialog {
	d := &Dialog{}
	answered := false
	answer := func(ok bool) {
		if answered {
			return
		}
		answered = true
		d.Hide()
		if callback != nil {
			callback(ok)
		}
	}
	d.confirm, d.dismiss = func() { answer(true) }, func() { answer(false) }
	noButton := NewButton(no, func() { answer(false) })
	yesButton := NewButton(yes, func() { answer(true) })
	yesButton.Importance = widget.HighImportance
	body := container.NewBorder(nil, container.NewBorder(nil, nil, nil, container.NewHBox(noButton, yesButton)), nil, nil, content)
	d.CustomDialog = dialog.NewCustomWithoutButtons(title, body, win)
	EnterEsc(win, d, d.confirm, d.dismiss)
	return d
}
