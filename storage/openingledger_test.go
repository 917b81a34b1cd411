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

// A roster's 党费已交至 is checked when the plan is made as the commit
// checks it: a month the ledger keeps refuses the row naming the field,
// and the plan's rows commit; the dry run no longer passed what the
// commit then refused for the whole file (review s5 final attack #1b).
func TestPlanImportRefusesOpeningInLedger(t *testing.T) {
	s, ms := duesStore(t) // ledger kept from 2026-01, today 2026-03-15
	pay(t, s, model.DuesPayment{MemberID: ms[0].ID, Date: testToday, Amount: model.Yuan(81), Months: months(1)})
	over, before, fresh := ms[0], ms[1], newMember(9)
	over.DuesPaidTo = model.MonthOf(2026, 2)    // over January's payment
	before.DuesPaidTo = model.MonthOf(2025, 12) // before the ledger: kept
	fresh.DuesPaidTo = model.MonthOf(2026, 2)   // after the 建账月份
	plan, err := s.PlanImport("名册.xlsx", []model.Member{over, before, fresh}, []model.Field{model.FieldName, model.FieldIDNumber, model.FieldDuesPaidTo})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Refused) != 2 {
		t.Fatalf("refused %+v", plan.Refused)
	}
	for k, want := range map[int]string{0: "已登记了 2026年1月 的交纳", 2: "在本账内（本账自建账月份 2026年1月 起记账）"} {
		r := plan.Refused[min(k, 1)]
		if r.Index != k || r.Field != model.FieldDuesPaidTo || !strings.Contains(r.Reason, want) {
			t.Errorf("row %d: %+v", k, r)
		}
	}
	if len(plan.Openings) != 1 || plan.Openings[0].IDNumber != before.IDNumber || len(plan.Add) != 0 {
		t.Fatalf("plan %+v", plan)
	}
	if _, _, err := s.ApplyImport(plan); err != nil {
		t.Fatalf("the plan's rows commit: %v", err)
	}
	if os, _ := s.DuesOpenings(); len(os) != 1 || os[before.ID] != model.MonthOf(2025, 12) {
		t.Errorf("openings %v", os)
	}
}
