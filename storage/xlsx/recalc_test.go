package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// A workbook that asks to be calculated again when opened (fullCalcOnLoad,
// as Python's XlsxWriter and other systems' 导出Excel write it) saves a
// placeholder in each formula — 0, or empty text — and Excel and WPS show
// the formula's real result. Read, the placeholder stored a member with an
// empty 联系电话 and refused others for values the user never saw (“0”,
// 1900-01-00) (review ra7 F26). Such a cell is refused saying so, in every
// field; the same formula with its result saved by Excel imports.
func TestFormulaOfRecalculatedWorkbookIsRefused(t *testing.T) {
	id := idNumber("19850312", "011")
	head := []any{"姓名", "公民身份号码", "加入党组织日期", "人员类别", "所在党支部", "联系电话"}
	row := []any{"周文斌", id, "2010-07-01", "预备党员", "第一党支部", "13712345678"}
	tests := []struct {
		col         int
		formula     string
		placeholder any // what the exporter saved as the result
		field       model.Field
	}{
		{0, `"周"&"文斌"`, "", model.FieldName},
		{2, `DATE(2010,7,1)`, 0, model.FieldJoinDate},
		{3, `IF(1,"预备党员","正式党员")`, "", model.FieldCategory},
		{4, `"第一"&"党支部"`, 0, model.FieldBranchName},
		{5, `"13712345678"`, "", model.FieldPhone},
		// The placeholder may even be the right value: the file does not
		// say, so it is not taken on trust.
		{4, `"第一"&"党支部"`, "第一党支部", model.FieldBranchName},
	}
	for _, tt := range tests {
		for _, recalc := range []bool{true, false} {
			if !recalc && tt.col != 0 && tt.col != 4 {
				continue // text results only: a date or number result's cached value needs its own cell type
			}
			name := tt.field.Label()
			if !recalc {
				name += " saved by Excel"
			}
			t.Run(name, func(t *testing.T) {
				data := roster(t, [][]any{head, row})
				f, err := excelize.OpenReader(bytes.NewReader(data))
				if err != nil {
					t.Fatal(err)
				}
				sheet := f.GetSheetName(0)
				ref, _ := excelize.CoordinatesToCellName(tt.col+1, 2)
				saved := tt.placeholder
				if !recalc {
					saved = row[tt.col] // Excel saves what it shows
				}
				if err := f.SetCellValue(sheet, ref, saved); err != nil {
					t.Fatal(err)
				}
				if err := f.SetCellFormula(sheet, ref, tt.formula); err != nil {
					t.Fatal(err)
				}
				if recalc {
					on := true
					if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &on}); err != nil {
						t.Fatal(err)
					}
				}
				buf, err := f.WriteToBuffer()
				if err != nil {
					t.Fatal(err)
				}
				rf := read(t, buf.Bytes())
				got := rejections(rf, 2)
				if !recalc {
					if len(rf.Members) != 1 || len(got) != 0 {
						t.Fatalf("members %d, rejections %v; want the member imported", len(rf.Members), got)
					}
					return
				}
				if len(rf.Members) != 0 || !strings.Contains(got[tt.field], "要求打开时重新计算") {
					t.Fatalf("members %d, rejections %v; want %s refused for a formula calculated again on opening", len(rf.Members), got, tt.field.Label())
				}
			})
		}
	}
}
