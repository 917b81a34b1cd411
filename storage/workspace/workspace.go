// Package workspace is the instructor's workspace (指导员工作台): one SQLite
// file of its own, kept apart from every branch's data file, that holds the
// instructor's key pair (the private key encrypted with the instructor's
// passphrase), the organisation list (单位名录) with each branch's links to
// the organisations it covers, and the latest snapshot of each branch taken
// from its data packages: the branch's figures and findings as its own
// checks worked them out on the snapshot's day, and copies of its roster,
// activities, compliance calendar and dues register for reading and for the
// upward report.
//
// A package is imported in one transaction: a refused package leaves the
// workspace as it was. Its data file is checked by storage/datapkg (age
// layer, zip, manifest, checksum, integrity, exactly this app's schema),
// then opened from a private temporary copy by storage and read through the
// same code as the branch's own window and `check`, by known columns; no SQL
// of the package is run.
package workspace

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"filippo.io/age"
	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/atomicfile"
)

// FileName is the workspace file's default name, beside the branch's data
// file (storage.DefaultPath) or in the portable data folder.
const FileName = "workspace.blws"

// DefaultPath is where the workspace lives unless --workspace says
// otherwise: FileName in the folder of the default data file.
func DefaultPath() (string, error) {
	p, err := storage.DefaultPath()
	if err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(p), FileName), nil
}

// Errors Open returns, each wrapped with the file's path.
var (
	ErrNotWorkspace = errors.New("不是指导员工作台文件，软件没有改动它")
	ErrBranchFile   = errors.New("这是支部的数据文件，不是指导员工作台文件；请选择工作台文件（.blws）或新建一个")
	ErrEmptyFile    = errors.New("文件是空的（可能没有复制完），软件没有改动它")
	ErrNewer        = errors.New("工作台文件由更新版本的支部台账创建，请升级软件后再打开")
	ErrChanged      = errors.New("工作台文件的结构被别的程序改动过，软件没有使用它")
	ErrDamaged      = errors.New("工作台文件已损坏，软件没有改动它。请用备份恢复")
	ErrLocked       = errors.New("工作台文件正由另一个支部台账程序使用（一个窗口，或一条还在运行的命令），请关闭那个窗口或等命令结束后再试")
)

// Workspace is an open workspace file. Its methods may be called from
// several goroutines; they take turns on the file's one connection.
type Workspace struct {
	db   *gorm.DB
	sql  *sql.DB
	path string
	now  func() time.Time

	// identity is the instructor's private key once Unlock has been given
	// the passphrase: asked once per session.
	mu       sync.Mutex
	identity *age.X25519Identity

	// The full integrity check before the session's first write (see pool).
	checkMu  sync.Mutex
	checked  bool
	checkErr error
}

// Option changes how Open sets up a workspace.
type Option func(*Workspace)

// WithClock makes the workspace read the time from now: for tests.
func WithClock(now func() time.Time) Option { return func(w *Workspace) { w.now = now } }

// Open opens the workspace file at path, creating it (and its folder) when
// nothing is there yet; a new file is made whole under a temporary name and
// renamed into place. It refuses, leaving the file untouched, an empty
// file, a branch's data file or any other database, a damaged one, one of a
// newer version, one whose schema another program changed, and one another
// window holds.
func Open(path string, opts ...Option) (*Workspace, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("工作台文件路径不正确：%s：%w", path, err)
	}
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := create(abs); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, fmt.Errorf("无法打开工作台文件 %s：%w", abs, err)
	case fi.IsDir():
		return nil, fmt.Errorf("%s 是一个文件夹，不是工作台文件", abs)
	case fi.Size() == 0:
		return nil, fmt.Errorf("%w：%s", ErrEmptyFile, abs)
	case !atomicfile.IsSQLite(abs):
		return nil, fmt.Errorf("%w：%s", ErrNotWorkspace, abs)
	}
	w := &Workspace{path: abs, now: time.Now}
	for _, o := range opts {
		o(w)
	}
	if err := w.open(); err != nil {
		return nil, err
	}
	return w, nil
}

// create makes a new workspace at abs: built and migrated beside it under a
// temporary name, then renamed into place, so that a crash never leaves a
// half-made workspace.
func create(abs string) error {
	dir := filepath.Dir(abs)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("无法创建存放工作台文件的文件夹 %s：%w", dir, err)
	}
	tmp := filepath.Join(dir, storage.TempPrefix+filepath.Base(abs))
	os.Remove(tmp)
	os.Remove(tmp + "-journal")
	w := &Workspace{path: tmp, now: time.Now}
	if err := w.open(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("无法新建工作台文件 %s：%w", abs, err)
	}
	if err := w.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("无法新建工作台文件 %s：%w", abs, err)
	}
	if err := os.Rename(tmp, abs); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("无法新建工作台文件 %s：%w", abs, err)
	}
	if err := storage.SyncDir(dir); err != nil {
		return fmt.Errorf("无法新建工作台文件 %s：%w", abs, err)
	}
	return nil
}

func (w *Workspace) open() error {
	sqlDB, err := sql.Open(sqlite.DriverName, dsn(w.path))
	if err != nil {
		return fmt.Errorf("无法打开工作台文件 %s：%w", w.path, err)
	}
	// One connection for the workspace's life: the exclusive lock that
	// keeps a second window out belongs to it, and so do the pragmas.
	sqlDB.SetMaxOpenConns(1)
	sqlDB.SetMaxIdleConns(1)
	sqlDB.SetConnMaxLifetime(0)
	db, err := gorm.Open(&sqlite.Dialector{Conn: &pool{DB: sqlDB, w: w}}, &gorm.Config{
		TranslateError:         true,
		SkipDefaultTransaction: true, // every write is a transaction of our own
		Logger:                 logger.Default.LogMode(logger.Silent),
	})
	if err != nil {
		sqlDB.Close()
		return w.openError(err)
	}
	w.db, w.sql = db, sqlDB
	if err := w.prepare(); err != nil {
		sqlDB.Close()
		return err
	}
	return nil
}

// dsn opens the file with an exclusive lock (one window at a time), a
// rollback journal (one file to copy) and synchronous writes, as the
// branch's data file is opened.
func dsn(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	q := url.Values{"_pragma": {
		"busy_timeout(500)", "locking_mode(EXCLUSIVE)", "journal_mode(DELETE)",
		"synchronous(FULL)", "foreign_keys(1)", "temp_store(MEMORY)",
	}}
	u := url.URL{Scheme: "file", Path: p, RawQuery: q.Encode()}
	return u.String()
}

// prepare locks, checks and identifies the file, then migrates it.
func (w *Workspace) prepare() error {
	if err := w.db.Exec("BEGIN EXCLUSIVE").Error; err != nil {
		return w.openError(err)
	}
	if err := w.db.Exec("COMMIT").Error; err != nil {
		return w.openError(err)
	}
	var check []string
	if err := w.db.Raw("PRAGMA quick_check").Scan(&check).Error; err != nil {
		return w.openError(err)
	}
	if len(check) != 1 || check[0] != "ok" {
		return fmt.Errorf("%w：%s（%s）", ErrDamaged, w.path, strings.Join(check, "；"))
	}
	version, err := w.identify()
	if err != nil {
		return err
	}
	return w.migrate(version)
}

// identify returns the file's schema version (0 for a new file) after
// checking that it is a workspace of a version this app knows with exactly
// the schema its migrations make.
func (w *Workspace) identify() (int, error) {
	var id, version, objects int
	if err := w.sql.QueryRow("PRAGMA application_id").Scan(&id); err != nil {
		return 0, w.openError(err)
	}
	if err := w.sql.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return 0, w.openError(err)
	}
	if err := w.sql.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&objects); err != nil {
		return 0, w.openError(err)
	}
	switch {
	case id == 0 && version == 0 && objects == 0:
		return 0, nil
	case id == branchAppID:
		return 0, fmt.Errorf("%w：%s", ErrBranchFile, w.path)
	case id != appID:
		return 0, fmt.Errorf("%w：%s", ErrNotWorkspace, w.path)
	case version > latestVersion():
		return 0, model.Errorf(ErrNewer, "%s（文件版本 %d，本软件支持到 %d）", w.path, version, latestVersion())
	case version < 1:
		return 0, model.Errorf(ErrChanged, "%s（版本号 %d 无效）", w.path, version)
	}
	diffs, err := checkSchema(w.sql, version)
	if err != nil {
		return 0, err
	}
	if len(diffs) > 0 {
		if len(diffs) > 3 {
			diffs = append(diffs[:3:3], fmt.Sprintf("等 %d 处", len(diffs)))
		}
		return 0, fmt.Errorf("%w：%s（%s）", ErrChanged, w.path, strings.Join(diffs, "；"))
	}
	return version, nil
}

// openError says what went wrong opening the file.
func (w *Workspace) openError(err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "database is locked") || strings.Contains(msg, "SQLITE_BUSY"):
		return fmt.Errorf("%w：%s", ErrLocked, w.path)
	case strings.Contains(msg, "not a database") || strings.Contains(msg, "malformed"):
		return fmt.Errorf("%w：%s（%w）", ErrDamaged, w.path, err)
	}
	return fmt.Errorf("无法打开工作台文件 %s：%w", w.path, err)
}

// Close releases the file and its lock, and forgets the unlocked key.
func (w *Workspace) Close() error {
	w.mu.Lock()
	w.identity = nil
	w.mu.Unlock()
	if err := w.sql.Close(); err != nil {
		return fmt.Errorf("关闭工作台文件失败：%s：%w", w.path, err)
	}
	return nil
}

// Path is the workspace file's absolute path.
func (w *Workspace) Path() string { return w.path }

// Now is the time by the workspace's clock.
func (w *Workspace) Now() time.Time { return w.now().Truncate(time.Millisecond) }

// Today is the date by the workspace's clock.
func (w *Workspace) Today() model.Date { return model.DateOf(w.Now()) }

// stampLayout is how instants are stored: UTC, to the millisecond.
const stampLayout = "2006-01-02T15:04:05.000Z07:00"

func stamp(t time.Time) string { return t.Format(stampLayout) }

func parseStamp(s string) time.Time {
	t, err := time.Parse(stampLayout, s)
	if err != nil {
		t, _ = time.Parse(time.RFC3339Nano, s)
	}
	return t
}
