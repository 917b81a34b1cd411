package xlsx

import (
	"fmt"
	"strings"
	"testing"

	"branchledger/model"
)

// 同上, 同上支部, 〃 in 所在党支部 are the branch of the row above (as that
// row gives it: written, merged over it, or itself a 同上), said in a 提示
// naming the row and the branch; with no branch above there is nothing to
// take, and the row is refused (issue 7: 同上支部 was stored as a branch
// named 同上支部, 同上 and 〃 refused the member).
func TestBranchDittoTakesTheRowAbove(t *testing.T) {
	id := func(i int) string { return idNumber("19800101", fmt.Sprintf("%03d", 11+2*i)) }
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"},
		{"甲", id(0), "2008.06", "2009.06", "〃"},
		{"乙", id(1), "2008.06", "2009.06", "第一党支部"},
		{"丙", id(2), "2008.06", "2009.06", "同上"},
		{"丁", id(3), "2008.06", "2009.06", "同上支部"},
		{"戊", id(4), "2008.06", "2009.06", "第二党支部"},
		{"己", id(5), "2008.06", "2009.06", nil},
		{"庚", id(6), "2008.06", "2009.06", "〃"},
		{"辛", id(7), "2008.06", "2009.06", "第三党支部"},
		{"壬", id(8), "2008.06", "2009.06", "（同上）"},
	}, [2]string{"E6", "E7"}))
	if got := rejections(rf, 2)[model.FieldBranchName]; !strings.Contains(got, "上一行没有所在党支部") {
		t.Errorf("row 2: %q", got)
	}
	for _, tt := range []struct {
		row    int
		branch string
		note   string
	}{
		{4, "第一党支部", "丙：所在党支部为“同上”，按上一行（第3行）的“第一党支部”导入"},
		{5, "第一党支部", "丁：所在党支部为“同上支部”，按上一行（第4行）的“第一党支部”导入"},
		{8, "第二党支部", "庚：所在党支部为“〃”，按上一行（第7行）的“第二党支部”导入"},
		{10, "第三党支部", "壬：所在党支部为“（同上）”，按上一行（第9行）的“第三党支部”导入"},
	} {
		if m := member(t, rf, tt.row); m.BranchName != tt.branch {
			t.Errorf("row %d: branch %q, want %q", tt.row, m.BranchName, tt.branch)
		}
		said := false
		for _, n := range rf.Notes {
			said = said || n.Row == tt.row && n.Field == model.FieldBranchName && n.Message == tt.note
		}
		if !said {
			t.Errorf("row %d: not said %q: %v", tt.row, tt.note, rf.Notes)
		}
	}
}
