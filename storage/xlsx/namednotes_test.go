package xlsx

import (
	"slices"
	"strings"
	"testing"
)

// A note that names its leavers in a form the name reader did not take —
// after 原…委员, inside （…）, after 已转出：, before 两名, in a second clause,
// or with a space between the names — was read as a note naming nobody, or
// by its first name alone: the others were stored as current members
// (review s14-reattack7 #7, #19). The sheet's own names in a clause saying
// they left are those people; a clause saying someone came (转入), or that
// the leaving is yet to come (拟), names no leaver; 李四 in 李四海 is not 李四.
func TestNoteNamesTheSheetsPeopleInEveryClause(t *testing.T) {
	for _, tt := range []struct {
		note    string
		people  []string // the sheet's members, in rows 2…
		refused []string
	}{
		{"注：原支部委员李四已于2025年3月转出", []string{"张三", "李四", "王五"}, []string{"李四"}},
		{"注：本支部共转出2人（李四、王五）", []string{"张三", "李四", "王五"}, []string{"李四", "王五"}},
		{"注：李四,王五已转出", []string{"张三", "李四", "王五"}, []string{"李四", "王五"}},
		{"注：李四，王五同志已于2025年转出", []string{"张三", "李四", "王五"}, []string{"李四", "王五"}},
		{"注：已转出：李四、王五", []string{"张三", "李四", "王五"}, []string{"李四", "王五"}},
		{"注：转出党员：李四、王五", []string{"张三", "李四", "王五"}, []string{"李四", "王五"}},
		{"注：李四 王五已于2025年转出", []string{"张三", "李四", "王五"}, []string{"李四", "王五"}},
		{"注：李四、王五两名同志已转出", []string{"张三", "李四", "王五"}, []string{"李四", "王五"}},
		{"注：张三于2025年转出，赵六于2024年病故", []string{"张三", "李四", "赵六"}, []string{"张三", "赵六"}},
		{"注：李四于2025年3月转入，王五于2025年5月转出", []string{"张三", "李四", "王五"}, []string{"王五"}},
		{"注：王五已转出、李四已故", []string{"张三", "李四", "王五"}, []string{"王五", "李四"}},
		{"注：李四拟于2026年1月转出", []string{"张三", "李四", "王五"}, nil},
		{"注：李四同志2026年将转出", []string{"张三", "李四", "王五"}, nil},
		{"注：李四已转出（手续办理中）", []string{"张三", "李四", "王五"}, []string{"李四"}},
		{"注：李四海已转出", []string{"张三", "李四", "李四海"}, []string{"李四海"}},
	} {
		t.Run(tt.note, func(t *testing.T) {
			rows := [][]any{hxHeading}
			for i, p := range tt.people {
				rows = append(rows, hxMember(p, []string{"011", "031", "051"}[i]))
			}
			rows = append(rows, []any{tt.note})
			rf := read(t, roster(t, rows))
			var refused, kept []string
			for _, r := range rf.Rejected {
				refused = append(refused, r.Name)
			}
			for _, m := range rf.Members {
				kept = append(kept, m.Member.Name)
			}
			slices.Sort(refused)
			want := slices.Sorted(slices.Values(tt.refused))
			if !slices.Equal(refused, want) {
				t.Errorf("refused %v (stored %v), want %v refused", refused, kept, want)
			}
			if len(kept)+len(refused) != len(tt.people) {
				t.Errorf("stored %v and refused %v of %v", kept, refused, tt.people)
			}
			line := noteOn(rf, len(rows))
			if len(tt.refused) > 0 && (strings.Contains(line, "没有说是哪些人") || strings.Contains(line, "表中没有找到")) {
				t.Errorf("line on the note %q: it names people the sheet has", line)
			}
		})
	}
}

// 除李四外 names the one who stayed: with the clause after it he was read
// as the leaver (the first fix of review s14-reattack7 #7). The others
// above it are refused (TestNoteWithAnExceptionRefusesTheOthers).
func TestNoteExceptionIsNoLeaver(t *testing.T) {
	rf := read(t, roster(t, [][]any{hxHeading, hxMember("张三", "011"), hxMember("李四", "031"), {"注：除李四外，以上党员均已转出"}}))
	if got := refusedRows(rf); got[3] != "" {
		t.Errorf("李四 refused: %q", got[3])
	}
	if !strings.Contains(stored(rf), "李四") {
		t.Errorf("stored %q, want 李四 among them", stored(rf))
	}
}

// A sheet named in everyday words of dying or moving away (离世党员, 已迁走
// 党员) holds no members on the roster, as one named 已故党员 does not:
// its people were stored as current members with an empty branch and no
// line naming the sheet (review s14-reattack7 #17).
func TestSheetNamedAsLeaversInEverydayWords(t *testing.T) {
	rows := func(name, seq string) [][]any { return [][]any{hxHeading, hxMember(name, seq)} }
	rf := read(t, workbook{sheets: []sheetSpec{
		{name: "第一党支部", rows: rows("张三", "011")},
		{name: "离世党员", rows: rows("郑海涛", "031")},
		{name: "已迁走党员", rows: rows("冯立新", "051")},
	}}.bytes(t))
	left := map[string]string{}
	for _, sh := range rf.Sheets {
		left[sh.Name] = sh.Left
	}
	if left["第一党支部"] != "" || left["离世党员"] != "离世" || left["已迁走党员"] != "迁走" {
		t.Errorf("sheets read as leavers' %v; want 离世党员 and 已迁走党员 only", left)
	}
}
