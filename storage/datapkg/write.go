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
	"strings"
	"time"

	"filippo.io/age"

	"branchledger/storage"
	"branchledger/storage/atomicfile"
	"branchledger/storage/reason"
)

// Source is the data file a package is written from (*storage.Store).
type Source interface {
	// Path is the data file's path: the snapshot is taken beside it.
	Path() string
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
			return nil, &reason.Error{Msg: "密码不能使用，请换一个", Err: err}
		}
		r.SetWorkFactor(scryptWorkFactor)
		return []age.Recipient{r}, nil
	}
	return p.Recipients, nil
}

// Write takes a snapshot of src and writes it as a package at out;
// appVersion goes into the manifest. It returns the manifest written.
//
// out may be a new file or an older package, which is replaced (ask the
// user first: see CheckTarget); anything else there — the data file itself,
// a workbook, a folder — is refused, and left as it was. The package is
// written beside out under a temporary name, flushed and then renamed, so
// that out is either the old file or the whole new package, whatever stops
// the program; it is private (mode 0600). The snapshot is taken in a
// private folder beside the data file (the system's temporary folder only
// when that one cannot be written), never left there: what a killed backup
// leaves is removed when the data file is next opened, or by the next
// backup. A damaged data file is not backed up (storage.ErrDamaged).
func Write(src Source, out string, p Protection, appVersion string) (Manifest, error) {
	recipients, err := p.recipients()
	if err != nil {
		return Manifest{}, err
	}
	if _, err := CheckTarget(out, src.Path()); err != nil {
		return Manifest{}, err
	}
	// A package an earlier version was stopped writing on this drive.
	storage.RemoveOldTemps(filepath.Dir(out))
	work, err := workDir(src.Path())
	if err != nil {
		return Manifest{}, reason.Wrap(fmt.Sprintf("无法写入数据包 %s（先要在 %s 中临时复制数据文件）", out, filepath.Dir(src.Path())), err)
	}
	defer os.RemoveAll(work)
	db := filepath.Join(work, databaseEntry)
	at := src.Now()
	if err := src.Snapshot(db); err != nil {
		if errors.Is(err, storage.ErrDamaged) {
			return Manifest{}, err
		}
		return Manifest{}, reason.Wrap(fmt.Sprintf("无法写入数据包 %s（在 %s 中临时复制数据文件时失败）", out, filepath.Dir(work)), err)
	}
	// The manifest describes the snapshot, read back from it: a change made
	// in the window meanwhile cannot make the two disagree.
	sum, err := storage.Inspect(db)
	if err != nil {
		return Manifest{}, fmt.Errorf("备份的数据文件未通过检查：%w", err)
	}
	size, digest, err := hashFile(db)
	if err != nil {
		return Manifest{}, reason.Wrap("无法读取数据文件的副本 "+db, err)
	}
	m := Manifest{
		Format: FormatVersion, App: App, AppVersion: appVersion,
		SchemaVersion: sum.SchemaVersion, BranchUUID: sum.BranchUUID,
		OrgName: sum.OrgName, BranchName: sum.BranchName,
		SnapshotAt: at, Counts: sum.Counts,
		Database: FileInfo{Name: databaseEntry, Size: size, SHA256: digest},
	}
	if err := atomicfile.WritePrivate(out, func(w io.Writer) error { return writePackage(w, m, db, recipients) }); err != nil {
		return Manifest{}, err
	}
	return m, nil
}

// workDir makes the private folder a snapshot is taken in: beside the data
// file at dataPath, or in the system's temporary folder when that cannot be
// written (a write-protected stick). The names carry the process's id, so
// that storage.Open and the next backup remove what a killed one left.
func workDir(dataPath string) (string, error) {
	dir, err := atomicfile.MkdirTemp(filepath.Dir(dataPath), storage.WorkTempBase)
	if err == nil {
		return dir, nil
	}
	atomicfile.RemoveStale(os.TempDir(), storage.WorkTempBase)
	if tmp, terr := atomicfile.MkdirTemp(os.TempDir(), storage.WorkTempBase); terr == nil {
		return tmp, nil
	}
	return "", err
}

// CheckTarget says whether a package may be written at out for the data
// file at dataPath: exists reports an older package there, which writing
// replaces (the window asks first, the command line wants --replace). It
// refuses a folder, the data file itself (by whatever name or link it is
// reached), and any other file that is not a data package, such as a
// workbook or a data file: a backup never takes their place.
func CheckTarget(out, dataPath string) (exists bool, err error) {
	fi, err := os.Stat(out)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return false, nil
	case err != nil:
		return false, reason.Wrap("无法写入数据包 "+out, err)
	case fi.IsDir():
		return false, fmt.Errorf("%s 是一个文件夹：请在其中给数据包起一个文件名", out)
	}
	if err := atomicfile.CheckTarget(out); err != nil {
		return false, err
	}
	if di, err := os.Stat(dataPath); err == nil && os.SameFile(fi, di) {
		return false, fmt.Errorf("%s 是正在使用的数据文件本身，数据包不能写在它上面，请换一个文件名", out)
	}
	if !IsPackage(out) {
		return false, fmt.Errorf("%s 已经存在，而且不是支部台账的数据包（数据包的文件名以 %s 结尾）；不会覆盖它，请换一个文件名", out, Ext)
	}
	return true, nil
}

// IsPackage reports whether the file at path is a data package: an age
// file (encrypted packages cannot be looked into without their key) named
// with Ext, or a zip holding a manifest.
func IsPackage(path string) bool {
	kind, err := Probe(path)
	switch {
	case err != nil:
		return false
	case kind == Passphrase || kind == ForKey:
		return strings.EqualFold(filepath.Ext(path), Ext)
	case kind != Plain:
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return false
	}
	// A zip of millions of entries where a package is to be written is
	// no package, and is not listed in memory to find that out.
	zr, err := newZipReader(f, fi.Size())
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == manifestEntry {
			return true
		}
	}
	return false
}

// writePackage writes the zip of m and the database at db to w, through age
// when there are recipients.
func writePackage(w io.Writer, m Manifest, db string, recipients []age.Recipient) error {
	var enc io.WriteCloser
	if len(recipients) > 0 {
		var err error
		if enc, err = age.Encrypt(w, recipients...); err != nil {
			return &reason.Error{Msg: "加密数据包失败", Err: err}
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
		return reason.Wrap("无法读取数据文件的副本 "+db, err)
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
