package xlsx

import (
	"fmt"
	"strings"
	"testing"

	"branchledger/model"
)

// A row labelling the columns with 甲 乙 丙 丁 … under the headings, and a
// 栏次 row 1 2 3 … at the foot of the table, are no members: each was read
// as a member named 乙 or 1 and the whole roster refused (review s13-hx #6).
// A 支部大会通过时间 column is the 加入党组织日期 (the probation counts from
// the meeting that admits), and 党组织全称 the 所在党支部: both were named
// as not imported and the member refused for the field the user filled in.
func TestColumnLabelRowsAndHeadingMinors(t *testing.T) {
	id := idNumber("19800415", "311")
	cases := []struct {
		name    string
		rows    [][]any
		dataRow int
		note    string
	}{
		{"甲 乙 丙 丁 戊 己 under the headings",
			[][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", "入党时间", "转正时间"},
				{"甲", "乙", "丙", "丁", "戊", "己"},
				{"张三", "男", id, "第一党支部", "2015.03", "2016.03"},
			}, 3, "第2行：表头下给各列编号的栏次行"},
		{"1 2 3 4 5 6 at the foot of the table",
			[][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", "入党时间", "转正时间"},
				{"张三", "男", id, "第一党支部", "2015.03", "2016.03"},
				{"1", "2", "3", "4", "5", "6"},
			}, 2, "第3行：给各列编号的栏次行（如“1 2 3”）：不是党员，未导入"},
		{"支部大会通过时间 and 党组织全称",
			[][]any{
				{"姓名", "性别", "公民身份号码", "党组织全称", "支部大会通过时间", "转正时间"},
				{"张三", "男", id, "第一党支部", "2015.03", "2016.03"},
			}, 2, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rf := read(t, roster(t, tc.rows))
			if len(rf.Rejected) != 0 || len(rf.Members) != 1 {
				t.Fatalf("members %+v rejected %v", rf.Members, refusals(rf))
			}
			if ig := rf.Sheets[0].Ignored; len(ig) != 0 {
				t.Errorf("columns not imported %v, want none", ig)
			}
			m := member(t, rf, tc.dataRow)
			if m.Name != "张三" || m.BranchName != "第一党支部" || m.JoinDate != model.MonthDate(2015, 3) || m.FullDate != model.MonthDate(2016, 3) {
				t.Errorf("stored %s %q 加入 %v 转正 %v; want 张三 第一党支部 2015-03 2016-03", m.Name, m.BranchName, m.JoinDate, m.FullDate)
			}
			var said []string
			for _, n := range rf.Notes {
				said = append(said, fmt.Sprintf("第%d行：%s", n.Row, n.Message))
			}
			if tc.note != "" && !strings.Contains(strings.Join(said, "\n"), tc.note) {
				t.Errorf("notes:\n%s\nwant %q", strings.Join(said, "\n"), tc.note)
			}
		})
	}
}
