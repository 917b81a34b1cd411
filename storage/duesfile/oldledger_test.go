package duesfile

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// A bases sheet kept by hand says more than the base: a 年度 per row, the
// 月交党费 it gave, rows hidden rather than deleted, a category spelt the
// short way. Each is read or refused in a sentence, never passed over
// (review s14-attack8 #1: a hidden 99999 imported without a word; #2: 月交党费
// 75 beside a base giving 50.00 dropped; #3: a 2025 row stored as 2026; #7:
// 下岗 and 学生党员 refused).
func TestBasesSheetOfAnOldLedger(t *testing.T) {
	dir := t.TempDir()
	st, today := demoStore(t, dir, 6)
	ms, _ := st.Members()
	year := today.Year + 1 // a year the demo left empty
	y, last := itoa(year), itoa(year-1)
	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	rows := [][]any{
		{"序号", "姓名", "身份证号码", "年度", "缴纳类别", "计算基数", "月交党费"},
		{1, ms[0].Name, ms[0].IDNumber, y, "在职", 5000, 50},
		{2, ms[1].Name, ms[1].IDNumber, y, "在职", 5000, 75},
		{3, ms[2].Name, ms[2].IDNumber, last, "在职", 5000, 50},
		{4, ms[3].Name, ms[3].IDNumber, y, "在职人员", 6000, 90},
		{5, ms[4].Name, ms[4].IDNumber, y + "年", "下岗", "", ""},
		{6, ms[5].Name, ms[5].IDNumber, y, "学生党员", "", 0.2},
		{"合计", "", "", "", "", 26000, 265.2},
	}
	for r, row := range rows {
		ref, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow(sh, ref, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetRowVisible(sh, 5, false); err != nil { // ms[3]'s row
		t.Fatal(err)
	}
	path := filepath.Join(dir, "旧台账基数.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	p, err := New(st).PreviewBases(year, path)
	if err != nil {
		t.Fatal(err)
	}
	refused := map[int]string{}
	for _, r := range p.Rejected {
		refused[r.Row] = string(r.Field) + "|" + r.Line(false)
	}
	if len(refused) != 2 {
		t.Errorf("refused %v, want rows 3 and 4 only", refused)
	}
	if got := refused[3]; !strings.HasPrefix(got, string(model.FieldDuesMonthly)) || !strings.Contains(got, "表中为 75.00 元") || !strings.Contains(got, "应为 50.00 元") {
		t.Errorf("row 3 (月交党费 75 beside base 5000): %q", got)
	}
	if got := refused[4]; !strings.HasPrefix(got, string(model.FieldDuesYear)) || !strings.Contains(got, "是 "+last+" 年的基数") {
		t.Errorf("row 4 (年度 %s): %q", last, got)
	}
	cats := map[string]model.DuesCategory{}
	for i, b := range p.Bases {
		cats[p.Names[i]] = b.Category
	}
	want := map[string]model.DuesCategory{ms[0].Name: model.DuesEmployed, ms[3].Name: model.DuesEmployed,
		ms[4].Name: model.DuesUnemployed, ms[5].Name: model.DuesStudent}
	if len(cats) != len(want) {
		t.Errorf("imported %v, want %v", cats, want)
	}
	for name, c := range want {
		if cats[name] != c {
			t.Errorf("%s: category %q, want %q", name, cats[name], c)
		}
	}
	var notes []string
	for _, n := range p.Notes {
		notes = append(notes, n.Message)
	}
	if all := strings.Join(notes, "\n"); !strings.Contains(all, "第5行（"+ms[3].Name+"）在表格中是隐藏的") {
		t.Errorf("notes do not name the hidden row 5: %q", all)
	}
}
