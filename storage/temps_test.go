package storage

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// What earlier versions left under ".branchledger-tmp-" when they were
// stopped — a plain snapshot of the branch in the system's temporary
// folder, a restore's staged file beside the data file, a half-written
// automatic backup — is removed when the data file is next opened, once it
// is old; a fresh one (another copy of the app may be writing it) and
// files of other programs stay.
func TestOpenRemovesWhatEarlierVersionsLeft(t *testing.T) {
	tmp := filepath.Join(t.TempDir(), "system-temp")
	os.Mkdir(tmp, 0o700)
	t.Setenv("TMPDIR", tmp)
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	backups := BackupsDir(path)
	os.MkdirAll(backups, 0o755)

	old := time.Now().Add(-time.Hour)
	leave := func(name string, folder bool, at time.Time) {
		t.Helper()
		if folder {
			if err := os.Mkdir(name, 0o700); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(name, FileName), []byte("支部的全部党员"), 0o600)
		} else if err := os.WriteFile(name, []byte("支部的全部党员"), 0o600); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(name, at, at)
	}
	leave(filepath.Join(tmp, TempPrefix+"pkg-123456"), true, old)
	leave(filepath.Join(tmp, TempPrefix+"open-654321"), true, old)
	leave(filepath.Join(dir, TempPrefix+FileName+".restore"), false, old)
	leave(filepath.Join(backups, TempPrefix+"branchledger-20261101-090000-import.db"), false, old)
	leave(filepath.Join(tmp, TempPrefix+"pkg-999"), true, time.Now()) // being written
	leave(filepath.Join(tmp, "other-program.tmp"), false, old)

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	names := func(d string) []string {
		es, _ := os.ReadDir(d)
		var out []string
		for _, e := range es {
			out = append(out, e.Name())
		}
		return out
	}
	if got, want := names(tmp), []string{TempPrefix + "pkg-999", "other-program.tmp"}; !slices.Equal(got, want) {
		t.Errorf("in the system's temporary folder: %v, want %v", got, want)
	}
	if got := names(dir); !slices.Equal(got, []string{"backups", FileName}) {
		t.Errorf("beside the data file: %v", got)
	}
	if got := names(backups); len(got) != 0 {
		t.Errorf("in the backups folder: %v", got)
	}
}
