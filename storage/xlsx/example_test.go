package xlsx

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"branchledger/model"
)

// A template's example row never becomes a member, and is never dropped
// without a word: it is refused, naming what marks it, so the user deletes
// it (or, for a real member, the word). Real members whose other cells
// read 样例 or 示范, or who are really named 张三, are read as members
// (review s6-7 attack #17, s6-7-late #1–#3, #9).
func TestTemplateExampleRowsAreRefused(t *testing.T) {
	sample := idNumber("19900307", "001")
	real1, real2 := idNumber("19800101", "011"), idNumber("19810202", "031")
	heads := []any{"序号", "姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"}
	refused := []struct {
		name, says string
		rows       [][]any
	}{
		{"示例 in 序号", "序号为“示例”", [][]any{heads,
			{"示例", "张三", sample, "2015.06", "2016.06", "第一党支部"},
			{"1", "辛一", real1, "2008.06", "2009.06", "第一党支部"}}},
		{"（例） in 序号", "序号为“（例）”", [][]any{heads,
			{"（例）", "李四", sample, "2015.06", "2016.06", "第一党支部"},
			{"1", "辛一", real1, "2008.06", "2009.06", "第一党支部"}}},
		{"填写示例： in a first column without heading", "序号为“填写示例：”", [][]any{
			{nil, "姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"},
			{"填写示例：", "王某", sample, "2015.06", "2016.06", "第一党支部"},
			{nil, "辛一", real1, "2008.06", "2009.06", "第一党支部"}}},
		{"张三 of XX党支部, 序号 1", "姓名“张三”、所在党支部“XX党支部”", [][]any{heads,
			{"1", "张三", sample, "2015.06", "2016.06", "XX党支部"},
			{"2", "辛一", real1, "2008.06", "2009.06", "第一党支部"}}},
		// review s7-7 attack #3
		{"示例1 in 序号", "序号为“示例1”", [][]any{heads,
			{"示例1", "李四", sample, "2015.06", "2016.06", "第一党支部"},
			{"1", "辛一", real1, "2008.06", "2009.06", "第一党支部"}}},
		{"例一 in 序号", "序号为“例一”", [][]any{heads,
			{"例一", "王五", sample, "2015.06", "2016.06", "第一党支部"},
			{"1", "辛一", real1, "2008.06", "2009.06", "第一党支部"}}},
		{"张三（示例）", "姓名为“张三（示例）”", [][]any{heads,
			{nil, "张三（示例）", sample, "2015.06", "2016.06", "第一党支部"},
			{"1", "辛一", real1, "2008.06", "2009.06", "第一党支部"}}},
		{"备注 此行为填写示例", "单元格写着“此行为填写示例，导入前请删除”", [][]any{append(heads, "备注"),
			{"1", "张三", sample, "2015.06", "2016.06", nil, "此行为填写示例，导入前请删除"},
			{"2", "辛一", real1, "2008.06", "2009.06", "第一党支部"}}},
	}
	for _, c := range refused {
		rf := read(t, roster(t, c.rows))
		if len(rf.Members) != 1 || rf.Members[0].Member.IDNumber != real1 {
			t.Errorf("%s: members %+v", c.name, rf.Members)
		}
		if len(rf.Rejected) != 1 || rf.Rejected[0].Row != 2 || !strings.Contains(rf.Rejected[0].Reason, "像是表格模板的填写示例（"+c.says+"）") {
			t.Errorf("%s: rejected %+v", c.name, rf.Rejected)
		}
	}

	// Each of s6-7-late #1–#3, and s7-7 attack #25: a member.
	members := []struct {
		name string
		rows [][]any
	}{
		{"words that merely hold 示例行 / 导入前请删除", [][]any{append(heads, "工作岗位", "备注"),
			{"1", "丁甲", real1, "2008.06", "2009.06", "第一党支部", "示例行业协会秘书长", "按填写示例，已核对"},
			{"2", "丁丙", real2, "2008.06", "2009.06", "第一党支部", nil, "导入前请删除重复的电话"}}},
		{"备注 样例", [][]any{{"序号", "姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部", "党小组", "备注"},
			{"1", "李例", real1, "2008.06", "2009.06", "第一党支部", nil, "样例"}}},
		{"a real 张三 in 党小组 示范", [][]any{{"序号", "姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部", "党小组"},
			{"1", "张三", real1, "2010.06", "2011.06", "第一党支部", "示范"}}},
		{"first column 党小组 示范 / 样本", [][]any{{"党小组", "姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"},
			{"示范", "王一", real1, "2008.06", "2009.06", "第一党支部"},
			{"样本", "王二", real2, "2008.06", "2009.06", "第一党支部"}}},
		{"a branch named 示例", [][]any{heads, {"1", "辛一", real1, "2008.06", "2009.06", "示例"}}},
	}
	for _, c := range members {
		rf := read(t, roster(t, c.rows))
		if len(rf.Members) != len(c.rows)-1 || len(rf.Rejected) != 0 {
			t.Errorf("%s: members %+v rejected %+v", c.name, rf.Members, rf.Rejected)
		}
	}

	// The bases import refuses it alike; a 备注 样例 is a base.
	bf, err := basesFileFor(t, [][]any{{"序号", "姓名", "身份证号码", "计算基数", "备注"},
		{"示例", "张三", sample, 5000}, {"1", "乙一", real1, 5400, "样例"}, {"2", "范例", real2, 5500}}, 2026)
	if err != nil || len(bf.Rows) != 2 || bf.Rows[0].Name != "乙一" || bf.Rows[1].Name != "范例" || len(bf.Rejected) != 1 ||
		bf.Rejected[0].Row != 2 || !strings.Contains(bf.Rejected[0].Reason, "像是表格模板的填写示例（序号为“示例”）") {
		t.Errorf("bases: %+v %v", bf, err)
	}
}

// A template's 填写示例 or 填写说明 sheet is marked (the preview leaves it
// out unless ticked) in the roster import, and not read by the bases
// import unless named, with a note; alone, the bases import says why it
// found nothing (review s6-7-late #8, #9).
func TestTemplateExampleSheets(t *testing.T) {
	sample := idNumber("19900307", "001")
	real1 := idNumber("19800101", "011")
	rf := read(t, workbook{sheets: []sheetSpec{
		{name: "填写示例", rows: [][]any{{"序号", "姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"},
			{"1", "张三", sample, "2015.06", "2016.06", "第一党支部"}}},
		{name: "党员", rows: [][]any{{"序号", "姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"},
			{"1", "乙一", real1, "2008.06", "2009.06", "第一党支部"}}},
	}}.bytes(t))
	if len(rf.Sheets) != 2 || !rf.Sheets[0].Example || rf.Sheets[1].Example {
		t.Errorf("roster sheets: %+v", rf.Sheets)
	}
	for _, n := range []string{"填写示例", "（填写说明）", "示例", "说明", " 填表 说明 ", "填写示例（请勿删除）", "填写说明及示例", "示例 (2)"} {
		if !ExampleSheetName(n) {
			t.Errorf("%q: not an example sheet", n)
		}
	}
	for _, n := range []string{"第一党支部", "示例党支部", "说明党员情况", "Sheet1", "样表", "第一党支部 (2)"} {
		if ExampleSheetName(n) {
			t.Errorf("%q: taken for an example sheet", n)
		}
	}

	bases := func(sheets ...sheetSpec) string {
		path := filepath.Join(t.TempDir(), "基数.xlsx")
		if err := os.WriteFile(path, workbook{sheets: sheets}.bytes(t), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	example := sheetSpec{name: "填写示例", rows: [][]any{{"姓名", "身份证号码", "计算基数"}, {"张三", sample, numberCell("5000")}}}
	real := sheetSpec{name: "基数", rows: [][]any{{"姓名", "身份证号码", "计算基数"}, {"乙一", real1, numberCell("5400")}}}
	path := bases(example, real)
	bf, err := ReadDuesBasesSheets(path, 2026, nil)
	if err != nil || !slices.Equal(bf.Sheets, []string{"基数"}) || len(bf.Rows) != 1 || len(bf.Rejected) != 0 || len(bf.Notes) != 1 ||
		!strings.Contains(bf.Notes[0].Message, "工作表“填写示例”看来是表格模板的填写示例或说明，未导入") {
		t.Errorf("bases: %+v %v", bf, err)
	}
	// Named, it is read.
	bf, err = ReadDuesBasesSheets(path, 2026, []string{"填写示例"})
	if err != nil || len(bf.Rows)+len(bf.Rejected) != 1 {
		t.Errorf("bases --sheet 填写示例: %+v %v", bf, err)
	}
	// Alone, the file is refused saying why.
	_, err = ReadDuesBasesSheets(bases(example), 2026, nil)
	if err == nil || !strings.Contains(err.Error(), "工作表“填写示例”看来是表格模板的填写示例或说明，没有读取") {
		t.Errorf("bases, the example sheet alone: %v", err)
	}
}

// --sheet names a sheet as Excel does, case aside, in the bases import as
// in the roster's; a name that is no sheet is refused listing the sheets
// (review s6-final attack #2, #3).
func TestSheetNamedAsExcelNamesIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "基数.xlsx")
	data := workbook{sheets: []sheetSpec{
		{name: "Jan", rows: [][]any{{"姓名", "身份证号码", "计算基数"}, {"乙一", idNumber("19800101", "011"), numberCell("5400")}}},
		{name: "说明", rows: [][]any{{"本表由组织部下发"}}},
	}}.bytes(t)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	bf, err := ReadDuesBasesSheets(path, 2026, []string{"JAN", " jan"})
	if err != nil || !slices.Equal(bf.Sheets, []string{"Jan"}) || len(bf.Rows) != 1 {
		t.Errorf("--sheet JAN: %+v %v", bf, err)
	}
	_, err = ReadDuesBasesSheets(path, 2026, []string{" 不存在"})
	if err == nil || err.Error() != "没有名为“ 不存在”的工作表；文件中的工作表：Jan、说明" {
		t.Errorf("--sheet 不存在: %v", err)
	}
	rf, err := ReadRoster(strings.NewReader(string(roster(t, [][]any{{"姓名", "公民身份号码"}}))), ReadOptions{Sheets: []string{"不存在"}})
	if !errors.Is(err, ErrNoSheet) || rf != nil {
		t.Errorf("roster: %v", err)
	}
}

// 同上 and ditto marks are refused naming row and field, never stored as a
// 民族 or 备注 (review s7-7 attack #1); in 所在党支部 they take the branch
// of the row above (TestBranchDittoTakesTheRowAbove).
func TestDittoMarksAreRefused(t *testing.T) {
	ids := []string{idNumber("19800101", "011"), idNumber("19810202", "031"), idNumber("19820303", "051"), idNumber("19830404", "071")}
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "民族", "所在党支部", "备注"},
		{"甲一", ids[0], "2008.06", "2009.06", "汉族", "第一党支部", "无"},
		{"甲二", ids[1], "2008.06", "2009.06", "〃", "同 上", nil},
		{"甲三", ids[2], "2008.06", "2009.06", "汉族", "”", nil},
		{"甲四", ids[3], "2008.06", "2009.06", "汉族", "第一党支部", "同上"}}))
	if len(rf.Members) != 2 || rf.Members[0].Member.Name != "甲一" || rf.Members[1].Member.Name != "甲三" || rf.Members[1].Member.BranchName != "第一党支部" {
		t.Errorf("members %+v", rf.Members)
	}
	for n, fields := range map[int][]string{3: {"民族"}, 5: {"备注"}} {
		got := rejections(rf, n)
		if len(got) != len(fields) {
			t.Errorf("row %d: %v", n, got)
		}
		for f, why := range got {
			if !slices.Contains(fields, f.Label()) || !strings.HasPrefix(why, "是“同上”的记号") {
				t.Errorf("row %d: %s: %s", n, f.Label(), why)
			}
		}
	}
}

// A "none" mark (—, /, 无, N/A, 0 …) in 所在党支部 or 民族 is refused, not
// stored as a branch (review s7-7 attack #24).
func TestNoneMarksInBranchAndEthnicity(t *testing.T) {
	marks := []string{"—", "/", "-", "无", "暂无", "空", "N/A", "——", "0",
		// s8-7 attack #2: the whole kind, not a list of dashes
		"–", "‐", "−", "﹣", "……", "\\", "＼", "00", "未知", "不详", "待定", "none", "（无）", "【—】", "无。", "不清楚", "暂缺", "不知道"}
	rows := [][]any{{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部", "民族"}}
	for i, m := range marks {
		rows = append(rows, []any{"丁" + m, idNumber("19800101", fmt.Sprintf("%03d", 11+2*i)), "2008.06", "2009.06", m, "汉族"})
	}
	rows = append(rows, []any{"丁戊", idNumber("19810101", "011"), "2008.06", "2009.06", "第一党支部", "无"})
	rf := read(t, roster(t, rows))
	if len(rf.Members) != 0 || len(rf.RejectedRows()) != len(marks)+1 {
		t.Errorf("members %+v rejected %+v", rf.Members, rf.Rejected)
	}
	if got := rejections(rf, 2)[model.FieldBranchName]; got != "是表示“无”的记号，不是所在党支部；不清楚时请留空，否则请填写实际内容后再导入" {
		t.Errorf("row 2: %q", got)
	}
}

// Every ditto mark is one, whatever quote was typed for it and in
// brackets or not (review s8-7 attack #1): refused in 民族, in 所在党支部
// the branch of the row above; a value that only holds such a character,
// or says 同上 inside a longer text, is kept.
func TestDittoMarksOfEveryKind(t *testing.T) {
	marks := []string{"＂", "（同上）", "(同上)", "【同上】", "同上行", "同上栏", "ditto", "do.", "〞〟", "‘’", "″", "同 上 。",
		"如上", "见上", "上同", "同上一行", "（如上）", "上"}
	rows := [][]any{{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部", "民族"},
		{"丙甲", idNumber("19790101", "011"), "2008.06", "2009.06", "第二党支部", "汉族"}}
	for i, m := range marks {
		rows = append(rows, []any{"丁" + string(rune('甲'+i)), idNumber("19800101", fmt.Sprintf("%03d", 11+2*i)), "2008.06", "2009.06", m, "汉族"},
			[]any{"己" + string(rune('甲'+i)), idNumber("19820101", fmt.Sprintf("%03d", 11+2*i)), "2008.06", "2009.06", "第二党支部", m})
	}
	kept := []string{"同上海第一党支部", "“新时代”党支部"}
	for i, b := range kept {
		rows = append(rows, []any{"戊" + string(rune('甲'+i)), idNumber("19810101", fmt.Sprintf("%03d", 11+2*i)), "2008.06", "2009.06", b, "汉族"})
	}
	rf := read(t, roster(t, rows))
	for i, m := range marks {
		if b := member(t, rf, 2*i+3).BranchName; b != "第二党支部" {
			t.Errorf("%q in 所在党支部: %q", m, b)
		}
		if got := rejections(rf, 2*i+4)[model.FieldEthnicity]; !strings.HasPrefix(got, "是“同上”的记号") {
			t.Errorf("%q in 民族: %q", m, got)
		}
	}
	if got := member(t, rf, 2*len(marks)+3).BranchName; got != kept[0] {
		t.Errorf("branch %q", got)
	}
	if got := member(t, rf, 2*len(marks)+4).BranchName; got != kept[1] {
		t.Errorf("branch %q", got)
	}
}

// A TRUE/FALSE cell is refused in a text or date field, never stored as
// the name "TRUE" (review s8-7 attack #10).
func TestBooleanCellIsNoName(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"},
		{"丁甲", idNumber("19800101", "011"), "2008.06", "2009.06", "第一党支部"},
		{true, idNumber("19810101", "011"), "2008.06", "2009.06", "第一党支部"},
	}))
	if len(rf.Members) != 1 || rf.Members[0].Member.Name != "丁甲" {
		t.Errorf("members %+v", rf.Members)
	}
	if got := rejections(rf, 3)[model.FieldName]; got != "单元格是逻辑值 TRUE（是/否），不是姓名" {
		t.Errorf("row 3: %q", got)
	}
}

// 以下空白 and a row of places to sign under the table are footer lines,
// not members asked for an ID (review s7-7 attack #17).
func TestSignatureAndBlankFooters(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"},
		{"丁甲", idNumber("19800101", "011"), "2008.06", "2009.06", "第一党支部"},
		{"丁乙", idNumber("19810101", "011"), "2008.06", "2009.06", "第一党支部"},
		{},
		{"支部书记签字：", nil, nil, "单位（盖章）"},
		{"以下空白"},
	}))
	if len(rf.Members) != 2 || len(rf.Rejected) != 0 {
		t.Errorf("members %d rejected %+v", len(rf.Members), rf.Rejected)
	}
}
