package xlsx

import (
	"strings"
	"testing"

	"branchledger/model"
)

// The day the 支部大会 admitted the member (支部大会讨论通过时间 and its
// variants) is the 加入党组织日期: read as it where the roster has no 入党时间
// column, and checked against 入党时间 where it has — 入党时间 is stored, a
// later 入党时间 (the upper committee's approval, within six months) is a
// 提示, any other difference a refusal naming both (brief loud #2). The
// column was not imported, and every member refused for a date the user
// had filled in; beside 入党时间, it was a second column of the date.
func TestBranchMeetingDateIsTheJoinDate(t *testing.T) {
	id := idNumber("19800415", "311")
	cases := []struct {
		name     string
		head     []any
		row      []any
		join     model.Date // zero: refused
		refusal  string
		rowNote  string
		sheetSay string
	}{
		{"支部大会讨论通过时间 alone", []any{"支部大会讨论通过时间", "转正时间"}, []any{"2008.06", "2009.06"},
			model.MonthDate(2008, 6), "", "", "“支部大会讨论通过时间”列记为加入党组织日期：支部大会通过为预备党员之日即入党之日"},
		{"支部大会通过时间 alone", []any{"支部大会通过时间", "转正时间"}, []any{"2008-06-15", "2009.06"},
			model.NewDate(2008, 6, 15), "", "", "“支部大会通过时间”列记为加入党组织日期"},
		{"支部大会讨论通过日期 alone", []any{"支部大会讨论通过日期", "转正时间"}, []any{"2008-06-15", "2009.06"},
			model.NewDate(2008, 6, 15), "", "", "“支部大会讨论通过日期”列记为加入党组织日期"},
		{"支部大会接收日期 alone", []any{"支部大会接收日期", "转正时间"}, []any{"2008-06-15", "2009.06"},
			model.NewDate(2008, 6, 15), "", "", "“支部大会接收日期”列记为加入党组织日期"},
		{"支部大会同意接收为预备党员时间 alone", []any{"支部大会同意接收为预备党员时间", "转正时间"}, []any{"2008-06-15", "2009.06"},
			model.NewDate(2008, 6, 15), "", "", "记为加入党组织日期"},
		{"beside 入党时间, the same day", []any{"入党时间", "支部大会讨论通过时间", "转正时间"}, []any{"2008-06-15", "2008.6.15", "2009.06"},
			model.NewDate(2008, 6, 15), "", "",
			"“入党时间”列和“支部大会讨论通过时间”列都是加入党组织日期（入党即支部大会通过为预备党员之日）：按“入党时间”导入，逐行与“支部大会讨论通过时间”核对"},
		{"before 入党时间, the same month", []any{"支部大会讨论通过时间", "入党时间", "转正时间"}, []any{"2008-06-15", "2008.06", "2009.06"},
			model.MonthDate(2008, 6), "", "", "按“入党时间”导入"},
		{"beside a blank 入党时间", []any{"入党时间", "支部大会讨论通过时间", "转正时间"}, []any{nil, "2008-06-15", "2009.06"},
			model.NewDate(2008, 6, 15), "", "", ""},
		{"入党时间 two months later: kept, said", []any{"入党时间", "支部大会讨论通过时间", "转正时间"}, []any{"2008-08-20", "2008-06-15", "2009.08"},
			model.NewDate(2008, 8, 20), "",
			"甲一：“入党时间”为2008年8月20日，晚于“支部大会讨论通过时间”2008年6月15日：加入党组织日期按“入党时间”记为2008年8月20日；加入党组织日期应是支部大会通过为预备党员之日（预备期从此算起），“入党时间”如是上级党委审批的日期，请改正", ""},
		{"入党时间 two months later, 转正 a year after the meeting: refused saying so", []any{"入党时间", "支部大会讨论通过时间", "转正时间"}, []any{"2008-08-20", "2008-06-15", "2009-06-15"},
			model.Date{}, "转为正式党员日期2009年6月15日距“支部大会讨论通过时间”2008年6月15日满1年，距“入党时间”2008年8月20日不满：加入党组织日期应是支部大会通过为预备党员之日（预备期从此算起），“入党时间”如是上级党委审批的日期，请改为支部大会通过的日期后再导入", "", ""},
		{"入党时间 a year later: refused", []any{"入党时间", "支部大会讨论通过时间", "转正时间"}, []any{"2009-06-15", "2008-06-15", "2010.06"},
			model.Date{}, "“入党时间”为2009年6月15日，“支部大会讨论通过时间”为2008年6月15日：入党时间应是支部大会通过为预备党员之日，两者不符，请核对改正后再导入", "", ""},
		{"入党时间 before the meeting: refused", []any{"入党时间", "支部大会讨论通过时间", "转正时间"}, []any{"2008-05-01", "2008-06-15", "2009.06"},
			model.Date{}, "两者不符", "", ""},
		{"the meeting's date unreadable: refused", []any{"入党时间", "支部大会讨论通过时间", "转正时间"}, []any{"2008-06-15", "去年六月", "2009.06"},
			model.Date{}, "“支部大会讨论通过时间”列：无法识别日期“去年六月”", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			head := append([]any{"序号", "姓名", "公民身份号码", "人员类别"}, tc.head...)
			row := append([]any{"1", "甲一", id, "正式党员"}, tc.row...)
			rf := read(t, roster(t, [][]any{head, row}))
			if ig := rf.Sheets[0].Ignored; len(ig) != 0 {
				t.Errorf("columns not imported %v, want none", ig)
			}
			if tc.join.IsZero() {
				var got string
				for _, r := range rf.Rejected {
					got += r.Reason
				}
				if !strings.Contains(got, tc.refusal) || got == "" || strings.Contains(got, "早于预备期满") {
					t.Errorf("refusal %q, want %q (members %+v)", got, tc.refusal, rf.Members)
				}
				return
			}
			if len(rf.Rejected) != 0 {
				t.Fatalf("rejected %v", refusals(rf))
			}
			if m := member(t, rf, 2); m.JoinDate != tc.join {
				t.Errorf("加入党组织日期 %v, want %v", m.JoinDate, tc.join)
			}
			notes := notesOf(rf)
			for _, w := range []string{tc.rowNote, tc.sheetSay} {
				if !strings.Contains(notes, w) {
					t.Errorf("notes:\n%s\nwant %q", notes, w)
				}
			}
			if tc.rowNote == "" && strings.Contains(notes, "晚于") {
				t.Errorf("notes:\n%s\nwant no 提示 of the row", notes)
			}
		})
	}
}

// A hidden 支部大会 column beside a blank 入党时间 is not taken: the hidden
// copy is what the comparison of two columns is for, and the row is
// refused naming both, as for any hidden second column of a date — not
// with a sentence about an 入党时间 that is blank.
func TestHiddenBranchMeetingDateBesideABlankJoinDate(t *testing.T) {
	rf := read(t, workbook{sheets: []sheetSpec{{name: "名册", hiddenCols: []string{"F"}, rows: [][]any{
		{"序号", "姓名", "公民身份号码", "人员类别", "入党时间", "支部大会讨论通过时间", "转正时间"},
		{"1", "甲一", idNumber("19800415", "311"), "正式党员", nil, "2008-06-15", "2009.06"},
	}}}}.bytes(t))
	got := rejections(rf, 2)[model.FieldJoinDate]
	if want := "有两列“加入党组织日期”，E列为空，F列为“2008-06-15”"; !strings.Contains(got, want) {
		t.Errorf("refusal %q, want %q (members %+v)", got, want, rf.Members)
	}
}

// Beside the upper committee's approval (批准入党时间, 上级党委审批入党时间)
// the 支部大会's date is the 加入党组织日期, in either order, and the
// approval is named as not imported, saying why: read as the date, it made
// a 转正 one year after the meeting “早于预备期满” and refused the member.
func TestBranchMeetingDateBesideTheApproval(t *testing.T) {
	for _, head := range [][2]string{{"支部大会讨论通过时间", "批准入党时间"}, {"上级党委审批入党时间", "支部大会通过日期"}} {
		t.Run(head[0]+"|"+head[1], func(t *testing.T) {
			meeting, approval := "2008-06-15", "2008-08-20"
			if strings.Contains(head[0], "批") {
				meeting, approval = approval, meeting
			}
			rf := read(t, roster(t, [][]any{
				{"序号", "姓名", "公民身份号码", "人员类别", head[0], head[1], "转正时间"},
				{"1", "甲一", idNumber("19800415", "311"), "正式党员", meeting, approval, "2009.06"},
			}))
			if len(rf.Rejected) != 0 {
				t.Fatalf("rejected %v", refusals(rf))
			}
			if m := member(t, rf, 2); m.JoinDate != model.NewDate(2008, 6, 15) {
				t.Errorf("加入党组织日期 %v, want the meeting's 2008-06-15", m.JoinDate)
			}
			approvalHead, meetingHead := head[1], head[0]
			if strings.Contains(head[0], "批") {
				approvalHead, meetingHead = head[0], head[1]
			}
			want := approvalHead + "（上级党委批准之日，不是加入党组织日期：加入党组织日期是支部大会通过之日，按“" + meetingHead + "”导入）"
			if ig := rf.Sheets[0].Ignored; len(ig) != 1 || ig[0] != want {
				t.Errorf("columns not imported %q, want %q", ig, want)
			}
		})
	}
}

// 入党时间 over 预备 | 转正 beside 支部大会讨论通过时间: the messages name the
// column 入党时间（预备）, not “预备” alone.
func TestBranchMeetingDateBesideGroupedJoinDate(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"序号", "姓名", "公民身份号码", "人员类别", "入党时间", nil, "支部大会讨论通过时间"},
		{nil, nil, nil, nil, "预备", "转正", nil},
		{"1", "甲一", idNumber("19800415", "311"), "正式党员", "2008-08-20", "2009-08-20", "2008-06-15"},
	}, [2]string{"A1", "A2"}, [2]string{"B1", "B2"}, [2]string{"C1", "C2"}, [2]string{"D1", "D2"}, [2]string{"E1", "F1"}, [2]string{"G1", "G2"}))
	if len(rf.Rejected) != 0 {
		t.Fatalf("rejected %v", refusals(rf))
	}
	if m := member(t, rf, 3); m.JoinDate != model.NewDate(2008, 8, 20) {
		t.Errorf("加入党组织日期 %v, want 2008-08-20", m.JoinDate)
	}
	for _, want := range []string{"甲一：“入党时间（预备）”为2008年8月20日，晚于“支部大会讨论通过时间”2008年6月15日", "“入党时间（预备）”列和“支部大会讨论通过时间”列都是加入党组织日期"} {
		if !strings.Contains(notesOf(rf), want) {
			t.Errorf("notes:\n%s\nwant %q", notesOf(rf), want)
		}
	}
}
