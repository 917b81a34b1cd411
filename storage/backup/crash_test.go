package backup

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
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
	c, err := Open(backupPath, datapkg.ReadOptions{TempDir: filepath.Dir(dataPath)})
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
// changes the file. Nothing of the branch's is ever written to the system's
// temporary folder, and what a kill leaves beside the data file is gone
// once it is opened again.
func TestKilledRestoreLeavesOldOrRestoredFile(t *testing.T) {
	tmp := systemTemp(t)
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
			for _, name := range dirNames(t, dir) {
				switch name {
				case storage.FileName, "backups", backups[0], backups[1]:
				default:
					t.Errorf("round %d: %s left in the data folder", round, name)
				}
			}
			for _, name := range dirNames(t, filepath.Join(dir, "backups")) {
				if strings.HasPrefix(name, ".") {
					t.Errorf("round %d: %s left in the backups folder", round, name)
				}
			}
			if names := dirNames(t, tmp); len(names) != 0 {
				t.Errorf("round %d: %v in the system's temporary folder", round, names)
			}
			if _, err := os.Stat(path + "-journal"); err == nil {
				t.Errorf("round %d: a journal is left", round)
			}
		},
	})
}

// A backup to a USB drive killed at any moment never leaves a copy of the
// branch's records in the system's temporary folder; what it leaves beside
// the data file is gone once the file is opened again, and what it leaves
// on the drive once the next backup is written there. A package on the
// drive is always whole. (Unencrypted, to keep the rounds short: a
// passphrase changes only what is written to the drive, not where the
// snapshot is taken.)
func TestKilledBackupLeavesNothingBehind(t *testing.T) {
	tmp := systemTemp(t)
	crashtest.Run(t, crashtest.Plan{
		Kills: 20,
		Setup: func(t *testing.T, dir string) {
			os.Mkdir(filepath.Join(dir, "data"), 0o755)
			os.Mkdir(filepath.Join(dir, "usb"), 0o755)
			s, err := storage.Open(filepath.Join(dir, "data", storage.FileName))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := demo.Fill(s, 60, 3, model.DateOf(time.Now())); err != nil {
				t.Fatal(err)
			}
		},
		Work: func(dir string, round int) error {
			s, err := storage.Open(filepath.Join(dir, "data", storage.FileName))
			if err != nil {
				return err
			}
			defer s.Close()
			out := filepath.Join(dir, "usb", fmt.Sprintf("第%d次"+datapkg.Ext, round))
			_, err = NewService(s, "0.1.0").BackupTo(out, "")
			return err
		},
		Check: func(t *testing.T, dir string, round int, finished bool) {
			if names := dirNames(t, tmp); len(names) != 0 {
				t.Errorf("round %d: %v in the system's temporary folder", round, names)
			}
			s, err := storage.Open(filepath.Join(dir, "data", storage.FileName))
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			defer s.Close()
			for _, name := range dirNames(t, filepath.Join(dir, "data")) {
				if name != storage.FileName && name != storage.FileName+"-journal" {
					t.Errorf("round %d: %s left beside the data file", round, name)
				}
			}
			usb := filepath.Join(dir, "usb")
			if _, err := NewService(s, "0.1.0").BackupTo(filepath.Join(usb, "下一次"+datapkg.Ext), ""); err != nil {
				t.Fatalf("round %d: the next backup: %v", round, err)
			}
			for _, name := range dirNames(t, usb) {
				if strings.HasPrefix(name, ".") {
					t.Errorf("round %d: %s left on the drive after the next backup", round, name)
					continue
				}
				p, err := datapkg.Open(filepath.Join(usb, name), datapkg.ReadOptions{TempDir: t.TempDir()})
				if err != nil {
					t.Errorf("round %d: %s on the drive does not open: %v", round, name, err)
					continue
				}
				p.Close()
			}
			if finished {
				if _, err := os.Stat(filepath.Join(usb, fmt.Sprintf("第%d次"+datapkg.Ext, round))); err != nil {
					t.Errorf("round %d: the finished backup is missing: %v", round, err)
				}
			}
		},
	})
}

// systemTemp points the system's temporary folder ($TMPDIR) at an empty
// folder of the test's and returns it: what the code under test puts
// there shows.
func systemTemp(t *testing.T) string {
	if crashtest.IsChild() {
		return os.Getenv("TMPDIR") // the parent's, inherited
	}
	// The test's own temporary folder is made first, outside it.
	dir := filepath.Join(t.TempDir(), "system-temp")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", dir)
	return dir
}
