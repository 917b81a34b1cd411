package rosterfile

import (
	"testing"

	"branchledger/model"
)

// A file without a 所在党支部 column (a phone list) leaves the branch
// stored for a member already on file: the profile's name is not put over
// it, the box is not ticked for them, and they are not counted as having
// none; a member the file adds still gets the profile's branch (review
// s14-preview7 #13, #18).
func TestImportWithoutBranchKeepsTheStoredOne(t *testing.T) {
	svc, store := newService(t)
	if err := store.SaveProfile(model.Profile{OrgName: "某公司", BranchName: "机关第一党支部"}); err != nil {
		t.Fatal(err)
	}
	zhang, li, wang := validID("19900307", "451"), validID("19920408", "462"), validID("19930509", "473")
	first := writeSheet(t, [][]any{{"姓名", "公民身份号码", "所在党支部", "入党时间", "转正时间"},
		{"张三", zhang, "第一党支部", "2015.06", "2016.06"}, {"李四", li, "第二党支部", "2016.06", "2017.06"}})
	p, err := svc.PreviewImportWith(first, model.ImportChoice{})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.CommitImport(p); err != nil {
		t.Fatal(err)
	}

	phones := writeSheet(t, [][]any{{"姓名", "公民身份号码", "联系电话"}, {"张三", zhang, "13900000001"}, {"李四", li, "13900000002"}})
	p, err = svc.PreviewImport(phones)
	if err != nil {
		t.Fatal(err)
	}
	if p.EmptyBranches != 0 || p.Choice.ProfileBranch {
		t.Errorf("phone list: %d said to have no branch, box ticked %v", p.EmptyBranches, p.Choice.ProfileBranch)
	}
	// Even with the box ticked, the stored branches stay.
	p, err = svc.PreviewImportWith(phones, model.ImportChoice{ProfileBranch: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range p.Plan.Update {
		for _, c := range u.Changes {
			if c.Field == model.FieldBranchName {
				t.Errorf("%s: 所在党支部 %q → %q from a file without the column", u.After.Name, c.Old, c.New)
			}
		}
	}

	// A new member without a branch in the same kind of file gets the
	// profile's, by default.
	withNew := writeSheet(t, [][]any{{"姓名", "公民身份号码", "联系电话", "入党时间", "转正时间"},
		{"张三", zhang, "13900000001", "2015.06", "2016.06"}, {"王五", wang, "13900000003", "2017.06", "2018.06"}})
	p, err = svc.PreviewImport(withNew)
	if err != nil {
		t.Fatal(err)
	}
	if p.EmptyBranches != 1 || !p.Choice.ProfileBranch || len(p.Plan.Add) != 1 || p.Plan.Add[0].BranchName != "机关第一党支部" {
		t.Errorf("new member: %d without branch, box %v, adds %+v", p.EmptyBranches, p.Choice.ProfileBranch, p.Plan.Add)
	}
	if _, _, err := svc.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	ms, err := store.Members()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		want := map[string]string{"张三": "第一党支部", "李四": "第二党支部", "王五": "机关第一党支部"}[m.Name]
		if m.BranchName != want {
			t.Errorf("%s stored under %q, want %q", m.Name, m.BranchName, want)
		}
	}
}

// A name the spreadsheet program gave (Sheet1, 工作表2) and a name that
// tidies to one character (旧名单 → 旧) are not offered as 所在党支部
// (review s14-preview7 #2); 第一党支部 is.
func TestDefaultSheetNamesAreNoBranch(t *testing.T) {
	zhang := validID("19900307", "451")
	head := []any{"姓名", "公民身份号码", "入党时间", "转正时间"}
	for _, tc := range []struct {
		sheet string
		offer bool
	}{{"Sheet1", false}, {"工作表2", false}, {"旧名单", false}, {"Sheet1 (2)", false}, {"Sheet1副本", false}, {"新建工作表", false},
		{"Table 1", false}, {"第一党支部", true}, {"表彰党支部", true}} {
		svc, _ := newService(t)
		path := writeSheets(t, []string{tc.sheet, "说明"}, [][]any{head, {"张三", zhang, "2015.06", "2016.06"}}, [][]any{{"填表说明"}})
		p, err := svc.PreviewImportWith(path, model.ImportChoice{})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Sheets) == 0 || p.Sheets[0].CanUseName != tc.offer {
			t.Errorf("sheet %q: offered as a branch %+v, want %v", tc.sheet, p.Sheets, tc.offer)
		}
	}
}
