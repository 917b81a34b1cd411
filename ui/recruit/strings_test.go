package recruit

import (
	"testing"

	"branchledger/model"
	"branchledger/ui/internal/uistrings"
)

// uiStrings are every Chinese string the section shows through kit.L: the
// literals, and the model's names it translates (steps, stages, statuses,
// outcomes, workbook columns).
func uiStrings(t *testing.T) []string {
	extra := []string{Title, allStatuses, noMeeting, "新增入党申请人", "修改个人信息", "导入完成", "查看扫描件",
		"政审结论", "入党志愿书编号", "审批文号", "材料", "培养联系人", "入党介绍人",
		"公示开始日期", "公示结束日期", "培训开始日期", "培训结束日期", "拟接收预备党员公示开始", "拟接收预备党员公示结束",
		"行号", "项目", "原因", "姓名", "原值", "新值", "公民身份号码", "当前阶段", "已登记环节"}
	for _, s := range model.RecruitSteps {
		extra = append(extra, s.Name, s.Document)
	}
	extra = append(extra, model.RecruitStages[1:]...)
	for _, s := range model.RecruitStatuses {
		extra = append(extra, string(s))
	}
	for _, o := range model.FullOutcomes {
		extra = append(extra, string(o))
	}
	for _, c := range model.RecruitColumns {
		extra = append(extra, string(c.Field))
	}
	for _, s := range []model.Severity{model.Info, model.Warning, model.Serious} {
		extra = append(extra, s.String())
	}
	extra = append(extra, string(model.ByMembers), string(model.ByMassGroup), string(model.DecisionAgreed),
		string(model.DecisionRecorded), string(model.DayOff), string(model.DayWork))
	return uistrings.Literals(t, uistrings.Spec{
		Calls: []string{"L", "NewForm", "Add", "add", "ShowForm", "Confirm", "Inform", "ShowError", "Progress", "SaveWorkbook", "ChooseFile"},
		Extra: extra,
	})
}

func TestEveryRecruitStringIsTranslated(t *testing.T) {
	uistrings.CheckTranslated(t, uiStrings(t))
}
