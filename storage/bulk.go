package storage

import (
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
		args = append(append(args, sameArgs...), jsonbArg(enc.rows))
		// Every column the same, each element is [], still one row. The
		// rows are a BLOB, which SQLite's JSON functions read as JSONB.
		q := head + sel.String() + sameSel + " FROM jsonb_each(?)"
		if err := tx.Exec(q, args...).Error; err != nil {
			return err
		}
	}
	return nil
}

// chunkEncoder encodes a chunk of rows as an array of arrays in SQLite's
// binary JSON (JSONB, https://sqlite.org/jsonb.html), leaving out the
// columns whose value is the same in every row of the chunk. Binary, the
// chunk needs no escaping here and no parsing in SQLite, and jsonb_each
// hands each row to ->> as it is.
type chunkEncoder struct {
	cols  int
	cells []byte // every cell's JSONB element, row after row
	ends  []int  // where each cell ends in cells
	same  []bool // by column: the same element in every row of the chunk
	// values are the values of the columns that are the same, as SQLite
	// would take them out of the JSONB
	values []any
	rows   []byte // the JSONB of the chunk, without the columns that are the same
	args   []any
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
			if e.cells, err = appendJSONB(e.cells, a); err != nil {
				return err
			}
			e.ends = append(e.ends, len(e.cells))
		}
	}
	n := end - start
	e.same = append(e.same[:0], make([]bool, e.cols)...)
	e.values = append(e.values[:0], make([]any, e.cols)...)
	for c := range e.cols {
		first := e.cell(0, c)
		e.same[c] = true
		for r := 1; e.same[c] && r < n; r++ {
			if string(e.cell(r, c)) != string(first) {
				e.same[c] = false
			}
		}
		if e.same[c] {
			e.values[c], e.same[c] = jsonbCellValue(first)
		}
	}
	// The size of each row's array, then of the chunk's, go in the headers.
	total := 0
	for r := range n {
		size := e.rowSize(r)
		total += jsonbHeaderLen(size) + size
	}
	e.rows = appendJSONBHeader(e.rows[:0], jsonbArray, total)
	for r := range n {
		e.rows = appendJSONBHeader(e.rows, jsonbArray, e.rowSize(r))
		for c := range e.cols {
			if !e.same[c] {
				e.rows = append(e.rows, e.cell(r, c)...)
			}
		}
	}
	return nil
}

// rowSize is the size of the elements of row r that go into the chunk.
func (e *chunkEncoder) rowSize(r int) int {
	size := 0
	for c := range e.cols {
		if !e.same[c] {
			size += len(e.cell(r, c))
		}
	}
	return size
}

// cell is the JSONB element of column c of row r of the chunk.
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

// jsonbArg binds JSONB as a BLOB: GORM would spread a []byte among the
// parameters.
type jsonbArg []byte

func (b jsonbArg) Value() (driver.Value, error) { return []byte(b), nil }

// The JSONB element types the bulk write uses.
const (
	jsonbNull    = 0
	jsonbTrue    = 1
	jsonbFalse   = 2
	jsonbInt     = 3
	jsonbFloat   = 5
	jsonbTextJ   = 8  // text with JSON escapes in it
	jsonbTextRaw = 10 // text as it is, nothing escaped
	jsonbArray   = 11
)

// appendJSONBHeader appends the header of an element of type typ whose
// payload is size bytes: the size in the upper four bits of the first byte
// up to 11, else in the 1, 2, 4 or 8 bytes after it, big-endian.
func appendJSONBHeader(buf []byte, typ byte, size int) []byte {
	switch {
	case size <= 11:
		return append(buf, byte(size)<<4|typ)
	case size <= 0xff:
		return append(buf, 0xc0|typ, byte(size))
	case size <= 0xffff:
		return append(buf, 0xd0|typ, byte(size>>8), byte(size))
	case size <= 0xffffffff:
		return append(buf, 0xe0|typ, byte(size>>24), byte(size>>16), byte(size>>8), byte(size))
	}
	return append(buf, 0xf0|typ, byte(size>>56), byte(size>>48), byte(size>>40), byte(size>>32),
		byte(size>>24), byte(size>>16), byte(size>>8), byte(size))
}

// jsonbHeaderLen is the length of appendJSONBHeader's header.
func jsonbHeaderLen(size int) int {
	switch {
	case size <= 11:
		return 1
	case size <= 0xff:
		return 2
	case size <= 0xffff:
		return 3
	case size <= 0xffffffff:
		return 5
	}
	return 9
}

// appendJSONB appends the JSONB element of what a value is stored as
// (jsonValue): text as it is (bytes that are not UTF-8 as U+FFFD, as the
// JSON text would have them), integers, true and false, null.
func appendJSONB(buf []byte, a any) ([]byte, error) {
	if d, ok := a.(model.Date); ok {
		if d.IsZero() {
			return append(buf, jsonbNull), nil
		}
		// The header holds the text's length, known once it is written:
		// 7 or 10 bytes but for a year out of range.
		at := len(buf)
		buf = appendDateText(append(buf, 0), d)
		if size := len(buf) - at - 1; size <= 11 {
			buf[at] = byte(size)<<4 | jsonbTextRaw
			return buf, nil
		}
		text := string(buf[at+1:])
		return append(appendJSONBHeader(buf[:at], jsonbTextRaw, len(text)), text...), nil
	}
	v, err := jsonValue(a)
	if err != nil {
		return buf, err
	}
	switch v := v.(type) {
	case nil:
		return append(buf, jsonbNull), nil
	case string:
		if !utf8.ValidString(v) {
			v = validUTF8(v)
		}
		return append(appendJSONBHeader(buf, jsonbTextRaw, len(v)), v...), nil
	case bool:
		if v {
			return append(buf, jsonbTrue), nil
		}
		return append(buf, jsonbFalse), nil
	case int:
		return appendJSONBNumber(buf, jsonbInt, strconv.Itoa(v)), nil
	case int64:
		return appendJSONBNumber(buf, jsonbInt, strconv.FormatInt(v, 10)), nil
	}
	// Anything else as encoding/json writes it: a string or a number.
	b, err := json.Marshal(v)
	switch {
	case err != nil:
		return buf, err
	case len(b) >= 2 && b[0] == '"':
		return append(appendJSONBHeader(buf, jsonbTextJ, len(b)-2), b[1:len(b)-1]...), nil
	case json.Valid(b) && (b[0] == '-' || b[0] >= '0' && b[0] <= '9'):
		return appendJSONBNumber(buf, jsonbFloat, string(b)), nil
	}
	return buf, fmt.Errorf("bulk write: cannot store %T", a)
}

func appendJSONBNumber(buf []byte, typ byte, text string) []byte {
	return append(appendJSONBHeader(buf, typ, len(text)), text...)
}

// validUTF8 is s with each byte that is not UTF-8 replaced by U+FFFD, as
// appendJSONString writes it.
func validUTF8(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// jsonbCellValue is the value SQLite's ->> takes out of a JSONB element
// written by appendJSONB: NULL, text, an integer (true and false are 1 and
// 0), a real. ok is false for anything else.
func jsonbCellValue(cell []byte) (v any, ok bool) {
	if len(cell) == 0 {
		return nil, false
	}
	typ, size, head := cell[0]&0x0f, int(cell[0]>>4), 1
	if size > 11 {
		n := 1 << (size - 12) // 1, 2, 4 or 8 bytes of size
		if len(cell) < 1+n {
			return nil, false
		}
		size = 0
		for _, b := range cell[1 : 1+n] {
			size = size<<8 | int(b)
		}
		head += n
	}
	if head+size != len(cell) {
		return nil, false
	}
	payload := string(cell[head:])
	switch typ {
	case jsonbNull:
		return nil, true
	case jsonbTrue:
		return int64(1), true
	case jsonbFalse:
		return int64(0), true
	case jsonbInt:
		i, err := strconv.ParseInt(payload, 10, 64)
		return i, err == nil
	case jsonbFloat:
		f, err := strconv.ParseFloat(payload, 64)
		return f, err == nil
	case jsonbTextRaw:
		return payload, true
	case jsonbTextJ:
		var s string
		err := json.Unmarshal([]byte(`"`+payload+`"`), &s)
		return s, err == nil
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
	if d.IsZero() {
		return append(buf, "null"...)
	}
	return append(appendDateText(append(buf, '"'), d), '"')
}

// appendDateText appends the text of a date that is not zero: 2006-01-02,
// or 2006-01 when only the month is known (model.Date.String).
func appendDateText(buf []byte, d model.Date) []byte {
	if d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 0 || d.Day > 99 {
		return append(buf, d.String()...)
	}
	buf = append(buf,
		byte('0'+d.Year/1000), byte('0'+d.Year/100%10), byte('0'+d.Year/10%10), byte('0'+d.Year%10), '-',
		byte('0'+d.Month/10), byte('0'+d.Month%10))
	if d.Day > 0 {
		buf = append(buf, '-', byte('0'+d.Day/10), byte('0'+d.Day%10))
	}
	return buf
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
