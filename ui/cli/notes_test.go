package cli

import (
	"testing"

	"branchledger/model"
)

// Both imports print a note alike: by row, with the sheet when several are
// read; a note about a whole sheet names the sheet once.
func TestNoteLine(t *testing.T) {
	for _, tt := range []struct {
		n     model.ImportNote
		multi bool
		want  string
	}{
		{model.ImportNote{Sheet: "党员", Row: 3, Message: "升级为18位"}, false, "提示：第3行：升级为18位"},
		{model.ImportNote{Sheet: "党员", Row: 3, Message: "升级为18位"}, true, "提示：工作表“党员”第3行：升级为18位"},
		{model.ImportNote{Sheet: "党员", Message: "没有“所在党支部”列"}, false, "提示：没有“所在党支部”列"},
		{model.ImportNote{Sheet: "党员", Message: "没有“所在党支部”列"}, true, "提示：工作表“党员”：没有“所在党支部”列"},
		{model.ImportNote{Sheet: "2025", Message: "隐藏的工作表“2025”也有党费基数，未导入"}, true, "提示：隐藏的工作表“2025”也有党费基数，未导入"},
		{model.ImportNote{Sheet: "示例", Message: "工作表“示例”看来是表格模板的填写示例或说明，未导入"}, true, "提示：工作表“示例”看来是表格模板的填写示例或说明，未导入"},
		{model.ImportNote{Sheet: "党员", Row: 3, Message: "第3行：升级为18位"}, false, "提示：第3行：升级为18位"},
		{model.ImportNote{Sheet: "党员", Row: 3, Message: "第3行的联系电话：按空白导入"}, true, "提示：工作表“党员”第3行的联系电话：按空白导入"},
		{model.ImportNote{Sheet: "党员", Row: 3, Message: "第31行：升级为18位"}, false, "提示：第3行：第31行：升级为18位"},
	} {
		if got := noteLine(tt.n, tt.multi); got != tt.want {
			t.Errorf("noteLine(%+v, %v) = %q, want %q", tt.n, tt.multi, got, tt.want)
		}
	}
}
