package xlsx

import (
	"fmt"
	"strings"
	"testing"

	"branchledger/model"
)

// 是否流动党员 and 是否失联党员 are read by one mark rule, the tick columns'
// (model.ParseMark): ✓ ✔ √ ☑ ● 是 Y 1 say yes, ○ × ☐ 否 N 0 say no, in
// both columns alike; a mark in neither list is refused naming the row,
// the column and what the cell shows, not read as 否 (issue 7: ✓ and ● were
// refused, ○ and ☐ too, while √ and Y were taken).
func TestYesNoColumnsByOneMarkRule(t *testing.T) {
	tests := []struct {
		mark string
		yes  bool
		ok   bool
	}{
		{"✓", true, true}, {"✔", true, true}, {"√", true, true}, {"☑", true, true}, {"●", true, true},
		{"是", true, true}, {"Y", true, true}, {"y", true, true}, {"Ｙ", true, true}, {"1", true, true},
		{"○", false, true}, {"×", false, true}, {"☐", false, true}, {"否", false, true},
		{"N", false, true}, {"n", false, true}, {"0", false, true},
		{"?", false, false}, {"待核实", false, false}, {"ok", false, false}, {"X", false, false},
	}
	rows := [][]any{{"姓名", "公民身份号码", "人员类别", "所在党支部", "加入党组织日期", "转为正式党员日期",
		"是否流动党员", "外出流向", "是否失联党员", "失联年月"}}
	for i, tt := range tests {
		dest, since := "", ""
		if tt.yes {
			dest, since = "广东省深圳市", "2024-03"
		}
		rows = append(rows, []any{fmt.Sprintf("赵%d", i), idNumber(fmt.Sprintf("19%02d0101", 60+i), fmt.Sprintf("%03d", 2*i+1)),
			"正式党员", "第一党支部", "2000-07-01", "2001-07-01", tt.mark, dest, tt.mark, since})
	}
	rf := read(t, roster(t, rows))
	for i, tt := range tests {
		row := i + 2
		t.Run(tt.mark, func(t *testing.T) {
			if !tt.ok {
				got := rejections(rf, row)
				for _, f := range []model.Field{model.FieldMobile, model.FieldLostContact} {
					if !strings.Contains(got[f], "“"+tt.mark+"”") {
						t.Errorf("row %d %s: refused %q; want it refused quoting %q", row, f.Label(), got[f], tt.mark)
					}
				}
				return
			}
			m := member(t, rf, row)
			if m.Mobile != tt.yes || m.LostContact != tt.yes {
				t.Errorf("row %d: 流动 %v 失联 %v; want both %v", row, m.Mobile, m.LostContact, tt.yes)
			}
			if tt.yes && (m.MobileDestination != "广东省深圳市" || m.LostSince != model.MonthDate(2024, 3)) {
				t.Errorf("row %d: 外出流向 %q 失联年月 %v", row, m.MobileDestination, m.LostSince)
			}
		})
	}
}
