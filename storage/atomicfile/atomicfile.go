// Package atomicfile writes files so that a half-written one never takes the
// place of a good one — the workbooks the app exports, a new data file, a
// restored backup — and removes the temporary files that writes cut short by
// a crash or a pulled USB drive left behind. Its errors are one Chinese
// sentence naming the file the user chose, never the hidden temporary one.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ErrInUse: the file to replace is open in another program (Windows refuses
// to replace a workbook Excel or WPS has open).
var ErrInUse = errors.New("目标文件可能正被 Excel 或 WPS 等程序打开，请关闭后重试")

// Error is a failed write: Error() is the sentence for the user, Unwrap the
// operating system's error, for errors.Is and the log.
type Error struct {
	Msg string
	Err error
}

func (e *Error) Error() string { return e.Msg }
func (e *Error) Unwrap() error { return e.Err }

// failed is the error for a write to path that failed with err.
func failed(path string, err error) error {
	return &Error{Msg: fmt.Sprintf("无法保存 %s：%s", path, Reason(err)), Err: err}
}

// Write writes the file at path through write: into a temporary file in the
// same folder (so that the rename stays on one drive), flushed to the disk,
// then renamed over path. On any error the temporary file is removed and
// path is left as it was. Temporary files of earlier writes to path that
// were cut short are removed first (see RemoveStale). Errors name path and
// say why in Chinese (see Reason); an error returned by write is returned
// as is.
func Write(path string, write func(w io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	RemoveStale(dir, base)
	tmp, err := CreateTemp(dir, base)
	if err != nil {
		return failed(path, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return failed(path, err)
	}
	// CreateTemp makes the file private; give it the mode the file it
	// replaces had, or the usual one.
	mode := fs.FileMode(0o644)
	if st, serr := os.Stat(path); serr == nil {
		mode = st.Mode().Perm()
	}
	if err = tmp.Chmod(mode); err != nil {
		return failed(path, err)
	}
	// Sync before rename: after a power cut the name must not point at a
	// file whose data never reached the disk (USB drives pulled early).
	if err = tmp.Sync(); err != nil {
		return failed(path, err)
	}
	if err = tmp.Close(); err != nil {
		return failed(path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrPermission) && fileExists(path) {
			return &Error{Msg: fmt.Sprintf("无法保存 %s：%s", path, ErrInUse.Error()), Err: errors.Join(ErrInUse, err)}
		}
		return failed(path, err)
	}
	SyncDir(dir)
	return nil
}

// SyncDir flushes a folder's entries (a rename) to the disk, where the
// system can; it is only a better chance, so errors are ignored.
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// tempSuffix ends every temporary file's name.
const tempSuffix = ".tmp"

// CreateTemp creates a new, empty temporary file in dir for a file named
// base: hidden, ".<base>.<pid>-<random>.tmp", so that RemoveStale can tell
// whether the process writing it is still running.
func CreateTemp(dir, base string) (*os.File, error) {
	return os.CreateTemp(dir, fmt.Sprintf(".%s.%d-*%s", base, os.Getpid(), tempSuffix))
}

// staleAge is how old a temporary file whose writer cannot be known must be
// before it is taken for abandoned: a write touches its file at least every
// few seconds.
const staleAge = 10 * time.Minute

// RemoveStale removes from dir the temporary files of writes of base that
// were cut short (with a SQLite journal beside one, if any): those whose process is no longer running, and any older
// than staleAge whose process cannot be told (names from earlier versions,
// ".<base>.<digits>.tmp"). Files it cannot remove are left; it is tidying,
// not a step a write depends on.
func RemoveStale(dir, base string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + base + "."
	for _, e := range entries {
		name := e.Name()
		// A temporary data file may have SQLite's journal beside it.
		trimmed := strings.TrimSuffix(name, "-journal")
		if e.IsDir() || !strings.HasPrefix(trimmed, prefix) || !strings.HasSuffix(trimmed, tempSuffix) {
			continue
		}
		middle := strings.TrimSuffix(strings.TrimPrefix(trimmed, prefix), tempSuffix)
		if stale(middle, e) {
			_ = os.Remove(filepath.Join(dir, name))
		}
	}
}

// stale tells from the middle of a temporary file's name ("<pid>-<random>",
// or only digits from earlier versions) whether it was abandoned.
func stale(middle string, e fs.DirEntry) bool {
	if pidText, _, ok := strings.Cut(middle, "-"); ok {
		pid, err := strconv.Atoi(pidText)
		if err != nil {
			return false // not one of ours
		}
		if pid == os.Getpid() {
			return false
		}
		if !running(pid) {
			return true
		}
	} else if _, err := strconv.ParseUint(middle, 10, 64); err != nil {
		return false
	}
	info, err := e.Info()
	return err == nil && time.Since(info.ModTime()) > staleAge
}
