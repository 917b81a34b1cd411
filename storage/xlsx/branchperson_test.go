package xlsx

import (
	"slices"
	"testing"

	"branchledger/model"
)

// 所在党支部 merged over 支部 | 支部书记 (or 负责人, 联系人): the second is a
// person of the branch, not a second branch column — every member was
// refused “有两列所在党支部” (review s14-reattack7 #13). It is named as not
// imported and the branch stored.
func TestBranchGroupOverItsSecretary(t *testing.T) {
	id := idNumber("19800115", "311")
	for _, leaf := range []string{"支部书记", "党支部书记", "支部负责人", "支部联系人", "组织委员"} {
		t.Run(leaf, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "公民身份号码", "入党时间", "转正时间", "所在党支部", nil},
				{nil, nil, nil, nil, "支部", leaf},
				{"小一", id, "2003.05", "2004.05", "第一党支部", "王五"}},
				[2]string{"A1", "A2"}, [2]string{"B1", "B2"}, [2]string{"C1", "C2"}, [2]string{"D1", "D2"}, [2]string{"E1", "F1"}))
			if len(rf.Rejected) != 0 || len(rf.Members) != 1 {
				t.Fatalf("members %+v rejected %v", rf.Members, refusals(rf))
			}
			if m := rf.Members[0].Member; m.BranchName != "第一党支部" || m.JoinDate != model.MonthDate(2003, 5) {
				t.Errorf("stored branch %q 加入 %v; want 第一党支部 2003-05", m.BranchName, m.JoinDate)
			}
			if got := rf.Sheets[0].Ignored; !slices.Equal(got, []string{leaf}) {
				t.Errorf("columns not imported %q, want %q", got, leaf)
			}
		})
	}
}

// A title saying the leavers are left out of the list (党员花名册（已转出党
// 员除外）) heads members: the sheet was set aside as one of leavers (review
// s14-reattack7 #20). A note saying the people below are not leavers (以下
// 党员不是转出党员) keeps them (review s14-reattack7 #9).
func TestWordsThatSayTheLeaversAreNotHere(t *testing.T) {
	id := idNumber("19800115", "311")
	for _, title := range []string{"第一党支部党员花名册（已转出党员除外）", "党员名单（不含已故党员）"} {
		t.Run(title, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{title, nil, nil, nil},
				{"姓名", "公民身份号码", "入党时间", "转正时间"},
				{"小一", id, "2003.05", "2004.05"}}, [2]string{"A1", "D1"}))
			if len(rf.Sheets) != 1 || rf.Sheets[0].Left != "" {
				t.Fatalf("sheets %+v: read as a sheet of leavers", rf.Sheets)
			}
			if len(rf.Members) != 1 || rf.Members[0].Member.Name != "小一" {
				t.Errorf("members %+v, want 小一", rf.Members)
			}
		})
	}
	t.Run("以下党员不是转出党员", func(t *testing.T) {
		rf := read(t, roster(t, [][]any{hxHeading, hxMember("张三", "011"), {"注：以下党员不是转出党员"}, hxMember("李四", "031")}))
		if s := stored(rf); s != full("张三")+"; "+full("李四") || len(rf.Rejected) != 0 {
			t.Errorf("stored %q, refused %v; want both stored", s, refusedRows(rf))
		}
	})
}
