package xlsx

import (
	"strings"
	"testing"
)

// The one base column headed as another year's ("2025年计算基数") is not
// stored as the year imported: alone it refuses the file, beside this
// year's sheet it is left out with a note (review s7-7 attack #22: it was
// stored as 2026's without a word). A heading naming no year, or the year
// imported, reads as before.
func TestBasesColumnOfAnotherYear(t *testing.T) {
	id := idNumber("19800101", "011")
	row := []any{"辰一", id, "在职", 5000}
	for _, tt := range []struct {
		name    string
		sheets  []string
		heading map[string]string
		year    int
		rows    int
		err     string // the start of the refusal, "" for none
		note    string
	}{
		{"last year's only", []string{"2025年基数"}, map[string]string{"2025年基数": "2025年计算基数"}, 2026, 0,
			"工作表“2025年基数”的“2025年计算基数”列是 2025 年的基数，正在导入的是 2026 年的基数：请选对文件、工作表或年份后再导入", ""},
		{"年度 and 党费", []string{"Sheet1"}, map[string]string{"Sheet1": "2025年度党费计算基数"}, 2026, 0,
			"工作表“Sheet1”的“2025年度党费计算基数”列是 2025 年的基数", ""},
		{"beside this year's", []string{"2025年", "2026年"}, map[string]string{"2025年": "2025年计算基数", "2026年": "2026年计算基数"}, 2026, 1,
			"", "工作表“2025年”的“2025年计算基数”列是 2025 年的基数，不是正在导入的 2026 年的，未导入"},
		{"this year's", []string{"Sheet1"}, map[string]string{"Sheet1": "2026年计算基数"}, 2026, 1, "", ""},
		{"no year", []string{"Sheet1"}, map[string]string{"Sheet1": "计算基数"}, 2026, 1, "", ""},
		{"a year of the wages, not of the base", []string{"Sheet1"}, map[string]string{"Sheet1": "计算基数（按2025年月平均工资）"}, 2026, 1, "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sheets := map[string][][]any{}
			for _, s := range tt.sheets {
				sheets[s] = [][]any{{"姓名", "身份证号码", "缴纳类别", tt.heading[s]}, row}
			}
			bf, err := ReadDuesBasesSheets(basesBookOfSheets(t, tt.sheets, sheets), tt.year, nil)
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
					t.Fatalf("err %v, want %s…", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(bf.Rows) != tt.rows {
				t.Errorf("%d rows, want %d: %+v", len(bf.Rows), tt.rows, bf.Rows)
			}
			var notes []string
			for _, n := range bf.Notes {
				notes = append(notes, n.Message)
			}
			if got := strings.Join(notes, "\n"); tt.note != "" && !strings.Contains(got, tt.note) {
				t.Errorf("notes %q, want %q", got, tt.note)
			}
		})
	}
}
