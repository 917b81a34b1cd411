package ui

import (
	"strings"
	"testing"
	"time"

	"branchledger/model"
)

// A line of a member's payment history reads ¥35.57 and Oct 2026, Nov 2026
// in the English UI, not 35.57yuan and 2026-10、2026-11; Chinese stays as
// it was (issue 8).
func TestPaymentHistoryLineInEnglish(t *testing.T) {
	p := &model.DuesPayment{
		Date:   model.NewDate(2026, time.November, 20),
		Amount: 3557,
		Extra:  1000,
		Months: []model.Month{model.MonthOf(2026, time.October), model.MonthOf(2026, time.November)},
	}
	if got, want := paymentText(p), "2026-11-20  35.57元  2026-10、2026-11  自愿多交 10.00元"; got != want {
		t.Errorf("Chinese history line %q, want %q", got, want)
	}
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	got := paymentText(p)
	want := "2026-11-20  ¥35.57  Oct 2026, Nov 2026  "
	if len(got) < len(want) || got[:len(want)] != want || han.MatchString(got) {
		t.Errorf("English history line %q, want it to begin %q and hold no Chinese", got, want)
	}
	if !strings.Contains(got, "¥10.00") || strings.Contains(got, "yuan") {
		t.Errorf("English history line %q, want the extra as ¥10.00", got)
	}
}

// The member's dues page says its sums as ¥35.57 in English, as the
// history lines below it do, and 35.57 元 in Chinese (issue 8).
func TestMemberDuesSummaryMoneyInEnglish(t *testing.T) {
	tab := &memberDuesTab{st: model.MemberDues{PaidMonths: 2, Paid: 7114, OwedMonths: 1, Owed: 3557}}
	if got := tab.summaryText(); !strings.Contains(got, "计71.14元") || !strings.Contains(got, "计35.57元") {
		t.Errorf("Chinese summary %q", got)
	}
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	got := tab.summaryText()
	if !strings.Contains(got, "2 months, ¥71.14") || !strings.Contains(got, "1 month, ¥35.57") || strings.Contains(got, "yuan") {
		t.Errorf("English summary %q, want ¥71.14 and ¥35.57", got)
	}
}
