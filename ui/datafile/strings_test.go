package datafile

import (
	"testing"

	"branchledger/ui/internal/uistrings"
)

func TestEveryDataFileStringIsTranslated(t *testing.T) {
	uistrings.CheckTranslated(t, uistrings.Literals(t, uistrings.Spec{
		Calls: []string{"L", "ShowError", "Progress", "ChooseFile"},
		Extra: []string{"党员（含已离开的）", "党员变动记录", "党员信息修改记录", "活动记录", "活动附件", "党费交纳记录", "党费上缴记录", "发展党员对象", "组织关系介绍信", "转入记录", "流动党员登记", "流入党员"},
	}))
}
