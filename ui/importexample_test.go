package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage"
)

// Without a branch in the profile (day one), the preview still says how
// many members get an empty 所在党支部, as the command line does, and the
// count follows the 以工作表名称作为所在党支部 box (review s6-7 new user #3);
// a template's 填写示例 sheet is listed unticked, saying why (s6-7-late #9).
func TestImportPreviewSaysEmptyBranchesWithoutAProfile(t *testing.T) {
	s, _ := newStoreShell(t, func(*storage.Store) {})
	f := excelize.NewFile()
	head := []any{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期"}
	_ = f.SetSheetName("Sheet1", "第二党支部")
	_ = f.SetSheetRow("第二党支部", "A1", &head)
	_ = f.SetSheetRow("第二党支部", "A2", &[]any{"陈刚", validID("19800101", "011"), "2008.06", "2009.06"})
	_ = f.SetSheetRow("第二党支部", "A3", &[]any{"刘老", validID("19500101", "031"), "1978.06", "1979.06"})
	_, _ = f.NewSheet("填写示例")
	_ = f.SetSheetRow("填写示例", "A1", &[]any{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"})
	_ = f.SetSheetRow("填写示例", "A2", &[]any{"张三", validID("19900307", "001"), "2015.06", "2016.06", "第一党支部"})
	path := filepath.Join(t.TempDir(), "名册.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	s.show(screenRoster)
	s.roster.previewImport(path)
	p := s.roster.preview
	if got := textsOf(p.choices); strings.Contains(got, "所在党支部为空") ||
		!strings.Contains(got, "填写示例（第1行为表头，1 行），看来是表格模板的填写示例或说明，默认不导入") {
		t.Errorf("the sheet's name is the branch, the example sheet unticked: %s", got)
	}
	box := findChecks(p.choices)["以工作表名称作为所在党支部"]
	if box == nil {
		t.Fatal("no box to take the sheet's name")
	}
	test.Tap(box)
	p = s.roster.preview
	if got := textsOf(p.choices); !strings.Contains(got, "有 2 人的所在党支部为空（文件中没有）。在“设置”的支部基本信息中填写党支部名称后再导入，可一律填写为本支部。") {
		t.Errorf("unticked, the empty branches are not said: %s", got)
	}
}

// Importing the same roster again after a first import with 所在党支部一律填写
// ticked opens with the box ticked and nothing to update (review
// s6-8-newuser #12).
func TestReimportOpensWithTheProfileBranchTicked(t *testing.T) {
	s, st := newStoreShell(t, func(st *storage.Store) {
		if err := st.SaveProfile(model.Profile{OrgName: "某中学", BranchName: "滨江三中教工党支部"}); err != nil {
			t.Fatal(err)
		}
	})
	f := excelize.NewFile()
	_ = f.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"})
	_ = f.SetSheetRow("Sheet1", "A2", &[]any{"陈刚", validID("19800101", "011"), "2008.06", "2009.06", "第三党支部"})
	_ = f.SetSheetRow("Sheet1", "A3", &[]any{"刘老", validID("19500101", "031"), "1978.06", "1979.06", "第三党支部"})
	path := filepath.Join(t.TempDir(), "名册.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	s.show(screenRoster)
	label := "所在党支部一律填写“滨江三中教工党支部”"
	s.roster.previewImport(path)
	box := findChecks(s.roster.preview.choices)[label]
	if box == nil || box.Checked {
		t.Fatalf("first import: box %v", box)
	}
	test.Tap(box)
	p, err := s.svc.Files.PreviewImportWith(path, model.ImportChoice{ProfileBranch: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.svc.Files.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	s.roster.preview.dlg.Hide()
	s.roster.previewImport(path)
	box = findChecks(s.roster.preview.choices)[label]
	if box == nil || !box.Checked {
		t.Fatalf("re-import: box %v, want ticked", box)
	}
	if got := s.roster.preview.p.Plan; len(got.Update) != 0 {
		t.Errorf("re-import leads with %d updates", len(got.Update))
	}
	if ms, _ := st.Members(); len(ms) != 2 || ms[0].BranchName != "滨江三中教工党支部" {
		t.Errorf("members %+v", ms)
	}
}

// The one sheet of a file, left out as a template's and then ticked, can
// be unticked again: the list stays (review s7-7 attack #11).
func TestImportPreviewKeepsTheSheetListOnceTicked(t *testing.T) {
	s, _ := newStoreShell(t, func(*storage.Store) {})
	f := excelize.NewFile()
	_ = f.SetSheetName("Sheet1", "填写示例")
	_ = f.SetSheetRow("填写示例", "A1", &[]any{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"})
	_ = f.SetSheetRow("填写示例", "A2", &[]any{"乙一", validID("19800101", "011"), "2008.06", "2009.06", "第一党支部"})
	path := filepath.Join(t.TempDir(), "名册.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	s.show(screenRoster)
	s.roster.previewImport(path)
	label := "填写示例（第1行为表头，1 行），看来是表格模板的填写示例或说明，默认不导入"
	box := findChecks(s.roster.preview.choices)[label]
	if box == nil || box.Checked {
		t.Fatalf("no unticked box for the sheet: %s", textsOf(s.roster.preview.choices))
	}
	test.Tap(box)
	box = findChecks(s.roster.preview.choices)[label]
	if box == nil || !box.Checked || len(s.roster.preview.p.Plan.Add) != 1 {
		t.Fatalf("ticked, the box is gone: %s", textsOf(s.roster.preview.choices))
	}
	test.Tap(box)
	if len(s.roster.preview.p.Plan.Add) != 0 {
		t.Errorf("unticked again, still %d to add", len(s.roster.preview.p.Plan.Add))
	}
}
