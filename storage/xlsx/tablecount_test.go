package xlsx

import (
	"fmt"
	"slices"
	"testing"
)

// A line under the table that counts fewer people than it holds (review
// F28: 合计：4人 and 本支部原有6人，转出2人，现有4人 under six rows stored
// all six) refuses every row, naming the line: who left cannot be told. A
// count that agrees, or one above what was stored, or one of a group, keeps
// them.
func TestCountUnderTheTableBelowItsRowsRefusesThem(t *testing.T) {
	over := func(row int, line string) string {
		return fmt.Sprintf("第%d行写着“%s”，表中却有6人可导入，看不出哪些人已不在册，这一行未导入：请删去已不在册的人的行，或改正那一行的人数后再导入", row, line)
	}
	group := [][]any{hxHeading, {"第一党小组（共3人）"}}
	for i, n := range sixNames[:3] {
		group = append(group, hxMember(n, fmt.Sprintf("%03d", 11+2*i)))
	}
	group = append(group, []any{"第二党小组（共3人）"})
	for i, n := range sixNames[3:] {
		group = append(group, hxMember(n, fmt.Sprintf("%03d", 17+2*i)))
	}
	for _, tt := range []struct {
		name    string
		rows    [][]any
		stored  []string
		refused string // the reason of every refused row
	}{
		{"合计：4人", plainSix([]any{"合计：4人"}), nil, over(8, "合计：4人")},
		{"合计 | 4人", plainSix([]any{"合计", "4人"}), nil, over(8, "合计4人")},
		{"现有4人 after 原有6人", plainSix([]any{"注：本支部原有6人，转出2人，现有4人"}), nil, over(8, "注：本支部原有6人，转出2人，现有4人")},
		{"在册党员四名", plainSix([]any{}, []any{"说明：本支部在册党员四名"}), nil, over(9, "说明：本支部在册党员四名")},
		{"合计：6人", plainSix([]any{"合计：6人"}), sixNames, ""},
		// review ra9 S8
		{"合计：6人，其中转出2人", plainSix([]any{"合计：6人，其中转出2人"}), nil, over(8, "合计：6人，其中转出2人")},
		{"党员总数：4", plainSix([]any{"党员总数：4"}), nil, over(8, "党员总数：4")},
		{"总计：4", plainSix([]any{"总计：4"}), nil, over(8, "总计：4")},
		{"合计 with money", plainSix([]any{"合计", "1234.50"}), sixNames, ""},
		{"共计六名", plainSix([]any{"共计六名党员"}), sixNames, ""},
		{"合计：8人, two rows deleted", plainSix([]any{"合计：8人"}), sixNames, ""},
		{"the leavers named: 现有4人 of those left", plainSix([]any{"注：本支部原有6人，赵丽华、李明已转出，现有4人"}),
			[]string{"张三", "李四", "王五", "孙七"}, "第8行的说明“注：本支部原有6人，赵丽华、李明已转出，现有4人”说此人已离开（写着“转出”），看来已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入"},
		{"a group's count", group, sixNames, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rf := read(t, roster(t, tt.rows))
			if got := storedNames(rf); !slices.Equal(got, tt.stored) {
				t.Errorf("stored %v, want %v", got, tt.stored)
			}
			if want := 6 - len(tt.stored); len(rf.Rejected) != want {
				t.Errorf("%d rows refused, want %d", len(rf.Rejected), want)
			}
			for _, r := range rf.Rejected {
				if r.Reason != tt.refused {
					t.Errorf("row %d (%s) refused\n%q, want\n%q", r.Row, r.Name, r.Reason, tt.refused)
				}
			}
			if tt.refused != "" && tt.stored == nil {
				if line := noteOn(rf, 8); line != "" {
					t.Errorf("the line still says %q", line)
				}
			}
		})
	}
}
