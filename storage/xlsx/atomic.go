package xlsx

import (
	"errors"
	"io"

	"branchledger/storage/atomicfile"
)

// WriteFileAtomic writes a workbook through write so that a half-written
// file never replaces a good one (see atomicfile.Write): on any error path
// is left as it was and no temporary file stays behind. Errors name path
// and say why in Chinese (a full disk, a read-only drive, the file open in
// Excel: ErrFileInUse); an error of write is returned as is.
func WriteFileAtomic(path string, write func(w io.Writer) error) error {
	err := atomicfile.Write(path, write)
	if errors.Is(err, atomicfile.ErrInUse) {
		var ae *atomicfile.Error
		errors.As(err, &ae)
		return &atomicfile.Error{Msg: ae.Msg, Err: errors.Join(ErrFileInUse, ae.Err)}
	}
	return err
}
