package storage

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"branchledger/storage/internal/faultfs"
)

// A data file on a write-protected USB stick opens read-only: its records
// can be read, every write fails with a sentence saying why, and the file
// is left exactly as it was.
func TestReadOnlyMediaOpensReadOnly(t *testing.T) {
	path := writeRoster(t, 5)
	before := fileHash(t, path)
	ro := filepath.Join(faultfs.ReadOnly(t, filepath.Dir(path)), FileName)
	checkReadOnly(t, ro)
	if fileHash(t, path) != before {
		t.Error("the read-only file changed")
	}
}

// The same for a file marked read-only (Windows' 只读 box, chmod a-w).
// Root ignores the mark, so this runs only as another user.
func TestReadOnlyFileOpensReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write a read-only file; TestReadOnlyMediaOpensReadOnly covers this as root")
	}
	path := writeRoster(t, 5)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, path)
	checkReadOnly(t, path)
	if fileHash(t, path) != before {
		t.Error("the read-only file changed")
	}
}

func checkReadOnly(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open of a read-only file: %v", err)
	}
	defer s.Close()
	if !s.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
	if ms, err := s.Members(); err != nil || len(ms) != 5 {
		t.Errorf("reading: %d members, %v", len(ms), err)
	}
	if _, err := s.Profile(); err != nil {
		t.Errorf("Profile: %v", err)
	}
	done := make(chan error, 1)
	s.StartCheck(func(err error) { done <- err })
	if err := <-done; err != nil {
		t.Errorf("the integrity check of a read-only file: %v", err)
	}
	_, err = s.AddMember(newMember(77), nil)
	if err == nil || !strings.Contains(err.Error(), "数据文件是只读的") {
		t.Errorf("AddMember: %v, want a sentence saying the file is read-only", err)
	}
	t.Logf("write refused: %v", err)
}

// A new data file on a write-protected drive: one sentence saying so, not
// SQLite's "out of memory (14)".
func TestNewFileOnReadOnlyMedia(t *testing.T) {
	ro := faultfs.ReadOnly(t, t.TempDir())
	for _, path := range []string{filepath.Join(ro, FileName), filepath.Join(ro, "新文件夹", FileName)} {
		s, err := Open(path)
		if err == nil {
			s.Close()
			t.Fatalf("Open(%s) on a read-only drive succeeded", path)
		}
		t.Logf("refused: %v", err)
		if !strings.HasPrefix(err.Error(), "无法新建数据文件 "+path) || !strings.Contains(err.Error(), "只读") {
			t.Errorf("message %q should say the new file cannot be made because the place is read-only", err)
		}
	}
}

// A read-only file that this version would first have to upgrade is
// refused with a sentence saying what to do.
func TestReadOnlyFileNeedingUpgradeIsRefused(t *testing.T) {
	saved := migrations
	migrations = migrations[:1]
	path := writeRoster(t, 2)
	migrations = saved
	ro := filepath.Join(faultfs.ReadOnly(t, filepath.Dir(path)), FileName)
	s, err := Open(ro)
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded")
	}
	if !errors.Is(err, ErrReadOnlyUpgrade) {
		t.Fatalf("Open: %v, want ErrReadOnlyUpgrade", err)
	}
	t.Logf("refused: %v", err)
}

// A read-only copy of a file a crash left with a hot journal cannot be
// rolled back where it is: refused with a sentence saying to copy both
// files somewhere writable. Copied there, it opens as it was before the
// interrupted write.
func TestReadOnlyFileWithHotJournal(t *testing.T) {
	path := writeRoster(t, 5)
	crashed := filepath.Join(t.TempDir(), "crashed")
	if err := os.Mkdir(crashed, 0o755); err != nil {
		t.Fatal(err)
	}
	// A write big enough to spill into the data file, copied, journal and
	// all, before it commits: the state a crash leaves.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	var importsBefore int
	if err := db.QueryRow("SELECT count(*) FROM imports").Scan(&importsBefore); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA cache_size = 8"); err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for i := range 300 {
		if _, err := tx.Exec("UPDATE members SET notes = ? WHERE id = ?", strings.Repeat("改", 400), i%5+1); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec("INSERT INTO imports (source, at, added, updated, unchanged, created_at, updated_at) VALUES (?, 'x', 0, 0, 0, 'x', 'x')", strings.Repeat("源", 300)); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{FileName, FileName + "-journal"} {
		b, err := os.ReadFile(filepath.Join(filepath.Dir(path), name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(crashed, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tx.Rollback()
	db.Close()
	if !journalHot(filepath.Join(crashed, FileName)) {
		t.Fatal("the copied journal is not hot; the test did not make the state it wants")
	}

	ro := filepath.Join(faultfs.ReadOnly(t, crashed), FileName)
	s, err := Open(ro)
	if err == nil {
		s.Close()
		t.Fatal("Open of a read-only file with a hot journal succeeded")
	}
	if !errors.Is(err, ErrReadOnlyJournal) {
		t.Fatalf("Open: %v, want ErrReadOnlyJournal", err)
	}
	t.Logf("refused: %v", err)

	// Where it can be written, the journal is played back.
	s = openCrashed(t, filepath.Join(crashed, FileName))
	var imports int
	s.db.Raw("SELECT count(*) FROM imports").Scan(&imports)
	if ms, _ := s.Members(); len(ms) != 5 || imports != importsBefore || ms[0].Notes != "" {
		t.Errorf("after recovery: %d members, %d imports, notes of %d characters; want the file before the write (5, %d, 0)",
			len(ms), imports, len([]rune(ms[0].Notes)), importsBefore)
	}
}
