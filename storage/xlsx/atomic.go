package xlsx

import (
	"errors"
	"fmt"
	"io"

	"branchledger/storage/atomicfile"
)

// WriteFileAtomic writes a workbook through write so that a half-written
// file never replaces a good one (see atomicfile.Write): on any error path
// is left as it was and no temporary file stays behind. Errors name path
// and say why in Chinese (a full disk, a read-only drive, the file open in
// Excel: ErrFileInUse); an error of write is returned as is.
//
// It never replaces an SQLite database — the data file itself, a backup, a
// workspace — whatever the name: an export typed over the data file's name
// replaced the branch's records with a workbook (review s3-7 attack #16).
func WriteFileAtomic(path string, write func(w io.Writer) error) error {
	if atomicfile.IsSQLite(path) {
		return fmt.Errorf("%s 是支部台账的数据文件（或它的备份），导出不会覆盖它，请换一个文件名", path)
	}
	err := atomicfile.Write(path, write)
	if errors.Is(err, atomicfile.ErrInUse) {
		var ae *atomicfile.Error
		errors.As(err, &ae)
		return &atomicfile.Error{Msg: ae.Msg, Err: errors.Join(ErrFileInUse, ae.Err)}
	}
	return err
}
