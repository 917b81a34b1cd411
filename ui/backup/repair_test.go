package backup

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"branchledger/model"
	"branchledger/storage"
	bk "branchledger/storage/backup"
	"branchledger/storage/demo"
)

// From the start-up window, a data file that is empty (0 bytes) or cut
// short is repaired from a backup: the restored file opens with the
// backup's records, a copy of a cut-short file is kept beside it, and
// cancelling changes nothing.
func TestRestoreOverAnUnusableFile(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewWindow(nil)
	defer win.Close()
	src, err := storage.Open(filepath.Join(t.TempDir(), storage.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Fill(src, 6, 5, model.NewDate(2026, 11, 30)); err != nil {
		t.Fatal(err)
	}
	b, err := bk.Take(src, storage.BackupImport)
	src.Close()
	if err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(b.Path)

	for _, c := range []struct {
		name     string
		contents []byte
		keeps    bool // a copy of the unusable file is kept
	}{
		{"empty", nil, false},
		{"cut short", good[:50], true},
		{"truncated", good[:len(good)/2], true},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			target := filepath.Join(dir, storage.FileName)
			os.WriteFile(target, c.contents, 0o600)
			_, err := storage.Open(target)
			if !Repairable(err) {
				t.Fatalf("open of the %s file: %v, which the start-up window would not offer to restore", c.name, err)
			}

			// Cancelled: nothing changes, nothing is left.
			called := false
			d := restoreOver(win, b.Path, "", target, func(error) { called = true })
			if d == nil {
				t.Fatal("no question asked")
			}
			d.Dismiss()
			if got, _ := os.ReadFile(target); called || string(got) != string(c.contents) {
				t.Fatalf("cancelled: then called %v, file changed %v", called, string(got) != string(c.contents))
			}

			var result error = errors.New("not called")
			d = restoreOver(win, b.Path, "", target, func(err error) { result = err })
			d.Confirm()
			if result != nil {
				t.Fatalf("restore: %v", result)
			}
			s, err := storage.Open(target)
			if err != nil {
				t.Fatalf("the restored file: %v", err)
			}
			sum, _ := s.Summary()
			s.Close()
			if sum.Members() != 6 {
				t.Errorf("the restored file holds %d members, want 6", sum.Members())
			}
			var kept []string
			es, _ := os.ReadDir(dir)
			for _, e := range es {
				switch {
				case e.Name() == storage.FileName || e.Name() == "backups":
				case strings.HasPrefix(e.Name(), storage.FileName+".damaged-"):
					kept = append(kept, e.Name())
				default:
					t.Errorf("left beside the data file: %s", e.Name())
				}
			}
			if c.keeps != (len(kept) == 1) {
				t.Errorf("copies of the unusable file kept: %v", kept)
			}
		})
	}
}
