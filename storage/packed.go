package storage

import (
	"fmt"

	"gorm.io/gorm"
)

// scanPacked runs query, each of whose rows is one text packing a record's
// values (see memberPacked for why), and hands each row's text to use. The
// rows are closed when it returns, so the one connection is free again.
func scanPacked(db *gorm.DB, what string, use func(packed string) error, query string, args ...any) error {
	rows, err := db.Raw(query, args...).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var packed string
		if err := rows.Scan(&packed); err != nil {
			return fmt.Errorf("read %s: %w", what, err)
		}
		if err := use(packed); err != nil {
			return err
		}
	}
	return rows.Err()
}
