package xlsx

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// A formula cell whose result the file does not hold (other programs, and
// excelize, write formulas without one) shows the user a value once Excel
// or WPS works it out; read as empty it would store an empty 所在党支部 or
// blame the wrong thing ("请填写姓名"). Refused saying so, for its field,
// in the roster and the pipeline alike (attack7 #5).
func TestFormulaWithoutSavedResultIsRefused(t *testing.T) {
	id := idNumber("19850312", "011")
	head := []any{"姓名", "公民身份号码", "加入党组织日期", "人员类别", "所在党支部", "联系电话"}
	row := []any{"周文斌", id, "2010-07-01", "预备党员", "第一党支部", "13712345678"}
	tests := []struct {
		col     int
		formula string
		field   model.Field
	}{
		{0, `"周"&"文斌"`, model.FieldName},
		{1, `"620102"&"198503120115"`, model.FieldIDNumber},
		{2, `DATE(2010,7,1)`, model.FieldJoinDate},
		{3, `IF(1,"预备党员","正式党员")`, model.FieldCategory},
		{4, `"第一"&"党支部"`, model.FieldBranchName},
		{5, `137*100000000+12345678`, model.FieldPhone},
	}
	for _, tt := range tests {
		t.Run(tt.field.Label(), func(t *testing.T) {
			data := roster(t, [][]any{head, row, row})
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			sheet := f.GetSheetName(0)
			ref, _ := excelize.CoordinatesToCellName(tt.col+1, 2)
			if err := f.SetCellValue(sheet, ref, nil); err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellFormula(sheet, ref, tt.formula); err != nil {
				t.Fatal(err)
			}
			// Row 3 is the same person without the formula: deleted, so that
			// it is not a duplicate.
			if err := f.RemoveRow(sheet, 3); err != nil {
				t.Fatal(err)
			}
			buf, err := f.WriteToBuffer()
			if err != nil {
				t.Fatal(err)
			}
			rf := read(t, buf.Bytes())
			got := rejections(rf, 2)
			if len(rf.Members) != 0 || !strings.Contains(got[tt.field], "没有保存它的计算结果") {
				t.Fatalf("members %d, rejections %v; want %s refused for its unsaved formula", len(rf.Members), got, tt.field.Label())
			}
			for f, why := range got {
				if f != tt.field {
					t.Errorf("also refused %s: %s", f.Label(), why)
				}
			}
		})
	}

	t.Run("a whole row of formulas is refused, not skipped", func(t *testing.T) {
		sheet := `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
			`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>` +
			`<row r="2"><c r="A2" t="str"><f>"张"&amp;"三"</f></c><c r="B2" t="str"><f>"6201"&amp;"02"</f></c><c r="C2"><f>DATE(2010,7,1)</f></c></row>` +
			`</sheetData></worksheet>`
		rf := read(t, minimalPackage(t, sheet, fuzzShared))
		if got := rejections(rf, 2); !strings.Contains(got[model.FieldName], "没有保存它的计算结果") {
			t.Errorf("rejections %v, members %d", got, len(rf.Members))
		}
	})

	t.Run("a formula with its saved result is read as it shows", func(t *testing.T) {
		sheet := fmt.Sprintf(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+
			`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`+
			`<row r="2"><c r="A2" t="str"><f>"张"&amp;"三"</f><v>张三</v></c><c r="B2" t="inlineStr"><is><t>%s</t></is></c><c r="C2" t="str"><f>"2010"&amp;".07"</f><v>2010.07</v></c></row>`+
			`</sheetData></worksheet>`, id)
		rf := read(t, minimalPackage(t, sheet, fuzzShared))
		if m := member(t, rf, 2); m.Name != "张三" || m.JoinDate != model.MonthDate(2010, 7) {
			t.Errorf("read %q %v", m.Name, m.JoinDate)
		}
	})

	t.Run("the pipeline refuses it too", func(t *testing.T) {
		wb := workbook{sheets: []sheetSpec{{name: "台账", rows: [][]any{{"姓名", "公民身份号码", "申请入党日期"}, {"蒋卫东", id, "2024-01-05"}}}}}
		f, err := excelize.OpenReader(bytes.NewReader(wb.bytes(t)))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellValue("台账", "A2", nil); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellFormula("台账", "A2", `"蒋"&"卫东"`); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "台账.xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		rp, err := ReadRecruitFile(path, today)
		if err != nil {
			t.Fatal(err)
		}
		if len(rp.Rows) != 0 || len(rp.Rejected) == 0 || !strings.Contains(rp.Rejected[0].Reason, "没有保存它的计算结果") {
			t.Errorf("rows %d, rejected %+v", len(rp.Rows), rp.Rejected)
		}
	})
}
