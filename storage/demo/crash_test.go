package demo

import (
	"os"
	"path/filepath"
	"testing"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/internal/crashtest"
)

// The sample data is written in one transaction: a demo killed at any
// moment leaves the file without any of it (so that the next demo runs), or
// with all of it.
func TestKilledDemoIsAllOrNothing(t *testing.T) {
	const n = 40
	today := model.NewDate(2026, 11, 30)
	counts := func(t *testing.T, s *storage.Store) (members, activities int) {
		ms, err := s.Members()
		if err != nil {
			t.Fatal(err)
		}
		for y := today.Year - 4; y <= today.Year; y++ {
			as, err := s.Activities(y)
			if err != nil {
				t.Fatal(err)
			}
			activities += len(as)
		}
		return len(ms), activities
	}
	var full int // activities of a whole demo
	crashtest.Run(t, crashtest.Plan{
		Kills: 8,
		Work: func(dir string, round int) error {
			path := filepath.Join(dir, storage.FileName)
			s, err := storage.Open(path)
			if err != nil {
				return err
			}
			defer s.Close()
			return s.InTransaction(func(tx *storage.Store) error { return Fill(tx, n, 1, today) })
		},
		Check: func(t *testing.T, dir string, round int, finished bool) {
			path := filepath.Join(dir, storage.FileName)
			s, err := storage.Open(path)
			if err != nil {
				t.Fatalf("round %d: open after the kill: %v", round, err)
			}
			defer s.Close()
			m, a := counts(t, s)
			switch {
			case round == 0:
				full = a
			case m == 0 && a == 0 && !finished:
			case m >= n && a == full:
			default:
				t.Fatalf("round %d: %d members and %d activities, want none or all (%d, %d)", round, m, a, n, full)
			}
			if m > 0 {
				// Start again from an empty file for the next round.
				s.Close()
				if err := removeAll(path); err != nil {
					t.Fatal(err)
				}
			}
		},
	})
}

func removeAll(path string) error {
	for _, p := range []string{path, path + "-journal"} {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}
