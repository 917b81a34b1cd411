//go:build !windows

package cli

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// An export aimed at a FIFO waited for a reader for ever, and one aimed at a
// device node replaced it with a file (review s4-11 attack #7): each export
// now refuses a target that is not a regular file, at once, in one line,
// and leaves it as it was.
func TestExportsRefuseFIFOAndDevice(t *testing.T) {
	dir := t.TempDir()
	db := demoFile(t, "3")
	ws := filepath.Join(dir, "workspace.blws")
	pass := filepath.Join(dir, "pass.txt")
	os.WriteFile(pass, []byte("指导员的密码 2026\n"), 0o600)
	if r := run(t, "aggregate", "key", "--workspace", ws, "--passphrase-file", pass); r.status != ExitOK {
		t.Fatalf("key: %d %s", r.status, r.stderr)
	}
	fifo := filepath.Join(dir, "fifo.xlsx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	pkgFIFO := filepath.Join(dir, "fifo.blpkg")
	if err := syscall.Mkfifo(pkgFIFO, 0o644); err != nil {
		t.Fatal(err)
	}
	// A socket stands for a device node, which only root can make; a test
	// must not risk /dev/null.
	sock := filepath.Join(dir, "sock.xlsx")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	cases := [][]string{
		{"aggregate", "report", fifo, "--workspace", ws},
		{"roster", "export", fifo, "--db", db},
		{"package", "export", pkgFIFO, "--db", db},
		{"backup", pkgFIFO, "--db", db},
		{"package", "export", fifo, "--db", db},
		{"roster", "export", sock, "--db", db},
		{"aggregate", "report", sock, "--workspace", ws},
	}
	for _, args := range cases {
		done := make(chan result, 1)
		go func() { done <- run(t, args...) }()
		select {
		case r := <-done:
			if r.status != ExitFailed || !strings.Contains(r.stderr, "不是普通文件") || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
				t.Errorf("%v: %d\n%s%s", args, r.status, r.stdout, r.stderr)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("%v: still running after 20 s (blocked on the FIFO)", args)
		}
	}
	for _, p := range []string{fifo, pkgFIFO} {
		if fi, err := os.Lstat(p); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("%s is no longer a FIFO: %v %v", p, fi, err)
		}
	}
	if fi, err := os.Lstat(sock); err != nil || fi.Mode()&os.ModeSocket == 0 {
		t.Errorf("%s is no longer a socket: %v", sock, err)
	}
}

// `package export usb/` to a folder that does not exist said "无法保存
// usb/.blpkg"; an existing folder gets the package under its usual name.
func TestPackageExportToFolderPath(t *testing.T) {
	db := demoFile(t, "3")
	missing := filepath.Join(t.TempDir(), "usb") + "/"
	r := run(t, "package", "export", missing, "--db", db)
	if r.status != ExitFailed || !strings.Contains(r.stderr, "找不到文件夹") || strings.Contains(r.stderr, ".blpkg") {
		t.Errorf("missing folder: %d %s", r.status, r.stderr)
	}
	usb := t.TempDir()
	r = run(t, "package", "export", usb+"/", "--db", db)
	if r.status != ExitOK {
		t.Fatalf("folder: %d %s", r.status, r.stderr)
	}
	entries, _ := os.ReadDir(usb)
	if len(entries) != 1 || !strings.HasSuffix(entries[0].Name(), ".blpkg") || strings.HasPrefix(entries[0].Name(), ".") {
		t.Errorf("folder holds %v", entries)
	}
}

// A --letter target that is a FIFO (or a device, or a folder) is refused
// before the letter is issued: no number is used up and the member stays
// on the roster (review s4-final attack #7, where /dev/full passed the
// folder check and the letter was issued first).
func TestTransferOutRefusesALetterTargetThatIsNotAFile(t *testing.T) {
	db, ids, today := transferDB(t)
	fifo := filepath.Join(t.TempDir(), "介绍信.xlsx")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFO here:", err)
	}
	lettersBefore, rosterBefore := letterCount(t, db)
	r := run(t, "transfer", "out", "--member", ids[0], "--to", "兰州新区某公司党支部", "--date", today.String(),
		"--letter", fifo, "--db", db)
	if r.status == ExitOK || !strings.Contains(r.stderr, "不是普通文件") || !strings.Contains(r.stderr, "未开具介绍信") {
		t.Fatalf("status %d, stderr %q", r.status, r.stderr)
	}
	if letters, onRoster := letterCount(t, db); letters != lettersBefore || onRoster != rosterBefore {
		t.Errorf("letters %d→%d, on roster %d→%d: a letter was issued", lettersBefore, letters, rosterBefore, onRoster)
	}
}

// `package export out/fifo` (no extension) wrote out/fifo.blpkg beside the
// FIFO and said nothing of it (review s4-final attack #5): refused.
func TestPackageExportToAFIFOWithoutExtension(t *testing.T) {
	dir := t.TempDir()
	db := demoFile(t, "3")
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	r := run(t, "package", "export", fifo, "--db", db)
	if r.status != ExitFailed || !strings.Contains(r.stderr, fifo+" 不是普通文件") {
		t.Errorf("%d %s%s", r.status, r.stdout, r.stderr)
	}
	if _, err := os.Stat(fifo + ".blpkg"); err == nil {
		t.Error("a package was written beside the FIFO")
	}
}

// `aggregate import` of a FIFO among its files stopped the whole run, a
// missing file was said in Go's English, and a missing --passphrase-file
// was not mentioned when no package needed the key (review s5-final
// attack #7): the FIFO is one refused line, the good package is imported.
func TestAggregateImportOddFiles(t *testing.T) {
	dir := t.TempDir()
	db := demoFile(t, "3")
	ws := filepath.Join(dir, "workspace.blws")
	pass := filepath.Join(dir, "pass.txt")
	os.WriteFile(pass, []byte("指导员的密码 2026\n"), 0o600)
	if r := run(t, "aggregate", "key", "--workspace", ws, "--passphrase-file", pass); r.status != ExitOK {
		t.Fatalf("key: %d %s", r.status, r.stderr)
	}
	pkgPass := filepath.Join(dir, "pkgpass.txt")
	os.WriteFile(pkgPass, []byte("支部的数据包密码2026\n"), 0o600)
	pkg := filepath.Join(dir, "p.blpkg")
	if r := run(t, "package", "export", pkg, "--db", db, "--passphrase-file", pkgPass); r.status != ExitOK {
		t.Fatalf("export: %d %s", r.status, r.stderr)
	}
	fifo := filepath.Join(dir, "fifo.blpkg")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	missing := filepath.Join(dir, "nonexist.blpkg")
	r := run(t, "aggregate", "import", pkg, missing, "--workspace", ws, "--package-passphrase-file", pkgPass)
	if r.status != ExitFailed || !strings.Contains(r.stderr, "无法打开文件 "+missing+"：找不到这个文件") || strings.Contains(r.stderr, "no such file") {
		t.Errorf("missing: %d %s%s", r.status, r.stdout, r.stderr)
	}
	r = run(t, "aggregate", "import", pkg, "--workspace", ws, "--package-passphrase-file", pkgPass, "--passphrase-file", filepath.Join(dir, "nopass.txt"))
	if r.status == ExitOK || !strings.Contains(r.stderr, "nopass.txt") {
		t.Errorf("missing --passphrase-file: %d %s%s", r.status, r.stdout, r.stderr)
	}
	r = run(t, "aggregate", "import", pkg, fifo, "--workspace", ws, "--package-passphrase-file", pkgPass)
	if r.status != ExitRejected || !strings.Contains(r.stdout, "refused "+fifo+": 不是普通文件") || !strings.Contains(r.stdout, "imported ") || !strings.Contains(r.stdout, "packages 2, refused 1") {
		t.Errorf("fifo: %d %s%s", r.status, r.stdout, r.stderr)
	}
}
