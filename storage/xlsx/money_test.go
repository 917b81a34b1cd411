package xlsx

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// The register's amounts are number cells holding exactly the amount in 分
// as a decimal, so Excel and WPS add them; the totals are SUM formulas
// whose stored value is the exact total.
func TestDuesMoneyCellsAreExactNumbers(t *testing.T) {
	r := duesReport(30)
	reg := &r.Register
	// Amounts whose float is not exact: the file must still hold the decimal.
	reg.Rows[0].Months[0] = model.MonthCell{State: model.MonthPaid, Amount: 8150}
	reg.Rows[0].YearDue = 123456789012 // 1,234,567,890.12
	reg.Rows[1].Months[0] = model.MonthCell{State: model.MonthPaid, Amount: 10}
	var buf bytes.Buffer
	if err := WriteDues(&buf, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	nLead := 1 + len(duesLeading)
	jan, _ := excelize.ColumnNumberToName(nLead + 1)
	due, _ := excelize.ColumnNumberToName(nLead + 13)
	for _, c := range []struct {
		cell, raw, shown string
	}{
		{jan + "5", "81.5", "81.50"},
		{jan + "6", "0.1", "0.10"},
		{due + "5", "1234567890.12", "1234567890.12"},
	} {
		typ, err := f.GetCellType(DuesRegisterSheet, c.cell)
		if err != nil || typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s: type %v %v, want a number", c.cell, typ, err)
		}
		raw, _ := f.GetCellValue(DuesRegisterSheet, c.cell, excelize.Options{RawCellValue: true})
		shown, _ := f.GetCellValue(DuesRegisterSheet, c.cell)
		if raw != c.raw || shown != c.shown {
			t.Errorf("%s: raw %q shown %q, want %q %q", c.cell, raw, shown, c.raw, c.shown)
		}
	}
	total := duesFirstRow + len(reg.Rows)
	formula, _ := f.GetCellFormula(DuesRegisterSheet, jan+strconv.Itoa(total))
	if formula != "SUM("+jan+"5:"+jan+strconv.Itoa(total-1)+")" {
		t.Errorf("total formula %q", formula)
	}
	// The summary sheet's amounts are numbers too (written as exact text).
	typ, _ := f.GetCellType(DuesSummarySheet, "N5")
	if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("summary year total type %v", typ)
	}
}
