package xlsx

import (
	"slices"
	"strings"
	"testing"

	"branchledger/model"
)

// A bracket after a party date's heading says which of the two dates the
// column holds: 入党时间（转正） is the 转正, 入党时间（预备） the 入党, and
// 转正时间（入党） is still the 转正 (入党 says whose). 入党时间（转正）
// beside 入党时间 was read as a second 加入党组织日期 and every member
// refused “有两列…” (review F38).
func TestBracketDecidesWhichPartyDate(t *testing.T) {
	id := idNumber("19800415", "311")
	for _, heads := range [][2]string{
		{"入党时间", "入党时间（转正）"},
		{"入党时间", "入党时间(转正)"},
		{"入党时间（预备）", "入党时间（转正）"},
		{"入党日期(预备)", "入党日期(正式)"},
		{"入党时间", "入党时间（转为正式党员）"},
		{"入党时间", "转正时间（入党）"},
		{"入党时间（预备）", "转正时间"},
	} {
		t.Run(heads[0]+"|"+heads[1], func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", "人员类别", heads[0], heads[1]},
				{"张三", "男", id, "第一党支部", "正式党员", "2015.03", "2016.03"},
			}))
			m := member(t, rf, 2)
			if m.JoinDate != model.MonthDate(2015, 3) || m.FullDate != model.MonthDate(2016, 3) {
				t.Errorf("stored 加入 %v 转正 %v; want 2015-03 2016-03", m.JoinDate, m.FullDate)
			}
			if got := rf.Sheets[0].Ignored; len(got) != 0 {
				t.Errorf("columns not imported %q, want none", got)
			}
		})
	}
	// The bracket of a heading that is no date says nothing of dates.
	rf := read(t, roster(t, [][]any{
		{"姓名", "性别", "公民身份号码", "所在党支部", "人员类别（正式/预备）", "入党时间", "转正时间"},
		{"张三", "男", id, "第一党支部", "预备党员", "2026.03", nil},
	}))
	if m := member(t, rf, 2); m.Category != model.CategoryProbationary || m.JoinDate != model.MonthDate(2026, 3) {
		t.Errorf("人员类别（正式/预备）: stored %s 加入 %v", m.Category, m.JoinDate)
	}
}

// One column of both party dates — 入党及转正时间, 入党/转正时间, 入党、转正
// 时间, 入党时间（预备/转正） — gives the two, however the cell writes
// them: 2005.06/2006.06, 2005.06-2006.06, 2005-06-2006-06, 2005年6月/
// 2006年6月, on two lines, with a space. A 预备党员's one date is the 入党;
// anyone else's one date may be either and the row is refused naming the
// column. It was named as not imported and every row left without a
// 加入党组织日期 (review F39, the issue's own symptom).
func TestColumnOfBothPartyDates(t *testing.T) {
	for _, heading := range []string{"入党及转正时间", "入党/转正时间", "入党、转正时间", "入党和转正时间", "入党时间/转正时间", "入党时间（预备/转正）", "入党-转正时间"} {
		t.Run(heading, func(t *testing.T) {
			cells := []any{"2005.06/2006.06", "2005.06-2006.06", "2005-06-2006-06", "2005年6月/2006年6月", "2005.06\n2006.06", "2005.06 2006.06", "2005.6.1／2006.6.1", "2024.03/", "2024.03/无", "2024.03", "2005.06", "2005.06/2006.13", "2005.06", nil}
			cats := []string{"正式党员", "正式党员", "正式党员", "正式党员", "正式党员", "正式党员", "正式党员", "预备党员", "预备党员", "预备党员", "正式党员", "正式党员", "", "正式党员"}
			rows := [][]any{{"姓名", "性别", "公民身份号码", "所在党支部", "人员类别", heading}}
			for i, v := range cells {
				rows = append(rows, []any{"党员" + string(rune('甲'+i)), "男", idNumber("19800415", string(rune('1'+i/9))+string(rune('0'+i%9))+"1"), "第一党支部", cats[i], v})
			}
			rf := read(t, roster(t, rows))
			type dates struct{ join, full model.Date }
			want := map[int]dates{}
			for r := 2; r <= 8; r++ {
				want[r] = dates{model.MonthDate(2005, 6), model.MonthDate(2006, 6)}
			}
			want[8] = dates{model.NewDate(2005, 6, 1), model.NewDate(2006, 6, 1)}
			want[9] = dates{join: model.MonthDate(2024, 3)}
			want[10] = dates{join: model.MonthDate(2024, 3)}
			want[11] = dates{join: model.MonthDate(2024, 3)}
			for r, w := range want {
				m := member(t, rf, r)
				if m.JoinDate != w.join || m.FullDate != w.full {
					t.Errorf("row %d %q: stored 加入 %v 转正 %v, want %v %v", r, cells[r-2], m.JoinDate, m.FullDate, w.join, w.full)
				}
			}
			refused := map[int]string{
				12: "“" + heading + "”列只写了一个日期“2005.06”，分不清是入党还是转正的日期；请写成“入党日期/转正日期”（如 2005.06/2006.06；预备党员可只写入党日期，并在人员类别中写明）后再导入",
				13: "“" + heading + "”列为“2005.06/2006.13”，读不出入党和转正两个日期；请写成“入党日期/转正日期”（如 2005.06/2006.06）后再导入",
				14: "“" + heading + "”列只写了一个日期“2005.06”",
			}
			for r, w := range refused {
				if got := rejections(rf, r)[model.FieldJoinDate]; !strings.Contains(got, w) {
					t.Errorf("row %d refused %v, want %q", r, rejections(rf, r), w)
				}
			}
			// A blank cell is no date: the 正式党员 is refused for the 入党
			// the cell does not give, as with two columns.
			if got := rejections(rf, 15)[model.FieldJoinDate]; got == "" {
				t.Errorf("row 15 (blank) refused %v, want the 加入党组织日期 asked for", rejections(rf, 15))
			}
			if len(rf.Members) != len(want) {
				t.Errorf("%d members, want %d; rejected %v", len(rf.Members), len(want), refusals(rf))
			}
			if got := rf.Sheets[0].Ignored; len(got) != 0 {
				t.Errorf("columns not imported %q, want none", got)
			}
		})
	}
	// Beside its own 入党时间 and 转正时间 columns it is named as not
	// imported, the dates read from those.
	rf := read(t, roster(t, [][]any{
		{"姓名", "性别", "公民身份号码", "所在党支部", "入党时间", "转正时间", "入党/转正时间"},
		{"张三", "男", idNumber("19800415", "311"), "第一党支部", "2015.03", "2016.03", "2015.03/2016.03"},
	}))
	if m := member(t, rf, 2); m.JoinDate != model.MonthDate(2015, 3) || m.FullDate != model.MonthDate(2016, 3) {
		t.Errorf("beside: stored 加入 %v 转正 %v", m.JoinDate, m.FullDate)
	}
	if want := []string{"入党/转正时间（一列写了入党和转正两个日期，表中另有这两个日期的列，此列未导入）"}; !slices.Equal(rf.Sheets[0].Ignored, want) {
		t.Errorf("beside: columns not imported %q, want %q", rf.Sheets[0].Ignored, want)
	}
}
