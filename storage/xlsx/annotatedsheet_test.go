package xlsx

import (
	"slices"
	"testing"
)

// A sheet whose name says its leavers are marked or taken out is a roster,
// not a list of leavers: the one sheet of the workbook was set aside and
// nothing imported (review ra9 L6). Its leaver is refused by her 备注; a
// list of leavers keeps being set aside.
func TestSheetNameAnnotatingLeaversIsARoster(t *testing.T) {
	rows := remarkRoster([2]string{"张三", ""}, [2]string{"李明", ""}, [2]string{"赵丽华", "已转出"})
	for _, tt := range []struct {
		sheet  string
		roster bool
	}{
		{"党员花名册（含已转出）", true},
		{"花名册(转出已标注)", true},
		{"在册及转出党员", true},
		{"党员名册（去世人员已删除）", true},
		{"已转出党员", false},
		{"已转出党员（含去世）", false},
	} {
		t.Run(tt.sheet, func(t *testing.T) {
			rf := read(t, workbook{sheets: []sheetSpec{{name: tt.sheet, rows: rows}}}.bytes(t))
			if len(rf.Sheets) != 1 {
				t.Fatalf("sheets %+v", rf.Sheets)
			}
			if got := rf.Sheets[0].Left == ""; got != tt.roster {
				t.Fatalf("read as a roster: %v, want %v (Left %q)", got, tt.roster, rf.Sheets[0].Left)
			}
			if !tt.roster {
				return
			}
			if got := storedNames(rf); !slices.Equal(got, []string{"张三", "李明"}) || len(rf.Rejected) != 1 || rf.Rejected[0].Row != 4 {
				t.Errorf("stored %v, refused %+v; want 张三, 李明 stored and 赵丽华 refused", got, rf.Rejected)
			}
		})
	}
}
