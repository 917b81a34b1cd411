package storage

import (
	"path/filepath"
	"strings"
	"testing"

	"branchledger/model"
)

// RULES.md §20 and §18 (2026): the written opinions of absent voting
// members on the admitting meeting's step and the person's expected leave
// date are kept in the file, come back after it is closed and opened, and
// an edit of them is kept in the history.
func TestRule20And18RoundTripOnAFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	s := openAt(t, path)
	r := applicant()
	throughApproval(&r)
	r.LeaveDate = day(2027, 3, 1)
	r.Record(model.StepAdmission).WrittenYes, r.Record(model.StepAdmission).WrittenNo = 2, 1
	saved, err := s.SaveRecruit(r)
	if err != nil {
		t.Fatalf("SaveRecruit: %v", err)
	}
	s.Close()
	s = openAt(t, path)
	got, err := s.Recruit(saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	if x := got.Record(model.StepAdmission); x.WrittenYes != 2 || x.WrittenNo != 1 || got.LeaveDate != day(2027, 3, 1) {
		t.Fatalf("read back written %d/%d, leave %s; want 2/1, 2027-03-01", x.WrittenYes, x.WrittenNo, got.LeaveDate)
	}
	all, err := s.Recruits()
	if err != nil || len(all) != 1 || all[0].Record(model.StepAdmission).WrittenYes != 2 || all[0].LeaveDate != day(2027, 3, 1) {
		t.Fatalf("Recruits: %v, %+v", err, all)
	}
	got.Record(model.StepAdmission).WrittenYes = 0
	got.LeaveDate = model.Date{}
	if _, err := s.SaveRecruit(got); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Recruit(saved.ID)
	if got.Record(model.StepAdmission).WrittenYes != 0 || !got.LeaveDate.IsZero() {
		t.Errorf("cleared values came back: %d, %s", got.Record(model.StepAdmission).WrittenYes, got.LeaveDate)
	}
	changes, err := s.RecruitChanges(saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, c := range changes {
		text = append(text, c.Field+": "+c.Old+" → "+c.New)
	}
	history := strings.Join(text, "\n")
	for _, want := range []string{"书面意见：赞成2，反对1 →", "预计离开本单位日期: 2027-03-01 → "} {
		if !strings.Contains(history, want) {
			t.Errorf("history lacks %q:\n%s", want, history)
		}
	}
	if err := s.db.Exec("UPDATE recruit_steps SET written_no = -1").Error; err == nil {
		t.Error("a negative count of written opinions was written")
	}
}

// A file of version 8 (before the written opinions and the leave date)
// opens with its pipeline intact: no written opinions, no leave date.
func TestRule20And18UpgradeKeepsThePipeline(t *testing.T) {
	saved := migrations
	migrations = migrations[:8]
	path := filepath.Join(t.TempDir(), FileName)
	s := openAt(t, path)
	r := applicant()
	throughApproval(&r)
	if err := s.db.Exec(`INSERT INTO recruits (name, sex, id_number, birth_date, created_at, updated_at)
		VALUES ('郑新', '男', ?, '1998-06-01', '2026-01-01 08:00:00.000+08:00', '2026-01-01 08:00:00.000+08:00')`, r.IDNumber).Error; err != nil {
		migrations = saved
		t.Fatal(err)
	}
	s.Close()
	migrations = saved
	s = openAt(t, path)
	all, err := s.Recruits()
	if err != nil || len(all) != 1 || all[0].Name != "郑新" || !all[0].LeaveDate.IsZero() {
		t.Fatalf("after the upgrade: %v, %+v", err, all)
	}
}
