package workspace

import (
	"archive/zip"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// A package encrypted to the instructor's key is a standard age file: the
// age tool (Debian package age) opens it with the instructor's identity,
// and the saved private key is an age file of its own. Run in make test
// when the tool is installed.
func TestAgeToolOpensAPackageForTheInstructor(t *testing.T) {
	if _, err := exec.LookPath("age"); err != nil {
		t.Skip("the age command-line tool is not installed (Debian package age)")
	}
	dir := t.TempDir()
	w, key := newWorkspace(t, dir)
	s := newBranch(t, filepath.Join(dir, "a"), 5, 21, "兰州恒信商贸有限公司", day)
	defer s.Close()
	pkg := filepath.Join(dir, "p.blpkg")
	pack(t, s, key, pkg)
	id := filepath.Join(dir, "identity.txt")
	os.WriteFile(id, []byte(w.identity.String()+"\n"), 0o600)
	out := filepath.Join(dir, "p.zip")
	if b, err := exec.Command("age", "-d", "-i", id, "-o", out, pkg).CombinedOutput(); err != nil {
		t.Fatalf("age -d: %v\n%s", err, b)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	if len(zr.File) != 2 || zr.File[0].Name != "manifest.json" {
		t.Errorf("entries %v", zr.File)
	}
	sealed := filepath.Join(dir, "key.age")
	if err := w.SavePrivateKey(sealed); err != nil {
		t.Fatal(err)
	}
	head, _ := os.ReadFile(sealed)
	if string(head[:22]) != "age-encryption.org/v1\n" {
		t.Errorf("saved key is not an age file: %q", head[:22])
	}
}
