package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The README says an existing private key backup is replaced with
// --replace; a backup saved earlier was refused as "支部台账的数据文件（或它的
// 备份、数据包）" (an age file), so it could never be saved again in its
// place. A package there stays refused, byte for byte.
func TestSavePrivateKeyReplacesAnEarlierBackup(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "workspace.blws")
	pass := filepath.Join(dir, "pass.txt")
	os.WriteFile(pass, []byte("指导员的密码 2026\n"), 0o600)
	saved := filepath.Join(dir, "私钥备份.age")
	if r := run(t, "aggregate", "key", "--workspace", ws, "--passphrase-file", pass, "--save-private-key", saved); r.status != ExitOK {
		t.Fatalf("%d %s", r.status, r.stderr)
	}
	first, _ := os.ReadFile(saved)
	os.WriteFile(saved, append(bytes.Clone(first[:len(first)-1]), first[len(first)-1]^1), 0o600) // damaged since
	r := run(t, "aggregate", "key", "--workspace", ws, "--passphrase-file", pass, "--save-private-key", saved, "--replace")
	if b, _ := os.ReadFile(saved); r.status != ExitOK || !bytes.Equal(b, first) {
		t.Errorf("an earlier backup with --replace: %d %s", r.status, r.stderr)
	}

	pkg := filepath.Join(dir, "第一支部.blpkg")
	if r := run(t, "demo", "--members", "3", "--db", filepath.Join(dir, "b.db")); r.status != ExitOK {
		t.Fatal(r.stderr)
	}
	if r := run(t, "package", "export", pkg, "--db", filepath.Join(dir, "b.db"), "--passphrase-file", pass); r.status != ExitOK {
		t.Fatal(r.stderr)
	}
	before, _ := os.ReadFile(pkg)
	r = run(t, "aggregate", "key", "--workspace", ws, "--passphrase-file", pass, "--save-private-key", pkg, "--replace")
	if b, _ := os.ReadFile(pkg); r.status == ExitOK || !bytes.Equal(b, before) || !strings.Contains(r.stderr, pkg) {
		t.Errorf("a package with --replace: %d %s", r.status, r.stderr)
	}
}

// A folder where the key is to be saved is refused for what it is at
// once, not first as "已经存在…请加 --replace" (review s6-11 attack #6).
func TestSavePrivateKeyIntoAFolderSaysSoAtOnce(t *testing.T) {
	dir := t.TempDir()
	pass := filepath.Join(dir, "pass.txt")
	os.WriteFile(pass, []byte("指导员的密码 2026\n"), 0o600)
	folder := filepath.Join(dir, "U盘")
	os.Mkdir(folder, 0o755)
	r := run(t, "aggregate", "key", "--workspace", filepath.Join(dir, "w.blws"), "--passphrase-file", pass, "--save-private-key", folder)
	if r.status == ExitOK || strings.Contains(r.stderr, "--replace") || !strings.Contains(r.stderr, "是一个文件夹") {
		t.Errorf("%d %s", r.status, r.stderr)
	}
}
