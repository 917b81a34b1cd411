package xlsx

import (
	"fmt"
	"strings"
	"testing"

	"branchledger/model"
)

// A sheet's name or title that says what all its people are — 停止党籍,
// 失联, 流动, fields of the member's record — gives each row the field
// where its own cell is blank, with one note naming the sheet; a row's own
// cell saying otherwise is kept and said. A 停止党籍 sheet holds members on
// the roster, not people who left (review ra7 F4, F5).
func TestASheetsNameSaysWhatItsPeopleAre(t *testing.T) {
	type want struct {
		standing    model.Standing
		lost, moved bool
	}
	normal := want{standing: model.StandingNormal}
	suspended := want{standing: model.StandingSuspended}
	for _, c := range []struct {
		name  string
		sheet string
		title string // a title row above the heading, if any
		extra []any  // one more column: its heading, then the two rows' cells
		want  [2]want
		left  string // Sheet.Left
		notes []string
	}{
		// An organisation's name says nothing of its people (review atk D7).
		{name: "a branch of mobile members", sheet: "流动党员党支部", want: [2]want{normal, normal}},
		{name: "停止党籍党员", sheet: "停止党籍党员", want: [2]want{suspended, suspended},
			notes: []string{"工作表名称“停止党籍党员”说其中是停止党籍的党员：第2行（党员2）、第3行（党员3）的党籍状态记为“停止党籍”（停止党籍的党员仍在册）"}},
		{name: "停止党籍人员 beside a 党籍状态 column", sheet: "停止党籍人员", extra: []any{"党籍状态", "", "正常"}, want: [2]want{suspended, normal},
			notes: []string{"工作表名称“停止党籍人员”说其中是停止党籍的党员：第2行（党员2）的党籍状态记为“停止党籍”",
				"工作表名称“停止党籍人员”说其中是停止党籍的党员，第3行（党员3）的党籍状态却写的是别的：按各行所填导入，请核对"}},
		{name: "a title says it", sheet: "Sheet1", title: "某公司党支部停止党籍党员名单", want: [2]want{suspended, suspended},
			notes: []string{"标题“某公司党支部停止党籍党员名单”说其中是停止党籍的党员"}},
		{name: "暂停党籍党员 (review ra8 G7)", sheet: "暂停党籍党员", want: [2]want{suspended, suspended},
			notes: []string{"工作表名称“暂停党籍党员”说其中是停止党籍的党员：第2行（党员2）、第3行（党员3）的党籍状态记为“停止党籍”（停止党籍的党员仍在册）"}},
		{name: "停籍人员 (review ra8 G7)", sheet: "停籍人员", want: [2]want{suspended, suspended},
			notes: []string{"工作表名称“停籍人员”说其中是停止党籍的党员：第2行（党员2）、第3行（党员3）的党籍状态记为“停止党籍”（停止党籍的党员仍在册）"}},
		{name: "停止党籍 and 除名 people left", sheet: "停止党籍及除名人员", want: [2]want{normal, normal}, left: "除名"},
		{name: "恢复党籍党员", sheet: "恢复党籍党员", want: [2]want{normal, normal}},
		{name: "失联党员 with the month", sheet: "失联党员", extra: []any{"失联年月", "2024.03", "2023.11"}, want: [2]want{{normal.standing, true, false}, {normal.standing, true, false}},
			notes: []string{"工作表名称“失联党员”说其中是失联党员：第2行（党员2）、第3行（党员3）记为失联党员"}},
		{name: "失联党员 without the month", sheet: "失联党员", want: [2]want{{normal.standing, true, false}, {normal.standing, true, false}},
			notes: []string{"记为失联党员；本表没有“失联年月”列，名册中还没有失联年月的人不能导入，请加上这一列后再导入"}},
		{name: "失联党员, one row says no", sheet: "失联党员", extra: []any{"是否失联党员", "", "否"}, want: [2]want{{normal.standing, true, false}, normal},
			notes: []string{"工作表名称“失联党员”说其中是失联党员，第3行（党员3）的是否失联党员却为“否”：按各行所填导入，请核对"}},
		{name: "流动党员 with where they went", sheet: "流动党员", extra: []any{"外出流向", "广东省深圳市", "江苏省苏州市"}, want: [2]want{{normal.standing, false, true}, {normal.standing, false, true}},
			notes: []string{"工作表名称“流动党员”说其中是流动党员：第2行（党员2）、第3行（党员3）记为流动党员"}},
		{name: "外出流动党员, one row says no", sheet: "外出流动党员", extra: []any{"是否流动党员", "是（广东省深圳市）", "否"}, want: [2]want{{normal.standing, false, true}, normal},
			notes: []string{"工作表名称“外出流动党员”说其中是流动党员，第3行（党员3）的是否流动党员却为“否”"}},
		{name: "非流动党员", sheet: "非流动党员", want: [2]want{normal, normal}},
		{name: "a roster with some mobile members", sheet: "Sheet1", title: "党员花名册（含流动党员）", want: [2]want{normal, normal}},
		{name: "在职党员", sheet: "在职党员", want: [2]want{normal, normal}},
	} {
		t.Run(c.name, func(t *testing.T) {
			head := []any{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "人员类别"}
			var rows [][]any
			if c.title != "" {
				rows = append(rows, []any{c.title})
			}
			if c.extra != nil {
				head = append(head, c.extra[0])
			}
			rows = append(rows, head)
			for r := 2; r <= 3; r++ {
				row := []any{fmt.Sprintf("党员%d", r), idNumber(fmt.Sprintf("1980%02d%02d", r, r), fmt.Sprintf("%03d", r)), "2010.07", "2011.07", "正式党员"}
				if c.extra != nil {
					row = append(row, c.extra[r-1])
				}
				rows = append(rows, row)
			}
			rf := read(t, workbook{sheets: []sheetSpec{{name: c.sheet, rows: rows}}}.bytes(t))
			if len(rf.Sheets) != 1 || rf.Sheets[0].Left != c.left {
				t.Fatalf("sheets %+v, want one whose Left is %q", rf.Sheets, c.left)
			}
			off := 0
			if c.title != "" {
				off = 1
			}
			for i, w := range c.want {
				m := member(t, rf, i+2+off)
				if m.Standing != w.standing || m.LostContact != w.lost || m.Mobile != w.moved {
					t.Errorf("row %d: 党籍状态 %q, 失联 %v, 流动 %v; want %+v", i+2+off, m.Standing, m.LostContact, m.Mobile, w)
				}
			}
			var said []string
			for _, n := range rf.Notes {
				if strings.Contains(n.Message, "说其中是") {
					said = append(said, n.Message)
				}
			}
			all := strings.Join(said, "\n")
			for _, n := range c.notes {
				if c.title != "" {
					n = strings.ReplaceAll(strings.ReplaceAll(n, "第2行（党员2）", "第3行（党员2）"), "第3行（党员3）", "第4行（党员3）")
				}
				if !strings.Contains(all, n) {
					t.Errorf("notes:\n%s\nwant one with %s", all, n)
				}
			}
			if len(c.notes) == 0 && len(said) > 0 {
				t.Errorf("notes %q, want none about the sheet's people", said)
			}
		})
	}
}
