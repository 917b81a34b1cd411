package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
)

// execOn changes a closed data file behind the app's back, as another
// program (a SQLite browser, a script) would.
func execOn(t *testing.T, path string, statements string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(statements); err != nil {
		t.Fatalf("%s: %v", statements, err)
	}
}

// A data file whose schema another program changed is refused, untouched,
// with a message that names what differs.
func TestChangedSchemaIsRefused(t *testing.T) {
	for _, c := range []struct {
		name, sql, says string
	}{
		{"trigger rewriting every phone number",
			`CREATE TRIGGER members_phone AFTER INSERT ON members BEGIN UPDATE members SET phone = '13800000000' WHERE id = NEW.id; END`,
			"多了触发器 members_phone"},
		{"view named members",
			`ALTER TABLE members RENAME TO members_kept; CREATE VIEW members AS SELECT * FROM members_kept`,
			"多了视图 members"},
		{"extra table", `CREATE TABLE notes (body TEXT)`, "多了表 notes"},
		{"extra index", `CREATE INDEX members_name ON members (name)`, "多了索引 members_name"},
		{"dropped trigger", `DROP TRIGGER members_never_deleted`, "缺少触发器 members_never_deleted"},
		{"dropped index", `DROP INDEX member_events_member`, "缺少索引 member_events_member"},
		{"added column", `ALTER TABLE members ADD COLUMN secret TEXT`, "表 members 的定义不同"},
		{"trigger replaced by one of the same name",
			`DROP TRIGGER members_never_deleted; CREATE TRIGGER members_never_deleted BEFORE DELETE ON members BEGIN SELECT 1; END`,
			"触发器 members_never_deleted 的定义不同"},
		{"full-text table", `CREATE VIRTUAL TABLE search USING fts5(body)`, "多了表 search"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := writeRoster(t, 3)
			execOn(t, path, c.sql)
			refuseUntouched(t, path, ErrSchemaChanged, "数据文件的结构被别的程序改动过")
			_, err := Open(path)
			if !strings.Contains(err.Error(), c.says) || !strings.Contains(err.Error(), path) {
				t.Errorf("message %q should name the file and say %q", err, c.says)
			}
		})
	}
}

// CheckSchema is for databases the app did not open itself (a data package's,
// read-only): it works on a read-only connection and says the same things.
func TestCheckSchemaOnReadOnlyDatabase(t *testing.T) {
	readOnly := func(t *testing.T, path string) *sql.DB {
		db, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path, RawQuery: "mode=ro"}).String())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	path := writeRoster(t, 3)
	before := fileHash(t, path)
	if v, err := CheckSchema(readOnly(t, path)); err != nil || v != latestVersion() {
		t.Errorf("CheckSchema of a good file = %d, %v; want %d, nil", v, err, latestVersion())
	}

	execOn(t, path, `CREATE TRIGGER x AFTER UPDATE ON branch BEGIN SELECT 1; END`)
	changed := fileHash(t, path)
	_, err := CheckSchema(readOnly(t, path))
	var serr *SchemaError
	if !errors.As(err, &serr) || !errors.Is(err, ErrSchemaChanged) || len(serr.Differences) != 1 {
		t.Errorf("CheckSchema with an extra trigger: %v, want one difference", err)
	}
	if fileHash(t, path) != changed || changed == before {
		t.Error("CheckSchema changed the file")
	}

	newer := writeRoster(t, 1)
	execOn(t, newer, fmt.Sprintf("PRAGMA user_version = %d", latestVersion()+1))
	if _, err := CheckSchema(readOnly(t, newer)); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("CheckSchema of a newer file: %v, want ErrNewerSchema", err)
	}

	other := filepath.Join(t.TempDir(), "other.db")
	execOn(t, other, `CREATE TABLE contacts (name TEXT)`)
	if _, err := CheckSchema(readOnly(t, other)); !errors.Is(err, ErrNotDatabase) {
		t.Errorf("CheckSchema of another program's database: %v, want ErrNotDatabase", err)
	}
}

// A file made by an older version and upgraded by this one has exactly the
// schema of a file this version made new, so the check passes on it for
// good; and a file of each older version passes at its own version.
func TestUpgradedFileHasTheSchemaOfANewOne(t *testing.T) {
	for v := 1; v < latestVersion(); v++ {
		t.Run(fmt.Sprintf("from version %d", v), func(t *testing.T) {
			saved := migrations
			migrations = migrations[:v]
			path := writeRoster(t, 2)
			migrations = saved

			s := openAt(t, path) // upgrades, checking the old schema first
			s.Close()
			s = openAt(t, path) // checks the upgraded schema
			if got, err := CheckSchema(s.sql); err != nil || got != latestVersion() {
				t.Errorf("after the upgrade: version %d, %v", got, err)
			}
		})
	}
}

// A new file is checked, when it is opened again, against the schema the
// migrations made of it — the one they make in memory — without their being
// run all over again in memory (some 100 ms of a command-line import's
// start); and a change behind the app's back is still refused.
func TestNewFileIsCheckedAgainstWhatItsMigrationsMade(t *testing.T) {
	want, _, err := migrateInMemory(latestVersion())
	if err != nil {
		t.Fatal(err)
	}
	forget := func() {
		schemas.Lock()
		schemas.byVersion, schemas.seeded, schemas.count = nil, nil, 0
		schemas.Unlock()
	}
	forget()
	t.Cleanup(forget)

	path := writeRoster(t, 2) // made, then opened again and checked
	schemas.Lock()
	known := len(schemas.byVersion)
	got := schemas.byVersion[latestVersion()]
	schemas.Unlock()
	if known != 1 {
		t.Errorf("the schemas of %d versions are known after making a new file: the migrations ran in memory again", known)
	}
	if diffs := compareSchemas(want[latestVersion()], got); len(diffs) > 0 {
		t.Errorf("the new file's schema is not the one the migrations make in memory: %v", diffs)
	}

	execOn(t, path, `CREATE TRIGGER members_phone AFTER INSERT ON members BEGIN UPDATE members SET phone = '13800000000' WHERE id = NEW.id; END`)
	refuseUntouched(t, path, ErrSchemaChanged, "数据文件的结构被别的程序改动过")
}
