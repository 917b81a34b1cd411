//go:build !windows

package atomicfile

import (
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A write aimed at a FIFO, a socket (like a device) or a folder is refused before anything
// is opened or renamed (review s4-11 attack #7).
func TestWriteRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.xlsx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	// A socket stands for a device node, which only root can make; a
	// test must not risk /dev/null.
	sock := filepath.Join(dir, "sock.xlsx")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skip("no unix socket here:", err)
	}
	defer l.Close()
	for _, c := range []struct{ path, want string }{
		{fifo, "不是普通文件"},
		{sock, "不是普通文件"},
		{dir, "是一个文件夹"},
	} {
		done := make(chan error, 1)
		go func() {
			if IsSQLite(c.path) {
				done <- nil
				return
			}
			done <- Write(c.path, func(w io.Writer) error { _, err := w.Write([]byte("x")); return err })
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), c.path) {
				t.Errorf("%s: %v", c.path, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: still blocked after 10 s", c.path)
		}
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v", err)
	}
	if fi, err := os.Lstat(sock); err != nil || fi.Mode()&os.ModeSocket == 0 {
		t.Errorf("the socket was replaced: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
}
