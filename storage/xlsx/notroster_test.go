package xlsx

import (
	"testing"
)

// Sheets of people on their way in (入党积极分子, 发展对象, 入党申请人) and
// of the Youth League (团支部, 共青团员) hold no party members: read as
// rosters, every row was refused, and 团支部 was offered as a branch
// (review wd F20, M1). They are not read, and the sheet is named saying
// why; a party branch's sheet with 集团 in its name is read.
func TestSheetsOfNoPartyMembersAreNotRead(t *testing.T) {
	rows := func(name, seq string) [][]any { return [][]any{hxHeading, hxMember(name, seq)} }
	rf := read(t, workbook{sheets: []sheetSpec{
		{name: "第一党支部", rows: rows("张三", "011")},
		{name: "入党积极分子", rows: rows("李四", "021")},
		{name: "发展对象", rows: rows("王五", "031")},
		{name: "入党申请人名单", rows: rows("赵六", "041")},
		{name: "团支部", rows: rows("钱七", "051")},
		{name: "共青团员", rows: rows("孙八", "061")},
		{name: "某集团支部", rows: rows("周九", "071")},
	}}.bytes(t))
	want := map[string]string{
		"入党积极分子":  skipRecruits,
		"发展对象":    skipRecruits,
		"入党申请人名单": skipRecruits,
		"团支部":     skipLeague,
		"共青团员":    skipLeague,
	}
	for _, s := range rf.Skipped {
		if s.Reason != want[s.Name] {
			t.Errorf("%s skipped: %q, want %q", s.Name, s.Reason, want[s.Name])
		}
		delete(want, s.Name)
	}
	for name := range want {
		t.Errorf("%s: read as a roster", name)
	}
	var read []string
	for _, s := range rf.Sheets {
		read = append(read, s.Name)
	}
	if len(read) != 2 || read[0] != "第一党支部" || read[1] != "某集团支部" {
		t.Errorf("sheets read %v, want 第一党支部 and 某集团支部", read)
	}
	if len(rf.Rejected) != 0 {
		t.Errorf("refused %v", rf.Rejected)
	}
	if skipRecruits != "是入党申请人、入党积极分子或发展对象的名单，他们还不是党员，未导入：请在“发展党员”中登记" || skipLeague != "是共青团的名单，不是党员名册，未导入" {
		t.Errorf("reasons %q, %q", skipRecruits, skipLeague)
	}
}
