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
// checks it. One inside the ledger (over a recorded payment, from the
// 建账月份 on for a member on file since, or for a member the import adds
// from the month they are entered in) no longer refuses the row: the
// member is imported without the month, which the plan lists with the
// reason for a note (look9 #1: a roster with 历史党费缴至 inside a ledger
// kept since 2025 imported nobody); a month before the ledger is taken,
// and for a member the import adds, any month before today's (review s9-8
// #15). The plan's rows commit, storing what the plan said and nothing
// more (dry run and commit agree).
func TestPlanImportRefusesOpeningInLedger(t *testing.T) {
	s, ms := duesStore(t) // ledger kept from 2026-01, today 2026-03-15
	pay(t, s, model.DuesPayment{MemberID: ms[0].ID, Date: testToday, Amount: model.Yuan(81), Months: months(1)})
	over, before, after, fresh, now := ms[0], ms[1], ms[2], newMember(9), newMember(10)
	over.DuesPaidTo = model.MonthOf(2026, 2)    // over January's payment
	before.DuesPaidTo = model.MonthOf(2025, 12) // before the ledger: kept
	after.DuesPaidTo = model.MonthOf(2026, 2)   // after the 建账月份, on file since
	fresh.DuesPaidTo = model.MonthOf(2026, 2)   // added today: before they were entered
	now.DuesPaidTo = model.MonthOf(2026, 3)     // added today: the month they are entered in
	plan, err := s.PlanImport("名册.xlsx", []model.Member{over, before, after, fresh, now}, []model.Field{model.FieldName, model.FieldIDNumber, model.FieldDuesPaidTo})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Refused) != 0 {
		t.Fatalf("refused %+v", plan.Refused)
	}
	if len(plan.Add) != 2 || plan.Add[0].IDNumber != fresh.IDNumber || plan.Add[1].IDNumber != now.IDNumber {
		t.Fatalf("to add %+v, want the new members", plan.Add)
	}
	if len(plan.DroppedOpenings) != 3 {
		t.Fatalf("dropped %+v", plan.DroppedOpenings)
	}
	for i, want := range []struct {
		index  int
		paidTo model.Month
		reason string
	}{
		{0, model.MonthOf(2026, 2), "已登记了 2026年1月 的交纳"},
		{2, model.MonthOf(2026, 2), "在本账内（本账自建账月份 2026年1月 起记账）"},
		{4, model.MonthOf(2026, 3), "不在录入本软件的 2026年3月 之前"},
	} {
		d := plan.DroppedOpenings[i]
		if d.Index != want.index || d.PaidTo != want.paidTo || !strings.Contains(d.Reason.String(), want.reason) || !strings.Contains(d.Reason.String(), "在“收缴”中") {
			t.Errorf("row %d: %+v", want.index, d)
		}
	}
	if len(plan.Openings) != 2 || plan.Openings[0].IDNumber != before.IDNumber || plan.Openings[1].IDNumber != fresh.IDNumber {
		t.Fatalf("plan %+v", plan)
	}
	if _, _, err := s.ApplyImport(plan); err != nil {
		t.Fatalf("the plan's rows commit: %v", err)
	}
	all, _ := s.Members()
	if len(all) != len(ms)+2 {
		t.Errorf("%d members after the import, want %d", len(all), len(ms)+2)
	}
	var added model.Member
	for _, m := range all {
		if m.IDNumber == fresh.IDNumber {
			added = m
		}
	}
	if os, _ := s.DuesOpenings(); len(os) != 2 || os[before.ID] != model.MonthOf(2025, 12) || os[added.ID] != model.MonthOf(2026, 2) {
		t.Errorf("openings %v", os)
	}
}

// A member added or imported into a file whose dues ledger has run since
// January owes dues from the month they were entered — never 欠交 nor the
// art. 9 line on home, in `check` or on the printed summary for the months
// before (issue 8 §1, review s9-8 #15), and no base asked for them (review
// s13-newuser #6) — unless the record says they were here before: a
// 党费已交至, which may be stated up to the month before they were entered,
// makes the months after it owed, and those before their entry 待补录.
// Read back from the file.
func TestMemberEnteredAfterTheLedgerBegan(t *testing.T) {
	s, ms := duesStore(t)      // ledger kept from 2026-01, members since
	c := newTestClock()        // 2026-03-15
	c.t = c.t.AddDate(0, 9, 0) // 2026-12-15: the ledger has run for a year
	s.now = c.Now
	today := model.DateOf(c.t)
	if err := s.SaveDuesBases(2026, []model.DuesBase{{MemberID: ms[2].ID, Category: model.DuesEmployed, Base: model.Yuan(4000)}}, model.SourceDuesGrid); err != nil {
		t.Fatal(err)
	}
	added, err := s.AddMember(newMember(20), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDuesBases(2026, []model.DuesBase{{MemberID: added.ID, Category: model.DuesEmployed, Base: model.Yuan(5400)}}, model.SourceDuesGrid); err != nil {
		t.Fatal(err)
	}
	ar, err := s.DuesArrears(today)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range ar {
		if a.MemberID == added.ID {
			t.Errorf("added today, yet behind: %s", a.Message(model.CurrentRules().Constitution))
		}
	}
	// The members on file since January are behind, as before.
	if len(ar) == 0 || ar[0].Severity != model.Serious {
		t.Errorf("arrears %+v", ar)
	}
	st, err := s.MemberDues(added.ID, today)
	if err != nil || st.OwedMonths != 0 || st.ToRecord != 0 || st.OwedFrom != model.MonthOf(2026, 12) || st.OpeningLimit != model.MonthOf(2026, 11) {
		t.Errorf("member page: %+v %v", st, err)
	}
	checkRow := func(want [3]model.MonthState) {
		t.Helper()
		reg, err := s.DuesRegister(2026, today)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range reg.Rows {
			if row.MemberID == added.ID && [3]model.MonthState{row.Months[0].State, row.Months[10].State, row.Months[11].State} != want {
				t.Errorf("register row %+v, want January, November, December %v", row.Months, want)
			}
		}
	}
	checkRow([3]model.MonthState{model.MonthNotOwed, model.MonthNotOwed, model.MonthDue})
	// Paid to March on paper here: April to November are to record.
	if err := s.SetDuesOpenings([]model.DuesOpening{{MemberID: added.ID, PaidTo: model.MonthOf(2026, 3)}}, model.SourceDuesOpening); err != nil {
		t.Fatalf("March: %v", err)
	}
	if st, _ := s.MemberDues(added.ID, today); st.ToRecord != 8 || st.OwedMonths != 0 {
		t.Errorf("after 党费已交至 2026年3月: %+v", st)
	}
	checkRow([3]model.MonthState{model.MonthPaidOpening, model.MonthToRecord, model.MonthDue})
	// 党费已交至 the month before they were entered: taken; the month they
	// were entered in: the ledger's.
	if err := s.SetDuesOpenings([]model.DuesOpening{{MemberID: added.ID, PaidTo: model.MonthOf(2026, 12)}}, model.SourceDuesOpening); err == nil ||
		!strings.Contains(err.Error(), "不在录入本软件的 2026年12月 之前") {
		t.Errorf("December: %v", err)
	}
	if err := s.SetDuesOpenings([]model.DuesOpening{{MemberID: added.ID, PaidTo: model.MonthOf(2026, 11)}}, model.SourceDuesOpening); err != nil {
		t.Fatalf("November: %v", err)
	}
	st, _ = s.MemberDues(added.ID, today)
	if st.OwedFrom != model.MonthOf(2026, 12) || st.ToRecord != 0 || st.OwedMonths != 0 {
		t.Errorf("after 党费已交至 2026年11月: %+v", st)
	}
}
