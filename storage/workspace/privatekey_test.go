//go:build !windows

package workspace

import (
	"os"
	"path/filepath"
	"testing"
)

// The saved private key was written readable by everyone (0644): only the
// passphrase stood between another user of the computer and the key. It is
// written 0600, also when it replaces a file that was readable by others.
func TestSavedPrivateKeyIsPrivate(t *testing.T) {
	dir := t.TempDir()
	w, _ := newWorkspace(t, dir)
	fresh := filepath.Join(dir, "私钥备份.age")
	if err := w.SavePrivateKey(fresh); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(dir, "old.txt")
	os.WriteFile(old, []byte("old"), 0o644)
	os.Chmod(old, 0o644)
	if err := w.SavePrivateKey(old); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{fresh, old} {
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600 (%v)", filepath.Base(p), fi.Mode().Perm(), err)
		}
	}
}
