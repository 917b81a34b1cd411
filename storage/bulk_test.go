package storage

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"branchledger/model"

	"gorm.io/gorm"
)

// The JSON the bulk write hands SQLite decodes to the very values, whatever
// a text field holds.
func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{"", "张三", `a"b\c`, "line\nbreak\ttab\x01", "emoji ☺ and U+2028 \u2028", "bad \xff byte", "</script>&"} {
		b := appendJSONString(nil, s)
		var back string
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%q encodes as %s, which does not decode: %v", s, b, err)
		}
		want := s
		if !utf8.ValidString(s) {
			want = string([]rune(s)) // invalid bytes become U+FFFD
		}
		if back != want {
			t.Errorf("%q came back as %q", s, back)
		}
	}
}

// Text with quotes, backslashes and control characters goes through a bulk
// write and reads back the same.
func TestBulkWriteKeepsText(t *testing.T) {
	s := openTest(t)
	m := newMember(1)
	m.Notes = `引号"、反斜杠\、制表` + "\t" + `与换行` + "\n完"
	m.Address = "兰州市 \u2028 城关区"
	m.Normalize() // what is stored is the normalised text (model.CleanText)
	plan, err := s.PlanImport("x.xlsx", nil, allColumns())
	if err != nil {
		t.Fatal(err)
	}
	plan.Add = append(plan.Add, m)
	if _, _, err := s.ApplyImport(plan); err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Members()
	if len(ms) != 1 || ms[0].Notes != m.Notes || ms[0].Address != m.Address {
		t.Errorf("read back %q / %q", ms[0].Notes, ms[0].Address)
	}
}

// Dates go into the bulk JSON as the text they are stored as.
func TestAppendJSONDate(t *testing.T) {
	for _, d := range []model.Date{{}, model.NewDate(2008, 6, 15), {Year: 1949, Month: 10}, model.NewDate(1, 1, 1),
		model.NewDate(9999, 12, 31), {Year: 10000, Month: 1, Day: 2}, {Year: -5, Month: 3}, {Year: 2000, Month: 13, Day: 1}} {
		want, _ := d.Value()
		var got any
		if err := json.Unmarshal(appendJSONDate(nil, d), &got); err != nil || got != want {
			t.Errorf("%#v: %v (%v), want %v", d, got, err, want)
		}
	}
}

// A column whose value is the same in every row of a chunk is bound once
// rather than taken out of each row's JSON; what is stored is the same
// either way: text (bytes that are not UTF-8 as U+FFFD, as in the JSON),
// NULL, true and false as 1 and 0, integers. A column the same in one chunk
// and not in the next, and a chunk of one row, go in the same.
func TestBulkWriteColumnsSameInAChunk(t *testing.T) {
	s := openTest(t)
	if err := s.db.Exec("CREATE TABLE bulk_probe (i INTEGER, a TEXT, b INTEGER, c TEXT, d TEXT, e INTEGER)").Error; err != nil {
		t.Fatal(err)
	}
	n := 2*bulkChunk + 1
	row := func(i int) []any {
		a := "甲"
		if i >= bulkChunk { // the same in the first chunk only
			a = fmt.Sprintf("乙%d", i)
		}
		return []any{int64(i), a, i < bulkChunk || i%2 == 0, nil, "坏\xff字节", model.Date{}}
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		return insertBulk(tx, "bulk_probe", []string{"i", "a", "b", "c", "d", "e"}, n, func(args []any, i int) []any {
			return append(args, row(i)...)
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.sql.Query("SELECT i, a, b, c, d, e, typeof(b), typeof(c) FROM bulk_probe ORDER BY i")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := 0
	for rows.Next() {
		var i, b int64
		var a, d, tb, tc string
		var c, e sql.NullString
		if err := rows.Scan(&i, &a, &b, &c, &d, &e, &tb, &tc); err != nil {
			t.Fatal(err)
		}
		want := row(int(i))
		wantB := int64(0)
		if want[2].(bool) {
			wantB = 1
		}
		if a != want[1] || b != wantB || tb != "integer" || c.Valid || tc != "null" || d != "坏\uFFFD字节" || e.Valid {
			t.Fatalf("row %d: %q %d(%s) %v(%s) %q %v; want %q %d", i, a, b, tb, c, tc, d, e, want[1], wantB)
		}
		got++
	}
	if got != n {
		t.Fatalf("%d rows, want %d", got, n)
	}
}

// Whatever a value holds, the bulk write's binary JSON stores it as it is:
// text with quotes, backslashes, control characters, U+2028, emoji, bytes
// that are not UTF-8 (as U+FFFD), texts long enough for each size of
// header; integers, true and false, NULL.
func TestBulkWriteStoresEveryValue(t *testing.T) {
	s := openTest(t)
	if err := s.db.Exec("CREATE TABLE bulk_values (i INTEGER, t TEXT, n INTEGER, b INTEGER, d TEXT)").Error; err != nil {
		t.Fatal(err)
	}
	texts := []string{"", "张三", `引号"与反斜杠\`, "制表\t换行\n回车\r\x01\x1f", "U+2028 \u2028 ☺ 𠀀", "坏\xff\xfe字节",
		strings.Repeat("长", 4), strings.Repeat("长", 100), strings.Repeat("长", 30000), "null", "[1,2]", `{"a":1}`}
	numbers := []int64{0, -1, 1 << 40, -9223372036854775808, 9223372036854775807}
	dates := []model.Date{{}, model.NewDate(2008, 6, 15), {Year: 1949, Month: 10}, {Year: 10000, Month: 1, Day: 2}, {Year: 123456, Month: 1, Day: 2}}
	n := 3 * len(texts) * len(numbers)
	row := func(i int) []any {
		return []any{int64(i), texts[i%len(texts)], numbers[i%len(numbers)], i%3 == 0, dates[i%len(dates)]}
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		return insertBulk(tx, "bulk_values", []string{"i", "t", "n", "b", "d"}, n, func(args []any, i int) []any {
			return append(args, row(i)...)
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.sql.Query("SELECT i, t, typeof(t), n, typeof(n), b, d FROM bulk_values ORDER BY i")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := 0
	for rows.Next() {
		var i, num, b int64
		var text, tt, tn string
		var d sql.NullString
		if err := rows.Scan(&i, &text, &tt, &num, &tn, &b, &d); err != nil {
			t.Fatal(err)
		}
		want := row(int(i))
		wantText := want[1].(string)
		if !utf8.ValidString(wantText) {
			wantText = string([]rune(wantText))
		}
		wantDate, _ := want[4].(model.Date).Value()
		if text != wantText || tt != "text" || num != want[2] || tn != "integer" || (b == 1) != want[3] ||
			d.Valid != (wantDate != nil) || d.Valid && d.String != wantDate {
			t.Fatalf("row %d: %.40q (%s) %d (%s) %d %v; want %.40q %d %v %v", i, text, tt, num, tn, b, d, wantText, want[2], want[3], wantDate)
		}
		got++
	}
	if got != n {
		t.Fatalf("%d rows, want %d", got, n)
	}
}
