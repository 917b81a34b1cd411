package xlsx

import (
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// A note (批注) on a member's row saying the person left holds the row back
// as its 备注 would, naming the note; other notes, and a leaving yet to
// come, are no reason (review ra7 F14).
func TestANoteOnARowSayingThePersonLeftHoldsItBack(t *testing.T) {
	type note struct{ cell, author, text string }
	for _, c := range []struct {
		name   string
		notes  []note
		row    int    // the row refused, 0 for none
		reason string // its refusal
	}{
		{"on the name, with its author", []note{{"A3", "组织委员", "该同志已于2024年5月转出"}}, 3,
			"A3单元格的批注“该同志已于2024年5月转出”写着“转出”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请删去或改写批注后再导入"},
		{"on the phone, without an author", []note{{"D4", "", "已故"}}, 4,
			"D4单元格的批注“已故”写着“已故”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请删去或改写批注后再导入"},
		{"one of two notes on a row", []note{{"B2", "", "身份证已核对"}, {"C2", "张书记", "2023年组织关系转至区委"}}, 2,
			"C2单元格的批注“2023年组织关系转至区委”写着“转至”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请删去或改写批注后再导入"},
		{"原党员 (wd D4)", []note{{"A2", "", "原党员"}}, 2,
			"A2单元格的批注“原党员”写着“原党员”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请删去或改写批注后再导入"},
		{"已清退 (wd D4)", []note{{"A3", "组织委员", "2023年已清退"}}, 3,
			"A3单元格的批注“2023年已清退”写着“清退”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请删去或改写批注后再导入"},
		{"转入XX社区党委 (wd D1)", []note{{"A4", "", "2024年转入XX社区党委"}}, 4,
			"A4单元格的批注“2024年转入XX社区党委”写着“转入XX社区党委”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请删去或改写批注后再导入"},
		{"a refund", []note{{"A3", "", "多缴党费已清退"}}, 0, ""},
		{"not a former member", []note{{"A3", "", "不是原党员，系新发展"}}, 0, ""},
		{"a leaving yet to come", []note{{"A3", "", "拟转出"}}, 0, ""},
		{"a note about something else", []note{{"D3", "组织委员", "电话已更新"}}, 0, ""},
		{"a note on the heading", []note{{"A1", "", "已转出的不要列入"}}, 0, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			rows := [][]any{{"姓名", "公民身份号码", "加入党组织日期", "联系电话", "人员类别"}}
			for r := 2; r <= 4; r++ {
				rows = append(rows, []any{fmt.Sprintf("党员%d", r), idNumber(fmt.Sprintf("1980%02d%02d", r, r), fmt.Sprintf("%03d", r)), "2010.07", fmt.Sprintf("137123456%02d", r), "正式党员"})
			}
			wb := workbook{sheets: []sheetSpec{{name: "Sheet1", rows: rows}}, opts: func(f *excelize.File) {
				for _, n := range c.notes {
					if err := f.AddComment("Sheet1", excelize.Comment{Cell: n.cell, Author: n.author, Paragraph: []excelize.RichTextRun{{Text: n.text}}}); err != nil {
						t.Fatal(err)
					}
				}
			}}
			rf := read(t, wb.bytes(t))
			want := 3
			if c.row != 0 {
				want = 2
				got := rejections(rf, c.row)
				if got[model.FieldName] != c.reason || len(got) != 1 {
					t.Errorf("row %d refused for %q, want %q", c.row, got, c.reason)
				}
			}
			if len(rf.Members) != want || len(rf.Rejected) != 3-want {
				t.Errorf("imported %d, refused %+v; want %d imported", len(rf.Members), rf.Rejected, want)
			}
		})
	}
}
