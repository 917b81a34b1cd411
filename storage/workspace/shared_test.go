package workspace

import (
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
