package storage

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"branchledger/model"
)

// A member's arrival on the roster: the day added, the 转入 date when added
// as transferred in, today for an import without a date of its own, and the
// date of a later 转入 or 恢复党籍, which goes into the member's history.
func TestArrivalOnTheRoster(t *testing.T) {
	s := openTest(t)
	added, err := s.AddMember(newMember(1), nil)
	if err != nil || added.ArrivedOn != testToday {
		t.Fatalf("added: %v, arrived %v", err, added.ArrivedOn)
	}
	via := &model.MembershipEvent{Kind: model.EventTransferIn, Date: model.NewDate(2026, 2, 3), Note: "自某支部转入"}
	moved, err := s.AddMember(newMember(2), via)
	if err != nil || moved.ArrivedOn != model.NewDate(2026, 2, 3) {
		t.Fatalf("transferred in: %v, arrived %v", err, moved.ArrivedOn)
	}
	stated := newMember(3)
	stated.ArrivedOn = model.NewDate(2025, 6, 1)
	plan, err := s.PlanImport("花名册.xlsx", []model.Member{newMember(4), stated}, allColumns())
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ApplyImport(plan); err != nil {
		t.Fatal(err)
	}
	ms, err := s.Members()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]model.Member{}
	for _, m := range ms {
		byName[m.Name] = m
	}
	if got := byName[newMember(4).Name].ArrivedOn; got != testToday {
		t.Errorf("imported without a date: arrived %v, want today", got)
	}
	if got := byName[stated.Name].ArrivedOn; got != stated.ArrivedOn {
		t.Errorf("imported with a date: arrived %v, want %v", got, stated.ArrivedOn)
	}

	if _, err := s.RecordEvent(model.MembershipEvent{MemberID: added.ID, Kind: model.EventTransferOut, Date: model.NewDate(2026, 3, 1), Note: "转往某地"}); err != nil {
		t.Fatal(err)
	}
	back, err := s.RecordEvent(model.MembershipEvent{MemberID: added.ID, Kind: model.EventTransferIn, Date: model.NewDate(2026, 3, 10)})
	if err != nil || back.ArrivedOn != model.NewDate(2026, 3, 10) {
		t.Fatalf("back: %v, arrived %v", err, back.ArrivedOn)
	}
	stored, _ := s.Member(added.ID)
	if stored.ArrivedOn != model.NewDate(2026, 3, 10) {
		t.Errorf("stored arrival %v", stored.ArrivedOn)
	}
	cs, _ := s.MemberChanges(added.ID)
	found := false
	for _, c := range cs {
		found = found || c.Field == model.FieldArrivedOn && c.New == "2026-03-10" && c.Source == string(model.EventTransferIn)
	}
	if !found {
		t.Errorf("the arrival is not in the history: %+v", cs)
	}
	// Edited by hand, it is kept and recorded like any field.
	stored.ArrivedOn = model.NewDate(2026, 3, 9)
	if changes, err := s.UpdateMember(stored); err != nil || len(changes) != 1 || changes[0].Field != model.FieldArrivedOn {
		t.Errorf("edit: %+v %v", changes, err)
	}
}

// The ledger begins (建账月份) in the month the first base is saved, unless
// the secretary set it; a later base does not move it.
func TestLedgerStartsWithTheFirstBase(t *testing.T) {
	s := openTest(t)
	ms := addMembers(t, s, 2)
	if start, err := s.DuesLedgerStart(); err != nil || start != 0 {
		t.Fatalf("new file: %v %v", start, err)
	}
	if ar, err := s.DuesArrears(testToday); err != nil || ar != nil {
		t.Fatalf("no ledger, arrears %+v %v", ar, err)
	}
	save := func(m model.Member) {
		t.Helper()
		if err := s.SaveDuesBases(2026, []model.DuesBase{{MemberID: m.ID, Category: model.DuesEmployed, Base: model.Yuan(5400)}}, model.SourceDuesGrid); err != nil {
			t.Fatal(err)
		}
	}
	save(ms[0])
	if start, _ := s.DuesLedgerStart(); start != model.MonthOf(2026, 3) {
		t.Errorf("start %v, want 2026-03", start)
	}
	if err := s.SetDuesLedgerStart(model.MonthOf(2026, 1)); err != nil {
		t.Fatal(err)
	}
	save(ms[1])
	if start, _ := s.DuesLedgerStart(); start != model.MonthOf(2026, 1) {
		t.Errorf("start moved to %v", start)
	}
	// Moving the start back does not move the month the ledger was set
	// up: January and February stay 待补录, not arrears.
	if setUp, _ := s.DuesLedgerSetUp(); setUp != model.MonthOf(2026, 3) {
		t.Errorf("set up %v, want 2026-03", setUp)
	}
	for _, bad := range []model.Month{model.MonthOf(2026, 4), model.MonthOf(1900, 1), 0} {
		if err := s.SetDuesLedgerStart(bad); !errors.Is(err, model.ErrDues) {
			t.Errorf("start %v: %v", bad, err)
		}
	}
	// A fresh store without bases: setting the month first is kept.
	s2 := openTest(t)
	m := addMembers(t, s2, 1)[0]
	if err := s2.SetDuesLedgerStart(model.MonthOf(2025, 12)); err != nil {
		t.Fatal(err)
	}
	if err := s2.SaveDuesBases(2026, []model.DuesBase{{MemberID: m.ID, Category: model.DuesStudent}}, model.SourceDuesGrid); err != nil {
		t.Fatal(err)
	}
	if start, _ := s2.DuesLedgerStart(); start != model.MonthOf(2025, 12) {
		t.Errorf("set start overwritten: %v", start)
	}
}

// The opening position (党费已交至): set, changed and cleared, each change in
// the member's history; months up to it are not owed and cannot be paid
// again; the last month paid in full follows it and the payments.
func TestOpeningPosition(t *testing.T) {
	s, ms := duesStore(t) // ledger from 2026-01, today 2026-03-15
	// A 党费已交至 inside the ledger is taken only for one who came later
	// (review s8-8 #13): ms[1] came on 2026-02-10, paid to February.
	came := ms[1]
	came.ArrivedOn = model.NewDate(2026, 2, 10)
	if _, err := s.UpdateMember(came); err != nil {
		t.Fatal(err)
	}
	if err := s.SetDuesOpenings([]model.DuesOpening{{MemberID: ms[1].ID, PaidTo: model.MonthOf(2026, 2)}}, model.SourceDuesOpening); err != nil {
		t.Fatal(err)
	}
	if ar, _ := s.DuesArrears(testToday); len(ar) != 1 || ar[0].MemberID != ms[0].ID {
		t.Errorf("arrears after the opening position: %+v", ar)
	}
	if _, err := s.RecordDuesPayment(model.DuesPayment{MemberID: ms[1].ID, Date: testToday, Amount: model.Yuan(15), Months: months(2)}); err == nil || !strings.Contains(err.Error(), "已交至") {
		t.Errorf("February paid again: %v", err)
	}
	pay(t, s, model.DuesPayment{MemberID: ms[1].ID, Date: testToday, Amount: model.Yuan(30), Months: months(3, 4)})
	if pt, ok, err := s.PaidThrough(ms[1].ID); err != nil || !ok || pt != model.MonthOf(2026, 4) {
		t.Errorf("paid through %v %v %v", pt, ok, err)
	}
	if _, ok, _ := s.PaidThrough(ms[0].ID); ok {
		t.Error("a member who owed January and paid nothing is known to be paid up")
	}
	for _, bad := range []model.Month{model.MonthOf(1900, 1), model.MonthOf(2027, 5)} {
		if err := s.SetDuesOpenings([]model.DuesOpening{{MemberID: ms[0].ID, PaidTo: bad}}, model.SourceDuesOpening); !errors.Is(err, model.ErrDues) {
			t.Errorf("opening %v: %v", bad, err)
		}
	}
	if err := s.SetDuesOpenings([]model.DuesOpening{{MemberID: ms[1].ID, PaidTo: 0}}, model.SourceDuesOpening); err != nil {
		t.Fatal(err)
	}
	if os, _ := s.DuesOpenings(); len(os) != 0 {
		t.Errorf("cleared openings %v", os)
	}
	cs, _ := s.MemberChanges(ms[1].ID)
	if len(cs) != 3 || cs[0].Field != model.FieldDuesPaidTo || cs[0].Old != "2026-02" || cs[0].New != "" || cs[1].New != "2026-02" {
		t.Errorf("history %+v", cs)
	}
	st, err := s.MemberDues(ms[1].ID, testToday)
	if err != nil || st.PaidMonths != 2 || st.OwedMonths != 1 || st.Owed != model.Yuan(15) { // came in February: January is not his here
		t.Errorf("statement %+v %v", st, err)
	}
}

// A file of version 3 upgraded: each member's arrival is their latest 转入
// or 恢复党籍, else the day they were added; the ledger begins in the month
// its first base was entered.
func TestUpgradeSetsArrivalAndLedgerStart(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	saved := migrations
	migrations = migrations[:3]
	s := openAt(t, path)
	exec := func(q string, args ...any) {
		t.Helper()
		if err := s.db.Exec(q, args...).Error; err != nil {
			t.Fatal(err)
		}
	}
	at := func(d string) stamp {
		tm, _ := time.ParseInLocation("2006-01-02", d, beijing)
		return stamp(tm.Add(10 * time.Hour))
	}
	for i, created := range []string{"2023-01-05", "2024-05-20", "2025-02-01"} {
		m := toMemberRow(ptr(newMember(i)))
		exec(`INSERT INTO members (name, sex, id_number, category, standing, join_date, full_date, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, m.Name, m.Sex, m.IDNumber, m.Category, m.Standing, m.JoinDate, m.FullDate, at(created), at(created))
	}
	exec(`INSERT INTO member_events (member_id, kind, date, note, created_at, updated_at) VALUES (3, '转入', '2024-11-02', '', ?, ?)`, at("2025-02-01"), at("2025-02-01"))
	exec(`INSERT INTO dues_bases (member_id, year, category, base, created_at, updated_at) VALUES (1, 2025, '在职', 540000, ?, ?)`, at("2025-04-09"), at("2025-04-09"))
	s.Close()
	migrations = saved

	s = openAt(t, path)
	ms, err := s.Members()
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []model.Date{model.NewDate(2023, 1, 5), model.NewDate(2024, 5, 20), model.NewDate(2024, 11, 2)} {
		if ms[i].ArrivedOn != want {
			t.Errorf("member %d arrived %v, want %v", i+1, ms[i].ArrivedOn, want)
		}
	}
	if start, err := s.DuesLedgerStart(); err != nil || start != model.MonthOf(2025, 4) {
		t.Errorf("ledger start %v %v, want 2025-04", start, err)
	}
	if setUp, err := s.DuesLedgerSetUp(); err != nil || setUp != model.MonthOf(2025, 4) {
		t.Errorf("ledger set up %v %v, want 2025-04", setUp, err)
	}
}

// A file of version 7 whose 建账月份 was moved back before the upgrade: the
// month it was set up is the month of its first base, so the months moved
// back over become 待补录, not arrears; a file without a ledger has none.
func TestUpgradeSetsLedgerSetUp(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	saved := migrations
	migrations = migrations[:7]
	s := openAt(t, path)
	m := toMemberRow(ptr(newMember(0)))
	for _, q := range []string{
		`INSERT INTO members (name, sex, id_number, category, standing, join_date, full_date, arrived_on, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, '2026-11-02', '2026-11-02 10:00:00.000+08:00', '2026-11-02 10:00:00.000+08:00')`,
		`INSERT INTO dues_bases (member_id, year, category, base, created_at, updated_at) VALUES (1, 2026, '在职', 540000, '2026-11-02 10:00:00.000+08:00', '2026-11-02 10:00:00.000+08:00')`,
		`UPDATE dues_setup SET ledger_start = '2026-01', updated_at = '2026-11-20 10:00:00.000+08:00'`,
	} {
		args := []any{}
		if strings.Contains(q, "INSERT INTO members") {
			args = []any{m.Name, m.Sex, m.IDNumber, m.Category, m.Standing, m.JoinDate, m.FullDate}
		}
		if err := s.db.Exec(q, args...).Error; err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	migrations = saved

	s = openAt(t, path)
	if setUp, err := s.DuesLedgerSetUp(); err != nil || setUp != model.MonthOf(2026, 11) {
		t.Errorf("ledger set up %v %v, want 2026-11", setUp, err)
	}
	if ar, _ := s.DuesArrears(model.NewDate(2026, 11, 30)); len(ar) != 0 {
		t.Errorf("arrears after the upgrade: %+v", ar)
	}
}

func ptr[T any](v T) *T { return &v }

// Saving the profile aligning the members sets every member on the roster
// to the branch's name in the same transaction, each change in their
// history; members who left keep what they had.
func TestSaveProfileAligning(t *testing.T) {
	s := openTest(t)
	ms := addMembers(t, s, 3)
	if _, err := s.RecordEvent(model.MembershipEvent{MemberID: ms[2].ID, Kind: model.EventTransferOut, Date: testToday, Note: "转往某地"}); err != nil {
		t.Fatal(err)
	}
	p := model.Profile{OrgName: "兰州示例科技有限公司", BranchName: "中共兰州示例科技有限公司支部委员会", BranchType: model.BranchOwn}
	n, err := s.SaveProfileAligning(p)
	if err != nil || n != 2 {
		t.Fatalf("aligned %d, %v", n, err)
	}
	got, _ := s.Members()
	if got[0].BranchName != p.BranchName || got[1].BranchName != p.BranchName || got[2].BranchName != ms[2].BranchName {
		t.Errorf("names %q %q %q", got[0].BranchName, got[1].BranchName, got[2].BranchName)
	}
	cs, _ := s.MemberChanges(ms[0].ID)
	if len(cs) != 1 || cs[0].Source != SourceBranchName || cs[0].Old != ms[0].BranchName {
		t.Errorf("history %+v", cs)
	}
	if n, _ := s.SaveProfileAligning(p); n != 0 {
		t.Errorf("aligned %d the second time", n)
	}
	// A refused profile changes no member.
	bad := p
	bad.BranchName = "x"
	bad.OrgName = ""
	if _, err := s.SaveProfileAligning(bad); err == nil {
		t.Fatal("a profile without 单位名称 saved")
	}
	if got, _ := s.Members(); got[0].BranchName != p.BranchName {
		t.Error("members changed by a refused save")
	}
}

// A branch name pasted with a zero-width space, a right-to-left override and
// a bell is stored, and copied onto the members, as the name the user saw:
// kept, U+202E printed every title of the dues register backwards.
func TestSaveProfileStoresTheVisibleName(t *testing.T) {
	s := openTest(t)
	addMembers(t, s, 2)
	p := model.Profile{OrgName: "兰州示例\u200b科技有限公司\t", BranchName: "中共新名\u200b\u202e称支部\a ", BranchType: model.BranchOwn,
		Committee: []model.CommitteeMember{{Name: "张\u2066三", Role: "书记"}}}
	if _, err := s.SaveProfileAligning(p); err != nil {
		t.Fatal(err)
	}
	got, err := s.Profile()
	if err != nil {
		t.Fatal(err)
	}
	if got.BranchName != "中共新名称支部" || got.OrgName != "兰州示例科技有限公司" || got.Committee[0].Name != "张三" {
		t.Errorf("stored %q / %q / %q, want the visible text", got.BranchName, got.OrgName, got.Committee[0].Name)
	}
	ms, _ := s.Members()
	for _, m := range ms {
		if m.BranchName != "中共新名称支部" {
			t.Errorf("%s's 所在党支部 is %q", m.Name, m.BranchName)
		}
	}
}
