// Package faultfs gives tests real file systems that fail as users' drives
// do: a small one that fills up, and a read-only one (a write-protected USB
// stick). Both need root, to mount; without it, or on a system without
// mount, the test is skipped with a message saying so. CI runs as root.
package faultfs

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// need skips t unless this process may mount file systems.
func need(t testing.TB) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skipf("mounting a test file system needs Linux, not %s", runtime.GOOS)
	}
	if os.Geteuid() != 0 {
		t.Skip("mounting a test file system needs root (CI runs the tests as root); skipped")
	}
}

func mount(t testing.TB, args ...string) {
	t.Helper()
	if out, err := exec.Command("mount", args...).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a test file system here (mount %v: %v: %s); skipped", args, err, out)
	}
}

func unmount(t testing.TB, dir string) {
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			// Still in use (a file left open by a failed test): detach it
			// now, so that nothing stays mounted, and say so.
			_ = exec.Command("umount", "-l", dir).Run()
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
}

// Small mounts a tmpfs of size bytes under t.TempDir() and returns its
// folder; it is unmounted at the end of the test.
func Small(t testing.TB, size int64) string {
	t.Helper()
	need(t)
	dir := filepath.Join(t.TempDir(), "small")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	mount(t, "-t", "tmpfs", "-o", fmt.Sprintf("size=%d", size), "tmpfs", dir)
	unmount(t, dir)
	return dir
}

// ReadOnly returns a read-only view of dir (a read-only bind mount under
// t.TempDir()), as a write-protected USB stick is: every write fails with
// EROFS, whatever the permissions say, even for root.
func ReadOnly(t testing.TB, dir string) string {
	t.Helper()
	need(t)
	view := filepath.Join(t.TempDir(), "readonly")
	if err := os.Mkdir(view, 0o755); err != nil {
		t.Fatal(err)
	}
	mount(t, "--bind", dir, view)
	unmount(t, view)
	mount(t, "-o", "remount,ro,bind", view)
	return view
}

// ReadOnlyInPlace makes dir itself read-only until the end of the test (a
// read-only bind mount over it), as a folder on a write-protected drive or
// one the user may not write is, while the folder above stays writable.
func ReadOnlyInPlace(t testing.TB, dir string) {
	t.Helper()
	need(t)
	mount(t, "--bind", dir, dir)
	unmount(t, dir)
	mount(t, "-o", "remount,ro,bind", dir)
}

// Free is how many bytes dir's file system has free.
func Free(t testing.TB, dir string) int64 {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	return int64(st.Bavail) * st.Bsize
}

// Fill writes a file into dir until only leave bytes are free (or less, by
// up to a block) and returns its path; removing it frees the space.
func Fill(t testing.TB, dir string, leave int64) string {
	t.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 64<<10)
	for need := Free(t, dir) - leave; need > 0; need = Free(t, dir) - leave {
		n := min(int64(len(chunk)), need)
		if _, err := f.Write(chunk[:n]); err != nil {
			if errors.Is(err, syscall.ENOSPC) {
				break
			}
			t.Fatal(err)
		}
	}
	return path
}
