package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/demo"
)

// A member imported today into a branch whose dues ledger has run since
// January of last year (2025-01, set up in the app then): home names no
// 严重 dues finding for them — the months before they were entered are
// 待补录, not "视为自行脱党" — and their page takes 党费已交至 2026年10月,
// the month before they were entered (issue 8 §1, review s9-8 #15).
func TestMemberImportedTodayIntoARunningLedger(t *testing.T) {
	var newcomer model.Member
	s, st := newStoreShell(t, func(st *storage.Store) {
		if err := demo.Fill(st, 8, 1, testToday); err != nil {
			t.Fatal(err)
		}
		m := demo.Members(1, 93, testToday, "支部")[0]
		m.Name = "甲七"
		m.Category, m.JoinDate, m.FullDate = model.CategoryFull, m.BirthDate.AddYears(19), m.BirthDate.AddYears(20)
		m.ArrivedOn, m.LostContact, m.LostSince, m.Mobile, m.MobileDestination = model.Date{}, false, model.Date{}, false, ""
		plan, err := st.PlanImport("名册.xlsx", []model.Member{m}, []model.Field{model.FieldName, model.FieldIDNumber, model.FieldJoinDate})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := st.ApplyImport(plan); err != nil {
			t.Fatal(err)
		}
		all, _ := st.Members()
		for _, a := range all {
			if a.Name == m.Name {
				newcomer = a
			}
		}
		for _, year := range []int{testToday.Year - 1, testToday.Year} {
			if err := st.SaveDuesBases(year, []model.DuesBase{{MemberID: newcomer.ID, Category: model.DuesEmployed, Base: model.Yuan(5400)}}, model.SourceDuesGrid); err != nil {
				t.Fatal(err)
			}
		}
	})
	if start, _ := st.DuesLedgerStart(); start != model.MonthOf(testToday.Year-1, 1) {
		t.Fatalf("the demo's ledger starts %s", start)
	}
	s.show(screenHome)
	arrears, reminded := false, false
	for _, f := range s.home.findings {
		if f.About != model.AboutDues {
			continue
		}
		// The months are to record because the app learnt of them today,
		// not because they are "before the app was used".
		if strings.Contains(f.Message, newcomer.Name) && strings.Contains(f.Message, "待补录") {
			reminded = strings.Contains(f.Message, "在其录入本软件（2026年11月）之前") && !strings.Contains(f.Message, "开始用本软件")
		}
		if strings.Contains(f.Message, newcomer.Name) && (f.Severity == model.Serious || strings.Contains(f.Message, "欠缴党费")) {
			t.Errorf("home: %v %s", f.Severity, f.Message)
		}
		arrears = arrears || strings.Contains(f.Message, "欠缴党费")
	}
	if !arrears {
		t.Errorf("home lost the demo's arrears: %+v", s.home.findings)
	}
	if !reminded {
		t.Errorf("home's 待补录 reminder: %+v", s.home.findings)
	}

	s.openMember(newcomer.ID)
	md := s.roster.detail
	if text := md.dues.summary.Text; !strings.Contains(text, "22个月在其录入本软件（2026年11月）之前，待补录") {
		t.Errorf("member page: %q", text)
	}
	test.Tap(md.dues.edit)
	md.dues.openingEntry.SetText("2026年10月")
	md.dues.openingEntry.FocusLost()
	test.Tap(md.dues.form.Save)
	if os, _ := st.DuesOpenings(); os[newcomer.ID] != model.MonthOf(2026, 10) {
		t.Fatalf("党费已交至 2026年10月 not stored: %v", os[newcomer.ID])
	}
	md = s.roster.detail
	if md.dues.st.OwedMonths != 0 || md.dues.st.ToRecord != 0 || md.dues.st.OwedFrom != model.MonthOf(2026, 11) {
		t.Errorf("member page after 党费已交至 2026年10月: %+v", md.dues.st)
	}
}
