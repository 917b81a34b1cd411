package storage

import (
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"branchledger/model"

	"github.com/google/uuid"
)

func sampleProfile() model.Profile {
	return model.Profile{
		OrgName:       "兰州示例科技有限公司",
		OrgType:       model.OrgEnterprise,
		OrgAddress:    "兰州市城关区东岗西路1号",
		EmployeeCount: 86,
		BranchName:    "兰州示例科技有限公司党支部",
		BranchType:    model.BranchOwn,
		FoundedOn:     model.NewDate(2015, 7, 1),
		Secretary:     "王伟",
		Committee: []model.CommitteeMember{
			{Name: "王伟", Role: "书记"},
			{Name: "李娜", Role: "组织委员"},
			{Name: "张强", Role: "宣传委员"},
		},
		TermStart:       model.NewDate(2024, 7, 1),
		TermEnd:         model.NewDate(2027, 6, 30),
		InstructorName:  "赵敏",
		InstructorPhone: "13893100001",
		ContactName:     "李娜",
		ContactPhone:    "0931-8123456",
	}
}

// A new data file is a new branch: it has its UUID before anyone fills in
// the form.
func TestNewFileHasBranchUUID(t *testing.T) {
	p, err := openTest(t).Profile()
	if err != nil {
		t.Fatal(err)
	}
	id, err := uuid.Parse(p.BranchUUID)
	if err != nil || id.Version() != 4 {
		t.Errorf("BranchUUID %q: version %d, %v; want a v4 UUID", p.BranchUUID, id.Version(), err)
	}
	if p.IsSet() {
		t.Errorf("new profile should be empty: %+v", p)
	}
}

func TestProfileRoundTripKeepsUUID(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	s := openAt(t, path)
	fresh, _ := s.Profile()

	want := sampleProfile()
	want.BranchUUID = "00000000-0000-4000-8000-000000000000" // a form cannot change it
	if err := s.SaveProfile(want); err != nil {
		t.Fatal(err)
	}
	got, err := s.Profile()
	if err != nil {
		t.Fatal(err)
	}
	if got.UpdatedAt.IsZero() || !got.UpdatedAt.After(fresh.UpdatedAt) {
		t.Errorf("UpdatedAt %v, want after %v", got.UpdatedAt, fresh.UpdatedAt)
	}
	want.BranchUUID, want.UpdatedAt = fresh.BranchUUID, got.UpdatedAt
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, want)
	}

	// A smaller, reordered committee replaces the old one, in its order.
	want.Committee = []model.CommitteeMember{{Name: "李娜", Role: "书记"}, {Name: "王伟", Role: "委员"}}
	if err := s.SaveProfile(want); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openAt(t, path)
	got, _ = s.Profile()
	if got.BranchUUID != fresh.BranchUUID {
		t.Errorf("BranchUUID changed: %s → %s", fresh.BranchUUID, got.BranchUUID)
	}
	if !reflect.DeepEqual(got.Committee, want.Committee) {
		t.Errorf("committee %+v, want %+v", got.Committee, want.Committee)
	}
}

func TestSaveProfileRefusesIncompleteForm(t *testing.T) {
	s := openTest(t)
	p := sampleProfile()
	p.BranchName = "  "
	p.Committee = append(p.Committee, model.CommitteeMember{Role: "纪检委员"})
	err := s.SaveProfile(p)
	var verrs model.ValidationErrors
	if !errors.As(err, &verrs) {
		t.Fatalf("SaveProfile: %v, want model.ValidationErrors", err)
	}
	if verrs.For(model.ProfileBranchName) == "" || verrs.For(model.ProfileCommittee) == "" {
		t.Errorf("errors %v should name the branch name and the committee", verrs)
	}
	if got, _ := s.Profile(); got.IsSet() || len(got.Committee) != 0 {
		t.Errorf("profile written despite the errors: %+v", got)
	}
}

// The branch UUID cannot be changed even by a stray statement.
func TestBranchUUIDCannotChange(t *testing.T) {
	s := openTest(t)
	if err := s.db.Exec("UPDATE branch SET uuid = 'x'").Error; err == nil {
		t.Error("changing the branch uuid succeeded")
	}
}
