package backup

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"branchledger/storage"
	"branchledger/storage/atomicfile"
	"branchledger/storage/datapkg"
	"branchledger/storage/reason"
)

// Errors of a restore, wrapped in a sentence naming the file.
var (
	ErrNotBackup   = errors.New("不是支部台账的备份或数据包")
	ErrOtherBranch = errors.New("这是另一个支部的备份")
	ErrJournal     = errors.New("数据文件旁有未完成的日志文件（-journal），可能有别的程序正在使用它，没有恢复")
)

// Candidate is a backup or data package chosen for a restore, checked and
// ready to preview: its own private copy of the data file passed every check
// of storage.Inspect. Close removes the copy.
type Candidate struct {
	Source  string       // the file chosen
	Kind    datapkg.Kind // DataFile (an automatic backup, a copied data file) or a package kind
	Taken   time.Time    // when the snapshot was taken, as far as the file says
	Summary storage.Summary

	data    string // the checked copy
	staged  bool   // data was renamed into place by Stage: Close leaves it
	cleanup func() error
}

// Close removes the candidate's copy of the data file.
func (c *Candidate) Close() error {
	if c.cleanup == nil {
		return nil
	}
	err := c.cleanup()
	c.cleanup = nil
	return err
}

// Open reads the backup or package at path for a restore: a data package
// (plain, or with o's passphrase or keys) or a data file (an automatic
// backup, a copy of a data file). Every file is treated as one from a USB
// drive: it is copied (never used in place), checked by storage.Inspect and,
// for a package, by datapkg.Open; a refusal is one sentence naming path,
// and nothing is left behind.
//
// o.TempDir is where the copy goes: the folder of the data file to restore
// ("" only for a check that restores nothing: the system's temporary
// folder), so that no copy of a branch's records lands in the system's
// temporary folder, and staging the restore is a rename. The copy is in a
// private folder named as atomicfile.MkdirTemp names them, which
// storage.Open removes if the program is killed meanwhile.
func Open(path string, o datapkg.ReadOptions) (*Candidate, error) {
	kind, err := datapkg.Probe(path)
	if err != nil {
		return nil, err
	}
	if kind == datapkg.NotAPackage {
		if fi, err := os.Stat(path); err == nil && fi.Size() == 0 {
			return nil, fmt.Errorf("%w：%s（文件是空的）", ErrNotBackup, path)
		}
		return nil, fmt.Errorf("%w：%s", ErrNotBackup, path)
	}
	tempDir := o.TempDir
	if tempDir == "" {
		tempDir = os.TempDir()
	}
	atomicfile.RemoveStale(tempDir, storage.WorkTempBase)
	work, err := atomicfile.MkdirTemp(tempDir, storage.WorkTempBase)
	if err != nil {
		return nil, reason.Wrap(fmt.Sprintf("无法在文件夹 %s 中打开备份 %s", tempDir, path), err)
	}
	cleanup := func() error { return os.RemoveAll(work) }
	var c *Candidate
	if kind == datapkg.DataFile {
		c, err = openDataFile(path, work)
	} else {
		c, err = openPackage(path, kind, o, work)
	}
	if err != nil {
		cleanup()
		return nil, restoreError(err, path)
	}
	c.cleanup = cleanup
	return c, nil
}

// openPackage reads and checks a data package into work.
func openPackage(path string, kind datapkg.Kind, o datapkg.ReadOptions, work string) (*Candidate, error) {
	o.TempDir = work
	p, err := datapkg.Open(path, o)
	if err != nil {
		return nil, err
	}
	return &Candidate{Source: path, Kind: kind, Taken: p.Manifest.SnapshotAt, Summary: p.Summary, data: p.DataFile()}, nil
}

// anyBackupTime is the time in an automatic backup's name, whichever data
// file it was of.
var anyBackupTime = regexp.MustCompile(`-(\d{8}-\d{6})-[a-z]+(?:-\d+)?\.db$`)

// openDataFile copies a data file into work and inspects the copy.
func openDataFile(path, work string) (*Candidate, error) {
	copyPath := filepath.Join(work, storage.FileName)
	if fi, err := os.Stat(path); err == nil {
		if err := roomFor(work, fi.Size(), path); err != nil {
			return nil, err
		}
	}
	if werr, err := copyFile(copyPath, path, datapkg.MaxDatabaseSize); werr != nil {
		return nil, reason.Wrap(fmt.Sprintf("无法在文件夹 %s 中复制备份 %s", filepath.Dir(work), path), werr)
	} else if err != nil {
		return nil, reason.Wrap("无法读取备份 "+path, err)
	}
	sum, err := storage.Inspect(copyPath)
	if err != nil {
		return nil, &renamed{err, strings.ReplaceAll(err.Error(), copyPath, path)}
	}
	c := &Candidate{Source: path, Kind: datapkg.DataFile, Summary: sum, data: copyPath}
	if m := anyBackupTime.FindStringSubmatch(filepath.Base(path)); m != nil {
		c.Taken, _ = time.ParseInLocation("20060102-150405", m[1], time.Local)
	}
	if c.Taken.IsZero() {
		if fi, err := os.Stat(path); err == nil {
			c.Taken = fi.ModTime()
		}
	}
	return c, nil
}

// restoreError tells why the backup at path cannot be restored, in the
// words of someone restoring: storage's refusals of a data file say to
// restore from a backup, which is what the user is doing. What it wraps
// stays for errors.Is and the log.
func restoreError(err error, path string) error {
	var msg string
	switch {
	case errors.Is(err, storage.ErrDamaged):
		msg = fmt.Sprintf("备份 %s 已损坏，不能用来恢复%s。请换一个备份（例如 backups 文件夹中更早的一个）", path, findings(err))
	case errors.Is(err, storage.ErrSchemaChanged):
		msg = fmt.Sprintf("备份 %s 中数据文件的结构被别的程序改动过，不能用来恢复%s。请换一个备份", path, findings(err))
	case errors.Is(err, storage.ErrNewerSchema):
		msg = fmt.Sprintf("备份 %s 由更新版本的支部台账生成，请升级软件后再恢复", path)
	case errors.Is(err, storage.ErrNotDatabase):
		msg = fmt.Sprintf("%s：%s", ErrNotBackup.Error(), path)
	default:
		return err
	}
	return &reason.Error{Msg: msg, Err: err}
}

// findings is the bracketed detail at the end of a refusal ("（检查结果：…）",
// "（多了触发器 …）"), or "".
func findings(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, "（"); i >= 0 && strings.HasSuffix(msg, "）") {
		return msg[i:]
	}
	return ""
}

// renamed is an error told with another file's name; errors.Is still sees
// what it wraps.
type renamed struct {
	err error
	msg string
}

func (e *renamed) Error() string { return e.msg }
func (e *renamed) Unwrap() error { return e.err }

// copyFile copies src to a new private file dst, at most limit bytes, and
// flushes it. werr is a failure to write dst (the disk's fault), err one to
// read src (the source's).
func copyFile(dst, src string, limit int64) (werr, err error) {
	in, err := os.Open(src)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	out, werr := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if werr != nil {
		return werr, nil
	}
	w := &recordingWriter{w: out}
	n, err := io.Copy(w, io.LimitReader(in, limit+1))
	if err == nil && n > limit {
		err = fmt.Errorf("文件大于 %d MB", limit>>20)
	}
	if w.err == nil {
		w.err = out.Sync()
	}
	if cerr := out.Close(); w.err == nil {
		w.err = cerr
	}
	if w.err != nil || err != nil {
		os.Remove(dst)
	}
	if w.err != nil {
		return w.err, nil
	}
	return nil, err
}

// recordingWriter keeps the first error of writing to w, so that a copy
// can tell a full disk from an unreadable source.
type recordingWriter struct {
	w   io.Writer
	err error
}

func (r *recordingWriter) Write(p []byte) (int, error) {
	n, err := r.w.Write(p)
	if err != nil && r.err == nil {
		r.err = err
	}
	return n, err
}

// roomMargin is the space left free besides a copied data file.
const roomMargin = 1 << 20

// roomFor refuses to copy a file of size bytes into dir when its disk has
// not room for it, before anything is written.
func roomFor(dir string, size int64, path string) error {
	free, err := atomicfile.FreeSpace(dir)
	if err != nil || free >= size+roomMargin {
		return nil
	}
	return fmt.Errorf("无法恢复 %s：文件夹 %s 所在的磁盘空间不足（需要约 %d MB，只剩 %d MB），请先腾出空间",
		path, filepath.Dir(dir), (size+roomMargin)>>20, free>>20)
}

// Check says whether c may replace a data file whose summary is current:
// another branch's backup is refused (ErrOtherBranch) unless replaceOther —
// the user said to replace — or the current file holds nothing yet (a new
// laptop's fresh file). The refusal tells the two branches apart even when
// they bear the same name: organisation, members and identity.
func (c *Candidate) Check(current storage.Summary, replaceOther bool) error {
	if c.Summary.BranchUUID == current.BranchUUID || replaceOther || current.Empty() {
		return nil
	}
	return fmt.Errorf("%w（%s），当前数据文件是另一个支部的（%s）；确需用它替换当前数据时，请明确选择替换：%s",
		ErrOtherBranch, branchLabel(c.Summary), branchLabel(current), c.Source)
}

// branchLabel names a branch so that two of the same name differ: its
// organisation and name, its members and the start of its identity.
func branchLabel(s storage.Summary) string {
	var parts []string
	if s.OrgName != "" {
		parts = append(parts, s.OrgName)
	}
	if s.BranchName != "" {
		parts = append(parts, s.BranchName)
	} else {
		parts = append(parts, "未填写支部名称")
	}
	parts = append(parts, fmt.Sprintf("党员 %d 人", s.Members()))
	if id := s.BranchUUID; id != "" {
		parts = append(parts, "支部标识 "+id[:min(8, len(id))])
	}
	return strings.Join(parts, "，")
}

// Staged is a restore ready to be committed: the current file backed up, the
// restored file written whole beside it. Commit it once nothing holds the
// data file (the store closed), or Discard it.
type Staged struct {
	Target string // the data file being replaced (the file a link points to)
	// Before is the automatic backup of the current file taken first; zero
	// when there was no file.
	Before Backup
	tmp    string
	// keepDamaged, if set, is where Commit copies the damaged file first.
	keepDamaged string
	// from is the candidate whose checked copy was renamed to tmp, nil if
	// tmp is a copy: Discard gives it back.
	from *Candidate
}

// Stage prepares restoring c over the data file s has open: it checks the
// branch (see Check), takes an automatic backup of the current file
// (storage.BackupRestore), and writes c's data file beside it under a
// temporary name, flushed to disk. Nothing visible changes until Commit. A
// file opened read-only is refused (storage.ErrReadOnly). A file the full
// check finds damaged is not backed up; Commit keeps a byte copy of it
// beside it instead (see Damaged).
func Stage(s Store, c *Candidate, replaceOther bool) (*Staged, error) {
	if ro, ok := s.(interface{ ReadOnly() bool }); ok && ro.ReadOnly() {
		return nil, fmt.Errorf("%w：%s（不能恢复到它上面）", storage.ErrReadOnly, s.Path())
	}
	current, err := s.Summary()
	if err != nil {
		return nil, err
	}
	if err := c.Check(current, replaceOther); err != nil {
		return nil, err
	}
	before, err := Take(s, storage.BackupRestore)
	damaged := errors.Is(err, storage.ErrDamaged)
	if err != nil && !damaged {
		return nil, &reason.Error{Msg: "恢复前备份当前数据文件失败，没有恢复：" + err.Error(), Err: err}
	}
	st, err := stageAt(s.Path(), c)
	if err != nil {
		return nil, err
	}
	st.Before = before
	if damaged {
		// The full check found damage the quick one at open let through
		// (an index): no backup is made of a damaged file, so Commit keeps
		// a byte copy of it instead, as StageDamaged does — the restore is
		// what repairs it.
		st.keepDamaged = fmt.Sprintf("%s.damaged-%s", st.Target, s.Now().Local().Format("20060102-150405"))
	}
	return st, nil
}

// StageNew prepares restoring c as a new data file at target, which must
// not exist: restoring onto a new laptop.
func StageNew(target string, c *Candidate) (*Staged, error) {
	if _, err := os.Lstat(target); !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("数据文件 %s 已存在，请打开它再恢复", target)
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return nil, reason.Wrap(fmt.Sprintf("无法创建文件夹 %s，没有恢复", filepath.Dir(target)), err)
	}
	return stageAt(target, c)
}

// StageDamaged prepares restoring c over a data file that cannot be opened
// because it is damaged or cut short (storage.ErrDamaged), empty
// (storage.ErrEmptyFile) or its schema was changed by another program
// (storage.ErrSchemaChanged). Nothing can read it to back it up, so Commit
// first keeps a byte copy of it beside it, named
// NAME.damaged-YYYYMMDD-HHMMSS, for whoever may still get something out of
// it (none of an empty file). now stamps that name. A target that is a link
// is restored into the file it points to.
func StageDamaged(target string, c *Candidate, now time.Time) (*Staged, error) {
	if real, err := filepath.EvalSymlinks(target); err == nil {
		target = real
	}
	st, err := stageAt(target, c)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(target); err == nil && fi.Size() > 0 {
		st.keepDamaged = fmt.Sprintf("%s.damaged-%s", target, now.Local().Format("20060102-150405"))
	}
	return st, nil
}

// Damaged is where Commit keeps the damaged file's copy, "" if it keeps
// none.
func (st *Staged) Damaged() string { return st.keepDamaged }

// stageAt writes c's data file beside target under a temporary name: a
// rename of the checked copy when it is in the same folder (it was opened
// there), a copy otherwise. The restored file gets the mode of the file it
// replaces, or 0600 for a new one.
func stageAt(target string, c *Candidate) (*Staged, error) {
	if c.staged {
		return nil, fmt.Errorf("备份 %s 已经用于一次恢复，请重新选择它", c.Source)
	}
	dir := filepath.Dir(target)
	fail := func(err error) (*Staged, error) {
		return nil, reason.Wrap(fmt.Sprintf("无法在 %s 写入恢复的数据文件，没有恢复", dir), err)
	}
	f, err := atomicfile.CreateTemp(dir, filepath.Base(target))
	if err != nil {
		return fail(err)
	}
	tmp := f.Name()
	f.Close()
	if err := os.Rename(c.data, tmp); err != nil {
		if fi, serr := os.Stat(c.data); serr == nil {
			if err := roomFor(tmp, fi.Size(), c.Source); err != nil {
				os.Remove(tmp)
				return nil, err
			}
		}
		os.Remove(tmp)
		if werr, err := copyFile(tmp, c.data, datapkg.MaxDatabaseSize); werr != nil {
			return fail(werr)
		} else if err != nil {
			return nil, reason.Wrap("无法读取备份 "+c.Source, err)
		}
	} else {
		// The checked copy is used up, until Discard gives it back.
		c.staged = true
	}
	mode := os.FileMode(0o600)
	if fi, err := os.Stat(target); err == nil {
		mode = fi.Mode().Perm()
	}
	if err := os.Chmod(tmp, mode); err != nil {
		os.Remove(tmp)
		return fail(err)
	}
	st := &Staged{Target: target, tmp: tmp}
	if c.staged {
		st.from = c
	}
	return st, nil
}

// Commit renames the restored file into place and flushes the folder; call
// it when nothing holds the data file. A leftover journal beside the data
// file (another program using it, or one that crashed) would be applied to
// the restored file by SQLite, so Commit refuses then and leaves both files
// as they are. If Commit fails, the old file is still in place.
func (st *Staged) Commit() error {
	if _, err := os.Lstat(st.Target + "-journal"); err == nil {
		st.Discard()
		return fmt.Errorf("%w：%s", ErrJournal, st.Target)
	}
	if st.keepDamaged != "" {
		// A copy, not a rename: until the restored file is renamed over
		// it, the data file must stay where it is.
		if werr, err := copyFile(st.keepDamaged, st.Target, 1<<62); werr != nil || (err != nil && !errors.Is(err, os.ErrNotExist)) {
			st.Discard()
			return reason.Wrap(fmt.Sprintf("无法保留损坏的数据文件的副本 %s，没有恢复", st.keepDamaged), errors.Join(werr, err))
		}
	}
	if err := os.Rename(st.tmp, st.Target); err != nil {
		st.Discard()
		return reason.Wrap(fmt.Sprintf("无法用恢复的文件替换数据文件 %s，原文件保持不变", st.Target), err)
	}
	if err := storage.SyncDir(filepath.Dir(st.Target)); err != nil {
		return reason.Wrap("恢复的数据文件可能没有完全写入磁盘："+st.Target, err)
	}
	return nil
}

// Discard removes the restored file that was not committed, or gives it
// back to its candidate if that is still open, for another try.
func (st *Staged) Discard() error {
	if c := st.from; c != nil && c.staged {
		st.from = nil
		if err := os.Rename(st.tmp, c.data); err == nil {
			c.staged = false
			return nil
		}
	}
	if err := os.Remove(st.tmp); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}
