package xlsx

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// The largest base the rules allow gives 月应交 20000.00 (2% of 1,000,000),
// which the register's 月应交 column printed as ### (review s14-attack8 #6):
// the column is as wide as its largest amount needs, and an ordinary
// register keeps its widths.
func TestRegisterMoneyColumnsHoldTheLargestAmount(t *testing.T) {
	widthOf := func(r *DuesReport, head string) float64 {
		t.Helper()
		var buf bytes.Buffer
		if err := WriteDues(&buf, r); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, _ := f.GetRows(DuesRegisterSheet)
		for _, row := range rows {
			for c, cell := range row {
				if cell == head {
					name, _ := excelize.ColumnNumberToName(c + 1)
					w, err := f.GetColWidth(DuesRegisterSheet, name)
					if err != nil {
						t.Fatal(err)
					}
					return w
				}
			}
		}
		t.Fatalf("no column %s", head)
		return 0
	}
	ordinary := duesReport(30)
	if w := widthOf(ordinary, model.HeadMonthly); w != 7 {
		t.Errorf("ordinary register: 月应交 %.1f wide, want 7 as before", w)
	}
	big := duesReport(30)
	rules := model.CurrentDuesRules()
	for i := range big.Register.Rows {
		if r := &big.Register.Rows[i]; r.HasBase {
			r.Base = model.DuesBase{MemberID: r.Base.MemberID, Year: 2026, Category: model.DuesEmployed, Base: rules.MaxBase}
			r.Monthly, _, _ = r.Base.Monthly(rules)
			break
		}
	}
	// A digit is about one unit of column width; the cell's padding takes
	// about half of one more.
	need := float64(len(model.Yuan(20000).String())) + 0.5
	if w := widthOf(big, model.HeadMonthly); w < need {
		t.Errorf("月应交 20000.00 in a column %.1f wide, needs %.1f (prints ###)", w, need)
	}
}
