// Package storage keeps one branch's records in one local SQLite file, through
// GORM over github.com/glebarez/sqlite (pure Go, no cgo). The file is often the
// secretary's only copy and may sit on a USB stick that gets pulled, so the
// store opens it carefully: it refuses files it does not understand without
// touching them, checks them before writing, backs them up before upgrading
// them, lets only one window use them at a time, and writes every user action
// as one transaction.
package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"branchledger/model"

	gosqlite "github.com/glebarez/go-sqlite"
	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// lockWait is how long opening waits for a file another window holds before
// saying so: long enough to ride over the moment another window takes the
// lock, short enough that the secretary is told at once.
const lockWait = 500 * time.Millisecond

// Store is the data file of one branch. Its methods may be called from
// several goroutines; they take turns on the file's single connection.
type Store struct {
	db   *gorm.DB
	sql  *sql.DB
	path string
	now  func() time.Time
}

// Option changes how Open sets up a store.
type Option func(*Store)

// WithClock makes the store read the time from now instead of the system
// clock: for the times it records and for "today" in validation. For tests.
func WithClock(now func() time.Time) Option {
	return func(s *Store) { s.now = now }
}

// Open opens the data file at path, creating it (and its folder) if missing,
// and brings its tables up to this version of the app. It fails with
// ErrLocked, ErrDamaged, ErrNotDatabase or ErrNewerSchema, leaving the file as
// it was, when it cannot safely use the file.
func Open(path string, opts ...Option) (*Store, error) {
	s := &Store{now: time.Now}
	for _, o := range opts {
		o(s)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("数据文件路径不正确：%s：%w", path, err)
	}
	s.path = abs
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, fmt.Errorf("无法创建存放数据文件的文件夹 %s：%w", filepath.Dir(abs), err)
	}
	if fi, err := os.Stat(abs); err == nil {
		switch {
		case fi.IsDir():
			return nil, fmt.Errorf("%s 是一个文件夹，不是数据文件", abs)
		case fi.Size() > 0 && fi.Size() < sqliteHeaderSize:
			// SQLite would take a 1-byte file for an empty database and
			// write one over it.
			return nil, fmt.Errorf("%w：%s", ErrNotDatabase, abs)
		}
	}

	sqlDB, err := sql.Open(sqlite.DriverName, dsn(abs))
	if err != nil {
		return nil, fmt.Errorf("无法打开数据文件 %s：%w", abs, err)
	}
	// One connection, kept for the store's life: the file has one writer
	// (this window), the pragmas in the DSN hold per connection, and the
	// exclusive lock that keeps a second window out belongs to a connection.
	// A second one from the pool would find the file locked by its sibling.
	sqlDB.SetMaxOpenConns(1)
	sqlDB.SetMaxIdleConns(1)
	sqlDB.SetConnMaxLifetime(0)
	sqlDB.SetConnMaxIdleTime(0)

	db, err := gorm.Open(&sqlite.Dialector{Conn: sqlDB}, &gorm.Config{
		TranslateError: true,
		// Every write is in a transaction of our own; GORM's extra one per
		// statement would only cost time.
		SkipDefaultTransaction: true,
		// Errors are returned to the caller, who shows or logs them.
		Logger: logger.Default.LogMode(logger.Silent),
	})
	if err != nil {
		sqlDB.Close()
		return nil, s.openError(err)
	}
	s.db, s.sql = db, sqlDB
	if err := s.prepare(); err != nil {
		sqlDB.Close()
		return nil, err
	}
	return s, nil
}

// dsn builds the glebarez DSN: a file: URI (so a path with spaces, Chinese
// characters, '#' or '%' reaches SQLite intact) and the pragmas for every
// connection. busy_timeout comes first so that the pragmas after it, which may
// need the file, wait only lockWait for another window.
func dsn(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x, which SQLite reads as a Windows drive path
	}
	pragmas := []string{
		fmt.Sprintf("busy_timeout(%d)", lockWait.Milliseconds()),
		// Once this connection has written, it keeps the file locked until
		// it closes: a second window cannot read or write it meanwhile.
		"locking_mode(EXCLUSIVE)",
		// A rollback journal (not WAL): one file to copy, no -wal/-shm beside
		// it on a USB stick, and with synchronous FULL a commit survives power
		// loss whole or not at all.
		"journal_mode(DELETE)",
		"synchronous(FULL)",
		"foreign_keys(1)",
		// Statement journals (an import's multi-row INSERTs need them) in
		// memory rather than in temporary files.
		"temp_store(MEMORY)",
	}
	q := url.Values{"_pragma": pragmas}
	u := url.URL{Scheme: "file", Path: p, RawQuery: q.Encode()}
	return u.String()
}

// prepare runs the checks of Open in the order that keeps a file it cannot use
// untouched: lock, check, identify, back up, migrate.
func (s *Store) prepare() error {
	if err := s.lock(); err != nil {
		return err
	}
	if err := s.quickCheck(); err != nil {
		return err
	}
	version, err := s.identify()
	if err != nil {
		return err
	}
	if version > 0 && version < latestVersion() {
		if err := s.backup(); err != nil {
			return err
		}
	}
	return s.migrate(version)
}

// lock takes the file's exclusive lock now, by an empty write transaction,
// rather than at the first real write: a second window must be turned away at
// once, not after the secretary has typed a form.
func (s *Store) lock() error {
	if err := s.db.Exec("BEGIN EXCLUSIVE").Error; err != nil {
		return s.openError(err)
	}
	if err := s.db.Exec("COMMIT").Error; err != nil {
		s.db.Exec("ROLLBACK")
		return s.openError(err)
	}
	return nil
}

// quickCheck reads every page's structure before anything is written, so a
// damaged file is reported instead of being damaged further.
func (s *Store) quickCheck() error {
	var rows []string
	if err := s.db.Raw("PRAGMA quick_check").Scan(&rows).Error; err != nil {
		return s.openError(err)
	}
	if len(rows) == 1 && rows[0] == "ok" {
		return nil
	}
	// The findings come one per row or several to a row; three say enough.
	var lines []string
	for _, r := range rows {
		for _, l := range strings.Split(r, "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "*** in database") {
				lines = append(lines, l)
			}
		}
	}
	if len(lines) > 3 {
		lines = append(lines[:3], "…")
	}
	return fmt.Errorf("%w：%s（检查结果：%s）", ErrDamaged, s.path, strings.Join(lines, "；"))
}

// appID marks a file as this app's in the SQLite header (PRAGMA
// application_id): "ZBTZ", for 支部台账.
const appID = 0x5A42545A

// identify returns the file's schema version (0 for a new, empty file),
// refusing other programs' databases, files made by a newer version of the
// app and files whose schema another program has changed (see CheckSchema).
func (s *Store) identify() (int, error) {
	version, err := CheckSchema(s.sql)
	var serr *SchemaError
	switch {
	case err == nil:
		return version, nil
	case errors.As(err, &serr):
		return 0, fmt.Errorf("%w：%s（%s）", ErrSchemaChanged, s.path, serr.detail())
	case errors.Is(err, ErrNotDatabase):
		return 0, fmt.Errorf("%w：%s（它可能是别的软件的数据库）", ErrNotDatabase, s.path)
	case errors.Is(err, ErrNewerSchema):
		return 0, fmt.Errorf("%w：%s（文件版本 %d，本软件支持到 %d）", ErrNewerSchema, s.path, version, latestVersion())
	}
	return 0, s.openError(err)
}

// openError turns what SQLite said while opening into a sentence about the
// file.
func (s *Store) openError(err error) error {
	var se *gosqlite.Error
	if !errors.As(err, &se) {
		return fmt.Errorf("无法打开数据文件 %s：%w", s.path, err)
	}
	switch se.Code() & 0xff {
	case codeBusy, codeLocked:
		return fmt.Errorf("%w：%s", ErrLocked, s.path)
	case codeCorrupt:
		return fmt.Errorf("%w：%s（%w）", ErrDamaged, s.path, err)
	case codeNotADB:
		// A file that starts like a database but whose header SQLite cannot
		// read is a damaged one of ours, not somebody else's file.
		if hasSQLiteHeader(s.path) {
			return fmt.Errorf("%w：%s（%w）", ErrDamaged, s.path, err)
		}
		return fmt.Errorf("%w：%s", ErrNotDatabase, s.path)
	}
	return fmt.Errorf("无法打开数据文件 %s：%s（%w）", s.path, reason(err), err)
}

// hasSQLiteHeader reads the first bytes of the file. The store reads the file
// itself only here, once SQLite has found it unreadable: on Linux and macOS,
// opening and closing a file that SQLite holds locked in this process drops
// SQLite's lock.
func hasSQLiteHeader(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := f.Read(head)
	return n == 16 && string(head) == "SQLite format 3\x00"
}

// sqliteHeaderSize is the size of the header every SQLite database starts with.
const sqliteHeaderSize = 100

// SQLite primary result codes the store tells apart.
const (
	codeBusy     = 5
	codeLocked   = 6
	codeReadOnly = 8
	codeIOErr    = 10
	codeCorrupt  = 11
	codeFull     = 13
	codeCantOpen = 14
	codeNotADB   = 26
)

// reason says in Chinese what went wrong with the file, for the failures a
// secretary can do something about.
func reason(err error) string {
	var se *gosqlite.Error
	if !errors.As(err, &se) {
		return "数据库出错"
	}
	switch se.Code() & 0xff {
	case codeBusy, codeLocked:
		return "数据文件正由另一个支部台账窗口使用"
	case codeReadOnly:
		return "数据文件是只读的（U盘是否有写保护？）"
	case codeIOErr:
		return "读写数据文件出错（U盘是否已拔出？）"
	case codeCorrupt, codeNotADB:
		return "数据文件已损坏"
	case codeFull:
		return "磁盘空间已满"
	case codeCantOpen:
		return "无法打开数据文件（文件夹是否存在、是否有权限？）"
	}
	return "数据库出错"
}

// fail wraps the error of a user action. Errors already meant for the user
// (validation, a refused event, a duplicate ID number, a missing record) pass
// unchanged so the UI can place them next to the field; anything else is put
// after a sentence saying which action failed and why.
func fail(action string, err error) error {
	if err == nil || forUser(err) {
		return err
	}
	return fmt.Errorf("%s失败：%s（%w）", action, reason(err), err)
}

// forUser reports whether err already says, in Chinese, what the user must do.
func forUser(err error) bool {
	var verrs model.ValidationErrors
	var uerr *userError
	return errors.As(err, &verrs) || errors.As(err, &uerr) || errors.Is(err, model.ErrEvent) ||
		errors.Is(err, ErrDuplicateIDNumber) || errors.Is(err, ErrNotFound)
}

// clock is the store's time, cut to what is stored (milliseconds) so that a
// value handed back equals the value read later.
func (s *Store) clock() time.Time {
	return s.now().Truncate(time.Millisecond)
}

// Today is the calendar date by the store's clock: the date every rule is
// checked on, for the store and for the services built on it, so that a test
// sets one clock and nothing disagrees about what day it is.
func (s *Store) Today() model.Date { return model.DateOf(s.clock()) }

// Close releases the file and its lock.
func (s *Store) Close() error {
	if err := s.sql.Close(); err != nil {
		return fmt.Errorf("关闭数据文件失败：%s：%w", s.path, err)
	}
	return nil
}

// Path is the data file's absolute path.
func (s *Store) Path() string { return s.path }
