package storage

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// Writing thousands of rows at once (an import of a county's roster).
//
// The driver prepares every statement anew on every execution, and
// SQLite's parser, translated to Go, costs more per row than storing the
// row: INSERT … VALUES with one row, or sixteen, to a statement spends most
// of its time parsing SQL and matching values to placeholders. So the rows
// go in as one JSON array bound to one parameter, and one statement per
// chunk takes them apart in SQLite (jsonb_each, whose value for each row
// stays binary JSON for ->> to index without parsing text again). See
// BenchmarkBulkInsert20000.

// bulkChunk is how many rows one statement takes: enough that parsing the
// statement does not count, few enough that the JSON of a chunk stays a few
// megabytes.
const bulkChunk = 4000

// bulkSelect is "value ->> 0, value ->> 1, …" for n columns.
func bulkSelect(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf("value ->> %d", i)
	}
	return strings.Join(parts, ", ")
}

// insertBulk writes n rows into table: appendRow appends the values of row
// i for columns, as for insertRows.
func insertBulk(tx *gorm.DB, table string, columns []string, n int, appendRow func(args []any, i int) []any) error {
	return insertBulkSame(tx, table, columns, nil, n, appendRow)
}

// bulkValue is a column every row of a bulk write gets the same value in.
type bulkValue struct {
	column string
	value  any
}

// insertBulkSame is insertBulk where the columns of same take the same value
// in every row: bound once, not taken out of each row's JSON.
func insertBulkSame(tx *gorm.DB, table string, columns []string, same []bulkValue, n int, appendRow func(args []any, i int) []any) error {
	cols, sel := strings.Join(columns, ", "), bulkSelect(len(columns))
	args := []any{nil}
	for _, s := range same {
		v, err := jsonValue(s.value)
		if err != nil {
			return err
		}
		cols += ", " + s.column
		sel += ", ?"
		args = append(args, v)
	}
	q := "INSERT INTO " + table + " (" + cols + ") SELECT " + sel + " FROM jsonb_each(?)"
	// The rows are the last parameter, after the values in the select list.
	return eachChunk(n, appendRow, func(rows string) error {
		return tx.Exec(q, append(args[1:len(args):len(args)], rows)...).Error
	})
}

// updateBulk sets columns of n rows of table, each found by its id, which
// appendRow appends after the values for columns. It fails if a row is
// missing.
func updateBulk(tx *gorm.DB, table string, columns []string, n int, appendRow func(args []any, i int) []any) error {
	set := make([]string, len(columns))
	for i, c := range columns {
		set[i] = fmt.Sprintf("%s = j.value ->> %d", c, i)
	}
	q := "UPDATE " + table + " SET " + strings.Join(set, ", ") + " FROM jsonb_each(?) AS j WHERE " + table + ".id = j.value ->> " + fmt.Sprint(len(columns))
	done := 0
	err := eachChunk(n, appendRow, func(rows string) error {
		res := tx.Exec(q, rows)
		done += int(res.RowsAffected)
		return res.Error
	})
	if err == nil && done != n {
		return fmt.Errorf("update %s: %d of %d rows found", table, done, n)
	}
	return err
}

// eachChunk encodes the rows bulkChunk at a time as JSON arrays of their
// values and hands each chunk to exec.
func eachChunk(n int, appendRow func(args []any, i int) []any, exec func(rows string) error) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	var args []any
	for start := 0; start < n; start += bulkChunk {
		buf.Reset()
		buf.WriteByte('[')
		for i := start; i < min(start+bulkChunk, n); i++ {
			if i > start {
				buf.WriteByte(',')
			}
			args = appendRow(args[:0], i)
			for k, a := range args {
				v, err := jsonValue(a)
				if err != nil {
					return err
				}
				args[k] = v
			}
			if err := enc.Encode(args); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
		if err := exec(buf.String()); err != nil {
			return err
		}
	}
	return nil
}

// jsonValue is what a value is stored as, for the JSON of a row: what its
// driver.Valuer gives (dates and stamps as text, unknown dates as null).
func jsonValue(a any) (any, error) {
	switch v := a.(type) {
	case nil, string, bool, int, int64:
		return v, nil
	case driver.Valuer:
		return v.Value()
	case *int64:
		if v == nil {
			return nil, nil
		}
		return *v, nil
	}
	return nil, fmt.Errorf("bulk write: cannot store %T", a)
}
