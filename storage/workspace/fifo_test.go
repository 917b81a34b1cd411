//go:build unix

package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// attack11 #15: a named pipe called *.blpkg in the folder is passed over
// (reading it would block the import for ever); named alone it is refused.
func TestPackagesSkipsWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.blpkg"), []byte("x"), 0o644)
	fifo := filepath.Join(dir, "b.blpkg")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	got, err := Packages([]string{dir})
	if err != nil || len(got) != 1 || filepath.Base(got[0]) != "a.blpkg" {
		t.Errorf("packages in the folder: %v %v", got, err)
	}
	if _, err := Packages([]string{fifo}); err == nil || !strings.Contains(err.Error(), "不是普通文件") {
		t.Errorf("the pipe named alone: %v", err)
	}
}
