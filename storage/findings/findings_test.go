package findings

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/demo"
)

var firstDay = model.NewDate(2026, 11, 30)

// clockAt is a store clock on the given day, moving a second per reading.
func clockAt(d model.Date) func() time.Time {
	t := time.Date(d.Year, d.Month, d.Day, 9, 0, 0, 0, time.Local)
	return func() time.Time { t = t.Add(time.Second); return t }
}

func open(t testing.TB, today model.Date) *storage.Store {
	t.Helper()
	s, err := storage.Open(filepath.Join(t.TempDir(), storage.FileName), storage.WithClock(clockAt(today)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// A secretary's first hour (issue 8 §1): a 14-member branch, two bases
// entered, one of them paid January to October on paper. Nothing the app
// was not told can be held against anyone: no serious finding, no 自行脱党
// wording; the twelve missing bases are one set-up note.
func TestFirstDayHasNoSeriousFinding(t *testing.T) {
	s := open(t, firstDay)
	if _, err := demo.FirstDay(s, 1, firstDay); err != nil {
		t.Fatal(err)
	}
	r, err := Collect(s, firstDay, firstDay.Year)
	if err != nil {
		t.Fatal(err)
	}
	gap := false
	for _, f := range r.Findings {
		if f.Severity == model.Serious || strings.Contains(f.Message, "自行脱党") || strings.Contains(f.Message, "第九条") {
			t.Errorf("day one: %v 【%v】%s", f.Severity, f.About, f.Message)
		}
		if f.About == model.AboutDues && strings.HasPrefix(f.Message, "12名党员尚未填写2026年党费基数") {
			gap = f.Severity == model.Info
		}
	}
	if !gap {
		t.Errorf("no set-up note on the twelve missing bases: %+v", r.Findings)
	}
	if len(r.Arrears) != 0 || len(r.BaseGaps) != 12 {
		t.Errorf("%d arrears, %d base gaps; want 0 and 12", len(r.Arrears), len(r.BaseGaps))
	}
	// A month on, the gap is a reminder, and still no arrear: December is
	// owed but not yet late, November's amounts are unknown.
	later := model.NewDate(2026, 12, 5)
	r, err = Collect(s, later, later.Year)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Findings {
		if f.About == model.AboutDues && f.Severity != model.Warning {
			t.Errorf("in December: %v %s", f.Severity, f.Message)
		}
	}
}

// 17,662 members imported today into a file whose activity records began in
// 2023: none of them is flagged for not taking part in organisational life
// before they were on this roster.
func TestImportedMembersAreNotFlaggedForTheYearsBefore(t *testing.T) {
	s := open(t, firstDay)
	early := demo.Members(1, 99, model.NewDate(2023, 3, 1), "支部")[0]
	early.ArrivedOn = model.NewDate(2022, 12, 1)
	early.Category, early.JoinDate, early.FullDate = model.CategoryFull, model.NewDate(2000, 7, 1), model.NewDate(2001, 7, 1)
	e, err := s.AddMember(early, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := model.Activity{Kind: model.KindThemeDay, Date: model.NewDate(2023, 3, 10), Topic: "主题党日", Chair: e.Name, Recorder: e.Name,
		Attendance: []model.AttendanceRow{{MemberID: e.ID, Status: model.Present}}}
	if _, err := s.SaveActivity(a); err != nil {
		t.Fatal(err)
	}
	// The ledger was opened in 2023 (the file's date is where records begin).
	if err := s.SetFileCreated(model.NewDate(2023, 3, 1)); err != nil {
		t.Fatal(err)
	}
	incoming := demo.Members(17662, 7, firstDay, "支部")
	for i := range incoming {
		incoming[i].ArrivedOn = model.Date{} // the file has no such column
	}
	columns := make([]model.Field, len(model.MemberFields))
	for i, f := range model.MemberFields {
		columns[i] = f.Field
	}
	plan, err := s.PlanImport("花名册.xlsx", incoming, columns)
	if err != nil {
		t.Fatal(err)
	}
	if added, _, err := s.ApplyImport(plan); err != nil || added != len(incoming) {
		t.Fatalf("imported %d of %d: %v", added, len(incoming), err)
	}
	r, err := Collect(s, firstDay, firstDay.Year)
	if err != nil {
		t.Fatal(err)
	}
	flagged := 0
	for _, f := range r.Findings {
		if f.About == model.AboutActivities && f.MemberID != 0 && f.MemberID != e.ID {
			flagged++
		}
	}
	if flagged != 0 {
		t.Errorf("%d imported members flagged for organisational life", flagged)
	}
	// The member on the roster since 2022 who stopped coming is.
	found := false
	for _, p := range r.Participation {
		found = found || p.MemberID == e.ID && p.Severity == model.Serious
	}
	if !found {
		t.Error("the member absent since 2023 is not flagged")
	}
}

// Adding a source is one entry in Sources; a failing source leaves the
// others' findings and names its area.
func TestFailingSourceKeepsTheOthers(t *testing.T) {
	s := open(t, firstDay)
	saved := Sources
	t.Cleanup(func() { Sources = saved })
	Sources = append(Sources[:len(Sources):len(Sources)], Source{model.AboutDues, "测试", func(*Branch, *model.BranchReport) error {
		return errBoom
	}})
	r, err := Collect(s, firstDay, firstDay.Year)
	if err == nil || !strings.Contains(err.Error(), "测试") {
		t.Errorf("error %v", err)
	}
	if len(r.Failed) != 1 || r.Failed[0] != model.AboutDues || len(r.Findings) == 0 {
		t.Errorf("failed %v, %d findings", r.Failed, len(r.Findings))
	}
}

var errBoom = errors.New("出错")

// The transfer source: a letter long expired without its receipt is
// serious; a probationary member transferred in waits for 转正 under §35
// without the roster's warning; a mobile member who stopped reporting is
// flagged by the transfers and counted again by the participation check.
func TestTransferFindings(t *testing.T) {
	s := open(t, firstDay)
	if err := s.SaveProfile(model.Profile{OrgName: "某公司", BranchName: "某公司党支部"}); err != nil {
		t.Fatal(err)
	}
	ms := demo.Members(3, 1, model.NewDate(2024, 1, 1), "某公司党支部")
	var added []model.Member
	for _, m := range ms {
		a, err := s.AddMember(m, nil)
		if err != nil {
			t.Fatal(err)
		}
		added = append(added, a)
	}
	a := model.Activity{Kind: model.KindThemeDay, Date: model.NewDate(2026, 11, 20), Topic: "主题党日", Chair: "甲", Recorder: "乙"}
	for _, m := range added[1:] { // added[0] left on 2026-09-01 (the letter below)
		a.Attendance = append(a.Attendance, model.AttendanceRow{MemberID: m.ID, Status: model.Present})
	}
	if _, err := s.SaveActivity(a); err != nil {
		t.Fatal(err)
	}
	// The letter: 30 days from 2026-09-01, no receipt.
	if err := s.SetDuesOpenings([]model.DuesOpening{{MemberID: added[0].ID, PaidTo: model.MonthOf(2026, 9)}}, model.SourceDuesOpening); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IssueLetter(model.LetterRequest{MemberID: added[0].ID, ToOrg: "乙支部", Date: model.NewDate(2026, 9, 1), ValidDays: 30}); err != nil {
		t.Fatal(err)
	}
	// A probationary member transferred in after 2026-05-11, probation
	// ended 2026-10-01.
	p := demo.Members(1, 50, model.NewDate(2024, 1, 1), "某公司党支部")[0]
	p.Category, p.JoinDate, p.FullDate = model.CategoryProbationary, model.NewDate(2025, 10, 1), model.Date{}
	p.ArrivedOn = model.Date{} // arrives by the 转入 below, after joining
	if _, _, err := s.RecordTransferIn(model.TransferIn{LetterNumber: "第8号", FromOrg: "丙支部", Date: model.NewDate(2026, 6, 1),
		PaidTo: model.MonthOf(2026, 5), Category: model.CategoryProbationary}, &p); err != nil {
		t.Fatal(err)
	}
	// A mobile member away since before the meeting, silent since.
	if _, err := s.SaveMobile(model.MobileMember{MemberID: added[1].ID, LeftOn: model.NewDate(2025, 10, 1), Destination: "深圳",
		NoTransfer: "无固定地点", CardNumber: "甘0012", CardReviewed: model.NewDate(2026, 10, 1)}); err != nil {
		t.Fatal(err)
	}
	r, err := Collect(s, firstDay, firstDay.Year)
	if err != nil {
		t.Fatal(err)
	}
	var letter, probation, silent, roster bool
	for _, f := range r.Findings {
		switch {
		case f.About == model.AboutTransfers && f.Severity == model.Serious && strings.Contains(f.Message, "（2026）第1号介绍信"):
			letter = true
		case f.About == model.AboutTransfers && f.Severity == model.Info && strings.Contains(f.Message, "第三十五条"):
			probation = true
		case f.About == model.AboutTransfers && f.MemberID == added[1].ID && strings.Contains(f.Message, "未向党支部报告"):
			silent = true
		case f.About == model.AboutMembers && strings.Contains(f.Message, "预备期"):
			roster = true
		}
	}
	if !letter || !probation || !silent || roster {
		t.Errorf("letter %v, probation note %v, silent mobile %v, roster's probation warning %v; findings:\n%v", letter, probation, silent, roster, r.Findings)
	}
	counted := false
	for _, pt := range r.Participation {
		counted = counted || pt.MemberID == added[1].ID
	}
	if !counted {
		t.Errorf("the silent mobile member is left out of the participation check: %+v", r.Participation)
	}
}

// The secretary follows the README's 快速上手 and moves the 建账月份 back
// to January after entering every base (newuser8 problem 1): the months
// January to October, which the app never saw, are one 待补录 reminder on
// home and in `check` — no 严重, no 自行脱党 — until they are recorded;
// the member with 党费已交至 is not in it.
func TestStartMovedBackIsToRecordNotArrears(t *testing.T) {
	s := open(t, firstDay)
	ms, err := demo.FirstDay(s, 1, firstDay)
	if err != nil {
		t.Fatal(err)
	}
	var bases []model.DuesBase
	for _, m := range ms {
		bases = append(bases, model.DuesBase{MemberID: m.ID, Category: model.DuesEmployed, Base: model.Yuan(4000)})
	}
	if err := s.SaveDuesBases(firstDay.Year, bases, model.SourceDuesGrid); err != nil {
		t.Fatal(err)
	}
	preview, err := s.DuesStartPreview(model.MonthOf(2026, 1))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetDuesLedgerStart(model.MonthOf(2026, 1)); err != nil {
		t.Fatal(err)
	}
	r, err := Collect(s, firstDay, firstDay.Year)
	if err != nil {
		t.Fatal(err)
	}
	toRecord := 0
	for _, f := range r.Findings {
		if f.Severity == model.Serious || strings.Contains(f.Message, "自行脱党") || strings.Contains(f.Message, "第九条") {
			t.Errorf("after moving the start back: %v %s", f.Severity, f.Message)
		}
		if strings.Contains(f.Message, "待补录") {
			toRecord++
			if f.Severity != model.Warning || !strings.Contains(f.Message, "13名党员") || !strings.Contains(f.Message, "2026年1月至2026年10月") {
				t.Errorf("the reminder: %v %s", f.Severity, f.Message)
			}
		}
	}
	if toRecord != 1 || len(r.RecordGaps) != 13 || len(preview) != 13 || len(r.Arrears) != 0 {
		t.Errorf("%d reminders, %d to record (preview %d), %d arrears; want 1, 13, 13, 0", toRecord, len(r.RecordGaps), len(preview), len(r.Arrears))
	}
	for _, g := range r.RecordGaps {
		if g.MemberID == ms[1].ID {
			t.Errorf("%s paid to October on paper and is listed: %+v", ms[1].Name, g)
		}
	}
	// Half a year on, with nothing paid since the set-up, the months after
	// it are real arrears, counted from November, not from January.
	later := model.NewDate(2027, 5, 10)
	var bases27 []model.DuesBase
	for _, b := range bases {
		b.Year = 2027
		bases27 = append(bases27, b)
	}
	if err := s.SaveDuesBases(2027, bases27, model.SourceDuesGrid); err != nil {
		t.Fatal(err)
	}
	r, err = Collect(s, later, later.Year)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range r.Arrears {
		if a.Streak != 6 || a.Since != model.MonthOf(2026, 11) {
			t.Errorf("in May 2027: %+v; want 6 months from 2026年11月", a)
		}
	}
}
