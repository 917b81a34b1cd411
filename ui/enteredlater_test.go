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
// January of last year (2025-01, set up in the app then) owes dues from
// this month: home names no dues finding for them — no "视为自行脱党", no
// 待补录, no base asked for 2025 (issue 8 §1, review s9-8 #15, s13-newuser
// #6). Their page takes a 党费已交至 up to the month before they were
// entered; 2025年12月 says they were here, and the months from January to
// October are then 待补录, "在其录入本软件（2026年11月）之前".
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
	homeSays := func(when string) (reminded bool) {
		t.Helper()
		arrears := false
		for _, f := range s.home.findings {
			if f.About != model.AboutDues {
				continue
			}
			if strings.Contains(f.Message, newcomer.Name) && strings.Contains(f.Message, "待补录") {
				reminded = strings.Contains(f.Message, "在其录入本软件（2026年11月）之前") && !strings.Contains(f.Message, "开始用本软件")
			}
			if strings.Contains(f.Message, newcomer.Name) && (f.Severity == model.Serious || strings.Contains(f.Message, "欠缴党费") || strings.Contains(f.Message, "基数")) {
				t.Errorf("home %s: %v %s", when, f.Severity, f.Message)
			}
			arrears = arrears || strings.Contains(f.Message, "欠缴党费")
		}
		if !arrears {
			t.Errorf("home %s lost the demo's arrears: %+v", when, s.home.findings)
		}
		return reminded
	}
	if homeSays("on import") {
		t.Errorf("home reminds of months to record for a member who came this month: %+v", s.home.findings)
	}

	s.openMember(newcomer.ID)
	md := s.roster.detail
	if text := md.dues.summary.Text; !strings.Contains(text, "本账从2026年11月起计算应交党费") || strings.Contains(text, "待补录") {
		t.Errorf("member page: %q", text)
	}
	test.Tap(md.dues.edit)
	md.dues.openingEntry.SetText("2025年12月")
	md.dues.openingEntry.FocusLost()
	test.Tap(md.dues.form.Save)
	if os, _ := st.DuesOpenings(); os[newcomer.ID] != model.MonthOf(2025, 12) {
		t.Fatalf("党费已交至 2025年12月 not stored: %v", os[newcomer.ID])
	}
	md = s.roster.detail
	if md.dues.st.OwedMonths != 0 || md.dues.st.ToRecord != 10 || md.dues.st.OwedFrom != model.MonthOf(2026, 1) {
		t.Errorf("member page after 党费已交至 2025年12月: %+v", md.dues.st)
	}
	if text := md.dues.summary.Text; !strings.Contains(text, "10个月在其录入本软件（2026年11月）之前，待补录") {
		t.Errorf("member page: %q", text)
	}
	s.show(screenHome)
	if !homeSays("after 党费已交至") {
		t.Errorf("home's 待补录 reminder: %+v", s.home.findings)
	}
}
