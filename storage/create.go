package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"branchledger/storage/atomicfile"
	"branchledger/storage/reason"
)

// Create makes a new data file at path (新建数据文件) and opens it. It never
// replaces a file with records: a file already at path is refused with
// ErrExists, unless it is empty (0 bytes, as "New → File" in Explorer makes
// one), which the user has chosen to replace.
func Create(path string, opts ...Option) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("数据文件路径不正确：%s：%w", path, err)
	}
	return create(abs, true, opts)
}

// create makes the new data file whole or not at all: it is built and
// migrated under a temporary name in the same folder and renamed into place
// once it is complete, so that a crash or a pulled drive never leaves a
// half-made file (or an empty one, which Open would refuse) at path. The
// temporary file of a creation cut short is removed by the next one (see
// atomicfile.RemoveStale).
func create(abs string, replaceEmpty bool, opts []Option) (*Store, error) {
	dir, base := filepath.Split(abs)
	fail := func(err error) error {
		return reason.Wrap("无法新建数据文件 "+abs, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fail(err)
	}
	if err := checkFree(abs, replaceEmpty); err != nil {
		return nil, err
	}
	atomicfile.RemoveStale(dir, base)
	f, err := atomicfile.CreateTemp(dir, base)
	if err != nil {
		return nil, fail(err)
	}
	tmp := f.Name()
	f.Close()
	discard := func() {
		os.Remove(tmp)
		os.Remove(tmp + "-journal")
	}
	s, err := open(tmp, true, opts)
	if err != nil {
		discard()
		return nil, fail(err)
	}
	if err := s.Close(); err != nil {
		discard()
		return nil, fail(err)
	}
	// Built without syncs (Store.buildQuickly): the whole file reaches the
	// disk before it takes the name.
	if err := syncFile(tmp); err != nil {
		discard()
		return nil, fail(err)
	}
	// Another window may have made the file meanwhile: the new file takes
	// the name only if it is still free, never replacing one that window
	// has open (an empty file the caller chose to replace excepted).
	if replaceEmpty {
		if err := checkFree(abs, replaceEmpty); err != nil {
			discard()
			return nil, err
		}
		err = os.Rename(tmp, abs)
	} else {
		err = atomicfile.RenameNoReplace(tmp, abs)
	}
	if errors.Is(err, fs.ErrExist) {
		discard()
		return nil, fmt.Errorf("%w：%s", ErrExists, abs)
	}
	if err != nil {
		discard()
		return nil, fail(err)
	}
	atomicfile.SyncDir(dir)
	return open(abs, false, opts)
}

// checkFree refuses a path that holds a file, other than an empty one
// when replaceEmpty.
func checkFree(abs string, replaceEmpty bool) error {
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return reason.Wrap("无法新建数据文件 "+abs, err)
	case replaceEmpty && fi.Mode().IsRegular() && fi.Size() == 0:
		return nil
	}
	return fmt.Errorf("%w：%s", ErrExists, abs)
}

// CheckFolder refuses a --db path whose folder does not exist: a typing
// slip or a USB drive now under another letter in a shortcut, which would
// otherwise open a new, empty ledger in folders made for it, looking like
// lost records (review s3-10 attack #8). A new file in an existing folder
// is still made, as README says. The window and every command line
// command check an explicit --db with it; the default path's folder is
// made by Open.
func CheckFolder(dbPath string) error {
	if _, err := os.Stat(dbPath); err == nil {
		return nil
	}
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		abs = dbPath
	}
	if fi, err := os.Stat(filepath.Dir(abs)); err != nil || !fi.IsDir() {
		return fmt.Errorf("找不到数据文件 %s：它所在的文件夹 %s 不存在（路径是否写错，U盘的盘符是否变了？）", abs, filepath.Dir(abs))
	}
	return nil
}
