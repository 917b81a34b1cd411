package rosterfile

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/demo"
	"branchledger/storage/xlsx"
)

// Target (issue 2): importing a 20,000-row roster — reading, checking,
// planning and writing it to the data file — takes at most 2× what excelize
// alone needs to read the same file. Compare BenchmarkImport20000 with
// BenchmarkExcelizeGetRows20000.

var benchToday = model.NewDate(2026, 11, 25)

// benchFile writes the printed roster of 20,000 demo members, the kind of
// file an instructor collects, into the benchmark's temporary folder.
func benchFile(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "roster20000.xlsx")
	const branch = "中共甘肃陇原机械制造有限公司支部委员会"
	if err := xlsx.WriteRosterFile(path, branch, demo.Members(20000, 1, benchToday, branch), benchToday); err != nil {
		b.Fatal(err)
	}
	return path
}

func BenchmarkImport20000(b *testing.B) {
	path := benchFile(b)
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		store, err := storage.Open(filepath.Join(dir, fmt.Sprintf("b%d.db", i)), storage.WithClock(benchToday.Time))
		if err != nil {
			b.Fatal(err)
		}
		svc := New(store)
		p, err := svc.PreviewImport(path)
		if err != nil {
			b.Fatal(err)
		}
		if added, _, err := svc.CommitImport(p); err != nil || added != 20000 {
			b.Fatalf("added %d: %v (rejected %d)", added, err, len(p.Rejected))
		}
		store.Close()
	}
}

func BenchmarkExcelizeGetRows20000(b *testing.B) {
	path := benchFile(b)
	for b.Loop() {
		f, err := excelize.OpenFile(path)
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.GetRows(xlsx.RosterSheet)
		if err != nil || len(rows) < 20000 {
			b.Fatalf("%d rows: %v", len(rows), err)
		}
		f.Close()
	}
}
