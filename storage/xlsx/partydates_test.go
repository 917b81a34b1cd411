package xlsx

import (
	"slices"
	"testing"

	"branchledger/model"
)

// 入党时间 | 入党时间 over 预备党员 | 正式党员 (each heading written again, a
// common form) are the two party dates, not two tick columns of 人员类别:
// every member was refused “…不是勾选符号” (review s13-hx #13).
func TestPartyDatesOverProbationaryAndFull(t *testing.T) {
	id := idNumber("19800415", "311")
	cases := []struct {
		name   string
		rows   [][]any
		merges [][2]string
	}{
		{"入党时间 written over each",
			[][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", "入党时间", "入党时间"},
				{"姓名", "性别", "公民身份号码", "所在党支部", "预备党员", "正式党员"},
				{"张三", "男", id, "第一党支部", "2015-03", "2016-03"},
			}, nil},
		{"入党时间 merged over both",
			[][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", "入党时间", nil},
				{nil, nil, nil, nil, "预备党员", "正式党员"},
				{"张三", "男", id, "第一党支部", "2015-03", "2016-03"},
			}, [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "D2"}, {"E1", "F1"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rf := read(t, roster(t, tc.rows, tc.merges...))
			if len(rf.Rejected) != 0 || len(rf.Members) != 1 {
				t.Fatalf("members %+v rejected %v", rf.Members, refusals(rf))
			}
			m := rf.Members[0].Member
			if m.JoinDate != model.MonthDate(2015, 3) || m.FullDate != model.MonthDate(2016, 3) || m.Category != model.CategoryFull || m.BranchName != "第一党支部" {
				t.Errorf("stored 加入 %v 转正 %v %s %q; want 2015-03 2016-03 正式党员 第一党支部", m.JoinDate, m.FullDate, m.Category, m.BranchName)
			}
		})
	}
}

// A heading joining the two party dates in one column (入党-转正时间,
// 入党—转正时间, 入党至转正时间, 入党~转正时间, 入党（转正）时间) is neither:
// read as 转为正式党员日期 it stored whatever date the cell held as the
// member's 转正 (review s13-hx #14). Beside the two dates' own columns it
// is named as not imported, saying it holds two dates; the member keeps
// the dates of those columns (alone it gives both: TestColumnOfBothPartyDates).
func TestHeadingOfTwoPartyDatesIsNotImported(t *testing.T) {
	id := idNumber("19800415", "311")
	for _, heading := range []string{"入党-转正时间", "入党—转正时间", "入党至转正时间", "入党~转正时间", "入党（转正）时间", "入党→转正时间", "入党 转正时间"} {
		t.Run(heading, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", "入党时间", "转正时间", heading},
				{"张三", "男", id, "第一党支部", "2015.03", "2016.03", "2016.09"},
			}))
			if len(rf.Rejected) != 0 || len(rf.Members) != 1 {
				t.Fatalf("members %+v rejected %v", rf.Members, refusals(rf))
			}
			m := rf.Members[0].Member
			if m.JoinDate != model.MonthDate(2015, 3) || m.FullDate != model.MonthDate(2016, 3) {
				t.Errorf("stored 加入 %v 转正 %v; want 2015-03 2016-03", m.JoinDate, m.FullDate)
			}
			want := []string{heading + "（一列写了入党和转正两个日期，表中另有这两个日期的列，此列未导入）"}
			if got := rf.Sheets[0].Ignored; !slices.Equal(got, want) {
				t.Errorf("columns not imported %q, want %q", got, want)
			}
		})
	}
}
