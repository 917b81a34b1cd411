package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
)

// The pragmas must really be in force: a DSN in the wrong style (mattn's
// _foreign_keys=1) is silently ignored by this driver.
func TestPragmasAreInForce(t *testing.T) {
	s := openTest(t)
	for _, c := range []struct{ pragma, want string }{
		{"foreign_keys", "1"},
		{"journal_mode", "delete"},
		{"synchronous", "2"}, // FULL
		{"locking_mode", "exclusive"},
		{"busy_timeout", fmt.Sprint(lockWait.Milliseconds())},
	} {
		var got string
		if err := s.db.Raw("PRAGMA " + c.pragma).Scan(&got).Error; err != nil {
			t.Fatalf("PRAGMA %s: %v", c.pragma, err)
		}
		if got != c.want {
			t.Errorf("PRAGMA %s = %q, want %q", c.pragma, got, c.want)
		}
	}
	if n := s.sql.Stats().MaxOpenConnections; n != 1 {
		t.Errorf("MaxOpenConnections = %d, want 1", n)
	}
	// Foreign keys are enforced, not just declared.
	err := s.db.Exec("INSERT INTO member_events (member_id, kind, date, created_at, updated_at) VALUES (999, '转出', '2026-01-01', 'x', 'x')").Error
	if !errors.Is(err, gorm.ErrForeignKeyViolated) {
		t.Errorf("an event for no member: %v, want a foreign key violation", err)
	}
}

// The UI loads and saves from background goroutines; they take turns on the
// one connection without deadlock or lost writes.
func TestConcurrentUse(t *testing.T) {
	s := openTest(t)
	errs := make(chan error, 4)
	for g := range 4 {
		go func() {
			for i := range 10 {
				if _, err := s.AddMember(newMember(g*10+i), nil); err != nil {
					errs <- err
					return
				}
				if _, err := s.Members(); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if ms, _ := s.Members(); len(ms) != 40 {
		t.Errorf("%d members, want 40", len(ms))
	}
}

// A second window on the same file is told at once that the file is in use,
// and does not become a second writer.
func TestSecondOpenIsLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	first := openAt(t, path)
	addMembers(t, first, 1)

	start := time.Now()
	second, err := Open(path)
	if err == nil {
		second.Close()
		t.Fatal("second Open of the same file succeeded, want ErrLocked")
	}
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open: %v, want ErrLocked", err)
	}
	if waited := time.Since(start); waited > 3*time.Second {
		t.Errorf("second window waited %v to be told", waited)
	}
	if !strings.HasPrefix(err.Error(), "数据文件正由另一个支部台账程序使用") || !strings.Contains(err.Error(), path) {
		t.Errorf("message %q should say the file is in use and name it", err)
	}

	// The first window carries on, and after it closes the file opens again.
	if _, err := first.AddMember(newMember(1), nil); err != nil {
		t.Fatalf("first window after the refused second Open: %v", err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	again := openAt(t, path)
	ms, err := again.Members()
	if err != nil || len(ms) != 2 {
		t.Fatalf("after reopening: %d members, %v; want 2", len(ms), err)
	}
}

// Two app windows are two processes; the lock must hold between them too.
func TestSecondProcessIsLocked(t *testing.T) {
	if path := os.Getenv("BRANCHLEDGER_TEST_OPEN"); path != "" {
		// The helper process: try to open and report.
		s, err := Open(path)
		if err == nil {
			s.Close()
			fmt.Println("OPENED")
			return
		}
		fmt.Println("ERROR", errors.Is(err, ErrLocked), err)
		return
	}
	path := filepath.Join(t.TempDir(), "共享 文件.db")
	first := openAt(t, path)
	addMembers(t, first, 1)

	helper := func() string {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSecondProcessIsLocked$")
		cmd.Env = append(os.Environ(), "BRANCHLEDGER_TEST_OPEN="+path)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("helper process: %v\n%s", err, out)
		}
		return string(out)
	}
	if out := helper(); !strings.Contains(out, "ERROR true") {
		t.Fatalf("another process opened the file in use:\n%s", out)
	}
	first.Close()
	if out := helper(); !strings.Contains(out, "OPENED") {
		t.Fatalf("another process could not open the file after it was closed:\n%s", out)
	}
}

// writeRoster makes a closed data file with n members and returns its path.
// The members are written with the columns of schema version 1, so that
// tests which make a file of an older version (migrations cut short) get
// one, whatever later versions add to the members table.
func writeRoster(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), FileName)
	s, err := Open(path, WithClock(newTestClock().Now))
	if err != nil {
		t.Fatal(err)
	}
	now := stamp(s.clock())
	for i := range n {
		r := toMemberRow(ptr(newMember(i)))
		err := s.db.Exec(`INSERT INTO members (name, sex, ethnicity, id_number, birth_date, education, category,
			branch_name, join_date, full_date, post, phone, address, standing, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.Name, r.Sex, r.Ethnicity, r.IDNumber, r.BirthDate, r.Education, r.Category, r.BranchName,
			r.JoinDate, r.FullDate, r.Post, r.Phone, r.Address, r.Standing, now, now).Error
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// refuseUntouched opens a file the store must refuse, and checks that it
// says so with want, leaves the file byte for byte as it was, and leaves
// nothing beside it.
func refuseUntouched(t *testing.T, path string, want error, prefix string) {
	t.Helper()
	before := fileHash(t, path)
	names := dirNames(t, filepath.Dir(path))
	s, err := Open(path)
	if err == nil {
		s.Close()
		t.Fatalf("Open succeeded, want %v", want)
	}
	if !errors.Is(err, want) {
		t.Fatalf("Open: %v, want %v", err, want)
	}
	t.Logf("refused: %v", err)
	if !strings.HasPrefix(err.Error(), prefix) {
		t.Errorf("message %q should start with %q", err, prefix)
	}
	if fileHash(t, path) != before {
		t.Error("the refused file was changed")
	}
	if after := dirNames(t, filepath.Dir(path)); !slices.Equal(after, names) {
		t.Errorf("files beside it changed from %v to %v", names, after)
	}
}

func TestDamagedFileIsReportedAndLeftAlone(t *testing.T) {
	// Scribble over part of a page in the middle of the file, as a failing
	// sector or a stick pulled mid-write would: SQLite meets the first when
	// it reads the page, quick_check finds the second.
	for name, offset := range map[string]int{"page header": 0, "cell pointers": 8} {
		t.Run(name, func(t *testing.T) {
			path := writeRoster(t, 400)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			const pageSize = 4096
			// A page of the members table: the middle of the file may be an
			// empty table's page, where scribbled cell pointers point at nothing.
			start := (membersRootPage(t, path)-1)*pageSize + offset
			for i := start; i < start+64; i++ {
				b[i] ^= 0x5a
			}
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			refuseUntouched(t, path, ErrDamaged, "数据文件已损坏")
		})
	}
}

// membersRootPage is the number of the members table's first page, an
// interior page once the roster fills several pages.
func membersRootPage(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var page int
	if err := db.QueryRow("SELECT rootpage FROM sqlite_schema WHERE name = 'members'").Scan(&page); err != nil {
		t.Fatal(err)
	}
	return page
}

func TestDamagedHeaderIsReportedAsDamaged(t *testing.T) {
	path := writeRoster(t, 5)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[16], b[17] = 0x03, 0x01 // page size 769: not a power of two
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	refuseUntouched(t, path, ErrDamaged, "数据文件已损坏")
}

func TestOtherFilesAreNotDatabases(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	noise := make([]byte, 20000)
	for i := range noise {
		noise[i] = byte(r.IntN(256))
	}
	for name, content := range map[string][]byte{
		"random.db":    noise,
		"花名册.xlsx":     append([]byte("PK\x03\x04"), noise[:5000]...),
		"notes.txt":    []byte("党员花名册\n张三 男 汉族\n"),
		"tiny.db":      []byte("x"),
		"almost.db":    []byte("SQLite format 2\x00 and then some more text to make it long enough"),
		"a space.data": noise[:100],
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
			refuseUntouched(t, path, ErrNotDatabase, "不是支部台账的数据文件")
		})
	}
}

// Another program's SQLite database is not ours to add tables to.
func TestOtherProgramsDatabaseIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.sqlite")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('张三')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	refuseUntouched(t, path, ErrNotDatabase, "不是支部台账的数据文件")
}

func TestNewerSchemaIsRefusedAndLeftAlone(t *testing.T) {
	path := writeRoster(t, 3)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", latestVersion()+1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	refuseUntouched(t, path, ErrNewerSchema, "数据文件由更新版本的支部台账创建")
}

// A 0-byte file is typical of a copy to a USB drive that did not finish: it
// is refused untouched, not taken for a new ledger. Create, the explicit
// 新建数据文件, may replace it.
func TestEmptyFileIsRefusedAndCreateReplacesIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "拷贝 到U盘.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	refuseUntouched(t, path, ErrEmptyFile, "数据文件是空的（0字节）")

	s, err := Create(path, WithClock(newTestClock().Now))
	if err != nil {
		t.Fatalf("Create over the empty file: %v", err)
	}
	p, err := s.Profile()
	if err != nil || p.BranchUUID == "" {
		t.Fatalf("profile of the new file: %+v, %v", p, err)
	}
	addMembers(t, s, 1)
	s.Close()

	// Create never replaces a file with records.
	before := fileHash(t, path)
	if s, err := Create(path); !errors.Is(err, ErrExists) {
		if err == nil {
			s.Close()
		}
		t.Fatalf("Create over a data file: %v, want ErrExists", err)
	}
	if fileHash(t, path) != before {
		t.Error("Create changed the existing data file")
	}
	if names := dirNames(t, filepath.Dir(path)); !slices.Equal(names, []string{"拷贝 到U盘.db"}) {
		t.Errorf("folder holds %v after the refused Create", names)
	}
}

func TestReopenKeepsDataAndRunsNoMigration(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	s := openAt(t, path)
	added := addMembers(t, s, 2)
	p1, _ := s.Profile()
	s.Close()

	for range 2 {
		s := openAt(t, path)
		var version int
		s.db.Raw("PRAGMA user_version").Scan(&version)
		if version != latestVersion() {
			t.Errorf("user_version = %d, want %d", version, latestVersion())
		}
		ms, err := s.Members()
		if err != nil || len(ms) != 2 || ms[1].IDNumber != added[1].IDNumber {
			t.Fatalf("members after reopening: %v, %v", ms, err)
		}
		if p, _ := s.Profile(); p.BranchUUID != p1.BranchUUID {
			t.Errorf("branch UUID changed on reopening: %s → %s", p1.BranchUUID, p.BranchUUID)
		}
		s.Close()
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{FileName}) {
		t.Errorf("after reopening the folder holds %v, want only the data file", names)
	}
}

func TestMigrationsAreNumberedInOrder(t *testing.T) {
	for i, m := range migrations {
		if m.version != i+1 {
			t.Errorf("migration %d (%s) has version %d, want %d", i, m.name, m.version, i+1)
		}
	}
}

// withMigration adds a migration for the length of a test, as a later
// version of the app would.
func withMigration(t *testing.T, up func(tx *gorm.DB, now time.Time) error) {
	saved := migrations
	migrations = append(slices.Clip(migrations), migration{latestVersion() + 1, "测试", up})
	t.Cleanup(func() { migrations = saved })
}

func TestUpgradeBacksUpFirst(t *testing.T) {
	path := writeRoster(t, 3)
	old := latestVersion()
	before := fileHash(t, path)
	withMigration(t, func(tx *gorm.DB, now time.Time) error {
		return tx.Exec("CREATE TABLE future_records (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)").Error
	})

	s := openAt(t, path)
	var version int
	s.db.Raw("PRAGMA user_version").Scan(&version)
	if version != old+1 {
		t.Errorf("user_version after upgrade = %d, want %d", version, old+1)
	}
	s.Close()

	baks, _ := filepath.Glob(filepath.Join(BackupsDir(path), "*-upgrade.db"))
	if len(baks) != 1 {
		t.Fatalf("backups before the upgrade: %v, want one", baks)
	}
	bak := baks[0]
	db, err := sql.Open("sqlite", bak)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var bakVersion, members int
	db.QueryRow("PRAGMA user_version").Scan(&bakVersion)
	db.QueryRow("SELECT count(*) FROM members").Scan(&members)
	if bakVersion != old || members != 3 {
		t.Errorf("backup %s: version %d with %d members, want version %d with 3", bak, bakVersion, members, old)
	}
	if fileHash(t, path) == before {
		t.Error("the upgraded file did not change")
	}
}

func TestFailedUpgradeLeavesFileAtOldVersion(t *testing.T) {
	path := writeRoster(t, 3)
	old := latestVersion()
	withMigration(t, func(tx *gorm.DB, now time.Time) error {
		if err := tx.Exec("CREATE TABLE half_done (id INTEGER PRIMARY KEY)").Error; err != nil {
			return err
		}
		return errors.New("simulated failure half way")
	})
	s, err := Open(path)
	if err == nil {
		s.Close()
		t.Fatal("Open with a failing migration succeeded")
	}
	if !strings.HasPrefix(err.Error(), "升级数据文件") {
		t.Errorf("message %q should say the upgrade failed", err)
	}

	migrations = migrations[:len(migrations)-1]
	s = openAt(t, path)
	var version, halfDone int
	s.db.Raw("PRAGMA user_version").Scan(&version)
	s.db.Raw("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").Scan(&halfDone)
	if version != old || halfDone != 0 {
		t.Errorf("after a failed upgrade: version %d, half_done table %d; want version %d and no table", version, halfDone, old)
	}
	if ms, _ := s.Members(); len(ms) != 3 {
		t.Errorf("%d members after a failed upgrade, want 3", len(ms))
	}
}

// Windows users have Chinese folder names and spaces; '#' and '%' must not be
// read as URI syntax either.
func TestPathWithChineseSpacesAndURICharacters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "我的 文档", "第一党支部 #1 %20 100%")
	path := filepath.Join(dir, "支部 台账.db")
	s := openAt(t, path)
	addMembers(t, s, 1)
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	s.Close()
	if names := dirNames(t, dir); !slices.Equal(names, []string{"支部 台账.db"}) {
		t.Errorf("folder holds %v, want only 支部 台账.db", names)
	}
	s = openAt(t, path)
	if ms, err := s.Members(); err != nil || len(ms) != 1 {
		t.Fatalf("after reopening: %v, %v", ms, err)
	}
}

func TestSQLiteVersion(t *testing.T) {
	v, err := SQLiteVersion()
	if err != nil || !strings.HasPrefix(v, "3.") {
		t.Errorf("SQLiteVersion() = %q, %v", v, err)
	}
}
