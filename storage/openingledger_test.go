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
// checks it. One inside the ledger (over a recorded payment, or from the
// 建账月份 on) no longer refuses the row: the member is imported without
// the month, which the plan lists with the reason for a note (look9 #1:
// a roster with 历史党费缴至 inside a ledger kept since 2025 imported
// nobody); a month before the ledger is taken. The plan's rows commit,
// storing what the plan said and nothing more (dry run and commit agree).
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
	if len(plan.Refused) != 0 {
		t.Fatalf("refused %+v", plan.Refused)
	}
	if len(plan.Add) != 1 || plan.Add[0].IDNumber != fresh.IDNumber {
		t.Fatalf("to add %+v, want the new member without the month", plan.Add)
	}
	if len(plan.DroppedOpenings) != 2 {
		t.Fatalf("dropped %+v", plan.DroppedOpenings)
	}
	for k, want := range map[int]string{0: "已登记了 2026年1月 的交纳", 2: "在本账内（本账自建账月份 2026年1月 起记账）"} {
		d := plan.DroppedOpenings[min(k, 1)]
		if d.Index != k || d.PaidTo != model.MonthOf(2026, 2) || !strings.Contains(d.Reason.String(), want) || !strings.Contains(d.Reason.String(), "在“收缴”中") {
			t.Errorf("row %d: %+v", k, d)
		}
	}
	if len(plan.Openings) != 1 || plan.Openings[0].IDNumber != before.IDNumber {
		t.Fatalf("plan %+v", plan)
	}
	if _, _, err := s.ApplyImport(plan); err != nil {
		t.Fatalf("the plan's rows commit: %v", err)
	}
	if os, _ := s.DuesOpenings(); len(os) != 1 || os[before.ID] != model.MonthOf(2025, 12) {
		t.Errorf("openings %v", os)
	}
	all, _ := s.Members()
	if len(all) != len(ms)+1 {
		t.Errorf("%d members after the import, want %d", len(all), len(ms)+1)
	}
}
