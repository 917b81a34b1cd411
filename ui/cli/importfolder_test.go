package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A folder with no package says so, besides "packages 0, refused 0"
// (review s6-11 newuser #1).
func TestAggregateImportOfAFolderWithoutPackages(t *testing.T) {
	dir := t.TempDir()
	usb := filepath.Join(dir, "usb")
	os.Mkdir(usb, 0o755)
	os.WriteFile(filepath.Join(usb, "notes.txt"), []byte("x"), 0o644)
	r := run(t, "aggregate", "import", usb, "--workspace", filepath.Join(dir, "w.blws"))
	if r.status != ExitOK || !strings.Contains(r.stdout, "packages 0, refused 0") || !strings.Contains(r.stderr, usb+" 中没有数据包") {
		t.Errorf("%d %q %q", r.status, r.stdout, r.stderr)
	}
}
