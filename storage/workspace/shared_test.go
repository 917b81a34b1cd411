package workspace

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"branchledger/model"
	"branchledger/storage/xlsx"
)

// One 公民身份号码 on the rolls of two branches (a data file copied to
// start a second branch) is found, named with both branches, and the
// report's member roster marks each such row (review s5-11 newuser #8).
func TestMembersOnTwoBranchesAreFound(t *testing.T) {
	dir := t.TempDir()
	w, key := newWorkspace(t, dir)
	for _, org := range []string{"甘肃陇原机械制造有限公司", "兰州金百合商贸有限公司", "兰州佳禾物流有限公司"} {
		seed := int64(7)
		if org == "兰州佳禾物流有限公司" {
			seed = 8 // other people
		}
		s := newBranch(t, filepath.Join(dir, org), 4, seed, org, day)
		file := filepath.Join(dir, org+".blpkg")
		pack(t, s, key, file)
		s.Close()
		if r := w.Import(file, ImportOptions{}); r.Outcome != Imported {
			t.Fatal(r)
		}
	}
	shared, err := w.SharedMembers()
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := w.AllMembers()
	onFirst := 0
	for _, m := range ms {
		if m.Branch == "中共甘肃陇原机械制造有限公司支部" {
			onFirst++
		}
	}
	if len(shared) != onFirst || onFirst == 0 {
		t.Fatalf("%d shared of %d on the first branch: %+v", len(shared), onFirst, shared)
	}
	fs := model.CheckSharedMembers(shared)
	if len(fs) != 1 || !strings.HasPrefix(fs[0].Message, "“中共甘肃陇原机械制造有限公司支部”、“中共兰州金百合商贸有限公司支部”的名册上有") {
		t.Errorf("findings %+v", fs)
	}

	out := filepath.Join(dir, "上报.xlsx")
	rows := reportRows(t, w, out, xlsx.UpwardMembersSheet)
	marked := 0
	for _, r := range rows {
		if len(r) > 12 && strings.HasPrefix(r[1], "中共甘肃陇原") && r[12] == "中共兰州金百合商贸有限公司支部" {
			marked++
		}
		if len(r) > 12 && strings.HasPrefix(r[1], "中共兰州佳禾") && r[12] != "" {
			t.Errorf("佳禾's member marked: %q", r)
		}
	}
	if marked != onFirst || !strings.Contains(strings.Join(rows[1], ""), "也在其他支部的名册上") {
		t.Errorf("%d rows marked; info %q; heading %q", marked, rows[1], rows[2])
	}
}

// A person whose number one branch's file holds in the old 15-digit form
// (written by an older version) is the same person as the 18-digit number
// on another branch: found as shared, and marked on the report's roster,
// as the row check finds one person listed twice in a branch (read-through
// s6 rtstore #4).
func TestAnOldFifteenDigitNumberIsTheSamePerson(t *testing.T) {
	dir := t.TempDir()
	w, key := newWorkspace(t, dir)
	for _, org := range []string{"甘肃陇原机械制造有限公司", "兰州金百合商贸有限公司"} {
		s := newBranch(t, filepath.Join(dir, org), 4, 7, org, day)
		file := filepath.Join(dir, org+".blpkg")
		pack(t, s, key, file)
		s.Close()
		if r := w.Import(file, ImportOptions{}); r.Outcome != Imported {
			t.Fatal(r)
		}
	}
	before, err := w.SharedMembers()
	if err != nil || len(before) == 0 {
		t.Fatalf("%d shared, %v", len(before), err)
	}
	old := ""
	for _, s := range before {
		if id := s.IDNumber; id[6:8] == "19" {
			old = id[:6] + id[8:17]
			break
		}
	}
	if up, ok := model.UpgradeIDNumber(old); !ok {
		t.Fatalf("no member born in the 1900s to write in the old form (%q → %q)", old, up)
	}
	up, _ := model.UpgradeIDNumber(old)
	res, err := w.sql.Exec("UPDATE branch_members SET id_number = ? WHERE id_number = ? AND branch_id = (SELECT min(id) FROM branches)", old, up)
	if n, _ := res.RowsAffected(); err != nil || n != 1 {
		t.Fatalf("%d rows written in the old form, %v", n, err)
	}
	after, err := w.SharedMembers()
	if err != nil || len(after) != len(before) {
		t.Fatalf("%d shared with one number in the old form, %d before (%v)", len(after), len(before), err)
	}
	rows := reportRows(t, w, filepath.Join(dir, "上报.xlsx"), xlsx.UpwardMembersSheet)
	marked := 0
	for _, r := range rows {
		if len(r) > 12 && strings.HasPrefix(r[1], "中共") && r[12] != "" {
			marked++
		}
		if len(r) > 4 && r[4] == old && (len(r) <= 12 || r[12] == "") {
			t.Errorf("the row with the old number is not marked: %q", r)
		}
	}
	if marked != 2*len(before) {
		t.Errorf("%d rows marked, want %d", marked, 2*len(before))
	}
	if info := strings.Join(rows[1], ""); !strings.Contains(info, fmt.Sprintf("按公民身份号码计 %d 人", len(before))) {
		t.Errorf("the roster's line counts people as %q", info)
	}
}
