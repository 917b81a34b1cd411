package xlsx

import (
	"slices"
	"testing"

	"branchledger/model"
)

// A parent heading over one sub-heading reads with it as a person reads
// it — 入党 over 时间 is 入党时间, 预备党员 over 入党时间 is 入党时间 — where
// the whole file was refused (review ra7 F18); 转正情况 over 时间 | 是否按期
// gives 时间 as the 转正 date, and names what is not imported with its
// group (review ra7 F19).
func TestParentHeadingOverOneColumn(t *testing.T) {
	vertical := func(cols string) [][2]string {
		var m [][2]string
		for _, c := range cols {
			m = append(m, [2]string{string(c) + "1", string(c) + "2"})
		}
		return m
	}
	tests := []struct {
		name    string
		top     []any
		sub     []any
		merges  [][2]string
		ignored []string
	}{
		{"入党 | 转正 over 时间 | 时间",
			[]any{"姓名", "公民身份号码", "人员类别", "入党", "转正", "联系电话"},
			[]any{nil, nil, nil, "时间", "时间", nil},
			vertical("ABCF"), nil},
		{"预备党员 | 正式党员 over 入党时间 | 转正时间",
			[]any{"姓名", "公民身份号码", "人员类别", "预备党员", "正式党员", "联系电话"},
			[]any{nil, nil, nil, "入党时间", "转正时间", nil},
			vertical("ABCF"), nil},
		{"转正情况 merged over 时间 | 是否按期",
			[]any{"姓名", "公民身份号码", "人员类别", "加入党组织日期", "转正情况", nil, "联系电话"},
			[]any{nil, nil, nil, nil, "时间", "是否按期", nil},
			append(vertical("ABCDG"), [2]string{"E1", "F1"}), []string{"转正情况 › 是否按期"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row := []any{"张建国", idNumber("19800312", "011"), "正式党员", "2005-07-01", "2006-07-01", "13900000001"}
			if len(tt.top) == 7 {
				row = []any{"张建国", idNumber("19800312", "011"), "正式党员", "2005-07-01", "2006-07-01", "是", "13900000001"}
			}
			rf := read(t, roster(t, [][]any{tt.top, tt.sub, row}, tt.merges...))
			if got := rejections(rf, 3); len(got) > 0 {
				t.Fatalf("refused: %v", got)
			}
			m := member(t, rf, 3)
			if m.JoinDate != model.NewDate(2005, 7, 1) || m.FullDate != model.NewDate(2006, 7, 1) || m.Phone != "13900000001" {
				t.Errorf("stored %s, %s, %s", m.JoinDate, m.FullDate, m.Phone)
			}
			if got := rf.Sheets[0].Ignored; !slices.Equal(got, tt.ignored) {
				t.Errorf("columns not imported %q, want %q", got, tt.ignored)
			}
		})
	}
}

// A member's row under one heading row is no sub-heading band: 姓名 over
// 张三 reads nothing but 姓名, and a heading row over a data row still
// reads as one heading row.
func TestParentOverOneNeedsAHeadingBelow(t *testing.T) {
	for _, pair := range [][2]string{{"姓名", "张三"}, {"入党时间", "2005-07-01"}, {"联系电话", "13900000001"}} {
		if parentOverOne(pair[0], pair[1]) {
			t.Errorf("%s over %s read as a heading", pair[0], pair[1])
		}
	}
}
