package datapkg

import (
	"archive/zip"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"filippo.io/age"
)

// The README tells instructors and archivists that the age tool opens a
// package: check that it does, in both directions, when it is installed
// (Debian's package age; `make test` installs it).

func needAge(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("age"); err != nil {
		t.Skip("the age command-line tool is not installed (Debian package age)")
	}
}

// withTTY runs a command under script(1), which gives it a terminal: age
// reads passphrases only from one. lines are typed one by one, as a person
// answering its prompts would.
func withTTY(t *testing.T, command string, lines ...string) {
	t.Helper()
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("script(1) is not installed")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "script", "-qec", command, "/dev/null")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		for _, l := range lines {
			time.Sleep(500 * time.Millisecond)
			io.WriteString(stdin, l+"\n")
		}
		time.Sleep(time.Second)
		stdin.Close()
	}()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("%s: %v\n%s", command, err, out.String())
	}
}

// checkZip reads a package's zip as any unzip tool would and compares it
// with the manifest written.
func checkZip(t *testing.T, name string, want Manifest) {
	t.Helper()
	zr, err := zip.OpenReader(name)
	if err != nil {
		t.Fatalf("age's output is not a zip: %v", err)
	}
	defer zr.Close()
	rc, err := zr.Open(manifestEntry)
	if err != nil {
		t.Fatal(err)
	}
	var got Manifest
	err = json.NewDecoder(rc).Decode(&got)
	rc.Close()
	if err != nil || got.BranchUUID != want.BranchUUID || got.Database.SHA256 != want.Database.SHA256 {
		t.Fatalf("manifest %+v (%v), want %+v", got, err, want)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, databaseEntry)
	rc, err = zr.Open(databaseEntry)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(rc)
	rc.Close()
	os.WriteFile(db, b, 0o600)
	if _, digest := hashOf(t, db); digest != want.Database.SHA256 {
		t.Error("the data file age gave back is not the one packed")
	}
}

func TestAgeToolOpensPassphrasePackage(t *testing.T) {
	needAge(t)
	s := newBranch(t, 5)
	dir := t.TempDir()
	pkg := filepath.Join(dir, "backup"+Ext)
	m, err := Write(s, pkg, Protection{Passphrase: testPassphrase}, "0.1.0")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "package.zip")
	withTTY(t, "age -d -o "+out+" "+pkg, testPassphrase)
	checkZip(t, out, m)
}

func TestAgeToolOpensKeyPackage(t *testing.T) {
	needAge(t)
	s := newBranch(t, 5)
	key, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "instructor.key")
	os.WriteFile(keyFile, []byte(key.String()+"\n"), 0o600)
	pkg := filepath.Join(dir, "backup"+Ext)
	m, err := Write(s, pkg, Protection{Recipients: []age.Recipient{key.Recipient()}}, "0.1.0")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "package.zip")
	if b, err := exec.Command("age", "-d", "-i", keyFile, "-o", out, pkg).CombinedOutput(); err != nil {
		t.Fatalf("age -d: %v\n%s", err, b)
	}
	checkZip(t, out, m)
}

// A package the age tool encrypted (binary, and armoured with -a) from a
// plain one opens with the passphrase.
func TestPackageEncryptedByAgeToolOpens(t *testing.T) {
	needAge(t)
	s := newBranch(t, 5)
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain"+Ext)
	m, err := Write(s, plain, Protection{}, "0.1.0")
	if err != nil {
		t.Fatal(err)
	}
	for _, armor := range []string{"", " -a"} {
		enc := filepath.Join(dir, "by-age"+strings.TrimSpace(armor)+Ext)
		withTTY(t, "age -p"+armor+" -o "+enc+" "+plain, testPassphrase, testPassphrase)
		if k, err := Probe(enc); k != Passphrase || err != nil {
			t.Fatalf("Probe(%s) = %v, %v", enc, k, err)
		}
		p, err := Open(enc, ReadOptions{Passphrase: testPassphrase, TempDir: t.TempDir()})
		if err != nil {
			t.Fatalf("age%s: %v", armor, err)
		}
		if p.Manifest.Database.SHA256 != m.Database.SHA256 {
			t.Error("read back another package")
		}
		p.Close()
	}
}
