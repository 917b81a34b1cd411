package xlsx

import (
	"strings"
	"testing"

	"branchledger/model"
)

// A category with a remark in brackets imports, the remark said in a 提示;
// a category cell saying only 党员 is not called blank (review s9-7 #5,
// #10).
func TestCategoryRemarkAndUnsaid(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "政治面貌", "入党时间", "转正时间"},
		{"甲一", idNumber("19870514", "911"), "预备党员（延长预备期）", "2025.06.01", nil},
		{"甲二", idNumber("19880514", "921"), "党员", "2010.06.01", "2011.06.01"},
		{"甲三", idNumber("19890514", "931"), "正式党员（已转正）", "2010.06.01", "2011.06.01"},
	}))
	if m := member(t, rf, 2); m.Category != model.CategoryProbationary {
		t.Errorf("row 2 category %q", m.Category)
	}
	if m := member(t, rf, 3); m.Category != model.CategoryFull {
		t.Errorf("row 3 category %q", m.Category)
	}
	if m := member(t, rf, 4); m.Category != model.CategoryFull {
		t.Errorf("row 4 category %q", m.Category)
	}
	var said []string
	for _, n := range rf.Notes {
		said = append(said, n.Message)
	}
	all := strings.Join(said, "\n")
	for _, want := range []string{"甲一：人员类别“预备党员（延长预备期）”记为预备党员，括号中的“延长预备期”没有导入", "第3行（“党员”）的人员类别没有说明正式或预备", "“已转正”没有导入"} {
		if !strings.Contains(all, want) {
			t.Errorf("notes lack %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "人员类别为空") {
		t.Errorf("a cell saying 党员 is called blank:\n%s", all)
	}
}
