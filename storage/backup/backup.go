// Package backup keeps a branch's data file safe from mistakes and damage:
// automatic backups in a backups folder beside the file, kept by a rolling
// rule; backups onto a chosen folder (a USB drive) as data packages; and
// restoring either, after a preview, with the current file itself backed up
// first and the restored file renamed into place whole.
package backup

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"branchledger/storage"
)

// Store is what backups need of the open data file (*storage.Store).
type Store interface {
	Path() string
	Now() time.Time
	// WriteBackup takes an automatic backup into storage.BackupsDir.
	WriteBackup(reason storage.BackupReason) (string, error)
	// Snapshot writes a consistent copy of the file to dst.
	Snapshot(dst string) error
	Summary() (storage.Summary, error)
}

// Backup is one automatic backup of a data file.
type Backup struct {
	Path   string
	Taken  time.Time // local time, to the second, from the file's name
	Reason storage.BackupReason
	Size   int64 // bytes
}

// Rolling rule: besides every backup taken today, the first backup of each of
// the last KeepDays days that have one and of each of the last KeepMonths
// months that have one. The first of a day is the file as the previous
// working day left it, the state a secretary remembers.
const (
	KeepDays   = 14
	KeepMonths = 12
)

// List returns the automatic backups of the data file at dataPath, newest
// first; an absent backups folder is an empty list.
func List(dataPath string) ([]Backup, error) {
	dir := storage.BackupsDir(dataPath)
	es, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("无法读取备份文件夹 %s：%w", dir, err)
	}
	var bs []Backup
	for _, e := range es {
		at, reason, ok := storage.ParseBackupName(dataPath, e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		bs = append(bs, Backup{Path: filepath.Join(dir, e.Name()), Taken: at, Reason: reason, Size: fi.Size()})
	}
	slices.SortFunc(bs, func(a, b Backup) int {
		if c := b.Taken.Compare(a.Taken); c != 0 {
			return c
		}
		return strings.Compare(b.Path, a.Path)
	})
	return bs, nil
}

// Space is the disk space backups take, in bytes.
func Space(bs []Backup) int64 {
	var n int64
	for _, b := range bs {
		n += b.Size
	}
	return n
}

// Keep applies the rolling rule at now to backups listed newest first and
// returns those to keep and those to remove, each newest first.
func Keep(bs []Backup, now time.Time) (keep, drop []Backup) {
	now = now.Local()
	today := day(now)
	firstOfDay := map[string]int{}   // day → index of its oldest backup
	firstOfMonth := map[string]int{} // month → index of its oldest backup
	for i, b := range bs {
		firstOfDay[day(b.Taken)] = i // newest first: the last one seen is the oldest
		firstOfMonth[month(b.Taken)] = i
	}
	kept := map[int]bool{}
	keepNewest := func(first map[string]int, n int) {
		keys := make([]string, 0, len(first))
		for k := range first {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		slices.Reverse(keys)
		for _, k := range keys[:min(n, len(keys))] {
			kept[first[k]] = true
		}
	}
	keepNewest(firstOfDay, KeepDays)
	keepNewest(firstOfMonth, KeepMonths)
	for i, b := range bs {
		// Today's are all kept: a bad import can be undone step by step. A
		// backup dated after now (a clock put back) is never removed by it.
		if kept[i] || day(b.Taken) >= today {
			keep = append(keep, b)
		} else {
			drop = append(drop, b)
		}
	}
	return keep, drop
}

func day(t time.Time) string   { return t.Local().Format("2006-01-02") }
func month(t time.Time) string { return t.Local().Format("2006-01") }

// Prune removes the backups the rolling rule drops, and the app's own
// temporary files that a backup stopped half way left behind. It returns the
// backups removed.
func Prune(dataPath string, now time.Time) ([]Backup, error) {
	bs, err := List(dataPath)
	if err != nil {
		return nil, err
	}
	_, drop := Keep(bs, now)
	var removed []Backup
	for _, b := range drop {
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return removed, fmt.Errorf("无法删除旧的备份 %s：%w", b.Path, err)
		}
		removed = append(removed, b)
	}
	removeStaleTemps(dataPath)
	return removed, nil
}

// removeStaleTemps removes temporary backups of this data file: only the
// process holding the file's lock writes them, and that is the caller.
func removeStaleTemps(dataPath string) {
	dir := storage.BackupsDir(dataPath)
	stem := strings.TrimSuffix(filepath.Base(dataPath), filepath.Ext(dataPath))
	matches, _ := filepath.Glob(filepath.Join(dir, storage.TempPrefix+stem+"-*"))
	for _, m := range matches {
		os.Remove(m)
	}
}

// Take takes an automatic backup now for reason and prunes the folder by
// the rolling rule. It is the one call an import, a bulk change, a restore or
// an upgrade makes before it writes.
func Take(s Store, reason storage.BackupReason) (Backup, error) {
	path, err := s.WriteBackup(reason)
	if err != nil {
		return Backup{}, err
	}
	b := Backup{Path: path, Reason: reason}
	b.Taken, _, _ = storage.ParseBackupName(s.Path(), filepath.Base(path))
	if fi, err := os.Stat(path); err == nil {
		b.Size = fi.Size()
	}
	// The backup is taken: an old one that could not be removed costs only
	// space, and the next backup tries again.
	_, _ = Prune(s.Path(), s.Now())
	return b, nil
}

// Daily takes the day's automatic backup if there is none yet today and the
// file has changed since the newest backup — once on each day the data
// changed — and says whether it did. Call it when the file is opened: it
// also removes what a backup stopped half way left in the backups folder.
// Whether the file changed is read from the modification times of the file
// and of the newest backup; an empty new file is not backed up.
func Daily(s Store) (Backup, bool, error) {
	// A file opened read-only (a write-protected stick) has nothing new to
	// keep, and often nowhere to put it.
	if ro, ok := s.(interface{ ReadOnly() bool }); ok && ro.ReadOnly() {
		return Backup{}, false, nil
	}
	// Opening is when a backup stopped half way by a crash is cleared up.
	removeStaleTemps(s.Path())
	bs, err := List(s.Path())
	if err != nil {
		return Backup{}, false, err
	}
	today := day(s.Now())
	for _, b := range bs {
		if day(b.Taken) == today {
			return Backup{}, false, nil
		}
	}
	if len(bs) > 0 {
		data, err1 := os.Stat(s.Path())
		newest, err2 := os.Stat(bs[0].Path)
		if err1 == nil && err2 == nil && !data.ModTime().After(newest.ModTime()) {
			return Backup{}, false, nil
		}
	}
	sum, err := s.Summary()
	if err != nil {
		return Backup{}, false, err
	}
	if sum.Empty() {
		return Backup{}, false, nil
	}
	b, err := Take(s, storage.BackupDaily)
	if err != nil {
		return Backup{}, false, err
	}
	return b, true, nil
}

// Before takes the automatic backup an import or a bulk change makes before
// it writes (reason storage.BackupImport or storage.BackupBulk). Its error
// says that nothing was written: the change must not go ahead without it.
func Before(s Store, reason storage.BackupReason) error {
	if _, err := Take(s, reason); err != nil {
		return fmt.Errorf("写入前自动备份失败，没有写入任何数据：%w", err)
	}
	return nil
}
