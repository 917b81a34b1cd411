package xlsx

import (
	"slices"
	"testing"

	"branchledger/model"
)

// 党小组 is never the branch, nor is the 党委 above it or its number: under
// 所在党支部 — merged, written over each column (WPS 取消合并并填充), or in a
// second heading row where every other heading is written again or left
// blank — such a column is named as not imported. The 党小组's name was
// stored as the member's 所在党支部 without a word (review s13-hx #11), 党委
// was named as a second 所在党支部 column (s13-reattack #6b), and 名称 |
// 编号 or 党小组 | 小组长 refused every member as two branch columns.
func TestColumnsUnderBranchThatAreNotTheBranch(t *testing.T) {
	id := idNumber("19800415", "311")
	cases := []struct {
		name    string
		rows    [][]any
		merges  [][2]string
		branch  string
		ignored []string
	}{
		{"所在党支部 over 党小组, every heading written again",
			[][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", "入党时间", "转正时间"},
				{"姓名", "性别", "公民身份号码", "党小组", "入党时间", "转正时间"},
				{"张三", "男", id, "第一小组", "2003-05", "2004-05"},
			}, nil, "", []string{"党小组"}},
		{"所在党支部 | 所在党支部 over 党小组 | 党小组",
			[][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", "所在党支部", "入党时间", "转正时间"},
				{"姓名", "性别", "公民身份号码", "党小组", "党小组", "入党时间", "转正时间"},
				{"张三", "男", id, "第一小组", "第一小组", "2003-05", "2004-05"},
			}, nil, "", []string{"党小组", "党小组"}},
		{"所在党支部 over 党小组 alone in the second row",
			[][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", "入党时间", "转正时间"},
				{nil, nil, nil, "党小组", nil, nil},
				{"张三", "男", id, "第一小组", "2003-05", "2004-05"},
			}, nil, "", []string{"党小组"}},
		{"所在党支部 | 所在党支部 over 党小组 | 小组长",
			[][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", "所在党支部", "入党时间", "转正时间"},
				{"姓名", "性别", "公民身份号码", "党小组", "小组长", "入党时间", "转正时间"},
				{"张三", "男", id, "第一小组", "王五", "2003-05", "2004-05"},
			}, nil, "", []string{"党小组", "小组长"}},
		{"所在党支部 merged over 党委 | 支部 | 党小组",
			[][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", nil, nil, "入党时间", "转正时间"},
				{nil, nil, nil, "党委", "支部", "党小组", nil, nil},
				{"张三", "男", id, "某某党委", "第一党支部", "一组", "2003-05", "2004-05"},
			},
			[][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "F1"}, {"G1", "G2"}, {"H1", "H2"}},
			"第一党支部", []string{"党委", "党小组"}},
		{"所在党支部 merged over 党总支 | 党支部 | 党小组",
			[][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", nil, nil, "入党时间", "转正时间"},
				{nil, nil, nil, "党总支", "党支部", "党小组", nil, nil},
				{"张三", "男", id, "机关党总支", "第一党支部", "一组", "2003-05", "2004-05"},
			},
			[][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "F1"}, {"G1", "G2"}, {"H1", "H2"}},
			"第一党支部", []string{"党总支", "党小组"}},
		{"所在党支部 | 所在党支部 over 名称 | 编号",
			[][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", "所在党支部", "入党时间", "转正时间"},
				{"姓名", "性别", "公民身份号码", "名称", "编号", "入党时间", "转正时间"},
				{"张三", "男", id, "第一党支部", "01", "2003-05", "2004-05"},
			}, nil, "第一党支部", []string{"编号"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rf := read(t, roster(t, tc.rows, tc.merges...))
			if len(rf.Rejected) != 0 || len(rf.Members) != 1 {
				t.Fatalf("members %+v rejected %v", rf.Members, refusals(rf))
			}
			m := rf.Members[0].Member
			if m.BranchName != tc.branch || m.JoinDate != model.MonthDate(2003, 5) || m.FullDate != model.MonthDate(2004, 5) {
				t.Errorf("stored 所在党支部 %q 加入 %v 转正 %v; want %q 2003-05 2004-05", m.BranchName, m.JoinDate, m.FullDate, tc.branch)
			}
			if got := rf.Sheets[0].Ignored; !slices.Equal(got, tc.ignored) {
				t.Errorf("columns not imported %q, want %q", got, tc.ignored)
			}
		})
	}
}

// 序号 under a group heading (基本信息 over 序号 | 姓名 | …) is the row
// number still, never a column not imported; only 编号 under 所在党支部 is
// the branch's number.
func TestSerialUnderGroupHeading(t *testing.T) {
	id := idNumber("19800415", "311")
	rf := read(t, roster(t, [][]any{
		{"基本信息", nil, nil, "入党时间", nil},
		{"序号", "姓名", "公民身份号码", "预备", "转正"},
		{"1", "层四", id, "2003.05", "2004.05"},
	}, [2]string{"A1", "C1"}, [2]string{"D1", "E1"}))
	if len(rf.Rejected) != 0 || len(rf.Members) != 1 {
		t.Fatalf("members %+v rejected %v", rf.Members, refusals(rf))
	}
	if ig := rf.Sheets[0].Ignored; len(ig) != 0 {
		t.Errorf("columns not imported %q, want none", ig)
	}
}
