package backup

import (
	"maps"
	"os"
	"path/filepath"
	"testing"
	"time"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/datapkg"
	"branchledger/storage/demo"
	"branchledger/storage/internal/crashtest"
)

// restoreOnce is the whole restore the window and `branchledger restore` do:
// open the data file, read and check the backup, back the current file up,
// write the restored one beside it, close, rename it into place.
func restoreOnce(dataPath, backupPath string) error {
	s, err := storage.Open(dataPath)
	if err != nil {
		return err
	}
	defer s.Close()
	c, err := Open(backupPath, datapkg.ReadOptions{})
	if err != nil {
		return err
	}
	defer c.Close()
	st, err := Stage(s, c, false)
	if err != nil {
		return err
	}
	if err := s.Close(); err != nil {
		st.Discard()
		return err
	}
	return st.Commit()
}

// A restore killed at any moment (a power cut, a pulled stick) leaves a data
// file that opens, passes the full integrity check and is whole: the file as
// it was, or the backup — never a mix, never missing. The rounds restore two
// backups of the branch in turn (120 and 125 members), so that each round
// changes the file.
func TestKilledRestoreLeavesOldOrRestoredFile(t *testing.T) {
	backups := []string{"twenty.db", "twentyfive.db"}
	var counts [2]map[string]int
	var current map[string]int // what the file held after the last check
	crashtest.Run(t, crashtest.Plan{
		Kills: 40,
		Setup: func(t *testing.T, dir string) {
			s, err := storage.Open(filepath.Join(dir, storage.FileName))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			today := model.DateOf(time.Now())
			if err := demo.Fill(s, 120, 3, today); err != nil {
				t.Fatal(err)
			}
			// The backups come from elsewhere, as from a USB drive.
			keep := func(i int) {
				if err := s.Snapshot(filepath.Join(dir, backups[i])); err != nil {
					t.Fatal(err)
				}
				sum, err := s.Summary()
				if err != nil {
					t.Fatal(err)
				}
				counts[i] = sum.Counts
			}
			keep(0)
			for _, m := range demo.Members(5, 11, today, "") {
				if _, err := s.AddMember(m, nil); err != nil {
					t.Fatal(err)
				}
			}
			keep(1)
			current = counts[1]
		},
		Work: func(dir string, round int) error {
			return restoreOnce(filepath.Join(dir, storage.FileName), filepath.Join(dir, backups[round%2]))
		},
		Check: func(t *testing.T, dir string, round int, finished bool) {
			path := filepath.Join(dir, storage.FileName)
			// As the app opens a file: the store, then the day's backup,
			// which clears what a killed backup left.
			s, err := storage.Open(path)
			if err != nil {
				t.Fatalf("round %d: after the kill the data file does not open: %v", round, err)
			}
			if _, _, err := Daily(s); err != nil {
				t.Errorf("round %d: %v", round, err)
			}
			s.Close()
			got, err := storage.Inspect(path)
			if err != nil {
				t.Fatalf("round %d: after the kill: %v", round, err)
			}
			target := counts[round%2]
			switch {
			case maps.Equal(got.Counts, target):
			case finished:
				t.Fatalf("round %d: the restore finished but the file holds %v, not the backup's %v", round, got.Counts, target)
			case !maps.Equal(got.Counts, current):
				t.Fatalf("round %d: the file holds %v, neither the old %v nor the restored %v", round, got.Counts, current, target)
			}
			current = got.Counts
			// The restored file written beside the data file may be left
			// by a kill; the next restore replaces it. Nothing else is.
			for _, name := range dirNames(t, dir) {
				switch name {
				case storage.FileName, "backups", backups[0], backups[1], storage.TempPrefix + storage.FileName + ".restore":
				default:
					t.Errorf("round %d: %s left in the data folder", round, name)
				}
			}
			if _, err := os.Stat(path + "-journal"); err == nil {
				t.Errorf("round %d: a journal is left", round)
			}
		},
	})
}
