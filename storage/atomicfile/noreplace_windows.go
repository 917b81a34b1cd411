package atomicfile

import (
	"errors"
	"io/fs"

	"golang.org/x/sys/windows"
)

// RenameNoReplace moves the file from to the name to, which must not exist:
// it fails with an error wrapping fs.ErrExist when it does, and never
// replaces it (MoveFileEx without MOVEFILE_REPLACE_EXISTING, which NTFS and
// FAT alike refuse atomically). See the Unix version for why.
func RenameNoReplace(from, to string) error {
	f, err := windows.UTF16PtrFromString(from)
	if err != nil {
		return err
	}
	t, err := windows.UTF16PtrFromString(to)
	if err != nil {
		return err
	}
	err = windows.MoveFileEx(f, t, windows.MOVEFILE_WRITE_THROUGH)
	if errors.Is(err, windows.ERROR_ALREADY_EXISTS) || errors.Is(err, windows.ERROR_FILE_EXISTS) {
		return &fs.PathError{Op: "rename", Path: to, Err: fs.ErrExist}
	}
	if err != nil {
		return &fs.PathError{Op: "rename", Path: to, Err: err}
	}
	return nil
}
