package xlsx

import (
	"slices"
	"testing"

	"branchledger/model"
)

// A member's 备注 read for what it says of the member: a move into another
// organisation is a leaving (D1, F36), a move out of the place the member
// came from is an arrival (D2), a word of leaving spaced out or in
// traditional characters is one (F40), and another person's death or a
// move in hand leaves the member on the register (M6).
func TestRemarkSaysWhoLeftAndWhoIsHere(t *testing.T) {
	heading := []any{"姓名", "公民身份号码", "所在党支部", "加入党组织日期", "转为正式党员日期", "备注"}
	for _, tt := range []struct {
		branch, notes string
		said          string // the words quoted in the refusal, "" for stored
	}{
		{"第一党支部", "已转入第二党支部", "转入第二党支部"},
		{"第一党支部", "2023年转入XX社区党委", "转入XX社区党委"},
		{"第一党支部", "转入XX社区", "转入XX社区"},
		{"第一党支部", "组织关系移交社区", "移交社区"},
		{"第一党支部", "2020年转入本支部", ""},
		{"第一党支部", "从XX公司党支部转入", ""},
		{"第一党支部", "由第三党支部转入我支部", ""},
		{"第二党支部", "2021年已转入第二党支部", ""},
		{"第一党支部", "拟转入XX社区党委", ""},
		{"第一党支部", "档案已移交社区", ""},
		{"第一党支部", "2020年转入正式党员", ""},
		{"第一党支部", "原单位已转出，2020年转入本支部", ""},
		{"第一党支部", "从原单位转出后转入本支部", ""},
		{"第一党支部", "2020年转入本支部，2024年已转出", "已转出"},
		{"第一党支部", "原单位已转出", "已转出"},
		{"第一党支部", "已 转 出", "已转出"},
		{"第一党支部", "已　去世", "去世"},
		{"第一党支部", "已轉出", "已转出"},
		{"第一党支部", "2024年已過世", "过世"},
		{"第一党支部", "組織關係已轉至區委", "转至"},
		{"第一党支部", "死亡", "死亡"},
		{"第一党支部", "2022年病故", "病故"},
		{"第一党支部", "父亲已故", ""},
		{"第一党支部", "其配偶王某已故", ""},
		{"第一党支部", "入党介绍人已去世", ""},
		{"第一党支部", "本人与配偶均已转出", "已转出"},
		{"第一党支部", "转出手续办理中", ""},
		{"第一党支部", "组织关系转出中", ""},
		{"第一党支部", "正在办理转出手续", ""},
		{"第一党支部", "拟转出", ""},
		{"第一党支部", "已转出，手续办理中", "已转出"},
	} {
		t.Run(tt.notes, func(t *testing.T) {
			rf := readTable(t, [][]any{heading, {"辛一", idNumber("19800101", "011"), tt.branch, "2008.06", "2009.06", tt.notes}})
			got := rejections(rf, 2)[model.FieldNotes]
			switch {
			case tt.said == "" && (got != "" || len(rf.Members) != 1):
				t.Errorf("refused: %q %v", got, rf.Rejected)
			case tt.said != "" && got != "备注中写着“"+tt.said+"”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改写备注后再导入":
				t.Errorf("refusal %q, want it to quote %q; members %d", got, tt.said, len(rf.Members))
			}
			if tt.said == "" && len(rf.Members) == 1 && rf.Members[0].Member.Notes != tt.notes {
				t.Errorf("备注 stored as %q", rf.Members[0].Member.Notes)
			}
		})
	}
}

// A sheet's name and a group row are read spaced out and in traditional
// characters as a 备注 is (F40).
func TestSpacedAndTraditionalWordsInTitlesAndGroupRows(t *testing.T) {
	for name, want := range map[string]string{"已轉出黨員": "转出", "已 过 世 人员": "过世", "調離人員": "调离", "第一黨支部": ""} {
		if got := leftWord(name); got != want {
			t.Errorf("sheet %s: read as leavers' by %q, want %q", name, got, want)
		}
	}
	for _, title := range []string{"以下黨員已轉出", "以下党员已 转 出", "以下党员已　去世"} {
		rf := readTable(t, [][]any{hxHeading, hxMember("张三", "011"), {title}, hxMember("李四", "031")})
		if got := storedNames(rf); len(got) != 1 || got[0] != "张三" {
			t.Errorf("%s: stored %v, want 张三 alone", title, got)
		}
	}
}

// Group rows and sheets named for people who left their job or the
// register — 离职党员, 已离职人员, 退出人员, 原在册党员, 组织关系已转走,
// 组织关系在外单位的党员 — hold leavers (D5, F21, F30): their people were
// stored as current members. 离职待转 and 退出现役 name people still here.
func TestTitlesOfPeopleWhoLeftTheirJobOrTheRegister(t *testing.T) {
	for _, tt := range []struct {
		title, word string // word: what the sheet's name is read for, "" for current members
	}{
		{"离职党员", "离职"},
		{"已离职人员", "离职"},
		{"退出人员", "退出"},
		{"原在册党员", "原在册"},
		{"组织关系已转走", "转走"},
		{"组织关系在外单位的党员", "关系在外"},
		{"离职待转党员", ""},
		{"退出现役军人党员", ""},
	} {
		t.Run(tt.title, func(t *testing.T) {
			if got := leftWord(tt.title); got != tt.word {
				t.Errorf("sheet named so: read as leavers' by %q, want %q", got, tt.word)
			}
			rf := readTable(t, [][]any{hxHeading, hxMember("张三", "011"), {tt.title}, hxMember("李四", "031")})
			stored := storedNames(rf)
			switch {
			case tt.word != "" && (len(stored) != 1 || stored[0] != "张三"):
				t.Errorf("group row: stored %v, want 张三 alone", stored)
			case tt.word != "" && refusedRows(rf)[4] != "李四 姓名：在分组行“"+tt.title+"”之下，看来已不在花名册上（写着“"+tt.word+"”）：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请移到这一行之上后再导入":
				t.Errorf("group row: 李四 refused %q", refusedRows(rf)[4])
			case tt.word == "" && !slices.Contains(stored, "李四"):
				t.Errorf("group row: stored %v, want 李四 too", stored)
			}
		})
	}
}
