package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/glebarez/sqlite"

	"branchledger/model"
	"branchledger/storage/atomicfile"
	"branchledger/storage/reason"
)

// Summary says which branch a data file holds and how many records of each
// kind: what a backup, a data package or a restore preview shows beside the
// current file.
type Summary struct {
	BranchUUID    string // made with the branch, never changed
	OrgName       string
	BranchName    string
	SchemaVersion int
	// Counts is the number of rows of each table, by table name
	// ("members", "activities", "dues_payments" …).
	Counts map[string]int
}

// Members is the number of members ever on the roster, those who left too.
func (s Summary) Members() int { return s.Counts["members"] }

// Activities is the number of activity records.
func (s Summary) Activities() int { return s.Counts["activities"] }

// Payments is the number of dues payments recorded (reversed ones too).
func (s Summary) Payments() int { return s.Counts["dues_payments"] }

// Empty reports whether the file holds nothing a secretary entered: no
// names, and no rows in any table beyond those a new data file has (its
// one row of settings here and there). Replacing such a file loses nothing.
// Every table counts, those added by later versions too (recruits,
// transfers …), without a list to keep up to date.
func (s Summary) Empty() bool {
	if s.OrgName != "" || s.BranchName != "" {
		return false
	}
	seeded, err := seededCounts()
	if err != nil {
		return false // when in doubt, the file holds something
	}
	for t, n := range s.Counts {
		if n > seeded[t] {
			return false
		}
	}
	return true
}

// Summary reads the open file's branch and counts.
func (s *Store) Summary() (Summary, error) {
	sum, err := readSummary(s.sql)
	if err != nil {
		return Summary{}, fail("读取数据文件概况", err)
	}
	return sum, nil
}

// tableName is what a table's name must look like before it goes into a
// count query: ours are lower case ASCII with underscores.
var tableName = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// readSummary reads the branch row, the schema version and every table's
// count, by known column names and no SQL from the file.
func readSummary(db *sql.DB) (Summary, error) {
	var sum Summary
	if err := db.QueryRow("PRAGMA user_version").Scan(&sum.SchemaVersion); err != nil {
		return Summary{}, err
	}
	err := db.QueryRow("SELECT uuid, org_name, branch_name FROM branch WHERE id = ?", branchID).
		Scan(&sum.BranchUUID, &sum.OrgName, &sum.BranchName)
	if err != nil {
		return Summary{}, fmt.Errorf("read branch: %w", err)
	}
	rows, err := db.Query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
	if err != nil {
		return Summary{}, err
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return Summary{}, err
		}
		tables = append(tables, name)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Summary{}, err
	}
	sum.Counts = make(map[string]int, len(tables))
	for _, t := range tables {
		if !tableName.MatchString(t) {
			return Summary{}, fmt.Errorf("unexpected table name %q", t)
		}
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM "` + t + `"`).Scan(&n); err != nil {
			return Summary{}, fmt.Errorf("count %s: %w", t, err)
		}
		sum.Counts[t] = n
	}
	return sum, nil
}

// Inspect checks the data file at path as Open would before using it — it
// is a SQLite database, passes a full integrity check, is this app's, has a
// schema version this app knows and exactly the schema this app's
// migrations make for that version — and returns its summary. It opens the
// file read-only and as immutable (no lock, no journal, nothing written
// beside it), runs nothing stored in the file, and does not change it. Its
// errors are sentences naming the file: ErrNotDatabase, ErrDamaged,
// ErrNewerSchema or the schema check's.
//
// Inspect is meant for files nothing else is writing: a backup, or a copy
// taken out of a data package.
func Inspect(path string) (Summary, error) { return inspect(path, false) }

// InspectDigested is Inspect for a copy whose bytes were just found equal,
// by SHA-256, to those a data package pins (the data file unpacked from a
// package). The digest says only that the package's maker wrote these
// bytes, not that this app did, so the check is Inspect's full one — each
// index against its table too: a record changed behind its index's back
// (two members with one ID number under a UNIQUE index, an activity moved
// to another year) reads differently by each query plan — and more: a
// file with records against its own constraints (NOT NULL, CHECK, which
// SQLite does not check in a file opened read-only: see
// checkConstraints; foreign keys) is refused with ErrConstraint. The
// checks beyond Inspect's add about 1 ms to a 50-member branch with three
// years of records.
func InspectDigested(path string) (Summary, error) { return inspect(path, true) }

func inspect(path string, digested bool) (Summary, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return Summary{}, reason.Wrap("数据文件路径不正确："+path, err)
	}
	fi, err := os.Stat(abs)
	switch {
	case err != nil:
		return Summary{}, reason.Wrap("无法读取数据文件 "+abs, err)
	case fi.IsDir():
		return Summary{}, fmt.Errorf("%s 是一个文件夹，不是数据文件", abs)
	case fi.Size() == 0:
		return Summary{}, model.Errorf(ErrNotDatabase, "%s（文件是空的）", abs)
	case fi.Size() < sqliteHeaderSize && startsLikeSQLite(abs):
		return Summary{}, model.Errorf(ErrDamaged, "%s（文件不完整，只有 %d 字节）", abs, fi.Size())
	case !atomicfile.IsSQLite(abs):
		return Summary{}, fmt.Errorf("%w：%s", ErrNotDatabase, abs)
	}
	db, err := sql.Open(sqlite.DriverName, readOnlyDSN(abs))
	if err != nil {
		return Summary{}, reason.Wrap("无法打开数据文件 "+abs, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	s := &Store{path: abs}
	check := checkIntegrity
	if digested {
		check = checkPackaged
	}
	if err := check(db, abs); err != nil {
		return Summary{}, s.inspectError(err)
	}
	version, err := CheckSchema(db)
	var serr *SchemaError
	switch {
	case errors.As(err, &serr):
		return Summary{}, fmt.Errorf("%w：%s（%s）", ErrSchemaChanged, abs, serr.detail())
	case errors.Is(err, ErrNotDatabase):
		return Summary{}, model.Errorf(ErrNotDatabase, "%s（它可能是别的软件的数据库）", abs)
	case errors.Is(err, ErrNewerSchema):
		return Summary{}, model.Errorf(ErrNewerSchema, "%s（文件版本 %d，本软件支持到 %d）", abs, version, latestVersion())
	case err != nil:
		return Summary{}, s.inspectError(err)
	case version == 0:
		return Summary{}, model.Errorf(ErrNotDatabase, "%s（其中没有任何数据）", abs)
	}
	if digested {
		// After the schema check: the constraints checked are ours.
		if err := checkConstraints(db, version, abs); err != nil {
			return Summary{}, s.inspectError(err)
		}
		if err := checkForeignKeys(db, abs); err != nil {
			return Summary{}, s.inspectError(err)
		}
	}
	sum, err := readSummary(db)
	if err != nil {
		return Summary{}, damaged(abs, err)
	}
	return sum, nil
}

// inspectError is openError for Inspect: a file refused with a reason.
func (s *Store) inspectError(err error) error {
	var ue *userError
	if errors.As(err, &ue) || errors.Is(err, ErrDamaged) || errors.Is(err, ErrConstraint) {
		return err
	}
	return s.openError(err)
}

// readOnlyDSN opens a file read-only and immutable, with the schema
// distrusted: functions with side effects cannot run from views or
// triggers, and nothing may be written.
func readOnlyDSN(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	q := url.Values{
		"mode":      {"ro"},
		"immutable": {"1"},
		"_pragma":   {"trusted_schema(0)", "query_only(1)", "cell_size_check(1)"},
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: q.Encode()}
	return u.String()
}

// checkIntegrity runs SQLite's full integrity check, which also finds
// damaged indexes.
func checkIntegrity(db *sql.DB, path string) error { return runCheck(db, "integrity_check", path) }

// runCheck runs SQLite's integrity_check or quick_check pragma and turns
// what it finds into ErrDamaged naming path.
func runCheck(db *sql.DB, pragma, path string) error {
	lines, err := checkLines(db, pragma)
	if err != nil || lines == nil {
		return err
	}
	return damagedFindings(path, lines)
}

// checkLines runs SQLite's integrity_check or quick_check pragma: nil when
// it says ok, else what it found (its first few findings).
func checkLines(db *sql.DB, pragma string) ([]string, error) {
	rows, err := db.Query("PRAGMA " + pragma + "(4)")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			return nil, err
		}
		lines = append(lines, l)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(lines) == 1 && lines[0] == "ok" {
		return nil, nil
	}
	return lines, nil
}

// checkPackaged is checkIntegrity for a package's data file (see
// InspectDigested): a file whose only faults are records against their
// table's NOT NULL or CHECK constraints is well formed, and written by
// something other than this app: ErrConstraint rather than ErrDamaged.
func checkPackaged(db *sql.DB, path string) error {
	lines, err := checkLines(db, "integrity_check")
	switch {
	case err != nil || lines == nil:
		return err
	case reason.OnlyConstraints(lines):
		return constraintFindings(path, reason.Integrity(lines))
	}
	return damagedFindings(path, lines)
}
