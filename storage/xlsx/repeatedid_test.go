package xlsx

import (
	"strings"
	"testing"

	"branchledger/model"
)

// Every row of an ID number one sheet gives twice is refused, each naming
// the others, whichever comes first: a number mistyped on 辰二's row that
// is 辰三's no longer keeps 辰二's row and renames 辰三 (review s7-7
// attack #16), as the bases import and the rule for several sheets do.
func TestRepeatedIDRefusesEveryRow(t *testing.T) {
	id := idNumber("19820101", "093")
	other := idNumber("19810101", "092")
	for _, tt := range []struct {
		name    string
		rows    [][]any
		kept    []int
		refused map[int]string // row → the start of its 公民身份号码 refusal
	}{
		{"mistyped number on the row above", [][]any{
			{"辰一", other, "2008.06", "2009.06"},
			{"辰二", id, "2008.06", "2009.06"},
			{"辰三", id, "2008.06", "2009.06"},
		}, []int{2}, map[int]string{3: "与第4行（辰三）的身份证号码相同", 4: "与第3行（辰二）的身份证号码相同"}},
		{"three rows, one name", [][]any{
			{"辰三", id, "2008.06", "2009.06"},
			{"辰一", other, "2008.06", "2009.06"},
			{"辰三", id, "2008.06", "2009.06"},
			{"辰 三", strings.ToLower(id), "2008.06", "2009.06"},
		}, []int{3}, map[int]string{2: "与第4行、第5行的身份证号码相同", 4: "与第2行、第5行的身份证号码相同", 5: "与第2行、第4行的身份证号码相同"}},
		{"one row refused for its date as well", [][]any{
			{"辰二", id, "2008.13", "2009.06"},
			{"辰三", id, "2008.06", "2009.06"},
		}, nil, map[int]string{2: "与第3行（辰三）的身份证号码相同", 3: "与第2行（辰二）的身份证号码相同"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rows := append([][]any{{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期"}}, tt.rows...)
			rf := read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: rows}}}.bytes(t))
			var kept []int
			for _, m := range rf.Members {
				kept = append(kept, m.Row)
			}
			if !slicesEqual(kept, tt.kept) {
				t.Errorf("kept rows %v, want %v", kept, tt.kept)
			}
			for row, want := range tt.refused {
				got := rejections(rf, row)[model.FieldIDNumber]
				if !strings.HasPrefix(got, want) || !strings.Contains(got, "这几行都没有导入") {
					t.Errorf("row %d: %q, want %s…这几行都没有导入…", row, got, want)
				}
			}
			for i := 1; i < len(rf.Rejected); i++ {
				if rf.Rejected[i].Row < rf.Rejected[i-1].Row {
					t.Errorf("refusals out of row order: %+v", rf.Rejected)
				}
			}
		})
	}
}

func slicesEqual(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
