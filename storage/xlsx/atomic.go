package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

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
	return writeChecked(path, atomicfile.Write, write)
}

// WritePrivateFileAtomic is WriteFileAtomic for a file only its owner may
// read (the instructor's private key): mode 0600 (see atomicfile.WritePrivate).
func WritePrivateFileAtomic(path string, write func(w io.Writer) error) error {
	return writeChecked(path, atomicfile.WritePrivate, write)
}

func writeChecked(path string, save func(string, func(io.Writer) error) error, write func(w io.Writer) error) error {
	if err := atomicfile.CheckTarget(path); err != nil {
		return err
	}
	if atomicfile.IsSQLite(path) || isLedgerCompanion(path) {
		return fmt.Errorf("%s 是支部台账的数据文件（或它的备份、数据包），导出不会覆盖它，请换一个文件名", path)
	}
	err := save(path, write)
	if errors.Is(err, atomicfile.ErrInUse) {
		var ae *atomicfile.Error
		errors.As(err, &ae)
		return &atomicfile.Error{Msg: ae.Msg, Err: errors.Join(ErrFileInUse, ae.Err)}
	}
	return err
}

// isLedgerCompanion reports whether path is one of the files a ledger keeps
// beside its data file that an export must not replace either: a data
// package or backup package (.blpkg, or any file that is age-encrypted), or
// SQLite's journal of the data file (an export written as "b.db-journal"
// made the next open take it for a crash and delete it). Review s3-final
// #4–#6.
func isLedgerCompanion(path string) bool {
	name := strings.ToLower(filepath.Base(path))
	for _, suffix := range []string{".blpkg", "-journal", "-wal", "-shm"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(ageMagic))
	n, _ := io.ReadFull(f, head)
	return bytes.Equal(head[:n], ageMagic)
}

// ageMagic begins every age-encrypted file (age-encryption.org/v1).
var ageMagic = []byte("age-encryption.org/v1\n")
