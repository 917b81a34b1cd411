package storage

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

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
	var buf []byte
	var args []any
	for start := 0; start < n; start += bulkChunk {
		buf = append(buf[:0], '[')
		for i := start; i < min(start+bulkChunk, n); i++ {
			if i > start {
				buf = append(buf, ',')
			}
			args = appendRow(args[:0], i)
			buf = append(buf, '[')
			for k, a := range args {
				if k > 0 {
					buf = append(buf, ',')
				}
				var err error
				if buf, err = appendJSON(buf, a); err != nil {
					return err
				}
			}
			buf = append(buf, ']')
		}
		buf = append(buf, ']')
		if err := exec(string(buf)); err != nil {
			return err
		}
	}
	return nil
}

// appendJSON appends the JSON of what a value is stored as (jsonValue).
// Written by hand rather than by encoding/json, whose reflection on every
// value was a good part of the time of the write.
func appendJSON(buf []byte, a any) ([]byte, error) {
	v, err := jsonValue(a)
	if err != nil {
		return buf, err
	}
	switch v := v.(type) {
	case nil:
		return append(buf, "null"...), nil
	case string:
		return appendJSONString(buf, v), nil
	case bool:
		if v {
			return append(buf, "true"...), nil
		}
		return append(buf, "false"...), nil
	case int:
		return strconv.AppendInt(buf, int64(v), 10), nil
	case int64:
		return strconv.AppendInt(buf, v, 10), nil
	}
	b, err := json.Marshal(v)
	return append(buf, b...), err
}

// appendJSONString appends s as a JSON string: quotes, backslashes and
// control characters escaped, bytes that are not UTF-8 as U+FFFD.
func appendJSONString(buf []byte, s string) []byte {
	const hex = "0123456789abcdef"
	buf = append(buf, '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			buf = append(buf, '\\', c)
			i++
		case c < 0x20:
			buf = append(buf, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			i++
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				buf = append(buf, "\\ufffd"...)
			} else {
				buf = append(buf, s[i:i+size]...)
			}
			i += size
		}
	}
	return append(buf, '"')
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
