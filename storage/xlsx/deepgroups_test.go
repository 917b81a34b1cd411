package xlsx

import (
	"errors"
	"strings"
	"testing"

	"branchledger/model"
)

// A heading block of three or four rows — 党员信息 over 基本信息 / 党内信息
// over 入党时间 over 预备 / 转正, or a note row （年月） under 预备 / 转正 with
// 姓名 merged down beside them — maps its sub-headings to their fields as
// a block of two does: the workbook was refused as having no 姓名 and
// 公民身份号码 (review s13-attack #1).
func TestHeadingBlocksOfAnyDepth(t *testing.T) {
	idA, idB := idNumber("19800415", "311"), idNumber("19850515", "322")
	type want struct {
		first, rows, dataRow int
	}
	cases := []struct {
		name   string
		rows   [][]any
		merges [][2]string
		want   want
	}{
		{"four rows: 党员信息 / 基本信息 | 党内信息 / 入党时间 / 预备 | 转正",
			[][]any{
				{"序号", "党员信息"},
				{nil, "基本信息", nil, nil, "党内信息"},
				{nil, "姓名", "性别", "公民身份号码", "入党时间", nil, "人员类别"},
				{nil, nil, nil, nil, "预备", "转正", nil},
				{"1", "己四", "男", idA, "2003.05", "2004.05", "正式党员"},
				{"2", "己五", "女", idB, "2026.03", nil, "预备党员"},
			},
			[][2]string{{"A1", "A4"}, {"B1", "G1"}, {"B2", "D2"}, {"E2", "G2"}, {"E3", "F3"}, {"B3", "B4"}, {"C3", "C4"}, {"D3", "D4"}, {"G3", "G4"}},
			want{1, 4, 5}},
		{"three rows: 姓名 merged down beside 入党时间 / 预备 | 转正 / （年月）",
			[][]any{
				{"序号", "姓名", "性别", "公民身份号码", "入党时间", nil, "人员类别"},
				{nil, nil, nil, nil, "预备", "转正", nil},
				{nil, nil, nil, nil, "(年月)", "(年月)", nil},
				{"1", "己四", "男", idA, "2003.05", "2004.05", "正式党员"},
				{"2", "己五", "女", idB, "2026.03", nil, "预备党员"},
			},
			[][2]string{{"A1", "A3"}, {"B1", "B3"}, {"C1", "C3"}, {"D1", "D3"}, {"G1", "G3"}, {"E1", "F1"}},
			want{1, 3, 4}},
		{"five rows under a title: 花名册 / 党员信息 / 基本信息 | 党内信息 / 入党时间 / 预备 | 转正 / （必填） hints",
			[][]any{
				{"第一党支部党员花名册"},
				{"序号", "党员信息"},
				{nil, "基本信息", nil, nil, "党内信息"},
				{nil, "姓名", "性别", "公民身份号码", "入党时间", nil, "人员类别"},
				{nil, nil, nil, nil, "预备", "转正", nil},
				{nil, "（必填）", "（必填）", "（18位）", "（年.月）", "（年.月）", "（必填）"},
				{"1", "己四", "男", idA, "2003.05", "2004.05", "正式党员"},
				{"2", "己五", "女", idB, "2026.03", nil, "预备党员"},
			},
			[][2]string{{"A1", "G1"}, {"A2", "A5"}, {"B2", "G2"}, {"B3", "D3"}, {"E3", "G3"}, {"E4", "F4"}, {"B4", "B5"}, {"C4", "C5"}, {"D4", "D5"}, {"G4", "G5"}},
			want{2, 5, 7}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rf := read(t, roster(t, tc.rows, tc.merges...))
			if len(rf.Sheets) != 1 || len(rf.Rejected) != 0 || len(rf.Members) != 2 {
				t.Fatalf("sheets %+v members %+v rejected %+v", rf.Sheets, rf.Members, rf.Rejected)
			}
			sh := rf.Sheets[0]
			if sh.HeaderRow != tc.want.first || sh.HeaderRows != tc.want.rows || len(sh.Ignored) != 0 {
				t.Errorf("header rows %d+%d, ignored %v; want %d+%d, none ignored", sh.HeaderRow, sh.HeaderRows, sh.Ignored, tc.want.first, tc.want.rows)
			}
			a, b := member(t, rf, tc.want.dataRow), member(t, rf, tc.want.dataRow+1)
			if a.Name != "己四" || a.IDNumber != idA || a.Sex != model.SexMale || a.JoinDate != model.MonthDate(2003, 5) ||
				a.FullDate != model.MonthDate(2004, 5) || a.Category != model.CategoryFull {
				t.Errorf("己四 stored as %+v", a)
			}
			if b.Name != "己五" || b.IDNumber != idB || b.Sex != model.SexFemale || b.JoinDate != model.MonthDate(2026, 3) ||
				!b.FullDate.IsZero() || b.Category != model.CategoryProbationary {
				t.Errorf("己五 stored as %+v", b)
			}
		})
	}
}

// Headings that are there but cannot be read as one block (a sub-heading
// under a heading of one column, not merged across nor centred over it)
// refuse the file saying where 姓名 and 公民身份号码 are and what is wrong,
// never that the two columns are missing (review s13-attack #1).
func TestUnreadableHeadingBlockSaysWhereTheHeadingsAre(t *testing.T) {
	data := roster(t, [][]any{
		{"姓名", "公民身份号码", "入党时间"},
		{nil, "性别", "民族"},
		{"己四", idNumber("19800415", "311"), "2003.05"},
	}, [2]string{"A1", "A2"})
	_, err := ReadRoster(strings.NewReader(string(data)), ReadOptions{Today: today})
	const want = "工作表“名册”第1行有“姓名”和“公民身份号码”，但没能读出这几行表头：某列标题下方还有文字，又不在合并的分组标题之下；请把表头整理为每列一个标题（分组标题合并在其下各列之上）后再导入"
	if !errors.Is(err, ErrNoHeader) || err == nil || err.Error() != want {
		t.Errorf("err %v\nwant %s", err, want)
	}
}
