package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// A month before the 建账月份 ticked in the payment dialog, or a payment
// dated before it, is refused naming the route that works for money paid
// now — moving the 建账月份 back to that month — besides 党费已交至 for
// months paid on paper (review s14-newuser #2: the grid showed them
// 待补录, home sent the secretary to 收缴, and the dialog's refusal named
// only 党费已交至, which would record a paper payment that never was).
func TestPaymentBeforeTheLedgerNamesMovingTheStartBack(t *testing.T) {
	s, _, ms := firstDayShell(t) // 建账月份 2026年11月
	p := openPayment(t, s, ms[0].ID, 10)
	p.months[9].SetChecked(true) // October
	p.amount.SetText("162")
	p.amount.FocusLost()
	got := p.form.Reason.Text
	for _, want := range []string{"党费已交至", "修改建账月份", "把建账月份改到2026年10月"} {
		if !strings.Contains(got, want) {
			t.Errorf("October ticked: beside 登记交纳 %q, want %q", got, want)
		}
	}
	p.months[9].SetChecked(false)
	p.date.SetText("2026-10-15")
	p.date.FocusLost()
	if got := p.dateF.Message(); !strings.Contains(got, "把建账月份改到2026年10月") {
		t.Errorf("dated 2026-10-15: beside the date %q", got)
	}
}

// Opened from a member's name, nothing ticked, the dialog is not red: it
// says what is still to fill in, not "请更正：金额" over the 0.00 it filled
// in itself (review s14-newuser #2, #5).
func TestPaymentDialogOpensWithoutRed(t *testing.T) {
	s, _, ms := firstDayShell(t)
	d := duesOf(t, s)
	for _, r := range d.reg.Rows {
		if r.MemberID == ms[0].ID {
			d.collect.payment = newPaymentDialog(d, r, -1)
		}
	}
	p := d.collect.payment
	if p == nil {
		t.Fatal("no payment dialog")
	}
	got := p.form.Reason.Text
	if strings.Contains(got, "请更正") || p.form.Reason.Importance == widget.DangerImportance {
		t.Errorf("untouched, the footer reads %q (importance %v)", got, p.form.Reason.Importance)
	}
	if !strings.Contains(got, "尚需填写") || !strings.Contains(got, "所交月份") {
		t.Errorf("untouched, the footer reads %q, want what is still to fill in", got)
	}
	if msg := p.amountF.Message(); msg != "" {
		t.Errorf("金额, untouched, says %q", msg)
	}
}
