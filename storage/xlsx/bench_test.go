package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage/demo"
)

// Targets: importing a roster takes at most 2× what excelize alone needs to
// read the same sheet; exporting at most 1.5× a bare StreamWriter writing the
// same cells. Compare BenchmarkReadRoster20000 with BenchmarkExcelizeRead20000
// and BenchmarkWriteRoster20000 with BenchmarkBareStreamWriter20000.

const benchMembers = 20000

var (
	benchOnce   sync.Once
	benchRoster []model.Member
	benchFile   []byte
)

// benchData is 20,000 members and a roster workbook of them as branches
// keep it: shared strings, a title, dates typed in several styles and some
// real date cells.
func benchData(b *testing.B) ([]model.Member, []byte) {
	benchOnce.Do(func() {
		benchRoster = demo.Members(benchMembers, 1, today, branch)
		f := excelize.NewFile()
		defer f.Close()
		sheet := "Sheet1"
		dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		_ = f.SetCellStr(sheet, "A1", branch+"党员花名册")
		_ = f.SetSheetRow(sheet, "A2", &[]any{"序号", "姓名", "性别", "民族", "身份证号码", "出生年月", "文化程度",
			"党员类别", "入党时间", "转正时间", "工作单位及职务", "联系电话", "家庭住址", "备注"})
		for i := range benchRoster {
			m := &benchRoster[i]
			join := any(fmt.Sprintf("%d.%02d", m.JoinDate.Year, int(m.JoinDate.Month)))
			if i%3 == 0 {
				join = m.JoinDate.Time() // a real date cell
			}
			full := any(m.FullDate.Chinese())
			row := []any{i + 1, m.Name, string(m.Sex), m.Ethnicity, m.IDNumber, m.BirthDate.String(), m.Education,
				string(m.Category), join, full, m.Post, m.Phone, m.Address, m.Notes}
			cell, _ := excelize.CoordinatesToCellName(1, i+3)
			if err := f.SetSheetRow(sheet, cell, &row); err != nil {
				panic(err)
			}
			if i%3 == 0 {
				ref, _ := excelize.CoordinatesToCellName(9, i+3)
				_ = f.SetCellStyle(sheet, ref, ref, dateStyle)
			}
		}
		buf, err := f.WriteToBuffer()
		if err != nil {
			panic(err)
		}
		benchFile = buf.Bytes()
	})
	return benchRoster, benchFile
}

func BenchmarkReadRoster20000(b *testing.B) {
	_, data := benchData(b)
	b.SetBytes(int64(len(data)))
	cpu := startCPU()
	defer cpu.report(b)
	for b.Loop() {
		rf, err := ReadRoster(bytes.NewReader(data), ReadOptions{Today: today})
		if err != nil {
			b.Fatal(err)
		}
		if len(rf.Members) != benchMembers {
			b.Fatalf("imported %d of %d: %v", len(rf.Members), benchMembers, rf.Rejected[:min(3, len(rf.Rejected))])
		}
	}
}

// BenchmarkExcelizeRead20000 is the baseline: excelize opening the same
// file and streaming every row of the sheet (what GetRows does), nothing else.
func BenchmarkExcelizeRead20000(b *testing.B) { benchExcelizeRead(b) }

// BenchmarkExcelizeReadRaw20000 is the stricter baseline: the same with raw
// cell values, as ReadRoster asks for them, which skips number formatting.
func BenchmarkExcelizeReadRaw20000(b *testing.B) { benchExcelizeRead(b, rawValues) }

func benchExcelizeRead(b *testing.B, opts ...excelize.Options) {
	_, data := benchData(b)
	b.SetBytes(int64(len(data)))
	cpu := startCPU()
	defer cpu.report(b)
	for b.Loop() {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			if _, err := rows.Columns(opts...); err != nil {
				b.Fatal(err)
			}
			n++
		}
		_ = rows.Close()
		_ = f.Close()
		if n != benchMembers+2 {
			b.Fatalf("%d rows", n)
		}
	}
}

func BenchmarkWriteRoster20000(b *testing.B) {
	ms, _ := benchData(b)
	for b.Loop() {
		if err := WriteRoster(io.Discard, branch, ms, today); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBareStreamWriter20000 is the baseline: a StreamWriter writing
// the same cells with no styles, widths or page setup.
func BenchmarkBareStreamWriter20000(b *testing.B) {
	ms, _ := benchData(b)
	cols := rosterColumns(branch, ms)
	for b.Loop() {
		f := excelize.NewFile()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		_ = sw.SetRow("A1", []any{rosterTitle(branch)})
		_ = sw.SetRow("A2", []any{rosterInfo(ms, today)})
		row := make([]any, len(cols)+1)
		row[0] = serialHeading
		for j, pc := range cols {
			row[j+1] = pc.label
		}
		_ = sw.SetRow("A3", row)
		for i := range ms {
			row[0] = i + 1
			for j, pc := range cols {
				row[j+1] = pc.text(&ms[i])
			}
			cell, _ := excelize.CoordinatesToCellName(1, firstRow+i)
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

// BenchmarkReadRosterRepeatedIDs20000 reads 20,000 rows whose every ID
// number is given 20 times (a hostile file, or one copied over and over):
// every row is refused, and the refusals must not cost a pass over the
// members each (review wd2: 8.3 s of a 9.5 s read). Compare with
// BenchmarkReadRoster20000.
func BenchmarkReadRosterRepeatedIDs20000(b *testing.B) {
	ms, _ := benchData(b)
	f := excelize.NewFile()
	defer f.Close()
	_ = f.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "性别", "身份证号码", "党员类别", "入党时间", "转正时间"})
	for i := range ms {
		m := &ms[i-i%20] // the same person 20 times over
		row := []any{m.Name, string(m.Sex), m.IDNumber, string(m.Category), m.JoinDate.String(), m.FullDate.String()}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			b.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	cpu := startCPU()
	defer cpu.report(b)
	for b.Loop() {
		rf, err := ReadRoster(bytes.NewReader(data), ReadOptions{Today: today})
		if err != nil {
			b.Fatal(err)
		}
		if len(rf.Members) != 0 || len(rf.Rejected) < benchMembers {
			b.Fatalf("stored %d, refused %d: want every row refused", len(rf.Members), len(rf.Rejected))
		}
	}
}
