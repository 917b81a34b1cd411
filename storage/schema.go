package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// ErrSchemaChanged: the file's tables, indexes, triggers or views are not
// those this version of the app makes. Another program has changed it — a
// trigger that rewrites what the app writes, a view posing as a table — and
// nothing read from it or written to it could be trusted.
var ErrSchemaChanged = errors.New("数据文件的结构被别的程序改动过，软件没有使用它，也没有改动它。请用备份恢复，或把文件交给技术人员检查")

// SchemaError lists how a database's schema differs from the one this
// version's migrations make. It matches ErrSchemaChanged with errors.Is.
type SchemaError struct {
	// Differences, one short Chinese phrase each, such as
	// "多了触发器 members_phone" or "表 members 的定义不同".
	Differences []string
}

func (e *SchemaError) Error() string {
	return ErrSchemaChanged.Error() + "（" + e.detail() + "）"
}

func (e *SchemaError) Unwrap() error { return ErrSchemaChanged }

// detail names the first few differences; three say enough.
func (e *SchemaError) detail() string {
	d := e.Differences
	if len(d) > 3 {
		d = append(slices.Clip(d[:3]), fmt.Sprintf("等 %d 处", len(e.Differences)))
	}
	return strings.Join(d, "；")
}

// CheckSchema tells whether db holds a branch data file this version of the
// app can use, without writing to it; db may be opened read-only, and may be
// a file from anywhere (a data package, a USB drive). It returns the file's
// schema version (PRAGMA user_version), 0 for an empty database with no
// schema at all. It fails with ErrNotDatabase for another program's database,
// ErrNewerSchema for a file of a newer version, and a *SchemaError
// (ErrSchemaChanged) when the tables, indexes, triggers or views differ in
// any way — name, kind, table or SQL text — from what this version's
// migrations create at that version. The expected schema is not written down
// anywhere: it is made by running the migrations on an in-memory database
// (or is what they have just made of a new file: rememberBuiltSchema), so a
// new migration needs no change here.
func CheckSchema(db *sql.DB) (version int, err error) {
	return checkSchema(context.Background(), db)
}

// schemaReader is a *sql.DB, *sql.Conn or *sql.Tx.
type schemaReader interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// checkSchema is CheckSchema on a connection or transaction already held.
func checkSchema(ctx context.Context, db schemaReader) (version int, err error) {
	var id, tables int
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id); err != nil {
		return 0, fmt.Errorf("读取数据文件标识失败：%w", err)
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return 0, fmt.Errorf("读取数据文件版本失败：%w", err)
	}
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
		return 0, fmt.Errorf("读取数据文件结构失败：%w", err)
	}
	switch {
	case id == 0 && version == 0 && tables == 0:
		return 0, nil
	case id != appID:
		return 0, ErrNotDatabase
	case version > latestVersion():
		return version, fmt.Errorf("%w（文件版本 %d，本软件支持到 %d）", ErrNewerSchema, version, latestVersion())
	case version < 1:
		return version, &SchemaError{Differences: []string{fmt.Sprintf("版本号 %d 无效", version)}}
	}
	want, err := expectedSchema(version)
	if err != nil {
		return version, err
	}
	got, err := readSchema(ctx, db)
	if err != nil {
		return version, fmt.Errorf("读取数据文件结构失败：%w", err)
	}
	if diffs := compareSchemas(want, got); len(diffs) > 0 {
		return version, &SchemaError{Differences: diffs}
	}
	return version, nil
}

// schemaObject is one row of sqlite_schema, less its root page.
type schemaObject struct {
	Type, Name, Table, SQL string
}

// kindName is what a secretary reads for each kind of schema object.
var kindName = map[string]string{"table": "表", "index": "索引", "trigger": "触发器", "view": "视图"}

func (o schemaObject) label() string {
	k, ok := kindName[o.Type]
	if !ok {
		k = o.Type
	}
	return k + " " + o.Name
}

// readSchema reads every object of the main schema, SQLite's own included
// (sqlite_sequence, the automatic indexes of UNIQUE constraints), sorted by
// kind and name.
func readSchema(ctx context.Context, q schemaReader) ([]schemaObject, error) {
	rows, err := q.QueryContext(ctx, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schemaObject
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.Type, &o.Name, &o.Table, &o.SQL); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// compareSchemas lists, in Chinese, what got has that want has not, what it
// lacks, and what it defines differently.
func compareSchemas(want, got []schemaObject) []string {
	key := func(o schemaObject) string { return o.Type + "\x00" + o.Name }
	wanted := make(map[string]schemaObject, len(want))
	for _, o := range want {
		wanted[key(o)] = o
	}
	var extra, differ, missing []string
	seen := make(map[string]bool, len(got))
	// Views and triggers first: they are what rewrites or hides data.
	got = slices.Clone(got)
	slices.SortStableFunc(got, func(a, b schemaObject) int { return kindRank(a.Type) - kindRank(b.Type) })
	for _, o := range got {
		k := key(o)
		seen[k] = true
		w, ok := wanted[k]
		switch {
		case !ok:
			extra = append(extra, "多了"+o.label())
		case w.Table != o.Table || w.SQL != o.SQL:
			differ = append(differ, o.label()+" 的定义不同")
		}
	}
	for _, o := range want {
		if !seen[key(o)] {
			missing = append(missing, "缺少"+o.label())
		}
	}
	return slices.Concat(extra, differ, missing)
}

func kindRank(kind string) int {
	switch kind {
	case "view":
		return 0
	case "trigger":
		return 1
	case "table":
		return 2
	}
	return 3
}

// schemas caches the schema each version's migrations make, computed once
// for the migrations in force (tests add one for a while).
var schemas struct {
	sync.Mutex
	count     int
	byVersion map[int][]schemaObject
	// seeded is the number of rows of each table of a new data file.
	seeded map[string]int
}

// expectedSchema is the schema a file of version has when this app's
// migrations made it: the migrations up to version run on an in-memory
// database.
func expectedSchema(version int) ([]schemaObject, error) {
	schemas.Lock()
	defer schemas.Unlock()
	if _, ok := schemas.byVersion[version]; !ok || schemas.count != len(migrations) {
		if err := migrateSchemas(version); err != nil {
			return nil, err
		}
	}
	return schemas.byVersion[version], nil
}

// rememberBuiltSchema takes the schema the migrations have just made of a
// new, empty file (create) as the one they make at the latest version,
// when none is known yet: it is the same migrations' work, on that file
// rather than on an in-memory database. create opens the file again at
// once, and its schema check compared it with the migrations run all over
// again in memory: about as long as making the file, some 100 ms of CPU of
// a command-line import into a new file (more than half of its start). The
// check still runs, against what the migrations made; a file of an older
// version, and seededCounts, still have them run in memory.
func (s *Store) rememberBuiltSchema() error {
	got, err := readSchema(context.Background(), s.sql)
	if err != nil {
		return s.openError(err)
	}
	schemas.Lock()
	defer schemas.Unlock()
	if schemas.count != len(migrations) {
		schemas.byVersion, schemas.seeded = nil, nil
	}
	if _, ok := schemas.byVersion[latestVersion()]; ok {
		return nil
	}
	if schemas.byVersion == nil {
		schemas.byVersion = map[int][]schemaObject{}
	}
	schemas.byVersion[latestVersion()], schemas.count = got, len(migrations)
	return nil
}

// seededCounts is the number of rows of each table of a new data file of
// this version: the rows the migrations themselves put there.
func seededCounts() (map[string]int, error) {
	schemas.Lock()
	defer schemas.Unlock()
	if schemas.seeded == nil || schemas.count != len(migrations) {
		if err := migrateSchemas(latestVersion()); err != nil {
			return nil, err
		}
	}
	return schemas.seeded, nil
}

// migrateSchemas fills the cache; the caller holds its lock.
func migrateSchemas(version int) error {
	all, seeded, err := migrateInMemory(version)
	if err != nil {
		return err
	}
	schemas.byVersion, schemas.seeded, schemas.count = all, seeded, len(migrations)
	return nil
}

// migrateInMemory runs the migrations on an empty in-memory database and
// returns the schema after each version, and the rows of each table at the
// end; it must reach version, and goes on as far as the migrations succeed.
func migrateInMemory(version int) (_ map[int][]schemaObject, seeded map[string]int, _ error) {
	sqlDB, err := sql.Open(sqlite.DriverName, ":memory:")
	if err != nil {
		return nil, nil, fmt.Errorf("准备数据文件结构失败：%w", err)
	}
	defer sqlDB.Close()
	// One connection: each new connection to :memory: is another database.
	sqlDB.SetMaxOpenConns(1)
	db, err := gorm.Open(&sqlite.Dialector{Conn: sqlDB}, &gorm.Config{
		SkipDefaultTransaction: true,
		Logger:                 logger.Default.LogMode(logger.Silent),
	})
	if err != nil {
		return nil, nil, fmt.Errorf("准备数据文件结构失败：%w", err)
	}
	out := make(map[int][]schemaObject, len(migrations))
	now := time.Now()
	for _, m := range migrations {
		if err := db.Transaction(func(tx *gorm.DB) error { return m.up(tx, now) }); err != nil {
			if m.version > version {
				break // the file's version is covered; the upgrade will say
			}
			return nil, nil, fmt.Errorf("准备数据文件结构（第%d版）失败：%w", m.version, err)
		}
		s, err := readSchema(context.Background(), sqlDB)
		if err != nil {
			return nil, nil, fmt.Errorf("准备数据文件结构（第%d版）失败：%w", m.version, err)
		}
		out[m.version] = s
	}
	seeded = map[string]int{}
	for _, o := range out[latestVersion()] {
		if o.Type != "table" || !tableName.MatchString(o.Name) {
			continue
		}
		var n int
		if err := sqlDB.QueryRow(`SELECT count(*) FROM "` + o.Name + `"`).Scan(&n); err != nil {
			return nil, nil, fmt.Errorf("准备数据文件结构失败：%w", err)
		}
		seeded[o.Name] = n
	}
	return out, seeded, nil
}
