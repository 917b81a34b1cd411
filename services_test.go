package main

import (
	"path/filepath"
	"testing"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/backup"
	"branchledger/storage/demo"
)

// The window's services back up the data file before a change to many
// records at once: the bulk base setting on 党费 → 基数 and renaming the
// branch with its members' 所在党支部.
func TestWindowServicesBackUpBeforeBulkChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), storage.FileName)
	s, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Fill(s, 5, 1, model.Today()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	f := &dataFile{}
	svc, err := f.open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.close()
	bulk := func() int {
		bs, _ := backup.List(path)
		n := 0
		for _, b := range bs {
			if b.Reason == storage.BackupBulk {
				n++
			}
		}
		return n
	}
	members, err := svc.Roster.Members()
	if err != nil {
		t.Fatal(err)
	}
	bases := []model.DuesBase{
		{MemberID: members[0].ID, Category: model.DuesEmployed, Base: 500000},
		{MemberID: members[1].ID, Category: model.DuesEmployed, Base: 500000},
	}
	// Next year, which the demo left unpaid: a base changed over this
	// year's paid months is refused for that (model.CheckYearBaseOverPaid).
	if err := svc.Dues.SaveDuesSetup(model.Today().Year+1, bases, nil, model.SourceBulkBases); err != nil {
		t.Fatal(err)
	}
	if n := bulk(); n != 1 {
		t.Errorf("backups before the bulk base setting: %d, want 1", n)
	}
	p, err := svc.Branch.Profile()
	if err != nil {
		t.Fatal(err)
	}
	p.BranchName += "（更名）"
	if _, err := svc.Branch.SaveProfileAligning(p); err != nil {
		t.Fatal(err)
	}
	if n := bulk(); n != 2 {
		t.Errorf("backups after renaming the branch with its members: %d, want 2", n)
	}
}
