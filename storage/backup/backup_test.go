package backup

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/datapkg"
	"branchledger/storage/demo"
)

var cst = time.FixedZone("CST", 8*3600)

// clock is a settable clock for a store.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// newBranch opens a new data file in a fresh folder, filled by demo with n
// members and their history, on a clock the test moves.
func newBranch(t *testing.T, n int) (*storage.Store, *clock) {
	t.Helper()
	c := &clock{time.Date(2026, 11, 30, 9, 0, 0, 0, cst)}
	s, err := storage.Open(filepath.Join(t.TempDir(), storage.FileName), storage.WithClock(c.now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if n > 0 {
		if err := demo.Fill(s, n, 7, model.DateOf(c.t)); err != nil {
			t.Fatal(err)
		}
	}
	return s, c
}

func at(day, hour int) time.Time { return time.Date(2026, 11, day, hour, 0, 0, 0, time.Local) }

func TestKeepRollingRule(t *testing.T) {
	now := time.Date(2026, 11, 30, 15, 0, 0, 0, time.Local)
	var daily []Backup
	// One backup on each of 400 days, newest first, and three today.
	for i := range 400 {
		d := now.AddDate(0, 0, -i-1)
		daily = append(daily, Backup{Path: fmt.Sprint(i), Taken: time.Date(d.Year(), d.Month(), d.Day(), 9, 0, 0, 0, time.Local)})
	}
	today := []Backup{{Path: "t3", Taken: at(30, 14)}, {Path: "t2", Taken: at(30, 11)}, {Path: "t1", Taken: at(30, 9)}}
	keep, drop := Keep(append(slices.Clone(today), daily...), now)
	if len(keep)+len(drop) != 403 {
		t.Fatalf("%d kept + %d dropped of 403", len(keep), len(drop))
	}
	kept := map[string]bool{}
	for _, b := range keep {
		kept[b.Path] = true
	}
	for _, b := range today {
		if !kept[b.Path] {
			t.Errorf("today's %v removed", b.Taken)
		}
	}
	// Days: today and the 13 days before it.
	for i := range 13 {
		if !kept[fmt.Sprint(i)] {
			t.Errorf("the backup of %d days ago removed", i+1)
		}
	}
	if kept["13"] && daily[13].Taken.Day() != 1 {
		t.Errorf("a 15th daily backup (%v) kept", daily[13].Taken)
	}
	// Months: the first of each of the last 12 months with a backup.
	months := map[string]bool{}
	for _, b := range keep {
		if b.Taken.Day() == 1 {
			months[b.Taken.Format("2006-01")] = true
		}
	}
	if len(months) != KeepMonths || !months["2026-11"] || months["2025-11"] {
		t.Errorf("first-of-month backups kept for %v, want the %d months to 2026-11", months, KeepMonths)
	}
	if len(keep) > 3+KeepDays+KeepMonths {
		t.Errorf("%d kept, more than the rule allows", len(keep))
	}
	// Of a day with several backups the first is kept.
	busy := []Backup{{Path: "late", Taken: at(20, 17)}, {Path: "noon", Taken: at(20, 12)}, {Path: "morning", Taken: at(20, 8)}}
	keep, _ = Keep(busy, now)
	if len(keep) != 1 || keep[0].Path != "morning" {
		t.Errorf("of a past busy day kept %v, want the first", keep)
	}
	// A clock put back never removes the newer backups.
	keep, _ = Keep([]Backup{{Path: "future", Taken: now.AddDate(0, 2, 0)}}, now)
	if len(keep) != 1 {
		t.Error("a backup dated after now was removed")
	}
}

func TestTakeListsAndPrunes(t *testing.T) {
	s, c := newBranch(t, 3)
	var taken []Backup
	for day := 1; day <= 20; day++ {
		c.t = time.Date(2026, 11, day, 9, 0, 0, 0, cst)
		b, err := Take(s, storage.BackupImport)
		if err != nil {
			t.Fatal(err)
		}
		taken = append(taken, b)
	}
	bs, err := List(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != KeepDays+1 {
		t.Errorf("%d backups after 20 days, want %d days and the month's first", len(bs), KeepDays)
	}
	if bs[0].Path != taken[19].Path || bs[0].Reason != storage.BackupImport || bs[0].Size == 0 {
		t.Errorf("newest %+v, want %+v", bs[0], taken[19])
	}
	if Space(bs) < int64(len(bs))*bs[0].Size/2 {
		t.Errorf("space %d for %d backups", Space(bs), len(bs))
	}
	// 1 November is the month's first and stays; the 2nd … 6th are gone.
	var names []string
	for _, b := range bs {
		names = append(names, b.Taken.Format("01-02"))
	}
	if !slices.Contains(names, "11-01") || slices.Contains(names, "11-02") {
		t.Errorf("kept %v", names)
	}
}

func TestDailyOnceOnEachDayTheDataChanged(t *testing.T) {
	s, c := newBranch(t, 3)
	if _, took, err := Daily(s); !took || err != nil {
		t.Fatalf("first daily: %v %v", took, err)
	}
	if _, took, _ := Daily(s); took {
		t.Error("a second daily backup on the same day")
	}
	// Next day, nothing written since: no backup.
	c.t = c.t.AddDate(0, 0, 1)
	if _, took, _ := Daily(s); took {
		t.Error("a daily backup of an unchanged file")
	}
	// A change, then the day after: a backup.
	time.Sleep(20 * time.Millisecond) // the file's time must move past the backup's
	m := demo.Members(1, 99, model.DateOf(c.t), "测试支部")[0]
	if _, err := s.AddMember(m, nil); err != nil {
		t.Fatal(err)
	}
	c.t = c.t.AddDate(0, 0, 1)
	if _, took, err := Daily(s); !took || err != nil {
		t.Errorf("no daily backup after a change: %v", err)
	}
	bs, _ := List(s.Path())
	if len(bs) != 2 || bs[0].Reason != storage.BackupDaily {
		t.Errorf("backups %+v", bs)
	}
	// An empty new file is not backed up.
	empty, _ := newBranch(t, 0)
	if _, took, _ := Daily(empty); took {
		t.Error("an empty file was backed up")
	}
}

// counts reads every table's count and one member's history, what a round
// trip must bring back unchanged.
func snapshotOf(t *testing.T, path string) (storage.Summary, []model.FieldChange, []model.MembershipEvent) {
	t.Helper()
	s, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sum, err := s.Summary()
	if err != nil {
		t.Fatal(err)
	}
	var changes []model.FieldChange
	var events []model.MembershipEvent
	ms, _ := s.Members()
	for _, m := range ms {
		c, _ := s.MemberChanges(m.ID)
		e, _ := s.MemberEvents(m.ID)
		changes, events = append(changes, c...), append(events, e...)
	}
	return sum, changes, events
}

func sameSummary(t *testing.T, got, want storage.Summary) {
	t.Helper()
	if got.BranchUUID != want.BranchUUID || got.SchemaVersion != want.SchemaVersion {
		t.Errorf("branch %s v%d, want %s v%d", got.BranchUUID, got.SchemaVersion, want.BranchUUID, want.SchemaVersion)
	}
	for table, n := range want.Counts {
		if got.Counts[table] != n {
			t.Errorf("%s: %d rows, want %d", table, got.Counts[table], n)
		}
	}
}

// Backup, damage, restore: the restored file has the backup's records,
// counts and history exactly, and the damaged file is kept aside.
func TestBackupDamageRestore(t *testing.T) {
	s, clk := newBranch(t, 30)
	path := s.Path()
	// History to bring back: an edit and a transfer out.
	ms, _ := s.Members()
	ms[0].Phone = "13900000000"
	if _, err := s.UpdateMember(ms[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordEvent(model.MembershipEvent{MemberID: ms[1].ID, Kind: model.EventTransferOut,
		Date: model.DateOf(clk.t), Note: "转往兰州市城关区某支部"}); err != nil {
		t.Fatal(err)
	}
	b, err := Take(s, storage.BackupBulk)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	want, wantChanges, wantEvents := snapshotOf(t, path)
	if len(wantChanges) == 0 || len(wantEvents) == 0 {
		t.Fatal("the demo branch has no history to compare")
	}

	// Damage the file as a failing USB stick would.
	raw, _ := os.ReadFile(path)
	for i := len(raw) / 3; i < len(raw)/3+4096; i++ {
		raw[i] ^= 0x5a
	}
	os.WriteFile(path, raw, 0o644)
	if st, err := storage.Open(path); !errors.Is(err, storage.ErrDamaged) {
		if st != nil {
			st.Close()
		}
		t.Fatalf("the damaged file opened: %v", err)
	}

	c, err := Open(b.Path, datapkg.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if c.Kind != datapkg.DataFile || c.Summary.Members() != 30 || !c.Taken.Equal(b.Taken) {
		t.Errorf("candidate %+v", c)
	}
	st, err := StageDamaged(path, c, time.Date(2026, 11, 30, 12, 0, 0, 0, time.Local))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	got, gotChanges, gotEvents := snapshotOf(t, path)
	sameSummary(t, got, want)
	if !slices.EqualFunc(gotChanges, wantChanges, func(a, b model.FieldChange) bool { return fmt.Sprint(a) == fmt.Sprint(b) }) ||
		!slices.EqualFunc(gotEvents, wantEvents, func(a, b model.MembershipEvent) bool { return fmt.Sprint(a) == fmt.Sprint(b) }) {
		t.Error("the restored history differs from the backup's")
	}
	kept, _ := os.ReadFile(path + ".damaged-20261130-120000")
	if !slices.Equal(kept, raw) {
		t.Error("the damaged file was not kept beside the restored one")
	}
	for _, name := range dirNames(t, filepath.Dir(path)) {
		if strings.HasPrefix(name, storage.TempPrefix) {
			t.Errorf("%s left", name)
		}
	}
}

// A passphrase package on a USB drive restores onto a new laptop's path.
func TestPackageRestoresOntoNewLaptop(t *testing.T) {
	s, _ := newBranch(t, 12)
	want, _ := s.Summary()
	usb := filepath.Join(t.TempDir(), "U盘")
	os.Mkdir(usb, 0o755)
	pkg := filepath.Join(usb, "第一支部"+datapkg.Ext)
	if _, err := NewService(s, "0.1.0").BackupTo(pkg, "口令123"); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(pkg, datapkg.ReadOptions{Passphrase: "错的"}); !errors.Is(err, datapkg.ErrWrongPassphrase) {
		t.Errorf("wrong passphrase: %v", err)
	}
	c, err := Open(pkg, datapkg.ReadOptions{Passphrase: "口令123"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	target := filepath.Join(t.TempDir(), "新电脑", storage.FileName)
	st, err := StageNew(target, c)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	got, _, _ := snapshotOf(t, target)
	sameSummary(t, got, want)
	if _, err := StageNew(target, c); err == nil {
		t.Error("StageNew over an existing file")
	}
}

// Restoring over the open file: the current file is backed up first, the
// other branch's backup needs the user's word, and nothing changes until
// Commit.
func TestStageBacksUpAndChecksTheBranch(t *testing.T) {
	s, _ := newBranch(t, 5)
	other, _ := newBranch(t, 8)
	otherBackup, err := Take(other, storage.BackupImport)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Open(otherBackup.Path, datapkg.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	before := fileBytes(t, s.Path())
	if _, err := Stage(s, c, false); !errors.Is(err, ErrOtherBranch) {
		t.Fatalf("another branch's backup: %v", err)
	} else {
		t.Logf("refused: %v", err)
	}
	if bs, _ := List(s.Path()); len(bs) != 0 {
		t.Error("a refused restore took a backup")
	}
	st, err := Stage(s, c, true)
	if err != nil {
		t.Fatal(err)
	}
	if st.Before.Reason != storage.BackupRestore {
		t.Errorf("backup before the restore: %+v", st.Before)
	}
	if !slices.Equal(fileBytes(t, s.Path()), before) {
		t.Error("the data file changed before Commit")
	}
	if err := st.Discard(); err != nil {
		t.Fatal(err)
	}
	for _, name := range dirNames(t, filepath.Dir(s.Path())) {
		if strings.HasPrefix(name, storage.TempPrefix) {
			t.Errorf("%s left after Discard", name)
		}
	}
	// An empty current file is replaced without asking.
	empty, _ := newBranch(t, 0)
	if _, err := Stage(empty, c, false); err != nil {
		t.Errorf("restoring into an empty file: %v", err)
	}
}

// A journal beside the data file means another program has it, or one
// crashed: SQLite would apply it to the restored file.
func TestCommitRefusesWithAJournalBeside(t *testing.T) {
	s, _ := newBranch(t, 5)
	b, _ := Take(s, storage.BackupImport)
	c, err := Open(b.Path, datapkg.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	st, err := Stage(s, c, false)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := fileBytes(t, s.Path())
	os.WriteFile(s.Path()+"-journal", []byte("hot"), 0o644)
	if err := st.Commit(); !errors.Is(err, ErrJournal) {
		t.Errorf("Commit: %v", err)
	}
	if !slices.Equal(fileBytes(t, s.Path()), before) {
		t.Error("the data file changed")
	}
}

// Files that are no backup, or damaged ones, are refused by one sentence
// naming them, and nothing is written beside the data file.
func TestHostileBackupsAreRefused(t *testing.T) {
	s, _ := newBranch(t, 5)
	b, _ := Take(s, storage.BackupImport)
	dir := t.TempDir()
	good := fileBytes(t, b.Path)
	damaged := slices.Clone(good)
	// A whole page in the middle of the file zeroed, as a bad sector reads.
	page := (len(damaged) / 2 / 4096) * 4096
	clear(damaged[page : page+4096])
	cases := map[string]struct {
		data []byte
		want error
	}{
		"text":      {[]byte("not a backup"), ErrNotBackup},
		"empty":     {nil, ErrNotBackup},
		"damaged":   {damaged, storage.ErrDamaged},
		"truncated": {good[:len(good)/2], storage.ErrDamaged},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name+".db")
			os.WriteFile(path, c.data, 0o644)
			tmp := t.TempDir()
			_, err := Open(path, datapkg.ReadOptions{TempDir: tmp})
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			if !strings.Contains(err.Error(), path) || strings.Contains(err.Error(), tmp) {
				t.Errorf("%q should name the backup, not the copy", err)
			}
			t.Logf("refused: %v", err)
			if names := dirNames(t, tmp); len(names) != 0 {
				t.Errorf("left %v", names)
			}
		})
	}
}

func fileBytes(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, _ := os.ReadDir(dir)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// readOnlyStore is a store opened read-only: nothing may be written for it.
type readOnlyStore struct{ *storage.Store }

func (readOnlyStore) ReadOnly() bool { return true }

func (readOnlyStore) WriteBackup(storage.BackupReason) (string, error) {
	panic("a backup was written for a read-only file")
}

func TestDailySkipsReadOnlyFiles(t *testing.T) {
	s, _ := newBranch(t, 3)
	if _, took, err := Daily(readOnlyStore{s}); took || err != nil {
		t.Errorf("Daily on a read-only file: %v %v", took, err)
	}
	if _, err := os.Stat(storage.BackupsDir(s.Path())); err == nil {
		t.Error("a backups folder was made beside a read-only file")
	}
}

// The automatic backup before an import or a bulk change that cannot be
// made says so in a Text whole — the lead (nothing was written) and the
// reason with its advice — for the English window (review s7-10 R8).
func TestBackupBeforeAChangeSaysWhyAsAText(t *testing.T) {
	path := filepath.Join(t.TempDir(), storage.FileName)
	s, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := os.WriteFile(storage.BackupsDir(path), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = Before(s, storage.BackupImport)
	text, ok := model.SentenceOf(err)
	if !ok || text.Format != "写入前自动备份失败，没有写入任何数据：%s" || !strings.Contains(text.String(), "同名的文件，不是文件夹") || err.Error() != text.String() {
		t.Errorf("backup before an import into a file: %v (Text %#v)", err, text)
	}
	if _, err := List(path); err == nil || !strings.Contains(err.Error(), "无法读取备份文件夹") || !strings.Contains(err.Error(), "同名的文件") {
		t.Errorf("list of a file: %v", err)
	}
}
