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

	"branchledger/storage/reason"
)

// ErrInUse: the file to replace is open in another program (Windows refuses
// to replace a workbook Excel or WPS has open).
var ErrInUse = errors.New("目标文件可能正被 Excel 或 WPS 等程序打开，请关闭后重试")

// Error is a failed write: Error() is the sentence for the user, Unwrap the
// operating system's error, for errors.Is and the log (see reason.Detail).
type Error = reason.Error

// failed is the error for a write to path that failed with err.
func failed(path string, err error) error {
	return reason.Wrap("无法保存 "+path, err)
}

// Write writes the file at path through write: into a temporary file in the
// same folder (so that the rename stays on one drive), flushed to the disk,
// then renamed over path. On any error the temporary file is removed and
// path is left as it was. Temporary files of earlier writes of files like
// path (the same extension) in its folder that were cut short are removed
// first (see RemoveStale). A target that is a folder, a FIFO or a device is
// refused before anything is written (see CheckTarget). A file it makes anew gets mode 0644; one it
// replaces keeps its mode.
//
// Errors name path and say why in Chinese (see reason.Of). An error
// returned by write is returned as is — unless writing into the temporary
// file failed (a full disk met half way through a large workbook), which is
// reported as the failure to save path whatever write made of it.
func Write(path string, write func(w io.Writer) error) error {
	return writeFile(path, 0o644, false, write)
}

// WritePrivate is Write for a file only its owner should read (a data
// package, which holds a whole branch; the instructor's private key): made
// with mode 0600, and a file it replaces loses any permission for others.
func WritePrivate(path string, write func(w io.Writer) error) error {
	return writeFile(path, 0o600, true, write)
}

func writeFile(path string, mode fs.FileMode, private bool, write func(w io.Writer) error) (err error) {
	if err := CheckTarget(path); err != nil {
		return err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	RemoveStaleLike(dir, filepath.Ext(base))
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
	fw := &fileWriter{f: tmp}
	bw := bufio.NewWriterSize(fw, 256<<10)
	if err = write(bw); err != nil {
		if fw.err != nil {
			return failed(path, fw.err)
		}
		return err
	}
	if err = bw.Flush(); err != nil {
		return failed(path, err)
	}
	// CreateTemp makes the file private; give it the mode the file it
	// replaces had, or the one asked for.
	if st, serr := os.Stat(path); serr == nil {
		if private {
			mode &= st.Mode().Perm()
		} else {
			mode = st.Mode().Perm()
		}
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

// fileWriter is the temporary file as write sees it (through a buffer): it
// keeps the first error of the file itself, which write may wrap in words
// of its own or lose.
type fileWriter struct {
	f   *os.File
	err error
}

func (w *fileWriter) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	if err != nil && w.err == nil {
		w.err = err
	}
	return n, err
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
// whether the process writing it is still running. It is private (0600).
func CreateTemp(dir, base string) (*os.File, error) {
	return os.CreateTemp(dir, tempPattern(base))
}

// MkdirTemp creates a new, empty private folder in dir for the work of a
// file named base, named as CreateTemp names files, so that RemoveStale
// removes it (and what is in it) once its process is gone.
func MkdirTemp(dir, base string) (string, error) {
	return os.MkdirTemp(dir, tempPattern(base))
}

func tempPattern(base string) string {
	return fmt.Sprintf(".%s.%d-*%s", base, os.Getpid(), tempSuffix)
}

// staleAge is how old a temporary file whose writer cannot be known must be
// before it is taken for abandoned: a write touches its file at least every
// few seconds.
const staleAge = 10 * time.Minute

// RemoveStale removes from dir the temporary files and folders (see
// CreateTemp, MkdirTemp) of work on base that was cut short, with a SQLite
// journal beside one, if any: those whose process is no longer running,
// and any older than staleAge whose process cannot be told (names from
// earlier versions, ".<base>.<digits>.tmp"). What it cannot remove is left;
// it is tidying, not a step a write depends on.
func RemoveStale(dir, base string) {
	removeStale(dir, func(b string) bool { return b == base })
}

// RemoveOlder removes from dir the files and folders whose names start
// with prefix and that nothing has touched for staleAge: the temporary
// files of earlier versions of the app, whose names do not tell which
// process wrote them. Like RemoveStale, it is tidying.
func RemoveOlder(dir, prefix string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAge {
			_ = os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// RemoveStaleLike is RemoveStale for every file named with the extension
// ext (".xlsx", ".blpkg"): an export or a package stopped half way leaves
// its temporary file under a name the next one, made at another minute,
// may not share.
func RemoveStaleLike(dir, ext string) {
	if ext == "" {
		return
	}
	removeStale(dir, func(b string) bool { return strings.EqualFold(filepath.Ext(b), ext) })
}

func removeStale(dir string, match func(base string) bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		// A temporary data file may have SQLite's journal beside it.
		trimmed := strings.TrimSuffix(name, "-journal")
		if !strings.HasPrefix(trimmed, ".") || !strings.HasSuffix(trimmed, tempSuffix) {
			continue
		}
		inner := strings.TrimSuffix(trimmed[1:], tempSuffix)
		dot := strings.LastIndexByte(inner, '.')
		if dot <= 0 || !match(inner[:dot]) {
			continue
		}
		if stale(inner[dot+1:], e) {
			_ = os.RemoveAll(filepath.Join(dir, name))
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
