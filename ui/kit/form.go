package kit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Form is a form's fields, its 保存 and 取消, and the rules a secretary
// expects of them:
//   - a field is checked when the user leaves it or saves, never on the first
//     keystroke, and an untouched field shows no message;
//   - a message sits in space kept for it under its field, so that nothing
//     moves under the pointer, and it disappears the moment its cause is
//     fixed;
//   - 保存 is disabled while anything is missing or wrong, and the line beside
//     it says what (尚需填写：姓名；请更正：入党日期);
//   - Enter saves (showing every message if something is still wrong), Esc
//     cancels, and cancelling a form with unsaved edits asks first.
//
// Set OnSubmit (and OnCancel, for a form that closes), add the fields, lay
// them out with Grid or Stacked and put Buttons under them. Inputs should be
// this package's (Entry, NewPasswordEntry, DateEntry, SelectEntry, Select,
// Check), which tell the form when the user leaves them and pass it Enter
// and Esc; set an input's own OnChanged before adding it.
type Form struct {
	// OnSubmit saves; it runs only when nothing is wrong. A service's
	// refusal is shown with SetServerError or SetError.
	OnSubmit func()
	// OnCancel closes the form; it runs after asking when there are
	// unsaved edits. Nil for a page that stays (the 取消 button is hidden).
	OnCancel func()
	// Check, when set, checks the fields together (the whole record through
	// model's rules) and reports each problem against its field; a problem
	// of no field goes to the line beside 保存 with field nil.
	Check func(report func(f *Field, message string))
	// Ask asks before throwing edits away; the Host's Confirm. Nil cancels
	// without asking.
	Ask func(title, message string, onYes func())

	// Save and Cancel take Enter when they have the focus (Button).
	Save, Cancel *Button
	// Reason is the line beside 保存: why it is disabled, or what the
	// service said.
	Reason *WrapLabel

	fields    []*Field
	attempted bool // the user tried to save (or ShowAll): every message shows
	submitted bool // the user tried to save since Load
	loading   bool
	changed   bool   // something outside the fields changed (MarkChanged)
	formError string // SetError's message, until the next change
	problems  map[*Field]string
	general   []string // problems of no field
}

// messageLines is how many lines of message every field keeps free under
// its input: two, in Chinese as in English (whose sentences are about twice
// as wide). One cut the useful end of a message with "…" ("An ID number has
// 18 characters (this one has …": review s5-8 newuser #8; "“2026.1”分不清是
// 2026年1月还是10月，请写成 2026.01 或…" in Chinese), and a message let to
// wrap beyond its space moved the fields below it. A message longer than
// two lines still shows whole, and only then moves them.
const messageLines = 2

// NewForm returns a form whose save button reads saveLabel (Chinese, such
// as "保存" or "登记交纳").
func NewForm(saveLabel string) *Form {
	f := &Form{problems: map[*Field]string{}}
	f.Save = NewButtonWithIcon(L(saveLabel), theme.ConfirmIcon(), f.Submit)
	f.Save.Importance = widget.HighImportance
	f.Cancel = NewButton(L("取消"), f.TryCancel)
	f.Save.Escape, f.Cancel.Escape = f.TryCancel, f.TryCancel
	f.Reason = NewWrapLabel("")
	f.Reason.SizeName = theme.SizeNameCaptionText
	return f
}

// Field is one labelled input of a form with its message beneath.
type Field struct {
	Label string // Chinese, translated when shown
	Input fyne.CanvasObject
	// Extra, when set, shows between the input and the message (党龄 under
	// 转为正式党员日期).
	Extra fyne.CanvasObject

	form    *Form
	msg     *WrapLabel
	check   func(value string) string
	value   func() string
	loaded  string
	touched bool // the user left the field after typing, or chose a value
	editing bool // typed into since the user last left it
	shown   string
	server  [2]string // a service's message and the value it was about
}

// Add puts an input in the form under label (Chinese) and returns its
// field. It hooks the input's OnChanged (keeping the one set) and, for this
// package's inputs, leaving and Enter/Esc.
func (f *Form) Add(label string, input fyne.CanvasObject) *Field {
	fd := &Field{Label: label, Input: input, form: f, msg: newMessage()}
	k := &keys{leave: fd.left, enter: f.Submit, escape: f.TryCancel}
	typed := func() { fd.edited(true) }
	chosen := func() { fd.edited(false) }
	switch w := input.(type) {
	case *DateEntry:
		w.keys = k
		fd.value = func() string { return w.Text }
		w.OnChanged = chain(w.OnChanged, typed)
	case *Entry:
		w.keys = k
		fd.value = func() string { return w.Text }
		w.OnChanged = chain(w.OnChanged, typed)
	case *SelectEntry:
		w.keys = k
		fd.value = func() string { return w.Text }
		w.OnChanged = chain(w.OnChanged, typed)
	case *Select:
		w.keys = k
		fd.value = w.Value
		w.OnChanged = chain(w.OnChanged, chosen)
	case *Check:
		w.keys = k
		fd.value = func() string { return yes(w.Checked) }
		prev := w.OnChanged
		w.OnChanged = func(b bool) {
			if prev != nil {
				prev(b)
			}
			chosen()
		}
	case *widget.Entry:
		// Fyne's own entry (widget.NewPasswordEntry, say): its value and
		// changes are seen; leaving it is not, so its message shows on
		// save. This package's Entry does better.
		fd.value = func() string { return w.Text }
		w.OnChanged = chain(w.OnChanged, typed)
	case *widget.RadioGroup:
		fd.value = func() string { return w.Selected }
		w.OnChanged = chain(w.OnChanged, chosen)
	default:
		fd.value = func() string { return "" }
	}
	fd.loaded = fd.value()
	f.fields = append(f.fields, fd)
	return fd
}

// Attach makes inputs that are not fields of the form (the reason entries
// of an attendance grid, say) pass Enter (save) and Esc (cancel) to it, as
// its fields do; they check themselves (Entry.OnLeft).
func (f *Form) Attach(inputs ...fyne.CanvasObject) {
	k := &keys{enter: f.Submit, escape: f.TryCancel}
	for _, in := range inputs {
		switch w := in.(type) {
		case *Entry:
			w.keys = k
		case *DateEntry:
			w.keys = k
		case *SelectEntry:
			w.keys = k
		case *Select:
			w.keys = k
		case *Check:
			w.keys = k
		}
	}
}

func chain(prev func(string), then func()) func(string) {
	return func(s string) {
		if prev != nil {
			prev(s)
		}
		then()
	}
}

func yes(b bool) string {
	if b {
		return "是"
	}
	return ""
}

// Validate sets the field's own check: given the text, a message or "".
func (fd *Field) Validate(check func(value string) string) *Field {
	fd.check = check
	return fd
}

// Value reads the field's value for an input the form does not know (a
// group of check boxes, say), for the dirty check and missing-or-wrong.
func (fd *Field) Value(value func() string) *Field {
	fd.value = value
	fd.loaded = value()
	return fd
}

// Message is the message shown under the field now, "" when none.
func (fd *Field) Message() string { return fd.shown }

// MessageLabel is the label under the field, for tests.
func (fd *Field) MessageLabel() *WrapLabel { return fd.msg }

// edited is a change of the input: typed text waits for the user to leave
// the field before a new message shows; a choice is complete at once.
func (fd *Field) edited(typed bool) {
	f := fd.form
	if f.loading {
		return
	}
	if typed {
		fd.editing = true
	} else {
		fd.touched = true
	}
	f.formError = ""
	f.Refresh()
}

// left is the user leaving the field: from now its message shows, unless it
// was passed over empty without typing.
func (fd *Field) left() {
	if fd.editing || fd.value() != "" {
		fd.touched = true
	}
	fd.editing = false
	fd.form.Refresh()
}

// SetServerError shows a service's refusal under field fd (an ID number
// already on the roster, say); it stays while the field's value is the one
// refused.
func (f *Form) SetServerError(fd *Field, message string) {
	fd.server = [2]string{message, fd.value()}
	fd.touched, fd.editing = true, false
	f.Refresh()
}

// SetError shows a message that belongs to no field beside 保存, in red,
// until the next change.
func (f *Form) SetError(message string) {
	f.formError = message
	f.Refresh()
}

// MarkChanged records an edit outside the fields (a row added to a list),
// so that cancelling asks first.
func (f *Form) MarkChanged() { f.changed = true; f.formError = ""; f.Refresh() }

// Load runs fill, which puts a record into the inputs, without counting its
// changes as the user's, and then takes what the inputs hold as the saved
// state: no field is touched and nothing is unsaved.
func (f *Form) Load(fill func()) {
	f.loading = true
	fill()
	f.loading = false
	for _, fd := range f.fields {
		fd.loaded, fd.touched, fd.editing = fd.value(), false, false
		fd.server = [2]string{}
	}
	f.attempted, f.submitted, f.changed, f.formError = false, false, false, ""
	f.Refresh()
}

// ShowAll shows every field's message at once, as after a save attempt: for
// a saved record opened for editing, whose problems are already known.
func (f *Form) ShowAll() { f.attempted = true; f.Refresh() }

// Submitted reports whether the user tried to save since the form was
// loaded (ShowAll does not count).
func (f *Form) Submitted() bool { return f.submitted }

// Dirty reports whether the user changed anything since the form was loaded.
func (f *Form) Dirty() bool {
	if f.changed {
		return true
	}
	for _, fd := range f.fields {
		if fd.value() != fd.loaded {
			return true
		}
	}
	return false
}

// Problems returns the problems found now, by field, whether shown or not.
func (f *Form) Problems() map[*Field]string { return f.problems }

// Valid reports whether the form can be saved.
func (f *Form) Valid() bool { return len(f.problems) == 0 && len(f.general) == 0 }

// Refresh checks the form again and updates the messages, 保存 and the line
// beside it. Call it after changing an input from code.
func (f *Form) Refresh() {
	f.problems = map[*Field]string{}
	f.general = nil
	for _, fd := range f.fields {
		if fd.check != nil {
			if m := fd.check(fd.value()); m != "" {
				f.problems[fd] = m
			}
		}
	}
	if f.Check != nil {
		f.Check(func(fd *Field, m string) {
			switch {
			case m == "":
			case fd == nil:
				f.general = append(f.general, m)
			case f.problems[fd] == "":
				f.problems[fd] = m
			}
		})
	}
	for _, fd := range f.fields {
		if fd.server[0] != "" && fd.value() == fd.server[1] && f.problems[fd] == "" {
			f.problems[fd] = fd.server[0]
		}
	}
	var missing, wrong []string
	for _, fd := range f.fields {
		p := f.problems[fd]
		fd.show(p)
		switch {
		case p == "":
		case fd.shown == "" && (fd.value() == "" || fd.editing || !fd.touched && !f.attempted):
			// empty, still being typed (an ID number half entered), or
			// prefilled and not touched yet (the payment dialog's 0.00
			// before a month is ticked opened in red "请更正：金额",
			// review s14-newuser #2, #5): not wrong until the user
			// leaves the field or saves.
			missing = append(missing, L(fd.Label))
		default:
			wrong = append(wrong, L(fd.Label))
		}
	}
	var why []string
	if len(missing) > 0 {
		why = append(why, L("尚需填写：")+strings.Join(missing, L("、")))
	}
	if len(wrong) > 0 {
		why = append(why, L("请更正：")+strings.Join(wrong, L("、")))
	}
	why = append(why, f.general...)
	if f.formError != "" {
		why = append(why, f.formError)
	}
	f.Reason.Importance = widget.MediumImportance
	if f.formError != "" || len(wrong) > 0 {
		f.Reason.Importance = widget.DangerImportance
	}
	f.Reason.SetText(strings.Join(why, L("；")))
	if f.Valid() {
		f.Save.Enable()
	} else {
		f.Save.Disable()
	}
	if f.OnCancel == nil {
		f.Cancel.Hide()
	} else {
		f.Cancel.Show()
	}
}

// show decides the message under the field: none before the user touched it
// (or tried to save); while typing, no new message, but one shown goes the
// moment its cause is fixed, and until then says what is wrong now — kept
// as it was when the user came back, it said "（现为10位）" over 17 digits
// (review s10-newuser8 #1). It stays in its line: nothing moves.
func (fd *Field) show(problem string) {
	text := problem
	switch {
	case !fd.touched && !fd.form.attempted:
		text = ""
	case fd.editing && fd.shown == "":
		text = ""
	}
	if text != fd.shown {
		fd.shown = text
		fd.msg.SetText(text)
	}
}

// Submit saves when nothing is wrong; otherwise it shows every message and
// puts the cursor in the first field to correct.
func (f *Form) Submit() {
	for _, fd := range f.fields {
		if fd.editing {
			fd.touched, fd.editing = true, false
		}
	}
	f.attempted, f.submitted = true, true
	f.Refresh()
	if !f.Valid() {
		for _, fd := range f.fields {
			if f.problems[fd] != "" {
				focus(fd.Input)
				break
			}
		}
		return
	}
	if f.OnSubmit != nil {
		f.OnSubmit()
	}
}

// TryCancel closes the form, asking first when there are unsaved edits.
func (f *Form) TryCancel() {
	if f.OnCancel == nil {
		return
	}
	if !f.Dirty() || f.Ask == nil {
		f.OnCancel()
		return
	}
	f.Ask(L("放弃修改？"), L("填写的内容尚未保存，关闭后将丢失。"), f.OnCancel)
}

func focus(o fyne.CanvasObject) {
	fo, ok := o.(fyne.Focusable)
	if !ok {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		c.Focus(fo)
	}
}

// FocusFirst puts the cursor in the form's first input that takes it.
func (f *Form) FocusFirst() {
	for _, fd := range f.fields {
		if d, ok := fd.Input.(fyne.Disableable); ok && d.Disabled() {
			continue
		}
		if _, ok := fd.Input.(fyne.Focusable); ok {
			focus(fd.Input)
			return
		}
	}
}

// newMessage is the red caption text under a field. It wraps onto as many
// lines as it needs, in space kept for it while empty (messageLines lines),
// so that a message appearing moves nothing under the pointer and is read
// whole: an ellipsis hid the useful end of English messages (the count of
// an ID number's characters, why a date does not exist), and a pop-up on
// hover was tried and taken back (42fb307: a Fyne pop-up covers the window,
// so the label under it lost the pointer as soon as it showed).
func newMessage() *WrapLabel {
	l := NewWrapLabel("")
	l.Importance = widget.DangerImportance
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// messageHeight is the height kept for a field's message: messageLines
// lines of caption text and the label's padding, or what the message shown
// needs at its width when that is more.
func messageHeight(msg fyne.CanvasObject) float32 {
	line := fyne.MeasureText("党", theme.CaptionTextSize(), fyne.TextStyle{}).Height
	kept := 2*theme.InnerPadding() + float32(messageLines)*line
	return max(kept, msg.MinSize().Height)
}

// Grid lays fields out in n columns of label–input pairs, filling the first
// column top to bottom before the next, as a paper form reads.
func (f *Form) Grid(n int, fields ...*Field) fyne.CanvasObject {
	per := (len(fields) + n - 1) / n
	cols := make([]fyne.CanvasObject, 0, n)
	for start := 0; start < len(fields); start += per {
		end := min(start+per, len(fields))
		var objs []fyne.CanvasObject
		for _, fd := range fields[start:end] {
			label := widget.NewLabel(L(fd.Label))
			label.TextStyle.Bold = true
			objs = append(objs, container.NewVBox(label), fd.cell())
		}
		cols = append(cols, container.New(layout.NewFormLayout(), objs...))
	}
	return container.NewGridWithColumns(n, cols...)
}

// Stacked lays fields out one under another, each label above its input:
// for narrow dialogs and long labels.
func (f *Form) Stacked(fields ...*Field) fyne.CanvasObject {
	box := container.NewVBox()
	for _, fd := range fields {
		label := widget.NewLabel(L(fd.Label))
		label.TextStyle.Bold = true
		box.Add(container.NewBorder(label, nil, nil, nil, fd.cell()))
	}
	return box
}

// cell is the input, the extra line and the message, one under another, with
// the message's line kept even when the message is hidden.
func (fd *Field) cell() fyne.CanvasObject {
	box := container.NewVBox(fd.Input)
	if fd.Extra != nil {
		box.Add(fd.Extra)
	}
	box.Add(fd.msg)
	return container.New(tightVBox{}, box.Objects...)
}

// Buttons is the row under a form: the reason line, then 取消 and 保存 on
// the right.
func (f *Form) Buttons() fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, container.NewHBox(f.Cancel, f.Save), f.Reason)
}

// tightVBox stacks a field's input, extra line and message; the message is
// lifted into its own label's top padding, so that it reads as the field's
// and the space kept for it costs less height.
type tightVBox struct{}

func messageLift() float32 { return theme.InnerPadding() }

func (tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		if i == len(objs)-1 {
			// A wrapped label's MinSize is its height at its current
			// width (one line before it is first laid out).
			m.Height = messageHeight(o)
		}
		s.Height += m.Height
	}
	return s.SubtractWidthHeight(0, messageLift())
}

func (tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height
		if i == len(objs)-1 {
			y -= messageLift()
			// The message wraps at the field's width: size it to that
			// width first, then read the height its lines need.
			o.Resize(fyne.NewSize(size.Width, o.Size().Height))
			h = messageHeight(o)
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h
	}
}
