// Package sqlstmt tells the statements that change an SQLite file from
// those that only read it, for the connection wrappers of the branch's data
// file (storage) and of the workspace (storage/workspace).
package sqlstmt

import "strings"

// IsWrite reports whether a statement of ours changes the file: the
// statements GORM and the stores write start with one of these words.
func IsWrite(query string) bool {
	q := strings.TrimLeft(query, " \t\r\n(")
	if len(q) < 6 {
		return false
	}
	switch strings.ToUpper(q[:6]) {
	case "INSERT", "UPDATE", "DELETE", "REPLAC", "CREATE", "ALTER ", "DROP T", "DROP I", "DROP V":
		return true
	}
	return false
}
