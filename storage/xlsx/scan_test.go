package xlsx

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestScanNumericCells(t *testing.T) {
	const sheet = `<?xml version="1.0"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>620503198712143000</x:v></x:c></x:row>
<!-- <row r="2"><c r="B2"><v>1</v></c></row> -->
<x:row><x:c t="inlineStr"><x:is><x:t><![CDATA[<c r="B2"><v>1</v></c>]]></x:t></x:is></x:c><x:c t="str"><x:v>6.2E+17</x:v></x:c></x:row>
<row r="5" spans="1:3"><c r="A5" s="2" t="n"><v>1</v></c><c s="3"/><c t = 'n'><v>2</v></c></row>
<row><c r="C6"><v>3</v></c></row>
</x:sheetData>
<row r="9"><c r="B9"><v>1</v></c></row>`
	nc := scanNumericCells([]byte(sheet), []int{0, 1, 2})
	tests := []struct {
		name     string
		row, col int
		want     bool
	}{
		{"shared string", 1, 0, false},
		{"number without t", 1, 1, true},
		{"inline string holding markup in CDATA", 2, 0, false},
		{"formula string", 2, 1, false},
		{"t=n", 5, 0, true},
		{"empty styled cell counts on", 5, 1, true},
		{"third cell without r, single quotes", 5, 2, true},
		{"row without r follows row 5", 6, 2, true},
		{"commented out row", 2, 2, false},
		{"after sheetData", 9, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, known := nc.numeric(tt.row, tt.col)
			if got != tt.want || !known {
				t.Errorf("numeric(%d, %d) = %v, %v; want %v", tt.row, tt.col, got, known, tt.want)
			}
		})
	}
	if _, known := nc.numeric(1, 7); known {
		t.Error("a column not asked for is known")
	}
	var none *numericCells
	if _, known := none.numeric(1, 1); known {
		t.Error("no scan, yet known")
	}
}

// The scan must agree with excelize's own idea of each cell's type.
func TestScanNumericCellsAgreesWithExcelize(t *testing.T) {
	data := workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{
		{"姓名", "公民身份号码", "入党时间"},
		{"甲", numberCell("620503198712143000"), dateCell(40000)},
		{"乙", "620503198712143000", "2010.07"},
		{},
		{"丙", numberCell("6.20503198712143E+17"), numberCell("2010.1")},
	}}}}.bytes(t)
	f, err := openWorkbook(data)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	nc := scanNumericCells(sheetXML(f, "Sheet1"), []int{1, 2})
	for row := 1; row <= 5; row++ {
		for col := 1; col <= 2; col++ {
			ref, _ := excelize.CoordinatesToCellName(col+1, row)
			v, _ := f.GetCellValue("Sheet1", ref)
			typ, _ := f.GetCellType("Sheet1", ref)
			want := v != "" && (typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset)
			if got, _ := nc.numeric(row, col); got != want && v != "" {
				t.Errorf("%s: scan says numeric=%v, excelize type %v", ref, got, typ)
			}
		}
	}
}
