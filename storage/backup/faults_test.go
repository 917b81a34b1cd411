package backup

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/datapkg"
	"branchledger/storage/demo"
	"branchledger/storage/internal/faultfs"
)

// english is what is left of msg in Latin letters once paths and quoted
// names are taken out: "" for a sentence in Chinese.
func english(msg string) string {
	msg = regexp.MustCompile(`/[^\s（）：，；]+|"[^"]*"|U盘|backups|\d+ [KMG]B`).ReplaceAllString(msg, "")
	return strings.Join(regexp.MustCompile(`[A-Za-z][A-Za-z ():.-]*`).FindAllString(msg, -1), " ")
}

// sentence fails t unless err is one Chinese sentence saying why, without a
// temporary file's name or the system's English.
func sentence(t *testing.T, err error, why string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	t.Logf("refused: %s", msg)
	if !strings.Contains(msg, why) {
		t.Errorf("%q: want it to say %q", msg, why)
	}
	if strings.Contains(msg, ".tmp") || strings.Contains(msg, storage.TempPrefix) || strings.Contains(msg, storage.WorkTempBase) {
		t.Errorf("%q names a temporary file", msg)
	}
	if w := english(msg); w != "" {
		t.Errorf("%q carries %q", msg, w)
	}
}

// branchIn opens a new data file in dir filled with n demo members, on a
// clock the test moves.
func branchIn(t *testing.T, dir string, n int) (*storage.Store, *clock) {
	t.Helper()
	c := &clock{time.Date(2026, 11, 1, 9, 0, 0, 0, cst)}
	s, err := storage.Open(filepath.Join(dir, storage.FileName), storage.WithClock(c.now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Fill(s, n, 7, model.DateOf(c.t)); err != nil {
		t.Fatal(err)
	}
	return s, c
}

// A backup dated after today (taken while the clock was wrong) keeps no
// real backup out of the rolling rule, and of many such only the newest
// KeepDays stay.
func TestFutureBackupsTakeNoPlace(t *testing.T) {
	now := time.Date(2026, 11, 30, 15, 0, 0, 0, time.Local)
	var past []Backup
	for i := range KeepDays {
		d := now.AddDate(0, 0, -i-1)
		past = append(past, Backup{Path: "past" + d.Format("0102"), Taken: time.Date(d.Year(), d.Month(), d.Day(), 9, 0, 0, 0, time.Local)})
	}
	var future []Backup
	for i := range 30 {
		future = append(future, Backup{Path: "future" + string(rune('A'+i)), Taken: time.Date(2099, 12, 30-i, 9, 0, 0, 0, time.Local)})
	}
	kept := func(keep []Backup, prefix string) int {
		n := 0
		for _, b := range keep {
			if strings.HasPrefix(b.Path, prefix) {
				n++
			}
		}
		return n
	}
	keep, _ := Keep(append(future[:1:1], past...), now)
	if kept(keep, "past") != KeepDays || kept(keep, "future") != 1 {
		t.Errorf("with one backup from 2099: kept %d of the %d real days and %d from 2099", kept(keep, "past"), KeepDays, kept(keep, "future"))
	}
	keep, drop := Keep(append(future, past...), now)
	if kept(keep, "past") != KeepDays || kept(keep, "future") != KeepDays || kept(drop, "future") != 30-KeepDays {
		t.Errorf("with 30 from 2099: kept %d real and %d from 2099, dropped %d", kept(keep, "past"), kept(keep, "future"), kept(drop, "future"))
	}
	// The newest of them stay: a clock put back, they are the real ones.
	if keep[0].Path != "futureA" {
		t.Errorf("kept first %s, want the newest from 2099", keep[0].Path)
	}
}

// A full drive where the rolling rule lets an old backup go: the old one
// goes first and the new one is taken. Where nothing can go, the message
// names the backups folder and says the disk is full.
func TestTakeMakesRoomOnAFullDrive(t *testing.T) {
	dir := faultfs.Small(t, 16<<20)
	s, c := branchIn(t, dir, 3)
	var size int64
	// Days 1 … 15: the rule keeps them all (the 1st as the month's first).
	for day := 1; day <= KeepDays+1; day++ {
		c.t = time.Date(2026, 11, day, 9, 0, 0, 0, cst)
		b, err := Take(s, storage.BackupImport)
		if err != nil {
			t.Fatal(err)
		}
		size = b.Size
	}
	faultfs.Fill(t, dir, size/2)
	// The 16th's backup pushes the 2nd's out of the rule: it goes first.
	c.t = time.Date(2026, 11, KeepDays+2, 9, 0, 0, 0, cst)
	if _, err := Take(s, storage.BackupImport); err != nil {
		t.Fatalf("the day after %d days of backups, on a full drive: %v", KeepDays+1, err)
	}
	bs, _ := List(s.Path())
	if len(bs) != KeepDays+1 || bs[len(bs)-1].Taken.Day() != 1 || bs[len(bs)-2].Taken.Day() != 3 {
		t.Errorf("%d backups, the oldest two of %v and %v; want %d, the 1st and from the 3rd", len(bs),
			bs[len(bs)-1].Taken, bs[len(bs)-2].Taken, KeepDays+1)
	}
	// Today's are all kept: nothing more can go.
	err := Before(s, storage.BackupImport)
	sentence(t, err, "磁盘空间已满")
	if !strings.Contains(err.Error(), storage.BackupsDir(s.Path())) || !strings.Contains(err.Error(), "没有写入任何数据") {
		t.Errorf("%q should name the backups folder and say nothing was written", err)
	}
	for _, name := range dirNames(t, storage.BackupsDir(s.Path())) {
		if strings.HasPrefix(name, ".") {
			t.Errorf("%s left in the backups folder", name)
		}
	}
}

// A backups folder that cannot be written stops the import with a sentence
// naming it; a read-only data file is refused as read-only, not as a
// failed backup.
func TestBackupFolderOrFileReadOnly(t *testing.T) {
	s, _ := newBranch(t, 3)
	dir := storage.BackupsDir(s.Path())
	os.MkdirAll(dir, 0o755)
	faultfs.ReadOnlyInPlace(t, dir)
	err := Before(s, storage.BackupImport)
	sentence(t, err, "只读")
	if !strings.Contains(err.Error(), dir) {
		t.Errorf("%q should name the backups folder", err)
	}

	src, _ := newBranch(t, 3)
	path := src.Path()
	src.Close()
	ro, err := storage.Open(filepath.Join(faultfs.ReadOnly(t, filepath.Dir(path)), storage.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	err = Before(ro, storage.BackupImport)
	if !errors.Is(err, storage.ErrReadOnly) || strings.Contains(err.Error(), "备份") {
		t.Errorf("import into a read-only file: %v, want ErrReadOnly's sentence", err)
	}
	b, _ := newBranch(t, 2)
	bk, _ := Take(b, storage.BackupImport)
	c, err := Open(bk.Path, datapkg.ReadOptions{TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := Stage(ro, c, true); !errors.Is(err, storage.ErrReadOnly) {
		t.Errorf("restore onto a read-only file: %v", err)
	}
}

// Automatic backups and restored files are as private as the data file.
func TestBackupsAndRestoredFilesArePrivate(t *testing.T) {
	s, _ := newBranch(t, 3)
	b, err := Take(s, storage.BackupImport)
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(b.Path); fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", fi.Mode().Perm())
	}
	c, err := Open(b.Path, datapkg.ReadOptions{TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	target := filepath.Join(t.TempDir(), storage.FileName)
	st, err := StageNew(target, c)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o600 {
		t.Errorf("restored file mode %v, want 0600", fi.Mode().Perm())
	}
}

// A data file reached through a link: its backups go beside the file, and
// a restore replaces the file, not the link.
func TestRestoreThroughALink(t *testing.T) {
	s, _ := newBranch(t, 5)
	real := s.Path()
	bk, _ := Take(s, storage.BackupImport)
	s.Close()
	link := filepath.Join(t.TempDir(), "台账.db")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	ls, err := storage.Open(link)
	if err != nil {
		t.Fatal(err)
	}
	if ls.Path() != real {
		t.Errorf("the store's path is %s, want the file the link points to", ls.Path())
	}
	c, err := NewService(ls, "0.1.0").Open(bk.Path, "")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	st, err := Stage(ls, c, false)
	if err != nil {
		t.Fatal(err)
	}
	ls.Close()
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if !strings.HasPrefix(st.Before.Path, storage.BackupsDir(real)) {
		t.Errorf("the backup before the restore is %s, not beside the file", st.Before.Path)
	}
	if _, err := storage.Inspect(link); err != nil {
		t.Errorf("the file behind the link after the restore: %v", err)
	}
	if _, err := os.Stat(storage.BackupsDir(link)); err == nil {
		t.Error("a backups folder was made beside the link")
	}
}

// A file is empty only if it holds nothing in any table beyond what a new
// file has: a recruit (or a transfer, a holiday …) is something.
func TestEmptyCountsEveryTable(t *testing.T) {
	fresh, _ := newBranch(t, 0)
	sum, err := fresh.Summary()
	if err != nil || !sum.Empty() {
		t.Fatalf("a new file: empty %v, %v", sum.Empty(), err)
	}
	for table := range sum.Counts {
		more := storage.Summary{Counts: map[string]int{}}
		for k, v := range sum.Counts {
			more.Counts[k] = v
		}
		more.Counts[table]++
		if more.Empty() {
			t.Errorf("a file with one more row in %s is taken for empty", table)
		}
	}
	other, _ := newBranch(t, 4)
	bk, _ := Take(other, storage.BackupImport)
	c, err := Open(bk.Path, datapkg.ReadOptions{TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	onlyRecruits := storage.Summary{BranchUUID: "另一个", Counts: map[string]int{}}
	for k, v := range sum.Counts {
		onlyRecruits.Counts[k] = v
	}
	onlyRecruits.Counts["recruits"] = 1
	if err := c.Check(onlyRecruits, false); !errors.Is(err, ErrOtherBranch) {
		t.Errorf("another branch's backup over a file holding a recruit: %v", err)
	}
}

// Two branches of the same name are told apart by the refusal.
func TestOtherBranchRefusalTellsSameNamesApart(t *testing.T) {
	a, _ := newBranch(t, 3)
	b, _ := newBranch(t, 6)
	bk, _ := Take(b, storage.BackupImport)
	c, err := Open(bk.Path, datapkg.ReadOptions{TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	cur, _ := a.Summary()
	if cur.BranchName != c.Summary.BranchName {
		t.Fatal("the demo branches should share a name")
	}
	err = c.Check(cur, false)
	if !errors.Is(err, ErrOtherBranch) || !strings.Contains(err.Error(), "党员 6 人") || !strings.Contains(err.Error(), "党员 3 人") ||
		!strings.Contains(err.Error(), cur.BranchUUID[:8]) {
		t.Errorf("refusal %q does not tell the branches apart", err)
	}
}

// A restore unpacks the backup beside the data file, never in the system's
// temporary folder, and leaves nothing there or beside the file.
func TestRestoreUnpacksBesideTheDataFile(t *testing.T) {
	tmp := systemTemp(t)
	s, _ := newBranch(t, 5)
	usb := t.TempDir()
	pkg := filepath.Join(usb, "包"+datapkg.Ext)
	svc := NewService(s, "0.1.0")
	if _, err := svc.BackupTo(pkg, "一个足够长的密码"); err != nil {
		t.Fatal(err)
	}
	c, err := svc.Open(pkg, "一个足够长的密码")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(c.data, filepath.Dir(s.Path())) {
		t.Errorf("the package was unpacked to %s", c.data)
	}
	if names := dirNames(t, tmp); len(names) != 0 {
		t.Errorf("in the system's temporary folder: %v", names)
	}
	st, err := svc.Stage(c, false)
	if err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	c.Close()
	for _, name := range dirNames(t, filepath.Dir(path)) {
		if name != storage.FileName && name != "backups" {
			t.Errorf("left beside the data file: %s", name)
		}
	}
	if names := dirNames(t, tmp); len(names) != 0 {
		t.Errorf("in the system's temporary folder: %v", names)
	}
}

// A restore onto a drive without room for the restored file says so of the
// data file's folder, and changes nothing.
func TestRestoreOntoAFullDrive(t *testing.T) {
	src, _ := newBranch(t, 50)
	bk, _ := Take(src, storage.BackupImport)
	pkg := filepath.Join(t.TempDir(), "包"+datapkg.Ext)
	if _, err := NewService(src, "0.1.0").BackupTo(pkg, ""); err != nil {
		t.Fatal(err)
	}
	dir := faultfs.Small(t, 8<<20)
	s, _ := branchIn(t, dir, 3)
	before := fileBytes(t, s.Path())
	faultfs.Fill(t, dir, 64<<10)
	for _, from := range []string{bk.Path, pkg} {
		_, err := NewService(s, "0.1.0").Open(from, "")
		sentence(t, err, "磁盘")
		if !strings.Contains(err.Error(), dir) {
			t.Errorf("%q should name the data file's folder", err)
		}
	}
	if string(fileBytes(t, s.Path())) != string(before) {
		t.Error("the data file changed")
	}
	for _, name := range dirNames(t, dir) {
		if name != storage.FileName && name != storage.FileName+"-journal" && name != "filler" {
			t.Errorf("left: %s", name)
		}
	}
}

// A damaged backup chosen for a restore is refused in the words of someone
// restoring — not "restore from a backup" — and without SQLite's English.
func TestDamagedBackupRefusedForWhatItIs(t *testing.T) {
	s, _ := newBranch(t, 5)
	b, _ := Take(s, storage.BackupImport)
	raw := fileBytes(t, b.Path)
	page := (len(raw) / 2 / 4096) * 4096
	clear(raw[page : page+4096])
	bad := filepath.Join(t.TempDir(), "坏的备份.db")
	os.WriteFile(bad, raw, 0o600)
	_, err := Open(bad, datapkg.ReadOptions{TempDir: t.TempDir()})
	sentence(t, err, "不能用来恢复")
	if !errors.Is(err, storage.ErrDamaged) || strings.Contains(err.Error(), "请用备份恢复") {
		t.Errorf("%q", err)
	}
}

// A data file whose indexes are damaged — which the quick check at open
// passes — is not backed up: the day's backup says it is damaged instead of
// keeping a copy of the damage.
func TestNoBackupOfADamagedFile(t *testing.T) {
	s, _ := newBranch(t, 40)
	path := s.Path()
	s.Close()
	damageIndex(t, path)
	s, err := storage.Open(path)
	if err != nil {
		t.Fatalf("the quick check should pass index damage: %v", err)
	}
	defer s.Close()
	_, took, err := Daily(s)
	if took || !errors.Is(err, storage.ErrDamaged) {
		t.Errorf("daily backup of a damaged file: took %v, %v", took, err)
	}
	if bs, _ := List(path); len(bs) != 0 {
		t.Errorf("backups of a damaged file: %v", bs)
	}
	if err := Before(s, storage.BackupImport); !errors.Is(err, storage.ErrDamaged) {
		t.Errorf("backup before an import into a damaged file: %v", err)
	}
}

// damageIndex changes one digit of an ID number in an index page of the
// data file at path: the table still reads, quick_check passes, the full
// check finds the index out of step with its table.
func damageIndex(t *testing.T, path string) {
	t.Helper()
	b := fileBytes(t, path)
	pageSize := int(binary.BigEndian.Uint16(b[16:18]))
	id := regexp.MustCompile(`\d{17}[\dX]`)
	for page := 1; (page+1)*pageSize <= len(b); page++ {
		p := b[page*pageSize : (page+1)*pageSize]
		if p[0] != 0x0a { // a leaf page of an index
			continue
		}
		if loc := id.FindIndex(p); loc != nil {
			p[loc[0]+10] = '0' + ('9'-p[loc[0]+10])%10 // another digit
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatal("no index page with ID numbers found")
}

// A restore onto a file whose index is damaged (the quick check at open
// lets it through, the full check before a backup does not) goes ahead:
// the damaged file is kept as a byte copy instead of a backup, and the
// restored file passes the full check.
func TestRestoreOverIndexDamage(t *testing.T) {
	s, _ := newBranch(t, 40)
	b, err := Take(s, storage.BackupImport)
	if err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	damageIndex(t, path)
	s, err = storage.Open(path)
	if err != nil {
		t.Fatalf("the quick check should pass index damage: %v", err)
	}
	c, err := NewService(s, "0.1.0").Open(b.Path, "")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	st, err := Stage(s, c, false)
	if err != nil {
		t.Fatalf("restore onto a file with a damaged index: %v", err)
	}
	s.Close()
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	if st.Before.Path != "" || st.Damaged() == "" {
		t.Errorf("before %q, damaged copy %q: want no backup and a copy", st.Before.Path, st.Damaged())
	}
	if v, err := storage.VerifyFile(st.Damaged()); err != nil || v.OK() {
		t.Errorf("the kept copy should be the damaged file: %+v, %v", v, err)
	}
	if v, err := storage.VerifyFile(path); err != nil || !v.OK() {
		t.Errorf("the restored file: %+v, %v", v.Problems, err)
	}
}

// The store's own backup before an upgrade (storage.WriteBackup, not Take)
// makes room by the rolling rule too on a full drive.
func TestUpgradeBackupMakesRoomOnAFullDrive(t *testing.T) {
	dir := faultfs.Small(t, 16<<20)
	s, c := branchIn(t, dir, 3)
	var size int64
	for day := 1; day <= KeepDays+1; day++ {
		c.t = time.Date(2026, 11, day, 9, 0, 0, 0, cst)
		b, err := Take(s, storage.BackupImport)
		if err != nil {
			t.Fatal(err)
		}
		size = b.Size
	}
	faultfs.Fill(t, dir, size/2)
	c.t = time.Date(2026, 11, KeepDays+2, 9, 0, 0, 0, cst)
	if _, err := s.WriteBackup(storage.BackupUpgrade); err != nil {
		t.Fatalf("the upgrade backup on a full drive the rule frees: %v", err)
	}
	if bs, _ := List(s.Path()); len(bs) != KeepDays+1 {
		t.Errorf("%d backups, want %d", len(bs), KeepDays+1)
	}
}
