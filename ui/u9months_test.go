package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"branchledger/model"
)

// The English payment and 年中调整 dialogs name months as the register
// beside them heads its columns, "Jan" … "Dec", not "Month 1" … "Month 12"
// (reviews s14-newuser #5, s14-attack8 #23); the Chinese ones stay 1月 … 12月.
// A 年中调整 over months already paid at the old amount is refused in
// English, naming the member (it was the Chinese sentence).
func TestEnglishDuesDialogsNameTheMonths(t *testing.T) {
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	for _, tc := range []struct {
		language Language
		first    string
		last     string
	}{{Chinese, "1月", "12月"}, {English, "Jan", "Dec"}} {
		if err := useLanguage(tc.language); err != nil {
			t.Fatal(err)
		}
		s, _ := newDuesShell(t)
		d := duesOf(t, s)
		p := openPayment(t, s, d.reg.Rows[0].MemberID, 10)
		if got := p.months[0].Text; got != tc.first {
			t.Errorf("%v payment dialog: first month %q, want %q", tc.language, got, tc.first)
		}
		if got := p.months[11].Text; got != tc.last {
			t.Errorf("%v payment dialog: last month %q, want %q", tc.language, got, tc.last)
		}
		p.dlg.Hide()

		b := basesOf(d)
		i := -1
		for k := range b.rows {
			if b.rows[k].stored && b.rows[k].base.Category == model.DuesEmployed {
				i = k
				break
			}
		}
		if i < 0 {
			t.Fatal("no employed member with a base")
		}
		b.editChange(i)
		c := b.change
		if got := c.from.Options; len(got) != 11 || got[0] != monthName(2) || got[10] != tc.last {
			t.Errorf("%v 年中调整 months %q, want %s … %s", tc.language, got, monthName(2), tc.last)
		}
		if tc.language != English {
			continue
		}
		c.from.SetSelectedIndex(0) // February: the demo paid it at the old amount
		test.Type(c.base, "12000")
		test.Tap(c.save)
		msg := c.form.Reason.Text
		if msg == "" || hasHan(strings.ReplaceAll(msg, b.rows[i].name, "")) || !strings.Contains(msg, "reverse") {
			t.Errorf("the refusal over paid months reads %q, want it in English", msg)
		}
	}
}

// A reversed payment's line says so with English punctuation in English,
// "[Reversed: …]", and as before in Chinese, "【已冲正：…】".
func TestReversedPaymentLineInEnglish(t *testing.T) {
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	p := &model.DuesPayment{Date: model.NewDate(2026, 12, 2), Amount: 3557,
		Months: []model.Month{model.MonthOf(2026, 12)}, Reversal: &model.DuesReversal{Reason: "录错"}}
	if got := paymentText(p); !strings.HasSuffix(got, "【已冲正：录错】") {
		t.Errorf("Chinese line %q", got)
	}
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	if got := paymentText(p); !strings.HasSuffix(got, "[Reversed: 录错]") {
		t.Errorf("English line %q, want it to end [Reversed: 录错]", got)
	}
}
