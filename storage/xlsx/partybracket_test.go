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
