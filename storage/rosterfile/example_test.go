package rosterfile

import (
	"slices"
	"testing"
)

// A template's 填写示例 sheet is left out of the preview by default, named
// among the sheets not imported, and imported when ticked (review
// s6-7-late #9).
func TestPreviewLeavesOutTheTemplateExampleSheet(t *testing.T) {
	svc, _ := newService(t)
	head := []any{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"}
	path := writeSheets(t, []string{"填写示例", "党员"},
		[][]any{head, {"张三", validID("19900307", "001"), "2015.06", "2016.06", "第一党支部"}},
		[][]any{head, {"乙一", validID("19800101", "011"), "2008.06", "2009.06", "第一党支部"}})
	p, err := svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Sheets) != 2 || p.Sheets[0].Included || !p.Sheets[0].Example || !p.Sheets[1].Included ||
		len(p.Plan.Add) != 1 || p.Plan.Add[0].Name != "乙一" {
		t.Errorf("default: sheets %+v adds %+v", p.Sheets, p.Plan.Add)
	}
	if !slices.Contains(p.NotImported(), "填写示例（看来是表格模板的填写示例或说明，不作为党员导入）") {
		t.Errorf("not imported: %v", p.NotImported())
	}
	c := p.Choice
	c.Sheets = []string{"填写示例", "党员"}
	p, err = svc.PreviewImportWith(path, c)
	if err != nil || len(p.Plan.Add) != 2 {
		t.Errorf("ticked: %+v %v", p.Plan.Add, err)
	}
}
