package xlsx

import (
	"slices"
	"strings"
	"testing"

	"branchledger/model"
)

// Two columns that together hold one field are read together, not one of
// them set aside as a duplicate: 工作单位 beside 职务 (review s9-7 #2), 学历
// under 全日制教育 and under 在职教育 (#1), a heading merged across two
// columns (#9). Each row: the cells of the two columns, and the field as
// stored.
func TestTwoColumnsReadAsOneField(t *testing.T) {
	for _, tt := range []struct {
		name     string
		headings [][]any
		merges   [][2]string
		field    model.Field
		rows     [][2]any // the two columns' cells, row by row
		want     []string // the field stored, row by row
		note     string   // a sheet-level 提示 that says how
	}{
		{
			name:     "工作单位 then 职务",
			headings: [][]any{{"姓名", "公民身份号码", "入党时间", "转正时间", "工作单位", "职务"}},
			field:    model.FieldPost,
			rows:     [][2]any{{"某某公司", "会计"}, {nil, "出纳"}, {"某某学校", nil}},
			want:     []string{"某某公司 会计", "出纳", "某某学校"},
			note:     "E列“工作单位”和F列“职务”合为“工作岗位”导入（工作单位在前，职务在后）",
		},
		{
			name:     "职务 then 工作单位",
			headings: [][]any{{"姓名", "公民身份号码", "入党时间", "转正时间", "岗位", "现工作单位"}},
			field:    model.FieldPost,
			rows:     [][2]any{{"会计", "某某公司"}},
			want:     []string{"某某公司 会计"},
			note:     "E列“岗位”和F列“现工作单位”合为“工作岗位”导入（工作单位在前，职务在后）",
		},
		{
			name: "学历 under 全日制教育 and 在职教育",
			headings: [][]any{
				{"姓名", "公民身份号码", "入党时间", "转正时间", "全日制教育", nil, "在职教育", nil},
				{nil, nil, nil, nil, "学历", "毕业院校", "学历", "毕业院校"},
			},
			merges: [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "D2"}, {"E1", "F1"}, {"G1", "H1"}},
			field:  model.FieldEducation,
			rows:   [][2]any{{"大专", "本科"}, {"本科", nil}, {nil, "大专"}, {"硕士研究生", "本科"}},
			want:   []string{"大学", "大学", "大专", "硕士研究生"},
			note:   "E列和G列分别是全日制教育和在职教育的学历：每人导入两者中较高的一个（“学历”填最高学历）",
		},
		{
			// review ra7 K6-a: every row was refused for two 学历
			name: "学历 merged over 全日制 | 在职",
			headings: [][]any{
				{"姓名", "公民身份号码", "入党时间", "转正时间", "学历", nil},
				{nil, nil, nil, nil, "全日制", "在职"},
			},
			merges: [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "D2"}, {"E1", "F1"}},
			field:  model.FieldEducation,
			rows:   [][2]any{{"大专", "大学"}, {"本科", nil}, {nil, "大专"}, {"硕士研究生", "本科"}},
			want:   []string{"大学", "大学", "大专", "硕士研究生"},
			note:   "E列和F列分别是全日制教育和在职教育的学历：每人导入两者中较高的一个（“学历”填最高学历）",
		},
		{
			name:     "联系电话 merged over a mobile and a landline column",
			headings: [][]any{{"姓名", "公民身份号码", "入党时间", "转正时间", "联系电话", nil}},
			merges:   [][2]string{{"E1", "F1"}},
			field:    model.FieldPhone,
			rows:     [][2]any{{nil, "010-87654322"}, {"13712345611", nil}, {"13712345612", "010-87654321"}},
			want:     []string{"010-87654322", "13712345611", "13712345612"},
			note:     "E列和F列同在合并的表头“联系电话”下，读作一个“联系电话”：E列为空的行用F列的；两列都填了的，导入E列的，另一个在提示中列出",
		},
		{
			name:     "家庭住址 merged over two columns",
			headings: [][]any{{"姓名", "公民身份号码", "入党时间", "转正时间", "家庭住址", nil}},
			merges:   [][2]string{{"E1", "F1"}},
			field:    model.FieldAddress,
			rows:     [][2]any{{"北京市东城区", "东四街道1号"}, {nil, "东四街道2号"}},
			want:     []string{"北京市东城区 东四街道1号", "东四街道2号"},
			note:     "E列和F列同在合并的表头“家庭住址”下，读作一个“家庭住址”：两列都填了的，前后连起来导入",
		},
		{
			name:     "所在党支部 merged over two columns",
			headings: [][]any{{"姓名", "公民身份号码", "入党时间", "转正时间", "所在党支部", nil}},
			merges:   [][2]string{{"E1", "F1"}},
			field:    model.FieldBranchName,
			rows:     [][2]any{{nil, "第二党支部"}, {"第一党支部", "第一党支部"}},
			want:     []string{"第二党支部", "第一党支部"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rows := slices.Clone(tt.headings)
			first := len(rows) + 1
			for i, two := range tt.rows {
				row := []any{"甲" + string(rune('一'+i)), idNumber("19800101", []string{"011", "022", "033", "044"}[i]), "2008.06", "2009.06"}
				row = append(row, two[0])
				if len(tt.headings[len(tt.headings)-1]) > 6 { // 学历 | 毕业院校 | 学历
					row = append(row, "某校")
				}
				rows = append(rows, append(row, two[1]))
			}
			rf := read(t, roster(t, rows, tt.merges...))
			for i, want := range tt.want {
				m := member(t, rf, first+i)
				if got := m.Text(tt.field); got != want {
					t.Errorf("row %d: %s %q, want %q", first+i, tt.field.Label(), got, want)
				}
			}
			for _, ig := range rf.Sheets[0].Ignored {
				if strings.Contains(ig, "重复") {
					t.Errorf("set aside as a duplicate: %q", ig)
				}
			}
			if tt.note != "" && !slices.ContainsFunc(rf.Notes, func(n model.ImportNote) bool { return n.Message == tt.note }) {
				t.Errorf("no note %q: %v", tt.note, rf.Notes)
			}
		})
	}
}

// Of two phone numbers under one merged heading the second is named in a
// 提示 for its row, not dropped unsaid; 学历 that cannot be ranked (党校大
// 学) take the 在职教育 one, said.
func TestTwoColumnsReadAsOneFieldSayWhatIsLeft(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "入党时间", "转正时间", "联系电话", nil},
		{"乙一", idNumber("19800101", "011"), "2008.06", "2009.06", "13712345612", "010-87654321"},
	}, [2]string{"E1", "F1"}))
	if !slices.ContainsFunc(rf.Notes, func(n model.ImportNote) bool {
		return n.Row == 2 && n.Message == "乙一：联系电话有两个，导入E列的“13712345612”，F列的“010-87654321”未导入"
	}) {
		t.Errorf("the second number not said: %v", rf.Notes)
	}
	rf = read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "入党时间", "转正时间", "全日制教育", nil, "在职教育", nil},
		{nil, nil, nil, nil, "学历", "毕业院校", "学历", "毕业院校"},
		{"乙二", idNumber("19800101", "022"), "2008.06", "2009.06", "大专", nil, "党校大学"},
	}, [2]string{"A1", "A2"}, [2]string{"B1", "B2"}, [2]string{"C1", "C2"}, [2]string{"D1", "D2"}, [2]string{"E1", "F1"}, [2]string{"G1", "H1"}))
	if m := member(t, rf, 3); m.Education != "党校大学" {
		t.Errorf("学历 %q", m.Education)
	}
	if !slices.ContainsFunc(rf.Notes, func(n model.ImportNote) bool {
		return n.Row == 3 && n.Message == "乙二：全日制教育和在职教育的学历“大专”、“党校大学”分不出高低，导入在职教育的“党校大学”"
	}) {
		t.Errorf("the choice not said: %v", rf.Notes)
	}
}

// 联系电话 over 手机 | 座机: a member with only a landline keeps it (as
// under one merged heading, review s9-7 #9); 微信 under 联系方式 is no
// second number.
func TestLandlineUnderThePhoneGroup(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "入党时间", "转正时间", "联系电话", nil, "联系方式", nil},
		{nil, nil, nil, nil, "手机", "座机", "手机号", "微信"},
		{"丙一", idNumber("19800101", "011"), "2008.06", "2009.06", nil, "010-87654322", nil, "wx123"},
		{"丙二", idNumber("19800101", "022"), "2008.06", "2009.06", "13712345611", "010-87654321", nil, "wx456"},
	}, [2]string{"A1", "A2"}, [2]string{"B1", "B2"}, [2]string{"C1", "C2"}, [2]string{"D1", "D2"}, [2]string{"E1", "F1"}, [2]string{"G1", "H1"}))
	if m := member(t, rf, 3); m.Phone != "010-87654322" {
		t.Errorf("丙一's phone %q, want the landline", m.Phone)
	}
	if m := member(t, rf, 4); m.Phone != "13712345611" {
		t.Errorf("丙二's phone %q, want the mobile", m.Phone)
	}
	if ig := rf.Sheets[0].Ignored; slices.ContainsFunc(ig, func(s string) bool { return strings.HasPrefix(s, "座机") }) || !slices.ContainsFunc(ig, func(s string) bool { return strings.HasPrefix(s, "微信") }) {
		t.Errorf("columns not imported %q: want 微信 named, 座机 read", ig)
	}
}
