package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// An ID number in a cell whose type is number is refused by every importer
// that reads ID numbers — the roster, the recruiting pipeline and the dues
// bases — whatever number format shows it, even when the digits left pass
// the check digit (attack7 #1). Each case also asks excelize for the cell's
// type, so that what the importers go by is what excelize says the cell is.
func TestIDNumberCellTypeEveryImporter(t *testing.T) {
	const passes = "620102199002071000" // its remains pass the check digit
	tests := []struct {
		name   string
		cell   any
		number bool // excelize's cell type is a number
	}{
		{"General", numberCell(passes), true},
		{"format 0", fmtCell{v: passes, code: "0"}, true},
		{"format @ on a number", fmtCell{v: passes, code: "@"}, true},
		{"format of 18 zeros", fmtCell{v: passes, code: "000000000000000000"}, true},
		{"format #,##0", fmtCell{v: passes, code: "#,##0"}, true},
		{"scientific raw value", numberCell("6.20102199002071E+17"), true},
		{"scientific format", fmtCell{v: passes, code: "0.00E+00"}, true},
		{"text", passes, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := [][]any{{"姓名", "公民身份号码", "计算基数", "入党时间"}, {"蒋卫东", tt.cell, "5000", "2026-01-05"}}
			data := workbook{sheets: []sheetSpec{{name: "Sheet1", rows: rows}}}.bytes(t)
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			typ, _ := f.GetCellType("Sheet1", "B2")
			_ = f.Close()
			if got := typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset; got != tt.number {
				t.Fatalf("excelize says type %v; the case wants number=%v", typ, tt.number)
			}

			got := map[string]string{} // importer → the ID read, or the refusal
			rf := read(t, data)
			if len(rf.Members) == 1 {
				got["roster"] = rf.Members[0].Member.IDNumber
			} else {
				got["roster"] = rejections(rf, 2)[model.FieldIDNumber]
			}
			rp := readRecruitBook(t, workbook{sheets: []sheetSpec{{name: "台账", rows: [][]any{{"姓名", "公民身份号码", "申请入党日期"}, {"蒋卫东", tt.cell, "2024-01-05"}}}}})
			if len(rp.Rows) == 1 {
				got["pipeline"] = rp.Rows[0].Recruit.IDNumber
			} else if len(rp.Rejected) > 0 {
				got["pipeline"] = rp.Rejected[0].Reason
			}
			path := filepath.Join(t.TempDir(), "基数.xlsx")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			bf, err := ReadDuesBasesSheets(path, 0, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(bf.Rows) == 1 {
				got["dues bases"] = bf.Rows[0].IDNumber
			} else if len(bf.Rejected) > 0 {
				got["dues bases"] = bf.Rejected[0].Reason
			}
			for _, who := range []string{"roster", "pipeline", "dues bases"} {
				g := got[who]
				switch {
				case tt.number && !strings.Contains(g, "存成了数字"):
					t.Errorf("%s: %q, want refused as an ID stored as a number", who, g)
				case !tt.number && g != passes:
					t.Errorf("%s: %q, want the text read as is", who, g)
				}
			}
		})
	}
}

// An empty 性别 or 出生日期 beside an ID number refused is not refused too:
// both come from the ID once it is typed again (attack7 k4b row 3).
func TestEmptySexBesideRefusedIDNumber(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "性别", "公民身份号码", "出生日期", "入党时间", "人员类别", "转正时间"},
		{"钱晓丽", nil, fmtCell{v: "510104197405054000", code: "000000000000000000"}, nil, "2010-06-15", "正式党员", "2011-06-15"},
		{"孙立军", "男女", "5101041974050540", nil, "2010-06-15", "正式党员", "2011-06-15"},
	}))
	if got := rejections(rf, 2); len(got) != 1 || !strings.Contains(got[model.FieldIDNumber], "存成了数字") {
		t.Errorf("row 2 refused %q", got)
	}
	// A 性别 that is there and wrong is still refused.
	if got := rejections(rf, 3); got[model.FieldSex] == "" || got[model.FieldIDNumber] == "" {
		t.Errorf("row 3 refused %q", got)
	}
}
