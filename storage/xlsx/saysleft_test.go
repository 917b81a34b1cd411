package xlsx

import (
	"strings"
	"testing"

	"branchledger/model"
)

// A row whose name or 备注 says the person has left (辛四（已转出）, 备注
// 已故, 组织关系转至…) is refused naming the words, never imported as on
// the roster; a 备注 about something else imports (review s8-7 attack #12).
func TestRowThatSaysTheMemberLeft(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "备注"},
		{"辛一", idNumber("19800101", "011"), "2008.06", "2009.06", "2020年由第二党支部转入"},
		{"辛二", idNumber("19800101", "022"), "2008.06", "2009.06", "2025年3月已转出"},
		{"辛四（已转出）", idNumber("19800101", "033"), "2008.06", "2009.06", nil},
		{"辛五", idNumber("19800101", "044"), "2008.06", "2009.06", "已故"},
		{"辛七", idNumber("19800101", "055"), "2008.06", "2009.06", "组织关系转至XX街道党工委"},
	}))
	if len(rf.Members) != 1 || rf.Members[0].Member.Name != "辛一" {
		t.Errorf("members %+v", rf.Members)
	}
	want := map[int]string{3: "备注中写着“已转出”", 4: "姓名中写着“已转出”", 5: "备注中写着“已故”", 6: "备注中写着“转至”"}
	got := map[int]string{}
	for _, r := range rf.Rejected {
		got[r.Row] += string(r.Field) + ":" + r.Reason
	}
	for row, w := range want {
		if !strings.Contains(got[row], w) || !strings.Contains(got[row], "这一行未导入") {
			t.Errorf("row %d: %q, want %q", row, got[row], w)
		}
	}
	if !strings.HasPrefix(got[4], string(model.FieldName)) || !strings.HasPrefix(got[5], string(model.FieldNotes)) {
		t.Errorf("fields: %v", got)
	}
}
