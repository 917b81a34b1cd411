package cli

import (
	"bytes"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"branchledger/storage"
	"branchledger/storage/datapkg"
)

// demoFile makes a data file with n demo members through the command line.
func demoFile(t *testing.T, n string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), storage.FileName)
	if r := run(t, "demo", "--members", n, "--db", db); r.status != ExitOK {
		t.Fatalf("demo: %d %s", r.status, r.stderr)
	}
	return db
}

func TestBackupAndRestoreCommands(t *testing.T) {
	db := demoFile(t, "15")
	usb := t.TempDir()
	pass := filepath.Join(t.TempDir(), "pass.txt")
	os.WriteFile(pass, []byte("口令 2026 年\r\n第二行不算\n"), 0o600)

	// A passphrase shorter than the window accepts is refused here too.
	short := filepath.Join(t.TempDir(), "short.txt")
	os.WriteFile(short, []byte("x\n"), 0o600)
	if r := run(t, "backup", usb, "--db", db, "--passphrase-file", short); r.status != ExitFailed || !strings.Contains(r.stderr, "密码太短") {
		t.Errorf("backup with a 1-character passphrase: %d %s", r.status, r.stderr)
	}
	if names, _ := filepath.Glob(filepath.Join(usb, "*")); len(names) != 0 {
		t.Errorf("the refused backup wrote %v", names)
	}

	r := run(t, "backup", usb, "--db", db, "--passphrase-file", pass)
	if r.status != ExitOK || !strings.Contains(r.stdout, "members 15") || !strings.Contains(r.stdout, "encrypted") {
		t.Fatalf("backup: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	names, _ := filepath.Glob(filepath.Join(usb, "*"+datapkg.Ext))
	if len(names) != 1 || !strings.Contains(filepath.Base(names[0]), "-备份-") {
		t.Fatalf("packages on the drive: %v", names)
	}
	pkg := names[0]
	if k, _ := datapkg.Probe(pkg); k != datapkg.Passphrase {
		t.Errorf("the package is %v, want passphrase-protected", k)
	}

	// Without the passphrase, and with a wrong one: refused, file untouched.
	if r := run(t, "restore", pkg, "--db", db); r.status != ExitFailed || !strings.Contains(r.stderr, "--passphrase-file") {
		t.Errorf("restore without passphrase: %d %s", r.status, r.stderr)
	}
	wrong := filepath.Join(t.TempDir(), "wrong.txt")
	os.WriteFile(wrong, []byte("口令 2025 年\n"), 0o600)
	if r := run(t, "restore", pkg, "--db", db, "--passphrase-file", wrong); r.status != ExitFailed || !strings.Contains(r.stderr, "密码不对") {
		t.Errorf("restore with a wrong passphrase: %d %s", r.status, r.stderr)
	}

	// Onto a new laptop: a new data file.
	fresh := filepath.Join(t.TempDir(), "新电脑", storage.FileName)
	r = run(t, "restore", pkg, "--db", fresh, "--passphrase-file", pass)
	if r.status != ExitOK || memberCount(t, fresh) != 15 {
		t.Fatalf("restore onto a new file: %d\n%s%s", r.status, r.stdout, r.stderr)
	}

	// Over the same branch's file: the current file is backed up first.
	r = run(t, "restore", pkg, "--db", db, "--passphrase-file", pass)
	if r.status != ExitOK || !strings.Contains(r.stdout, "backed up as") || !strings.Contains(r.stdout, "current") {
		t.Fatalf("restore: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	if bs, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "backups", "*-restore.db")); len(bs) != 1 {
		t.Errorf("backups before the restore: %v", bs)
	}
}

func TestRestoreRefusesAnotherBranchAndAFileInUse(t *testing.T) {
	a, b := demoFile(t, "3"), demoFile(t, "4")
	out := filepath.Join(t.TempDir(), "a")
	if r := run(t, "backup", out, "--db", a); r.status != ExitOK {
		t.Fatal(r.stderr)
	}
	pkg := out + datapkg.Ext
	r := run(t, "restore", pkg, "--db", b)
	if r.status != ExitFailed || !strings.Contains(r.stderr, "另一个支部") {
		t.Errorf("another branch's backup: %d %s", r.status, r.stderr)
	}
	if memberCount(t, b) != 4 {
		t.Error("the refused restore changed the file")
	}
	s, err := storage.Open(b)
	if err != nil {
		t.Fatal(err)
	}
	r = run(t, "restore", pkg, "--db", b, "--replace-branch")
	s.Close()
	if r.status != ExitFailed || !strings.Contains(r.stderr, "正由另一个支部台账程序使用") {
		t.Errorf("restore while the file is open: %d %s", r.status, r.stderr)
	}
	if r := run(t, "restore", pkg, "--db", b, "--replace-branch"); r.status != ExitOK || memberCount(t, b) != 3 {
		t.Errorf("restore with --replace-branch: %d %s", r.status, r.stderr)
	}
}

// An import takes an automatic backup of the file as it was before.
func TestImportBacksUpFirst(t *testing.T) {
	db := demoFile(t, "2")
	if r := run(t, "roster", "import", sample, "--db", db, "--skip-invalid"); r.status != ExitOK {
		t.Fatalf("import: %d %s", r.status, r.stderr)
	}
	bs, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "backups", "*-import.db"))
	if len(bs) != 1 {
		t.Fatalf("backups before the import: %v", bs)
	}
	sum, err := storage.Inspect(bs[0])
	if err != nil || sum.Members() != 2 {
		t.Errorf("the backup holds %d members (%v), want the 2 before the import", sum.Members(), err)
	}
}

// verify of a file cut short prints one Chinese problem line and exits 1;
// SQLite's English, which the storage logs, stays out of the output.
func TestVerifyOfATruncatedFileIsOneProblem(t *testing.T) {
	db := demoFile(t, "30")
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	trunc := filepath.Join(t.TempDir(), "trunc.db")
	os.WriteFile(trunc, b[:len(b)*2/5], 0o600)
	var logged bytes.Buffer
	prev := log.Writer()
	log.SetOutput(&logged)
	r := run(t, "verify", "--db", trunc)
	log.SetOutput(prev)
	if logged.Len() != 0 {
		t.Errorf("the log printed to the terminal: %s", logged.String())
	}
	if r.status != ExitRejected || !strings.Contains(r.stdout, "problems 1") || !strings.Contains(r.stdout, "损坏：") {
		t.Errorf("verify of a truncated file: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	if m := regexp.MustCompile(`[A-Za-z]{3,}`).FindAllString(strings.ReplaceAll(r.stdout+r.stderr, trunc, ""), -1); len(m) != 0 {
		for _, w := range m {
			if w != "problems" {
				t.Errorf("output carries %q:\n%s%s", w, r.stdout, r.stderr)
				break
			}
		}
	}
}
