package xlsx

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"branchledger/model"
)

// A 所在党支部 padded with spaces is the branch without them; a sheet name
// is taken for the branch only when it reads as one alone (review s7-7
// attack #2, #7).
func TestBranchNamesAsWritten(t *testing.T) {
	for in, want := range map[string]string{
		"第三　党支部": "第三党支部", "第三 党支部": "第三党支部", " 第三党支部\u00a0": "第三党支部",
		"ABC Company 党支部": "ABC Company 党支部", "第三党支部 (2)": "第三党支部 (2)", "第一党支部": "第一党支部",
		// s8-7 attack #7: one branch however the digit was typed
		"第3党支部": "第3党支部", "第 3 党支部": "第3党支部", "第３党支部": "第3党支部", "第　３　党支部": "第3党支部",
		"ＩＴ部党支部": "IT部党支部", "2 12 党小组": "2 12党小组",
	} {
		if got := BranchText(in); got != want {
			t.Errorf("BranchText(%q) = %q, want %q", in, got, want)
		}
	}
	for name, want := range map[string]bool{
		"第一党支部": true, "机关党委": true, "第三　党支部": true, "联合党总支": true,
		"第一党支部花名册": false, "第二党支部（2026年）": false, "第三党支部 (2)": false, "机关党委党员名单": false, "Sheet1": false,
	} {
		if got := namesBranch(name); got != want {
			t.Errorf("namesBranch(%q) = %v", name, got)
		}
	}
	id := idNumber("19800101", "011")
	rf := read(t, workbook{sheets: []sheetSpec{
		{name: "第三　党支部", rows: [][]any{{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期"}, {"辛一", id, "2008.06", "2009.06"}}},
		{name: "第一党支部花名册", rows: [][]any{{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"},
			{"辛二", idNumber("19810202", "031"), "2008.06", "2009.06", "第一　党支部"}}},
	}}.bytes(t))
	if !rf.Sheets[0].NameIsBranch || len(rf.Members) != 2 || rf.Members[1].Member.BranchName != "第一党支部" {
		t.Errorf("sheets %+v members %+v", rf.Sheets, rf.Members)
	}
	rf = read(t, workbook{sheets: []sheetSpec{
		{name: "第一党支部花名册", rows: [][]any{{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期"}, {"辛一", id, "2008.06", "2009.06"}}},
	}}.bytes(t))
	if rf.Sheets[0].NameIsBranch {
		t.Errorf("第一党支部花名册 taken for a branch")
	}
}

// Two columns for 所在党支部 (last year's kept beside the new one, hidden):
// a row where they differ is refused naming both, never the first stored
// in silence; rows where they agree are read (review s7-7 attack #10).
func TestTwoColumnsForOneFieldThatDiffer(t *testing.T) {
	id1, id2 := idNumber("19800101", "011"), idNumber("19810202", "031")
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部", "所在党支部", "联系电话", "联系电话"},
		{"辛一", id1, "2008.06", "2009.06", "原第一党支部", "第二党支部", "13800000000", "010-12345678"},
		{"辛二", id2, "2008.06", "2009.06", "第二党支部", "第二 党支部", "13800000001", nil}}))
	if len(rf.Members) != 1 || rf.Members[0].Member.Name != "辛二" || rf.Members[0].Member.BranchName != "第二党支部" {
		t.Errorf("members %+v", rf.Members)
	}
	got := rejections(rf, 2)
	if len(got) != 1 || got[model.FieldBranchName] != "有两列“所在党支部”，E列为“原第一党支部”，F列为“第二党支部”，不知用哪一列；请删去不用的一列（隐藏的列也会读入）后再导入" {
		t.Errorf("row 2: %v", got)
	}
}

// The bases import alike for 缴纳类别, which sets the rate.
func TestBasesTwoCategoryColumnsThatDiffer(t *testing.T) {
	id1, id2 := idNumber("19800101", "011"), idNumber("19810202", "031")
	bf, err := basesFileFor(t, [][]any{{"姓名", "身份证号码", "缴纳类别", "计算基数", "缴纳类别"},
		{"乙一", id1, "在职", 5400, "离退休"}, {"乙二", id2, "在职", 5500, "在职"}}, 2026)
	if err != nil || len(bf.Rows) != 1 || bf.Rows[0].Name != "乙二" || len(bf.Rejected) != 1 ||
		bf.Rejected[0].Reason != "有两列“缴纳类别”，C列为“在职”，E列为“离退休”，不知用哪一列；请删去不用的一列（隐藏的列也会读入）后再导入" {
		t.Errorf("%+v %v", bf, err)
	}
}

// 计算基数 beside 2025年计算基数 reads the plain one for 2026; a sheet named
// 2025年 beside 2026年 is left out with a note (review s7-8 attack #6).
func TestBasesOtherYearColumnsAndSheets(t *testing.T) {
	id1, id2 := idNumber("19800101", "011"), idNumber("19810202", "031")
	bf, err := basesFileFor(t, [][]any{{"姓名", "身份证号码", "计算基数", "2025年计算基数"}, {"乙一", id1, 5400, 5000}}, 2026)
	if err != nil || len(bf.Rows) != 1 || bf.Rows[0].Base != 540000 || !slices.Equal(bf.Ignored, []string{"2025年计算基数"}) {
		t.Errorf("columns: %+v %v", bf, err)
	}
	head := []any{"姓名", "身份证号码", "计算基数"}
	path := filepath.Join(t.TempDir(), "基数.xlsx")
	data := workbook{sheets: []sheetSpec{
		{name: "2026年", rows: [][]any{head, {"乙一", id1, numberCell("5400")}, {"乙二", id2, numberCell("5500")}}},
		{name: "2025年", rows: [][]any{head, {"乙一", id1, numberCell("5000")}, {"乙二", id2, numberCell("5100")}}},
	}}.bytes(t)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	bf, err = ReadDuesBasesSheets(path, 2026, nil)
	if err != nil || len(bf.Rows) != 2 || len(bf.Rejected) != 0 || !slices.Equal(bf.Sheets, []string{"2026年"}) || len(bf.Notes) != 1 ||
		bf.Notes[0].Message != "工作表“2025年”的名称写的是 2025 年，看来是那一年的基数，未导入（正在导入 2026 年的基数）；确需导入时用 --sheet 指明" {
		t.Errorf("sheets: %+v %v", bf, err)
	}
}

// 政治面貌 beside 人员类别, as HR-made rosters have them: cells that mean
// the same category (中共党员 and 正式党员) pass; 人员类别 is the column
// read, 政治面貌 the one not imported; cells that differ are refused
// (review s8-7 newuser #4).
func TestPoliticalStatusBesideCategory(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "性别", "政治面貌", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期"},
		{"邓甲", "男", "中共党员", idNumber("19800101", "011"), "正式党员", "2008.06", "2009.06"},
		{"邓乙", "男", "中共预备党员", idNumber("19810101", "011"), "预备党员", "2026.03", nil},
		{"邓丙", "男性", "中共党员", idNumber("19820101", "011"), "正式", "2008.06", "2009.06"},
		{"邓丁", "男", "中共预备党员", idNumber("19830101", "011"), "正式党员", "2008.06", "2009.06"}}))
	if len(rf.Members) != 3 || member(t, rf, 3).Category != model.CategoryProbationary || member(t, rf, 4).Category != model.CategoryFull {
		t.Errorf("members %+v", rf.Members)
	}
	if got := rejections(rf, 5)[model.FieldCategory]; got != "有两列“人员类别”，E列为“正式党员”，C列为“中共预备党员”，不知用哪一列；请删去不用的一列（隐藏的列也会读入）后再导入" {
		t.Errorf("row 5: %q", got)
	}
	if ig := rf.Sheets[0].Ignored; len(ig) != 1 || !strings.HasPrefix(ig[0], "政治面貌") {
		t.Errorf("ignored %q", ig)
	}
}

// A filled 外出流向 or 失联年月 says 流动 / 失联 when the sheet has no 是否
// column or its cell is blank, and may set it on a stored member; beside a
// 否 it is refused, never dropped in silence (review s8-7 newuser #3).
func TestDetailWithoutItsYes(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "外出流向", "失联日期"},
		{"马甲", idNumber("19800101", "011"), "2008.06", "2009.06", "上海市浦东新区", nil},
		{"牛甲", idNumber("19810101", "011"), "2008.06", "2009.06", nil, "2025.03"},
		{"马乙", idNumber("19820101", "011"), "2008.06", "2009.06", nil, nil}}))
	ma, niu, mb := member(t, rf, 2), member(t, rf, 3), member(t, rf, 4)
	if !ma.Mobile || ma.MobileDestination != "上海市浦东新区" || !niu.LostContact || niu.LostSince != model.MonthDate(2025, 3) || mb.Mobile || mb.LostContact {
		t.Errorf("马甲 %v %q, 牛甲 %v %v, 马乙 %v %v", ma.Mobile, ma.MobileDestination, niu.LostContact, niu.LostSince, mb.Mobile, mb.LostContact)
	}
	if f := rf.Members[0].Fields; !slices.Contains(f, model.FieldMobile) || slices.Contains(rf.Members[2].Fields, model.FieldMobile) {
		t.Errorf("fields %v / %v", f, rf.Members[2].Fields)
	}
	// A form fills the column for everyone: 无, —, 本地 … say no
	// (review s8-7 attack #25).
	rows := [][]any{{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "外出流向"}}
	stay := []string{"无", "—", "本地", "未外出", "0", "在本单位", "无外出", "（无）",
		// s8-7 recheck #3: the class, not a list
		"暂未外出", "无（在本地）", "在家务农", "本村", "暂不外出", "未出去", "没出去", "无无", "〇"}
	for i, v := range stay {
		rows = append(rows, []any{"动" + string(rune('甲'+i)), idNumber("19800101", fmt.Sprintf("%03d", 11+2*i)), "2008.06", "2009.06", v})
	}
	rf = read(t, roster(t, rows))
	if len(rf.Members) != len(stay) {
		t.Errorf("members %d", len(rf.Members))
	}
	for _, n := range rf.Notes {
		if strings.Contains(n.Message, "流动党员") {
			t.Errorf("note %q", n.Message)
		}
	}
	for _, m := range rf.Members {
		if m.Member.Mobile || m.Member.MobileDestination != "" {
			t.Errorf("%s: mobile %v %q", m.Member.Name, m.Member.Mobile, m.Member.MobileDestination)
		}
	}
	rf = read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "流动", "流向"},
		{"林甲", idNumber("19800101", "011"), "2008.06", "2009.06", "否", "北京"},
		{"林乙", idNumber("19810101", "011"), "2008.06", "2009.06", nil, "南京"},
		{"林丙", idNumber("19820101", "011"), "2008.06", "2009.06", "是", "广州"}}))
	if got := rejections(rf, 2)[model.FieldMobileDestination]; got != "是否流动党员为“否”，却填了外出流向“北京”：请改正其中一格后再导入" {
		t.Errorf("row 2: %q", got)
	}
	if lb, lc := member(t, rf, 3), member(t, rf, 4); !lb.Mobile || lb.MobileDestination != "南京" || !lc.Mobile || lc.MobileDestination != "广州" {
		t.Errorf("林乙 %+v 林丙 %+v", lb, lc)
	}
	if len(rf.Sheets[0].Ignored) != 0 {
		t.Errorf("ignored %q", rf.Sheets[0].Ignored)
	}
}

// 外出流向 beside a 是否流动党员 cell: 是 needs a place (无, 不详 refused
// as a blank is); 否 beside any "has not gone out" passes, beside a place
// is refused; alone, a place makes a 流动党员, "not known" does not and
// says so (review s8-7 recheck #2, #3, #7).
func TestDestinationBesideItsYesNo(t *testing.T) {
	type c struct {
		yes, dest string
		mobile    bool
		dest2     string
		refused   bool
		noted     bool
	}
	cases := []c{
		{"是", "无", false, "", true, false},
		{"是", "不详", false, "", true, false},
		{"是", "无锡市梁溪区", true, "无锡市梁溪区", false, false},
		{"否", "暂未外出", false, "", false, false},
		{"否", "在家", false, "", false, false},
		{"否", "无（在本地）", false, "", false, false},
		{"否", "不详", false, "", false, false},
		{"否", "留守", false, "", false, false},
		{"否", "在本地工作", false, "", false, false},
		{"否", "无锡市", false, "", true, false},
		{"", "去向不明", false, "", false, true},
		{"", "本溪市", true, "本溪市", false, true},
		{"", "在本溪工作", true, "在本溪工作", false, true},
		{"", "当涂县", true, "当涂县", false, true},
		// s8-7 recheck #13: a stay word followed by where the member went
		{"", "本市以外", true, "本市以外", false, true},
		{"", "本村外出（广州）", true, "本村外出（广州）", false, true},
		{"", "无（已去深圳）", true, "无（已去深圳）", false, true},
		{"", "本单位派驻北京", true, "本单位派驻北京", false, true},
		{"", "在家乡以外", true, "在家乡以外", false, true},
		{"", "本村未外出", false, "", false, false},
		// atk9 #1, #3: what brackets or an arrow hold; having come back
		{"", "本村→广州", true, "本村→广州", false, true},
		{"", "无(在深圳)", true, "无(在深圳)", false, true},
		{"", "在家（深圳）", true, "在家（深圳）", false, true},
		{"否", "已返乡", false, "", false, false},
		{"否", "已回本村", false, "", false, false},
	}
	rows := [][]any{{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "是否流动党员", "外出流向"}}
	for i, x := range cases {
		var yes any
		if x.yes != "" {
			yes = x.yes
		}
		rows = append(rows, []any{"流" + string(rune('甲'+i)), idNumber("19800101", fmt.Sprintf("%03d", 11+2*i)), "2008.06", "2009.06", yes, x.dest})
	}
	rf := read(t, roster(t, rows))
	for i, x := range cases {
		n := i + 2
		got := rejections(rf, n)
		if x.refused != (len(got) > 0) {
			t.Errorf("%s|%s: refused %v", x.yes, x.dest, got)
			continue
		}
		if x.refused {
			continue
		}
		m := member(t, rf, n)
		if m.Mobile != x.mobile || m.MobileDestination != x.dest2 {
			t.Errorf("%s|%s: mobile %v %q", x.yes, x.dest, m.Mobile, m.MobileDestination)
		}
		noted := false
		for _, note := range rf.Notes {
			noted = noted || note.Row == n
		}
		if noted != x.noted {
			t.Errorf("%s|%s: noted %v", x.yes, x.dest, noted)
		}
	}
	if got := rejections(rf, 2)[model.FieldMobileDestination]; got != "是否流动党员为“是”，外出流向“无”不是地点：请填写外出的地方后再导入" {
		t.Errorf("是|无: %q", got)
	}
}

// Of two columns for one field, a blank cell beside a filled one is no
// disagreement: the value given is read (review s8-7 recheck #6).
func TestBlankBesideFilledColumn(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"政治面貌", "姓名", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期", "性别（男/女）", "性别"},
		{nil, "面甲", idNumber("19800101", "011"), "预备党员", "2026.06", nil, nil, "男"},
		{"中共党员", "面乙", idNumber("19810101", "011"), nil, "2008.06", "2009.06", "男", nil},
		{"中共预备党员", "面丙", idNumber("19820101", "011"), nil, "2026.06", nil, nil, nil}}))
	if len(rf.Rejected) != 0 || len(rf.Members) != 3 {
		t.Fatalf("members %d rejected %+v", len(rf.Members), rf.Rejected)
	}
	if a, b, c := member(t, rf, 2), member(t, rf, 3), member(t, rf, 4); a.Category != model.CategoryProbationary ||
		b.Category != model.CategoryFull || c.Category != model.CategoryProbationary || a.Sex != model.SexMale || b.Sex != model.SexMale {
		t.Errorf("面甲 %+v 面乙 %+v 面丙 %+v", a, b, c)
	}
}

// A hidden column's value beside a blank visible cell is the stale copy:
// refused as two that differ, not stored (review s8-7 recheck #14).
func TestHiddenValueBesideABlank(t *testing.T) {
	data := workbook{sheets: []sheetSpec{{name: "名册", hiddenCols: []string{"E"}, rows: [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部", "所在党支部"},
		{"藏甲", idNumber("19800101", "011"), "2008.06", "2009.06", "原机关第一党支部", nil},
		{"藏乙", idNumber("19810101", "011"), "2008.06", "2009.06", nil, "第二党支部"}}}}}.bytes(t)
	rf := read(t, data)
	if got := rejections(rf, 2)[model.FieldBranchName]; !strings.HasPrefix(got, "有两列“所在党支部”") {
		t.Errorf("藏甲: %q (members %+v)", got, rf.Members)
	}
	if m := member(t, rf, 3); m.BranchName != "第二党支部" {
		t.Errorf("藏乙: %q", m.BranchName)
	}
}
