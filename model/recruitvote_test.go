package model

import (
	"strings"
	"testing"
)

// messagesOf are the findings of a report as "severity: message".
func messagesOf(rep RecruitReport) []string {
	var out []string
	for _, f := range rep.Findings {
		out = append(out, f.Severity.String()+": "+f.Message)
	}
	return out
}

// wantFinding checks that exactly the findings containing one of about say
// want (a severity and a part of the message), or that there are none when
// want is "".
func wantFinding(t *testing.T, rep RecruitReport, about []string, want string) {
	t.Helper()
	var got []string
	for _, m := range messagesOf(rep) {
		for _, a := range about {
			if strings.Contains(m, a) {
				got = append(got, m)
				break
			}
		}
	}
	switch {
	case want == "" && len(got) > 0:
		t.Errorf("want no finding, got %q", got)
	case want != "" && (len(got) != 1 || !strings.Contains(got[0], want)):
		t.Errorf("want one finding with %q, got %q (all: %q)", want, got, messagesOf(rep))
	}
}

// RULES.md §20 (2014 and 2026 第二十条): the general meeting that admits,
// and the one that decides 转正, pass a person with "yes" more than half of
// the voting members due; the written opinions (书面意见) of absent voting
// members count in the vote, not in the quorum. The branch has 5 voting
// members, so 3 yes votes pass.
func TestRule20WrittenOpinionsCountInTheVote(t *testing.T) {
	vote := []string{"未通过", "书面意见", "未超过半数", "表决"}
	for _, tc := range []struct {
		name                  string
		step                  RecruitStep
		present, yes          int
		writtenYes, writtenNo int
		more                  func(a *Activity)
		want                  string
	}{
		{"2_at_meeting_and_1_written_yes_pass", StepAdmission, 3, 2, 1, 0, nil, ""},
		{"2_at_meeting_without_written_fail", StepAdmission, 3, 2, 0, 0, nil, "严重: 张三 支部大会讨论接收 "},
		{"written_no_does_not_help", StepAdmission, 3, 2, 0, 2,
			nil, "到会赞成2票、书面意见赞成0份，共2票，未超过应到有表决权党员（5人）的半数（至少需3票），未通过（《中国共产党发展党员工作细则》（2014年）第二十条）"},
		{"1_and_1_written_is_2_of_5_fails", StepAdmission, 3, 1, 1, 1, nil, "共2票，未超过"},
		{"written_opinions_make_no_quorum", StepAdmission, 2, 2, 2, 0, nil, "未超过半数（至少需3人）"},
		{"more_written_than_absent", StepAdmission, 4, 2, 2, 0, nil, "登记书面意见2份，多于未到会的有表决权党员1人"},
		{"two_votes_written_joins_the_one_naming_the_person", StepAdmission, 3, 2, 1, 0, func(a *Activity) {
			a.Resolutions = append([]Resolution{{Text: "接收李四为预备党员", Voted: true, Yes: 3}}, a.Resolutions...)
		}, ""},
		{"two_votes_neither_naming_the_person", StepAdmission, 3, 3, 1, 0, func(a *Activity) {
			a.Resolutions = []Resolution{{Text: "接收预备党员", Voted: true, Yes: 3}, {Text: "其他事项", Voted: true, Yes: 3}}
		}, "有2项表决，没有一项写明张三的姓名，书面意见无法计入"},
		{"full_membership_meeting_2026", StepFullMeeting, 3, 2, 1, 0, nil, ""},
		{"full_membership_meeting_2026_fails", StepFullMeeting, 3, 1, 1, 0, nil, "（2026年）第二十条"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, c := cleanPipeline()
			x := r.Record(tc.step)
			a := generalMeeting(x.ActivityID, x.Date, tc.present, tc.yes)
			if tc.more != nil {
				tc.more(a)
			}
			c.Activities[x.ActivityID] = a
			x.WrittenYes, x.WrittenNo = tc.writtenYes, tc.writtenNo
			wantFinding(t, CheckRecruit(r, c), vote, tc.want)
		})
	}
}

// Written opinions are counts of a general meeting's vote: never negative,
// and only on the steps decided by a 支部党员大会.
func TestRule20WrittenOpinionsValidate(t *testing.T) {
	for _, tc := range []struct {
		step    RecruitStep
		yes, no int
		refused bool
	}{
		{StepAdmission, 2, 1, false},
		{StepFullMeeting, 0, 3, false},
		{StepAdmission, -1, 0, true},
		{StepCommitteeReview, 1, 0, true},
	} {
		x := StepRecord{Step: tc.step, Seq: 1, Date: d(2026, 6, 1), WrittenYes: tc.yes, WrittenNo: tc.no}
		if got := x.Validate(recruitToday).For(StepWrittenField) != ""; got != tc.refused {
			t.Errorf("step %s, written %d/%d: refused %v, want %v (%v)", tc.step, tc.yes, tc.no, got, tc.refused, x.Validate(recruitToday))
		}
	}
	x := StepRecord{Step: StepAdmission, WrittenYes: 2, WrittenNo: 1}
	if !strings.Contains(x.Text(), "书面意见：赞成2，反对1") {
		t.Errorf("the change history does not keep the written opinions: %q", x.Text())
	}
}

// RULES.md §3a (2026 第十八条): a person who will leave the unit within 3
// months of the admitting meeting should not be admitted; the reminder
// counts from the meeting held, or from the day it is due while it is to
// come. The 2014 edition has no such rule.
func TestRule18LeavingWithinThreeMonths(t *testing.T) {
	held := func(r *Recruit) {
		cut(r, StepUpperTalk)
		set(r, StepPreReview, func(x *StepRecord) { x.Date = d(2026, 10, 15) })
		set(r, StepForm, func(x *StepRecord) { x.Date = d(2026, 10, 20) })
		set(r, StepAdmission, func(x *StepRecord) { x.Date, x.ActivityID = d(2026, 11, 10), 0 })
	}
	planned := func(r *Recruit) { // the meeting is due by 2026-12-20
		cut(r, StepAdmission)
		set(r, StepPreReview, func(x *StepRecord) { x.Date = d(2026, 11, 20) })
		set(r, StepForm, func(x *StepRecord) { x.Date = d(2026, 11, 25) })
	}
	for _, tc := range []struct {
		name  string
		setup func(r *Recruit)
		leave Date
		want  string
	}{
		{"held_leaving_a_day_short_of_3_months", held, d(2027, 2, 9),
			"提醒: 张三 支部大会讨论接收 预计于2027年2月9日离开本单位，距支部大会（2026年11月10日）不足3个月，不应接收为预备党员（《中国共产党发展党员工作细则》（2026年）第十八条）"},
		{"held_leaving_exactly_3_months_later", held, d(2027, 2, 10), ""},
		{"held_leaving_before_the_meeting", held, d(2026, 11, 1), "不足3个月"},
		{"planned_leaving_within_3_months_of_the_due_day", planned, d(2027, 3, 19), "距支部大会讨论的期限（2026年12月20日）不足3个月"},
		{"planned_leaving_exactly_3_months_after_the_due_day", planned, d(2027, 3, 20), ""},
		{"no_leave_date", held, Date{}, ""},
		{"2014_meeting_has_no_such_rule", func(r *Recruit) { cut(r, StepUpperTalk) }, d(2025, 7, 1), ""},
		{"approved_already", func(r *Recruit) {
			held(r)
			set(r, StepUpperTalk, func(x *StepRecord) { x.Date = d(2026, 11, 15) })
			set(r, StepApproval, func(x *StepRecord) { x.Date = d(2026, 11, 20) })
		}, d(2027, 1, 1), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, c := cleanPipeline()
			tc.setup(r)
			r.LeaveDate = tc.leave
			wantFinding(t, CheckRecruit(r, c), []string{"离开本单位"}, tc.want)
		})
	}
}

// The leaving reminder says its sentence through Text, so the English
// screens can say it.
func TestRule18FindingHasItsText(t *testing.T) {
	r, c := cleanPipeline()
	cut(r, StepAdmission)
	set(r, StepPreReview, func(x *StepRecord) { x.Date = d(2026, 11, 20) })
	set(r, StepForm, func(x *StepRecord) { x.Date = d(2026, 11, 25) })
	r.LeaveDate = d(2027, 1, 5)
	for _, f := range CheckRecruit(r, c).Findings {
		if strings.Contains(f.Message, "离开本单位") {
			if f.Text.IsZero() || f.Text.String() != f.Message || f.About != AboutRecruiting {
				t.Errorf("finding %+v: want its Text saying the message, about recruiting", f)
			}
			return
		}
	}
	t.Error("no leaving reminder")
}

// A leave date is a day, as every date the rules count from.
func TestRule18LeaveDateNeedsTheDay(t *testing.T) {
	r, _ := cleanPipeline()
	r.LeaveDate = MonthDate(2027, 2)
	if r.ValidatePerson().For(RecruitLeaveDate) == "" {
		t.Error("a leave date of a month only is accepted")
	}
	r.LeaveDate = d(2027, 2, 1)
	if msg := r.ValidatePerson().For(RecruitLeaveDate); msg != "" {
		t.Errorf("a leave date refused: %s", msg)
	}
}
