// Package storage keeps one branch's records in one local SQLite file, through
// GORM over github.com/glebarez/sqlite (pure Go, no cgo). The file is often the
// secretary's only copy and may sit on a USB stick that gets pulled, so the
// store opens it carefully: it refuses files it does not understand without
// touching them, checks them before writing, backs them up before upgrading
// them, lets only one window use them at a time, and writes every user action
// as one transaction.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"branchledger/model"
	"branchledger/storage/atomicfile"
	"branchledger/storage/reason"

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
	db       *gorm.DB
	sql      *sql.DB
	path     string
	now      func() time.Time
	readOnly bool
	// inUse: read-only because another program holds the file open.
	inUse bool
	// fresh: the file is the empty one create has just made, which open
	// may give its tables; any other file without tables is refused.
	fresh bool

	// checkedCopy: the file is a private copy Inspect has checked in full
	// (see CheckedCopy); immutable: it is open read-only and immutable.
	checkedCopy, immutable bool

	check fullCheck
	// fault is what kept the last failed write from being rolled back
	// completely (see settle); nil when the file is consistent on its own.
	fault atomic.Pointer[error]

	// planned is what the last import plan added, as PlanImportRows handed
	// it over: ApplyImport need not check it again (see plannedAdds).
	planned atomic.Pointer[plannedAdds]
}

// Option changes how Open sets up a store.
type Option func(*Store)

// WithClock makes the store read the time from now instead of the system
// clock: for the times it records and for "today" in validation. For tests.
func WithClock(now func() time.Time) Option {
	return func(s *Store) { s.now = now }
}

// CheckedCopy opens a private copy of a data file that Inspect has just
// checked in full and that nothing else uses: the data file unpacked from a
// data package. A copy of this version of the app is opened read-only and
// immutable, with the schema distrusted (no lock, no journal, no second
// check, nothing written; every write fails with ErrReadOnly). An older
// copy is upgraded in place, since it is the caller's own, without the
// automatic backup and the second full check an upgrade of the branch's
// file gets.
func CheckedCopy() Option {
	return func(s *Store) { s.checkedCopy = true }
}

// Open opens the data file at path and brings its tables up to this version
// of the app. A path where nothing exists yet gets a new data file (and its
// folder), made whole or not at all (see Create); an existing file is never
// taken for a new one. A file that cannot be written (read-only media, a
// read-only file) is opened read-only: see ReadOnly. A path that is a
// symbolic link opens the file it points to, and Path is that file's: its
// journal, its backups and the files written beside it go beside it.
//
// It fails, leaving the file as it was, with ErrEmptyFile (0 bytes),
// ErrNotDatabase (another program's file, or a SQLite database without any
// tables), ErrLocked, ErrDamaged (a file cut short included),
// ErrSchemaChanged, ErrNewerSchema, ErrReadOnlyUpgrade or
// ErrReadOnlyJournal; each error names the file.
func Open(path string, opts ...Option) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, reason.Wrap("数据文件路径不正确："+path, err)
	}
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if _, lerr := os.Lstat(abs); lerr == nil {
			// A link to nothing: a new file would replace the link.
			return nil, fmt.Errorf("找不到数据文件 %s（它是一个快捷方式，指向的文件不存在）", abs)
		}
		s, err := create(abs, false, opts)
		if errors.Is(err, ErrExists) {
			// Another window made the file at the same moment: open
			// it like any existing file (it says so if that window
			// holds it).
			return open(abs, false, opts)
		}
		return s, err
	case err != nil:
		return nil, reason.Wrap("无法打开数据文件 "+abs, err)
	case fi.IsDir():
		return nil, fmt.Errorf("%s 是一个文件夹，不是数据文件", abs)
	case fi.Size() == 0:
		// Typical of a copy to a USB drive that did not finish; taking it
		// for a new ledger would hide that the records are gone.
		return nil, fmt.Errorf("%w：%s", ErrEmptyFile, abs)
	case fi.Size() < sqliteHeaderSize:
		// SQLite would take a short file for an empty database and write
		// one over it. One that starts as a database does was cut short.
		if startsLikeSQLite(abs) {
			return nil, model.Errorf(ErrDamaged, "%s（文件不完整，只有 %d 字节）", abs, fi.Size())
		}
		return nil, fmt.Errorf("%w：%s", ErrNotDatabase, abs)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	return open(abs, false, opts)
}

// open opens the existing data file at abs; fresh is for the empty file
// create has just made, which alone may be given its tables.
func open(abs string, fresh bool, opts []Option) (*Store, error) {
	w, inUse := writeAccess(abs)
	s := &Store{now: time.Now, path: abs, readOnly: !w, inUse: inUse, fresh: fresh}
	for _, o := range opts {
		o(s)
	}
	if s.checkedCopy {
		// Inspect's full check has passed: writes need not wait for another.
		s.check.state = checkDone
		s.check.finished.Store(true)
		if !fresh && currentCopy(abs) {
			s.readOnly, s.immutable = true, true
		}
	}
	if !s.readOnly {
		if err := s.clearJournal(); err != nil {
			return nil, err
		}
	}
	conn := dsn(abs, s.readOnly, true)
	if s.immutable {
		conn = readOnlyDSN(abs)
	}
	sqlDB, err := sql.Open(sqlite.DriverName, conn)
	if err != nil {
		return nil, reason.Wrap("无法打开数据文件 "+abs, err)
	}
	// One connection, kept for the store's life: the file has one writer
	// (this window), the pragmas in the DSN hold per connection, and the
	// exclusive lock that keeps a second window out belongs to a connection.
	// A second one from the pool would find the file locked by its sibling.
	sqlDB.SetMaxOpenConns(1)
	sqlDB.SetMaxIdleConns(1)
	sqlDB.SetConnMaxLifetime(0)
	sqlDB.SetConnMaxIdleTime(0)

	db, err := gorm.Open(&sqlite.Dialector{Conn: &pool{DB: sqlDB, s: s}}, &gorm.Config{
		TranslateError: true,
		// Every write is in a transaction of our own; GORM's extra one per
		// statement would only cost time.
		SkipDefaultTransaction: true,
		// Errors are returned to the caller, who shows or logs them.
		Logger: logger.Default.LogMode(logger.Silent),
	})
	if err != nil {
		sqlDB.Close()
		return nil, s.heldOr(s.openError(err))
	}
	s.db, s.sql = db, sqlDB
	if err := s.prepare(); err != nil {
		sqlDB.Close()
		return nil, s.heldOr(err)
	}
	if !s.readOnly && !fresh && !s.checkedCopy {
		s.removeStaleTemps()
	}
	return s, nil
}

// removeStaleTemps removes what work on this file cut short by a crash or a
// kill left beside it: a new file half made, a snapshot for a package, a
// restore's unpacked or staged copy, a half-written automatic backup. Only
// the process holding the file's lock (this one, now) writes them, and
// their names carry the process's id, so none belongs to work still going.
// What earlier versions left there and in the system's temporary folder
// goes too, once it is old (see RemoveOldTemps).
func (s *Store) removeStaleTemps() {
	dir := filepath.Dir(s.path)
	atomicfile.RemoveStale(dir, filepath.Base(s.path))
	atomicfile.RemoveStale(dir, WorkTempBase)
	atomicfile.RemoveStale(os.TempDir(), WorkTempBase)
	atomicfile.RemoveStaleLike(BackupsDir(s.path), ".db")
	for _, d := range []string{dir, os.TempDir(), BackupsDir(s.path)} {
		RemoveOldTemps(d)
	}
}

// writeAccess reports whether the file can be opened for writing, and
// whether it cannot because another program holds it open. Only a refusal
// counts as not writable (read-only media, a read-only file, no permission,
// another program's hold); any other trouble is left for SQLite to report.
//
// Another program's hold is told apart: otherwise SQLite quietly opens the
// file read-only and the first save blames a write-protected USB stick.
func writeAccess(path string) (writable, inUse bool) {
	f, err := openForWrite(path)
	if err == nil {
		f.Close()
		return true, false
	}
	if reason.InUse(err) {
		return false, true
	}
	return !errors.Is(err, fs.ErrPermission) && !errors.Is(err, syscall.EROFS), false
}

// openForWrite opens path for reading and writing; tests stand in for
// Windows, where another program's open handle refuses it.
var openForWrite = func(path string) (*os.File, error) { return os.OpenFile(path, os.O_RDWR, 0) }

// heldOr is err, unless another program holds the file and SQLite could
// not open or read it: then that hold (sharing nothing, as a file being
// copied) is why, and what the user can act on — not a folder that cannot
// be written, which SQLite's "unable to open" would suggest. A file found
// damaged, or none of ours, is said as such.
func (s *Store) heldOr(err error) error {
	var se *gosqlite.Error
	if s.inUse && (errors.Is(err, ErrReadOnlyJournal) || errors.Is(err, ErrReadOnlyUpgrade) ||
		errors.As(err, &se) && (se.Code()&0xff == codeCantOpen || se.Code()&0xff == codeIOErr)) {
		return &reason.Error{Msg: ErrInUseExclusive.Error() + "：" + s.path, Err: errors.Join(ErrInUseExclusive, err)}
	}
	return err
}

// dsn builds the glebarez DSN: a file: URI (so a path with spaces, Chinese
// characters, '#' or '%' reaches SQLite intact) and the pragmas for every
// connection. busy_timeout comes first so that the pragmas after it, which may
// need the file, wait only lockWait for another window. readOnly opens the
// file read-only; exclusive keeps it locked from its first use to the close.
func dsn(path string, readOnly, exclusive bool) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x, which SQLite reads as a Windows drive path
	}
	pragmas := []string{fmt.Sprintf("busy_timeout(%d)", lockWait.Milliseconds())}
	if exclusive {
		// Once this connection has written (or, read-only, read), it keeps
		// the file locked until it closes: a second window cannot write it
		// meanwhile.
		pragmas = append(pragmas, "locking_mode(EXCLUSIVE)")
	}
	pragmas = append(pragmas,
		// A rollback journal (not WAL): one file to copy, no -wal/-shm beside
		// it on a USB stick, and with synchronous FULL a commit survives power
		// loss whole or not at all.
		"journal_mode(DELETE)",
		"synchronous(FULL)",
		"foreign_keys(1)",
		// Statement journals (an import's multi-row INSERTs need them) in
		// memory rather than in temporary files.
		"temp_store(MEMORY)",
	)
	q := url.Values{"_pragma": pragmas}
	if readOnly {
		q.Set("mode", "ro")
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: q.Encode()}
	return u.String()
}

// clearJournal resolves a rollback journal left beside the file by a crash,
// a pulled drive or a power cut, before the store opens it. A hot journal
// (one SQLite would play back) is played back; one that is not — zeroed, or
// never synced, so the data file was never touched — is clutter that makes a
// copy of the folder look unfinished. SQLite removes both itself: switching
// the journal mode from PERSIST back to DELETE plays back a hot journal and
// deletes the journal under a RESERVED lock — but only on a connection that
// is not in exclusive locking mode, hence a connection of its own. A file
// another window holds fails here with ErrLocked, as it would a moment later.
func (s *Store) clearJournal() error {
	if _, err := os.Lstat(s.path + "-journal"); err != nil {
		return nil
	}
	db, err := sql.Open(sqlite.DriverName, dsn(s.path, false, false))
	if err != nil {
		return reason.Wrap("无法打开数据文件 "+s.path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, mode := range []string{"PERSIST", "DELETE"} {
		var got string
		if err := db.QueryRow("PRAGMA journal_mode = " + mode).Scan(&got); err != nil {
			return s.openError(err)
		}
	}
	return nil
}

// prepare runs the checks of Open in the order that keeps a file it cannot use
// untouched: lock, check, identify, back up, migrate.
func (s *Store) prepare() error {
	if s.fresh && !s.readOnly {
		if err := s.buildQuickly(); err != nil {
			return err
		}
	}
	if !s.immutable {
		if err := s.lock(); err != nil {
			return err
		}
	}
	if !s.checkedCopy {
		if err := s.quickCheck(); err != nil {
			return err
		}
	}
	version, err := s.identify()
	if err != nil {
		return err
	}
	if version > 0 && version < latestVersion() && !s.checkedCopy {
		if s.readOnly {
			return model.Errorf(ErrReadOnlyUpgrade, "%s（文件版本 %d，本软件的版本 %d）", s.path, version, latestVersion())
		}
		// An upgrade writes; the full check goes first, as before any write.
		conn, err := s.sql.Conn(context.Background())
		if err != nil {
			return s.openError(err)
		}
		err = s.runCheck(conn)
		conn.Close()
		if err != nil {
			return err
		}
		if err := s.backup(); err != nil {
			return err
		}
	}
	if err := s.migrate(version); err != nil {
		return err
	}
	if s.fresh && version == 0 {
		return s.rememberBuiltSchema()
	}
	return nil
}

// buildQuickly lets the tables of a new data file be made without a sync
// per migration: create builds the file under a temporary name, syncs it
// once it is whole and only then gives it its name, so a crash half way
// leaves a temporary file to remove, never a half-made ledger. Each of the
// migrations' commits otherwise waited for the disk several times: 58 of
// the 73 syncs of a first import of 20,000 rows into a new file, each one
// slower on a busy disk or a USB stick. The journal is kept in memory: a
// migration that fails still rolls back.
func (s *Store) buildQuickly() error {
	for _, p := range []string{"PRAGMA synchronous = OFF", "PRAGMA journal_mode = MEMORY"} {
		if err := s.db.Exec(p).Error; err != nil {
			return s.openError(err)
		}
	}
	return nil
}

// lock takes the file's exclusive lock now, by an empty write transaction,
// rather than at the first real write: a second window must be turned away at
// once, not after the secretary has typed a form. A read-only file is only
// read here, which takes the shared lock the connection then keeps (no
// window can write the file meanwhile); the read also finds a hot journal,
// which a read-only store cannot play back.
func (s *Store) lock() error {
	if s.readOnly {
		var v int
		if err := s.sql.QueryRow("PRAGMA schema_version").Scan(&v); err != nil {
			return s.openError(err)
		}
		return nil
	}
	if err := s.db.Exec("BEGIN EXCLUSIVE").Error; err != nil {
		return s.openError(err)
	}
	if err := s.db.Exec("COMMIT").Error; err != nil {
		s.db.Exec("ROLLBACK")
		return s.openError(err)
	}
	return nil
}

// currentCopy reports whether the file at path, read as immutable, is of
// this version of the app; any doubt (an unreadable file) is false, and
// the usual open says what is wrong.
func currentCopy(path string) bool {
	db, err := sql.Open(sqlite.DriverName, readOnlyDSN(path))
	if err != nil {
		return false
	}
	defer db.Close()
	var v int
	return db.QueryRow("PRAGMA user_version").Scan(&v) == nil && v == latestVersion()
}

// ReadOnly reports whether the file was opened read-only because it cannot
// be written: its records can be read and exported, and every write fails.
func (s *Store) ReadOnly() bool { return s.readOnly }

// InUse reports whether the file is read-only because another program
// holds it open (ErrInUse): it can be written once that program lets go
// and the file is opened again.
func (s *Store) InUse() bool { return s.inUse }

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
	case err == nil && version == 0 && !s.fresh:
		// An existing SQLite database with nothing in it is not a ledger
		// to fill: the records it should hold are missing.
		return 0, model.Errorf(ErrNotDatabase, "%s（这是一个没有任何数据表的 SQLite 数据库）", s.path)
	case err == nil:
		return version, nil
	case errors.As(err, &serr):
		return 0, fmt.Errorf("%w：%s（%s）", ErrSchemaChanged, s.path, serr.detail())
	case errors.Is(err, ErrNotDatabase):
		return 0, model.Errorf(ErrNotDatabase, "%s（它可能是别的软件的数据库）", s.path)
	case errors.Is(err, ErrNewerSchema):
		return 0, model.Errorf(ErrNewerSchema, "%s（文件版本 %d，本软件支持到 %d）", s.path, version, latestVersion())
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
	if se.Code() == codeReadOnlyRollback {
		return fmt.Errorf("%w：%s", ErrReadOnlyJournal, s.path)
	}
	switch se.Code() & 0xff {
	case codeBusy, codeLocked:
		return fmt.Errorf("%w：%s", ErrLocked, s.path)
	case codeCorrupt:
		return damaged(s.path, err)
	case codeNotADB:
		// A file that starts like a database but whose header SQLite cannot
		// read is a damaged one of ours, not somebody else's file.
		// Read only once SQLite has found the file unreadable: on Linux and
		// macOS, opening and closing a file SQLite holds locked in this
		// process drops SQLite's lock.
		if atomicfile.IsSQLite(s.path) {
			return damaged(s.path, err)
		}
		return fmt.Errorf("%w：%s", ErrNotDatabase, s.path)
	}
	return reason.Wrap("无法打开数据文件 "+s.path, err)
}

// startsLikeSQLite reports whether the file's first bytes, however few, are
// those every SQLite database starts with.
func startsLikeSQLite(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(atomicfile.SQLiteMagic))
	n, _ := io.ReadFull(f, head)
	return n > 0 && string(head[:n]) == atomicfile.SQLiteMagic[:n]
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

	// codeReadOnlyRollback (SQLITE_READONLY_ROLLBACK): a hot journal that a
	// read-only connection cannot play back.
	codeReadOnlyRollback = codeReadOnly | 3<<8
)

// fail wraps the error of a user action. Errors already meant for the user
// (validation, a refused event, a duplicate ID number, a missing record) pass
// unchanged so the UI can place them next to the field; anything else
// becomes one sentence saying which action failed and why (reason.Of), with
// SQLite's or the system's words kept out of it, for the log.
func fail(action string, err error) error {
	if err == nil || forUser(err) {
		return err
	}
	return &reason.Error{Msg: action + "失败：" + reason.Of(err), Err: err}
}

// forUser reports whether err already says, in Chinese, what the user must do.
func forUser(err error) bool {
	var verrs model.ValidationErrors
	var uerr *userError
	return errors.As(err, &verrs) || errors.As(err, &uerr) || errors.Is(err, model.ErrEvent) ||
		errors.Is(err, ErrDuplicateIDNumber) || errors.Is(err, ErrNotFound) || errors.Is(err, ErrDamaged) ||
		errors.Is(err, ErrReadOnly) || errors.Is(err, ErrInUse)
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
// If a failed write could not be rolled back completely (the drive was
// pulled), it tries once more first, and otherwise says that the file must
// not be copied without its journal: the next open finishes the rollback.
func (s *Store) Close() error {
	if s.fault.Load() != nil {
		s.settle()
	}
	fault := s.fault.Load()
	if err := s.sql.Close(); err != nil {
		return reason.Wrap("关闭数据文件失败："+s.path, err)
	}
	if fault != nil {
		return fmt.Errorf("%w：%s（%w）", ErrRollbackUnfinished, s.path, *fault)
	}
	return nil
}

// Path is the data file's absolute path.
func (s *Store) Path() string { return s.path }

// InTransaction runs fn with a store whose methods all work inside one
// transaction on this store's file: everything fn writes is kept, or — if
// fn fails, or the program is killed half way — none of it. The methods'
// own transactions become savepoints inside it. fn must use only the store
// it is given: this one's single connection is the transaction's meanwhile.
func (s *Store) InTransaction(fn func(tx *Store) error) error {
	return s.db.Transaction(func(gtx *gorm.DB) error {
		tx := &Store{db: gtx, path: s.path, now: s.now, readOnly: s.readOnly, inUse: s.inUse}
		return fn(tx)
	})
}
