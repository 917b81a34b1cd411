package storage

import (
	"context"
	"database/sql"
	"fmt"
)

// SchemaDiff compares the schema of got (tables, indexes, triggers, views:
// name, kind, table and SQL text) with that of want, a database made by the
// expected migrations, and lists the differences in Chinese, as CheckSchema
// does for a branch's data file. Other files of this app with migrations of
// their own (the instructor's workspace) check themselves with it; got may
// be opened read-only.
func SchemaDiff(got, want *sql.DB) ([]string, error) {
	w, err := readSchema(context.Background(), want)
	if err != nil {
		return nil, fmt.Errorf("读取应有的数据文件结构失败：%w", err)
	}
	g, err := readSchema(context.Background(), got)
	if err != nil {
		return nil, fmt.Errorf("读取数据文件结构失败：%w", err)
	}
	return compareSchemas(w, g), nil
}
