package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"time"
)

// Snapshot writes a consistent copy of the data file to dst, which must not
// exist yet, and flushes it to disk. It goes through SQLite's VACUUM INTO on
// the store's own connection, which holds the file's lock, so the copy is the
// file as of the last committed transaction — never a byte copy of a file in
// use. The copy has no free pages and no journal; it is a data file of the
// same schema version that Open and Inspect accept.
func (s *Store) Snapshot(dst string) error {
	if err := s.db.Exec("VACUUM INTO ?", dst).Error; err != nil {
		return fmt.Errorf("备份数据文件失败：%s：%s（%w）", dst, reason(err), err)
	}
	if err := syncFile(dst); err != nil {
		os.Remove(dst)
		return fmt.Errorf("备份数据文件失败：%s：%w", dst, err)
	}
	return nil
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
// backup in the folder is never half written, whatever stops the program.
func (s *Store) WriteBackup(reason BackupReason) (string, error) {
	dir := BackupsDir(s.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("无法创建备份文件夹 %s：%w", dir, err)
	}
	at := s.clock()
	var name string
	for n := 1; ; n++ {
		name = filepath.Join(dir, BackupName(s.path, at, reason, n))
		if _, err := os.Lstat(name); errors.Is(err, os.ErrNotExist) {
			break
		}
	}
	tmp := filepath.Join(dir, TempPrefix+filepath.Base(name))
	os.Remove(tmp) // left by a backup that was stopped half way
	if err := s.Snapshot(tmp); err != nil {
		os.Remove(tmp)
		return "", err
	}
	if err := os.Rename(tmp, name); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("备份数据文件失败：%s：%w", name, err)
	}
	if err := SyncDir(dir); err != nil {
		return "", fmt.Errorf("备份数据文件失败：%s：%w", name, err)
	}
	return name, nil
}

// TempPrefix starts the names of the files this app writes before renaming
// them into place (backups, restored data files); a file left with it by a
// program that was stopped is the app's own, and safe to remove.
const TempPrefix = ".branchledger-tmp-"
