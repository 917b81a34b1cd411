package datapkg

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"filippo.io/age"

	"branchledger/storage"
)

// Source is the data file a package is written from (*storage.Store).
type Source interface {
	// Snapshot writes a consistent copy of the data file to dst.
	Snapshot(dst string) error
	// Now is the time the snapshot is stamped with.
	Now() time.Time
}

// Protection says how a package is encrypted: to Recipients (an
// instructor's X25519 public key), or with Passphrase, or — both empty —
// not at all. age does not combine a passphrase with other recipients.
type Protection struct {
	Recipients []age.Recipient
	Passphrase string
}

// Encrypted reports whether the package will be encrypted.
func (p Protection) Encrypted() bool { return len(p.Recipients) > 0 || p.Passphrase != "" }

// recipients are the age recipients of p.
func (p Protection) recipients() ([]age.Recipient, error) {
	switch {
	case len(p.Recipients) > 0 && p.Passphrase != "":
		return nil, errors.New("数据包不能同时加密给指导员和设置密码")
	case p.Passphrase != "":
		r, err := age.NewScryptRecipient(p.Passphrase)
		if err != nil {
			return nil, fmt.Errorf("密码不能使用：%w", err)
		}
		return []age.Recipient{r}, nil
	}
	return p.Recipients, nil
}

// Write takes a snapshot of src and writes it as a package at out, which is
// replaced if it exists; appVersion goes into the manifest. The package is
// written beside out under a temporary name, flushed and then renamed, so
// that out is either the old file or the whole new package, whatever stops
// the program; the snapshot itself goes to the system's temporary folder.
// It returns the manifest written.
func Write(src Source, out string, p Protection, appVersion string) (Manifest, error) {
	recipients, err := p.recipients()
	if err != nil {
		return Manifest{}, err
	}
	work, err := os.MkdirTemp("", storage.TempPrefix+"pkg-")
	if err != nil {
		return Manifest{}, fmt.Errorf("无法创建临时文件夹：%w", err)
	}
	defer os.RemoveAll(work)
	db := filepath.Join(work, databaseEntry)
	at := src.Now()
	if err := src.Snapshot(db); err != nil {
		return Manifest{}, err
	}
	// The manifest describes the snapshot, read back from it: a change made
	// in the window meanwhile cannot make the two disagree.
	sum, err := storage.Inspect(db)
	if err != nil {
		return Manifest{}, fmt.Errorf("备份的数据文件未通过检查：%w", err)
	}
	size, digest, err := hashFile(db)
	if err != nil {
		return Manifest{}, fmt.Errorf("读取备份的数据文件失败：%w", err)
	}
	m := Manifest{
		Format: FormatVersion, App: App, AppVersion: appVersion,
		SchemaVersion: sum.SchemaVersion, BranchUUID: sum.BranchUUID,
		OrgName: sum.OrgName, BranchName: sum.BranchName,
		SnapshotAt: at, Counts: sum.Counts,
		Database: FileInfo{Name: databaseEntry, Size: size, SHA256: digest},
	}
	if err := writeAtomically(out, func(w io.Writer) error { return writePackage(w, m, db, recipients) }); err != nil {
		return Manifest{}, err
	}
	return m, nil
}

// writePackage writes the zip of m and the database at db to w, through age
// when there are recipients.
func writePackage(w io.Writer, m Manifest, db string, recipients []age.Recipient) error {
	var enc io.WriteCloser
	if len(recipients) > 0 {
		var err error
		if enc, err = age.Encrypt(w, recipients...); err != nil {
			return fmt.Errorf("加密数据包失败：%w", err)
		}
		w = enc
	}
	zw := zip.NewWriter(w)
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	mw, err := zw.CreateHeader(&zip.FileHeader{Name: manifestEntry, Method: zip.Deflate, Modified: m.SnapshotAt})
	if err != nil {
		return err
	}
	if _, err := mw.Write(manifest); err != nil {
		return err
	}
	dw, err := zw.CreateHeader(&zip.FileHeader{Name: databaseEntry, Method: zip.Deflate, Modified: m.SnapshotAt})
	if err != nil {
		return err
	}
	f, err := os.Open(db)
	if err != nil {
		return err
	}
	_, err = io.Copy(dw, f)
	f.Close()
	if err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if enc != nil {
		return enc.Close()
	}
	return nil
}

// writeAtomically writes a file through write under a temporary name beside
// path, flushes it and renames it to path. On failure nothing is left.
func writeAtomically(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, storage.TempPrefix+"*"+Ext)
	if err != nil {
		return fmt.Errorf("无法在 %s 写入数据包：%s", dir, pathReason(err))
	}
	tmp := f.Name()
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("写入数据包 %s 失败：%s", path, pathReason(err))
	}
	if err := storage.SyncDir(dir); err != nil {
		return fmt.Errorf("写入数据包 %s 失败：%s", path, pathReason(err))
	}
	return nil
}

// pathReason says in Chinese why a file could not be written, for the
// failures a secretary can act on, with the system's words after it.
func pathReason(err error) string {
	switch {
	case errors.Is(err, os.ErrPermission):
		return "没有写入权限（U盘是否有写保护？）：" + err.Error()
	case isNoSpace(err):
		return "磁盘空间不足：" + err.Error()
	case errors.Is(err, os.ErrNotExist):
		return "文件夹不存在（U盘是否已拔出？）：" + err.Error()
	}
	return err.Error()
}

// hashFile returns a file's size and lower-case hex SHA-256.
func hashFile(name string) (int64, string, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return 0, "", err
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil
}

// isNoSpace is a full disk: ENOSPC, or on Windows ERROR_DISK_FULL (112) and
// ERROR_HANDLE_DISK_FULL (39).
func isNoSpace(err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	return errno == syscall.ENOSPC || (runtime.GOOS == "windows" && (errno == 112 || errno == 39))
}

// FileName is the name a package of a branch gets in a folder chosen for it:
// 支部名称-备份-20261130-1430.blpkg, with characters Windows refuses in file
// names replaced.
func FileName(branchName string, at time.Time) string {
	name := strings.TrimSpace(branchName)
	if name == "" {
		name = "支部台账"
	}
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, name)
	return fmt.Sprintf("%s-备份-%s%s", name, at.Local().Format("20060102-1504"), Ext)
}
