package cli

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"branchledger/storage"
)

func TestVerify(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	if r := run(t, "demo", "--members", "12", "--db", good); r.status != ExitOK {
		t.Fatalf("demo: %d %s", r.status, r.stderr)
	}
	r := run(t, "verify", "--db", good)
	if r.status != ExitOK || lastLine(r.stdout) != "problems 0" {
		t.Fatalf("verify of a sound file: status %d, stdout %q, stderr %q", r.status, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "党员（含已离开的）：") || !strings.Contains(r.stderr, "活动记录：") {
		t.Errorf("verify should print the counts, got %q", r.stderr)
	}

	changed := filepath.Join(dir, "changed.db")
	copyFile(t, good, changed)
	db, err := sql.Open("sqlite", changed)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TRIGGER members_phone AFTER INSERT ON members BEGIN UPDATE members SET phone = '1' WHERE id = NEW.id; END;
		CREATE VIEW extra AS SELECT 1`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(changed)
	r = run(t, "verify", "--db", changed)
	if r.status != ExitRejected || lastLine(r.stdout) != "problems 2" {
		t.Fatalf("verify of a changed file: status %d, stdout %q", r.status, r.stdout)
	}
	if !strings.Contains(r.stdout, "多了触发器 members_phone\n") || !strings.Contains(r.stdout, "多了视图 extra\n") {
		t.Errorf("one line per problem expected, got:\n%s", r.stdout)
	}
	if after, _ := os.ReadFile(changed); string(after) != string(before) {
		t.Error("verify changed the file")
	}

	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o644)
	if r := run(t, "verify", "--db", empty); r.status != ExitRejected || !strings.Contains(r.stdout, "数据文件是空的") {
		t.Errorf("verify of an empty file: %d %q", r.status, r.stdout)
	}
	if r := run(t, "verify", "--db", filepath.Join(dir, "none.db")); r.status != ExitFailed || !strings.Contains(r.stderr, "找不到数据文件") {
		t.Errorf("verify of a missing file: %d %q", r.status, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); err == nil {
		t.Error("verify made the missing file")
	}

	// A file held by a window is checked there, not here.
	s, err := storage.Open(good)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if r := run(t, "verify", "--db", good); r.status != ExitFailed || !strings.Contains(r.stderr, "正由另一个支部台账程序使用") {
		t.Errorf("verify of a file in use: %d %q", r.status, r.stderr)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
