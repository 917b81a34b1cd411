package atomicfile

import (
	"io"
	"os"
)

// SQLiteMagic is how every SQLite database file begins.
const SQLiteMagic = "SQLite format 3\x00"

// IsSQLite reports whether path is an existing file that begins as an
// SQLite database does: a data file, a backup, a workspace. It never opens
// anything but a regular file (a FIFO would block the open).
func IsSQLite(path string) bool {
	if !isRegular(path) {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(SQLiteMagic))
	n, _ := io.ReadFull(f, head)
	return n == len(head) && string(head) == SQLiteMagic
}
