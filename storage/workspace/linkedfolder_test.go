//go:build !windows

package workspace

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A folder chosen through a link to it (a shortcut to the USB drive in the
// home folder) is searched as the folder itself, its packages named under
// the name given; it found none (review s6-11 newuser #1).
func TestPackagesOfALinkedFolder(t *testing.T) {
	dir := t.TempDir()
	usb := filepath.Join(dir, "usb")
	os.MkdirAll(filepath.Join(usb, "2026"), 0o755)
	for _, f := range []string{"a.blpkg", "2026/b.blpkg", "notes.txt"} {
		os.WriteFile(filepath.Join(usb, f), []byte("x"), 0o644)
	}
	link := filepath.Join(dir, "U盘")
	if err := os.Symlink(usb, link); err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(link, "2026", "b.blpkg"), filepath.Join(link, "a.blpkg")}
	for _, p := range []string{link, link + "/"} {
		got, err := Packages([]string{p})
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("Packages(%q) = %q, %v; want %q", p, got, err, want)
		}
	}
}
