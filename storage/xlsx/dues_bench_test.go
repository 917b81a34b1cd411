package xlsx

import (
	"io"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// Target: the year's dues register of 20,000 members exported in at most
// 1.5× the time a bare StreamWriter takes to write the same cells. Compare
// BenchmarkWriteDues20000 with BenchmarkBareStreamWriterDues20000.

var (
	duesBenchOnce   sync.Once
	duesBenchReport *DuesReport
)

func duesBench() *DuesReport {
	duesBenchOnce.Do(func() { duesBenchReport = duesReport(benchMembers) })
	return duesBenchReport
}

func BenchmarkWriteDues20000(b *testing.B) {
	r := duesBench()
	for b.Loop() {
		if err := WriteDues(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBareStreamWriterDues20000 is the baseline: the same cells of the
// register sheet, with no styles, merges, widths, page setup or summary.
func BenchmarkBareStreamWriterDues20000(b *testing.B) {
	r := duesBench()
	reg := &r.Register
	first, current := model.MonthOf(reg.Year, 1), model.MonthOfDate(r.PrintedOn)
	total := 1 + len(duesLeading) + 12 + len(duesTrailing)
	for b.Loop() {
		f := excelize.NewFile()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		_ = sw.SetRow("A1", []any{duesTitle(r, "党费收缴登记表")})
		_ = sw.SetRow("A2", []any{"填报日期"})
		row := make([]any, total)
		for i := range row {
			row[i] = "实交"
		}
		_ = sw.SetRow("A3", row)
		_ = sw.SetRow("A4", row)
		for i := range reg.Rows {
			rr := &reg.Rows[i]
			row[0] = i + 1
			for j, c := range duesLeading {
				row[1+j] = c.text(rr)
			}
			for k := range 12 {
				row[1+len(duesLeading)+k] = monthText(rr.Months[k], first+model.Month(k), current)
			}
			for j, c := range duesTrailing {
				row[1+len(duesLeading)+12+j] = c.text(rr)
			}
			cell, _ := excelize.CoordinatesToCellName(1, duesFirstRow+i)
			if err := sw.SetRow(cell, row); err != nil {
				b.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			b.Fatal(err)
		}
		if _, err := f.WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
		_ = f.Close()
	}
}
