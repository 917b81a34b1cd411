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
	"branchledger/storage/datapkg"
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
// for a package, by datapkg.Open; a refusal is one sentence naming path, and
// nothing is left behind. o.TempDir is where the copy goes ("" for the
// system's temporary folder).
func Open(path string, o datapkg.ReadOptions) (*Candidate, error) {
	kind, err := datapkg.Probe(path)
	if err != nil {
		return nil, err
	}
	switch kind {
	case datapkg.NotAPackage:
		if fi, err := os.Stat(path); err == nil && fi.Size() == 0 {
			return nil, fmt.Errorf("%w：%s（文件是空的）", ErrNotBackup, path)
		}
		return nil, fmt.Errorf("%w：%s", ErrNotBackup, path)
	case datapkg.DataFile:
		return openDataFile(path, o.TempDir)
	}
	p, err := datapkg.Open(path, o)
	if err != nil {
		return nil, err
	}
	return &Candidate{Source: path, Kind: kind, Taken: p.Manifest.SnapshotAt, Summary: p.Summary,
		data: p.DataFile(), cleanup: p.Close}, nil
}

// anyBackupTime is the time in an automatic backup's name, whichever data
// file it was of.
var anyBackupTime = regexp.MustCompile(`-(\d{8}-\d{6})-[a-z]+(?:-\d+)?\.db$`)

// openDataFile copies a data file and inspects the copy.
func openDataFile(path, tempDir string) (*Candidate, error) {
	dir, err := os.MkdirTemp(tempDir, storage.TempPrefix+"restore-")
	if err != nil {
		return nil, fmt.Errorf("无法创建临时文件夹，打不开备份 %s：%w", path, err)
	}
	copyPath := filepath.Join(dir, storage.FileName)
	fail := func(err error) (*Candidate, error) {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := copyFile(copyPath, path, datapkg.MaxDatabaseSize); err != nil {
		return fail(fmt.Errorf("无法读取备份 %s：%w", path, err))
	}
	sum, err := storage.Inspect(copyPath)
	if err != nil {
		return fail(&renamed{err, strings.ReplaceAll(err.Error(), copyPath, path)})
	}
	c := &Candidate{Source: path, Kind: datapkg.DataFile, Summary: sum, data: copyPath,
		cleanup: func() error { return os.RemoveAll(dir) }}
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

// renamed is an error told with another file's name; errors.Is still sees
// what it wraps.
type renamed struct {
	err error
	msg string
}

func (e *renamed) Error() string { return e.msg }
func (e *renamed) Unwrap() error { return e.err }

// copyFile copies src to a new file dst, at most limit bytes, and flushes it.
func copyFile(dst, src string, limit int64) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	n, err := io.Copy(out, io.LimitReader(in, limit+1))
	if err == nil && n > limit {
		err = fmt.Errorf("文件大于 %d MB", limit>>20)
	}
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(dst)
	}
	return err
}

// Check says whether c may replace a data file whose summary is current:
// another branch's backup is refused (ErrOtherBranch) unless replaceOther —
// the user said to replace — or the current file holds nothing yet (a new
// laptop's fresh file).
func (c *Candidate) Check(current storage.Summary, replaceOther bool) error {
	if c.Summary.BranchUUID == current.BranchUUID || replaceOther || current.Empty() {
		return nil
	}
	name := c.Summary.BranchName
	if name == "" {
		name = "未填写支部名称"
	}
	return fmt.Errorf("%w（%s），当前数据文件是%s的；确需用它替换当前数据时，请明确选择替换：%s",
		ErrOtherBranch, name, branchLabel(current), c.Source)
}

func branchLabel(s storage.Summary) string {
	if s.BranchName != "" {
		return "“" + s.BranchName + "”"
	}
	return "另一个支部"
}

// Staged is a restore ready to be committed: the current file backed up, the
// restored file written whole beside it. Commit it once nothing holds the
// data file (the store closed), or Discard it.
type Staged struct {
	Target string // the data file being replaced
	// Before is the automatic backup of the current file taken first; zero
	// when there was no file.
	Before Backup
	tmp    string
	// keepDamaged, if set, is where Commit copies the damaged file first.
	keepDamaged string
}

// Stage prepares restoring c over the data file s has open: it checks the
// branch (see Check), takes an automatic backup of the current file
// (storage.BackupRestore), and writes c's data file beside it under a
// temporary name, flushed to disk. Nothing visible changes until Commit.
func Stage(s Store, c *Candidate, replaceOther bool) (*Staged, error) {
	current, err := s.Summary()
	if err != nil {
		return nil, err
	}
	if err := c.Check(current, replaceOther); err != nil {
		return nil, err
	}
	before, err := Take(s, storage.BackupRestore)
	if err != nil {
		return nil, fmt.Errorf("恢复前备份当前数据文件失败，没有恢复：%w", err)
	}
	st, err := stageAt(s.Path(), c)
	if err != nil {
		return nil, err
	}
	st.Before = before
	return st, nil
}

// StageNew prepares restoring c as a new data file at target, which must
// not exist: restoring onto a new laptop.
func StageNew(target string, c *Candidate) (*Staged, error) {
	if _, err := os.Lstat(target); !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("数据文件 %s 已存在，请打开它再恢复", target)
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return nil, fmt.Errorf("无法创建文件夹 %s：%w", filepath.Dir(target), err)
	}
	return stageAt(target, c)
}

// StageDamaged prepares restoring c over a data file that cannot be opened
// because it is damaged (storage.ErrDamaged) or its schema was changed by
// another program (storage.ErrSchemaChanged). Nothing can read it to back it
// up, so Commit first keeps a byte copy of it beside it, named
// NAME.damaged-YYYYMMDD-HHMMSS, for whoever may still get something out of
// it. now stamps that name.
func StageDamaged(target string, c *Candidate, now time.Time) (*Staged, error) {
	st, err := stageAt(target, c)
	if err != nil {
		return nil, err
	}
	st.keepDamaged = fmt.Sprintf("%s.damaged-%s", target, now.Local().Format("20060102-150405"))
	return st, nil
}

func stageAt(target string, c *Candidate) (*Staged, error) {
	tmp := filepath.Join(filepath.Dir(target), storage.TempPrefix+filepath.Base(target)+".restore")
	os.Remove(tmp) // left by a restore that was stopped half way
	if err := copyFile(tmp, c.data, datapkg.MaxDatabaseSize); err != nil {
		return nil, fmt.Errorf("无法在 %s 写入恢复的数据文件，没有恢复：%w", filepath.Dir(target), err)
	}
	return &Staged{Target: target, tmp: tmp}, nil
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
		if err := copyFile(st.keepDamaged, st.Target, 1<<62); err != nil && !errors.Is(err, os.ErrNotExist) {
			st.Discard()
			return fmt.Errorf("无法保留损坏的数据文件的副本 %s，没有恢复：%w", st.keepDamaged, err)
		}
	}
	if err := os.Rename(st.tmp, st.Target); err != nil {
		st.Discard()
		return fmt.Errorf("无法用恢复的文件替换数据文件 %s，原文件保持不变：%w", st.Target, err)
	}
	if err := storage.SyncDir(filepath.Dir(st.Target)); err != nil {
		return fmt.Errorf("恢复的数据文件可能没有完全写入磁盘：%s：%w", st.Target, err)
	}
	return nil
}

// Discard removes the restored file that was not committed.
func (st *Staged) Discard() error {
	if err := os.Remove(st.tmp); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}
