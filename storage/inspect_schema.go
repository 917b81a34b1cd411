package storage

import (
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

// ErrChangedSchema is a data file whose tables, indexes, triggers or views
// are not those this app's migrations make: another program changed it.
var ErrChangedSchema = errors.New("数据文件的结构被其他程序改动过，软件没有使用它")

// schemaObject is one row of sqlite_schema: a table, index, trigger or view.
type schemaObject struct {
	kind, name, table, sql string
}

func (o schemaObject) String() string { return o.kind + " " + o.name }

var (
	expectedMu      sync.Mutex
	expectedSchemas = map[int][]schemaObject{}
)

// expectedSchema is the schema this app's migrations make up to version,
// worked out once per version on an in-memory database, so that a new
// migration needs no list kept by hand.
func expectedSchema(version int) ([]schemaObject, error) {
	expectedMu.Lock()
	defer expectedMu.Unlock()
	if s, ok := expectedSchemas[version]; ok {
		return s, nil
	}
	sqlDB, err := sql.Open(sqlite.DriverName, ":memory:")
	if err != nil {
		return nil, err
	}
	defer sqlDB.Close()
	sqlDB.SetMaxOpenConns(1)
	db, err := gorm.Open(&sqlite.Dialector{Conn: sqlDB}, &gorm.Config{SkipDefaultTransaction: true, Logger: logger.Default.LogMode(logger.Silent)})
	if err != nil {
		return nil, err
	}
	for _, m := range migrations {
		if m.version > version {
			break
		}
		if err := db.Transaction(func(tx *gorm.DB) error { return m.up(tx, time.Unix(0, 0)) }); err != nil {
			return nil, fmt.Errorf("migration %d: %w", m.version, err)
		}
	}
	s, err := readSchema(sqlDB)
	if err != nil {
		return nil, err
	}
	expectedSchemas[version] = s
	return s, nil
}

// readSchema lists sqlite_schema in a stable order, with each statement's
// white space folded so that only a change of meaning counts.
func readSchema(db *sql.DB) ([]schemaObject, error) {
	rows, err := db.Query("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var objs []schemaObject
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.kind, &o.name, &o.table, &o.sql); err != nil {
			return nil, err
		}
		o.sql = strings.Join(strings.Fields(o.sql), " ")
		objs = append(objs, o)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(objs, func(a, b schemaObject) int {
		return strings.Compare(a.kind+"\x00"+a.name, b.kind+"\x00"+b.name)
	})
	return objs, nil
}

// checkSchema compares a file's schema with what the migrations make for its
// version, and names the first few differences.
func checkSchema(db *sql.DB, path string, version int) error {
	want, err := expectedSchema(version)
	if err != nil {
		return fmt.Errorf("无法确定第%d版数据文件应有的结构：%w", version, err)
	}
	got, err := readSchema(db)
	if err != nil {
		return fmt.Errorf("%w：%s（%w）", ErrDamaged, path, err)
	}
	wantBy := map[string]schemaObject{}
	for _, o := range want {
		wantBy[o.String()] = o
	}
	var diffs []string
	for _, o := range got {
		w, ok := wantBy[o.String()]
		switch {
		case !ok:
			diffs = append(diffs, "多出 "+o.String())
		case w != o:
			diffs = append(diffs, "改动了 "+o.String())
		}
		delete(wantBy, o.String())
	}
	for _, o := range want {
		if _, ok := wantBy[o.String()]; ok {
			diffs = append(diffs, "缺少 "+o.String())
		}
	}
	if len(diffs) == 0 {
		return nil
	}
	if len(diffs) > 3 {
		diffs = append(diffs[:3], "…")
	}
	return fmt.Errorf("%w：%s（%s）", ErrChangedSchema, path, strings.Join(diffs, "；"))
}
