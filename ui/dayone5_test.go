package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/demo"
	"branchledger/ui/kit"
)

// startCountingDues counts the calls the 建账月份 dialog makes to read what a
// new start would change: each reads the whole ledger.
type startCountingDues struct {
	DuesLedger
	previews, drops int
}

func (c *startCountingDues) DuesStartPreview(m model.Month) ([]model.RecordGap, error) {
	c.previews++
	return c.DuesLedger.DuesStartPreview(m)
}

func (c *startCountingDues) DuesStartDrops(m model.Month) ([]model.DroppedArrear, error) {
	c.drops++
	return c.DuesLedger.DuesStartDrops(m)
}

// Typing a 建账月份 asks the ledger nothing per keystroke; leaving the
// field works out once what the month typed would change (leftover of
// issue 8: two service calls per key made typing "2026年1月" read the
// whole ledger sixteen times).
func TestLedgerStartPreviewOnLeavingNotPerKey(t *testing.T) {
	s, _, _ := firstDayShell(t)
	c := &startCountingDues{DuesLedger: s.svc.Dues}
	s.svc.Dues = c
	b := basesOf(duesOf(t, s))
	test.Tap(b.startButton)
	entry := b.startEntry
	// Reached with the keyboard, the loaded month is selected: typing
	// replaces it.
	s.win.Canvas().Focus(entry)
	c.previews, c.drops = 0, 0
	test.Type(entry, "2026年1月")
	if entry.Text != "2026年1月" {
		t.Fatalf("typed %q", entry.Text)
	}
	if c.previews+c.drops != 0 {
		t.Errorf("typing 2026年1月 made %d preview and %d drops calls", c.previews, c.drops)
	}
	if b.startEffect.Text != "" {
		t.Errorf("while typing the dialog says %q", b.startEffect.Text)
	}
	entry.FocusLost()
	if c.previews != 1 || c.drops != 1 {
		t.Errorf("leaving the field made %d preview and %d drops calls, want 1 and 1", c.previews, c.drops)
	}
	if b.startEffect.Text == "" {
		t.Error("after leaving the field the dialog does not say what the month changes")
	}
	// Typing again takes the effect of the old month away at once.
	test.Type(entry, "x")
	if b.startEffect.Text != "" {
		t.Errorf("the effect of 2026年1月 stays while %q is typed: %q", entry.Text, b.startEffect.Text)
	}
}

// A long refusal of a base is read whole (leftover of issue 8): the grid's
// row shows it on one line, cut, and the whole sentence with the member's
// name under the grid, where it moves no row; the 年中调整, 为所选党员设置
// and 建账月份 dialogs wrap their messages instead of cutting them.
func TestLongBaseRefusalIsReadWhole(t *testing.T) {
	s, _, _ := firstDayShell(t)
	b := basesOf(duesOf(t, s))
	b.showPage()
	entry := b.entries[0]
	entry.SetText("10000000000")
	whole := b.refusal.Text
	if !b.refusal.Visible() || !strings.Contains(whole, b.rows[0].name+"：") || !strings.HasSuffix(whole, "（是否填成了年收入？）") {
		t.Errorf("under the grid: %q (shown %v)", whole, b.refusal.Visible())
	}
	b.entries[1].SetText("20000000000")
	if !strings.Contains(b.refusal.Text, "另有 1 人") {
		t.Errorf("two refused rows: %q", b.refusal.Text)
	}
	b.entries[1].SetText("5400")
	entry.SetText("5400")
	if b.refusal.Visible() {
		t.Errorf("the refusal stays once fixed: %q", b.refusal.Text)
	}

	// 年中调整 on a row with a stored base.
	b.rows[0].stored = true
	b.editChange(0)
	c := b.change
	c.base.SetText("10000000000")
	c.base.FocusLost()
	var msg *kit.WrapLabel
	for fd, m := range c.form.Problems() {
		if strings.Contains(m, "是否填成了年收入") {
			msg = fd.MessageLabel()
		}
	}
	if msg == nil {
		t.Fatalf("年中调整 does not refuse 10000000000: %v", c.form.Problems())
	}
	if msg.Truncation != fyne.TextTruncateOff || msg.Wrapping != fyne.TextWrapWord {
		t.Errorf("年中调整's refusal is cut (truncation %v, wrapping %v)", msg.Truncation, msg.Wrapping)
	}
	// 为所选党员设置: a 党费已交至 after this month.
	b.rows[0].selected = true
	b.editSelected()
	bd := b.bulkDlg
	bd.paidTo.SetText("2027-06")
	bd.paidTo.FocusLost()
	for fd, m := range bd.form.Problems() {
		if l := fd.MessageLabel(); l.Truncation != fyne.TextTruncateOff {
			t.Errorf("为所选党员设置 cuts %q", m)
		}
	}
	if len(bd.form.Problems()) == 0 {
		t.Error("为所选党员设置 accepts 2027-06")
	}
}

// Moving 建账月份 earlier asks first, saying whose months become 待补录
// (review s5-8 newuser #3): Enter in the field applied 2026年1月 at once.
func TestLedgerStartEarlierAsks(t *testing.T) {
	s, st, _ := firstDayShell(t)
	old, _ := st.DuesLedgerStart()
	var asked string
	var confirm func()
	s.confirmAs = func(_, message, _ string, onYes func()) { asked, confirm = message, onYes }
	b := duesOf(t, s).bases
	test.Tap(b.startButton)
	b.startEntry.SetText("2026年1月")
	b.startEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !strings.Contains(asked, "待补录") || !strings.Contains(asked, "确定修改吗") {
		t.Fatalf("Enter asked %q", asked)
	}
	if start, _ := st.DuesLedgerStart(); start != old {
		t.Fatalf("the start moved to %v before the answer", start)
	}
	confirm()
	if start, _ := st.DuesLedgerStart(); start != model.MonthOf(2026, 1) {
		t.Fatalf("start %v after confirming", start)
	}
	// The question says 开始用本软件记党费账之前, as the reminder and the
	// printed sheets do, not 建账前 (review s7-8 attack #3); and, the
	// months being in the ledger, to record them in 收缴, not to fill in a
	// 党费已交至 (review s8-8 #13).
	if !strings.Contains(asked, "开始用本软件记党费账之前的月份将显示为“待补录”") || strings.Contains(asked, "建账前") ||
		strings.Contains(asked, "党费已交至") || !strings.Contains(asked, "在“收缴”中按实际交纳日期逐笔补录") {
		t.Errorf("moving the start back asks %q", asked)
	}
}

// The first hour's wording (review s5-8 newuser #7, #12): no empty
// brackets after the organisation when 单位类型 is not chosen; in English
// the profile's button says what it does, a member's dues sentence starts
// with a capital and the source of a change is English.
func TestFirstHourWording(t *testing.T) {
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	s, st, _ := firstDayShell(t)
	p, _ := st.Profile()
	p.OrgType = ""
	if err := st.SaveProfile(p); err != nil {
		t.Fatal(err)
	}
	s.home.refresh()
	if got := s.home.org.Text; strings.Contains(got, "（") || got != p.OrgName {
		t.Errorf("home says %q under the branch for an organisation of no type", got)
	}
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	if got := newProfileForm(s).form.Save.Text; got != "Save branch profile" {
		t.Errorf("English profile button %q", got)
	}
	if got := sourceText(storage.SourceBranchName); got != "Branch name" {
		t.Errorf("English source %q", got)
	}
	tab := &memberDuesTab{}
	tab.st.OwedFrom = model.MonthOf(2026, 1)
	if got := tab.summaryText(); got == "" || got[0] < 'A' || got[0] > 'Z' {
		t.Errorf("English member dues sentence %q", got)
	}
}

// Enter in an attendance reason saves the record as Enter in 议题 does;
// Esc there cancels (review s5-8 newuser #1).
func TestEnterInAttendanceReasonSaves(t *testing.T) {
	s, _, _ := firstDayShell(t)
	s.show(screenActivities)
	s.activities.openForm(model.Activity{Kind: model.KindGeneralMeeting, Date: testToday})
	f := s.activities.form
	cell := f.newAttendanceCell().(*fyne.Container)
	reason := cell.Objects[2].(*fyne.Container).Objects[0].(*kit.Entry)
	reason.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !f.form.Submitted() {
		t.Error("Enter in a reason did not save (or try to save) the record")
	}
}

// Enter in a resolution's text or vote counts (often the last thing typed)
// saves the record too (review s10-newuser8 #3).
func TestEnterInAResolutionSaves(t *testing.T) {
	for _, which := range []string{"决议内容", "赞成", "反对", "弃权"} {
		s, _, _ := firstDayShell(t)
		s.show(screenActivities)
		s.activities.openForm(model.Activity{Kind: model.KindGeneralMeeting, Date: testToday})
		f := s.activities.form
		test.Tap(f.addResButton)
		row := f.resRows[0]
		in := map[string]*kit.Entry{"决议内容": row.text, "赞成": row.yes, "反对": row.no, "弃权": row.abstain}[which]
		in.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if !f.form.Submitted() {
			t.Errorf("Enter in %s did not save (or try to save) the record", which)
		}
	}
}

// The activity record view closes on Esc, and in English its text uses
// English colons and its history English field names (review s5-8
// newuser #5, #6).
func TestActivityViewEscAndEnglish(t *testing.T) {
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	s, _ := newStoreShell(t, func(st *storage.Store) {
		if err := demo.Fill(st, 8, 1, testToday); err != nil {
			t.Fatal(err)
		}
	})
	s.show(screenActivities)
	if len(s.activities.acts) == 0 {
		t.Fatal("no activity on day one")
	}
	act := s.activities.acts[0]
	if got := activitySummary(&act, nil); !strings.Contains(got, "Chair: ") || strings.Contains(got, "Topic：") {
		t.Errorf("English record uses a full-width colon: %q", got)
	}
	s.activities.openView(act.ID)
	if s.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the record is not shown")
	}
	s.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if s.win.Canvas().Overlays().Top() != nil {
		t.Error("Esc left the record open")
	}
}

// 为所选党员设置 with a 党费已交至: a member whose month is already set is
// named and asked about before it changes; a month before a member joined
// is refused naming them (review s5-8 attack #2, #9).
func TestBulkPaidToAsksBeforeOverwritingAndRefusesBeforeJoining(t *testing.T) {
	s, st, ms := firstDayShell(t)
	b := duesOf(t, s).bases
	var asked string
	var confirm func()
	s.confirmAs = func(_, message, _ string, onYes func()) { asked, confirm = message, onYes }
	pick := func(pred func(r *baseRow, m model.Member) bool) string {
		for i := range b.rows {
			b.rows[i].selected = false
		}
		name := ""
		for i := range b.rows {
			for _, m := range ms {
				if m.ID == b.rows[i].base.MemberID && name == "" && pred(&b.rows[i], m) {
					b.rows[i].selected, name = true, m.Name
				}
			}
		}
		if name == "" {
			t.Fatal("no such member on day one")
		}
		return name
	}
	paper := pick(func(r *baseRow, _ model.Member) bool { return r.opening != 0 })
	b.editSelected()
	b.bulkDlg.paidTo.SetText("2026-03")
	b.bulkDlg.form.Submit()
	if !strings.Contains(asked, paper) || !strings.Contains(asked, "原为2026年10月") {
		t.Fatalf("moving %s's 党费已交至 asked %q", paper, asked)
	}
	has := func() bool {
		os, _ := st.DuesOpenings()
		for _, v := range os {
			if v == model.MonthOf(2026, 3) {
				return true
			}
		}
		return false
	}
	if has() {
		t.Fatal("changed before the answer")
	}
	confirm()
	if !has() {
		t.Error("confirmed, yet not saved")
	}

	asked = ""
	late := pick(func(_ *baseRow, m model.Member) bool { return m.JoinDate.After(model.NewDate(2026, 3, 1)) })
	b.editSelected()
	b.bulkDlg.paidTo.SetText("2025-06")
	// Said under the field when it is left, before 保存 (review
	// s14-attack8 #24: only 保存 said it, in the footer).
	b.bulkDlg.paidTo.FocusLost()
	if got := b.bulkDlg.paidF.Message(); !strings.Contains(got, late) || !strings.Contains(got, "入党前不交党费") {
		t.Errorf("left the field with a month before %s joined: %q", late, got)
	}
	b.bulkDlg.form.Submit()
	if got, said := b.bulkDlg.form.Reason.Text, b.bulkDlg.paidF.Message(); !strings.Contains(got, "党费已交至") || !strings.Contains(said, late) || !strings.Contains(said, "入党前不交党费") || asked != "" {
		t.Errorf("a month before %s joined: footer %q, field %q (asked %q)", late, got, said, asked)
	}
}

// 年中调整 with a base of 0 for 在职 is refused when the field is left, in
// English in the English UI, with no "¥0.00 a month" promised (review s5-8
// attack #8).
func TestMidYearChangeRefusesZeroBaseAtOnce(t *testing.T) {
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	s, _, _ := firstDayShell(t)
	b := duesOf(t, s).bases
	i := -1
	for j := range b.rows {
		if b.rows[j].stored && b.rows[j].base.Category == model.DuesEmployed {
			i = j
			break
		}
	}
	if i < 0 {
		t.Fatal("no employed member with a base")
	}
	b.editChange(i)
	c := b.change
	c.base.SetText("0")
	c.base.FocusLost()
	if !c.save.Disabled() {
		t.Error("Save change is enabled for a base of 0")
	}
	var msg string
	for _, m := range c.form.Problems() {
		msg += m
	}
	if msg == "" || strings.ContainsFunc(msg, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
		t.Errorf("the refusal in English is %q", msg)
	}
}

// A payment date is checked when the field is left: next year, before the
// member joined, or without its day, each says so under 交纳日期 (review
// s5-8 attack #12).
func TestPaymentDateCheckedOnLeaving(t *testing.T) {
	s, _, _ := firstDayShell(t)
	d := duesOf(t, s)
	d.collect.table.OnSelected(widget.TableCellID{Row: 0, Col: collectLead})
	p := d.collect.payment
	for typed, want := range map[string]string{
		"2027-01-01": "晚于今天",
		"1985-03-12": "被接收为预备党员",
		// The day forms, not the month ones the field refuses (review
		// s7-8 newuser #11).
		"2026-11": "不是完整的日期：请写年月日",
	} {
		p.date.SetText(typed)
		p.date.FocusLost()
		if got := p.dateF.Message(); !strings.Contains(got, want) {
			t.Errorf("%s: under 交纳日期 %q, want %q", typed, got, want)
		}
	}
	p.date.SetText(testToday.String())
	p.date.FocusLost()
	if got := p.dateF.Message(); got != "" {
		t.Errorf("today: %q", got)
	}
}

// The arrears table fits beside the sidebar in a 1024-pixel window in
// English, so its wrapped note is read whole (review s5-8 attack #3).
func TestArrearsColumnsFitIn1024English(t *testing.T) {
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	var w float32
	for _, c := range arrearsColumns {
		w += c.width()
	}
	// 1024 less the sidebar (about 160) and the scroll bar and padding.
	if w > 820 {
		t.Errorf("the arrears columns take %.0f px in English", w)
	}
}

// A member's page has three columns in Chinese and two in English, whose
// long labels left dates and ID numbers broken across lines at 1024 px
// (review s5-8 attack #10).
func TestMemberPageColumnsFollowTheLabels(t *testing.T) {
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	cells := func() []*formCell {
		var out []*formCell
		for _, fi := range model.RecordFields {
			out = append(out, newCell(fi.Label, widget.NewLabel("")))
		}
		return out
	}
	if n := detailColumns(cells()); n != 3 {
		t.Errorf("Chinese: %d columns", n)
	}
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	if n := detailColumns(cells()); n != 2 {
		t.Errorf("English: %d columns", n)
	}
}

// The 收缴 month columns are headed "Jan" … in English, not "Month 1"
// (review s5-8 attack #16), and 1月 … in Chinese.
func TestCollectMonthHeadings(t *testing.T) {
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	s, _, _ := firstDayShell(t)
	c := duesOf(t, s).collect
	if got := c.heading(collectLead + 10); got != "11月" {
		t.Errorf("Chinese heading %q", got)
	}
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	if got := c.heading(collectLead + 10); got != "Nov" {
		t.Errorf("English heading %q", got)
	}
}
