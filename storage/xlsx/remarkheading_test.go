package xlsx

import (
	"strings"
	"testing"
)

// 情况说明, 备考, 附注, 说明 head the remarks column on old forms and
// personnel files: read as 备注, what they say is kept, and a word of
// leaving there refuses the row as in 备注. They were named as not
// imported, the remark lost and 已故 there unread (review F41).
func TestRemarkHeadingVariants(t *testing.T) {
	id := idNumber("19800415", "311")
	for _, heading := range []string{"备注", "情况说明", "备考", "附注", "说明", "其他说明"} {
		t.Run(heading, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", "人员类别", "入党时间", "转正时间", heading},
				{"张三", "男", id, "第一党支部", "正式党员", "2015.03", "2016.03", "爱好书法"},
				{"李四", "男", idNumber("19800415", "333"), "第一党支部", "正式党员", "2015.03", "2016.03", "已故"},
			}))
			if got := member(t, rf, 2).Notes; got != "爱好书法" {
				t.Errorf("备注 %q, want 爱好书法", got)
			}
			if len(rf.Sheets[0].Ignored) != 0 {
				t.Errorf("columns not imported %q, want none", rf.Sheets[0].Ignored)
			}
			if why := rejections(rf, 3)["notes"]; !strings.Contains(why, "已故") {
				t.Errorf("row 3 refused %v, want its 备注 已故 named", rejections(rf, 3))
			}
		})
	}
}
