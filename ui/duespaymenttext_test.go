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
