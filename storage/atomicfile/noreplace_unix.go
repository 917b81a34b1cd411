//go:build !windows

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
)

// RenameNoReplace moves the file from to the name to, which must not exist:
// it fails with an error wrapping fs.ErrExist when it does, and never
// replaces it. Two windows making the same new data file at the same moment
// then end with one file, opened by one of them, instead of the second
// renaming its file over the one the first has open. On Unix it is a hard
// link and the removal of from; where the file system has no hard links
// (FAT on a USB drive) it falls back to a check and a rename.
func RenameNoReplace(from, to string) error {
	err := os.Link(from, to)
	switch {
	case err == nil:
		return os.Remove(from)
	case errors.Is(err, fs.ErrExist):
		return err
	}
	if _, serr := os.Lstat(to); serr == nil {
		return &fs.PathError{Op: "rename", Path: to, Err: fs.ErrExist}
	}
	return os.Rename(from, to)
}
