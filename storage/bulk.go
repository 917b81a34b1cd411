package storage

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"branchledger/model"

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
// in every row: bound once, not taken out of each row's JSON. Within each
// chunk, a column whose value is the same in every row (the branch of a
// roster's members, 正常 standing, an empty 备注) is bound once too: taking
// a value out of a row's JSON is most of what SQLite spends on a row.
func insertBulkSame(tx *gorm.DB, table string, columns []string, same []bulkValue, n int, appendRow func(args []any, i int) []any) error {
	head := "INSERT INTO " + table + " (" + strings.Join(columns, ", ")
	var sameSel string
	var sameArgs []any
	for _, s := range same {
		v, err := jsonValue(s.value)
		if err != nil {
			return err
		}
		head += ", " + s.column
		sameSel += ", ?"
		sameArgs = append(sameArgs, v)
	}
	head += ") SELECT "
	enc := chunkEncoder{cols: len(columns)}
	for start := 0; start < n; start += bulkChunk {
		end := min(start+bulkChunk, n)
		if err := enc.encode(start, end, appendRow); err != nil {
			return err
		}
		// The select list, in the order of columns: a value bound once for
		// a column the same in every row of the chunk, else the row's next
		// JSON element.
		var sel strings.Builder
		args := make([]any, 0, len(columns)+len(same)+1)
		k := 0
		for c := range columns {
			if c > 0 {
				sel.WriteString(", ")
			}
			if v, ok := enc.constant(c); ok {
				sel.WriteString("?")
				args = append(args, v)
				continue
			}
			fmt.Fprintf(&sel, "value ->> %d", k)
			k++
		}
		args = append(append(args, sameArgs...), enc.rows)
		// Every column the same, each element is [], still one row.
		q := head + sel.String() + sameSel + " FROM jsonb_each(?)"
		if err := tx.Exec(q, args...).Error; err != nil {
			return err
		}
	}
	return nil
}

// chunkEncoder encodes a chunk of rows as a JSON array of arrays, leaving out
// the columns whose value is the same in every row of the chunk.
type chunkEncoder struct {
	cols  int
	cells []byte // every cell's JSON, row after row
	ends  []int  // where each cell's JSON ends in cells
	same  []bool // by column: the same JSON in every row of the chunk
	// values are the values of the columns that are the same, as SQLite
	// would take them out of the JSON
	values []any
	rows   string // the JSON of the chunk, without the columns that are the same
	args   []any
	buf    []byte
}

func (e *chunkEncoder) encode(start, end int, appendRow func(args []any, i int) []any) error {
	e.cells, e.ends = e.cells[:0], e.ends[:0]
	for i := start; i < end; i++ {
		e.args = appendRow(e.args[:0], i)
		if len(e.args) != e.cols {
			return fmt.Errorf("bulk write: %d values for %d columns", len(e.args), e.cols)
		}
		for _, a := range e.args {
			var err error
			if e.cells, err = appendJSON(e.cells, a); err != nil {
				return err
			}
			e.ends = append(e.ends, len(e.cells))
		}
	}
	e.same = append(e.same[:0], make([]bool, e.cols)...)
	e.values = append(e.values[:0], make([]any, e.cols)...)
	for c := range e.cols {
		first := e.cell(0, c)
		// An array or object (no column holds one) is left to ->>.
		e.same[c] = first[0] != '[' && first[0] != '{'
		for r := 1; e.same[c] && r < end-start; r++ {
			if string(e.cell(r, c)) != string(first) {
				e.same[c] = false
			}
		}
		if e.same[c] {
			e.values[c], e.same[c] = jsonCellValue(first)
		}
	}
	e.buf = append(e.buf[:0], '[')
	for r := range end - start {
		if r > 0 {
			e.buf = append(e.buf, ',')
		}
		e.buf = append(e.buf, '[')
		k := 0
		for c := range e.cols {
			if e.same[c] {
				continue
			}
			if k > 0 {
				e.buf = append(e.buf, ',')
			}
			e.buf = append(e.buf, e.cell(r, c)...)
			k++
		}
		e.buf = append(e.buf, ']')
	}
	e.buf = append(e.buf, ']')
	e.rows = string(e.buf)
	return nil
}

// cell is the JSON of column c of row r of the chunk.
func (e *chunkEncoder) cell(r, c int) []byte {
	i := r*e.cols + c
	from := 0
	if i > 0 {
		from = e.ends[i-1]
	}
	return e.cells[from:e.ends[i]]
}

// constant is the value column c has in every row of the chunk: ok is
// false if the rows differ.
func (e *chunkEncoder) constant(c int) (any, bool) { return e.values[c], e.same[c] }

// jsonCellValue is the value SQLite's ->> takes out of the JSON of a cell
// written by appendJSON: NULL, text, an integer (true and false are 1 and
// 0), a real. ok is false for anything else.
func jsonCellValue(cell []byte) (v any, ok bool) {
	d := json.NewDecoder(bytes.NewReader(cell))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		return nil, false
	}
	switch v := v.(type) {
	case json.Number:
		if i, err := v.Int64(); err == nil {
			return i, true
		}
		f, err := v.Float64()
		return f, err == nil
	case bool:
		if v {
			return int64(1), true
		}
		return int64(0), true
	case nil, string:
		return v, true
	}
	return nil, false
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
	if d, ok := a.(model.Date); ok {
		return appendJSONDate(buf, d), nil
	}
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

// appendJSONDate appends what a date is stored as (model.Date.Value): null
// or its text, 2006-01-02 or 2006-01, written without fmt's formatting, a
// good part of the time of the write.
func appendJSONDate(buf []byte, d model.Date) []byte {
	switch {
	case d.IsZero():
		return append(buf, "null"...)
	case d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 0 || d.Day > 99:
		return appendJSONString(buf, d.String())
	}
	buf = append(buf, '"',
		byte('0'+d.Year/1000), byte('0'+d.Year/100%10), byte('0'+d.Year/10%10), byte('0'+d.Year%10), '-',
		byte('0'+d.Month/10), byte('0'+d.Month%10))
	if d.Day > 0 {
		buf = append(buf, '-', byte('0'+d.Day/10), byte('0'+d.Day%10))
	}
	return append(buf, '"')
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
