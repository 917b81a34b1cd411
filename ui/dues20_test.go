package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

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
