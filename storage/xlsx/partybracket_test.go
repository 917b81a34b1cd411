package xlsx

import (
	"slices"
	"testing"

	"branchledger/model"
)

// A bracket naming the job (转正时间（工作）, 转正（定级）时间, 转正日期
// （单位）) makes the date an employment one, as 工作转正时间 is: read
// without its bracket it was stored as the member's 转为正式党员日期 and
// the member as 正式党员, without a word (review s14-reattack7 #10). The
// column is named as not imported; alone, the member has no date from
// it, and beside a real 转正时间 that one is stored.
func TestEmploymentBracketIsNoPartyDate(t *testing.T) {
	id := idNumber("19800415", "311")
	for _, heading := range []string{"转正时间（工作）", "转正时间(参加工作)", "转正日期（单位）", "转正（定级）时间", "转正时间（转正定级）", "转正时间（预计）", "入党时间（团）"} {
		t.Run("alone/"+heading, func(t *testing.T) {
			rows := [][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", "入党时间", heading},
				{"张三", "男", id, "第一党支部", "2015.03", "2016.09"},
			}
			if heading == "入党时间（团）" {
				rows = [][]any{
					{"姓名", "性别", "公民身份号码", "所在党支部", heading, "转正时间"},
					{"张三", "男", id, "第一党支部", "2000.05", "2016.03"},
				}
			}
			rf := read(t, roster(t, rows))
			if len(rf.Rejected) != 0 || len(rf.Members) != 1 {
				t.Fatalf("members %+v rejected %v", rf.Members, refusals(rf))
			}
			// Read, the row has no date of that column: the completeness
			// check refuses it when planned.
			m := rf.Members[0].Member
			if heading == "入党时间（团）" {
				m.FullDate, m.Category = model.Date{}, ""
			}
			if m.FullDate != (model.Date{}) || m.Category != "" || (heading == "入党时间（团）") != (m.JoinDate == model.Date{}) {
				t.Errorf("stored 加入 %v 转正 %v %q; want no date from %s", m.JoinDate, m.FullDate, m.Category, heading)
			}
			if got := rf.Sheets[0].Ignored; !slices.Equal(got, []string{heading}) {
				t.Errorf("columns not imported %q, want %q", got, heading)
			}
		})
		t.Run("beside/"+heading, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", "入党时间", "转正时间", heading},
				{"张三", "男", id, "第一党支部", "2015.03", "2016.03", "2000.09"},
			}))
			if len(rf.Rejected) != 0 || len(rf.Members) != 1 {
				t.Fatalf("members %+v rejected %v", rf.Members, refusals(rf))
			}
			m := rf.Members[0].Member
			if m.JoinDate != model.MonthDate(2015, 3) || m.FullDate != model.MonthDate(2016, 3) || m.Category != model.CategoryFull {
				t.Errorf("stored 加入 %v 转正 %v %s; want 2015-03 2016-03 正式党员", m.JoinDate, m.FullDate, m.Category)
			}
			if got := rf.Sheets[0].Ignored; !slices.Equal(got, []string{heading}) {
				t.Errorf("columns not imported %q, want %q", got, heading)
			}
		})
	}
}

// Party dates named by the body that admits or approves, without 党 in
// the heading (转正批准时间, 支部大会接收时间), are the party dates: since the
// rule that a party date's heading says 党 they were not imported and every
// 正式党员 refused for the date the user had filled in (review
// s14-reattack7 #16). Brackets that say nothing of a job keep the date too.
func TestApprovingBodyHeadingsAreThePartyDates(t *testing.T) {
	id := idNumber("19800415", "311")
	cases := []struct{ join, full string }{
		{"入党时间", "转正批准时间"},
		{"入党时间", "转正批准日期"},
		{"入党时间", "支部大会通过转正时间"},
		{"支部大会接收时间", "转正时间"},
		{"入党时间（预备）", "转正时间（批准）"},
		{"入党时间(年.月)", "转正时间(年.月)"},
	}
	for _, tc := range cases {
		t.Run(tc.join+"|"+tc.full, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", tc.join, tc.full},
				{"张三", "男", id, "第一党支部", "2015.03", "2016.03"},
			}))
			if len(rf.Rejected) != 0 || len(rf.Members) != 1 {
				t.Fatalf("members %+v rejected %v", rf.Members, refusals(rf))
			}
			m := rf.Members[0].Member
			if m.JoinDate != model.MonthDate(2015, 3) || m.FullDate != model.MonthDate(2016, 3) || m.Category != model.CategoryFull {
				t.Errorf("stored 加入 %v 转正 %v %s; want 2015-03 2016-03 正式党员", m.JoinDate, m.FullDate, m.Category)
			}
			if got := rf.Sheets[0].Ignored; len(got) != 0 {
				t.Errorf("columns not imported %q, want none", got)
			}
		})
	}
}

// A group heading that speaks of the job (工作经历, 工作情况 over 参加工作
// 时间 | 转正时间), or a sub-heading 工作 under 转正时间, makes that 转正
// the job's: read as the party's it was stored as 转为正式党员日期 and the
// member as 正式党员 without a word (review s14-reattack7 #21). The party's
// column beside it (党内情况, 党内) is read.
func TestEmploymentGroupIsNoPartyDate(t *testing.T) {
	id := idNumber("19800415", "311")
	cases := []struct {
		name    string
		rows    [][]any
		merges  [][2]string
		full    model.Date // the 转正 stored
		ignored []string
	}{
		{"工作经历 over 参加工作时间|转正时间",
			[][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", "入党时间", "工作经历", nil},
				{nil, nil, nil, nil, nil, "参加工作时间", "转正时间"},
				{"张三", "男", id, "第一党支部", "2015.03", "2012.07", "2016.09"},
			}, [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "D2"}, {"E1", "E2"}, {"F1", "G1"}},
			model.Date{}, []string{"参加工作时间", "转正时间"}},
		{"工作情况 beside 党内情况",
			[][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", "工作情况", nil, "党内情况", nil},
				{nil, nil, nil, nil, "参加工作时间", "转正时间", "入党时间", "转正时间"},
				{"张三", "男", id, "第一党支部", "2012.07", "2013.07", "2015.03", "2016.03"},
			}, [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "D2"}, {"E1", "F1"}, {"G1", "H1"}},
			// the 转正 not imported named with its group: two columns read 转正时间
			model.MonthDate(2016, 3), []string{"参加工作时间", "工作情况 › 转正时间"}},
		{"转正时间 over 工作|党内",
			[][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", "入党时间", "转正时间", nil},
				{nil, nil, nil, nil, nil, "工作", "党内"},
				{"张三", "男", id, "第一党支部", "2015.03", "2012.07", "2016.03"},
			}, [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "D2"}, {"E1", "E2"}, {"F1", "G1"}},
			model.MonthDate(2016, 3), []string{"工作"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rf := read(t, roster(t, tc.rows, tc.merges...))
			if len(rf.Rejected) != 0 || len(rf.Members) != 1 {
				t.Fatalf("members %+v rejected %v", rf.Members, refusals(rf))
			}
			m := rf.Members[0].Member
			if m.JoinDate != model.MonthDate(2015, 3) || m.FullDate != tc.full {
				t.Errorf("stored 加入 %v 转正 %v; want 2015-03 and 转正 %v", m.JoinDate, m.FullDate, tc.full)
			}
			if got := rf.Sheets[0].Ignored; !slices.Equal(got, tc.ignored) {
				t.Errorf("columns not imported %q, want %q", got, tc.ignored)
			}
		})
	}
}

// 入党时间 over 预备期开始 | 预备期满 (or 预备期起 | 预备期结束时间): the start
// is the 加入党组织日期, the end is named as not imported — read as a
// second 加入党组织日期 column it refused every member (review
// s14-reattack7 #16). The end is no 转正 date: for a 预备党员 it lies ahead.
func TestEndOfProbationUnderJoinDate(t *testing.T) {
	id := idNumber("19800415", "311")
	for _, leaves := range [][2]string{{"预备期开始", "预备期满"}, {"预备期起", "预备期满"}, {"预备期开始时间", "预备期结束时间"}} {
		t.Run(leaves[0]+"|"+leaves[1], func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "性别", "公民身份号码", "所在党支部", "人员类别", "入党时间", nil},
				{nil, nil, nil, nil, nil, leaves[0], leaves[1]},
				{"张三", "男", id, "第一党支部", "预备党员", "2025.12", "2026.12"},
			}, [2]string{"A1", "A2"}, [2]string{"B1", "B2"}, [2]string{"C1", "C2"}, [2]string{"D1", "D2"}, [2]string{"E1", "E2"}, [2]string{"F1", "G1"}))
			if len(rf.Rejected) != 0 || len(rf.Members) != 1 {
				t.Fatalf("members %+v rejected %v", rf.Members, refusals(rf))
			}
			m := rf.Members[0].Member
			if m.JoinDate != model.MonthDate(2025, 12) || m.FullDate != (model.Date{}) || m.Category != model.CategoryProbationary {
				t.Errorf("stored 加入 %v 转正 %v %s; want 2025-12, none, 预备党员", m.JoinDate, m.FullDate, m.Category)
			}
			if got := rf.Sheets[0].Ignored; !slices.Equal(got, []string{leaves[1]}) {
				t.Errorf("columns not imported %q, want %q", got, leaves[1])
			}
		})
	}
}
