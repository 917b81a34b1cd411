package xlsx

import (
	"strings"
	"testing"

	"branchledger/model"
)

// notesOf joins the notes of a roster file.
func notesOf(rf *RosterFile) string {
	var said []string
	for _, n := range rf.Notes {
		said = append(said, n.Message)
	}
	return strings.Join(said, "\n")
}

// What a sheet's section rows and blank 人员类别 cells leave to the
// importer is said, and a section row of 正式党员/预备党员 gives the blank
// cells under it their category also where the sheet has the column
// (review s7-7 attack #23: 丙子, 丙丑 filled from the dates without a
// word; 巳丙, listed under 一、正式党员, stored 预备党员), and a group of
// 流动党员 says its members are not recorded as mobile (#19).
func TestBlankCategoryAndGroupNotes(t *testing.T) {
	for _, tt := range []struct {
		name     string
		rows     [][]any
		merges   [][2]string
		note     string
		category map[int]model.Category // row → category stored
		refused  map[int]model.Field    // row → a field refused
	}{
		{"blank cells under the heading", [][]any{
			{"姓名", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期"},
			{"丙子", idNumber("19800101", "011"), "", "2008.06", "2009.06"},
			{"丙丑", idNumber("19800101", "031"), "", "2026.03", ""},
			{"丙寅", idNumber("19800101", "051"), "正式党员", "2008.06", "2009.06"},
		}, nil, "第2行、第3行的人员类别为空：有转为正式党员日期的记为正式党员", map[int]model.Category{2: model.CategoryFull, 4: model.CategoryFull}, nil},
		{"a section over blank cells", [][]any{
			{"姓名", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期"},
			{"一、正式党员"},
			{"巳丙", idNumber("19800101", "011"), "", "2026.03", ""},
			{"巳丁", idNumber("19800101", "031"), "", "2008.06", "2009.06"},
			{"二、预备党员"},
			{"巳戊", idNumber("19800101", "051"), "", "2026.03", ""},
			{"巳己", idNumber("19800101", "071"), "正式党员", "2008.06", "2009.06"},
		}, [][2]string{{"A2", "E2"}, {"A5", "E5"}}, "分组行“正式党员”：其下各行（到下一个分组行为止）人员类别为空的记为“正式党员”",
			map[int]model.Category{4: model.CategoryFull, 6: model.CategoryProbationary, 7: model.CategoryFull}, map[int]model.Field{3: model.FieldFullDate}},
		{"a group of mobile members", [][]any{
			{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期"},
			{"三、流动党员（1人）"},
			{"丑戊", idNumber("19800101", "011"), "2008.06", "2009.06"},
		}, [][2]string{{"A2", "D2"}}, "分组行“流动党员”：是分组的标题，不是党员，未导入；其下各行没有记为流动党员，请导入后在窗口中逐人登记", nil, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rf := read(t, roster(t, tt.rows, tt.merges...))
			if got := notesOf(rf); !strings.Contains(got, tt.note) {
				t.Errorf("notes:\n%s\nwant %q", got, tt.note)
			}
			for row, c := range tt.category {
				if m := member(t, rf, row); m.Category != c {
					t.Errorf("row %d: %q, want %q", row, m.Category, c)
				}
			}
			for row, f := range tt.refused {
				if got := rejections(rf, row); got[f] == "" {
					t.Errorf("row %d refused %v, want %s", row, got, f.Label())
				}
			}
		})
	}
}
