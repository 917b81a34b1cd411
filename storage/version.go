package storage

import (
	"database/sql"
	"fmt"

	_ "github.com/glebarez/go-sqlite" // registers the "sqlite" driver
)

// SQLiteVersion is the version of the SQLite engine built into the app, for
// `branchledger version` and bug reports. It opens no data file.
func SQLiteVersion() (string, error) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return "", fmt.Errorf("读取 SQLite 版本失败：%w", err)
	}
	defer db.Close()
	var v string
	if err := db.QueryRow("SELECT sqlite_version()").Scan(&v); err != nil {
		return "", fmt.Errorf("读取 SQLite 版本失败：%w", err)
	}
	return v, nil
}
