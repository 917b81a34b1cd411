package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"branchledger/model"
)

// With the 建账月份 moved back (set up in November, moved to September),
// the months to record are the ledger's: home's reminder and the member's
// 党费 tab say to record the payments, not to set a 党费已交至 the rule
// refuses; and the member's page counts from the 建账月份 the 基数 page
// names, not from the month the ledger was set up (s8-8-recheck new #2:
// "本账从2026年12月起" beside 建账月份 2026年10月; new #3).
func TestMovedBackLedgerMonthsAreRecordedNotPaidUpTo(t *testing.T) {
	s, st, ms := firstDayShell(t)
	if err := st.SetDuesLedgerStart(model.MonthOf(2026, 9)); err != nil {
		t.Fatal(err)
	}
	s.dataChanged()
	var reminder string
	for _, f := range s.home.findings {
		if strings.Contains(f.Message, "待补录") {
			reminder = f.Message
		}
	}
	if reminder == "" {
		t.Fatal("home has no 待补录 reminder after moving the start back")
	}
	if !strings.Contains(reminder, "按实际交纳日期登记交纳") || strings.Contains(reminder, "用“为所选党员设置”填写“党费已交至”") {
		t.Errorf("home advises a 党费已交至 for months in the ledger: %q", reminder)
	}
	s.openMember(ms[0].ID)
	got := s.roster.detail.dues.summary.Text
	if !strings.Contains(got, "本账从2026年9月起计算应交党费") {
		t.Errorf("member page %q; the 基数 page says 建账月份 2026年9月", got)
	}
	if !strings.Contains(got, "待补录") || strings.Contains(got, "或用“党费已交至…”登记") {
		t.Errorf("member page advises a 党费已交至 for months in the ledger: %q", got)
	}
	b := basesOf(duesOf(t, s))
	if !strings.Contains(b.ledger.Text, "建账月份：2026年9月") {
		t.Errorf("基数 page says %q", b.ledger.Text)
	}
}

// 为所选党员设置 with a 党费已交至 inside the ledger is refused, in English
// in the English window, naming the member; the refused month is not left
// in the rows as an unsaved change (review s8-8-recheck #4: after 放弃修改
// 14 rows still held it).
func TestBulkOpeningRefusalIsEnglishAndLeavesNoEdit(t *testing.T) {
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	s, st, ms := firstDayShell(t)
	b := basesOf(duesOf(t, s))
	for i := range b.rows {
		b.rows[i].selected = true
	}
	b.showPage()
	b.editSelected()
	bd := b.bulkDlg
	test.Type(bd.paidTo, "2026-11")
	test.Tap(bd.form.Save)
	reason := bd.form.Reason.Text
	if reason == "" {
		t.Fatal("a 党费已交至 inside the ledger was not refused")
	}
	for _, m := range ms {
		reason = strings.ReplaceAll(reason, m.Name, "")
	}
	if hasHan(reason) {
		t.Errorf("English refusal has Chinese: %q", bd.form.Reason.Text)
	}
	if openings, _ := st.DuesOpenings(); openings[ms[0].ID] == model.MonthOf(2026, 11) {
		t.Errorf("stored %v", openings)
	}
	if b.dirty() || b.unsaved.Text != "" {
		t.Errorf("the refused month stays as an unsaved edit: dirty %v, %q", b.dirty(), b.unsaved.Text)
	}
}

// The payment dialog of a member paid for the whole year says there is
// nothing to pay, not 尚需填写：所交月份 with every month greyed (look9 #2).
func TestPaymentDialogOfAPaidYearSaysNothingToPay(t *testing.T) {
	s, _ := newDuesShell(t)
	d := duesOf(t, s)
	row := d.reg.Rows[0]
	for k := range row.Months {
		row.Months[k].State = model.MonthPaid
	}
	p := newPaymentDialog(d, row, -1)
	defer p.dlg.Hide()
	got := p.form.Reason.Text
	if !strings.Contains(got, "没有需要登记的月份") || strings.Contains(got, "所交月份") {
		t.Errorf("a paid year's dialog says %q", got)
	}
	if !p.save.Disabled() {
		t.Error("登记交纳 enabled with nothing to pay")
	}
}
