package storage

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
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
