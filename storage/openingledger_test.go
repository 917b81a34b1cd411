package storage

import (
	"strings"
	"testing"

	"branchledger/model"
)

// An opening position typed or imported may not cover a month whose
// payment the ledger holds (review s3-8 attack #2): the register showed
// those months paid with no money and hid the shortfall. A transfer
// letter's 党费交至 is the old branch's word and is not held to it.
func TestOpeningRefusedOverRecordedPayment(t *testing.T) {
	s, ms := duesStore(t) // ledger kept from 2026-01, today 2026-03-15
	pay(t, s, model.DuesPayment{MemberID: ms[0].ID, Date: testToday, Amount: model.Yuan(81), Months: months(1)})
	err := s.SetDuesOpenings([]model.DuesOpening{{MemberID: ms[0].ID, PaidTo: model.MonthOf(2026, 2)}}, model.SourceDuesOpening)
	if err == nil || !strings.Contains(err.Error(), "已登记了 2026年1月 的交纳") || !strings.Contains(err.Error(), ms[0].Name) {
		t.Fatalf("opening over a recorded January: %v", err)
	}
	if os, _ := s.DuesOpenings(); len(os) != 0 {
		t.Errorf("refused, yet stored: %v", os)
	}
	// The same month from a transfer letter is stored.
	if err := s.SetDuesOpenings([]model.DuesOpening{{MemberID: ms[0].ID, PaidTo: model.MonthOf(2026, 2)}}, SourceTransferIn); err != nil {
		t.Errorf("letter: %v", err)
	}
	// A member with no payment recorded, before the ledger's start: kept.
	if err := s.SetDuesOpenings([]model.DuesOpening{{MemberID: ms[1].ID, PaidTo: model.MonthOf(2025, 12)}}, model.SourceDuesOpening); err != nil {
		t.Errorf("opening before the start: %v", err)
	}
}
