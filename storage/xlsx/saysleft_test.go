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

// 备注 saying the member left in other words than 转出 — the relation moved
// on (转往, 关系转…, 迁至), 调离 — is refused as 转出 is; one saying the
// member came here (转入, 转至本支部), or that the relation did not move
// (未转出: a mobile member), imports (review s9-7 #15: 组织关系已转往外省,
// 已调离 and 已退休（关系转社区） were imported as on the roster).
func TestRemarksThatSayTheMemberLeftInOtherWords(t *testing.T) {
	for _, tt := range []struct {
		notes string
		said  string // the words quoted in the refusal, "" for imported
	}{
		{"组织关系已转往外省", "转往"},
		{"已调离", "调离"},
		{"已退休（关系转社区）", "关系转社区"},
		{"组织关系已迁至XX街道", "关系已迁至XX街道"},
		{"2024年关系转到区机关党委", "转到"},
		{"2023年调往市局", "调往"},
		// review s14-reattack7 #17
		{"2024年已离世", "离世"},
		{"已辞世", "辞世"},
		{"2019年已移居国外", "移居国外"},
		{"2025年已转离", "转离"},
		{"已不在册", "不在册"},
		{"外出务工，组织关系未转出", ""},
		{"组织关系尚未转出", ""},
		{"2020年由第二党支部转至本支部", ""},
		{"2020年组织关系转入", ""},
		{"关系已转回本支部", ""},
		{"已退休", ""},
		{"组织关系在本支部", ""},
	} {
		t.Run(tt.notes, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "备注"},
				{"辛一", idNumber("19800101", "011"), "2008.06", "2009.06", tt.notes},
			}))
			got := rejections(rf, 2)[model.FieldNotes]
			switch {
			case tt.said == "" && (got != "" || len(rf.Members) != 1):
				t.Errorf("refused: %q", got)
			case tt.said != "" && !strings.Contains(got, "备注中写着“"+tt.said+"”，看来此人已不在花名册上"):
				t.Errorf("refusal %q, want it to quote %q; members %d", got, tt.said, len(rf.Members))
			case tt.said != "" && len(rf.Members) != 0:
				t.Errorf("imported as on the roster")
			}
		})
	}
}
