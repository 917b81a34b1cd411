package storage

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"branchledger/model"
	"branchledger/storage/atomicfile"
	"branchledger/storage/reason"
)

// Snapshot writes a consistent copy of the data file to dst, which must not
// exist yet or be empty, and flushes it to disk. It goes through SQLite's
// VACUUM INTO on the store's own connection, which holds the file's lock, so
// the copy is the file as of the last committed transaction — never a byte
// copy of a file in use. The copy has no free pages and no journal; it is a
// data file of the same schema version that Open and Inspect accept.
//
// A copy is only made of a file that has passed the full integrity check
// (run now if it has not run yet): a backup of a damaged file would only
// carry the damage on. The check's ErrDamaged is returned as is; any other
// error says why the copy failed (reason.Of) without naming dst, which is
// usually a temporary file the caller names better.
func (s *Store) Snapshot(dst string) error {
	if err := s.checked(); err != nil {
		return err
	}
	if err := s.db.Exec("VACUUM INTO ?", dst).Error; err != nil {
		return &reason.Error{Msg: "复制数据文件失败：" + reason.Of(err), Err: err}
	}
	if err := syncFile(dst); err != nil {
		return &reason.Error{Msg: "复制数据文件失败：" + reason.Of(err), Err: err}
	}
	return nil
}

// checked waits for the full integrity check, running it now if nothing has
// started it, and returns its result.
func (s *Store) checked() error {
	if s.check.finished.Load() {
		return s.check.err
	}
	conn, err := s.sql.Conn(context.Background())
	if err != nil {
		return s.openError(err)
	}
	defer conn.Close()
	return s.runCheck(conn)
}

// SchemaVersion is the newest schema version this app knows: files of a
// higher one (PRAGMA user_version) are refused.
func SchemaVersion() int { return latestVersion() }

// Now is the time by the store's clock (see WithClock): the time backups and
// packages are stamped with.
func (s *Store) Now() time.Time { return s.clock() }

// syncFile flushes a file's contents to the disk.
func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// SyncDir flushes a folder's entries (a file just created or renamed in it)
// to the disk, where the system allows it: Windows cannot flush a folder
// (NTFS journals its own metadata), and some file systems answer EINVAL.
func SyncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return err
	}
	return nil
}

// BackupReason says why an automatic backup was taken; it is part of the
// backup's file name.
type BackupReason string

// Why automatic backups are taken.
const (
	BackupDaily   BackupReason = "daily"   // once on each day the data changed
	BackupImport  BackupReason = "import"  // before an import
	BackupBulk    BackupReason = "bulk"    // before a change to many records at once
	BackupRestore BackupReason = "restore" // before a restore replaces the file
	BackupUpgrade BackupReason = "upgrade" // before a new version upgrades the schema
)

// BackupReasons are the reasons in the order a list explains them.
var BackupReasons = []BackupReason{BackupDaily, BackupImport, BackupBulk, BackupRestore, BackupUpgrade}

// BackupsDir is the folder of a data file's automatic backups: "backups"
// beside it. Data files in one folder share it; each backup's name starts
// with its data file's name.
func BackupsDir(dataPath string) string {
	return filepath.Join(filepath.Dir(dataPath), "backups")
}

// backupTimeLayout is the time in a backup's name, local time to the second.
const backupTimeLayout = "20060102-150405"

// BackupName is the file name of the automatic backup of the data file at
// dataPath taken at `at` for reason: branchledger-20261130-143005-import.db
// for branchledger.db. n > 1 tells apart backups taken in the same second
// for the same reason (…-import-2.db).
func BackupName(dataPath string, at time.Time, reason BackupReason, n int) string {
	stem := strings.TrimSuffix(filepath.Base(dataPath), filepath.Ext(dataPath))
	name := fmt.Sprintf("%s-%s-%s", stem, at.Local().Format(backupTimeLayout), reason)
	if n > 1 {
		name += fmt.Sprintf("-%d", n)
	}
	return name + ".db"
}

var backupNameTail = regexp.MustCompile(`^-(\d{8}-\d{6})-([a-z]+)(?:-(\d+))?\.db$`)

// ParseBackupName reads the time and reason from the name of one of the data
// file's automatic backups; ok is false for any other file, including the
// backups of another data file in the same folder.
func ParseBackupName(dataPath, name string) (at time.Time, reason BackupReason, ok bool) {
	stem := strings.TrimSuffix(filepath.Base(dataPath), filepath.Ext(dataPath))
	if !strings.HasPrefix(name, stem) {
		return time.Time{}, "", false
	}
	m := backupNameTail.FindStringSubmatch(name[len(stem):])
	if m == nil {
		return time.Time{}, "", false
	}
	at, err := time.ParseInLocation(backupTimeLayout, m[1], time.Local)
	if err != nil {
		return time.Time{}, "", false
	}
	for _, r := range BackupReasons {
		if string(r) == m[2] {
			return at, r, true
		}
	}
	return time.Time{}, "", false
}

// WriteBackup takes an automatic backup of the file as it is now into
// BackupsDir, named by BackupName, and returns its path. The copy is written
// under a temporary name and renamed once it is whole and on the disk, so a
// backup in the folder is never half written, whatever stops the program
// (Open removes what a stopped one left). A backup is private (mode 0600),
// as the data file is.
//
// It fails with ErrReadOnly for a file opened read-only, with the full
// check's ErrDamaged for a damaged file (nothing is copied then), and
// otherwise with a sentence naming the backups folder and why.
func (s *Store) WriteBackup(reason BackupReason) (string, error) {
	if s.readOnly {
		return "", fmt.Errorf("%w：%s", ErrReadOnly, s.path)
	}
	dir := BackupsDir(s.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", backupError(dir, err)
	}
	at := s.clock()
	if p := pruner.Load(); p != nil {
		// The backups the rolling rule lets go once this one is taken go
		// first, so that a full folder does not block it.
		(*p)(s.path, at)
	}
	var name string
	for n := 1; ; n++ {
		name = filepath.Join(dir, BackupName(s.path, at, reason, n))
		if _, err := os.Lstat(name); errors.Is(err, os.ErrNotExist) {
			break
		}
	}
	f, err := atomicfile.CreateTemp(dir, filepath.Base(name))
	if err != nil {
		return "", backupError(dir, err)
	}
	tmp := f.Name()
	f.Close()
	if err := s.Snapshot(tmp); err != nil {
		os.Remove(tmp)
		if errors.Is(err, ErrDamaged) {
			return "", err
		}
		return "", backupError(dir, err)
	}
	if err := os.Rename(tmp, name); err != nil {
		os.Remove(tmp)
		return "", backupError(dir, err)
	}
	if err := SyncDir(dir); err != nil {
		return "", backupError(dir, err)
	}
	return name, nil
}

// pruner is the rolling rule of storage/backup, which registers it (see
// SetPruner): storage cannot import the package that keeps it.
var pruner atomic.Pointer[func(dataPath string, now time.Time)]

// SetPruner sets what WriteBackup runs first: storage/backup's rolling rule
// applied as if the new backup were taken, which removes those it lets go.
// Every backup a store writes itself (before an upgrade) then makes room as
// those storage/backup takes do.
func SetPruner(prune func(dataPath string, now time.Time)) { pruner.Store(&prune) }

// backupError is the failure of an automatic backup into the folder dir.
func backupError(dir string, err error) error {
	return BackupFolderError("无法在备份文件夹 %s 写入自动备份", dir, err)
}

// BackupFolderError is the failure err of what (a format naming the
// backups folder dir by %s) with why and what to do, the advice following
// the reason (a full disk, a write-protected drive, no permission, a file in
// the folder's place, a file held by another program; review s7-10 R9),
// kept as a Text so that the English window says it in English (R8). The
// system's error stays in the chain for errors.Is and the log
// (reason.Detail).
func BackupFolderError(what, dir string, err error) error {
	return &model.TextError{
		Kind: reason.Wrap(fmt.Sprintf(what, dir), err),
		Text: model.Textf(what+"：%s", dir, backupCause(dir, err)),
		Bare: true,
	}
}

// backupCause is why the backups folder dir could not be read or written,
// and what the user can do about it.
func backupCause(dir string, err error) model.Text {
	if fi, statErr := os.Stat(dir); statErr == nil && !fi.IsDir() {
		return model.Textf("那里是一个同名的文件，不是文件夹；请把这个文件改名或移走")
	}
	switch {
	case reason.IsFull(err):
		return model.Textf("磁盘空间已满；请删除一些不用的文件，腾出空间")
	case reason.InUse(err):
		return model.Textf("文件正被别的程序使用（例如网盘同步或杀毒软件）；请关闭它或等它完成")
	case reason.ReadOnly(err):
		return model.Textf("备份文件夹所在的位置是只读的（U盘是否有写保护？）；请去掉写保护")
	case reason.NoPermission(err):
		return model.Textf("没有写入备份文件夹的权限；请在文件夹的属性中允许写入，或请管理电脑的人处理")
	}
	// Of's sentences are in the translation files and carry their advice.
	return model.Text{Format: reason.Of(err)}
}

// WorkTempBase names the private folders (atomicfile.MkdirTemp) that work on
// a data file uses beside it or in the system's temporary folder: the
// snapshot a data package is made from, a package or backup unpacked for a
// restore. Open removes those a killed process left.
const WorkTempBase = "branchledger-work"

// TempPrefix started the names of the files earlier versions of this app
// wrote before renaming them into place (backups, restored data files,
// packages, snapshots in the system's temporary folder); a file left with
// it by a program that was stopped is the app's own, and safe to remove
// (see RemoveOldTemps). Files written now are named by atomicfile.CreateTemp.
const TempPrefix = ".branchledger-tmp-"

// RemoveOldTemps removes from dir what earlier versions of the app left
// under TempPrefix when they were stopped half way — a plain copy of a
// branch's records among them — once nothing has touched it for ten
// minutes (their names do not say which process wrote them).
func RemoveOldTemps(dir string) { atomicfile.RemoveOlder(dir, TempPrefix) }
