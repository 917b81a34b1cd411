package workspace

import (
	"testing"

	"branchledger/model"
	"branchledger/ui/internal/uistrings"
)

func TestEveryWorkspaceStringIsTranslated(t *testing.T) {
	extra := append([]string(nil), filters...)
	extra = append(extra, firstStepTexts[:]...)
	extra = append(extra, coverageHeads...)
	extra = append(extra, "姓名", "性别", "民族", "出生日期", "学历", "人员类别", "加入党组织日期", "转为正式党员日期", "工作岗位",
		"联系电话", "在册", "日期", "类型", "议题", "应到", "实到", "请假", "说明", "类别", "月应交", "全年应交", "全年实交", "序号")
	for k := range 12 {
		extra = append(extra, model.MonthHeading(k))
	}
	for _, fi := range model.OrgFields {
		extra = append(extra, fi.Label)
	}
	for _, v := range model.OrgTypes {
		extra = append(extra, string(v))
	}
	for _, v := range model.OrgScales {
		extra = append(extra, string(v))
	}
	for _, v := range model.PartyCoverages {
		extra = append(extra, string(v))
	}
	for _, v := range model.UncoveredReasons {
		extra = append(extra, string(v))
	}
	for _, v := range model.WorkCoverages[1:] {
		extra = append(extra, string(v))
	}
	for _, r := range model.CoverageDefinitions {
		extra = append(extra, r.Name)
	}
	for _, s := range []model.Severity{model.Info, model.Warning, model.Serious} {
		extra = append(extra, s.String())
	}
	for _, a := range model.FindingTopics {
		extra = append(extra, a.String())
	}
	uistrings.CheckTranslated(t, uistrings.Literals(t, uistrings.Spec{
		Calls:   []string{"L", "showError", "progress", "confirm", "saveWorkbook", "writeWorkbook", "Inform", "ShowForm", "NewForm", "Add", "busyLine"},
		Columns: []string{"column"},
		Extra:   extra,
	}))
}
