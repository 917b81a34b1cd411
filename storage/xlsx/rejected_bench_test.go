package xlsx

import (
	"bytes"
	"io"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

var (
	benchRefusedOnce sync.Once
	benchRefused     []byte
)

// benchRefusedData is benchData's workbook with every ID number's check
// character wrong: 20,000 rows the import refuses, as a roster typed from
// a register with a bad ID column arrives.
func benchRefusedData(b *testing.B) []byte {
	_, data := benchData(b)
	benchRefusedOnce.Do(func() {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		for r := 3; r < benchMembers+3; r++ {
			ref, _ := excelize.CoordinatesToCellName(5, r)
			id, _ := f.GetCellValue("Sheet1", ref)
			last := byte('0')
			if id[17] == '0' {
				last = '1'
			}
			_ = f.SetCellStr("Sheet1", ref, id[:17]+string(last))
		}
		buf, err := f.WriteToBuffer()
		if err != nil {
			b.Fatal(err)
		}
		benchRefused = buf.Bytes()
	})
	return benchRefused
}

// BenchmarkWriteRejected20000 is 导出问题行 (and --errors) of 20,000
// refused rows: the workbook of those rows, from the file's bytes and the
// refusals. Target (brief m7): under 2 s, or it runs with progress off the
// UI goroutine.
func BenchmarkWriteRejected20000(b *testing.B) {
	data := benchRefusedData(b)
	rf, err := ReadRoster(bytes.NewReader(data), ReadOptions{Today: today})
	if err != nil {
		b.Fatal(err)
	}
	if len(rf.Rejected) < benchMembers {
		b.Fatalf("%d refused", len(rf.Rejected))
	}
	cpu := startCPU()
	defer cpu.report(b)
	for b.Loop() {
		n, err := WriteRejectedRows(io.Discard, data, rf.Rejected, nil)
		if err != nil || n != benchMembers {
			b.Fatalf("wrote %d: %v", n, err)
		}
	}
}
