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

// The data file of a package passed its digest, which says only that the
// package's maker wrote it: InspectDigested refuses records against the
// file's own constraints (CHECK, NOT NULL, foreign keys) with
// ErrConstraint, which SQLite's check of a read-only file does not see,
// and leaves the file as it was. A sound file, in WAL mode too, passes.
func TestInspectDigestedRefusesBrokenConstraints(t *testing.T) {
	alter := func(stmts ...string) func(t *testing.T, path string) {
		return func(t *testing.T, path string) {
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			for _, s := range stmts {
				if _, err := db.Exec(s); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	cases := []struct {
		name   string
		change func(t *testing.T, path string)
		want   string // "" when it passes
	}{
		{"sound", alter(), ""},
		{"wal", alter("PRAGMA journal_mode = WAL"), ""},
		{"check", alter("PRAGMA ignore_check_constraints = ON", "UPDATE members SET on_roster = 7 WHERE id = 3"), "表 members 中有 1 条记录不符合约束"},
		{"second branch row", alter("PRAGMA ignore_check_constraints = ON", "INSERT INTO branch (id, uuid, created_at, updated_at) VALUES (2, 'x', '', '')"), "表 branch 中有 1 条记录不符合约束"},
		{"foreign key", alter("INSERT INTO member_events (member_id, kind, date, created_at, updated_at) VALUES (99999, '入党', '2020-01-01', '', '')"), "表 member_events 中有 1 条记录所指的 members 记录不存在"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeRoster(t, 20)
			c.change(t, path)
			before := fileHash(t, path)
			names := dirNames(t, filepath.Dir(path))
			sum, err := InspectDigested(path)
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("a sound file refused: %v", err)
			case c.want == "" && sum.Members() != 20:
				t.Errorf("%d members, want 20", sum.Members())
			case c.want != "" && (!errors.Is(err, ErrConstraint) || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), path)):
				t.Fatalf("InspectDigested: %v; want ErrConstraint saying %q and naming the file", err, c.want)
			}
			if fileHash(t, path) != before || !slices.Equal(dirNames(t, filepath.Dir(path)), names) {
				t.Error("InspectDigested changed the file or left something beside it")
			}
		})
	}
}

// Every CHECK of the schema is one that checkConstraints runs: as many
// expressions as the word CHECK appears in each table's definition, each
// one a whole expression (its parentheses balanced).
func TestCheckConstraintsFoundInTheSchema(t *testing.T) {
	objects, err := expectedSchema(latestVersion())
	if err != nil {
		t.Fatal(err)
	}
	found := map[string][]string{}
	checks, err := checksOf(latestVersion())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range checks {
		found[c.table] = c.exprs
	}
	total := 0
	for _, o := range objects {
		if o.Type != "table" {
			continue
		}
		want := strings.Count(strings.ToUpper(o.SQL), "CHECK (")
		if len(found[o.Name]) != want {
			t.Errorf("%s: %d checks found %q, the definition has %d", o.Name, len(found[o.Name]), found[o.Name], want)
		}
		for _, e := range found[o.Name] {
			if strings.Count(e, "(") != strings.Count(e, ")") || e == "" {
				t.Errorf("%s: %q is not a whole expression", o.Name, e)
			}
		}
		total += want
	}
	if total < 50 {
		t.Errorf("only %d checks in the schema", total)
	}
	if got, _ := checkExprs("CREATE TABLE t (a TEXT CHECK (a IN ('x)', 'CHECK (y')) -- CHECK (z)\n, b INT CHECK(b > (1)))"); !slices.Equal(got, []string{"a IN ('x)', 'CHECK (y')", "b > (1)"}) {
		t.Errorf("checkExprs: %q", got)
	}
}
