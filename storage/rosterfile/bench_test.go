package rosterfile

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/demo"
	"branchledger/storage/xlsx"
)

// Targets (issue 7): importing a 20,000-row roster — reading, checking,
// planning and writing it to the data file — takes at most 1.5× excelize's
// GetRows of the same file (BenchmarkExcelizeGetRows20000) and at most 2.5×
// its raw row stream (BenchmarkExcelizeRawStream20000). Each reports its
// CPU time too (cpu-ms/op), steadier than wall time on a shared machine.

var benchToday = model.NewDate(2026, 11, 25)

var (
	benchOnce sync.Once
	benchPath string
)

// benchFile writes the printed roster of 20,000 demo members, the kind of
// file an instructor collects, once per run.
func benchFile(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		dir, err := osMkdirTemp()
		if err != nil {
			b.Fatal(err)
		}
		benchPath = filepath.Join(dir, "roster20000.xlsx")
		const branch = "中共甘肃陇原机械制造有限公司支部委员会"
		if err := xlsx.WriteRosterFile(benchPath, branch, demo.Members(20000, 1, benchToday, branch), benchToday); err != nil {
			b.Fatal(err)
		}
	})
	return benchPath
}

func cpuNow() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// measure runs op b.N times and reports its CPU time per run.
func measure(b *testing.B, op func(i int)) {
	var cpu time.Duration
	i := 0
	for b.Loop() {
		i++
		c0 := cpuNow()
		op(i)
		cpu += cpuNow() - c0
	}
	b.ReportMetric(float64(cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

func BenchmarkImport20000(b *testing.B) {
	path := benchFile(b)
	dir := b.TempDir()
	measure(b, func(i int) {
		store, err := storage.Open(filepath.Join(dir, fmt.Sprintf("b%d.db", i)), storage.WithClock(benchToday.Time))
		if err != nil {
			b.Fatal(err)
		}
		defer store.Close()
		svc := New(store)
		p, err := svc.PreviewImport(path)
		if err != nil {
			b.Fatal(err)
		}
		if added, _, err := svc.CommitImport(p); err != nil || added != 20000 {
			b.Fatalf("added %d: %v (rejected %d)", added, err, len(p.Rejected))
		}
	})
}

// The read and the plan alone: what --dry-run does.
func BenchmarkImportDryRun20000(b *testing.B) {
	path := benchFile(b)
	store, err := storage.Open(filepath.Join(b.TempDir(), "b.db"), storage.WithClock(benchToday.Time))
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	measure(b, func(int) {
		svc := New(store) // a new service: the workbook is read each time
		p, err := svc.PreviewImport(path)
		if err != nil || len(p.Plan.Add) != 20000 {
			b.Fatalf("%d to add: %v", len(p.Plan.Add), err)
		}
	})
}

func BenchmarkExcelizeGetRows20000(b *testing.B) {
	path := benchFile(b)
	measure(b, func(int) {
		f, err := excelize.OpenFile(path)
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.GetRows(xlsx.RosterSheet)
		if err != nil || len(rows) < 20000 {
			b.Fatalf("%d rows: %v", len(rows), err)
		}
		f.Close()
	})
}

func BenchmarkExcelizeRawStream20000(b *testing.B) {
	path := benchFile(b)
	measure(b, func(int) {
		f, err := excelize.OpenFile(path)
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows(xlsx.RosterSheet)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
				b.Fatal(err)
			}
			n++
		}
		_ = rows.Close()
		f.Close()
		if n < 20000 {
			b.Fatalf("%d rows", n)
		}
	})
}

func osMkdirTemp() (string, error) { return os.MkdirTemp("", "rosterfile-bench-") }
