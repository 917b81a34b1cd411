package model

import (
	"strings"
	"testing"
	"time"
)

var recruitToday = NewDate(2026, 11, 30)

func d(y int, m time.Month, day int) Date { return NewDate(y, m, day) }

// fullMembers are five full members of long standing, IDs 1–5.
func fullMembers() map[int64]*Member {
	out := map[int64]*Member{}
	for i, n := range []string{"王芳", "李强", "赵敏", "孙伟", "周杰"} {
		out[int64(i+1)] = &Member{ID: int64(i + 1), Name: n, Category: CategoryFull, JoinDate: d(2008, 7, 1),
			FullDate: d(2009, 7, 1), OnRoster: true, Standing: StandingNormal}
	}
	return out
}

// generalMeeting is a 支部党员大会 on day with the five members, present
// of them there, and one vote with yes votes.
func generalMeeting(id int64, day Date, present, yes int) *Activity {
	a := &Activity{ID: id, Kind: KindGeneralMeeting, Seq: 1, Date: day}
	for i := 1; i <= 5; i++ {
		st := Present
		if i > present {
			st = Absent
		}
		a.Attendance = append(a.Attendance, AttendanceRow{MemberID: int64(i), Status: st, Reason: "出差"})
	}
	a.Resolutions = []Resolution{{Text: "接收张三为预备党员", Voted: true, Yes: yes}}
	return a
}

// cleanPipeline is a pipeline that keeps every rule, from an application in
// 2024 (under the 2014 edition) to 转正 and archive in 2026 (under 2026).
func cleanPipeline() (*Recruit, *RecruitContext) {
	r := &Recruit{ID: 7, Name: "张三", Sex: SexMale, IDNumber: "110101199001011237"}
	put := func(x StepRecord) {
		if x.Seq == 0 {
			x.Seq = 1
		}
		r.Put(x)
	}
	put(StepRecord{Step: StepApplication, Date: d(2024, 3, 4)})
	put(StepRecord{Step: StepTalk, Date: d(2024, 3, 20), People: "王芳"})
	put(StepRecord{Step: StepActivist, Date: d(2024, 4, 10), Method: string(ByMembers)})
	put(StepRecord{Step: StepActivistRecord, Date: d(2024, 4, 15)})
	put(StepRecord{Step: StepMentors, Date: d(2024, 4, 15), People: "王芳、李强", PeopleIDs: []int64{1, 2}})
	put(StepRecord{Step: StepTraining, Seq: 1, Date: d(2024, 10, 8)})
	put(StepRecord{Step: StepTraining, Seq: 2, Date: d(2025, 4, 7)})
	put(StepRecord{Step: StepCandidate, Date: d(2025, 4, 20)})
	put(StepRecord{Step: StepCandidateRecord, Date: d(2025, 4, 25), Method: string(DecisionRecorded),
		Start: d(2025, 5, 6), End: d(2025, 5, 12)})
	put(StepRecord{Step: StepSponsors, Date: d(2025, 5, 15), People: "赵敏、孙伟", PeopleIDs: []int64{3, 4}})
	put(StepRecord{Step: StepVetting, Date: d(2025, 5, 20), Document: "政治合格"})
	put(StepRecord{Step: StepCourse, Date: d(2025, 5, 23), Start: d(2025, 5, 21), End: d(2025, 5, 23)})
	put(StepRecord{Step: StepCommitteeReview, Date: d(2025, 5, 28)})
	put(StepRecord{Step: StepPreReview, Date: d(2025, 6, 5)})
	put(StepRecord{Step: StepForm, Date: d(2025, 6, 10), Document: "No.0012345"})
	put(StepRecord{Step: StepAdmission, Date: d(2025, 6, 20), ActivityID: 101})
	put(StepRecord{Step: StepUpperTalk, Date: d(2025, 7, 1), People: "组织员 刘"})
	put(StepRecord{Step: StepApproval, Date: d(2025, 7, 15)})
	put(StepRecord{Step: StepApprovalRecord, Date: d(2025, 7, 20)})
	put(StepRecord{Step: StepAssignment, Date: d(2025, 7, 20)})
	put(StepRecord{Step: StepOath, Date: d(2025, 7, 25)})
	put(StepRecord{Step: StepFullApplication, Date: d(2026, 6, 1)})
	put(StepRecord{Step: StepFullMeeting, Date: d(2026, 6, 22), ActivityID: 102, Outcome: OutcomeFull})
	put(StepRecord{Step: StepFullApproval, Date: d(2026, 7, 10)})
	put(StepRecord{Step: StepArchive, Date: d(2026, 7, 20), Archived: RecruitRules2026.ArchiveDocument})
	members := fullMembers()
	c := &RecruitContext{
		Members:    members,
		Activities: map[int64]*Activity{101: generalMeeting(101, d(2025, 6, 20), 5, 5), 102: generalMeeting(102, d(2026, 6, 22), 5, 5)},
		Meetings:   RuleContext{Members: members, CommitteeSeats: 3, Rules: BranchWorkRules2018},
		Calendar:   DefaultHolidayCalendar(),
		Today:      recruitToday,
	}
	return r, c
}

func TestCleanPipelineHasNoFindings(t *testing.T) {
	r, c := cleanPipeline()
	rep := CheckRecruit(r, c)
	for _, f := range rep.Findings {
		t.Errorf("unexpected finding: %s: %s", f.Severity, f.Message)
	}
	if got := r.Status(); got != StatusFull {
		t.Errorf("status %s, want %s", got, StatusFull)
	}
	if got := r.ProbationEnd(); got != d(2026, 6, 20) {
		t.Errorf("probation end %s, want 2026-06-20", got)
	}
	for _, st := range rep.Timeline {
		if st.State != StepDone {
			t.Errorf("step %d %s: state %d, want done", st.Step, st.Step, st.State)
		}
	}
	if rep.Next() != nil {
		t.Errorf("next action %v on a finished pipeline", rep.Next().Step)
	}
}

// cut keeps the steps before s only, as a pipeline still under way.
func cut(r *Recruit, s RecruitStep) {
	var keep []StepRecord
	for _, x := range r.Records {
		if x.Step < s {
			keep = append(keep, x)
		}
	}
	r.Records = keep
}

func set(r *Recruit, s RecruitStep, f func(x *StepRecord)) {
	x := r.Record(s)
	if x == nil {
		r.Put(StepRecord{Step: s, Seq: 1})
		x = r.Record(s)
	}
	f(x)
}

// TestRecruitRules checks each rule of RULES.md §3/§3a at its edges, under
// the edition of the step's date. want is the severity and a part of the
// message of the one finding expected for the step, or "" for none.
func TestRecruitRules(t *testing.T) {
	cases := []struct {
		name   string
		change func(r *Recruit, c *RecruitContext)
		step   RecruitStep
		sev    Severity
		want   string
	}{
		// 第七条: the talk within one month of the application.
		{"talk_exactly_1_month_is_in_time", func(r *Recruit, c *RecruitContext) {
			set(r, StepApplication, func(x *StepRecord) { x.Date = d(2024, 2, 20) })
			set(r, StepTalk, func(x *StepRecord) { x.Date = d(2024, 3, 20) })
		}, StepTalk, 0, ""},
		{"talk_1_month_and_1_day_is_late", func(r *Recruit, c *RecruitContext) {
			set(r, StepApplication, func(x *StepRecord) { x.Date = d(2024, 2, 19) })
			set(r, StepTalk, func(x *StepRecord) { x.Date = d(2024, 3, 20) })
		}, StepTalk, Serious, "超过递交申请书（2024年2月19日）后1个月"},
		{"talk_month_end_clamp_leap_Jan31_to_Feb29", func(r *Recruit, c *RecruitContext) {
			set(r, StepApplication, func(x *StepRecord) { x.Date = d(2024, 1, 31) })
			set(r, StepTalk, func(x *StepRecord) { x.Date = d(2024, 2, 29) })
			set(r, StepActivist, func(x *StepRecord) { x.Date = d(2024, 3, 1) })
		}, StepTalk, 0, ""},
		{"talk_month_end_clamp_Jan31_to_Feb28_then_Mar1_late", func(r *Recruit, c *RecruitContext) {
			cut(r, StepTalk)
			set(r, StepApplication, func(x *StepRecord) { x.Date = d(2025, 1, 31) })
			set(r, StepTalk, func(x *StepRecord) { x.Date = d(2025, 3, 1) })
		}, StepTalk, Serious, "后1个月"},
		{"talk_not_held_and_overdue", func(r *Recruit, c *RecruitContext) {
			cut(r, StepTalk)
			set(r, StepApplication, func(x *StepRecord) { x.Date = d(2026, 9, 30) })
		}, StepTalk, Serious, "应于2026年10月30日前完成，已逾期31天"},
		{"talk_due_within_30_days", func(r *Recruit, c *RecruitContext) {
			cut(r, StepTalk)
			set(r, StepApplication, func(x *StepRecord) { x.Date = d(2026, 11, 16) })
		}, StepTalk, Warning, "应于2026年12月16日前完成（还有16天）"},
		// 第八条
		{"activist_without_recommendation", func(r *Recruit, c *RecruitContext) {
			set(r, StepActivist, func(x *StepRecord) { x.Method = "" })
		}, StepActivist, Info, "推荐方式"},
		// 第九条: 1–2 mentors, full members.
		{"three_mentors", func(r *Recruit, c *RecruitContext) {
			set(r, StepMentors, func(x *StepRecord) { x.People = "王芳、李强、赵敏" })
		}, StepMentors, Serious, "应为1至2名正式党员"},
		{"one_mentor_is_enough", func(r *Recruit, c *RecruitContext) {
			set(r, StepMentors, func(x *StepRecord) { x.People, x.PeopleIDs = "王芳", []int64{1} })
		}, StepMentors, 0, ""},
		{"mentor_probationary", func(r *Recruit, c *RecruitContext) {
			c.Members[2].Category, c.Members[2].FullDate = CategoryProbationary, Date{}
		}, StepMentors, Serious, "李强在2024年4月15日不是本支部的正式党员"},
		// 第十一条: a review every six months.
		{"review_gap_of_6_months_exactly", func(r *Recruit, c *RecruitContext) {
			set(r, StepActivist, func(x *StepRecord) { x.Date = d(2024, 4, 8) })
			r.RecordSeq(StepTraining, 1).Date = d(2024, 10, 8)
		}, StepTraining, 0, ""},
		{"review_gap_over_6_months", func(r *Recruit, c *RecruitContext) {
			r.RecordSeq(StepTraining, 1).Date = d(2024, 10, 11)
		}, StepTraining, Serious, "距上次（2024年4月10日）超过6个月"},
		{"review_missing_before_candidate", func(r *Recruit, c *RecruitContext) {
			r.Records = removeSeq(r.Records, StepTraining, 2)
		}, StepTraining, Serious, "缺少半年一次的考察记录"},
		{"review_overdue_while_activist", func(r *Recruit, c *RecruitContext) {
			cut(r, StepTraining)
			set(r, StepActivist, func(x *StepRecord) { x.Date = d(2026, 3, 2) })
			set(r, StepActivistRecord, func(x *StepRecord) { x.Date = d(2026, 3, 5) })
			set(r, StepMentors, func(x *StepRecord) { x.Date = d(2026, 3, 5) })
		}, StepTraining, Serious, "应于2026年9月2日前完成"},
		// 第十三条: a year as activist.
		{"candidate_exactly_one_year", func(r *Recruit, c *RecruitContext) {
			set(r, StepCandidate, func(x *StepRecord) { x.Date = d(2025, 4, 10) })
		}, StepCandidate, 0, ""},
		{"candidate_one_day_short_of_a_year", func(r *Recruit, c *RecruitContext) {
			set(r, StepCandidate, func(x *StepRecord) { x.Date = d(2025, 4, 9) })
		}, StepCandidate, Serious, "不满1年（2025年4月10日满）"},
		{"candidate_may_be_decided_now", func(r *Recruit, c *RecruitContext) {
			cut(r, StepCandidate)
			set(r, StepActivist, func(x *StepRecord) { x.Date = d(2025, 11, 20) })
			set(r, StepActivistRecord, func(x *StepRecord) { x.Date = d(2025, 11, 21) })
			set(r, StepMentors, func(x *StepRecord) { x.Date = d(2025, 11, 21) })
			r.RecordSeq(StepTraining, 1).Date = d(2026, 5, 18)
			r.RecordSeq(StepTraining, 2).Date = d(2026, 11, 16)
		}, StepCandidate, Info, "培养考察已满一年（2026年11月20日），可讨论确定为发展对象"},
		// 2026 §13: the upper committee must agree; 2014: 备案 is enough.
		{"2014_candidate_recorded_only", func(r *Recruit, c *RecruitContext) {
			set(r, StepCandidateRecord, func(x *StepRecord) { x.Method = string(DecisionRecorded) })
		}, StepCandidateRecord, 0, ""},
		{"2026_candidate_recorded_only_needs_agreement", func(r *Recruit, c *RecruitContext) {
			candidateOn(r, d(2026, 9, 25), StepRecord{Date: d(2026, 9, 29), Method: string(DecisionRecorded),
				Start: d(2026, 9, 29), End: d(2026, 10, 12)})
		}, StepCandidateRecord, Serious, "须经上级党委同意"},
		// Notices across 劳动节 2026 (5月1日–5日 off, Saturday 5月9日 worked),
		// under 2014 by their date, where 5 working days is local practice.
		{"2014_notice_5_working_days_over_labour_day_with_Saturday_worked", func(r *Recruit, c *RecruitContext) {
			candidateOn(r, d(2026, 4, 28), StepRecord{Date: d(2026, 5, 6), Method: string(DecisionRecorded),
				Start: d(2026, 5, 6), End: d(2026, 5, 11)})
		}, StepCandidateRecord, 0, ""},
		{"2014_notice_4_working_days_over_labour_day_is_a_reminder", func(r *Recruit, c *RecruitContext) {
			candidateOn(r, d(2026, 4, 28), StepRecord{Date: d(2026, 4, 30), Method: string(DecisionRecorded),
				Start: d(2026, 4, 30), End: d(2026, 5, 8)})
		}, StepCandidateRecord, Warning, "只有4个工作日，应不少于5个工作日（《中国共产党发展党员工作细则》（2014年）及各地通行做法）"},
		// … and across 国庆节 2026 (10月1日–7日 off, Saturday 10月10日
		// worked) under 2026 §13, where it is the national rule.
		{"2026_notice_5_working_days_over_national_day_with_Saturday_worked", func(r *Recruit, c *RecruitContext) {
			candidateOn(r, d(2026, 9, 25), StepRecord{Date: d(2026, 9, 29), Method: string(DecisionAgreed),
				Start: d(2026, 9, 30), End: d(2026, 10, 12)})
		}, StepCandidateRecord, 0, ""},
		{"2026_notice_4_working_days_ending_on_the_Saturday_worked", func(r *Recruit, c *RecruitContext) {
			candidateOn(r, d(2026, 9, 25), StepRecord{Date: d(2026, 9, 29), Method: string(DecisionAgreed),
				Start: d(2026, 9, 30), End: d(2026, 10, 10)})
		}, StepCandidateRecord, Serious, "只有4个工作日，应不少于5个工作日（《中国共产党发展党员工作细则》（2026年）第十三条）"},
		{"2014_notice_short_is_local_practice", func(r *Recruit, c *RecruitContext) {
			set(r, StepCandidateRecord, func(x *StepRecord) { x.Start, x.End = d(2025, 4, 30), d(2025, 5, 6) })
		}, StepCandidateRecord, Warning, "只有2个工作日"},
		{"notice_not_over_at_pre_review", func(r *Recruit, c *RecruitContext) {
			set(r, StepCandidateRecord, func(x *StepRecord) { x.Start, x.End = d(2025, 5, 26), d(2025, 6, 5) })
		}, StepPreReview, Warning, "公示到2025年6月5日才结束"},
		// 第十四条: two sponsors.
		{"one_sponsor", func(r *Recruit, c *RecruitContext) {
			set(r, StepSponsors, func(x *StepRecord) { x.People, x.PeopleIDs = "赵敏", []int64{3} })
		}, StepSponsors, Serious, "应为2名正式党员"},
		// 第十六条, 第十七条
		{"vetting_without_conclusion", func(r *Recruit, c *RecruitContext) {
			set(r, StepVetting, func(x *StepRecord) { x.Document = "" })
		}, StepVetting, Info, "书面结论"},
		{"course_2_days_but_24_hours", func(r *Recruit, c *RecruitContext) {
			set(r, StepCourse, func(x *StepRecord) { x.Start, x.End, x.Hours = d(2025, 5, 22), d(2025, 5, 23), 24 })
		}, StepCourse, 0, ""},
		{"course_2_days_23_hours", func(r *Recruit, c *RecruitContext) {
			set(r, StepCourse, func(x *StepRecord) { x.Start, x.End, x.Hours = d(2025, 5, 22), d(2025, 5, 23), 23 })
		}, StepCourse, Serious, "培训2天、23学时，应不少于3天或24学时"},
		// 2026 §19: the meeting within a month of the pre-review.
		{"2026_meeting_overdue_after_pre_review", func(r *Recruit, c *RecruitContext) {
			cut(r, StepAdmission)
			set(r, StepPreReview, func(x *StepRecord) { x.Date = d(2026, 10, 15) })
			set(r, StepForm, func(x *StepRecord) { x.Date = d(2026, 10, 20) })
		}, StepAdmission, Serious, "应于2026年11月15日前完成，已逾期15天（《中国共产党发展党员工作细则》（2026年）第十九条）"},
		{"2026_meeting_overdue_though_a_step_between_is_missing", func(r *Recruit, c *RecruitContext) {
			cut(r, StepForm)
			set(r, StepPreReview, func(x *StepRecord) { x.Date = d(2026, 7, 1) })
		}, StepAdmission, Serious, "应于2026年8月1日前完成，已逾期"},
		// Meeting below quorum: 2 of 5 voting members present.
		{"admitting_meeting_below_quorum", func(r *Recruit, c *RecruitContext) {
			c.Activities[101] = generalMeeting(101, d(2025, 6, 20), 2, 2)
		}, StepAdmission, Serious, "未超过半数"},
		{"admitting_vote_3_of_5_passes", func(r *Recruit, c *RecruitContext) {
			c.Activities[101] = generalMeeting(101, d(2025, 6, 20), 4, 3)
		}, StepAdmission, 0, ""},
		{"admitting_vote_2_of_5_fails", func(r *Recruit, c *RecruitContext) {
			c.Activities[101] = generalMeeting(101, d(2025, 6, 20), 4, 2)
		}, StepAdmission, Serious, "未通过"},
		{"admitting_meeting_not_linked", func(r *Recruit, c *RecruitContext) {
			set(r, StepAdmission, func(x *StepRecord) { x.ActivityID = 0 })
		}, StepAdmission, Info, "未关联支部党员大会的会议记录"},
		// 第二十五条: approval within 3 months, at most 6.
		{"approval_exactly_3_months", func(r *Recruit, c *RecruitContext) {
			set(r, StepApproval, func(x *StepRecord) { x.Date = d(2025, 9, 20) })
			set(r, StepApprovalRecord, func(x *StepRecord) { x.Date = d(2025, 9, 21) })
			set(r, StepAssignment, func(x *StepRecord) { x.Date = d(2025, 9, 21) })
			set(r, StepOath, func(x *StepRecord) { x.Date = d(2025, 9, 22) })
		}, StepApproval, 0, ""},
		{"approval_4_months_special_case", func(r *Recruit, c *RecruitContext) {
			set(r, StepApproval, func(x *StepRecord) { x.Date = d(2025, 10, 20) })
			set(r, StepApprovalRecord, func(x *StepRecord) { x.Date = d(2025, 10, 21) })
			set(r, StepAssignment, func(x *StepRecord) { x.Date = d(2025, 10, 21) })
			set(r, StepOath, func(x *StepRecord) { x.Date = d(2025, 10, 22) })
		}, StepApproval, Warning, "须属特殊情况"},
		{"approval_over_6_months", func(r *Recruit, c *RecruitContext) {
			set(r, StepApproval, func(x *StepRecord) { x.Date = d(2025, 12, 21) })
			set(r, StepApprovalRecord, func(x *StepRecord) { x.Date = d(2025, 12, 22) })
			set(r, StepAssignment, func(x *StepRecord) { x.Date = d(2025, 12, 22) })
			set(r, StepOath, func(x *StepRecord) { x.Date = d(2025, 12, 22) })
		}, StepApproval, Serious, "特殊情况最长6个月"},
		// 2026 §29: the oath within a month of approval; 2014 sets no limit.
		{"2014_oath_two_months_after_approval", func(r *Recruit, c *RecruitContext) {
			set(r, StepOath, func(x *StepRecord) { x.Date = d(2025, 9, 15) })
		}, StepOath, 0, ""},
		{"2026_oath_a_month_and_a_day_after_approval", func(r *Recruit, c *RecruitContext) {
			set(r, StepApproval, func(x *StepRecord) { x.Date = d(2025, 9, 15) })
			set(r, StepApprovalRecord, func(x *StepRecord) { x.Date = d(2025, 9, 16) })
			set(r, StepAssignment, func(x *StepRecord) { x.Date = d(2025, 9, 16) })
			set(r, StepOath, func(x *StepRecord) { x.Date = d(2026, 5, 16) })
		}, StepOath, Serious, "超过1个月（《中国共产党发展党员工作细则》（2026年）第二十九条）"},
		// 第三十一/三十二条: extension once, 6–12 months.
		{"extension_of_5_months", func(r *Recruit, c *RecruitContext) {
			set(r, StepFullMeeting, func(x *StepRecord) { x.Outcome, x.Months = OutcomeExtend, 5 })
		}, StepFullMeeting, Serious, "延长预备期5个月，应不少于6个月、不超过12个月"},
		{"extension_of_12_months_then_due", func(r *Recruit, c *RecruitContext) {
			cut(r, StepFullApproval)
			set(r, StepFullMeeting, func(x *StepRecord) { x.Outcome, x.Months = OutcomeExtend, 6 })
			set(r, StepAdmission, func(x *StepRecord) { x.Date = d(2025, 6, 20) })
			c.Today = d(2026, 12, 5)
		}, StepFullMeeting, Warning, "延长的预备期将于2026年12月20日届满"},
		{"second_extension", func(r *Recruit, c *RecruitContext) {
			set(r, StepFullMeeting, func(x *StepRecord) { x.Outcome, x.Months = OutcomeExtend, 6 })
			r.Put(StepRecord{Step: StepFullMeeting, Seq: 2, Date: d(2026, 11, 1), Outcome: OutcomeExtend, Months: 6, ActivityID: 102})
		}, StepFullMeeting, Serious, "预备期只能延长1次"},
		{"full_meeting_before_probation_ends", func(r *Recruit, c *RecruitContext) {
			set(r, StepFullMeeting, func(x *StepRecord) { x.Date = d(2026, 6, 19) })
			c.Activities[102].Date = d(2026, 6, 19)
		}, StepFullMeeting, Serious, "尚未届满"},
		{"probation_ends_within_30_days_one_reminder", func(r *Recruit, c *RecruitContext) {
			cut(r, StepFullApplication)
			c.Today = d(2026, 6, 1)
		}, StepFullApplication, Warning, "预备期将于2026年6月20日届满（还有19天）"},
		// 第三十三条: 转正 approval within 3 months.
		{"full_approval_over_3_months", func(r *Recruit, c *RecruitContext) {
			set(r, StepFullApproval, func(x *StepRecord) { x.Date = d(2026, 9, 23) })
			set(r, StepArchive, func(x *StepRecord) { x.Date = d(2026, 9, 30) })
		}, StepFullApproval, Serious, "超过3个月"},
		// 第三十六条
		{"archive_missing_documents_2026", func(r *Recruit, c *RecruitContext) {
			set(r, StepArchive, func(x *StepRecord) { x.Archived = []string{"入党志愿书", "入党申请书"} })
		}, StepArchive, Warning, "预备党员教育考察登记表"},
		// Order and completeness.
		{"step_before_its_predecessor", func(r *Recruit, c *RecruitContext) {
			set(r, StepForm, func(x *StepRecord) { x.Date = d(2025, 6, 1) })
		}, StepForm, Serious, "早于前一环节“上级党委预审”"},
		{"missing_steps_one_finding", func(r *Recruit, c *RecruitContext) {
			r.Records = removeSeq(r.Records, StepActivistRecord, 1)
			r.Records = removeSeq(r.Records, StepUpperTalk, 1)
		}, StepArchive, Serious, "此前缺少环节：积极分子备案、上级党委谈话"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, c := cleanPipeline()
			tc.change(r, c)
			rep := CheckRecruit(r, c)
			var hits []Finding
			for _, f := range rep.Findings {
				if strings.HasPrefix(f.Message, r.Name+" "+tc.step.Info().Short+" ") {
					hits = append(hits, f)
				}
			}
			if tc.want == "" {
				for _, f := range hits {
					t.Errorf("unexpected %s: %s", f.Severity, f.Message)
				}
				return
			}
			for _, f := range hits {
				if strings.Contains(f.Message, tc.want) {
					if f.Severity != tc.sev {
						t.Errorf("severity %s, want %s: %s", f.Severity, tc.sev, f.Message)
					}
					if f.About != AboutRecruiting || f.RecruitID != r.ID {
						t.Errorf("finding not about the pipeline of %d: %+v", r.ID, f)
					}
					return
				}
			}
			t.Errorf("no finding for step %s containing %q; got:", tc.step, tc.want)
			for _, f := range rep.Findings {
				t.Logf("  %s: %s", f.Severity, f.Message)
			}
		})
	}
}

func removeSeq(rs []StepRecord, s RecruitStep, seq int) []StepRecord {
	var out []StepRecord
	for _, x := range rs {
		if x.Step != s || x.Seq != seq {
			out = append(out, x)
		}
	}
	return out
}

// candidateOn makes the person a candidate on day, with rec as the upper
// committee's decision and the notice, and drops the steps after.
func candidateOn(r *Recruit, day Date, rec StepRecord) {
	cut(r, StepCandidateRecord)
	set(r, StepCandidate, func(x *StepRecord) { x.Date = day })
	rec.Step, rec.Seq = StepCandidateRecord, 1
	r.Put(rec)
}

// A pipeline that crosses 2026-05-11: the steps before are checked under
// the 2014 edition, those after under 2026, each by its own date.
func TestPipelineAcrossTheNewEdition(t *testing.T) {
	r, c := cleanPipeline()
	// Admitted on 2026-03-20, approved 2026-04-10 (2014: no oath limit
	// then), oath 2026-05-20: under 2026 the oath is due within a month of
	// approval, so the oath is late though the approval was under 2014.
	cut(r, StepFullApplication)
	set(r, StepPreReview, func(x *StepRecord) { x.Date = d(2026, 3, 1) })
	set(r, StepForm, func(x *StepRecord) { x.Date = d(2026, 3, 5) })
	set(r, StepAdmission, func(x *StepRecord) { x.Date, x.ActivityID = d(2026, 3, 20), 0 })
	set(r, StepUpperTalk, func(x *StepRecord) { x.Date = d(2026, 3, 25) })
	set(r, StepApproval, func(x *StepRecord) { x.Date = d(2026, 4, 10) })
	set(r, StepApprovalRecord, func(x *StepRecord) { x.Date = d(2026, 4, 12) })
	set(r, StepAssignment, func(x *StepRecord) { x.Date = d(2026, 4, 12) })
	set(r, StepOath, func(x *StepRecord) { x.Date = d(2026, 5, 20) })
	rep := CheckRecruit(r, c)
	var oath, meeting []string
	for _, f := range rep.Findings {
		switch {
		case strings.Contains(f.Message, " 入党宣誓 "):
			oath = append(oath, f.Message)
		case strings.Contains(f.Message, "支部大会讨论接收") && !strings.Contains(f.Message, "未关联"):
			meeting = append(meeting, f.Message)
		}
	}
	if len(oath) != 1 || !strings.Contains(oath[0], "（2026年）第二十九条") {
		t.Errorf("oath after 2026-05-11 is checked under 2026 §29: %v", oath)
	}
	// The pre-review (2026-03-01) to meeting (2026-03-20) is within a
	// month anyway; under 2014 that month is local practice.
	if len(meeting) != 0 {
		t.Errorf("meeting findings: %v", meeting)
	}
	if got := RecruitRulesOn(d(2026, 5, 10)).Edition; got != "2014" {
		t.Errorf("edition on 2026-05-10 = %s", got)
	}
	if got := RecruitRulesOn(d(2026, 5, 11)).Edition; got != "2026" {
		t.Errorf("edition on 2026-05-11 = %s", got)
	}
	if p := rep.Timeline[StepProbation-1]; p.State != StepDue || p.Due != d(2027, 3, 20) {
		t.Errorf("probation: %+v, want due 2027-03-20", p)
	}
	if n := rep.Next(); n == nil || n.Step != StepFullApplication || n.Due != d(2027, 3, 20) {
		t.Errorf("next action: %+v", n)
	}
}

func TestTimelineStates(t *testing.T) {
	r, c := cleanPipeline()
	cut(r, StepActivist)
	set(r, StepApplication, func(x *StepRecord) { x.Date = d(2026, 11, 10) })
	set(r, StepTalk, func(x *StepRecord) { x.Date = d(2026, 11, 20) })
	rep := CheckRecruit(r, c)
	want := map[RecruitStep]StepState{
		StepApplication: StepDone, StepTalk: StepDone, StepActivist: StepOpen,
		StepActivistRecord: StepWaiting, StepCandidate: StepWaiting, StepArchive: StepWaiting,
	}
	for s, st := range want {
		if got := rep.Timeline[s-1].State; got != st {
			t.Errorf("%s: state %d, want %d", s, got, st)
		}
	}
	if n := rep.Next(); n == nil || n.Step != StepActivist {
		t.Errorf("next: %+v", n)
	}
	if r.Status() != StatusApplicant {
		t.Errorf("status %s", r.Status())
	}
}

func TestRecruitValidate(t *testing.T) {
	cases := []struct {
		name  string
		birth string // ID number birth part
		app   Date
		want  string
	}{
		{"18_on_the_day", "20060315", d(2024, 3, 15), ""},
		{"a_day_short_of_18", "20060315", d(2024, 3, 14), "未满18周岁"},
		{"leap_day_birthday_18_on_Feb28", "20040229", d(2022, 2, 28), ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			id := "110101" + tc.birth + "123"
			id += string(IDCheckChar(id))
			r := Recruit{Name: "张三", IDNumber: id, Records: []StepRecord{{Step: StepApplication, Seq: 1, Date: tc.app}}}
			r.Normalize()
			errs := r.Validate(recruitToday)
			got := errs.Error()
			if tc.want == "" && len(errs) > 0 || tc.want != "" && !strings.Contains(got, tc.want) {
				t.Errorf("Validate = %q, want %q", got, tc.want)
			}
		})
	}
	r := Recruit{Name: "张三", IDNumber: "110101199001011237", Sex: SexFemale,
		Records: []StepRecord{{Step: StepApplication, Seq: 1, Date: d(2027, 1, 1)}}}
	errs := r.Validate(recruitToday)
	if errs.For(RecruitSex) == "" || !strings.Contains(errs.Error(), "晚于今天") {
		t.Errorf("sex against ID and a future date: %v", errs)
	}
}

// The roster's "probation ended without a decision" finding links to the
// pipeline page of the person the member came through; its other findings
// about the member do not.
func TestProbationFindingLinksToThePipeline(t *testing.T) {
	m := Member{ID: 9, Name: "郑新", Category: CategoryProbationary, JoinDate: d(2025, 1, 10), OnRoster: true,
		Standing: StandingNormal, LostContact: true, LostSince: MonthDate(2026, 1)}
	fs := CheckRoster([]Member{m}, recruitToday, CurrentRules())
	fs = append(fs, Finding{Severity: Warning, Message: "郑新已连续4个月未交纳党费", MemberID: 9})
	LinkProbationFindings(fs, []Recruit{{ID: 3, MemberID: 9}})
	linked := 0
	for _, f := range fs {
		if f.RecruitID == 3 {
			linked++
			if !strings.Contains(f.Message, "预备期已于2026年1月10日届满") {
				t.Errorf("linked a finding that is not about probation: %s", f.Message)
			}
		}
	}
	if linked != 1 || len(fs) != 3 {
		t.Errorf("%d of %d findings linked, want the probation one: %+v", linked, len(fs), fs)
	}
}

func TestRecruitTextLimits(t *testing.T) {
	r := Recruit{Name: "张三", IDNumber: "110101199001011237", Sex: SexMale, Notes: strings.Repeat("备", 201)}
	r.Put(StepRecord{Step: StepApplication, Seq: 1, Date: d(2024, 3, 1)})
	r.Put(StepRecord{Step: StepTalk, Seq: 1, Date: d(2024, 3, 2), Note: strings.Repeat("说", 201)})
	errs := r.Validate(recruitToday)
	if errs.For(RecruitNotes) == "" || errs.For(StepNoteField) == "" || len(errs) != 2 {
		t.Errorf("limits: %v", errs)
	}
}

// A step's people too long are named by the step's word: 谈话人过长, not
// 谈话人人员过长 (review s14-attack8 #12).
func TestStepPeopleTooLongNamesThem(t *testing.T) {
	x := StepRecord{Step: StepTalk, Seq: 1, Date: d(2024, 3, 2), People: strings.Repeat("王", 300)}
	msg := x.Validate(recruitToday).For(StepPeopleField)
	if !strings.HasPrefix(strings.TrimPrefix(msg, StepTalk.Info().Name+"："), "谈话人过长") {
		t.Errorf("谈话人 of 300 characters: %q", msg)
	}
}
