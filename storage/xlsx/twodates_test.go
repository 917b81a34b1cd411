package xlsx

import (
	"strings"
	"testing"

	"branchledger/model"
)

// Two columns for one date or for the ID number (last year's kept, hidden,
// beside the new one): a row where they mean different things is refused
// naming both columns, never the first stored; rows where they agree
// (2008.06 beside the date cell 2008-06-15, an ID in 15 and 18 digits)
// import (review s8-7 attack #3).
func TestTwoColumnsForADateThatDiffer(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "转为正式党员日期", "加入党组织日期", "入党时间", "身份证号"},
		{"亥一", idNumber("19800101", "011"), "2009.06", "2005.06", "2008.06", nil},
		{"亥二", idNumber("19800101", "022"), "2009.06", "2008.06", dateCell(39614), idNumber("19800101", "022")},
		{"亥三", idNumber("19800101", "033"), "2009.06", "2008-06", "2008.06", idNumber("19800101", "044")},
	}))
	if len(rf.Members) != 1 || rf.Members[0].Member.Name != "亥二" || rf.Members[0].Member.JoinDate != model.MonthDate(2008, 6) {
		t.Errorf("members %+v", rf.Members)
	}
	want := map[int]string{
		2: "有两列“加入党组织日期”，D列为“2005.06”，E列为“2008.06”，不知用哪一列",
		4: "有两列“公民身份号码”，B列为“" + idNumber("19800101", "033") + "”，F列为“" + idNumber("19800101", "044") + "”",
	}
	got := map[int]string{}
	for _, r := range rf.Rejected {
		got[r.Row] += r.Reason
	}
	for row, w := range want {
		if !strings.Contains(got[row], w) {
			t.Errorf("row %d: %q, want %q", row, got[row], w)
		}
	}
	if len(got) != 2 {
		t.Errorf("rejected %+v", rf.Rejected)
	}
}
