package xlsx

import (
	"maps"
	"slices"
	"testing"

	"branchledger/model"
)

// 停止党籍 in a group row or a note is the 党籍状态 of the people it
// covers, who are on the roster (RULES.md §4), as a sheet named 停止党籍党员
// gives it: they were refused as gone (review wd F32). 停止党籍及除名人员
// holds leavers still.
func TestSuspendedGroupRowGivesItsPeopleTheirStanding(t *testing.T) {
	for _, tt := range []struct {
		name      string
		rows      [][]any
		suspended []string // the names stored 停止党籍
		current   []string // the names stored 正常
		refused   map[int]string
		note      string // on the group row or note (row noteRow)
		noteRow   int
	}{
		{name: "group row", rows: [][]any{hxHeading, hxMember("张三", "011"), {"停止党籍党员"}, hxMember("李四", "031")},
			suspended: []string{"李四"}, current: []string{"张三"}, noteRow: 3,
			note: "分组行“停止党籍党员”：是分组的标题，不是党员，未导入；其下各行（到下一个分组行为止）的党籍状态记为“停止党籍”（停止党籍的党员仍在册）"},
		{name: "lost and suspended", rows: [][]any{hxHeading, hxMember("张三", "011"), {"失联党员（已停止党籍）"}, hxMember("李四", "031"), hxMember("王五", "051")},
			suspended: []string{"李四", "王五"}, current: []string{"张三"}, noteRow: 3,
			note: "分组行“失联党员（已停止党籍）”：是分组的标题，不是党员，未导入；其下各行（到下一个分组行为止）的党籍状态记为“停止党籍”（停止党籍的党员仍在册）"},
		{name: "a note above", rows: [][]any{hxHeading, hxMember("张三", "011"), hxMember("李四", "031"), {"注：以上党员已停止党籍"}},
			suspended: []string{"张三", "李四"}, noteRow: 4,
			note: "说明行“注：以上党员已停止党籍”：其上各行（到上一个分组行或表头为止）的党籍状态记为“停止党籍”（停止党籍的党员仍在册）"},
		// 停籍, 中止党籍 say it as 停止党籍 does (review ra8 G7): their
		// people were stored 正常.
		{name: "停籍 group row", rows: [][]any{hxHeading, hxMember("张三", "011"), {"停籍党员"}, hxMember("李四", "031")},
			suspended: []string{"李四"}, current: []string{"张三"}, noteRow: 3,
			note: "分组行“停籍党员”：是分组的标题，不是党员，未导入；其下各行（到下一个分组行为止）的党籍状态记为“停止党籍”（停止党籍的党员仍在册）"},
		{name: "中止党籍 in a note above", rows: [][]any{hxHeading, hxMember("张三", "011"), hxMember("李四", "031"), {"注：以上党员已中止党籍"}},
			suspended: []string{"张三", "李四"}, noteRow: 4,
			note: "说明行“注：以上党员已中止党籍”：其上各行（到上一个分组行或表头为止）的党籍状态记为“停止党籍”（停止党籍的党员仍在册）"},
		{name: "停籍 and 除名 people", rows: [][]any{hxHeading, hxMember("张三", "011"), {"停籍及除名人员"}, hxMember("李四", "031")},
			current: []string{"张三"}, refused: map[int]string{4: "李四 姓名：在分组行“停籍及除名人员”之下，看来已不在花名册上（写着“除名”）：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请移到这一行之上后再导入"}},
		{name: "suspended and expelled", rows: [][]any{hxHeading, hxMember("张三", "011"), {"停止党籍及除名人员"}, hxMember("李四", "031")},
			current: []string{"张三"}, refused: map[int]string{4: "李四 姓名：在分组行“停止党籍及除名人员”之下，看来已不在花名册上（写着“除名”）：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请移到这一行之上后再导入"}},
		{name: "a standing of 正常 under it", rows: [][]any{append(slices.Clone(hxHeading), "党籍状态"), append(hxMember("张三", "011"), "正常"), {"停止党籍党员"}, append(hxMember("李四", "031"), "正常")},
			current: []string{"张三"}, refused: map[int]string{4: "李四 党籍状态：在分组行“停止党籍党员”之下，党籍状态却为“正常”：请改正其中之一后再导入"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rf := readTable(t, tt.rows)
			var suspended, current []string
			for _, m := range rf.Members {
				if m.Member.Standing == model.StandingSuspended {
					suspended = append(suspended, m.Member.Name)
				} else {
					current = append(current, m.Member.Name)
				}
			}
			if !slices.Equal(suspended, tt.suspended) || !slices.Equal(current, tt.current) {
				t.Errorf("停止党籍 %v, 正常 %v; want %v, %v (refused %v)", suspended, current, tt.suspended, tt.current, refusedRows(rf))
			}
			if got := refusedRows(rf); len(got) != len(tt.refused) || !maps.Equal(got, tt.refused) {
				t.Errorf("refused %v, want %v", got, tt.refused)
			}
			if tt.note != "" && noteOn(rf, tt.noteRow) != tt.note {
				t.Errorf("note %q, want %q", noteOn(rf, tt.noteRow), tt.note)
			}
		})
	}
}
