package xlsx

import (
	"strings"
	"testing"
)

// A title gives the branch only when what is left of it is one branch's
// name: no year, no second branch, no template placeholder; a title that
// gives none says why (review s7-7 attack #21).
func TestBranchFromHeading(t *testing.T) {
	for _, c := range []struct{ in, branch, why string }{
		{"第一党支部党员花名册", "第一党支部", ""},
		{"中共华东精密机械有限公司支部委员会党员花名册", "中共华东精密机械有限公司支部委员会", ""},
		{"某某公司第二党支部党员名册（截至2026年11月）", "", "是表格模板中代填的名称"},
		{"华新公司第二党支部党员名册（截至2026年11月）", "华新公司第二党支部", ""},
		{"第二党支部党员名单(2026年11月)", "第二党支部", ""},
		{"第二党支部党员名单截至2026年11月30日", "第二党支部", ""},
		{"填报单位：第四党支部", "第四党支部", ""},
		{"党员花名册（第五党支部）", "第五党支部", ""},
		{"第 一 党 支 部 花 名 册", "第一党支部", ""},
		{"和平街道党支部党员名册", "和平街道党支部", ""},
		{"青年党支部花名册", "青年党支部", ""},
		{"2026年度第一党支部党员花名册", "", "含有年份"},
		{"第三党支部2025年党员花名册", "", "含有年份"},
		{"二〇二六年第三党支部党员名单", "", "含有年份"},
		{"机关党委第一党支部、第二党支部党员花名册", "", "写了不止一个党支部"},
		{"第一党支部和第二党支部党员名单", "", "写了不止一个党支部"},
		{"第一党支部及第二党支部花名册", "", "写了不止一个党支部"},
		{"XX党支部党员花名册", "", "是表格模板中代填的名称"},
		{"××党支部党员花名册", "", "是表格模板中代填的名称"},
		{"某某党支部党员花名册", "", "是表格模板中代填的名称"},
		{"第一党支部党员信息统计表", "", "不只是一个党支部的名称"},
		{"原第一党支部党员名册", "", "是原来的党支部"},
		{"华新公司原第三党支部党员名单", "", "是原来的党支部"},
		{"原平市第一党支部党员名册", "原平市第一党支部", ""},
		{"2024年党员花名册", "", ""},
		{"党员花名册", "", ""},
		{"", "", ""},
	} {
		b, why := BranchFromHeading(c.in, true)
		if b != c.branch || why != c.why {
			t.Errorf("BranchFromHeading(%q) = %q, %q; want %q, %q", c.in, b, why, c.branch, c.why)
		}
	}
	// A sheet's name, chosen by the user, is tidied the same way; it need
	// not end as an organisation's does (生产车间).
	for _, c := range []struct{ in, branch, why string }{
		{"第一党支部花名册", "第一党支部", ""},
		{"第三党支部 (2)", "第三党支部", ""},
		{"第二党支部（2026年）", "第二党支部", ""},
		{"机关党委党员名单", "机关党委", ""},
		{"生产车间", "生产车间", ""},
		{"2026年", "", "含有年份"},
		// review s9-7 #12: the year before or after the branch is the
		// roster's, not the branch's
		{"2026年度第一党支部", "第一党支部", ""},
		{"第一党支部2025年党员花名册", "第一党支部", ""},
		{"第一党支部2025年度", "第一党支部", ""},
		{"2025年第一、第二党支部", "", "写了不止一个党支部"},
		{"2025年生产车间", "", "含有年份"},
	} {
		b, why := BranchFromHeading(c.in, false)
		if b != c.branch || why != c.why {
			t.Errorf("BranchFromHeading(%q, false) = %q, %q; want %q, %q", c.in, b, why, c.branch, c.why)
		}
	}
}

// Sheets titled with a year, two branches or a placeholder store no branch
// from the title and say so, naming the title; a title that is one branch
// gives it.
func TestTitleGivesOneBranchOnly(t *testing.T) {
	head := []any{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期"}
	sheet := func(name, title, person, id string) sheetSpec {
		return sheetSpec{name: name, rows: [][]any{{title}, head, {person, id, "2008.06", "2009.06"}},
			merges: [][2]string{{"A1", "D1"}}}
	}
	rf := read(t, workbook{sheets: []sheetSpec{
		sheet("S1", "2026年度第一党支部党员花名册", "癸一", idNumber("19800101", "011")),
		sheet("S2", "机关党委第一党支部、第二党支部党员花名册", "癸二", idNumber("19800101", "022")),
		sheet("S3", "XX党支部党员花名册", "癸三", idNumber("19800101", "033")),
		sheet("S4", "党员花名册（第五党支部）", "癸四", idNumber("19800101", "044")),
		sheet("S5", "填报单位：第四党支部", "癸五", idNumber("19800101", "055")),
	}}.bytes(t))
	if len(rf.Rejected) != 0 || len(rf.Members) != 5 {
		t.Fatalf("members %d rejected %+v", len(rf.Members), rf.Rejected)
	}
	want := map[string]string{"癸一": "", "癸二": "", "癸三": "", "癸四": "第五党支部", "癸五": "第四党支部"}
	for _, m := range rf.Members {
		if m.Member.BranchName != want[m.Member.Name] {
			t.Errorf("%s: 所在党支部 %q, want %q", m.Member.Name, m.Member.BranchName, want[m.Member.Name])
		}
	}
	notes := map[string]string{}
	for _, n := range rf.Notes {
		if strings.Contains(n.Message, "表格标题") {
			notes[n.Sheet] = n.Message
		}
	}
	for sheet, w := range map[string]string{
		"S1": "表格标题“2026年度第一党支部党员花名册”含有年份，没有作为所在党支部；所在党支部留空",
		"S2": "表格标题“机关党委第一党支部、第二党支部党员花名册”写了不止一个党支部，没有作为所在党支部",
		"S3": "表格标题“XX党支部党员花名册”是表格模板中代填的名称，没有作为所在党支部",
		"S4": "按表格标题“党员花名册（第五党支部）”记为“第五党支部”",
		"S5": "按表格标题“填报单位：第四党支部”记为“第四党支部”",
	} {
		if !strings.Contains(notes[sheet], w) {
			t.Errorf("%s: note %q, want %q", sheet, notes[sheet], w)
		}
	}
}

// A sheet name is taken for the branch without asking only when it is one
// branch's name as it stands: a placeholder, two branches, a year, a
// former branch or a bare 党支部 are offered, not taken (review s8-7
// attack #6).
func TestSheetNameTakenOnlyWhenOneBranch(t *testing.T) {
	for name, want := range map[string]bool{
		"第一党支部": true, "机关党委": true, "ABC Company 党支部": true, "第３党支部": true,
		"XX党支部": false, "某某党支部": false, "第一、二党支部": false, "2026年第一党支部": false,
		"原第三党支部": false, "旧第三党支部": false, "党支部": false, "第五党支部(旧)": false,
	} {
		if got := namesBranch(name); got != want {
			t.Errorf("namesBranch(%q) = %v, want %v", name, got, want)
		}
	}
}

// A sheet whose title says its people have left (…（已转出人员）) is left
// out as a sheet so named is, saying the title; a title naming a former
// branch (原第一党支部) gives no branch (review s8-7 attack #23: 题8 of an
// 已转出人员 sheet was imported onto the roster, 原第一党支部 recorded).
func TestTitleOfLeaversAndOfAFormerBranch(t *testing.T) {
	head := []any{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期"}
	sheet := func(name, title, person, id string) sheetSpec {
		return sheetSpec{name: name, rows: [][]any{{title}, head, {person, id, "2008.06", "2009.06"}},
			merges: [][2]string{{"A1", "D1"}}}
	}
	rf := read(t, workbook{sheets: []sheetSpec{
		sheet("S8", "第一党支部党员花名册（已转出人员）", "题八", idNumber("19800101", "088")),
		sheet("S10", "原第一党支部党员名册", "题十", idNumber("19800101", "101")),
	}}.bytes(t))
	for _, sh := range rf.Sheets {
		switch sh.Name {
		case "S8":
			if sh.Left != "转出" || sh.LeftTitle != "第一党支部党员花名册（已转出人员）" {
				t.Errorf("S8: Left %q LeftTitle %q, want 转出 from the title", sh.Left, sh.LeftTitle)
			}
		case "S10":
			if sh.Left != "" || sh.TitleBranch != "" || sh.TitleWhy != "是原来的党支部" {
				t.Errorf("S10: Left %q branch %q why %q, want no branch: a former one", sh.Left, sh.TitleBranch, sh.TitleWhy)
			}
		}
	}
	for _, m := range rf.Members {
		if m.Member.BranchName != "" {
			t.Errorf("%s: 所在党支部 %q, want none", m.Member.Name, m.Member.BranchName)
		}
	}
}

// The 组织部 layout, 党员花名册 on the first line and 填报单位：… 填报日期：…
// on the second, gives the unit's branch (review s8-7 newuser #11).
func TestUnitLineUnderTheTitle(t *testing.T) {
	head := []any{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期"}
	rf := read(t, workbook{sheets: []sheetSpec{
		{name: "B", rows: [][]any{{"党员花名册"}, {"填报单位：华星科技有限公司联合党支部　　　填报日期：2026年11月"}, head,
			{"癸一", idNumber("19800101", "011"), "2008.06", "2009.06"}}},
		{name: "C", rows: [][]any{{"党员花名册"}, {"填报单位：华星科技有限公司第二党支部", nil, "填报日期：2026年11月"}, head,
			{"癸二", idNumber("19800101", "022"), "2008.06", "2009.06"}}},
	}}.bytes(t))
	want := map[string]string{"癸一": "华星科技有限公司联合党支部", "癸二": "华星科技有限公司第二党支部"}
	if len(rf.Members) != 2 {
		t.Fatalf("members %+v rejected %+v", rf.Members, rf.Rejected)
	}
	for _, m := range rf.Members {
		if m.Member.BranchName != want[m.Member.Name] {
			t.Errorf("%s: 所在党支部 %q, want %q", m.Member.Name, m.Member.BranchName, want[m.Member.Name])
		}
	}
}
