package storage

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gorm.io/gorm"
)

// The data file unpacked from a data package is opened read-only and
// immutable (issue 11): nothing of it is written, not even a lock or a
// journal, and a write is refused.
func TestCheckedCopyIsReadOnlyAndUntouched(t *testing.T) {
	path := writeRoster(t, 3)
	if _, err := Inspect(path); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, path)
	s, err := Open(path, CheckedCopy())
	if err != nil {
		t.Fatal(err)
	}
	if !s.ReadOnly() {
		t.Error("a checked copy of this version is not opened read-only")
	}
	if ms, err := s.Members(); err != nil || len(ms) != 3 {
		t.Errorf("members of the copy: %d, %v", len(ms), err)
	}
	if err := s.db.Exec("UPDATE members SET name = 'x'").Error; !errors.Is(err, ErrReadOnly) {
		t.Errorf("a write to the copy: %v, want ErrReadOnly", err)
	}
	s.Close()
	fi, _ := os.Stat(path)
	if fileHash(t, path) != before || !fi.ModTime().Equal(old) {
		t.Error("opening the checked copy changed the file")
	}
	if names := dirNames(t, filepath.Dir(path)); len(names) != 1 {
		t.Errorf("beside the copy: %v, want the file alone", names)
	}
}

// A copy of an older version is upgraded where it is, without the
// automatic backup an upgrade of the branch's own file gets: a package's
// unpacked file leaves no copy of the records behind.
func TestCheckedCopyOfOlderVersionUpgradedWithoutBackup(t *testing.T) {
	path := writeRoster(t, 3)
	old := latestVersion()
	withMigration(t, func(tx *gorm.DB, now time.Time) error {
		return tx.Exec("CREATE TABLE future_records (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)").Error
	})
	s, err := Open(path, CheckedCopy())
	if err != nil {
		t.Fatal(err)
	}
	var version int
	s.db.Raw("PRAGMA user_version").Scan(&version)
	if version != old+1 {
		t.Errorf("user_version = %d, want %d", version, old+1)
	}
	if ms, err := s.Members(); err != nil || len(ms) != 3 {
		t.Errorf("members of the upgraded copy: %d, %v", len(ms), err)
	}
	s.Close()
	if _, err := os.Stat(BackupsDir(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("backups folder beside an unpacked copy: %v", err)
	}
}
