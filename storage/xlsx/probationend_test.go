package xlsx

import (
	"strings"
	"testing"

	"branchledger/model"
)

// 入党时间 over 预备期开始 | 预备期满: 预备期开始 is 加入党组织日期, 预备期满
// is named among the columns not imported (a note says it is no 转正 date), and
// gives 人员类别 where the row says neither it nor a 转正 date; a 正式党员
// whose probation ended is marked to be added without a 转正 date
// (FullDateLater), never given 预备期满 as one (brief loud #4).
func TestProbationEndGivesTheCategory(t *testing.T) {
	id := func(seq string) string { return idNumber("19800415", seq) }
	head := func(cat bool) [][]any {
		if cat {
			return [][]any{{"序号", "姓名", "公民身份号码", "人员类别", "入党时间", nil}, {nil, nil, nil, nil, "预备期开始", "预备期满"}}
		}
		return [][]any{{"序号", "姓名", "公民身份号码", "入党时间", nil}, {nil, nil, nil, "预备期开始", "预备期满"}}
	}
	merges := func(cat bool) [][2]string {
		if cat {
			return [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "D2"}, {"E1", "F1"}}
		}
		return [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "E1"}}
	}
	cases := []struct {
		name     string
		cat      bool
		row      []any
		category model.Category
		later    bool
		refusal  string
	}{
		{"正式党员, probation long over", true, []any{"1", "甲一", id("311"), "正式党员", "2003.05", "2004.05"}, model.CategoryFull, true, ""},
		{"正式党员, 预备期满 blank: the 转正 date is asked for", true, []any{"1", "甲一", id("311"), "正式党员", "2003.05", nil}, model.CategoryFull, false, ""},
		{"正式党员, 预备期满 ahead: the 转正 date is asked for", true, []any{"1", "甲一", id("311"), "正式党员", "2026.05", "2027.05"}, model.CategoryFull, false, ""},
		{"预备党员", true, []any{"1", "甲一", id("311"), "预备党员", "2026.05", "2027.05"}, model.CategoryProbationary, false, ""},
		{"no 人员类别, probation long over: 正式党员", false, []any{"1", "甲一", id("311"), "2003.05", "2004.05"}, model.CategoryFull, true, ""},
		{"no 人员类别, probation ahead: 预备党员", false, []any{"1", "甲一", id("311"), "2026.05", "2027.05"}, model.CategoryProbationary, false, ""},
		{"no 人员类别, ended within the longest extension: left to the dates", false, []any{"1", "甲一", id("311"), "2025.06", "2026.06"}, "", false, ""},
		{"no 人员类别, 预备期满 before 预备期开始: refused", false, []any{"1", "甲一", id("311"), "2004.05", "2003.05"}, "", false,
			"“预备期满”为2003年5月，不晚于加入党组织日期2004年5月：请核对后再导入"},
		{"no 人员类别, 预备期满 unreadable: refused", false, []any{"1", "甲一", id("311"), "2003.05", "明年"}, "", false,
			"“预备期满”列：无法识别日期“明年”"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rf := read(t, roster(t, append(head(tc.cat), tc.row), merges(tc.cat)...))
			if ig := rf.Sheets[0].Ignored; len(ig) != 1 || ig[0] != "预备期满" {
				t.Errorf("columns not imported %q, want 预备期满", ig)
			}
			if tc.refusal != "" {
				var got string
				for _, r := range rf.Rejected {
					got += r.Reason
				}
				if !strings.Contains(got, tc.refusal) {
					t.Errorf("refused %q, want %q", got, tc.refusal)
				}
				return
			}
			if len(rf.Rejected) != 0 || len(rf.Members) != 1 {
				t.Fatalf("members %+v rejected %v", rf.Members, refusals(rf))
			}
			r := rf.Members[0]
			if r.Member.Category != tc.category || r.FullDateLater != tc.later || !r.Member.FullDate.IsZero() || r.Member.JoinDate.IsZero() {
				t.Errorf("category %q later %v 加入 %v 转正 %v; want %q %v, 转正 blank", r.Member.Category, r.FullDateLater, r.Member.JoinDate, r.Member.FullDate, tc.category, tc.later)
			}
			if !tc.cat && !strings.Contains(notesOf(rf), "按“预备期满”列：在今天及以后的记为预备党员") {
				t.Errorf("notes:\n%s\nwant the rule said", notesOf(rf))
			}
			if said := strings.Contains(notesOf(rf), "1名正式党员没有转为正式党员日期，“预备期满”列已过：按正式党员导入，转为正式党员日期留空"); said != tc.later {
				t.Errorf("notes:\n%s\nthe blank 转正 date said: %v, want %v", notesOf(rf), said, tc.later)
			}
		})
	}
}
