package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
)

// A payment entered with voluntary extra dues, then reversed from the
// member's history: the original stays listed as reversed, its month is
// unpaid again, and the home screen's arrears finding names the member.
func TestDuesPaymentExtraAndReversal(t *testing.T) {
	s, st := newDuesShell(t)
	d := duesOf(t, s)
	row, month := -1, -1
	for i, r := range d.reg.Rows {
		for k, m := range r.Months {
			if m.State == model.MonthOverdue && row < 0 {
				row, month = i, k
			}
		}
	}
	if row < 0 {
		t.Fatal("the demo has nobody behind")
	}
	r := d.reg.Rows[row]
	d.collect.table.OnSelected(widget.TableCellID{Row: row, Col: collectLead + month})
	p := d.collect.payment
	// The extra typed into the amount is caught; in its own field it is kept.
	p.amount.SetText((r.Due[month] + model.Yuan(50)).String())
	p.amount.FocusLost()
	if !strings.Contains(p.amountF.Message(), "自愿多交") {
		t.Fatalf("extra in the amount: %q", p.amountF.Message())
	}
	p.amount.SetText(r.Due[month].String())
	test.Type(p.extra, "50")
	test.Tap(p.save)
	if p.form.Reason.Text != "" {
		t.Fatalf("refused: %s", p.form.Reason.Text)
	}
	if got := d.reg.Rows[row]; got.Months[month].State != model.MonthPaid || got.Extra != model.Yuan(50) || !strings.Contains(got.Note, "自愿多交 50.00 元") {
		t.Fatalf("after paying: %+v", got)
	}

	// Reverse it from the history of the member's dialog.
	d.collect.table.OnSelected(widget.TableCellID{Row: row, Col: 0})
	p = d.collect.payment
	if len(p.payments) == 0 || p.payments[0].Extra != model.Yuan(50) {
		t.Fatalf("history %+v", p.payments)
	}
	item := p.history.CreateItem()
	p.history.UpdateItem(0, item)
	b := findButton(item, "冲正")
	if b == nil || b.Disabled() {
		t.Fatal("no 冲正 button in the history")
	}
	test.Tap(b)
	rd := p.reversal
	if !rd.ok.Disabled() || !strings.Contains(rd.form.Reason.Text, "冲正原因") {
		t.Fatalf("冲正 offered without a reason: %q", rd.form.Reason.Text)
	}
	test.Type(rd.reason, "月份选错")
	test.Tap(rd.ok)
	if rd.form.Reason.Text != "" {
		t.Fatalf("reversal refused: %s", rd.form.Reason.Text)
	}
	if got := d.reg.Rows[row]; got.Months[month].State != model.MonthOverdue || got.Extra != 0 {
		t.Errorf("after reversal: %+v", got.Months[month])
	}
	ps, _ := st.DuesPayments(r.MemberID)
	if len(ps) == 0 || ps[0].Reversal == nil || ps[0].Reversal.Reason != "月份选错" {
		t.Fatalf("stored %+v", ps)
	}
	if !strings.Contains(paymentText(&ps[0]), "已冲正：月份选错") {
		t.Errorf("history line %q", paymentText(&ps[0]))
	}
	// The history's 冲正 button is off for a reversed payment.
	d.collect.table.OnSelected(widget.TableCellID{Row: row, Col: 0})
	p = d.collect.payment
	item = p.history.CreateItem()
	p.history.UpdateItem(0, item)
	if b := findButton(item, "冲正"); b == nil || !b.Disabled() {
		t.Error("冲正 still offered for a reversed payment")
	}

	// Arrears findings on the home screen carry the member.
	for _, f := range s.home.findings {
		if strings.Contains(f.Message, "欠缴党费") && f.MemberID == 0 {
			t.Errorf("finding without member: %q", f.Message)
		}
	}
}

func TestDuesRemittanceReversal(t *testing.T) {
	s, _ := newDuesShell(t)
	d := duesOf(t, s)
	r := d.remit
	held := r.bal.Held
	r.amount.SetText("10.00")
	test.Tap(r.save)
	if r.bal.Held != held-1000 {
		t.Fatalf("held %s", r.bal.Held)
	}
	last := len(r.list) - 1
	if !r.reverse.Disabled() {
		t.Error("冲正 offered with nothing chosen")
	}
	r.table.OnSelected(widget.TableCellID{Row: last, Col: 0})
	if r.reverse.Disabled() {
		t.Fatal("冲正 not offered for the chosen remittance")
	}
	test.Tap(r.reverse)
	test.Type(r.reversal.reason, "金额录错")
	test.Tap(r.reversal.ok)
	if r.reversal.form.Reason.Text != "" {
		t.Fatal(r.reversal.form.Reason.Text)
	}
	if r.bal.Held != held || r.list[last].Reversal == nil || !strings.Contains(r.cell(last, 4), "已冲正：金额录错") {
		t.Errorf("after reversal held %s, %q", r.bal.Held, r.cell(last, 4))
	}
}

// The base grid's 年中调整 sets a new base from a month; the row's rule
// names it and the register uses it from that month.
func TestDuesBaseChangeFromGrid(t *testing.T) {
	s, _ := newDuesShell(t)
	d := duesOf(t, s)
	b := basesOf(d)
	i := -1
	for k, sel := range b.selects {
		if sel.Selected == string(model.DuesEmployed) && b.rows[k].stored {
			i = k
			break
		}
	}
	if i < 0 {
		t.Fatal("no employed member with a base")
	}
	id := b.rows[i].base.MemberID
	b.editChange(i)
	c := b.change
	c.from.SetSelectedIndex(10) // December: after every month the demo paid
	test.Type(c.base, "12000")
	test.Tap(c.save)
	if c.form.Reason.Text != "" {
		t.Fatalf("refused: %s", c.form.Reason.Text)
	}
	for _, r := range d.reg.Rows {
		if r.MemberID == id && (r.Due[11] != model.Yuan(240) || r.Due[10] != r.Monthly) {
			t.Errorf("due %v", r.Due)
		}
	}
	if shown := strings.Join(labelTexts(b.body), "|"); !strings.Contains(shown, "12月起 在职 基数 12000.00，月应交 240.00 元") {
		t.Errorf("grid does not show the change")
	}
}

// findButton is the button labelled text under o.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	if b, ok := asButton(o); ok && b.Text == text {
		return b
	}
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}
