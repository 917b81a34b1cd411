package storage

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// A snapshot is a whole data file of the same branch, taken while the store
// holds the file, and Inspect reads it back without changing it.
func TestSnapshotIsAWholeDataFile(t *testing.T) {
	s := openTest(t)
	addMembers(t, s, 7)
	want, err := s.Summary()
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Snapshot(dst); err != nil {
		t.Fatal(err)
	}
	if err := s.Snapshot(dst); err == nil {
		t.Error("a second snapshot wrote over the first")
	}
	before := fileHash(t, dst)
	got, err := Inspect(dst)
	if err != nil {
		t.Fatal(err)
	}
	if got.BranchUUID != want.BranchUUID || got.Members() != 7 || got.SchemaVersion != latestVersion() {
		t.Errorf("snapshot summary %+v, want %+v", got, want)
	}
	for table, n := range want.Counts {
		if got.Counts[table] != n {
			t.Errorf("%s: %d rows in the snapshot, %d in the file", table, got.Counts[table], n)
		}
	}
	if fileHash(t, dst) != before {
		t.Error("Inspect changed the file")
	}
	if names := dirNames(t, filepath.Dir(dst)); !slices.Equal(names, []string{"copy.db"}) {
		t.Errorf("Inspect left %v beside the file", names)
	}
}

// Automatic backups go into backups/ beside the file under names that say
// when and why, and tell apart those of the same second.
func TestWriteBackupNamesAndPlaces(t *testing.T) {
	s := openTest(t)
	addMembers(t, s, 2)
	a, err := s.WriteBackup(BackupImport)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(a) != filepath.Join(filepath.Dir(s.Path()), "backups") {
		t.Errorf("backup in %s", filepath.Dir(a))
	}
	at, reason, ok := ParseBackupName(s.Path(), filepath.Base(a))
	if !ok || reason != BackupImport || at.Year() != 2026 {
		t.Errorf("%s reads back as %v %q %v", a, at, reason, ok)
	}
	for _, name := range dirNames(t, filepath.Dir(a)) {
		if strings.HasPrefix(name, TempPrefix) {
			t.Errorf("temporary file %s left", name)
		}
	}
	if _, err := Inspect(a); err != nil {
		t.Errorf("the backup is not a good data file: %v", err)
	}
	// Same second, same reason: a second name, not an error.
	frozen := time.Date(2026, 3, 15, 9, 30, 0, 0, beijing)
	s.now = func() time.Time { return frozen }
	b1, err1 := s.WriteBackup(BackupBulk)
	b2, err2 := s.WriteBackup(BackupBulk)
	if err1 != nil || err2 != nil || b1 == b2 || !strings.HasSuffix(b2, "-bulk-2.db") {
		t.Errorf("two backups in one second: %s %v, %s %v", b1, err1, b2, err2)
	}
}

func TestBackupNamesOfOtherFilesAreNotOurs(t *testing.T) {
	at := time.Date(2026, 11, 30, 14, 30, 5, 0, time.Local)
	name := BackupName("/d/branchledger.db", at, BackupDaily, 1)
	if name != "branchledger-20261130-143005-daily.db" {
		t.Errorf("name %s", name)
	}
	for _, other := range []string{
		"second-20261130-143005-daily.db",         // another data file's
		"branchledger-20261130-143005-unknown.db", // a reason we never write
		"branchledger-20261130-1430-daily.db",
		"branchledger.db",
		TempPrefix + name,
	} {
		if _, _, ok := ParseBackupName("/d/branchledger.db", other); ok {
			t.Errorf("%s taken for a backup of branchledger.db", other)
		}
	}
	if got, r, ok := ParseBackupName("/d/branchledger.db", name); !ok || !got.Equal(at) || r != BackupDaily {
		t.Errorf("round trip: %v %v %v", got, r, ok)
	}
}

// Inspect refuses what Open refuses, and files whose schema another program
// changed, each with a sentence naming the file, and changes nothing.
func TestInspectRefusesWithoutTouching(t *testing.T) {
	alter := func(stmt string) func(t *testing.T, path string) {
		return func(t *testing.T, path string) {
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec(stmt); err != nil {
				t.Fatal(err)
			}
		}
	}
	cases := []struct {
		name   string
		damage func(t *testing.T, path string)
		want   error
	}{
		{"extra trigger", alter("CREATE TRIGGER phones AFTER INSERT ON members BEGIN UPDATE members SET phone = '110'; END"), ErrSchemaChanged},
		{"extra view", alter("CREATE VIEW everyone AS SELECT * FROM members"), ErrSchemaChanged},
		{"extra table", alter("CREATE TABLE secrets (x)"), ErrSchemaChanged},
		{"dropped index", alter("DROP INDEX member_events_member"), ErrSchemaChanged},
		{"newer schema", alter("PRAGMA user_version = 999"), ErrNewerSchema},
		{"another program's", alter("PRAGMA application_id = 42"), ErrNotDatabase},
		{"not a database", func(t *testing.T, path string) { os.WriteFile(path, []byte("姓名,身份证号\n张三,1\n"), 0o644) }, ErrNotDatabase},
		{"empty", func(t *testing.T, path string) { os.WriteFile(path, nil, 0o644) }, ErrNotDatabase},
		{"damaged page", func(t *testing.T, path string) {
			b, _ := os.ReadFile(path)
			start := (membersRootPage(t, path) - 1) * 4096
			for i := start; i < start+64; i++ {
				b[i] ^= 0x5a
			}
			os.WriteFile(path, b, 0o644)
		}, ErrDamaged},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeRoster(t, 300)
			c.damage(t, path)
			before := fileHash(t, path)
			names := dirNames(t, filepath.Dir(path))
			_, err := Inspect(path)
			if !errors.Is(err, c.want) {
				t.Fatalf("Inspect: %v, want %v", err, c.want)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("%q does not name the file", err)
			}
			t.Logf("refused: %v", err)
			if fileHash(t, path) != before || !slices.Equal(dirNames(t, filepath.Dir(path)), names) {
				t.Error("Inspect changed the file or wrote beside it")
			}
		})
	}
}
