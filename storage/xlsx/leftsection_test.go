package xlsx

import (
	"strings"
	"testing"

	"branchledger/model"
)

// Members listed under a row saying they have left the roster — 已转出党员,
// 以下为已故党员, 出党人员, 停止党籍人员 … merged across the table — are
// refused, up to the next group row, and named in one note; a row saying
// they have not left (未转出, 待转出, 转出中) or counting a few leavers
// among members (离退休党员（含已故党员1名）), and 流动党员（离开本地外出),
// leave them in (review s13-attack #16: 节二 was stored as an on-roster
// 正式党员, for four of the six titles without a word; s13-reattack #8:
// left out silently instead, current members went missing under such
// rows).
func TestMembersUnderARowSayingTheyLeftAreLeftOut(t *testing.T) {
	id := func(seq string) string { return idNumber("19800101", seq) }
	for _, tt := range []struct {
		title string
		word  string // the word quoted, "" when 节二 and 节三 are members
	}{
		{"已转出党员", "转出"},
		{"以下人员已于2025年转出，仅供参考", "转出"},
		{"以下为已故党员", "已故"},
		{"出党人员", "出党"},
		// 停止党籍人员 are members whose 党籍状态 it gives (review wd F32:
		// TestSuspendedGroupRowGivesItsPeopleTheirStanding).
		{"停止党籍及出党人员", "出党"},
		{"二、已转出", "转出"},
		{"死亡党员（2人）", "死亡"},
		{"以下人员组织关系未转出", ""},
		{"本表不含已转出党员", ""},
		{"待转出党员", ""},
		{"拟转出党员", ""},
		{"组织关系转出中", ""},
		{"已撤销转出的党员", ""},
		{"流动党员（离开本地外出）", ""},
		{"离退休党员（含已故党员1名）", ""},
		{"历史遗留：党员组织关系待接转", ""},
		// A branch's own name (review s13-reattack #15).
		{"注销登记科党支部", ""},
		{"历史文化学院党支部", ""},
		// A note saying the people below left (review s13-reattack #9).
		{"注：以下党员已转出", "转出"},
		{"说明：以下为已故党员", "已故"},
		// Other words of the same note (the second read's hostile pass).
		{"注：下面的党员已经转出", "转出"},
		{"注：以下同志组织关系已转至区委党校", "转至"},
		{"注：下列党员已调离本单位", "调离"},
		// A branch whose remark says its people left (review s13-reattack #17).
		{"第二党支部（已转出）", "转出"},
		{"原第三党支部（已撤销，党员已转出）", "转出"},
	} {
		t.Run(tt.title, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"序号", "姓名", "性别", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期"},
				{"1", "节一", "男", id("011"), "正式党员", "2003-05", "2004-05"},
				{tt.title},
				{"2", "节二", "男", id("031"), "正式党员", "2003-05", "2004-05"},
				{"3", "节三", "男", id("051"), "正式党员", "2003-05", "2004-05"},
				{"第二党小组"},
				{"4", "节四", "男", id("071"), "正式党员", "2003-05", "2004-05"},
			}, [2]string{"A3", "G3"}, [2]string{"A6", "G6"}))
			var refused []string
			for _, r := range rf.Rejected {
				refused = append(refused, r.Name)
				if want := "在分组行“" + tt.title + "”之下，看来已不在花名册上（写着“" + tt.word + "”）：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请移到这一行之上后再导入"; r.Reason != want {
					t.Errorf("row %d refused %q, want %q", r.Row, r.Reason, want)
				}
			}
			if got, want := strings.Join(refused, " "), map[bool]string{true: "", false: "节二 节三"}[tt.word == ""]; got != want {
				t.Fatalf("refused %q, want %q", got, want)
			}
			var names []string
			for _, m := range rf.Members {
				names = append(names, m.Member.Name)
			}
			notes := map[int]string{}
			for _, n := range rf.Notes {
				notes[n.Row] += n.Message
			}
			if tt.word == "" {
				if got := strings.Join(names, " "); got != "节一 节二 节三 节四" {
					t.Errorf("members %s, want all four", got)
				}
				return
			}
			if got := strings.Join(names, " "); got != "节一 节四" {
				t.Errorf("members %s, want 节一 节四: the group row 第二党小组 ends the leavers", got)
			}
			want := "分组行“" + tt.title + "”：写着“" + tt.word + "”，其下各行（到下一个分组行为止）看来已不在花名册上，未予导入（见未通过的行）：第4行（节二）、第5行（节三）；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请移到这一行之上后再导入"
			if notes[3] != want {
				t.Errorf("note on row 3\n%s\nwant\n%s", notes[3], want)
			}
			// Said in row order with the other group rows' notes.
			var rows []int
			for _, n := range rf.Notes {
				if strings.Contains(n.Message, "分组行") {
					rows = append(rows, n.Row)
				}
			}
			if len(rows) != 2 || rows[0] != 3 || rows[1] != 6 {
				t.Errorf("group rows' notes on rows %v, want 3 then 6", rows)
			}
		})
	}
}

// A member's own 备注 is no section row, whatever it says: the rows under
// the member are read as before, and the member's row is judged by its
// 备注 alone (saysLeft), as before.
func TestRemarkSayingLeftIsNoSectionRow(t *testing.T) {
	id := func(seq string) string { return idNumber("19800101", seq) }
	rf := read(t, roster(t, [][]any{
		{"序号", "姓名", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期", "备注"},
		{"1", "注一", id("011"), "正式党员", "2003-05", "2004-05", "已转出党员"},
		{nil, nil, nil, nil, nil, nil, "停止党籍人员"},
		{"2", "注二", id("031"), "正式党员", "2003-05", "2004-05", "出党人员"},
		{"3", "注三", id("051"), "正式党员", "2003-05", "2004-05", nil},
	}))
	if len(rf.Members) != 1 || rf.Members[0].Member.Name != "注三" {
		t.Errorf("members %+v, want 注三 alone", rf.Members)
	}
	for row, said := range map[int]string{2: "已转出", 4: "出党"} {
		if got := rejections(rf, row)[model.FieldNotes]; !strings.Contains(got, "备注中写着“"+said+"”，看来此人已不在花名册上") {
			t.Errorf("row %d: %q", row, got)
		}
	}
	for _, n := range rf.Notes {
		if strings.Contains(n.Message, "分组行") {
			t.Errorf("a 备注 read as a group row: %s", n.Message)
		}
	}
}
