package xlsx

import (
	"strings"
	"testing"
)

// Last year's bases sheet picked alone is refused when the year is in the
// sheet's name, in the title above the headings or in brackets after the
// base heading, not only at the heading's start; the wages' year in
// 计算基数（按2025年月平均工资） is no base's year (review s8-7 attack #8).
func TestBasesYearInNameTitleOrBrackets(t *testing.T) {
	id := idNumber("19800101", "011")
	for _, tt := range []struct {
		name, sheet string
		rows        [][]any
		err         string
	}{
		{"sheet name", "2025年", [][]any{{"姓名", "身份证号码", "缴纳类别", "计算基数"}, {"辰一", id, "在职", 5000}},
			"工作表“2025年”的名称写的是别的年份，正在导入 2026 年的基数"},
		{"title", "基数", [][]any{{"2025年党费计算基数表"}, {"姓名", "身份证号码", "缴纳类别", "计算基数"}, {"辰一", id, "在职", 5000}},
			"工作表“基数”的标题“2025年党费计算基数表”是 2025 年的基数，正在导入的是 2026 年的基数"},
		{"brackets", "基数", [][]any{{"姓名", "身份证号码", "缴纳类别", "计算基数(2025年度)"}, {"辰一", id, "在职", 5000}},
			"工作表“基数”的“计算基数(2025年度)”列是 2025 年的基数"},
		{"this year's title", "基数", [][]any{{"2026年党费计算基数表"}, {"姓名", "身份证号码", "缴纳类别", "计算基数"}, {"辰一", id, "在职", 5000}}, ""},
		{"wages' year", "基数", [][]any{{"姓名", "身份证号码", "缴纳类别", "计算基数（按2025年月平均工资）"}, {"辰一", id, "在职", 5000}}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bf, err := ReadDuesBasesSheets(basesBookOfSheets(t, []string{tt.sheet}, map[string][][]any{tt.sheet: tt.rows}), 2026, nil)
			if tt.err == "" {
				if err != nil || len(bf.Rows) != 1 {
					t.Fatalf("bf %+v err %v", bf, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Fatalf("err %v, want %s", err, tt.err)
			}
		})
	}
}
