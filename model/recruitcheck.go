package model

import (
	"strings"
)

// RecruitDueSoonDays: a deadline this close is shown on home and by `check`
// (the app's reminder, not a rule).
const RecruitDueSoonDays = 30

// StepState is where one step stands on a person's timeline.
type StepState int

const (
	StepWaiting StepState = iota // not reachable yet: an earlier step is missing
	StepOpen                     // reachable, no deadline
	StepDue                      // reachable, with a deadline not yet passed
	StepOverdue                  // its deadline passed and it is not recorded
	StepDone                     // recorded
)

// StepStatus is one step on a person's timeline.
type StepStatus struct {
	Step   RecruitStep
	State  StepState
	Record *StepRecord // the step's (first) record, nil if none
	// Due is the deadline of a due or overdue step; Earliest the day before
	// which the step cannot be taken (确定发展对象 a year after the activist,
	// 转正 at the end of probation). Either may be zero.
	Due, Earliest Date
	Rule          Citation // the article the deadline comes from
}

// RecruitContext is what the checks of a pipeline read besides the pipeline:
// the roster (for mentors and sponsors being full members), the linked
// meeting records with the rules they are checked by, and the calendar of
// working days.
type RecruitContext struct {
	Members    map[int64]*Member
	Activities map[int64]*Activity
	Meetings   RuleContext
	Calendar   HolidayCalendar
	Today      Date

	// checked caches the meeting checks by activity: one meeting often
	// admits several people.
	checked map[int64][]Check
}

// meetingChecks are the activity rules' checks of a, worked out once.
func (c *RecruitContext) meetingChecks(a *Activity) []Check {
	if cs, ok := c.checked[a.ID]; ok {
		return cs
	}
	if c.checked == nil {
		c.checked = map[int64][]Check{}
	}
	cs := c.Meetings.Check(a)
	c.checked[a.ID] = cs
	return cs
}

// RecruitReport is what the checks found for one person: the timeline and
// the findings, each finding naming the person, the step and the rule.
type RecruitReport struct {
	Timeline [RecruitStepCount]StepStatus
	Findings []Finding
}

// Next is the step to do next: the first overdue step, else the first step
// that can be taken now (due or open), else the probation while it runs;
// nil when everything is done or waits for time to pass.
func (rep *RecruitReport) Next() *StepStatus {
	for i := range rep.Timeline {
		if rep.Timeline[i].State == StepOverdue {
			return &rep.Timeline[i]
		}
	}
	for i := range rep.Timeline {
		st := &rep.Timeline[i]
		if st.Step != StepProbation && (st.State == StepDue || st.State == StepOpen) {
			return st
		}
	}
	if p := &rep.Timeline[StepProbation-1]; p.State == StepDue {
		return p
	}
	return nil
}

// CheckRecruits checks every person of a pipeline.
func CheckRecruits(rs []Recruit, c *RecruitContext) []Finding {
	var out []Finding
	for i := range rs {
		rep := CheckRecruit(&rs[i], c)
		out = append(out, rep.Findings...)
	}
	return out
}

// checker gathers one person's findings.
type checker struct {
	r   *Recruit
	c   *RecruitContext
	rep *RecruitReport

	first [RecruitStepCount + 1]*StepRecord // each step's first record, by step
	end   Date                              // the end of probation
}

// rec is the step's first record, or nil (Recruit.Record without the
// search: the checks ask for records hundreds of times per person).
func (k *checker) rec(s RecruitStep) *StepRecord {
	if s < 1 || s > RecruitStepCount {
		return nil
	}
	return k.first[s]
}

// date is the date of the step's record, or the zero Date.
func (k *checker) date(s RecruitStep) Date {
	if x := k.rec(s); x != nil {
		return x.Date
	}
	return Date{}
}

func (k *checker) probationEnd() Date { return k.end }

// add records a finding on step s: the person's name, then the step's
// short name, what is wrong and the rule (RecruitDetail).
func (k *checker) add(sev Severity, s RecruitStep, rule Citation, t Text) {
	var cited any = ""
	if rule != (Citation{}) {
		cited = Textf("（%s）", rule)
	}
	detail := Textf("%s %s%s", Term(s.Info().Short), t, cited)
	k.rep.Findings = append(k.rep.Findings, Finding{Severity: sev, About: AboutRecruiting,
		MemberID: k.r.MemberID, RecruitID: k.r.ID}.Says("%s %s", k.r.Name, detail))
}

// RecruitDetail is a recruiting finding without the person's name, for the
// person's own page: 谈话 应于…前完成（《…》第…条）. A finding of another
// kind is returned whole.
func RecruitDetail(f Finding) Text {
	if f.About == AboutRecruiting && f.Text.Format == "%s %s" && len(f.Text.Args) == 2 {
		if d, ok := f.Text.Args[1].(Text); ok {
			return d
		}
	}
	return f.Text
}

// breach is the severity of a broken limit: serious for a national rule, a
// reminder for local practice.
func breach(l Limit) Severity {
	if l.Local {
		return Warning
	}
	return Serious
}

// CheckRecruit works out a person's timeline and checks every rule of
// RULES.md §3/§3a that the records allow, each step under the edition in
// force on its date (RecruitRulesOn): deadlines (talk, reviews, meeting
// after pre-review, approval, oath, 转正 approval), minimum times (a year as
// activist, notice of working days, training), people (mentors, sponsors
// full members), the linked meetings' quorum and vote, order (no date
// before a predecessor's) and completeness (no step missing before a later
// one).
func CheckRecruit(r *Recruit, c *RecruitContext) RecruitReport {
	rep := RecruitReport{}
	k := &checker{r: r, c: c, rep: &rep}
	for i := range r.Records {
		if x := &r.Records[i]; x.Step >= 1 && x.Step <= RecruitStepCount && k.first[x.Step] == nil {
			k.first[x.Step] = x
		}
	}
	k.end = r.ProbationEnd()
	k.timeline()
	if r.Status() == StatusCancelled {
		// Nothing more is due for a person whose probation was cancelled;
		// only what was recorded wrongly still matters.
		for i := range rep.Timeline {
			if st := &rep.Timeline[i]; st.State != StepDone {
				st.State, st.Due = StepWaiting, Date{}
			}
		}
	}
	k.deadlines()
	k.order()
	k.late()
	k.talkAndAge()
	k.activist()
	k.reviews()
	k.candidate()
	k.people(StepMentors, RecruitRulesOn(k.date(StepMentors)).MentorsMin, RecruitRulesOn(k.date(StepMentors)).MentorsMax)
	k.people(StepSponsors, RecruitRulesOn(k.date(StepSponsors)).Sponsors, RecruitRulesOn(k.date(StepSponsors)).Sponsors)
	k.vetting()
	k.course()
	k.meetings()
	k.leaving()
	k.probation()
	k.archive()
	return rep
}

// timeline sets each step's state and deadline.
func (k *checker) timeline() {
	today := k.c.Today
	for i := range k.rep.Timeline {
		s := RecruitStep(i + 1)
		st := &k.rep.Timeline[i]
		st.Step, st.Record = s, k.rec(s)
		// The reviews go on until the person becomes a candidate: a review
		// recorded does not end them.
		if st.Record.Done() && s != StepTraining {
			st.State = StepDone
			continue
		}
		reachable := true
		for _, p := range s.Info().After {
			if !k.rec(p).Done() && !(p == StepTraining && k.trainingDone()) {
				reachable = false
			}
		}
		// A deadline runs from the step it counts from, whether or not
		// every step in between was recorded: a meeting a year after the
		// pre-review is late even if the form's date is missing.
		var due, earliest Date
		var rule Citation
		if anchor := deadlineAnchor(s); anchor > 0 && k.rec(anchor).Done() {
			due, earliest, rule = k.deadline(s)
		}
		switch {
		case !due.IsZero() && due.Before(today):
			st.State = StepOverdue
		case !reachable:
			st.State = StepWaiting
			continue
		case !due.IsZero():
			st.State = StepDue
		default:
			st.State = StepOpen
		}
		st.Due, st.Earliest, st.Rule = due, earliest, rule
	}
	// 培养教育考察 and 继续教育考察 are periods, not acts: they are done
	// when what ends them is.
	if t := &k.rep.Timeline[StepTraining-1]; k.trainingDone() {
		t.State, t.Due, t.Rule = StepDone, Date{}, Citation{}
	}
	k.afterExtension()
	if p := &k.rep.Timeline[StepProbation-1]; p.State != StepWaiting {
		end := k.probationEnd()
		if !end.IsZero() && !end.After(today) {
			p.State, p.Due = StepDone, Date{}
		} else {
			p.State, p.Due, p.Earliest = StepDue, end, Date{}
		}
	}
}

// afterExtension sets the 转正 steps by the last 转正 meeting: while an
// extension runs, the second meeting falls due at its end and the approval
// of 转正 and the archive wait for it (the approval recorded is that of the
// extension); after the second meeting, its own approval is due within
// FullApproval months (§31, §33).
func (k *checker) afterExtension() {
	final := k.r.finalMeeting()
	if final == nil {
		return
	}
	today := k.c.Today
	meeting, approval := &k.rep.Timeline[StepFullMeeting-1], &k.rep.Timeline[StepFullApproval-1]
	due := func(st *StepStatus, on Date, rule Citation) {
		st.State, st.Due, st.Earliest, st.Rule = StepDue, on, Date{}, rule
		if on.Before(today) {
			st.State = StepOverdue
		}
	}
	switch {
	case final.Outcome == OutcomeExtend:
		rules := RecruitRulesOn(final.Date)
		due(meeting, k.end, rules.Citing(rules.ExtensionMax))
		for _, s := range []RecruitStep{StepFullApproval, StepArchive} {
			if st := &k.rep.Timeline[s-1]; st.State != StepDone || s == StepFullApproval {
				st.State, st.Due, st.Earliest, st.Rule, st.Record = StepWaiting, Date{}, Date{}, Citation{}, nil
			}
		}
	case final.Seq > 1:
		meeting.Record = final
		a := k.r.RecordSeq(StepFullApproval, final.Seq)
		approval.Record = a
		if !a.Done() {
			rules := RecruitRulesOn(final.Date)
			due(approval, final.Date.AddMonths(rules.FullApproval.N), rules.Citing(rules.FullApproval))
			if st := &k.rep.Timeline[StepArchive-1]; st.State != StepDone {
				st.State, st.Due, st.Rule = StepWaiting, Date{}, Citation{}
			}
		}
	}
}

// deadlineAnchor is the step a step's deadline counts from, 0 for a step
// with none (or one from the probation, which needs the meeting).
func deadlineAnchor(s RecruitStep) RecruitStep {
	switch s {
	case StepTalk:
		return StepApplication
	case StepTraining, StepCandidate:
		return StepActivist
	case StepAdmission:
		return StepPreReview
	case StepApproval, StepFullApplication, StepFullMeeting:
		return StepAdmission
	case StepOath:
		return StepApproval
	case StepFullApproval:
		return StepFullMeeting
	}
	return -1
}

// trainingDone: the activist's training and review ends when they become a
// candidate.
func (k *checker) trainingDone() bool { return k.rec(StepCandidate).Done() }

// deadline is the step's due date and earliest date, from the steps before
// it, under the edition the step will be judged by when taken
// (pendingRules; late judges it so once recorded).
func (k *checker) deadline(s RecruitStep) (due, earliest Date, rule Citation) {
	switch s {
	case StepTalk:
		app := k.date(StepApplication)
		rules := k.pendingRules(app, func(e *RecruitRules) Limit { return e.TalkMonths })
		return app.AddMonths(rules.TalkMonths.N), Date{}, rules.Citing(rules.TalkMonths)
	case StepTraining:
		last := k.lastReview()
		rules := k.pendingRules(last, func(e *RecruitRules) Limit { return e.ReviewMonths })
		return last.AddMonths(rules.ReviewMonths.N), Date{}, rules.Citing(rules.ReviewMonths)
	case StepCandidate:
		a := k.date(StepActivist)
		rules := RecruitRulesOn(a)
		return Date{}, a.AddYears(rules.ActivistYears.N), rules.Citing(rules.ActivistYears)
	case StepAdmission:
		p := k.date(StepPreReview)
		rules := k.pendingRules(p, func(e *RecruitRules) Limit { return e.MeetingAfterPreReviewMonths })
		return p.AddMonths(rules.MeetingAfterPreReviewMonths.N), Date{}, rules.Citing(rules.MeetingAfterPreReviewMonths)
	case StepApproval:
		m := k.date(StepAdmission)
		rules := k.pendingRules(m, func(e *RecruitRules) Limit { return e.ApprovalMonths })
		return m.AddMonths(rules.ApprovalMonths.N), Date{}, rules.Citing(rules.ApprovalMonths)
	case StepOath:
		a := k.date(StepApproval)
		rules := k.pendingRules(a, func(e *RecruitRules) Limit { return e.OathMonths })
		if rules.OathMonths.N == 0 {
			return Date{}, Date{}, Citation{}
		}
		return a.AddMonths(rules.OathMonths.N), Date{}, rules.Citing(rules.OathMonths)
	case StepFullApplication, StepFullMeeting:
		end := k.probationEnd()
		rules := RecruitRulesOn(end)
		return end, Date{}, rules.Citing(rules.ProbationYears)
	case StepFullApproval:
		m := k.date(StepFullMeeting)
		if f := k.r.finalMeeting(); f != nil {
			m = f.Date
		}
		rules := k.pendingRules(m, func(e *RecruitRules) Limit { return e.FullApproval })
		return m.AddMonths(rules.FullApproval.N), Date{}, rules.Citing(rules.FullApproval)
	}
	return Date{}, Date{}, Citation{}
}

// deadlines reports the overdue steps and those due within
// RecruitDueSoonDays, and a candidate who may now be decided on.
func (k *checker) deadlines() {
	today := k.c.Today
	soon := today.AddDays(RecruitDueSoonDays)
	for i := range k.rep.Timeline {
		st := &k.rep.Timeline[i]
		switch st.Step {
		case StepProbation:
			continue
		case StepFullApplication, StepFullMeeting:
			// A probation that ended without a decision is the roster's
			// finding for a member on the roster (CheckRoster), which links
			// here; the pipeline reports it only for a person not on it.
			if st.State == StepOverdue && k.r.MemberID != 0 {
				continue
			}
		}
		if st.Step == StepFullMeeting {
			if f := k.r.finalMeeting(); f != nil && f.Outcome == OutcomeExtend {
				continue // the extension's own reminder (probation)
			}
		}
		switch {
		case st.State == StepOverdue && st.Step == StepApproval:
			// As a late approval recorded is judged (late): past 3 months
			// only in special cases, past 6 a breach.
			m := k.date(StepAdmission)
			rules := k.pendingRules(m, func(e *RecruitRules) Limit { return e.ApprovalMonths })
			if max := m.AddMonths(rules.ApprovalMaxMonths.N); !max.Before(today) {
				k.add(Warning, st.Step, st.Rule, Textf("应于%s前完成，已逾期%d天；特殊情况最长%d个月（%s前）",
					st.Due, daysBetween(st.Due, today), rules.ApprovalMaxMonths.N, max))
			} else {
				k.add(Serious, st.Step, rules.Citing(rules.ApprovalMaxMonths), Textf("应于%s前完成，已超过特殊情况最长的%d个月（%s）",
					st.Due, rules.ApprovalMaxMonths.N, max))
			}
		case st.State == StepOverdue:
			sev := Serious
			if st.Step == StepAdmission && k.pendingRules(k.date(StepPreReview), func(e *RecruitRules) Limit { return e.MeetingAfterPreReviewMonths }).MeetingAfterPreReviewMonths.Local {
				sev = Warning
			}
			k.add(sev, st.Step, st.Rule, Textf("应于%s前完成，已逾期%d天", st.Due, daysBetween(st.Due, today)))
		case st.State == StepDue && !st.Due.After(soon) && (st.Step == StepFullApplication || st.Step == StepFullMeeting):
			// Both fall due when probation ends; they are one reminder, and
			// neither can be done before.
			if st.Step == StepFullApplication {
				k.add(Warning, st.Step, st.Rule, Textf("预备期将于%s届满（还有%d天），届满后应及时提出转正申请、召开支部大会讨论转正",
					st.Due, daysBetween(today, st.Due)))
			}
		case st.State == StepDue && !st.Due.After(soon):
			k.add(Warning, st.Step, st.Rule, Textf("应于%s前完成（还有%d天）", st.Due, daysBetween(today, st.Due)))
		case st.Step == StepCandidate && st.State == StepOpen && !st.Earliest.IsZero() && !st.Earliest.After(soon):
			if st.Earliest.After(today) {
				k.add(Info, st.Step, st.Rule, Textf("培养考察将于%s满一年，届时可讨论确定为发展对象", st.Earliest))
			} else {
				k.add(Info, st.Step, st.Rule, Textf("培养考察已满一年（%s），可讨论确定为发展对象", st.Earliest))
			}
		}
	}
}

// order checks that no recorded step is dated before a step it follows, and
// that no step is missing before a later one recorded. Missing steps are
// one finding per person, naming them all, so that a pipeline imported
// from a sheet without some columns reads as one task, not a dozen alarms.
func (k *checker) order() {
	r := k.r
	for i := range RecruitSteps {
		info := &RecruitSteps[i]
		x := k.rec(info.Step)
		if !x.Done() {
			continue
		}
		for _, p := range info.After {
			if px := k.rec(p); px.Done() && x.Date.Before(px.Date) {
				rules := RecruitRulesOn(x.Date)
				k.add(Serious, info.Step, rules.Citation(""), Textf("日期%s早于前一环节“%s”的日期%s，环节顺序颠倒",
					x.Date, Term(p.Info().Name), px.Date))
			}
		}
	}
	last := RecruitStep(0)
	for i := range r.Records {
		if r.Records[i].Done() && r.Records[i].Step > last {
			last = r.Records[i].Step
		}
	}
	var missing []string
	for s := StepApplication; s < last; s++ {
		if s == StepTraining || s == StepProbation || k.rec(s).Done() {
			continue
		}
		missing = append(missing, s.Info().Short)
	}
	if len(missing) > 0 {
		rules := RecruitRulesOn(k.date(last))
		k.add(Serious, last, rules.Citation(""), Textf("已登记，但此前缺少环节：%s。每个环节都应有记录，请补录", Terms(missing)))
	}
}

// talkAndAge: the talk within TalkMonths of the application (第七条).
func (k *checker) talkAndAge() {
	app, talk := k.date(StepApplication), k.rec(StepTalk)
	if app.IsZero() || !talk.Done() {
		return
	}
	if talk.People == "" {
		k.add(Info, StepTalk, Citation{}, Textf("未登记谈话人"))
	}
}

// late reports the steps recorded after their deadline: the talk (第七条),
// the general meeting after the pre-review (2026 §19), the approval (第二十五条,
// at most ApprovalMaxMonths in special cases), the oath (2026 §29) and each
// 转正 approval (第三十三条). A step is judged under the edition in force on
// the day it was taken, as the timeline judges one not yet taken
// (deadline, pendingRules): a step taken from 2026-05-11 falls under 2026.
func (k *checker) late() {
	for _, s := range []RecruitStep{StepTalk, StepAdmission, StepApproval, StepOath} {
		x, anchor := k.rec(s), k.rec(deadlineAnchor(s))
		if !x.Done() || !anchor.Done() {
			continue
		}
		rules := RecruitRulesOn(x.Date)
		from := anchor.Date
		switch s {
		case StepTalk:
			if x.Date.After(from.AddMonths(rules.TalkMonths.N)) {
				k.add(Serious, s, rules.Citing(rules.TalkMonths), Textf("于%s进行，超过递交申请书（%s）后%d个月",
					x.Date, from, rules.TalkMonths.N))
			}
		case StepAdmission:
			if l := rules.MeetingAfterPreReviewMonths; x.Date.After(from.AddMonths(l.N)) {
				k.add(breach(l), s, rules.Citing(l), Textf("于%s召开，距上级党委预审（%s）超过%d个月", x.Date, from, l.N))
			}
		case StepApproval:
			switch {
			case x.Date.After(from.AddMonths(rules.ApprovalMaxMonths.N)):
				k.add(Serious, s, rules.Citing(rules.ApprovalMaxMonths), Textf("于%s审批，距支部大会（%s）超过%d个月（特殊情况最长%d个月）",
					x.Date, from, rules.ApprovalMonths.N, rules.ApprovalMaxMonths.N))
			case x.Date.After(from.AddMonths(rules.ApprovalMonths.N)):
				k.add(Warning, s, rules.Citing(rules.ApprovalMonths), Textf("于%s审批，距支部大会（%s）超过%d个月，须属特殊情况（最长%d个月）",
					x.Date, from, rules.ApprovalMonths.N, rules.ApprovalMaxMonths.N))
			}
		case StepOath:
			if l := rules.OathMonths; l.N > 0 && x.Date.After(from.AddMonths(l.N)) {
				k.add(Serious, s, rules.Citing(l), Textf("于%s宣誓，距审批（%s）超过%d个月", x.Date, from, l.N))
			}
		}
	}
	for _, m := range k.r.All(StepFullMeeting) {
		a := k.r.RecordSeq(StepFullApproval, m.Seq)
		if !m.Done() || !a.Done() {
			continue
		}
		rules := RecruitRulesOn(a.Date)
		if a.Date.After(m.Date.AddMonths(rules.FullApproval.N)) {
			k.add(Serious, StepFullApproval, rules.Citing(rules.FullApproval), Textf("于%s审批，距支部大会讨论转正（%s）超过%d个月",
				a.Date, m.Date, rules.FullApproval.N))
		}
	}
}

// pendingRules is the edition a step not yet taken will be judged by (late):
// the one in force today, or a newer one that takes force before the
// deadline it sets counting from `from` (limit picks the number) — a step
// that waits for it falls under it.
func (k *checker) pendingRules(from Date, limit func(*RecruitRules) Limit) *RecruitRules {
	rules := RecruitRulesOn(k.c.Today)
	for _, e := range RecruitEditions {
		if e.Effective.After(k.c.Today) {
			if n := limit(e).N; n > 0 && !from.AddMonths(n).Before(e.Effective) {
				return e
			}
		}
	}
	return rules
}

// activist: chosen by 党员推荐 or 群团推优 (第八条).
func (k *checker) activist() {
	x := k.rec(StepActivist)
	if !x.Done() {
		return
	}
	if x.Method == "" {
		rules := RecruitRulesOn(x.Date)
		k.add(Info, StepActivist, rules.Citation(rules.ActivistRecord.Article), Textf("未登记推荐方式（党员推荐或群团推优）"))
	}
}

// lastReview is the date of the last half-yearly review, or the activist
// date before the first.
func (k *checker) lastReview() Date {
	last := k.date(StepActivist)
	for _, x := range k.r.All(StepTraining) {
		if x.Done() && x.Date.After(last) {
			last = x.Date
		}
	}
	return last
}

// reviews: the branch reviews an activist every ReviewMonths (第十一条),
// from becoming an activist until becoming a candidate. A gap already closed
// by a late review is reported here; the open one is a deadline.
func (k *checker) reviews() {
	prev := k.date(StepActivist)
	if prev.IsZero() {
		return
	}
	end := k.date(StepCandidate)
	for _, x := range k.r.All(StepTraining) {
		if !x.Done() {
			continue
		}
		rules := RecruitRulesOn(x.Date)
		if x.Date.After(prev.AddMonths(rules.ReviewMonths.N)) {
			k.add(Serious, StepTraining, rules.Citing(rules.ReviewMonths), Textf("%s的考察距上次（%s）超过%d个月",
				x.Date, prev, rules.ReviewMonths.N))
		}
		if x.Date.After(prev) {
			prev = x.Date
		}
	}
	if !end.IsZero() {
		rules := RecruitRulesOn(end)
		if end.After(prev.AddMonths(rules.ReviewMonths.N)) {
			k.add(Serious, StepTraining, rules.Citing(rules.ReviewMonths), Textf("确定为发展对象（%s）前，距上次考察（%s）超过%d个月，缺少半年一次的考察记录",
				end, prev, rules.ReviewMonths.N))
		}
	}
}

// candidate: a year as activist (第十三条); under 2026 the upper committee
// agrees and the notice lasts NoticeWorkingDays working days before the
// pre-review.
func (k *checker) candidate() {
	act, cand := k.date(StepActivist), k.rec(StepCandidate)
	if cand.Done() && !act.IsZero() {
		rules := RecruitRulesOn(cand.Date)
		if year := act.AddYears(rules.ActivistYears.N); cand.Date.Before(year) {
			k.add(Serious, StepCandidate, rules.Citing(rules.ActivistYears), Textf("于%s确定，距确定为入党积极分子（%s）不满%d年（%s满）",
				cand.Date, act, rules.ActivistYears.N, year))
		}
	}
	rec := k.rec(StepCandidateRecord)
	if rec.Done() {
		rules := RecruitRulesOn(rec.Date)
		if rules.CandidateNeedsAgreement && rec.Method != string(DecisionAgreed) {
			k.add(Serious, StepCandidateRecord, rules.Citation(rules.CandidateArticle), Textf("%s起确定发展对象须经上级党委同意（不只是备案），请登记上级党委的同意意见",
				rules.Effective))
		}
	}
	if rec == nil || rec.Start.IsZero() {
		// No notice: a breach once the pre-review has taken place.
		if pre := k.rec(StepPreReview); pre.Done() && k.rec(StepCandidate).Done() {
			rules := RecruitRulesOn(k.date(StepCandidate))
			k.add(breach(rules.NoticeWorkingDays), StepCandidateRecord, rules.Citing(rules.NoticeWorkingDays),
				Textf("未登记发展对象公示：确定发展对象后应公示不少于%d个工作日", rules.NoticeWorkingDays.N))
		}
		return
	}
	on := rec.Date
	if on.IsZero() {
		on = rec.Start
	}
	rules := RecruitRulesOn(on)
	n, exact := k.c.Calendar.WorkingDays(rec.Start, rec.End)
	if n < rules.NoticeWorkingDays.N {
		k.add(breach(rules.NoticeWorkingDays), StepCandidateRecord, rules.Citing(rules.NoticeWorkingDays),
			Textf("公示%s至%s只有%d个工作日，应不少于%d个工作日%s", rec.Start, rec.End, n,
				rules.NoticeWorkingDays.N, estimateNote(exact)))
	}
	if rec.Done() && rules.CandidateNeedsAgreement && rec.Start.Before(rec.Date) {
		k.add(Warning, StepCandidateRecord, rules.Citation(rules.CandidateArticle), Textf("公示开始（%s）早于上级党委同意（%s）",
			rec.Start, rec.Date))
	}
	if pre := k.rec(StepPreReview); pre.Done() && !pre.Date.After(rec.End) {
		k.add(breach(rules.NoticeWorkingDays), StepPreReview, rules.Citing(rules.NoticeWorkingDays),
			Textf("于%s进行，发展对象公示到%s才结束", pre.Date, rec.End))
	}
}

func estimateNote(exact bool) any {
	if exact {
		return ""
	}
	return Textf("（该年的放假安排尚未录入，按周一至周五计算；可在设置中补充）")
}

// people: mentors 1–2 (第九条), sponsors 2 (第十四条), each a different
// person, not the candidate, and a full member on the day. A name not on
// the roster cannot be checked and says so.
func (k *checker) people(s RecruitStep, lo, hi Limit) {
	x := k.rec(s)
	if !x.Done() {
		return
	}
	rules := RecruitRulesOn(x.Date)
	names := SplitNames(x.People)
	seen := map[string]bool{}
	var distinct, twice []string
	for _, n := range names {
		if seen[n] {
			twice = append(twice, n)
			continue
		}
		seen[n] = true
		distinct = append(distinct, n)
	}
	if len(twice) > 0 {
		k.add(Serious, s, rules.Citing(lo), Textf("%s登记了两次，同一人只算一名", Names(twice)))
	}
	if len(distinct) < lo.N || len(distinct) > hi.N {
		want := Textf("%d至%d名", lo.N, hi.N)
		if lo.N == hi.N {
			want = Textf("%d名", lo.N)
		}
		k.add(Serious, s, rules.Citing(lo), Textf("登记了%d人（%s），应为%s正式党员", len(distinct), x.People, want))
	}
	self := seen[k.r.Name]
	for _, id := range x.PeopleIDs {
		self = self || (id != 0 && id == k.r.MemberID)
	}
	if self {
		k.add(Serious, s, rules.Citing(lo), Textf("%s本人不能担任自己的%s", k.r.Name, Term(s.Info().People)))
	}
	onRoster := map[string]bool{}
	for _, m := range k.c.Members {
		onRoster[m.Name] = true
	}
	checked := map[int64]bool{}
	for _, id := range x.PeopleIDs {
		m := k.c.Members[id]
		if m == nil || checked[id] {
			continue
		}
		checked[id] = true
		if m.Category != CategoryFull || (!m.FullDate.IsZero() && m.FullDate.After(x.Date)) || !OnRosterOn(m, x.Date) {
			k.add(Serious, s, rules.Citing(lo), Textf("%s在%s不是本支部的正式党员", m.Name, x.Date))
		}
	}
	var unknown []string
	for _, n := range distinct {
		if !onRoster[n] && n != k.r.Name {
			unknown = append(unknown, n)
		}
	}
	if len(unknown) > 0 && len(k.c.Members) > 0 {
		k.add(Warning, s, rules.Citing(lo), Textf("%s不在本支部花名册上，无法核对是否为正式党员；如是其他支部的党员，请核实并在说明中注明", Names(unknown)))
	}
}

// SplitNames splits a list of names as people type it: 张三、李四 / 张三，李四 /
// 张三 李四.
func SplitNames(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == '，' || r == ',' || r == ';' || r == '；' || r == ' ' || r == '\u3000' || r == '/' || r == '\n'
	})
	return f
}

// vetting: a written conclusion (第十六条).
func (k *checker) vetting() {
	x := k.rec(StepVetting)
	if x.Done() && x.Document == "" {
		rules := RecruitRulesOn(x.Date)
		k.add(Info, StepVetting, rules.Citing(rules.Vetting), Textf("未登记书面结论（政治审查须形成结论性材料）"))
	}
}

// course: at least TrainingDays days or TrainingHours class hours (第十七条).
func (k *checker) course() {
	x := k.rec(StepCourse)
	if !x.Done() {
		return
	}
	rules := RecruitRulesOn(x.Date)
	days := 0
	if !x.Start.IsZero() {
		days = daysBetween(x.Start, x.End) + 1
	}
	switch {
	case days == 0 && x.Hours == 0:
		k.add(Warning, StepCourse, rules.Citing(rules.TrainingDays), Textf("未登记培训的起止日期或学时，无法核对是否达到%d天或%d学时",
			rules.TrainingDays.N, rules.TrainingHours.N))
	case days < rules.TrainingDays.N && x.Hours < rules.TrainingHours.N:
		k.add(Serious, StepCourse, rules.Citing(rules.TrainingDays), Textf("培训%d天、%d学时，应不少于%d天或%d学时",
			days, x.Hours, rules.TrainingDays.N, rules.TrainingHours.N))
	}
}

// meetings applies the activity rules to the linked meeting records: the
// admitting and 转正 general meetings must be quorate and the vote pass;
// the committee meetings quorate. A general meeting with no linked record
// cannot be checked and says so.
func (k *checker) meetings() {
	for i := range k.r.Records {
		x := &k.r.Records[i]
		info := x.Step.Info()
		if info.Meeting == "" || !x.Done() {
			continue
		}
		if x.ActivityID == 0 {
			if info.Meeting == KindGeneralMeeting {
				k.add(Info, x.Step, Citation{}, Textf("未关联支部党员大会的会议记录，无法核对到会人数和表决结果"))
			}
			continue
		}
		a := k.c.Activities[x.ActivityID]
		if a == nil {
			k.add(Warning, x.Step, Citation{}, Textf("关联的会议记录（编号%d）已找不到", x.ActivityID))
			continue
		}
		if a.Kind != info.Meeting {
			k.add(Warning, x.Step, Citation{}, Textf("关联的会议记录是%s，应为%s", a.Kind, info.Meeting))
			continue
		}
		if a.Date.Compare(x.Date) != 0 {
			k.add(Warning, x.Step, Citation{}, Textf("登记日期%s与关联的会议记录日期%s不一致", x.Date, a.Date))
		}
		voted := false
		for _, res := range a.Resolutions {
			voted = voted || res.Voted
		}
		own := -1 // the resolution on this person, which the written opinions join
		if info.Meeting == KindGeneralMeeting {
			own = k.writtenOpinions(x, a)
		}
		for _, c := range k.c.meetingChecks(a) {
			if !c.OK && (c.Resolution == 0 || c.Resolution-1 != own) {
				k.add(Serious, x.Step, Citation{}, Textf("%s：%s", a.TitleText(), c.Text))
			}
		}
		if info.Meeting == KindGeneralMeeting && !voted {
			rules := RecruitRulesOn(x.Date)
			k.add(Warning, x.Step, rules.Citation(""), Textf("%s没有登记表决结果，无法核对赞成票是否超过应到有表决权党员的半数", a.TitleText()))
		}
	}
}

// leaving: someone expected to leave the unit within LeaveMonths of the
// admitting meeting — held, or planned for the day it is due — should not
// be admitted (2026 §18). The edition is the one in force on the meeting's
// day; an edition without the rule, a leave date not known, or a person
// already past the meeting without a record (nothing planned) says nothing.
func (k *checker) leaving() {
	if k.r.LeaveDate.IsZero() || k.r.Status() == StatusCancelled {
		return
	}
	meeting, held := k.date(StepAdmission), true
	if meeting.IsZero() {
		meeting, held = k.rep.Timeline[StepAdmission-1].Due, false
	}
	if meeting.IsZero() {
		return
	}
	rules := RecruitRulesOn(meeting)
	l := rules.LeaveMonths
	if l.N == 0 || !k.r.LeaveDate.Before(meeting.AddMonths(l.N)) {
		return
	}
	if held && k.rec(StepApproval).Done() {
		return // admitted already: nothing left to decide
	}
	cite := Citation{Document: rules.Document, Edition: rules.Edition, Article: l.Article}
	if held {
		k.add(Warning, StepAdmission, cite, Textf("预计于%s离开本单位，距支部大会（%s）不足%d个月，不应接收为预备党员",
			k.r.LeaveDate, meeting, l.N))
	} else {
		k.add(Warning, StepAdmission, cite, Textf("预计于%s离开本单位，距支部大会讨论的期限（%s）不足%d个月，不应接收为预备党员",
			k.r.LeaveDate, meeting, l.N))
	}
}

// writtenOpinions counts the written opinions (书面意见) recorded on x,
// the general meeting's step, in the vote of a, the meeting record: they
// join the yes and no of the resolution on this person — the one whose text
// names the person, else the meeting's only voted resolution. It says when
// the resolution fails even with them, and when there are more opinions
// than voting members absent. It returns the index of that resolution in
// a.Resolutions, or -1 when the step has no written opinions or no
// resolution is the person's (the meeting's own checks then stand).
func (k *checker) writtenOpinions(x *StepRecord, a *Activity) int {
	if x.WrittenYes+x.WrittenNo <= 0 {
		return -1
	}
	rules := RecruitRulesOn(x.Date)
	cite := Citation{Document: rules.Document, Edition: rules.Edition, Article: rules.WrittenOpinions.Article}
	due, present := a.VotingCounts(k.c.Meetings.Members)
	if absent := due - present; x.WrittenYes+x.WrittenNo > absent {
		k.add(Warning, x.Step, cite, Textf("登记书面意见%d份，多于未到会的有表决权党员%d人，请核对",
			x.WrittenYes+x.WrittenNo, absent))
	}
	own, voted := -1, 0
	for i, res := range a.Resolutions {
		if !res.Voted {
			continue
		}
		voted++
		if k.r.Name != "" && strings.Contains(res.Text, k.r.Name) {
			own = i
			break
		}
	}
	if own < 0 && voted == 1 {
		for i, res := range a.Resolutions {
			if res.Voted {
				own = i
			}
		}
	}
	if own < 0 {
		if voted > 1 {
			k.add(Warning, x.Step, cite, Textf("%s有%d项表决，没有一项写明%s的姓名，书面意见无法计入",
				a.TitleText(), voted, k.r.Name))
		}
		return -1
	}
	res := a.Resolutions[own]
	yes := res.Yes + x.WrittenYes
	if need := VotesNeeded(due, k.c.Meetings.Rules); yes < need {
		k.add(Serious, x.Step, cite, Textf("%s决议%d：到会赞成%d票、书面意见赞成%d份，共%d票，未超过应到有表决权党员（%d人）的半数（至少需%d票），未通过",
			a.TitleText(), own+1, res.Yes, x.WrittenYes, yes, due, need))
	}
	return own
}

// probation: an extension of 6–12 months granted once, each 转正 meeting
// held once the probation (with the extensions before it) has ended, and
// the second meeting due when an extension ends.
func (k *checker) probation() {
	r := k.r
	extensions, granted := 0, 0
	admission := k.date(StepAdmission)
	for _, m := range r.All(StepFullMeeting) {
		if !m.Done() {
			continue
		}
		rules := RecruitRulesOn(m.Date)
		if m.Outcome == "" {
			k.add(Warning, StepFullMeeting, Citation{}, Textf("未登记讨论结果（按期转正、延长预备期或取消预备党员资格）"))
		}
		if m.Outcome == OutcomeExtend {
			extensions++
			if m.Months < rules.ExtensionMin.N || m.Months > rules.ExtensionMax.N {
				k.add(Serious, StepFullMeeting, rules.Citing(rules.ExtensionMin), Textf("延长预备期%d个月，应不少于%d个月、不超过%d个月",
					m.Months, rules.ExtensionMin.N, rules.ExtensionMax.N))
			}
			if extensions > rules.Extensions.N {
				k.add(Serious, StepFullMeeting, rules.Citing(rules.Extensions), Textf("预备期只能延长%d次", rules.Extensions.N))
			}
		}
		// Each 转正 meeting is held once the probation, with the
		// extensions granted before it, has ended.
		if end := admission.AddYears(RecruitRulesOn(admission).ProbationYears.N).AddMonths(granted); !admission.IsZero() && m.Date.Before(end) {
			what := Textf("预备期")
			if granted > 0 {
				what = Textf("延长的预备期")
			}
			k.add(Serious, StepFullMeeting, rules.Citing(rules.ProbationYears), Textf("于%s讨论转正，%s（%s满）尚未届满",
				m.Date, what, end))
		}
		if m.Outcome == OutcomeExtend && m.Months > 0 {
			granted += m.Months
		}
	}
	// After an extension the second meeting falls due at its end.
	if first := r.RecordSeq(StepFullMeeting, 1); first.Done() && first.Outcome == OutcomeExtend && !r.RecordSeq(StepFullMeeting, 2).Done() {
		end := k.probationEnd()
		rules := RecruitRulesOn(end)
		switch {
		case end.Before(k.c.Today) && r.MemberID == 0:
			k.add(Serious, StepFullMeeting, rules.Citing(rules.ExtensionMax), Textf("延长的预备期已于%s届满，应召开支部大会讨论能否转正", end))
		case !end.Before(k.c.Today) && !end.After(k.c.Today.AddDays(RecruitDueSoonDays)):
			k.add(Warning, StepFullMeeting, rules.Citing(rules.ExtensionMax), Textf("延长的预备期将于%s届满，届时应讨论能否转正", end))
		}
	}
}

// archive: the documents §36 lists go to the archive.
func (k *checker) archive() {
	x := k.rec(StepArchive)
	if !x.Done() {
		return
	}
	rules := RecruitRulesOn(x.Date)
	have := map[string]bool{}
	for _, d := range x.Archived {
		have[d] = true
	}
	var missing []string
	for _, d := range rules.ArchiveDocument {
		if !have[d] {
			missing = append(missing, d)
		}
	}
	if len(missing) > 0 {
		k.add(Warning, StepArchive, rules.Citation(rules.ArchiveArticle), Textf("归档材料缺少：%s", Terms(missing)))
	}
}
