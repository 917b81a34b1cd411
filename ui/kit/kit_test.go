package kit

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/internal/uistrings"
)

func TestEveryKitStringIsTranslated(t *testing.T) {
	extra := append([]string{DatePlaceholder}, weekdays...)
	extra = append(extra, monthNames...)
	uistrings.CheckTranslated(t, uistrings.Literals(t, uistrings.Spec{
		Calls: []string{"L", "NewForm", "Add", "ShowForm", "Confirm", "Inform"},
		Extra: extra,
	}))
}

// testForm is a two-field form in a window: 姓名 required, 金额 a number.
type testForm struct {
	w            fyne.Window
	form         *Form
	name, amount *Entry
	nameF, amtF  *Field
	other        *widget.Button // something else to move the focus to
	saved        int
	cancelled    int
	asked        int
}

func newTestForm(t *testing.T) *testForm {
	t.Helper()
	test.NewTempApp(t)
	tf := &testForm{}
	f := NewForm("保存")
	f.OnSubmit = func() { tf.saved++ }
	f.OnCancel = func() { tf.cancelled++ }
	f.Ask = func(_, _ string, onYes func()) { tf.asked++; onYes() }
	tf.name, tf.amount = NewEntry(), NewEntry()
	tf.nameF = f.Add("姓名", tf.name).Validate(func(s string) string {
		if strings.TrimSpace(s) == "" {
			return "请填写姓名"
		}
		return ""
	})
	tf.amtF = f.Add("金额", tf.amount).Validate(func(s string) string {
		if _, err := model.ParseMoney(s); s != "" && err != nil {
			return "金额应为数字，如 12.50"
		}
		return ""
	})
	tf.other = widget.NewButton("x", nil)
	tf.form = f
	tf.w = test.NewTempWindow(t, container.NewVBox(f.Grid(1, tf.nameF, tf.amtF), f.Buttons(), tf.other))
	f.Refresh()
	return tf
}

// leave moves the keyboard focus away from whatever has it.
func (tf *testForm) leave() { tf.w.Canvas().Focus(tf.other) }

func (tf *testForm) typeInto(e *Entry, s string) {
	tf.w.Canvas().Focus(e)
	test.Type(e, s)
}

func TestNoMessageOnAFieldNotTouched(t *testing.T) {
	tf := newTestForm(t)
	if tf.nameF.Message() != "" || tf.amtF.Message() != "" {
		t.Errorf("a fresh form shows %q, %q", tf.nameF.Message(), tf.amtF.Message())
	}
	if !tf.form.Save.Disabled() {
		t.Error("保存 is enabled with 姓名 empty")
	}
	if got := tf.form.Reason.Text; got != "尚需填写：姓名" {
		t.Errorf("the line beside 保存 says %q, want 尚需填写：姓名", got)
	}
	// Passing through an empty field without typing is not touching it.
	tf.w.Canvas().Focus(tf.name)
	tf.leave()
	if tf.nameF.Message() != "" {
		t.Errorf("tabbing through 姓名 showed %q", tf.nameF.Message())
	}
}

func TestMessageWaitsForLeavingTheField(t *testing.T) {
	tf := newTestForm(t)
	tf.typeInto(tf.name, "张三")
	tf.typeInto(tf.amount, "1")
	test.Type(tf.amount, "2x")
	if tf.amtF.Message() != "" {
		t.Errorf("a message shows while typing: %q", tf.amtF.Message())
	}
	tf.leave()
	if got := tf.amtF.Message(); got != "金额应为数字，如 12.50" {
		t.Errorf("after leaving 金额 the message is %q", got)
	}
	if got := tf.form.Reason.Text; got != "请更正：金额" {
		t.Errorf("the line beside 保存 says %q", got)
	}
	if tf.amtF.MessageLabel().MinSize().Height == 0 {
		t.Error("the message takes no room")
	}
}

func TestStaleMessageIsClearedTheMomentItsCauseIsFixed(t *testing.T) {
	tf := newTestForm(t)
	tf.typeInto(tf.name, "张三")
	tf.typeInto(tf.amount, "12x")
	tf.leave()
	if tf.amtF.Message() == "" {
		t.Fatal("no message for 12x")
	}
	tf.w.Canvas().Focus(tf.amount)
	tf.amount.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	tf.amount.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if tf.amtF.Message() != "" {
		t.Errorf("the message stays after the cause is fixed, while still in the field: %q", tf.amtF.Message())
	}
	if tf.form.Save.Disabled() {
		t.Errorf("保存 still disabled: %s", tf.form.Reason.Text)
	}
	// Made wrong again while typing: no new message until leaving.
	test.Type(tf.amount, "y")
	if tf.amtF.Message() != "" {
		t.Errorf("a new message came while typing: %q", tf.amtF.Message())
	}
}

func TestEnterSavesAndShowsWhatIsWrong(t *testing.T) {
	tf := newTestForm(t)
	tf.typeInto(tf.amount, "5")
	tf.amount.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if tf.saved != 0 {
		t.Fatal("Enter saved a form without 姓名")
	}
	if tf.nameF.Message() != "请填写姓名" {
		t.Errorf("after Enter 姓名 shows %q", tf.nameF.Message())
	}
	if tf.w.Canvas().Focused() != tf.name {
		t.Error("the cursor is not in the first field to correct")
	}
	test.Type(tf.name, "张三")
	tf.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	if tf.saved != 1 {
		t.Errorf("Enter on a complete form saved %d times", tf.saved)
	}
}

func TestEscCancelsAndAsksOnlyWhenSomethingWasTyped(t *testing.T) {
	tf := newTestForm(t)
	tf.w.Canvas().Focus(tf.name)
	tf.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if tf.cancelled != 1 || tf.asked != 0 {
		t.Errorf("Esc on an untouched form: cancelled %d, asked %d", tf.cancelled, tf.asked)
	}
	tf.typeInto(tf.name, "张")
	tf.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if tf.cancelled != 2 || tf.asked != 1 {
		t.Errorf("Esc on a half-filled form: cancelled %d, asked %d", tf.cancelled, tf.asked)
	}
	test.Tap(tf.form.Cancel)
	if tf.asked != 2 {
		t.Errorf("取消 on a half-filled form did not ask")
	}
}

func TestLoadIsNotAnEdit(t *testing.T) {
	tf := newTestForm(t)
	tf.form.Load(func() { tf.name.SetText("李四"); tf.amount.SetText("3x") })
	if tf.form.Dirty() {
		t.Error("a loaded form counts as edited")
	}
	if tf.amtF.Message() != "" {
		t.Error("a loaded value shows its message before ShowAll")
	}
	tf.form.ShowAll()
	if tf.amtF.Message() == "" {
		t.Error("ShowAll shows no message for 3x")
	}
}

func TestServerErrorStaysWhileTheValueIsUnchanged(t *testing.T) {
	tf := newTestForm(t)
	tf.typeInto(tf.name, "张三")
	tf.form.SetServerError(tf.nameF, "已有同名党员")
	if tf.nameF.Message() != "已有同名党员" || !tf.form.Save.Disabled() {
		t.Fatalf("server message %q, save disabled %v", tf.nameF.Message(), tf.form.Save.Disabled())
	}
	tf.w.Canvas().Focus(tf.name)
	test.Type(tf.name, "丰")
	if tf.nameF.Message() != "" || tf.form.Save.Disabled() {
		t.Errorf("after changing the name: message %q, save disabled %v", tf.nameF.Message(), tf.form.Save.Disabled())
	}
}

func TestTabbingIntoAFilledFieldSelectsItsText(t *testing.T) {
	tf := newTestForm(t)
	tf.name.SetText("王五")
	tf.w.Canvas().Focus(tf.name)
	if got := tf.name.SelectedText(); got != "王五" {
		t.Errorf("selected %q after tabbing in, want the whole text", got)
	}
	test.Type(tf.name, "赵")
	if tf.name.Text != "赵" {
		t.Errorf("typing over the selection gave %q", tf.name.Text)
	}
}

func TestDateEntryReadsDatesAsPeopleTypeThem(t *testing.T) {
	test.NewTempApp(t)
	d := NewDateEntry()
	other := widget.NewButton("x", nil)
	w := test.NewTempWindow(t, container.NewVBox(d, other))
	for in, want := range map[string]string{
		"1985.03": "1985-03", "1985年3月": "1985-03", "19850312": "1985-03-12",
		"1985/3/12": "1985-03-12", "2019.7.1": "2019-07-01", "1985年3月12日": "1985-03-12",
	} {
		d.SetText("")
		w.Canvas().Focus(d)
		test.Type(d, in)
		got, err := d.Date()
		if err != nil || got.String() != want {
			t.Errorf("%q read as %v, %v; want %s", in, got, err, want)
		}
		w.Canvas().Focus(other)
		if d.Text != want {
			t.Errorf("%q shown as %q after leaving, want %s", in, d.Text, want)
		}
	}
	d.SetText("85年")
	if _, err := d.Date(); err == nil || !strings.Contains(err.Error(), "1985.03") {
		t.Errorf("the error for 85年 does not show an accepted form: %v", err)
	}
}

func TestDatePickerFillsTheEntry(t *testing.T) {
	test.NewTempApp(t)
	d := NewDateEntry()
	d.Today = func() model.Date { return model.NewDate(2026, 11, 30) }
	test.NewTempWindow(t, container.NewVBox(d))
	d.SetText("1985-03")
	test.Tap(d.ActionItem.(fyne.Tappable))
	if d.cal == nil || d.cal.shown != model.MonthDate(1985, 3) {
		t.Fatalf("the calendar opened at %v, want 1985-03", d.cal.shown)
	}
	if len(d.cal.dayButtons) != 31 {
		t.Errorf("March shows %d days", len(d.cal.dayButtons))
	}
	test.Tap(d.cal.dayButtons[11])
	if d.Text != "1985-03-12" {
		t.Errorf("picking the 12th gave %q", d.Text)
	}
	if d.picker.Visible() {
		t.Error("the calendar stays open after picking")
	}
	if got := d.cal.mon.Options[2]; got != "三月" {
		t.Errorf("the month list reads %q in Chinese", got)
	}
}

func TestWheelOverAnEntryScrollsTheForm(t *testing.T) {
	test.NewTempApp(t)
	box := container.NewVBox()
	var entries []*Entry
	for range 30 {
		e := NewEntry()
		e.SetText("一行文字")
		entries = append(entries, e)
		box.Add(e)
	}
	s := NewScroll(box)
	w := test.NewTempWindow(t, s)
	w.Resize(fyne.NewSize(400, 300))
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(entries[2]).AddXY(20, 10)
	test.Scroll(w.Canvas(), pos, 0, -25) // one notch down
	got := s.Inner().Offset.Y
	if got < 40 || got > 80 {
		t.Errorf("one notch over an entry moved the form %.0f px, want about three lines", got)
	}
	test.Scroll(w.Canvas(), pos, 0, -25*125*10) // an accelerated flick
	if d := s.Inner().Offset.Y - got; d > s.Size().Height {
		t.Errorf("one flick moved %.0f px, more than a page", d)
	}
}

func TestFormDialogStartsInTheFirstFieldAndEscClosesIt(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("背景"))
	w.Resize(fyne.NewSize(1024, 700))
	f := NewForm("保存")
	e := NewEntry()
	fd := f.Add("姓名", e)
	d := ShowForm(w, "新增", f, f.Grid(1, fd), fyne.NewSize(1200, 800))
	if w.Canvas().Focused() != e {
		t.Errorf("the cursor is in %v, not the first field", w.Canvas().Focused())
	}
	if s := d.Dialog(); !f.Cancel.Visible() || s == nil {
		t.Error("取消 is not shown in a dialog")
	}
	// Nothing focused: the dialog still takes Esc.
	w.Canvas().Unfocus()
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(w.Canvas().Overlays().List()) != 0 {
		t.Error("Esc did not close the dialog")
	}
}

func TestWheelOverAListInThePageScrollsTheListFirst(t *testing.T) {
	test.NewTempApp(t)
	items := make([]string, 40)
	list := widget.NewList(func() int { return len(items) },
		func() fyne.CanvasObject { return widget.NewLabel("一行") },
		func(widget.ListItemID, fyne.CanvasObject) {})
	box := container.NewVBox(widget.NewLabel("上面"), container.NewGridWrap(fyne.NewSize(300, 150), list))
	for range 20 {
		box.Add(NewEntry())
	}
	s := NewScroll(box)
	w := test.NewTempWindow(t, s)
	w.Resize(fyne.NewSize(400, 300))
	// test.Scroll leaves the event's position out; the driver sets it.
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(list).AddXY(20, 20)
	notch := func() {
		s.wheel.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{AbsolutePosition: pos}, Scrolled: fyne.Delta{DY: -25}})
	}
	notch()
	if list.GetScrollOffset() == 0 || s.Inner().Offset.Y != 0 {
		t.Errorf("over the list: list moved %.0f, page %.0f; want the list only", list.GetScrollOffset(), s.Inner().Offset.Y)
	}
	list.ScrollToBottom()
	notch()
	if s.Inner().Offset.Y == 0 {
		t.Error("a list at its end keeps the wheel from the page")
	}
}

// A passphrase typed twice makes the form valid: the form sees password
// entries, its own and Fyne's, and their text stays hidden.
func TestPasswordEntriesAreSeenByTheForm(t *testing.T) {
	test.NewTempApp(t)
	f := NewForm("生成密钥")
	saved := 0
	f.OnSubmit = func() { saved++ }
	p1, p2 := NewPasswordEntry(), widget.NewPasswordEntry()
	f1 := f.Add("密码", p1).Validate(func(s string) string {
		if len([]rune(s)) < 8 {
			return "密码至少8个字符"
		}
		return ""
	})
	f2 := f.Add("再输入一次", p2).Validate(func(s string) string {
		if s != p1.Text {
			return "两次输入的密码不一样"
		}
		return ""
	})
	w := test.NewTempWindow(t, container.NewVBox(f.Stacked(f1, f2), f.Buttons()))
	f.Refresh()
	if f.Save.Disabled() == false || !strings.Contains(f.Reason.Text, "密码") {
		t.Fatalf("empty form: save enabled %v, reason %q", !f.Save.Disabled(), f.Reason.Text)
	}
	w.Canvas().Focus(p1)
	test.Type(p1, "correct horse")
	w.Canvas().Focus(p2)
	test.Type(p2, "correct horse")
	if f.Save.Disabled() || f.Reason.Text != "" {
		t.Errorf("both typed alike: save disabled %v, reason %q", f.Save.Disabled(), f.Reason.Text)
	}
	if !p1.Password || p1.ActionItem == nil {
		t.Errorf("the passphrase is not hidden behind an eye button: password %v, action %v", p1.Password, p1.ActionItem)
	}
	test.Type(p2, "!")
	f.Submit()
	if saved != 0 || f2.Message() == "" {
		t.Errorf("different passphrases: saved %d, message %q", saved, f2.Message())
	}
	p2.SetText("correct horse")
	f.Submit()
	if saved != 1 {
		t.Errorf("saved %d times", saved)
	}
}

// buttonTexts lists the texts of the buttons under o, in order.
func buttonTexts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Button:
			out = append(out, v.Text)
			return
		case *Button:
			out = append(out, v.Text)
			return
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

func TestDiscardConfirmSaysWhatEachButtonDoes(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(widget.NewLabel(""))
	defer w.Close()
	w.Resize(fyne.NewSize(800, 600))
	f := NewForm("保存")
	name := NewEntry()
	fd := f.Add("姓名", name)
	closed := 0
	f.OnCancel = func() { closed++ }
	ShowForm(w, "新增", f, f.Grid(1, fd), fyne.NewSize(400, 300))
	w.Canvas().Focus(name)
	test.Type(name, "张")
	f.TryCancel()
	got := strings.Join(buttonTexts(w.Canvas().Overlays().Top()), " ")
	if !strings.Contains(got, "继续编辑 放弃修改") {
		t.Fatalf("discard dialog buttons %q, want 继续编辑 and 放弃修改", got)
	}
	if strings.Contains(got, "确认") || closed != 0 {
		t.Errorf("buttons %q, closed %d before answering", got, closed)
	}
}

// A value still being typed (an ID number half entered) is not wrong yet:
// the line beside 保存 turns red only when the user leaves the field.
func TestFooterNotRedWhileTyping(t *testing.T) {
	tf := newTestForm(t)
	tf.typeInto(tf.name, "张三")
	tf.w.Canvas().Focus(tf.amount)
	test.Type(tf.amount, "3x")
	if tf.form.Reason.Importance == widget.DangerImportance || strings.Contains(tf.form.Reason.Text, "请更正") {
		t.Errorf("while typing, the footer says %q (red %v)", tf.form.Reason.Text, tf.form.Reason.Importance == widget.DangerImportance)
	}
	if !tf.form.Save.Disabled() {
		t.Error("save enabled with an unfinished amount")
	}
	tf.w.Canvas().Focus(tf.other)
	if tf.form.Reason.Importance != widget.DangerImportance || !strings.Contains(tf.form.Reason.Text, "请更正") {
		t.Errorf("after leaving, the footer says %q", tf.form.Reason.Text)
	}
}

// Text pasted from a chat app carries characters nobody sees; an entry
// takes only what the user saw (review s3-8 attack #4: U+202E in 党支部名称).
func TestPasteLeavesOutInvisibleCharacters(t *testing.T) {
	a := test.NewTempApp(t)
	a.Clipboard().SetContent("中共新名\u200b\u202e称支部\a")
	e := NewEntry()
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: a.Clipboard()})
	if e.Text != "中共新名称支部" {
		t.Errorf("Entry after paste: %q", e.Text)
	}
	s := NewSelectEntry([]string{"大学"})
	s.TypedShortcut(&fyne.ShortcutPaste{Clipboard: a.Clipboard()})
	if s.Text != "中共新名称支部" {
		t.Errorf("SelectEntry after paste: %q", s.Text)
	}
}

// The date hint fits a narrow date field (200 px, a two-column form at
// 1024 px) beside the calendar button in both languages: a longer one was
// cut, with a scroll bar drawn under the entry (review s3-8 newuser #12).
func TestDatePlaceholderFitsANarrowField(t *testing.T) {
	test.NewTempApp(t)
	raw, err := os.ReadFile("../../assets/translations/en/kit.json")
	if err != nil {
		t.Fatal(err)
	}
	var en map[string]any
	if err := json.Unmarshal(raw, &en); err != nil {
		t.Fatal(err)
	}
	english, _ := en[DatePlaceholder].(string)
	d := NewDateEntry()
	button := d.ActionItem.MinSize().Width
	for _, hint := range []string{DatePlaceholder, english} {
		w := fyne.MeasureText(hint, theme.TextSize(), fyne.TextStyle{}).Width
		if hint == "" || w+button+4*theme.InnerPadding() > 200 {
			t.Errorf("hint %q is %.0f px wide beside a %.0f px button: cut in a 200 px field", hint, w, button)
		}
	}
}

// Esc on a date's calendar button, where Tab leaves the date, cancels the
// form as Esc in the entry does (review s5-8 newuser #9).
func TestEscOnCalendarButtonCancels(t *testing.T) {
	test.NewTempApp(t)
	f := NewForm("保存")
	closed := 0
	f.OnCancel = func() { closed++ }
	d := NewDateEntry()
	f.Add("出生日期", d)
	test.NewTempWindow(t, container.NewVBox(f.Grid(1, f.fields...), f.Buttons()))
	d.ActionItem.(fyne.Focusable).TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if closed != 1 {
		t.Errorf("Esc on the calendar button closed the form %d times", closed)
	}
}

// Fill follows a choice until the user types: the next choice replaces the
// last one's text, never what was typed.
func TestEntryFillKeepsWhatTheUserTyped(t *testing.T) {
	e := NewEntry()
	e.Fill("13800000001")
	e.Fill("13800000002")
	if e.Text != "13800000002" {
		t.Errorf("the second choice's text should replace the first's: %q", e.Text)
	}
	e.SetText("0931-1234567")
	e.Fill("13800000003")
	if e.Text != "0931-1234567" {
		t.Errorf("what the user typed should stay: %q", e.Text)
	}
}

// A message wider than its field is read whole, wrapped into the lines
// kept for it, and nothing under it moves when it appears (review s5-8
// newuser #8: English messages were cut with "…" to their first half).
func TestLongMessageIsReadWholeAndMovesNothing(t *testing.T) {
	test.NewTempApp(t)
	const long = "An ID number has 18 characters (this one has 14); check the number"
	f := NewForm("保存")
	id, below, beside := NewEntry(), NewEntry(), NewEntry()
	fID := f.Add("公民身份号码", id).Validate(func(s string) string {
		if s != "" && len(s) != 18 {
			return long
		}
		return ""
	})
	fBelow, fBeside := f.Add("姓名", below), f.Add("金额", beside)
	w := test.NewTempWindow(t, container.NewVBox(f.Grid(2, fID, fBelow, fBeside), f.Buttons()))
	w.Resize(fyne.NewSize(700, 400))
	f.Refresh()
	d := fyne.CurrentApp().Driver()
	before := d.AbsolutePositionForObject(below)

	w.Canvas().Focus(id)
	test.Type(id, "11010119900101")
	w.Canvas().Focus(below)
	// The test canvas lays out again only when resized (the app's does
	// whenever a size needed changes).
	w.Resize(fyne.NewSize(701, 400))
	w.Resize(fyne.NewSize(700, 400))
	if fID.Message() != long {
		t.Fatalf("the message is %q", fID.Message())
	}
	msg := fID.MessageLabel()
	if msg.Size().Width >= fyne.MeasureText(long, theme.CaptionTextSize(), fyne.TextStyle{}).Width {
		t.Fatalf("the field is %v wide: the message fits on one line, the test shows nothing", msg.Size())
	}
	var drawn []string
	walkText(msg, func(s string) { drawn = append(drawn, s) })
	if got := strings.Join(drawn, " "); got != long {
		t.Errorf("the message reads %q, want %q", got, long)
	}
	if msg.Size().Height < msg.MinSize().Height {
		t.Errorf("the message is %v high and needs %v: its last line is cut", msg.Size(), msg.MinSize())
	}
	if after := d.AbsolutePositionForObject(below); after != before {
		t.Errorf("the field below moved from %v to %v when the message appeared", before, after)
	}
}

// walkText visits the texts drawn under o, line by line.
func walkText(o fyne.CanvasObject, f func(string)) {
	if o == nil || !o.Visible() {
		return
	}
	switch w := o.(type) {
	case *canvas.Text:
		f(w.Text)
	case *fyne.Container:
		for _, c := range w.Objects {
			walkText(c, f)
		}
	case fyne.Widget:
		if r := test.WidgetRenderer(w); r != nil {
			for _, c := range r.Objects() {
				walkText(c, f)
			}
		}
	}
}

// Esc with the calendar open closes the calendar only; the next Esc
// cancels the form (review s5-8 newuser #14: both closed at once).
func TestEscClosesTheCalendarFirst(t *testing.T) {
	test.NewTempApp(t)
	f := NewForm("保存")
	closed := 0
	f.OnCancel = func() { closed++ }
	d, other := NewDateEntry(), NewEntry()
	f.Add("出生日期", d)
	f.Add("姓名", other)
	w := test.NewTempWindow(t, container.NewVBox(f.Grid(1, f.fields...), f.Buttons()))
	w.Resize(fyne.NewSize(500, 400))
	// As a form dialog does (ShowForm): Esc that no input takes cancels.
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			f.TryCancel()
		}
	})
	for _, start := range []fyne.Focusable{nil, other, d} {
		w.Canvas().Unfocus()
		if start != nil {
			w.Canvas().Focus(start)
		}
		test.Tap(d.ActionItem.(fyne.Tappable))
		if d.picker == nil || !d.picker.Visible() {
			t.Fatal("the calendar does not open")
		}
		esc := func() {
			if fo := w.Canvas().Focused(); fo != nil {
				fo.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
			} else {
				w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
			}
		}
		esc()
		if d.picker.Visible() || closed != 0 {
			t.Fatalf("focus %T: after Esc the calendar is shown %v, the form closed %d times", start, d.picker.Visible(), closed)
		}
		esc()
		if closed != 1 {
			t.Errorf("focus %T: the second Esc closed the form %d times", start, closed)
		}
		closed = 0
	}
}

// Opening the calendar again and again, closed each time by a tap outside
// it or by picking a day, leaves one handler around the window's keys, not
// one per opening (read-through s6 rtui #4: they piled up on a page), and
// Esc still closes the calendar first and then reaches the window.
func TestCalendarKeysDoNotPileUp(t *testing.T) {
	test.NewTempApp(t)
	d := NewDateEntry()
	d.Today = func() model.Date { return model.NewDate(2026, 11, 30) }
	w := test.NewTempWindow(t, container.NewVBox(d))
	w.Resize(fyne.NewSize(500, 500))
	depth, escapes := 0, 0
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		depth = runtime.Callers(0, make([]uintptr, 200))
		if ev.Name == fyne.KeyEscape {
			escapes++
		}
	})
	depthAfter := func(openings int) int {
		for i := 0; i < openings; i++ {
			test.Tap(d.ActionItem.(fyne.Tappable))
			if i%2 == 0 {
				d.picker.Tapped(&fyne.PointEvent{Position: fyne.NewPos(490, 490)})
			} else {
				test.Tap(d.cal.dayButtons[0])
			}
			if d.picker.Visible() {
				t.Fatal("the calendar stays open")
			}
		}
		w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyA})
		return depth
	}
	once := depthAfter(1)
	if many := depthAfter(6); many != once {
		t.Errorf("after 7 openings a key passes %d calls deep, after one %d", many, once)
	}
	test.Tap(d.ActionItem.(fyne.Tappable))
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.picker.Visible() || escapes != 0 {
		t.Fatalf("Esc: calendar shown %v, Esc reached the window %d times", d.picker.Visible(), escapes)
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if escapes != 1 {
		t.Errorf("the second Esc reached the window %d times", escapes)
	}
}

// A label as wide as kit.WordsWidth (or TextWidth in its one style) shows
// each word whole, uncut, in either style (review s5-8 newuser #11).
func TestWordsWidthShowsTheWordsWhole(t *testing.T) {
	test.NewTempApp(t)
	words := []string{"Before records", "Reminder", "Self-employed", "在职职工"}
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		for _, w := range []float32{WordsWidth(words...), TextWidth(style, words...)} {
			for _, s := range words {
				if got := fyne.MeasureText(s, theme.TextSize(), style).Width + 2*theme.InnerPadding(); got > w {
					t.Errorf("%q (bold %v) is %v wide with its padding, given %v", s, style.Bold, got, w)
				}
			}
		}
	}
}

// A date field that needs the day offers no 只填年月 in its calendar, and a
// month typed there is refused with the day forms; a field that takes a
// month offers it (review s7-8 newuser #11: 只填年月 in 新建活动's calendar
// gave the field's own error).
func TestOnlyAFieldThatTakesAMonthOffersIt(t *testing.T) {
	test.NewTempApp(t)
	for _, needDay := range []bool{false, true} {
		d := NewDateEntry()
		if needDay {
			d.NeedDay()
		}
		d.Today = func() model.Date { return model.NewDate(2026, 11, 30) }
		test.NewTempWindow(t, container.NewVBox(d))
		test.Tap(d.ActionItem.(fyne.Tappable))
		offered := false
		var find func(o fyne.CanvasObject)
		find = func(o fyne.CanvasObject) {
			switch w := o.(type) {
			case *widget.Button:
				offered = offered || w.Text == "只填年月"
			case *fyne.Container:
				for _, c := range w.Objects {
					find(c)
				}
			}
		}
		find(d.cal.content)
		if offered == needDay {
			t.Errorf("needs the day %v: 只填年月 offered %v", needDay, offered)
		}
		d.picker.Hide()
		d.SetText("2026.11")
		_, err := d.Date()
		if needDay && (err == nil || strings.Contains(err.Error(), "1985.03") || !strings.Contains(err.Error(), "年月日")) {
			t.Errorf("a day field takes 2026.11: %v", err)
		}
		if !needDay && err != nil {
			t.Errorf("a month field refuses 2026.11: %v", err)
		}
		d.SetText("18 Sep 2026")
		if _, err := d.Date(); needDay && (err == nil || strings.Contains(err.Error(), "1985.03")) {
			t.Errorf("a day field's hint for an unread date: %v", err)
		}
	}
}

// Enter after Tab out of a date field saves the form: Tab leaves the date
// onto its calendar button, where Enter did nothing (review s8-8 #8;
// issue 8: Enter saves a form everywhere). Space there still opens the
// calendar.
func TestEnterAfterTabOutOfADateSaves(t *testing.T) {
	test.NewTempApp(t)
	f := NewForm("保存")
	saved := 0
	f.OnSubmit = func() { saved++ }
	d := NewDateEntry()
	f.Add("出生日期", d)
	w := test.NewTempWindow(t, container.NewVBox(f.Grid(1, f.fields...), f.Buttons()))
	w.Canvas().Focus(d)
	test.Type(d, "1985.3.12")
	w.Canvas().FocusNext() // Tab
	focused := w.Canvas().Focused()
	if focused != d.ActionItem.(fyne.Focusable) {
		t.Fatalf("Tab out of the date went to %T, not its calendar button", focused)
	}
	focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if saved != 1 {
		t.Errorf("Enter on the calendar button saved %d times", saved)
	}
	if d.Text != "1985-03-12" {
		t.Errorf("the date reads %q after leaving it", d.Text)
	}
	focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if d.picker == nil || !d.picker.Visible() {
		t.Error("Space on the calendar button does not open the calendar")
	}
}

// A message shown, when the user comes back to the field and types on
// without fixing it, says what is wrong now, in the same place: the ID
// message said "（现为10位）" over 17 digits (review s10-newuser8 #1).
func TestMessageBeingFixedSaysWhatIsWrongNow(t *testing.T) {
	test.NewTempApp(t)
	f := NewForm("保存")
	id, other := NewEntry(), widget.NewButton("x", nil)
	fd := f.Add("公民身份号码", id).Validate(func(s string) string {
		if n := len([]rune(s)); n != 18 {
			return fmt.Sprintf("公民身份号码应为18位（现为%d位）", n)
		}
		return ""
	})
	w := test.NewTempWindow(t, container.NewVBox(f.Grid(1, fd), f.Buttons(), other))
	f.Refresh()
	w.Canvas().Focus(id)
	test.Type(id, "3201021991")
	w.Canvas().Focus(other)
	if got := fd.Message(); got != "公民身份号码应为18位（现为10位）" {
		t.Fatalf("after leaving: %q", got)
	}
	height := fd.MessageLabel().Size().Height
	w.Canvas().Focus(id) // selects the text: typing replaces it
	test.Type(id, "32010219910101234")
	if got := fd.Message(); got != "公民身份号码应为18位（现为17位）" {
		t.Errorf("typing on, 17 digits: %q", got)
	}
	if h := fd.MessageLabel().Size().Height; h != height {
		t.Errorf("the message's line moved: %v → %v", height, h)
	}
	id.TypedRune('X')
	if got := fd.Message(); got != "" {
		t.Errorf("fixed, the message stays: %q", got)
	}
}
