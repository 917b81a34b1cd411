package xlsx

import (
	"strings"
	"testing"
)

// Columns branches head 其他, 备注1, 注, 党员情况 are remarks, and 去向,
// 组织关系去向, 异动情况 say where a person went: each was named as not
// imported, a 已转出 or 已去世 there lost and the person stored as a
// current member (review ra8 G4).
func TestLeaverHeadingsAreRead(t *testing.T) {
	head := []any{"姓名", "性别", "公民身份号码", "所在党支部", "人员类别", "入党时间", "转正时间"}
	person := func(name, seq string, extra ...any) []any {
		return append([]any{name, "男", idNumber("19800415", seq), "第一党支部", "正式党员", "2015.03", "2016.03"}, extra...)
	}
	const remarkLeft = "备注中写着“已转出”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改写备注后再导入"
	const remarkDied = "备注中写着“去世”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改写备注后再导入"
	columnLeft := func(heading, ref, v string) string {
		return "“" + heading + "”列（" + ref + "）为“" + v + "”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改正这一格后再导入"
	}
	for _, c := range []struct {
		name     string
		headings []any // after 转正时间
		stays    []any // 张三's cells there
		leaves   []any // 李四's
		notes    string
		refusal  string // 李四's
	}{
		{"其他", []any{"其他"}, []any{"爱好书法"}, []any{"已转出"}, "爱好书法", remarkLeft},
		{"其它", []any{"其它"}, []any{"爱好书法"}, []any{"已去世"}, "爱好书法", remarkDied},
		{"备注1", []any{"备注1"}, []any{"爱好书法"}, []any{"已转出"}, "爱好书法", remarkLeft},
		{"注", []any{"注"}, []any{nil}, []any{"已转出"}, "", remarkLeft},
		{"党员情况", []any{"党员情况"}, []any{"正常"}, []any{"已去世"}, "正常", remarkDied},
		{"备注 and 备注2", []any{"备注", "备注2"}, []any{"爱好书法", "党小组长"}, []any{nil, "已转出"}, "爱好书法 党小组长", remarkLeft},
		{"备注 and 其他", []any{"备注", "其他"}, []any{nil, "党小组长"}, []any{"党小组长", "已去世"}, "党小组长", remarkDied},
		{"异动情况", []any{"异动情况"}, []any{"正常"}, []any{"转出"}, "", columnLeft("异动情况", "H3", "转出")},
		{"异动情况 无", []any{"异动情况"}, []any{"无"}, []any{"死亡"}, "", columnLeft("异动情况", "H3", "死亡")},
		{"去向 a branch", []any{"去向"}, []any{"本支部"}, []any{"第二党支部"}, "", columnLeft("去向", "H3", "第二党支部")},
		{"党员去向 a place", []any{"党员去向"}, []any{nil}, []any{"杭州市西湖区"}, "", columnLeft("党员去向", "H3", "杭州市西湖区")},
		{"组织关系去向", []any{"组织关系去向"}, []any{"在册"}, []any{"XX社区党委"}, "", columnLeft("组织关系去向", "H3", "XX社区党委")},
		{"组织关系去向 已转出", []any{"组织关系去向"}, []any{"无"}, []any{"已转出"}, "", columnLeft("组织关系去向", "H3", "已转出")},
		// review ra9 S10
		{"备注栏", []any{"备注栏"}, []any{"爱好书法"}, []any{"已转出"}, "爱好书法", remarkLeft},
		{"党籍情况", []any{"党籍情况"}, []any{"正常"}, []any{"已转出"}, "", columnLeft("党籍情况", "H3", "已转出")},
		{"党籍状况", []any{"党籍状况"}, []any{"正常"}, []any{"已去世"}, "", columnLeft("党籍状况", "H3", "已去世")},
		{"现状", []any{"现状"}, []any{"在册"}, []any{"已转出"}, "", columnLeft("现状", "H3", "已转出")},
		{"组织关系", []any{"组织关系"}, []any{"在本支部"}, []any{"已转出"}, "", columnLeft("组织关系", "H3", "已转出")},
		{"情况", []any{"情况"}, []any{"正常"}, []any{"已转出"}, "", columnLeft("情况", "H3", "已转出")},
	} {
		t.Run(c.name, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				append(head, c.headings...),
				person("张三", "311", c.stays...),
				person("李四", "333", c.leaves...),
			}))
			if len(rf.Members) != 1 || rf.Members[0].Member.Name != "张三" {
				t.Fatalf("stored %+v, want 张三 alone; refused %v", rf.Members, refusals(rf))
			}
			if got := rf.Members[0].Member.Notes; got != c.notes {
				t.Errorf("张三's 备注 %q, want %q", got, c.notes)
			}
			var why []string
			for _, r := range rf.Rejected {
				if r.Row == 3 {
					why = append(why, r.Reason)
				}
			}
			if len(why) != 1 || why[0] != c.refusal {
				t.Errorf("李四 refused %q, want %q", why, c.refusal)
			}
			if len(c.headings) == 2 {
				want := "H列“备注”和I列“" + c.headings[1].(string) + "”都是备注：两列都填了的，前后连起来作为“备注”导入"
				if !hasNote(rf, want) {
					t.Errorf("notes %v, want %q", rf.Notes, want)
				}
			}
			for _, ig := range rf.Sheets[0].Ignored {
				if !strings.HasSuffix(ig, "（不导入，只用来看是否已离开）") {
					t.Errorf("column %q named as not imported", ig)
				}
			}
		})
	}
}

// A 去向 value saying the member works or studies elsewhere is a mobile
// member's, asked for in its own columns; a blank one, or 本支部, keeps the
// member (no false alarm).
func TestDestinationColumnMobile(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "性别", "公民身份号码", "所在党支部", "人员类别", "入党时间", "转正时间", "去向"},
		{"张三", "男", idNumber("19800415", "311"), "第一党支部", "正式党员", "2015.03", "2016.03", "外出务工（上海）"},
		{"王五", "男", idNumber("19800415", "355"), "第一党支部", "正式党员", "2015.03", "2016.03", "无"},
	}))
	want := "“去向”列（H2）为“外出务工（上海）”，这一列不导入：请把它填入“是否流动党员”和“外出流向”列后再导入"
	if why := rejections(rf, 2); len(why) != 1 || why["mobile"] != want {
		t.Errorf("张三 refused %v, want %q", why, want)
	}
	if m := member(t, rf, 3); m.Name != "王五" {
		t.Errorf("row 3 stored %q", m.Name)
	}
}

func hasNote(rf *RosterFile, msg string) bool {
	for _, n := range rf.Notes {
		if n.Message == msg {
			return true
		}
	}
	return false
}

// A parent heading about leaving merged over 时间 | 去向 | 日期 | 原因
// gives them their meaning: 转出 over 时间 is 转出时间. The sub-columns
// were named as not imported (时间) and the leavers, with a date or a
// place under them, stored as current members (review ra8 G2).
func TestLeavingGroupOverGenericSubHeadings(t *testing.T) {
	head := []any{"姓名", "性别", "公民身份号码", "所在党支部", "人员类别", "入党时间", "转正时间"}
	person := func(name, seq string, extra ...any) []any {
		return append([]any{name, "男", idNumber("19800415", seq), "第一党支部", "正式党员", "2015.03", "2016.03"}, extra...)
	}
	for _, c := range []struct {
		parent, first, second string
		value                 string // 李四's under the first sub-heading
		named                 string // the column as the refusal names it
	}{
		{"转出", "时间", "去向", "2024.05", "转出时间"},
		{"转出", "去向", "时间", "第二党支部", "转出去向"},
		{"死亡", "日期", "原因", "2023.01", "死亡日期"},
		{"组织关系转出", "时间", "去向", "2024-05-01", "组织关系转出时间"},
		{"离开本支部", "原因", "时间", "调动工作", "离开本支部原因"},
		{"减少", "原因", "日期", "转出", "减少原因"},
	} {
		t.Run(c.parent+"/"+c.first, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				append(append([]any{}, head...), c.parent, nil),
				append(make([]any, len(head)), c.first, c.second),
				person("张三", "311", nil, nil),
				person("李四", "333", c.value, nil),
			}, [2]string{"A1", "A2"}, [2]string{"B1", "B2"}, [2]string{"C1", "C2"}, [2]string{"D1", "D2"}, [2]string{"E1", "E2"},
				[2]string{"F1", "F2"}, [2]string{"G1", "G2"}, [2]string{"H1", "I1"}))
			if len(rf.Members) != 1 || rf.Members[0].Member.Name != "张三" {
				t.Fatalf("stored %+v, want 张三 alone; refused %v", rf.Members, refusals(rf))
			}
			want := "“" + c.named + "”列（H4）为“" + c.value + "”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改正这一格后再导入"
			if why := rejections(rf, 4); len(why) != 1 || why["name"] != want {
				t.Errorf("李四 refused %v, want %q", why, want)
			}
			if got := rf.Sheets[0].Ignored; len(got) != 2 || got[0] != c.named+"（不导入，只用来看是否已离开）" {
				t.Errorf("columns not imported %q, want %s first, read for leaving", got, c.named)
			}
		})
	}
}

// A heading about leaving added later — in a row of its own under the
// table's heading, in a row further down over the leavers, beside a
// member's cells, or right of the heading row past a gap — makes its
// column one about leaving: the column was named as having no heading and
// the leavers under it stored as current members. A word of leaving in a
// column with no heading at all refuses its row naming the cell (review
// ra8 G3).
func TestLateLeavingHeading(t *testing.T) {
	head := []any{"姓名", "性别", "公民身份号码", "所在党支部", "人员类别", "入党时间", "转正时间"}
	person := func(name, seq string, extra ...any) []any {
		return append([]any{name, "男", idNumber("19800415", seq), "第一党支部", "正式党员", "2015.03", "2016.03"}, extra...)
	}
	left := func(ref, heading, v string) string {
		return "“" + heading + "”列（" + ref + "）为“" + v + "”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改正这一格后再导入"
	}
	for _, c := range []struct {
		name    string
		rows    [][]any
		stored  []string
		refused map[int]string // row → reason
		ignored string
	}{
		{"own row under the heading", [][]any{head, append(make([]any, 7), "转出时间"),
			person("张三", "311"), person("李四", "333", "2024.05"), person("王五", "355", "2024.06")},
			[]string{"张三"}, map[int]string{4: left("H4", "转出时间", "2024.05"), 5: left("H5", "转出时间", "2024.06")},
			"转出时间（第2行H列后加的标题，不导入，只用来看是否已离开）"},
		{"own row over the leavers", [][]any{head, person("张三", "311"), person("赵六", "377"), append(make([]any, 8), "减少原因"),
			person("李四", "333", nil, "转出"), person("王五", "355", nil, "死亡")},
			[]string{"张三", "赵六"}, map[int]string{5: left("I5", "减少原因", "转出"), 6: left("I6", "减少原因", "死亡")},
			"减少原因（第4行I列后加的标题，不导入，只用来看是否已离开）"},
		{"beside a member", [][]any{head, person("张三", "311", "转出时间"), person("李四", "333", "2024.05"), person("王五", "355")},
			[]string{"张三", "王五"}, map[int]string{3: left("H3", "转出时间", "2024.05")},
			"转出时间（第2行H列后加的标题，不导入，只用来看是否已离开）"},
		{"heading row past a gap", [][]any{append(append([]any{}, head...), nil, "转出时间"),
			person("张三", "311"), person("李四", "333", nil, "2024.05")},
			[]string{"张三"}, map[int]string{3: left("I3", "转出时间", "2024.05")},
			"转出时间（不导入，只用来看是否已离开）"},
		{"no heading", [][]any{head, person("张三", "311"), person("李四", "333", "已转出")},
			[]string{"张三"}, map[int]string{3: "H3格（这一列没有标题）为“已转出”，写着“已转出”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请删去这一格后再导入"},
			"第H列（无标题，如“已转出”）"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rf := read(t, roster(t, c.rows))
			var stored []string
			for _, m := range rf.Members {
				stored = append(stored, m.Member.Name)
			}
			if strings.Join(stored, " ") != strings.Join(c.stored, " ") {
				t.Errorf("stored %q, want %q; refused %v", stored, c.stored, refusals(rf))
			}
			got := map[int]string{}
			for _, r := range rf.Rejected {
				got[r.Row] += r.Reason
			}
			for row, want := range c.refused {
				if got[row] != want {
					t.Errorf("row %d refused %q, want %q", row, got[row], want)
				}
			}
			if len(got) != len(c.refused) {
				t.Errorf("refused %v, want rows %v", got, c.refused)
			}
			if ig := rf.Sheets[0].Ignored; len(ig) != 1 || ig[0] != c.ignored {
				t.Errorf("columns not imported %q, want %q", ig, c.ignored)
			}
		})
	}
}

// A line above the table counting the year's leavers refuses the people
// it names and only them; one saying they were taken off the table refuses
// no one. As the title, either set the whole sheet aside as one of
// leavers; as a line of its own under the title, the people it named were
// stored (review ra8 G12). A title heading a list of leavers still sets
// the sheet aside.
func TestLeaverCountAboveTheTable(t *testing.T) {
	head := []any{"姓名", "性别", "公民身份号码", "所在党支部", "人员类别", "入党时间", "转正时间"}
	person := func(name, seq string) []any {
		return []any{name, "男", idNumber("19800415", seq), "第一党支部", "正式党员", "2015.03", "2016.03"}
	}
	const named = "第1行的说明“其中转出2人：李秀英、张伟”说此人已离开（写着“转出”），看来已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入"
	for _, c := range []struct {
		name    string
		above   [][]any
		left    string // Sheet.Left
		stored  []string
		refused string // 李秀英's refusal
		note    string
	}{
		{"named in the title", [][]any{{"其中转出2人：李秀英、张伟"}}, "", []string{"王强", "赵敏"}, named, ""},
		{"named under the title", [][]any{{"第一党支部党员花名册"}, {"其中转出2人：李秀英、张伟"}}, "", []string{"王强", "赵敏"},
			strings.Replace(named, "第1行", "第2行", 1), ""},
		{"named in the title's brackets", [][]any{{"第一党支部党员花名册（其中转出2人：李秀英、张伟）"}}, "", []string{"王强", "赵敏"},
			"第1行的说明“第一党支部党员花名册（其中转出2人：李秀英、张伟）”说此人已离开（写着“转出”），看来已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入", ""},
		{"taken off, the title", [][]any{{"本年转出1人已删除"}}, "", []string{"王强", "李秀英", "赵敏"}, "",
			"说明行“本年转出1人已删除”：说离开的人已从表中删去，表中各行照常导入"},
		{"taken off, under the title", [][]any{{"第一党支部党员花名册"}, {"本年转出1人已删除"}}, "", []string{"王强", "李秀英", "赵敏"}, "",
			"说明行“本年转出1人已删除”：说离开的人已从表中删去，表中各行照常导入"},
		{"a list of leavers", [][]any{{"已转出党员（3人）"}}, "转出", []string{"王强", "李秀英", "赵敏"}, "", ""},
		// review ra9 G12: said taken off, still there.
		{"taken off, still a row", [][]any{{"已转出1人（李秀英），已从名册删除"}}, "", []string{"王强", "赵敏"},
			"第1行的说明“已转出1人（李秀英），已从名册删除”说此人已离开（写着“转出”），看来已不在花名册上：离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”；仍在册的请改正那一行的说明后再导入", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			rows := append(append(append([][]any{}, c.above...), head), person("王强", "311"), person("李秀英", "333"), person("赵敏", "355"))
			rf := read(t, roster(t, rows))
			var stored []string
			for _, m := range rf.Members {
				stored = append(stored, m.Member.Name)
			}
			if strings.Join(stored, " ") != strings.Join(c.stored, " ") || rf.Sheets[0].Left != c.left {
				t.Errorf("stored %q (sheet of leavers %q), want %q (%q); refused %v", stored, rf.Sheets[0].Left, c.stored, c.left, refusals(rf))
			}
			var why []string
			for _, r := range rf.Rejected {
				why = append(why, r.Reason)
			}
			if c.refused == "" && len(why) != 0 || c.refused != "" && (len(why) != 1 || why[0] != c.refused) {
				t.Errorf("refused %q, want %q", why, c.refused)
			}
			if c.note != "" && !hasNote(rf, c.note) {
				t.Errorf("notes %v, want %q", rf.Notes, c.note)
			}
		})
	}
}
