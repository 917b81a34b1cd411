package xlsx

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// A row struck through — its 姓名 cell, or most of its filled cells — is
// how a secretary crosses a person off: it is held back, named, not
// imported as a current member (review ra7 F13, nu7-5). A strike on a cell
// or two of a row (a struck-out old phone number) is no such mark.
func TestStruckThroughRowsAreHeldBack(t *testing.T) {
	const refusal = "在表格中划了删除线，未导入；仍在册的请去掉删除线后再导入"
	for _, c := range []struct {
		name    string
		struck  [][2]string // ranges given a struck font
		refused []int       // rows refused for it
	}{
		{"the whole row", [][2]string{{"A4", "F4"}}, []int{4}},
		{"the name cell alone, in red", [][2]string{{"A5", "A5"}}, []int{5}},
		{"most of the row but the name", [][2]string{{"B3", "E3"}}, []int{3}},
		{"two rows", [][2]string{{"A2", "F2"}, {"A6", "A6"}}, []int{2, 6}},
		{"an old phone number struck", [][2]string{{"D3", "D3"}}, nil},
		{"half the row, not the name", [][2]string{{"D4", "F4"}}, nil},
		{"an empty cell struck beside the rows", [][2]string{{"H3", "H6"}}, nil},
		{"nothing struck", nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			rows := [][]any{{"姓名", "公民身份号码", "加入党组织日期", "联系电话", "人员类别", "备注"}}
			for r := 2; r <= 6; r++ {
				rows = append(rows, []any{fmt.Sprintf("党员%d", r), idNumber(fmt.Sprintf("1980%02d%02d", r, r), fmt.Sprintf("%03d", r)), "2010.07", fmt.Sprintf("137123456%02d", r), "正式党员", "在职"})
			}
			wb := workbook{sheets: []sheetSpec{{name: "Sheet1", rows: rows}}, opts: func(f *excelize.File) {
				for i, r := range c.struck {
					font := &excelize.Font{Strike: true}
					if i%2 == 1 || r[0] == r[1] {
						font.Color = "FF0000"
					}
					st, err := f.NewStyle(&excelize.Style{Font: font})
					if err != nil {
						t.Fatal(err)
					}
					if err := f.SetCellStyle("Sheet1", r[0], r[1], st); err != nil {
						t.Fatal(err)
					}
				}
			}}
			rf := read(t, wb.bytes(t))
			var refused []int
			for _, r := range rf.Rejected {
				if r.Field != model.FieldName || r.Reason != refusal || r.Name != fmt.Sprintf("党员%d", r.Row) {
					t.Errorf("row %d refused: %+v", r.Row, r)
					continue
				}
				refused = append(refused, r.Row)
			}
			if !slices.Equal(refused, c.refused) {
				t.Errorf("refused rows %v, want %v", refused, c.refused)
			}
			if len(rf.Members)+len(c.refused) != 5 {
				t.Errorf("imported %d members, want %d", len(rf.Members), 5-len(c.refused))
			}
			for _, m := range rf.Members {
				if slices.Contains(c.refused, m.Row) {
					t.Errorf("row %d (%s) imported", m.Row, m.Member.Name)
				}
			}
		})
	}
}

// The workbook of refused rows keeps the strike of a row held back for it,
// so that importing it again as it is holds the row back again: without
// the strike the person who left went in as a current member (review ra7
// F48).
func TestStruckRowComesBackStruck(t *testing.T) {
	const refusal = "在表格中划了删除线，未导入；仍在册的请去掉删除线后再导入"
	rows := [][]any{{"姓名", "公民身份号码", "加入党组织日期", "联系电话", "人员类别", "备注"}}
	for r := 2; r <= 4; r++ {
		rows = append(rows, []any{fmt.Sprintf("党员%d", r), idNumber(fmt.Sprintf("1980%02d%02d", r, r), fmt.Sprintf("%03d", r)), "2010.07", fmt.Sprintf("137123456%02d", r), "正式党员", "在职"})
	}
	for _, struck := range [][2]string{{"A3", "F3"}, {"A3", "A3"}} {
		wb := workbook{sheets: []sheetSpec{{name: "Sheet1", rows: rows}}, opts: func(f *excelize.File) {
			st, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Strike: true, Color: "FF0000"}})
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellStyle("Sheet1", struck[0], struck[1], st); err != nil {
				t.Fatal(err)
			}
		}}
		data := wb.bytes(t)
		rf := read(t, data)
		if len(rf.Rejected) != 1 || rf.Rejected[0].Reason != refusal {
			t.Fatalf("struck %v: refused %+v", struck, rf.Rejected)
		}
		var buf bytes.Buffer
		if n, err := WriteRejectedRows(&buf, data, rf.Rejected, nil); err != nil || n != 1 {
			t.Fatalf("struck %v: copied %d rows, %v", struck, n, err)
		}
		again := read(t, buf.Bytes())
		if len(again.Members) != 0 || len(again.Rejected) != 1 || again.Rejected[0].Reason != refusal || again.Rejected[0].Name != "党员3" {
			t.Errorf("struck %v: the copy imported %d members, refused %+v; want 党员3 held back again for the strike", struck, len(again.Members), again.Rejected)
		}
	}
}

// The workbook of refused rows keeps what said the person left where no
// text does — the strike, the note — so that imported as it is it refuses
// them again rather than storing them as current members.
func TestTheRefusedRowsWorkbookKeepsTheStrikeAndTheNote(t *testing.T) {
	for _, c := range []struct {
		name string
		mark func(f *excelize.File) error
		want string // the end of the refusal, read again
	}{
		{"the row struck", func(f *excelize.File) error {
			st, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Strike: true}})
			if err != nil {
				return err
			}
			return f.SetCellStyle("Sheet1", "A3", "E3", st)
		}, "在表格中划了删除线，未导入；仍在册的请去掉删除线后再导入"},
		{"the name struck", func(f *excelize.File) error {
			st, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Strike: true, Color: "FF0000"}})
			if err != nil {
				return err
			}
			return f.SetCellStyle("Sheet1", "A3", "A3", st)
		}, "在表格中划了删除线，未导入；仍在册的请去掉删除线后再导入"},
		{"a note on the phone", func(f *excelize.File) error {
			return f.AddComment("Sheet1", excelize.Comment{Cell: "D3", Author: "组织委员", Paragraph: []excelize.RichTextRun{{Text: "已于2024年5月去世"}}})
		}, "单元格的批注“已于2024年5月去世”写着“去世”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请删去或改写批注后再导入"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rows := [][]any{{"姓名", "公民身份号码", "加入党组织日期", "联系电话", "人员类别"}}
			for r := 2; r <= 3; r++ {
				rows = append(rows, []any{fmt.Sprintf("党员%d", r), idNumber(fmt.Sprintf("1980%02d%02d", r, r), fmt.Sprintf("%03d", r)), "2010.07", fmt.Sprintf("137123456%02d", r), "正式党员"})
			}
			wb := workbook{sheets: []sheetSpec{{name: "Sheet1", rows: rows}}, opts: func(f *excelize.File) {
				if err := c.mark(f); err != nil {
					t.Fatal(err)
				}
			}}
			again := read(t, errorsWorkbook(t, wb.bytes(t)))
			if len(again.Members) != 0 || len(again.Rejected) != 1 || !strings.HasSuffix(again.Rejected[0].Reason, c.want) || again.Rejected[0].Name != "党员3" {
				t.Errorf("the workbook of refused rows read again: imported %d, refused %+v; want 党员3 refused for …%s", len(again.Members), again.Rejected, c.want)
			}
		})
	}
}
