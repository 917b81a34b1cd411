package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// A date split into parts is one date whatever the parts' layout: 年 | 月 |
// 日 under one heading (the old paper forms' 出生 and 入党), written flat
// (入党时间（年） | （月） | （日）, 入党年份 | 入党月份), 月 before 年, and the
// flat parts of two dates interleaved. Each was read as a second column of
// the date and every member refused (“有两列…”, “只有年份”), or named as
// not imported (review s13-reattack #1–#3, s13-hx #4).
func TestDateSplitIntoPartsAnyLayout(t *testing.T) {
	id := idNumber("19800415", "311")
	cases := []struct {
		name              string
		rows              [][]any
		merges            [][2]string
		join, full, birth model.Date
		note              string
	}{
		{"入党时间 merged over 年 | 月 | 日",
			[][]any{
				{"序号", "姓名", "公民身份号码", "人员类别", "入党时间", nil, nil, "转正时间"},
				{nil, nil, nil, nil, "年", "月", "日", nil},
				{"1", "甲一", id, "正式党员", "2003", "10", "15", "2004.10"},
			},
			[][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "D2"}, {"E1", "G1"}, {"H1", "H2"}},
			model.NewDate(2003, 10, 15), model.MonthDate(2004, 10), model.NewDate(1980, 4, 15),
			"E列（年）、F列（月）、G列（日）是“入党时间”下的年、月、日三列：合为一个加入党组织日期导入（日为空的到月）"},
		{"年 | 月 | 日 with the day left blank: to the month",
			[][]any{
				{"序号", "姓名", "公民身份号码", "人员类别", "入党时间", nil, nil, "转正时间"},
				{nil, nil, nil, nil, "年", "月", "日", nil},
				{"1", "甲一", id, "正式党员", "2003", "10", nil, "2004.10"},
			},
			[][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "D2"}, {"E1", "G1"}, {"H1", "H2"}},
			model.MonthDate(2003, 10), model.MonthDate(2004, 10), model.NewDate(1980, 4, 15), ""},
		{"flat 入党时间（年） | （月） | （日）",
			[][]any{
				{"序号", "姓名", "公民身份号码", "人员类别", "入党时间（年）", "入党时间（月）", "入党时间（日）", "转正时间"},
				{"1", "甲一", id, "正式党员", "2003", "10", "15", "2004.10"},
			}, nil,
			model.NewDate(2003, 10, 15), model.MonthDate(2004, 10), model.NewDate(1980, 4, 15),
			"E列（年）、F列（月）、G列（日）是“入党时间”下的年、月、日三列"},
		{"出生 merged over 年 | 月 | 日",
			[][]any{
				{"序号", "姓名", "公民身份号码", "出生", nil, nil, "人员类别", "入党时间", "转正时间"},
				{nil, nil, nil, "年", "月", "日", nil, nil, nil},
				{"1", "甲一", id, "1980", "4", "15", "正式党员", "2003.10", "2004.10"},
			},
			[][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "F1"}, {"G1", "G2"}, {"H1", "H2"}, {"I1", "I2"}},
			model.MonthDate(2003, 10), model.MonthDate(2004, 10), model.NewDate(1980, 4, 15),
			"D列（年）、E列（月）、F列（日）是“出生”下的年、月、日三列：合为一个出生日期导入"},
		{"月 | 年 under 入党时间",
			[][]any{
				{"序号", "姓名", "公民身份号码", "人员类别", "入党时间", nil, "转正时间"},
				{nil, nil, nil, nil, "月", "年", nil},
				{"1", "甲五", id, "正式党员", "10", "2003", "2004.10"},
			},
			[][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "D2"}, {"E1", "F1"}, {"G1", "G2"}},
			model.MonthDate(2003, 10), model.MonthDate(2004, 10), model.NewDate(1980, 4, 15),
			"E列（月）和F列（年）是“入党时间”下的年、月两列：合为一个加入党组织日期（到月）导入"},
		{"入党时间 merged over 日 | 月 | 年 (the day first, as 15/6/2008 is written)",
			[][]any{
				{"序号", "姓名", "公民身份号码", "人员类别", "入党时间", nil, nil, "转正时间"},
				{nil, nil, nil, nil, "日", "月", "年", nil},
				{"1", "甲一", id, "正式党员", "15", "10", "2003", "2004.10"},
			},
			[][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "D2"}, {"E1", "G1"}, {"H1", "H2"}},
			model.NewDate(2003, 10, 15), model.MonthDate(2004, 10), model.NewDate(1980, 4, 15),
			"G列（年）、F列（月）、E列（日）是“入党时间”下的年、月、日三列：合为一个加入党组织日期导入"},
		{"出生日期 merged over 月 | 日 | 年",
			[][]any{
				{"序号", "姓名", "公民身份号码", "出生日期", nil, nil, "人员类别", "入党时间", "转正时间"},
				{nil, nil, nil, "月", "日", "年", nil, nil, nil},
				{"1", "甲一", id, "4", "15", "1980", "正式党员", "2003.10", "2004.10"},
			},
			[][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "F1"}, {"G1", "G2"}, {"H1", "H2"}, {"I1", "I2"}},
			model.MonthDate(2003, 10), model.MonthDate(2004, 10), model.NewDate(1980, 4, 15),
			"F列（年）、D列（月）、E列（日）是“出生日期”下的年、月、日三列：合为一个出生日期导入"},
		{"出生日期 merged over 年 | 日 | 月",
			[][]any{
				{"序号", "姓名", "公民身份号码", "出生日期", nil, nil, "人员类别", "入党时间", "转正时间"},
				{nil, nil, nil, "年", "日", "月", nil, nil, nil},
				{"1", "甲一", id, "1980", "15", "4", "正式党员", "2003.10", "2004.10"},
			},
			[][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "F1"}, {"G1", "G2"}, {"H1", "H2"}, {"I1", "I2"}},
			model.MonthDate(2003, 10), model.MonthDate(2004, 10), model.NewDate(1980, 4, 15),
			"D列（年）、F列（月）、E列（日）是“出生日期”下的年、月、日三列"},
		{"flat 入党时间（日） | （月） | （年）",
			[][]any{
				{"序号", "姓名", "公民身份号码", "人员类别", "入党时间（日）", "入党时间（月）", "入党时间（年）", "转正时间"},
				{"1", "甲一", id, "正式党员", "15", "10", "2003", "2004.10"},
			}, nil,
			model.NewDate(2003, 10, 15), model.MonthDate(2004, 10), model.NewDate(1980, 4, 15),
			"G列（年）、F列（月）、E列（日）是“入党时间”下的年、月、日三列"},
		{"入党年份 | 入党月份 | 转正年份 | 转正月份",
			[][]any{
				{"序号", "姓名", "公民身份号码", "人员类别", "入党年份", "入党月份", "转正年份", "转正月份"},
				{"1", "甲五", id, "正式党员", "2003", "10", "2004", "11"},
			}, nil,
			model.MonthDate(2003, 10), model.MonthDate(2004, 11), model.NewDate(1980, 4, 15),
			"G列和H列是“转正”下的年、月两列：合为一个转为正式党员日期（到月）导入"},
		{"入党年 | 入党月 | 转正年 | 转正月 (review s14-reattack7 #4)",
			[][]any{
				{"序号", "姓名", "公民身份号码", "人员类别", "入党年", "入党月", "转正年", "转正月"},
				{"1", "甲五", id, "正式党员", "2003", "10", "2004", "11"},
			}, nil,
			model.MonthDate(2003, 10), model.MonthDate(2004, 11), model.NewDate(1980, 4, 15),
			"G列和H列是“转正”下的年、月两列：合为一个转为正式党员日期（到月）导入"},
		{"interleaved 入党时间（年） | 转正时间（年） | 入党时间（月） | 转正时间（月）",
			[][]any{
				{"序号", "姓名", "公民身份号码", "人员类别", "入党时间（年）", "转正时间（年）", "入党时间（月）", "转正时间（月）"},
				{"1", "甲五", id, "正式党员", "2003", "2004", "10", "11"},
			}, nil,
			model.MonthDate(2003, 10), model.MonthDate(2004, 11), model.NewDate(1980, 4, 15),
			"E列和G列是“入党时间”下的年、月两列"},
		{"flat, 月 before 年",
			[][]any{
				{"序号", "姓名", "公民身份号码", "人员类别", "入党时间（月）", "入党时间（年）", "转正时间（月）", "转正时间（年）"},
				{"1", "甲五", id, "正式党员", "10", "2003", "11", "2004"},
			}, nil,
			model.MonthDate(2003, 10), model.MonthDate(2004, 11), model.NewDate(1980, 4, 15),
			"G列（月）和H列（年）是“转正时间”下的年、月两列"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rf := read(t, roster(t, tc.rows, tc.merges...))
			if len(rf.Rejected) != 0 || len(rf.Members) != 1 {
				t.Fatalf("members %+v rejected %v", rf.Members, refusals(rf))
			}
			if ig := rf.Sheets[0].Ignored; len(ig) != 0 {
				t.Errorf("columns not imported %v, want none", ig)
			}
			m := rf.Members[0].Member
			if m.JoinDate != tc.join || m.FullDate != tc.full || m.BirthDate != tc.birth || m.Category != model.CategoryFull {
				t.Errorf("stored 加入 %v 转正 %v 出生 %v %s; want %v %v %v 正式党员", m.JoinDate, m.FullDate, m.BirthDate, m.Category, tc.join, tc.full, tc.birth)
			}
			if !strings.Contains(notesOf(rf), tc.note) {
				t.Errorf("notes:\n%s\nwant %q", notesOf(rf), tc.note)
			}
		})
	}
}

// A split date refused for one of its parts names every cell, and the
// workbook of refused rows marks the faulty one: the 月 13, not the 年
// beside it (review s13-reattack #13); a day the month lacks marks the 日.
func TestSplitDateRefusalMarksTheFaultyPart(t *testing.T) {
	id := idNumber("19800415", "311")
	head := [][]any{
		{"序号", "姓名", "公民身份号码", "人员类别", "入党时间", nil, nil, "转正时间"},
		{nil, nil, nil, nil, "年", "月", "日", nil},
	}
	merges := [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "D2"}, {"E1", "G1"}, {"H1", "H2"}}
	cases := []struct {
		name          string
		row           []any
		refusal       string
		marked, plain []string
	}{
		{"月 13", []any{"1", "甲一", id, "正式党员", "2003", "13", nil, "2004.10"},
			"“入党时间”分成了年、月、日三列：E3（年）为“2003”，F3（月）为“13”，G3（日）为空，月份应为 1 到 12 的数字；请改正后再导入",
			[]string{"F3"}, []string{"E3", "G3"}},
		{"年 missing", []any{"1", "甲一", id, "正式党员", nil, "10", "15", "2004.10"},
			"E3（年）为空，F3（月）为“10”，G3（日）为“15”，缺少年份",
			[]string{"E3"}, []string{"F3", "G3"}},
		{"2月30日", []any{"1", "甲一", id, "正式党员", "2003", "2", "30", "2004.10"},
			"日应为 1 到 28 的数字",
			[]string{"G3"}, []string{"E3", "F3"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data := roster(t, append(head, tc.row), merges...)
			rf := read(t, data)
			if got := rejections(rf, 3)[model.FieldJoinDate]; !strings.Contains(got, tc.refusal) {
				t.Fatalf("refusal %q, want %q", got, tc.refusal)
			}
			var out bytes.Buffer
			if _, err := WriteRejectedRows(&out, data, rf.Rejected, nil); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			red := func(ref string) bool {
				idx, _ := f.GetCellStyle("名册", ref)
				st, _ := f.GetStyle(idx)
				return st != nil && len(st.Fill.Color) > 0 && st.Fill.Color[0] == rejectedFill.Color[0]
			}
			for _, ref := range tc.marked {
				if !red(ref) {
					t.Errorf("%s (the faulty part) not marked", ref)
				}
			}
			for _, ref := range tc.plain {
				if red(ref) {
					t.Errorf("%s (a part in order) marked", ref)
				}
			}
			if got := rejections(read(t, out.Bytes()), 3)[model.FieldJoinDate]; !strings.Contains(got, tc.refusal) {
				t.Errorf("the copy read back: %q, want the same refusal", got)
			}
		})
	}
}

// A unit or note line inside the heading block — between 入党时间 and its
// 预备 | 转正, merged over both, written in each, or on a hidden row — is
// heading text: 预备 was left unread and every member refused for the
// date they filled in (review s13-reattack #14).
func TestNoteLineBetweenGroupAndSubHeadings(t *testing.T) {
	id := idNumber("19800415", "311")
	cases := []struct {
		name   string
		note   [2]any
		merges [][2]string
		hide   bool
	}{
		{"（年.月） merged over both", [2]any{"（年.月）", nil}, [][2]string{{"E2", "F2"}}, false},
		{"（年月） in each cell", [2]any{"（年月）", "（年月）"}, nil, false},
		{"（年月） on a hidden row", [2]any{"（年月）", "（年月）"}, nil, true},
		{"another note in brackets", [2]any{"（内部编码）", "（内部编码）"}, nil, false},
		{"填到月 merged over both", [2]any{"填到月", nil}, [][2]string{{"E2", "F2"}}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows := [][]any{
				{"序号", "姓名", "公民身份号码", "人员类别", "入党时间", nil},
				{nil, nil, nil, nil, tc.note[0], tc.note[1]},
				{nil, nil, nil, nil, "预备", "转正"},
				{"1", "层四", id, "正式党员", "2003.05", "2004.05"},
			}
			merges := append([][2]string{{"A1", "A3"}, {"B1", "B3"}, {"C1", "C3"}, {"D1", "D3"}, {"E1", "F1"}}, tc.merges...)
			wb := workbook{sheets: []sheetSpec{{name: "名册", rows: rows, merges: merges}}}
			if tc.hide {
				wb.opts = func(f *excelize.File) { _ = f.SetRowVisible("名册", 2, false) }
			}
			rf := read(t, wb.bytes(t))
			if len(rf.Rejected) != 0 || len(rf.Members) != 1 {
				t.Fatalf("members %+v rejected %v", rf.Members, refusals(rf))
			}
			if ig := rf.Sheets[0].Ignored; len(ig) != 0 {
				t.Errorf("columns not imported %v, want none", ig)
			}
			m := rf.Members[0].Member
			if m.JoinDate != model.MonthDate(2003, 5) || m.FullDate != model.MonthDate(2004, 5) {
				t.Errorf("stored 加入 %v 转正 %v, want 2003-05 2004-05", m.JoinDate, m.FullDate)
			}
		})
	}
}

// Sub-headings in brackets as the lowest row under a group — 入党时间 over
// （预备） | （转正） — are the sub-headings, not notes to skip: skipped,
// both columns were 入党时间 and every member refused (a note line is
// skipped only with sub-headings still below it).
func TestBracketedSubHeadingsUnderGroup(t *testing.T) {
	id := idNumber("19800415", "311")
	rf := read(t, roster(t, [][]any{
		{"序号", "姓名", "公民身份号码", "人员类别", "入党时间", nil},
		{nil, nil, nil, nil, "（预备）", "（转正）"},
		{"1", "层四", id, "正式党员", "2003.05", "2004.05"},
	}, [2]string{"A1", "A2"}, [2]string{"B1", "B2"}, [2]string{"C1", "C2"}, [2]string{"D1", "D2"}, [2]string{"E1", "F1"}))
	if len(rf.Rejected) != 0 || len(rf.Members) != 1 {
		t.Fatalf("members %+v rejected %v", rf.Members, refusals(rf))
	}
	if m := rf.Members[0].Member; m.JoinDate != model.MonthDate(2003, 5) || m.FullDate != model.MonthDate(2004, 5) {
		t.Errorf("stored 加入 %v 转正 %v, want 2003-05 2004-05", m.JoinDate, m.FullDate)
	}
}
