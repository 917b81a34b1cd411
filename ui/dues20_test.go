package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
)

// The 建账月份 cannot be moved past months already paid in the ledger
// (review s13-attack8 #17: moved from June to October over paid June–
// September it was saved without a word, and the summary then printed 实交
// twice 应交 at 收缴率100%). The dialog says so under the field when it is
// left, naming the months, and 保存 does nothing; up to the first paid
// month is still allowed, and the store refuses the move by itself.
func TestLedgerStartCannotPassRecordedPayments(t *testing.T) {
	s, st, ms := firstDayShell(t)
	if err := st.SetDuesLedgerStart(model.MonthOf(2026, 9)); err != nil {
		t.Fatal(err)
	}
	// 甲 (81.00 a month) paid September and October in the ledger.
	if _, err := st.RecordDuesPayment(model.DuesPayment{MemberID: ms[0].ID, Date: model.NewDate(2026, 10, 20),
		Amount: model.Yuan(162), Months: []model.Month{model.MonthOf(2026, 9), model.MonthOf(2026, 10)}}); err != nil {
		t.Fatal(err)
	}
	s.dataChanged()
	b := basesOf(duesOf(t, s))
	test.Tap(b.startButton)
	f, entry := b.startDlg, b.startEntry
	entry.SetText("2026年11月")
	entry.FocusLost()
	msg := ""
	for _, m := range f.Problems() {
		msg = m
	}
	want := "2026年9月至2026年10月已有1名党员的交纳记录（2个月，共162.00元），建账月份最晚为2026年9月"
	if !strings.Contains(msg, want) || !strings.Contains(msg, "冲正") {
		t.Errorf("leaving 2026年11月 the field says %q, want %q and how to 冲正", msg, want)
	}
	if !f.Save.Disabled() {
		t.Error("保存 enabled for a start past paid months")
	}
	f.Submit()
	if start, _ := st.DuesLedgerStart(); start != model.MonthOf(2026, 9) {
		t.Errorf("the start moved to %v", start)
	}
	if err := st.SetDuesLedgerStart(model.MonthOf(2026, 10)); err == nil || !strings.Contains(err.Error(), "建账月份最晚为2026年9月") {
		t.Errorf("the store moved the start past a paid September: %v", err)
	}
	// Back to the first paid month: accepted.
	entry.SetText("2026年9月")
	entry.FocusLost()
	if f.Save.Disabled() {
		t.Errorf("2026年9月 refused: %v", f.Problems())
	}
}

// The 收缴 totals explain 已交 above 应交 as the printed summary does.
func TestCollectTotalsSayPaymentsBeforeTheLedgerStart(t *testing.T) {
	s, _, ms := firstDayShell(t)
	d := duesOf(t, s)
	h := model.DuesHistory{Start: model.MonthOf(2026, 10), SetUp: model.MonthOf(2026, 6),
		Bases: []model.DuesBase{{MemberID: ms[0].ID, Year: 2026, Category: model.DuesEmployed, Base: model.Yuan(5400)}}}
	for k := 6; k <= 10; k++ {
		h.Paid = append(h.Paid, model.PaidMonth{MemberID: ms[0].ID, Month: model.MonthOf(2026, time.Month(k)), Amount: model.Yuan(81)})
	}
	d.reg = model.BuildRegister(2026, ms[:1], h, testToday, model.CurrentDuesRules())
	d.collect.refresh()
	if want := "已交405.00元（其中324.00元是为建账月份之前的4个月交纳的，不计入应交和收缴率）"; !strings.Contains(d.collect.totals.Text, want) {
		t.Errorf("totals %q lack %q", d.collect.totals.Text, want)
	}
}

// openPayment opens the payment dialog of member id for month (0–11) of
// the year shown.
func openPayment(t *testing.T, s *shell, id int64, month int) *paymentDialog {
	t.Helper()
	d := duesOf(t, s)
	for i, r := range d.reg.Rows {
		if r.MemberID == id {
			d.collect.table.OnSelected(widget.TableCellID{Row: i, Col: collectLead + month})
			return d.collect.payment
		}
	}
	t.Fatalf("member %d not in the register", id)
	return nil
}

// The payment dialog checks the amount when the field is left, beside it,
// as it already did 1e9 and 0.001: -50, 0 and an amount that is not the
// months' dues said nothing until 登记交纳 was clicked, and then only in the
// footer (review s13-attack8 #13a). The message goes the moment the amount
// is right.
func TestPaymentAmountIsCheckedOnLeavingTheField(t *testing.T) {
	s, _, ms := firstDayShell(t)
	p := openPayment(t, s, ms[0].ID, 10) // 甲, November, 81.00
	if p.amount.Text != "81.00" {
		t.Fatalf("amount filled %q", p.amount.Text)
	}
	for _, tc := range []struct{ typed, want string }{
		{"-50", "金额应大于 0"},
		{"0", "金额应大于 0"},
		{"1,000,000,000.00", "金额 1000000000.00 元与所交月份应交的 81.00 元（1 个月）不符"},
		{"80", "金额 80.00 元与所交月份应交的 81.00 元（1 个月）不符"},
	} {
		p.amount.SetText(tc.typed)
		p.amount.FocusLost()
		if got := p.amountF.Message(); !strings.Contains(got, tc.want) {
			t.Errorf("金额 %q: beside the field %q, want %q", tc.typed, got, tc.want)
		}
		if !p.save.Disabled() {
			t.Errorf("金额 %q: 登记交纳 enabled", tc.typed)
		}
	}
	p.amount.SetText("81")
	if got := p.amountF.Message(); got != "" {
		t.Errorf("the message stays once the amount is right: %q", got)
	}
	if p.save.Disabled() {
		t.Errorf("登记交纳 disabled for 81: %s", p.form.Reason.Text)
	}
}

// A payment for a month before the 建账月份, or dated before it, is refused
// pointing to 党费已交至, as months too far back already were: one for
// 建账前 January–February dated before the start was saved and counted in
// a quarter the printed summary said was not kept (review s13-attack8
// #13b). The store refuses it too.
func TestPaymentBeforeTheLedgerStartIsRefused(t *testing.T) {
	s, st, ms := firstDayShell(t) // 建账月份 2026年11月
	p := openPayment(t, s, ms[0].ID, 10)
	p.months[9].SetChecked(true) // October: 建账前
	p.amount.SetText("162")
	p.amount.FocusLost()
	if got := p.form.Reason.Text; !strings.Contains(got, "2026年10月 在建账月份（2026年11月）之前") || !strings.Contains(got, "党费已交至") {
		t.Errorf("October ticked: beside 登记交纳 %q", got)
	}
	if !p.save.Disabled() {
		t.Error("登记交纳 enabled for a month before the 建账月份")
	}
	p.months[9].SetChecked(false)
	p.date.SetText("2026-10-30")
	p.date.FocusLost()
	if got := p.dateF.Message(); !strings.Contains(got, "早于建账月份（2026年11月）") || !strings.Contains(got, "党费已交至") {
		t.Errorf("dated 2026-10-30: beside the date %q", got)
	}
	if !p.save.Disabled() {
		t.Error("登记交纳 enabled for a payment dated before the 建账月份")
	}
	p.date.SetText("2026-11-02")
	p.date.FocusLost()
	if p.save.Disabled() {
		t.Errorf("November paid on 2026-11-02 refused: %s %s", p.dateF.Message(), p.form.Reason.Text)
	}

	for _, pay := range []model.DuesPayment{
		{MemberID: ms[0].ID, Date: model.NewDate(2026, 11, 2), Amount: model.Yuan(162), Months: []model.Month{model.MonthOf(2026, 10), model.MonthOf(2026, 11)}},
		{MemberID: ms[0].ID, Date: model.NewDate(2026, 10, 30), Amount: model.Yuan(81), Months: []model.Month{model.MonthOf(2026, 11)}},
	} {
		if _, err := st.RecordDuesPayment(pay); err == nil || !strings.Contains(err.Error(), "党费已交至") {
			t.Errorf("the store took %v dated %s: %v", pay.Months, pay.Date, err)
		}
	}
}

// A 建账月份 before every member's admission is questioned, and the
// dialog says before saving which years' bases the move will ask for
// (review s13-attack8 #10: 2004年1月 was taken silently and the register
// printed 22 years of 缺基数; #4: a move to 2024年1月 did not say that 2024
// and 2025 would need bases).
func TestLedgerStartBeforeEveryAdmissionIsQuestioned(t *testing.T) {
	s, st, ms := firstDayShell(t)
	first := model.MonthOfDate(ms[0].JoinDate)
	for _, m := range ms {
		first = min(first, model.MonthOfDate(m.JoinDate))
	}
	var asked string
	var confirm func()
	s.confirmAs = func(_, message, _ string, onYes func()) { asked, confirm = message, onYes }
	b := basesOf(duesOf(t, s))
	test.Tap(b.startButton)
	entry := b.startEntry
	early := model.MonthOf(first.Year()-1, 1)
	entry.SetText(early.String())
	entry.FocusLost()
	question := "早于所有党员入党时间（最早为" + first.Chinese() + "），是否输错年份？"
	if !strings.Contains(b.startEffect.Text, question) {
		t.Errorf("leaving %s the dialog says %q, lacks %q", early, b.startEffect.Text, question)
	}
	years := fmt.Sprintf("%d至2025年的党费基数", first.Year())
	if !strings.Contains(b.startEffect.Text, years) {
		t.Errorf("the dialog does not say %q: %q", years, b.startEffect.Text)
	}
	test.Tap(b.startDlg.Save)
	if !strings.Contains(asked, question) || confirm == nil {
		t.Fatalf("保存 asked %q", asked)
	}
	// The question does not say 后 twice ("改为…后：保存后，…", #4).
	if !strings.HasPrefix(asked, "建账月份改为"+early.Chinese()+"。") || strings.Contains(asked, "后：保存后") {
		t.Errorf("保存 asked %q", asked)
	}
	if start, _ := st.DuesLedgerStart(); start != model.MonthOf(2026, 11) {
		t.Errorf("start moved to %v before the answer", start)
	}

	// After every admission but before the branch was founded (2012).
	entry.SetText("2010年1月")
	entry.FocusLost()
	if !strings.Contains(b.startEffect.Text, "该月份早于支部成立日期（2012年7月1日），是否输错年份？") {
		t.Errorf("2010年1月: the dialog says %q", b.startEffect.Text)
	}

	// A plausible month back: no question, and the one year it asks for.
	entry.SetText("2025年3月")
	entry.FocusLost()
	if strings.Contains(b.startEffect.Text, "是否输错年份") {
		t.Errorf("2025年3月 questioned: %q", b.startEffect.Text)
	}
	if !strings.Contains(b.startEffect.Text, "补填2025年的党费基数") {
		t.Errorf("2025年3月: the dialog says %q", b.startEffect.Text)
	}
}

// The member page's 党费已交至… says "before admission" and "inside the
// ledger" when the field is left, beside it and before any 确定吗？ —
// both came only after the question was answered — and quotes a long
// unreadable value cut, as the import does (review s13-attack8 #12).
func TestOpeningOnTheMemberPageIsCheckedOnLeaving(t *testing.T) {
	s, _, ms := firstDayShell(t) // 建账月份 2026年11月; ms[1] paid on paper to October
	var asked string
	s.confirmAs = func(_, message, _ string, _ func()) { asked = message }
	m := ms[1]
	s.openMember(m.ID)
	md := s.roster.detail
	test.Tap(md.dues.edit)
	f, entry := md.dues.form, md.dues.openingEntry
	message := func() string {
		for _, p := range f.Problems() {
			return p
		}
		return ""
	}
	before := model.MonthOfDate(m.JoinDate) - 2
	for _, tc := range []struct{ typed, want string }{
		{before.String(), "早于" + m.Name + "加入党组织的 " + model.MonthOfDate(m.JoinDate).Chinese() + "（入党前不交党费）"},
		{"2026-11", "在本账内（本账自建账月份 2026年11月 起记账）"},
		{strings.Repeat("2", 200), "“" + strings.Repeat("2", 24) + "…”：日期格式不正确"},
	} {
		entry.SetText(tc.typed)
		entry.FocusLost()
		if got := message(); !strings.Contains(got, tc.want) {
			t.Errorf("%.30s: beside the field %q, want %q", tc.typed, got, tc.want)
		}
		if !f.Save.Disabled() {
			t.Errorf("%.30s: 保存 enabled", tc.typed)
		}
		f.Submit()
		if asked != "" {
			t.Errorf("%.30s: asked %q before saying what is wrong", tc.typed, asked)
		}
	}
	entry.SetText("2026-09")
	entry.FocusLost()
	if got := message(); got != "" || f.Save.Disabled() {
		t.Errorf("2026-09 refused: %q", got)
	}
}

// In the 建账月份 dialog Enter works after Tab: on 保存 it saves (asking
// first, as a move back does), on 取消 it cancels; Tab out of the field
// and Enter did nothing (review s13-attack8 #4). Any form's buttons do so
// (kit.Form).
func TestLedgerStartDialogTakesEnterOnItsButtons(t *testing.T) {
	s, st, _ := firstDayShell(t)
	var asked string
	var confirm func()
	s.confirmAs = func(_, message, _ string, onYes func()) { asked, confirm = message, onYes }
	b := basesOf(duesOf(t, s))
	c := s.win.Canvas()
	enter := func() {
		f := c.Focused()
		if f == nil {
			t.Fatal("nothing has the focus")
		}
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}

	test.Tap(b.startButton)
	c.Focus(b.startEntry)
	b.startEntry.SetText("2026年10月")
	c.FocusNext() // 取消
	c.FocusNext() // 保存
	if c.Focused() == fyne.Focusable(b.startEntry) {
		t.Fatal("Tab stayed in the field")
	}
	enter()
	if asked == "" || confirm == nil {
		t.Fatalf("Enter on 保存 did not save (asked %q, focus on %T)", asked, c.Focused())
	}
	confirm()
	if start, _ := st.DuesLedgerStart(); start != model.MonthOf(2026, 10) {
		t.Errorf("start %v after Enter on 保存", start)
	}

	test.Tap(b.startButton)
	dialogs := len(c.Overlays().List())
	c.Focus(b.startEntry)
	c.FocusNext() // 取消
	enter()
	if n := len(c.Overlays().List()); n != dialogs-1 {
		t.Errorf("Enter on 取消: %d overlays, want %d", n, dialogs-1)
	}
}
