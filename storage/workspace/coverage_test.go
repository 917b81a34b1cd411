package workspace

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage/xlsx"
)

// Coverage is computed, not typed (review s5-11 newuser #3): linking a
// branch to organisations changes the figures whatever the list types —
// a branch of two units makes both 联合组建, an organisation typed 未建
// that a branch covers counts as covered — and the report's 单位名录 sheet
// shows the coverage counted, with the typed value as a finding beside it.
func TestCoverageIsComputedFromTheLinkedBranches(t *testing.T) {
	dir := t.TempDir()
	w, key := newWorkspace(t, dir)
	var branches []int64
	for i, org := range []string{"甘肃陇原机械制造有限公司", "兰州佳禾物流有限公司"} {
		s := newBranch(t, filepath.Join(dir, org), 5, int64(i+1), org, day)
		file := filepath.Join(dir, org+".blpkg")
		pack(t, s, key, file)
		s.Close()
		r := w.Import(file, ImportOptions{})
		if r.Outcome != Imported {
			t.Fatal(r)
		}
		branches = append(branches, r.BranchID)
	}
	ids := map[string]int64{}
	for _, o := range []model.Organisation{
		{Name: "陇原", Type: model.OrgEnterprise, Coverage: model.CoveredOwn},
		{Name: "佳禾", Type: model.OrgEnterprise, Coverage: model.CoveredOwn},
		{Name: "万家福", Type: model.OrgEnterprise, Coverage: model.CoveredJoint},
		{Name: "金百合", Type: model.OrgEnterprise, Coverage: model.NotCovered, Reason: model.ReasonEligible},
		{Name: "小白杨", Type: model.OrgEnterprise, Coverage: model.NotCovered, Reason: model.ReasonNoMembers},
	} {
		saved, err := w.SaveOrg(o)
		if err != nil {
			t.Fatal(err)
		}
		ids[o.Name] = saved.ID
	}
	before, err := w.Coverage()
	if err != nil {
		t.Fatal(err)
	}
	// Nothing linked: the typed values, each marked as the list's word.
	if c := before.Types[0]; c.Own != 2 || c.Joint != 1 || c.None != 2 || c.Typed != 3 || c.Organised().String() != "60.0%" {
		t.Fatalf("before linking %+v", c)
	}
	if err := w.LinkOrgs(branches[1], []int64{ids["佳禾"], ids["万家福"]}); err != nil {
		t.Fatal(err)
	}
	if err := w.LinkOrgs(branches[0], []int64{ids["陇原"], ids["金百合"]}); err != nil {
		t.Fatal(err)
	}
	after, err := w.Coverage()
	if err != nil {
		t.Fatal(err)
	}
	if c := after.Types[0]; c.Own != 0 || c.Joint != 4 || c.None != 1 || c.Eligible != 0 || c.Typed != 0 ||
		c.Organised().String() != "80.0%" || c.OwnRate().String() != "0.0%" {
		t.Errorf("after linking %+v", c)
	}
	says := map[int64]string{}
	for _, f := range after.Findings {
		says[f.OrgID] += f.Message + "\n"
	}
	for name, want := range map[string]string{
		"佳禾":  "佳禾 在单位名录中写着“单独组建”，而覆盖它的“中共兰州佳禾物流有限公司支部”是联合党支部（覆盖2个单位）",
		"陇原":  "陇原 在单位名录中写着“单独组建”",
		"金百合": "金百合 已由“中共甘肃陇原机械制造有限公司支部”覆盖（已关联），单位名录中却写着“未建”：覆盖率按关联计为联合组建",
	} {
		if !strings.Contains(says[ids[name]], want) {
			t.Errorf("%s: findings %q, want %q", name, says[ids[name]], want)
		}
	}
	if says[ids["万家福"]] != "" || strings.Contains(says[ids["金百合"]], "符合条件但尚未建立") {
		t.Errorf("findings %v", says)
	}

	out := filepath.Join(dir, "上报.xlsx")
	if _, err := w.WriteReport(out); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(xlsx.UpwardOrgsSheet)
	if err != nil {
		t.Fatal(err)
	}
	var line string
	for _, r := range rows {
		if len(r) > 1 && strings.Contains(strings.Join(r, "|"), "|金百合|") {
			line = strings.Join(r, "|")
		}
	}
	if !strings.Contains(line, "|联合组建|") || strings.Contains(line, "符合条件未建") || !strings.Contains(line, "单位名录中却写着“未建”") {
		t.Errorf("report row of 金百合: %s", line)
	}
	sum, _ := f.GetRows(xlsx.UpwardSummarySheet)
	if !strings.Contains(strings.Join(sumRow(sum, "非公企业"), "|"), "|5|0|4|1|0|80.0%|0.0%|") {
		t.Errorf("summary coverage row %q", sumRow(sum, "非公企业"))
	}
}

// sumRow is the first row of a sheet whose second cell is label.
func sumRow(rows [][]string, label string) []string {
	for _, r := range rows {
		if len(r) > 1 && r[1] == label {
			return r
		}
	}
	return nil
}
