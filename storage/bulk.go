package storage

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"slices"
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
	return insertBulkSame(tx, table, columns, nil, n, anyCells(appendRow))
}

// anyCells writes the values appendRow gives for a row, whatever their
// types (cellWriter.Value).
func anyCells(appendRow func(args []any, i int) []any) func(w *cellWriter, i int) {
	var args []any
	return func(w *cellWriter, i int) {
		args = appendRow(args[:0], i)
		for _, a := range args {
			w.Value(a)
		}
	}
}

// cellWriter takes the values of a bulk write's rows, one call a column,
// each as the JSONB element of what it is stored as (jsonValue). The typed
// calls box nothing: an import of 20,000 members through Value, each value
// in an interface, made a third of a million small allocations.
type cellWriter struct {
	cells []byte // every cell's JSONB element, row after row
	ends  []int  // where each cell ends in cells
	err   error  // the first value that cannot be stored
}

// Text writes text, bytes that are not UTF-8 as U+FFFD.
func (w *cellWriter) Text(s string) {
	if !utf8.ValidString(s) {
		s = validUTF8(s)
	}
	w.cells = append(appendJSONBHeader(w.cells, jsonbTextRaw, len(s)), s...)
	w.ends = append(w.ends, len(w.cells))
}

// Date writes a date as model.Date.Value stores it: NULL if unknown.
func (w *cellWriter) Date(d model.Date) {
	w.cells = appendJSONBDate(w.cells, d)
	w.ends = append(w.ends, len(w.cells))
}

// Bool writes 1 or 0.
func (w *cellWriter) Bool(b bool) {
	if b {
		w.cells = append(w.cells, jsonbTrue)
	} else {
		w.cells = append(w.cells, jsonbFalse)
	}
	w.ends = append(w.ends, len(w.cells))
}

// Value writes a value of any type jsonValue knows; another type fails the
// write (err).
func (w *cellWriter) Value(a any) {
	var err error
	w.cells, err = appendJSONB(w.cells, a)
	if err != nil && w.err == nil {
		w.err = err
	}
	w.ends = append(w.ends, len(w.cells))
}

// bulkValue is a column every row of a bulk write gets the same value in.
type bulkValue struct {
	column string
	value  any
}

// insertBulkSame is insertBulk where the columns of same take the same value
// in every row: bound once, not taken out of each row. Within each chunk, a
// column whose value is the same in every row (the branch of a roster's
// members, 正常 standing, an empty 备注) is bound once too.
//
// A chunk goes in as one BLOB of fixed-width rows (chunkEncoder.fixed) that
// substr takes apart, else, where that layout would be mostly padding (one
// long 备注 among short ones), as JSONB that ->> takes apart at about twice
// the cost. Either way the row's values are what jsonValue makes of them.
func insertBulkSame(tx *gorm.DB, table string, columns []string, same []bulkValue, n int, rowCells func(w *cellWriter, i int)) error {
	into := "INSERT INTO " + table + " (" + strings.Join(columns, ", ")
	var sameArgs []any
	for _, s := range same {
		v, err := jsonValue(s.value)
		if err != nil {
			return err
		}
		into += ", " + s.column
		sameArgs = append(sameArgs, v)
	}
	into += ") "
	enc := chunkEncoder{cols: len(columns)}
	var q strings.Builder
	for start := 0; start < n; start += bulkChunk {
		end := min(start+bulkChunk, n)
		if err := enc.encode(start, end, rowCells); err != nil {
			return err
		}
		q.Reset()
		q.WriteString(into)
		args := make([]any, 1, len(columns)+len(same)+1)
		if stride, ok := enc.fixed(); ok {
			// Row i of the chunk starts at byte o = 1 + i·stride of ?1.
			fmt.Fprintf(&q, "WITH RECURSIVE r(o) AS (SELECT 1 UNION ALL SELECT o + %d FROM r WHERE o < %d) SELECT ", stride, 1+(end-start-1)*stride)
			args[0] = jsonbArg(enc.rows)
			for c := range columns {
				if c > 0 {
					q.WriteString(", ")
				}
				if v, ok := enc.constant(c); ok {
					args = append(args, v)
					fmt.Fprintf(&q, "?%d", len(args))
					continue
				}
				enc.writeFixedColumn(&q, c)
			}
			for _, v := range sameArgs {
				args = append(args, v)
				fmt.Fprintf(&q, ", ?%d", len(args))
			}
			q.WriteString(" FROM r")
		} else {
			// Each element of ?1 is a row's array, without the columns the
			// same in every row of the chunk; every column the same, each
			// element is [], still one row. The rows are a BLOB, which
			// SQLite's JSON functions read as JSONB.
			enc.jsonbRows()
			args[0] = jsonbArg(enc.rows)
			q.WriteString("SELECT ")
			k := 0
			for c := range columns {
				if c > 0 {
					q.WriteString(", ")
				}
				if v, ok := enc.constant(c); ok {
					args = append(args, v)
					fmt.Fprintf(&q, "?%d", len(args))
					continue
				}
				fmt.Fprintf(&q, "value ->> %d", k)
				k++
			}
			for _, v := range sameArgs {
				args = append(args, v)
				fmt.Fprintf(&q, ", ?%d", len(args))
			}
			q.WriteString(" FROM jsonb_each(?1)")
		}
		if err := execDirect(tx, q.String(), args...); err != nil {
			return err
		}
	}
	return nil
}

// execDirect runs a statement on the transaction's connection without
// GORM's parsing of the SQL, which would take ?2 for a second ? and bind the
// chunk's BLOB again for each place it is named; errors are translated as
// GORM's own (a UNIQUE violation is gorm.ErrDuplicatedKey).
func execDirect(tx *gorm.DB, q string, args ...any) error {
	_, err := tx.Statement.ConnPool.ExecContext(tx.Statement.Context, q, args...)
	if err != nil && tx.Config.TranslateError {
		if t, ok := tx.Dialector.(gorm.ErrorTranslator); ok {
			err = t.Translate(err)
		}
	}
	return err
}

// chunkEncoder encodes a chunk of rows for one INSERT, leaving out the
// columns whose value is the same in every row of the chunk: as fixed-width
// rows (fixed) or as an array of arrays in SQLite's binary JSON (jsonbRows,
// https://sqlite.org/jsonb.html). Each cell is first encoded as its JSONB
// element, which says what kind of value it is.
type chunkEncoder struct {
	cols int
	w    cellWriter // the chunk's cells, row after row
	same []bool     // by column: the same element in every row of the chunk
	// values are the values of the columns that are the same, as SQLite
	// would take them out of the JSONB
	values []any
	rows   []byte // the chunk as bound to ?1, without the columns that are the same
	// where, how wide and what kind each column is in a fixed-width row
	fixedCols []fixedColumn
	spaces    []byte // to pad values with in fixed-width rows
}

func (e *chunkEncoder) encode(start, end int, rowCells func(w *cellWriter, i int)) error {
	e.w = cellWriter{cells: e.w.cells[:0], ends: e.w.ends[:0]}
	for i := start; i < end; i++ {
		before := len(e.w.ends)
		rowCells(&e.w, i)
		if e.w.err != nil {
			return e.w.err
		}
		if got := len(e.w.ends) - before; got != e.cols {
			return fmt.Errorf("bulk write: %d values for %d columns", got, e.cols)
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
	return nil
}

// jsonbRows sets rows to the JSONB array of the chunk's rows.
func (e *chunkEncoder) jsonbRows() {
	n := len(e.w.ends) / e.cols
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
}

// In a fixed-width chunk every row has the same length, and every column the
// same place in each row, as wide as its longest value in the chunk. substr
// of a BLOB cuts by bytes where it starts, without reading what comes
// before. A column takes one of three forms (fixedColumn.form), the cheapest
// that fits the column's values in the chunk. A cell then costs SQLite one
// or two substr, against ->>'s look-up from the start of the row, its parse
// state and a copy of the row for each column.
const (
	// formExact: every value of the same length, none NULL.
	formExact = iota
	// formTrim: values padded with spaces, which rtrim takes off again;
	// NULL is 0xFE, which is not UTF-8 and so no value's text (appendJSONB).
	// For columns where no value ends in a space and padding is short: rtrim
	// reads it a byte at a time.
	formTrim
	// formLength: each value after its length in decimal digits, -1 for
	// NULL: for columns with long padding or a value that ends in a space.
	formLength
)

// trimMaxPad is the padding a column may have, in bytes per value on
// average, and still be taken apart with rtrim: beyond, reading the padding
// costs more than a second substr.
const trimMaxPad = 32

// fixedMaxPad is the padding a fixed-width chunk may have, in bytes per row
// on average, before the chunk goes as JSONB instead (a long 备注 among
// short ones pads every row to its length).
const fixedMaxPad = 1024

// fixedColumn is where a column is in each fixed-width row and how SQLite
// makes its value out of the bytes there.
type fixedColumn struct {
	at, width int
	form      int
	digits    int  // formLength: of the length
	null      bool // some rows are NULL
	integer   bool // integers, held as their decimal text
}

// fixed lays out the chunk as fixed-width rows in rows, if every column
// holds text or integers (NULL allowed) and padding is not most of it.
func (e *chunkEncoder) fixed() (stride int, ok bool) {
	n := len(e.w.ends) / e.cols
	e.fixedCols = append(e.fixedCols[:0], make([]fixedColumn, e.cols)...)
	padding := 0
	for c := range e.cols {
		if e.same[c] {
			continue
		}
		f := &e.fixedCols[c]
		text, varies, spaceAtEnd := false, false, false
		used, first := 0, -1
		for r := range n {
			typ, payload, ok := jsonbSplit(e.cell(r, c))
			size := len(payload)
			switch {
			case !ok:
				return 0, false
			case typ == jsonbNull:
				f.null, size = true, 1
			case typ == jsonbTextRaw:
				text = true
				spaceAtEnd = spaceAtEnd || size > 0 && payload[size-1] == ' '
			case typ == jsonbInt || typ == jsonbTrue || typ == jsonbFalse:
				f.integer, size = true, max(size, 1)
			default: // text with escapes, reals: not taken apart here
				return 0, false
			}
			if first < 0 {
				first = size
			} else if size != first {
				varies = true
			}
			f.width = max(f.width, size)
			used += size
		}
		if text && f.integer {
			return 0, false
		}
		switch {
		case !varies && !f.null:
			f.form = formExact
		case !spaceAtEnd && n*f.width-used <= trimMaxPad*n:
			f.form = formTrim
		default:
			f.form = formLength
			f.digits = max(2, len(strconv.Itoa(f.width)))
			f.width += f.digits
		}
		f.at = stride
		stride += f.width
		padding += n*f.width - used
	}
	if padding > fixedMaxPad*n {
		return 0, false
	}
	if len(e.spaces) < stride {
		e.spaces = bytes.Repeat([]byte{' '}, stride)
	}
	e.rows = slices.Grow(e.rows[:0], n*stride)
	for r := range n {
		for c := range e.cols {
			if e.same[c] {
				continue
			}
			f := &e.fixedCols[c]
			end := len(e.rows) + f.width
			typ, payload, _ := jsonbSplit(e.cell(r, c))
			switch typ {
			case jsonbTrue:
				payload = []byte{'1'}
			case jsonbFalse:
				payload = []byte{'0'}
			}
			switch {
			case f.form == formLength && typ == jsonbNull:
				e.rows = fmt.Appendf(e.rows, "%0*d", f.digits, -1)
			case f.form == formLength:
				e.rows = fmt.Appendf(e.rows, "%0*d", f.digits, len(payload))
				e.rows = append(e.rows, payload...)
			case typ == jsonbNull:
				e.rows = append(e.rows, fixedNull)
			default:
				e.rows = append(e.rows, payload...)
			}
			e.rows = append(e.rows, e.spaces[:end-len(e.rows)]...)
		}
	}
	return stride, true
}

// fixedNull is NULL in a column of formTrim.
const fixedNull = 0xfe

// writeFixedColumn writes the expression that takes column c out of row o
// of a fixed-width chunk bound to ?1.
func (e *chunkEncoder) writeFixedColumn(q *strings.Builder, c int) {
	f := &e.fixedCols[c]
	var x string
	switch f.form {
	case formExact:
		x = fmt.Sprintf("CAST(substr(?1, o + %d, %d) AS TEXT)", f.at, f.width)
	case formTrim:
		x = fmt.Sprintf("rtrim(substr(?1, o + %d, %d))", f.at, f.width) // a BLOB in, text out
		if f.null {
			x = "nullif(" + x + ", CAST(X'FE' AS TEXT))"
		}
	case formLength:
		// substr with a NULL length is NULL
		x = fmt.Sprintf("CAST(substr(?1, o + %d, nullif(CAST(substr(?1, o + %d, %d) AS INTEGER), -1)) AS TEXT)",
			f.at+f.digits, f.at, f.digits)
	}
	if f.integer {
		x = "CAST(" + x + " AS INTEGER)"
	}
	q.WriteString(x)
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
		from = e.w.ends[i-1]
	}
	return e.w.cells[from:e.w.ends[i]]
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
		return appendJSONBDate(buf, d), nil
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

// appendJSONBDate appends the JSONB element of what a date is stored as
// (model.Date.Value): null, or its text.
func appendJSONBDate(buf []byte, d model.Date) []byte {
	if d.IsZero() {
		return append(buf, jsonbNull)
	}
	// The header holds the text's length, known once it is written: 7 or
	// 10 bytes but for a year out of range.
	at := len(buf)
	buf = appendDateText(append(buf, 0), d)
	if size := len(buf) - at - 1; size <= 11 {
		buf[at] = byte(size)<<4 | jsonbTextRaw
		return buf
	}
	text := string(buf[at+1:])
	return append(appendJSONBHeader(buf[:at], jsonbTextRaw, len(text)), text...)
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

// jsonbSplit takes a JSONB element written by appendJSONB apart into its
// type and its payload; ok is false if it is not one whole element.
func jsonbSplit(cell []byte) (typ byte, payload []byte, ok bool) {
	if len(cell) == 0 {
		return 0, nil, false
	}
	typ, size, head := cell[0]&0x0f, int(cell[0]>>4), 1
	if size > 11 {
		n := 1 << (size - 12) // 1, 2, 4 or 8 bytes of size
		if len(cell) < 1+n {
			return 0, nil, false
		}
		size = 0
		for _, b := range cell[1 : 1+n] {
			size = size<<8 | int(b)
		}
		head += n
	}
	if head+size != len(cell) {
		return 0, nil, false
	}
	return typ, cell[head:], true
}

// jsonbCellValue is the value SQLite's ->> takes out of a JSONB element
// written by appendJSONB: NULL, text, an integer (true and false are 1 and
// 0), a real. ok is false for anything else.
func jsonbCellValue(cell []byte) (v any, ok bool) {
	typ, b, ok := jsonbSplit(cell)
	if !ok {
		return nil, false
	}
	payload := string(b)
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
