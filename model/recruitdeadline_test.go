package model

import (
	"strings"
	"testing"
)

// findingsOf are the findings of a step, as "severity: message".
func findingsOf(rep RecruitReport, r *Recruit, s RecruitStep) []string {
	var out []string
	for _, f := range rep.Findings {
		if strings.HasPrefix(f.Message, r.Name+" "+s.Info().Short+" ") {
			out = append(out, f.Severity.String()+": "+f.Message)
		}
	}
	return out
}

// The cases of the attack review of issue 12 (#5–#10, #12), each as a
// pipeline and what its timeline and findings must say.
func TestRecruitDeadlinesAfterTheFact(t *testing.T) {
	cases := []struct {
		name   string
		change func(r *Recruit, c *RecruitContext)
		step   RecruitStep
		want   []string // substrings of the step's findings, in any order; nil: none
		state  StepState
		due    Date
	}{
		// #5: the general meeting held more than a month after the
		// pre-review is flagged once recorded, as it was while unrecorded.
		{"2026_meeting_recorded_late", func(r *Recruit, c *RecruitContext) {
			cut(r, StepUpperTalk)
			set(r, StepPreReview, func(x *StepRecord) { x.Date = d(2026, 6, 1) })
			set(r, StepForm, func(x *StepRecord) { x.Date = d(2026, 6, 5) })
			set(r, StepAdmission, func(x *StepRecord) { x.Date, x.ActivityID = d(2026, 7, 15), 0 })
		}, StepAdmission, []string{"严重: 张三 支部大会讨论接收 于2026年7月15日召开，距上级党委预审（2026年6月1日）超过1个月（《中国共产党发展党员工作细则》（2026年）第十九条）", "未关联"}, StepDone, Date{}},
		{"2014_meeting_recorded_late_is_local_practice", func(r *Recruit, c *RecruitContext) {
			set(r, StepAdmission, func(x *StepRecord) { x.Date = d(2025, 7, 7) })
			c.Activities[101].Date = d(2025, 7, 7)
			set(r, StepUpperTalk, func(x *StepRecord) { x.Date = d(2025, 7, 10) })
		}, StepAdmission, []string{"提醒: 张三 支部大会讨论接收 于2025年7月7日召开，距上级党委预审（2025年6月5日）超过1个月"}, StepDone, Date{}},
		// #6: the reviews go on every six months until the candidate is
		// decided; one review recorded does not close them.
		{"review_overdue_after_the_first", func(r *Recruit, c *RecruitContext) {
			cut(r, StepTraining)
			set(r, StepActivist, func(x *StepRecord) { x.Date = d(2025, 1, 10) })
			set(r, StepActivistRecord, func(x *StepRecord) { x.Date = d(2025, 1, 12) })
			set(r, StepMentors, func(x *StepRecord) { x.Date = d(2025, 1, 12) })
			r.Put(StepRecord{Step: StepTraining, Seq: 1, Date: d(2025, 7, 1)})
		}, StepTraining, []string{"严重: 张三 培养教育考察 应于2026年1月1日前完成，已逾期333天"}, StepOverdue, d(2026, 1, 1)},
		{"review_due_after_the_second", func(r *Recruit, c *RecruitContext) {
			cut(r, StepTraining)
			set(r, StepActivist, func(x *StepRecord) { x.Date = d(2025, 12, 1) })
			set(r, StepActivistRecord, func(x *StepRecord) { x.Date = d(2025, 12, 2) })
			set(r, StepMentors, func(x *StepRecord) { x.Date = d(2025, 12, 2) })
			r.Put(StepRecord{Step: StepTraining, Seq: 1, Date: d(2026, 6, 1)})
		}, StepTraining, []string{"提醒: 张三 培养教育考察 应于2026年12月1日前完成（还有1天）"}, StepDue, d(2026, 12, 1)},
		// #7: after an extension the second meeting is due at its end, and
		// checked: held before it, or never approved.
		{"extension_running_second_meeting_due", func(r *Recruit, c *RecruitContext) {
			cut(r, StepArchive)
			set(r, StepFullMeeting, func(x *StepRecord) { x.Outcome, x.Months = OutcomeExtend, 6 })
		}, StepFullMeeting, []string{"提醒: 张三 支部大会讨论转正 延长的预备期将于2026年12月20日届满"}, StepDue, d(2026, 12, 20)},
		{"extension_running_approval_and_archive_wait", func(r *Recruit, c *RecruitContext) {
			cut(r, StepArchive)
			set(r, StepFullMeeting, func(x *StepRecord) { x.Outcome, x.Months = OutcomeExtend, 6 })
		}, StepFullApproval, nil, StepWaiting, Date{}},
		{"second_meeting_before_the_extended_end", func(r *Recruit, c *RecruitContext) {
			cut(r, StepArchive)
			set(r, StepFullMeeting, func(x *StepRecord) { x.Outcome, x.Months = OutcomeExtend, 6 })
			r.Put(StepRecord{Step: StepFullMeeting, Seq: 2, Date: d(2026, 11, 10), Outcome: OutcomeFull})
			r.Put(StepRecord{Step: StepFullApproval, Seq: 2, Date: d(2026, 11, 20)})
		}, StepFullMeeting, []string{"严重: 张三 支部大会讨论转正 于2026年11月10日讨论转正，延长的预备期（2026年12月20日满）尚未届满", "未关联"}, StepDone, Date{}},
		{"second_meeting_without_its_approval", func(r *Recruit, c *RecruitContext) {
			cut(r, StepArchive)
			set(r, StepFullMeeting, func(x *StepRecord) { x.Outcome, x.Months = OutcomeExtend, 6 })
			set(r, StepAdmission, func(x *StepRecord) { x.Date = d(2025, 1, 20) })
			c.Activities[101].Date = d(2025, 1, 20)
			set(r, StepPreReview, func(x *StepRecord) { x.Date = d(2025, 1, 5) })
			set(r, StepForm, func(x *StepRecord) { x.Date = d(2025, 1, 10) })
			set(r, StepCommitteeReview, func(x *StepRecord) { x.Date = d(2025, 1, 2) })
			set(r, StepSponsors, func(x *StepRecord) { x.Date = d(2024, 12, 1) })
			set(r, StepVetting, func(x *StepRecord) { x.Date = d(2024, 12, 1) })
			set(r, StepCourse, func(x *StepRecord) { x.Date, x.Start, x.End = d(2024, 12, 3), d(2024, 12, 1), d(2024, 12, 3) })
			set(r, StepCandidate, func(x *StepRecord) { x.Date = d(2024, 10, 20) })
			set(r, StepCandidateRecord, func(x *StepRecord) { x.Date, x.Start, x.End = d(2024, 10, 25), d(2024, 11, 4), d(2024, 11, 8) })
			r.RecordSeq(StepTraining, 2).Date = d(2024, 10, 8)
			set(r, StepFullMeeting, func(x *StepRecord) { x.Date = d(2026, 1, 25) })
			c.Activities[102].Date = d(2026, 1, 25)
			set(r, StepFullApplication, func(x *StepRecord) { x.Date = d(2026, 1, 21) })
			set(r, StepFullApproval, func(x *StepRecord) { x.Date = d(2026, 2, 10) })
			r.Put(StepRecord{Step: StepFullMeeting, Seq: 2, Date: d(2026, 7, 22), Outcome: OutcomeFull})
		}, StepFullApproval, []string{"严重: 张三 转正审批 应于2026年10月22日前完成，已逾期39天"}, StepOverdue, d(2026, 10, 22)},
		// #8: the oath under the edition in force when it is taken, the
		// same before and after it is recorded.
		{"oath_not_taken_under_2026", func(r *Recruit, c *RecruitContext) {
			cut(r, StepOath)
			approvedOn(r, d(2026, 3, 1))
		}, StepOath, []string{"严重: 张三 入党宣誓 应于2026年4月1日前完成，已逾期243天（《中国共产党发展党员工作细则》（2026年）第二十九条）"}, StepOverdue, d(2026, 4, 1)},
		{"oath_taken_under_2026", func(r *Recruit, c *RecruitContext) {
			cut(r, StepOath)
			approvedOn(r, d(2026, 3, 1))
			r.Put(StepRecord{Step: StepOath, Seq: 1, Date: d(2026, 5, 15)})
		}, StepOath, []string{"严重: 张三 入党宣誓 于2026年5月15日宣誓，距审批（2026年3月1日）超过1个月（《中国共产党发展党员工作细则》（2026年）第二十九条）"}, StepDone, Date{}},
		{"oath_not_yet_due_under_2014", func(r *Recruit, c *RecruitContext) {
			cut(r, StepOath)
			approvedOn(r, d(2026, 3, 1))
			c.Today = d(2026, 4, 20)
		}, StepOath, nil, StepOpen, Date{}},
		// #9: an approval past 3 months is a reminder (special cases ≤ 6)
		// recorded or not; past 6 it is serious.
		{"approval_not_recorded_past_3_months", func(r *Recruit, c *RecruitContext) {
			cut(r, StepApproval)
			set(r, StepAdmission, func(x *StepRecord) { x.Date, x.ActivityID = d(2026, 8, 20), 0 })
			set(r, StepUpperTalk, func(x *StepRecord) { x.Date = d(2026, 8, 25) })
			moveBefore(r, d(2026, 8, 20))
		}, StepApproval, []string{"提醒: 张三 审批 应于2026年11月20日前完成，已逾期10天；特殊情况最长6个月（2027年2月20日前）"}, StepOverdue, d(2026, 11, 20)},
		{"approval_not_recorded_past_6_months", func(r *Recruit, c *RecruitContext) {
			cut(r, StepApproval)
			set(r, StepAdmission, func(x *StepRecord) { x.Date, x.ActivityID = d(2026, 5, 20), 0 })
			set(r, StepUpperTalk, func(x *StepRecord) { x.Date = d(2026, 5, 25) })
			moveBefore(r, d(2026, 5, 20))
		}, StepApproval, []string{"严重: 张三 审批 应于2026年8月20日前完成，已超过特殊情况最长的6个月（2026年11月20日）"}, StepOverdue, d(2026, 8, 20)},
		// #10: sponsors twice the same, not on the roster, the candidate.
		{"sponsor_named_twice", func(r *Recruit, c *RecruitContext) {
			set(r, StepSponsors, func(x *StepRecord) { x.People, x.PeopleIDs = "赵敏、赵敏", []int64{3, 3} })
		}, StepSponsors, []string{"赵敏登记了两次", "登记了1人（赵敏、赵敏），应为2名正式党员"}, StepDone, Date{}},
		{"sponsor_not_on_the_roster", func(r *Recruit, c *RecruitContext) {
			set(r, StepSponsors, func(x *StepRecord) { x.People, x.PeopleIDs = "赵敏、路人甲", []int64{3} })
		}, StepSponsors, []string{"提醒: 张三 确定入党介绍人 路人甲不在本支部花名册上"}, StepDone, Date{}},
		{"candidate_as_own_sponsor", func(r *Recruit, c *RecruitContext) {
			set(r, StepSponsors, func(x *StepRecord) { x.People, x.PeopleIDs = "赵敏、张三", []int64{3} })
		}, StepSponsors, []string{"严重: 张三 确定入党介绍人 张三本人不能担任自己的入党介绍人"}, StepDone, Date{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, c := cleanPipeline()
			tc.change(r, c)
			rep := CheckRecruit(r, c)
			got := findingsOf(rep, r, tc.step)
			for _, w := range tc.want {
				found := false
				for _, g := range got {
					found = found || strings.Contains(g, w)
				}
				if !found {
					t.Errorf("no finding with %q; got %q", w, got)
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("findings %q, want %d", got, len(tc.want))
			}
			if st := rep.Timeline[tc.step-1]; st.State != tc.state || st.Due != tc.due {
				t.Errorf("timeline: state %d due %s, want %d %s", st.State, st.Due, tc.state, tc.due)
			}
		})
	}
}

// approvedOn moves the approval and the steps around it to day.
func approvedOn(r *Recruit, day Date) {
	set(r, StepApproval, func(x *StepRecord) { x.Date = day })
	set(r, StepApprovalRecord, func(x *StepRecord) { x.Date = day })
	set(r, StepAssignment, func(x *StepRecord) { x.Date = day })
	set(r, StepAdmission, func(x *StepRecord) { x.Date, x.ActivityID = day.AddDays(-20), 0 })
	set(r, StepUpperTalk, func(x *StepRecord) { x.Date = day.AddDays(-10) })
	moveBefore(r, day.AddDays(-20))
}

// moveBefore moves the steps from 支委会审查 to 填写入党志愿书 just before the
// admitting meeting on day, keeping their order and the pre-review's month.
func moveBefore(r *Recruit, day Date) {
	set(r, StepForm, func(x *StepRecord) { x.Date = day.AddDays(-2) })
	set(r, StepPreReview, func(x *StepRecord) { x.Date = day.AddDays(-5) })
	set(r, StepCommitteeReview, func(x *StepRecord) { x.Date = day.AddDays(-8) })
}

// #8: the timeline and the finding name the same deadline for every
// approval day around 2026-05-11 and every oath day: if the timeline shows
// the oath overdue on a day, an oath taken that day is late, and the reverse.
func TestOathDeadlineAgreesBeforeAndAfter(t *testing.T) {
	for approval := d(2026, 3, 1); approval.Before(d(2026, 6, 30)); approval = approval.AddDays(7) {
		for oath := approval.AddDays(1); oath.Before(d(2026, 11, 30)); oath = oath.AddDays(9) {
			r, c := cleanPipeline()
			cut(r, StepOath)
			approvedOn(r, approval)
			c.Today = oath
			before := CheckRecruit(r, c).Timeline[StepOath-1].State == StepOverdue
			r.Put(StepRecord{Step: StepOath, Seq: 1, Date: oath})
			after := len(findingsOf(CheckRecruit(r, c), r, StepOath)) > 0
			if before != after {
				t.Fatalf("approval %s, oath %s: overdue on the timeline %v, late once recorded %v", approval, oath, before, after)
			}
		}
	}
}

// #12: a step's date must name the day; a month alone is refused.
func TestStepDateNeedsTheDay(t *testing.T) {
	x := StepRecord{Step: StepApplication, Seq: 1, Date: MonthDate(2026, 10)}
	if errs := x.Validate(recruitToday); len(errs) != 1 || !strings.Contains(errs[0].Message, "只到月，请填写到日") {
		t.Errorf("month-only date: %v", errs)
	}
	x = StepRecord{Step: StepCourse, Seq: 1, Date: d(2026, 10, 9), Start: MonthDate(2026, 10), End: d(2026, 10, 9)}
	if errs := x.Validate(recruitToday); len(errs) != 1 || errs[0].Field != StepPeriodField {
		t.Errorf("month-only period: %v", errs)
	}
}

// #7: while an extension runs the next action is the second 转正 meeting,
// not the archive.
func TestNextDuringAnExtension(t *testing.T) {
	r, c := cleanPipeline()
	cut(r, StepArchive)
	set(r, StepFullMeeting, func(x *StepRecord) { x.Outcome, x.Months = OutcomeExtend, 6 })
	rep := CheckRecruit(r, c)
	if n := rep.Next(); n == nil || n.Step != StepFullMeeting || n.Due != d(2026, 12, 20) {
		t.Errorf("next: %+v", n)
	}
	if st := rep.Timeline[StepArchive-1].State; st != StepWaiting {
		t.Errorf("archive state %d, want waiting", st)
	}
}
