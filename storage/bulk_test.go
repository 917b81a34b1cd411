package storage

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
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

// Whatever a value holds, the bulk write stores it as it is, in either
// layout of a chunk: text with quotes, backslashes, control characters, NUL,
// U+2028, emoji, bytes that are not UTF-8 (as U+FFFD), spaces before and
// after, texts long enough for each size of JSONB header; integers, true and
// false, NULL in text and integer columns alike. Long texts among short ones
// would make the fixed-width layout mostly padding: that chunk goes as JSONB.
func TestBulkWriteStoresEveryValue(t *testing.T) {
	texts := []string{"", "张三", `引号"与反斜杠\`, "制表\t换行\n回车\r\x01\x1f", "U+2028 \u2028 ☺ 𠀀", "坏\xff\xfe字节",
		strings.Repeat("长", 4), "null", "[1,2]", `{"a":1}`, " 前后有空格  ", "   ", "空\x00字节", "\xfe"}
	numbers := []any{int64(0), int64(-1), int64(1 << 40), int64(-9223372036854775808), int64(9223372036854775807), nil}
	dates := []model.Date{{}, model.NewDate(2008, 6, 15), {Year: 1949, Month: 10}, {Year: 10000, Month: 1, Day: 2}, {Year: 123456, Month: 1, Day: 2}}
	for _, tt := range []struct {
		name   string
		texts  []string
		layout string
	}{
		{"fixed width", texts, "fixed"},
		{"JSONB", append(slices.Clip(texts), strings.Repeat("长", 100), strings.Repeat("长", 30000)), "jsonb"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			texts := tt.texts
			n := 3 * len(texts) * len(numbers)
			row := func(i int) []any {
				text := any(texts[i%len(texts)])
				if i%7 == 3 {
					text = nil
				}
				return []any{int64(i), text, numbers[i%len(numbers)], i%3 == 0, dates[i%len(dates)]}
			}
			appendRow := func(args []any, i int) []any { return append(args, row(i)...) }
			if got := chunkLayout(t, 5, 0, n, anyCells(appendRow)); got != tt.layout {
				t.Fatalf("the chunk goes as %s, want %s", got, tt.layout)
			}
			s := openTest(t)
			if err := s.db.Exec("CREATE TABLE bulk_values (i INTEGER, t TEXT, n INTEGER, b INTEGER, d TEXT)").Error; err != nil {
				t.Fatal(err)
			}
			err := s.db.Transaction(func(tx *gorm.DB) error {
				return insertBulk(tx, "bulk_values", []string{"i", "t", "n", "b", "d"}, n, appendRow)
			})
			if err != nil {
				t.Fatal(err)
			}
			rows, err := s.sql.Query("SELECT i, t, typeof(t), n, typeof(n), b, typeof(b), d, typeof(d) FROM bulk_values ORDER BY rowid")
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			got := 0
			for rows.Next() {
				var i, b int64
				var text, num, d sql.NullString
				var tt, tn, tb, td string
				if err := rows.Scan(&i, &text, &tt, &num, &tn, &b, &tb, &d, &td); err != nil {
					t.Fatal(err)
				}
				if i != int64(got) {
					t.Fatalf("row %d stored as the %dth", i, got)
				}
				want := row(int(i))
				wantText, wantTT := "", "null"
				if w, ok := want[1].(string); ok {
					wantText, wantTT = strings.ToValidUTF8(w, "\uFFFD"), "text"
					if !utf8.ValidString(w) {
						wantText = string([]rune(w)) // each bad byte a U+FFFD
					}
				}
				wantNum, wantTN := "", "null"
				if w, ok := want[2].(int64); ok {
					wantNum, wantTN = fmt.Sprint(w), "integer"
				}
				wantB := int64(0)
				if want[3].(bool) {
					wantB = 1
				}
				wantDate, _ := want[4].(model.Date).Value()
				wantTD := "null"
				if wantDate != nil {
					wantTD = "text"
				}
				if text.String != wantText || tt != wantTT || num.String != wantNum || tn != wantTN || b != wantB || tb != "integer" ||
					td != wantTD || d.Valid && d.String != wantDate {
					t.Fatalf("row %d: %.40q (%s) %s (%s) %d (%s) %v (%s); want %.40q (%s) %s (%s) %d %v",
						i, text.String, tt, num.String, tn, b, tb, d, td, wantText, wantTT, wantNum, wantTN, wantB, wantDate)
				}
				got++
			}
			if got != n {
				t.Fatalf("%d rows, want %d", got, n)
			}
		})
	}
}

// chunkLayout is how insertBulk sends the chunk of rows that starts at row
// start of n: "fixed" (width) or "jsonb".
func chunkLayout(t *testing.T, cols, start, n int, rowCells func(w *cellWriter, i int)) string {
	t.Helper()
	enc := chunkEncoder{cols: cols}
	if err := enc.encode(start, min(start+bulkChunk, n), rowCells); err != nil {
		t.Fatal(err)
	}
	if _, ok := enc.fixed(); ok {
		return "fixed"
	}
	return "jsonb"
}

// A column that holds text in some rows and integers in others is not cut
// out of fixed-width rows (CAST would make all of it one or the other): the
// chunk goes as JSONB, which keeps each value's type.
func TestBulkWriteMixedColumnGoesAsJSONB(t *testing.T) {
	row := func(i int) []any {
		if i%2 == 0 {
			return []any{int64(i), int64(i)}
		}
		return []any{int64(i), fmt.Sprint("文", i)}
	}
	appendRow := func(args []any, i int) []any { return append(args, row(i)...) }
	if got := chunkLayout(t, 2, 0, 10, anyCells(appendRow)); got != "jsonb" {
		t.Fatalf("the chunk goes as %s, want jsonb", got)
	}
	s := openTest(t)
	if err := s.db.Exec("CREATE TABLE bulk_mixed (i INTEGER, v)").Error; err != nil {
		t.Fatal(err)
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		return insertBulk(tx, "bulk_mixed", []string{"i", "v"}, 10, appendRow)
	})
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	if err := s.db.Raw("SELECT typeof(v) FROM bulk_mixed ORDER BY i").Scan(&types).Error; err != nil {
		t.Fatal(err)
	}
	for i, typ := range types {
		if want := map[bool]string{true: "integer", false: "text"}[i%2 == 0]; typ != want {
			t.Errorf("row %d stored as %s, want %s", i, typ, want)
		}
	}
}

// Each form a column of fixed-width rows takes stores its values as they
// are: the form is the cheapest one that fits the values of the chunk.
func TestBulkWriteColumnForms(t *testing.T) {
	long := strings.Repeat("长", 200)
	for _, tt := range []struct {
		name   string
		values []any
		form   int
	}{
		{"every value as long", []any{"甲乙", "丙丁", "ab\x00cde"}, formExact},
		{"integers as long", []any{int64(10), int64(-2), int64(99)}, formExact},
		{"short padding", []any{"张三", "欧阳四四", "", "王"}, formTrim},
		{"short padding and NULL", []any{"张三", nil, "李四四", ""}, formTrim},
		{"integers and NULL", []any{int64(5), nil, int64(-70), int64(0)}, formTrim},
		{"a value ending in a space", []any{"a ", "b", "  "}, formLength},
		{"a value ending in a space and NULL", []any{"a ", nil, "", "c"}, formLength},
		{"long padding", []any{"x", long, "", "y"}, formLength},
		{"integers of every length and NULL", []any{int64(1), nil, int64(-9223372036854775808), int64(2), int64(3), int64(4)}, formTrim},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n := len(tt.values)
			appendRow := func(args []any, i int) []any { return append(args, int64(i), tt.values[i]) }
			enc := chunkEncoder{cols: 2}
			if err := enc.encode(0, n, anyCells(appendRow)); err != nil {
				t.Fatal(err)
			}
			if _, ok := enc.fixed(); !ok || enc.fixedCols[1].form != tt.form {
				t.Fatalf("fixed width %v, form %d; want form %d", ok, enc.fixedCols[1].form, tt.form)
			}
			s := openTest(t)
			if err := s.db.Exec("CREATE TABLE bulk_form (i INTEGER, v)").Error; err != nil {
				t.Fatal(err)
			}
			if err := s.db.Transaction(func(tx *gorm.DB) error {
				return insertBulk(tx, "bulk_form", []string{"i", "v"}, n, appendRow)
			}); err != nil {
				t.Fatal(err)
			}
			rows, err := s.sql.Query("SELECT v, typeof(v) FROM bulk_form ORDER BY i")
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			i := 0
			for ; rows.Next(); i++ {
				var v any
				var typ string
				if err := rows.Scan(&v, &typ); err != nil {
					t.Fatal(err)
				}
				want := tt.values[i]
				wantType := map[string]string{"<nil>": "null", "string": "text", "int64": "integer"}[fmt.Sprintf("%T", want)]
				if typ != wantType || fmt.Sprint(v) != fmt.Sprint(want) {
					t.Errorf("row %d: %v (%s), want %v (%s)", i, v, typ, want, wantType)
				}
			}
			if i != n {
				t.Errorf("%d rows, want %d", i, n)
			}
		})
	}
}
