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

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/atomicfile"
	rsn "branchledger/storage/reason"
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
		return nil, storage.BackupFolderError("无法读取备份文件夹 %s", dir, err)
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
//
// A backup dated after today was taken while the clock was wrong — ahead
// then, or back now. It takes no day's or month's place (it would keep a
// real one out, and never leave itself), and is not removed for being
// early: of such backups the newest KeepDays are kept, whichever clock was
// wrong, and the rest removed.
func Keep(bs []Backup, now time.Time) (keep, drop []Backup) {
	now = now.Local()
	today := day(now)
	firstOfDay := map[string]int{}   // day → index of its oldest backup
	firstOfMonth := map[string]int{} // month → index of its oldest backup
	future := 0
	kept := map[int]bool{}
	for i, b := range bs {
		if day(b.Taken) > today {
			if future < KeepDays {
				kept[i] = true
			}
			future++
			continue
		}
		firstOfDay[day(b.Taken)] = i // newest first: the last one seen is the oldest
		firstOfMonth[month(b.Taken)] = i
	}
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
		// Today's are all kept: a bad import can be undone step by step.
		if kept[i] || day(b.Taken) == today {
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
	return prune(dataPath, now, false)
}

// prune is Prune; with coming it applies the rule as if the backup about to
// be taken were there already, so that the one it pushes out of the rule
// makes room for it first.
func prune(dataPath string, now time.Time, coming bool) ([]Backup, error) {
	removeStaleTemps(dataPath)
	bs, err := List(dataPath)
	if err != nil {
		return nil, err
	}
	if coming {
		bs = append([]Backup{{Taken: now}}, bs...)
	}
	_, drop := Keep(bs, now)
	var removed []Backup
	for _, b := range drop {
		if b.Path == "" {
			continue
		}
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return removed, rsn.Wrap("无法删除旧的自动备份 "+b.Path, err)
		}
		removed = append(removed, b)
	}
	return removed, nil
}

// removeStaleTemps removes temporary backups that a backup stopped half
// way left: those of a process no longer running (atomicfile's names) and
// those of earlier versions of the app (storage.TempPrefix), which only the
// process holding the data file's lock — the caller — writes.
func removeStaleTemps(dataPath string) {
	dir := storage.BackupsDir(dataPath)
	atomicfile.RemoveStaleLike(dir, ".db")
	stem := strings.TrimSuffix(filepath.Base(dataPath), filepath.Ext(dataPath))
	matches, _ := filepath.Glob(filepath.Join(dir, storage.TempPrefix+stem+"-*"))
	for _, m := range matches {
		os.Remove(m)
	}
}

// The store's own backups (before an upgrade) follow the rolling rule too.
func init() {
	storage.SetPruner(func(dataPath string, now time.Time) { _, _ = prune(dataPath, now, true) })
}

// Take takes an automatic backup now for reason and keeps the folder by the
// rolling rule. It is the one call an import, a bulk change, a restore or
// an upgrade makes before it writes. The folder is pruned first, by the
// rule as it will stand with the new backup, so that the backup it lets go
// makes room for the new one on a full drive.
func Take(s Store, reason storage.BackupReason) (Backup, error) {
	// An old backup that cannot be removed costs only space; the backup
	// itself says if there is none left. (A *storage.Store's WriteBackup
	// prunes too, for its own upgrade backups: see init.)
	_, _ = prune(s.Path(), s.Now(), true)
	path, err := s.WriteBackup(reason)
	if err != nil {
		return Backup{}, err
	}
	b := Backup{Path: path, Reason: reason}
	b.Taken, _, _ = storage.ParseBackupName(s.Path(), filepath.Base(path))
	if fi, err := os.Stat(path); err == nil {
		b.Size = fi.Size()
	}
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
	// The newest backup written, by the files' own times: one named by a
	// clock that was wrong may sort anywhere.
	var newest time.Time
	for _, b := range bs {
		if fi, err := os.Stat(b.Path); err == nil && fi.ModTime().After(newest) {
			newest = fi.ModTime()
		}
	}
	if data, err := os.Stat(s.Path()); err == nil && !newest.IsZero() && !data.ModTime().After(newest) {
		return Backup{}, false, nil
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
// says that nothing was written: the change must not go ahead without it. A
// file opened read-only, or found damaged, is refused with the store's own
// sentence (storage.ErrReadOnly, storage.ErrDamaged): the change could not
// be written anyway, and the backup is not what failed.
func Before(s Store, reason storage.BackupReason) error {
	if ro, ok := s.(interface{ ReadOnly() bool }); ok && ro.ReadOnly() {
		return fmt.Errorf("%w：%s", storage.ErrReadOnly, s.Path())
	}
	if _, err := Take(s, reason); err != nil {
		if errors.Is(err, storage.ErrReadOnly) || errors.Is(err, storage.ErrDamaged) {
			return err
		}
		said := &rsn.Error{Msg: "写入前自动备份失败，没有写入任何数据：" + err.Error(), Err: err}
		if why, ok := model.SentenceOf(err); ok {
			// A screen says a Text alone (kit.SayErr): it must carry
			// the lead too.
			return &model.TextError{Kind: said, Text: model.Textf("写入前自动备份失败，没有写入任何数据：%s", why), Bare: true}
		}
		return said
	}
	return nil
}
