package storage

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"branchledger/model"
)

// The day the ledger was opened (where the activity records begin,
// model.RecordsBegin) is kept inside the data file (branch.created_at,
// written once when the file is made), not read from the file system: a
// copy made later, with a new modification time — a restore from a backup,
// a file moved from a USB drive — opens with the same day.
func TestRecordsBeginTravelsWithTheFile(t *testing.T) {
	opened := time.Date(2024, 3, 5, 12, 0, 0, 0, beijing)
	path := filepath.Join(t.TempDir(), FileName)
	s, err := Open(path, WithClock(func() time.Time { return opened }))
	if err != nil {
		t.Fatal(err)
	}
	snapshot := filepath.Join(t.TempDir(), "snapshot.db")
	if err := s.Snapshot(snapshot); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	copied := filepath.Join(t.TempDir(), "从U盘拷来", FileName)
	if err := os.MkdirAll(filepath.Dir(copied), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(copied, data, 0o600); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(400 * 24 * time.Hour)
	for _, p := range []string{copied, snapshot} {
		if err := os.Chtimes(p, later, later); err != nil {
			t.Fatal(err)
		}
		c, err := Open(p, WithClock(func() time.Time { return later }))
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.FileCreated()
		c.Close()
		if err != nil {
			t.Fatal(err)
		}
		if want := model.DateOf(opened.Local()); got != want {
			t.Errorf("%s: records begin %v, want %v (the day the ledger was opened)", filepath.Base(p), got, want)
		}
	}
}
