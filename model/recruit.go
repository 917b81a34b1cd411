package model

import (
	"strings"
	"time"
)

// RecruitStep is one of the 25 steps of recruiting a member (发展党员), in
// the order of 《中国共产党发展党员工作细则》 (RULES.md §3).
type RecruitStep int

const (
	StepApplication     RecruitStep = iota + 1 // 递交入党申请书
	StepTalk                                   // 党组织派人谈话
	StepActivist                               // 确定入党积极分子
	StepActivistRecord                         // 报上级党委备案
	StepMentors                                // 指定培养联系人
	StepTraining                               // 培养教育考察 (the half-yearly reviews)
	StepCandidate                              // 确定发展对象
	StepCandidateRecord                        // 报上级党委备案 (2026: 同意), then the notice
	StepSponsors                               // 确定入党介绍人
	StepVetting                                // 政治审查
	StepCourse                                 // 短期集中培训
	StepCommitteeReview                        // 支委会审查
	StepPreReview                              // 上级党委预审
	StepForm                                   // 填写入党志愿书
	StepAdmission                              // 支部大会讨论
	StepUpperTalk                              // 上级党委派人谈话
	StepApproval                               // 上级党委审批
	StepApprovalRecord                         // 再上级组织部门备案
	StepAssignment                             // 编入支部和党小组
	StepOath                                   // 入党宣誓
	StepProbation                              // 继续教育考察
	StepFullApplication                        // 提出转正申请
	StepFullMeeting                            // 支部大会讨论转正
	StepFullApproval                           // 上级党委审批转正
	StepArchive                                // 材料归档
)

// RecruitStepCount is the number of steps.
const RecruitStepCount = 25

// RecruitStage is one of the 5 stages the steps fall into.
type RecruitStage int

// RecruitStages are the stage names, 1-based (RecruitStages[0] is unused).
var RecruitStages = [6]string{"", "申请入党", "入党积极分子的确定和培养教育", "发展对象的确定和考察",
	"预备党员的接收", "预备党员的教育、考察和转正"}

// StepInfo describes a step: its name on the forms, its stage, the steps
// that must come first, and what the step records.
type StepInfo struct {
	Step  RecruitStep
	Name  string
	Short string // a short name for the 台账 and for check lines
	Stage RecruitStage
	// After are the steps that must be recorded, and not later, before this one.
	After []RecruitStep
	// Document is what the step produces, as printed on the 纪实表.
	Document string
	// People says who the step names ("谈话人"), "" if nobody.
	People string
	// Meeting is the kind of meeting the step is decided at, if any; the
	// record may link to that activity record.
	Meeting ActivityKind
}

// RecruitSteps describes the 25 steps; RecruitSteps[s-1] is step s.
var RecruitSteps = [RecruitStepCount]StepInfo{
	{StepApplication, "递交入党申请书", "申请入党", 1, nil, "入党申请书", "", ""},
	{StepTalk, "党组织派人谈话", "谈话", 1, []RecruitStep{StepApplication}, "谈话记录", "谈话人", ""},
	{StepActivist, "确定入党积极分子", "确定入党积极分子", 2, []RecruitStep{StepTalk}, "支委会会议记录", "", KindCommitteeMeeting},
	{StepActivistRecord, "报上级党委备案", "积极分子备案", 2, []RecruitStep{StepActivist}, "备案材料", "", ""},
	{StepMentors, "指定培养联系人", "指定培养联系人", 2, []RecruitStep{StepActivist}, "入党积极分子培养考察登记表", "培养联系人", ""},
	{StepTraining, "培养教育考察", "培养教育考察", 2, []RecruitStep{StepMentors}, "入党积极分子培养考察登记表", "", ""},
	{StepCandidate, "确定发展对象", "确定发展对象", 3, []RecruitStep{StepActivistRecord, StepMentors}, "支委会会议记录", "", KindCommitteeMeeting},
	{StepCandidateRecord, "报上级党委备案", "发展对象备案", 3, []RecruitStep{StepCandidate}, "备案（同意）材料、公示", "", ""},
	{StepSponsors, "确定入党介绍人", "确定入党介绍人", 3, []RecruitStep{StepCandidateRecord}, "入党志愿书（介绍人意见）", "入党介绍人", ""},
	{StepVetting, "政治审查", "政治审查", 3, []RecruitStep{StepCandidateRecord}, "政治审查结论", "", ""},
	{StepCourse, "短期集中培训", "集中培训", 3, []RecruitStep{StepCandidateRecord}, "培训结业证明", "", ""},
	{StepCommitteeReview, "支委会审查", "支委会审查", 4, []RecruitStep{StepSponsors, StepVetting, StepCourse}, "支委会会议记录", "", KindCommitteeMeeting},
	{StepPreReview, "上级党委预审", "预审", 4, []RecruitStep{StepCommitteeReview}, "预审意见", "", ""},
	{StepForm, "填写入党志愿书", "填写入党志愿书", 4, []RecruitStep{StepPreReview}, "入党志愿书", "", ""},
	{StepAdmission, "支部大会讨论", "支部大会讨论接收", 4, []RecruitStep{StepForm}, "支部党员大会会议记录", "", KindGeneralMeeting},
	{StepUpperTalk, "上级党委派人谈话", "上级党委谈话", 4, []RecruitStep{StepAdmission}, "谈话记录", "谈话人", ""},
	{StepApproval, "上级党委审批", "审批", 4, []RecruitStep{StepUpperTalk}, "审批意见（入党志愿书）", "", ""},
	{StepApprovalRecord, "再上级组织部门备案", "审批备案", 4, []RecruitStep{StepApproval}, "备案材料", "", ""},
	{StepAssignment, "编入支部和党小组", "编入支部和党小组", 4, []RecruitStep{StepApproval}, "", "", ""},
	{StepOath, "入党宣誓", "入党宣誓", 4, []RecruitStep{StepApproval}, "宣誓记录", "", ""},
	{StepProbation, "继续教育考察", "预备期考察", 5, []RecruitStep{StepOath}, "预备党员教育考察登记表", "", ""},
	{StepFullApplication, "提出转正申请", "转正申请", 5, []RecruitStep{StepOath}, "转正申请书", "", ""},
	{StepFullMeeting, "支部大会讨论", "支部大会讨论转正", 5, []RecruitStep{StepFullApplication}, "支部党员大会会议记录", "", KindGeneralMeeting},
	{StepFullApproval, "上级党委审批", "转正审批", 5, []RecruitStep{StepFullMeeting}, "转正审批意见", "", ""},
	{StepArchive, "材料归档", "材料归档", 5, []RecruitStep{StepFullApproval}, "归档材料清单", "", ""},
}

// Info describes the step.
func (s RecruitStep) Info() StepInfo {
	if s < 1 || s > RecruitStepCount {
		return StepInfo{Step: s, Name: "未知环节"}
	}
	return RecruitSteps[s-1]
}

// String is the step's name.
func (s RecruitStep) String() string { return s.Info().Name }

// Recommendation is how an activist was put forward (第八条).
type Recommendation string

const (
	ByMembers   Recommendation = "党员推荐"
	ByMassGroup Recommendation = "群团推优"
)

// CandidateDecision is what the upper committee did with a candidate: 备案
// (2014) or 同意 (required from the 2026 edition).
type CandidateDecision string

const (
	DecisionRecorded CandidateDecision = "备案"
	DecisionAgreed   CandidateDecision = "同意"
)

// FullOutcome is what the 转正 meeting decided.
type FullOutcome string

const (
	OutcomeFull   FullOutcome = "按期转为正式党员"
	OutcomeExtend FullOutcome = "延长预备期"
	OutcomeCancel FullOutcome = "取消预备党员资格"
)

// FullOutcomes lists the outcomes in the order forms offer them.
var FullOutcomes = []FullOutcome{OutcomeFull, OutcomeExtend, OutcomeCancel}

// StepRecord is what was recorded for one step. Not every field applies to
// every step; StepInfo and the step's form say which.
type StepRecord struct {
	ID   int64
	Step RecruitStep
	// Seq tells apart records of a step that can happen more than once:
	// the half-yearly reviews (培养教育考察, 1, 2, …) and, after an
	// extension of probation, the second 转正 meeting and approval (2).
	Seq  int
	Date Date
	// Start and End: the training period (短期集中培训), or the public
	// notice: of the candidate on the record of 发展对象备案, of the person
	// to be admitted (拟接收预备党员公示) on the record of 填写入党志愿书.
	Start, End Date
	Hours      int    // class hours of the training
	People     string // names, as printed: 谈话人, 培养联系人, 入党介绍人
	// PeopleIDs are the roster members among People (mentors, sponsors),
	// checked to be full members on the day.
	PeopleIDs []int64
	Method    string // Recommendation for step 3, CandidateDecision for step 8
	Document  string // its number or title: 入党志愿书编号, 审批文号, the vetting conclusion
	Note      string
	// ActivityID links the record of the meeting that decided, so that its
	// quorum and vote are checked by the activity rules.
	ActivityID int64
	Outcome    FullOutcome // the 转正 meeting
	Months     int         // the extension of probation, in months
	// WrittenYes and WrittenNo are the written opinions (书面意见) on this
	// person that voting members absent from the general meeting handed in
	// before it: they count in its vote (RecruitRules.WrittenOpinions).
	WrittenYes, WrittenNo int
	// Archived are the documents put in the archive (材料归档).
	Archived    []string
	Attachments []Attachment
}

// Done reports whether the step has been recorded.
func (r *StepRecord) Done() bool { return r != nil && !r.Date.IsZero() }

// Recruit is one person in the pipeline, from the application to 转正.
type Recruit struct {
	ID        int64
	Name      string
	Sex       Sex
	IDNumber  string
	BirthDate Date
	Ethnicity string
	Education string
	Post      string
	Phone     string
	Notes     string
	// LeaveDate is the day the person is expected to leave the unit
	// (预计离开本单位日期), zero when not known: someone leaving within
	// RecruitRules.LeaveMonths of the admitting meeting should not be
	// admitted.
	LeaveDate Date
	// MemberID is the roster member the person became on approval, 0
	// before.
	MemberID int64
	// Records are the steps recorded, in step then Seq order.
	Records []StepRecord

	CreatedAt time.Time
	UpdatedAt time.Time
}

// Record returns the step's record (the first, for a step with several),
// or nil.
func (r *Recruit) Record(s RecruitStep) *StepRecord {
	for i := range r.Records {
		if r.Records[i].Step == s {
			return &r.Records[i]
		}
	}
	return nil
}

// RecordSeq returns the step's record with that Seq, or nil.
func (r *Recruit) RecordSeq(s RecruitStep, seq int) *StepRecord {
	for i := range r.Records {
		if r.Records[i].Step == s && r.Records[i].Seq == seq {
			return &r.Records[i]
		}
	}
	return nil
}

// All returns every record of the step, in Seq order, as pointers into
// Records.
func (r *Recruit) All(s RecruitStep) []*StepRecord {
	var out []*StepRecord
	for i := range r.Records {
		if r.Records[i].Step == s {
			out = append(out, &r.Records[i])
		}
	}
	return out
}

// DateOf is the date recorded for the step, or the zero Date.
func (r *Recruit) DateOf(s RecruitStep) Date {
	if x := r.Record(s); x != nil {
		return x.Date
	}
	return Date{}
}

// Put sets a step's record, replacing the one with the same step and Seq.
func (r *Recruit) Put(x StepRecord) {
	for i := range r.Records {
		if r.Records[i].Step == x.Step && r.Records[i].Seq == x.Seq {
			r.Records[i] = x
			return
		}
	}
	r.Records = append(r.Records, x)
	sortRecords(r.Records)
}

func sortRecords(rs []StepRecord) {
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && (rs[j].Step < rs[j-1].Step || (rs[j].Step == rs[j-1].Step && rs[j].Seq < rs[j-1].Seq)); j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

// RecruitStatus is where a person stands in the pipeline: the stage name
// the 台账 prints.
type RecruitStatus string

const (
	StatusApplicant    RecruitStatus = "入党申请人"
	StatusActivist     RecruitStatus = "入党积极分子"
	StatusCandidate    RecruitStatus = "发展对象"
	StatusProbationary RecruitStatus = "预备党员"
	StatusFull         RecruitStatus = "正式党员"
	StatusCancelled    RecruitStatus = "取消预备党员资格"
)

// RecruitStatuses lists them in pipeline order.
var RecruitStatuses = []RecruitStatus{StatusApplicant, StatusActivist, StatusCandidate, StatusProbationary, StatusFull, StatusCancelled}

// Status says where the person stands by the steps recorded.
func (r *Recruit) Status() RecruitStatus {
	if fa := r.finalApproval(); fa != nil {
		if m := r.finalMeeting(); m != nil && m.Outcome == OutcomeCancel {
			return StatusCancelled
		}
		if m := r.finalMeeting(); m != nil && m.Outcome == OutcomeFull {
			return StatusFull
		}
	}
	switch {
	case r.Record(StepApproval).Done():
		return StatusProbationary
	case r.Record(StepCandidate).Done():
		return StatusCandidate
	case r.Record(StepActivist).Done():
		return StatusActivist
	}
	return StatusApplicant
}

// finalMeeting is the last 转正 meeting recorded (the second after an
// extension), or nil.
func (r *Recruit) finalMeeting() *StepRecord {
	var last *StepRecord
	for i := range r.Records {
		if x := &r.Records[i]; x.Step == StepFullMeeting && x.Done() {
			last = x
		}
	}
	return last
}

// finalApproval is the 转正 approval of the final meeting, or nil.
func (r *Recruit) finalApproval() *StepRecord {
	m := r.finalMeeting()
	if m == nil {
		return nil
	}
	a := r.RecordSeq(StepFullApproval, m.Seq)
	if !a.Done() {
		return nil
	}
	return a
}

// ProbationEnd is the day probation ends: one year (ProbationYears) from the
// admitting meeting, plus the extension the 转正 meeting granted; the zero
// Date before the meeting. Party age counts from this day (2026 §33).
func (r *Recruit) ProbationEnd() Date {
	m := r.DateOf(StepAdmission)
	if m.IsZero() {
		return Date{}
	}
	rules := RecruitRulesOn(m)
	end := m.AddYears(rules.ProbationYears.N)
	for _, x := range r.All(StepFullMeeting) {
		if x.Done() && x.Outcome == OutcomeExtend && x.Months > 0 {
			end = end.AddMonths(x.Months)
		}
	}
	return end
}

// Recruit form fields, for messages next to the form's entries. Their values
// are the labels.
const (
	RecruitName      Field = "recruit_name"
	RecruitIDNumber  Field = "recruit_id_number"
	RecruitSex       Field = "recruit_sex"
	RecruitBirthDate Field = "recruit_birth_date"
	RecruitPhone     Field = "recruit_phone"
	StepDateField    Field = "step_date"
	StepPeopleField  Field = "step_people"
	StepMethodField  Field = "step_method"
	StepPeriodField  Field = "step_period"
	StepDocField     Field = "step_document"
	StepMeetingField Field = "step_meeting"
	StepOutcomeField Field = "step_outcome"
	StepNoteField    Field = "step_note"
	StepWrittenField Field = "step_written"
	RecruitLeaveDate Field = "recruit_leave_date"
	RecruitEthnicity Field = "recruit_ethnicity"
	RecruitEducation Field = "recruit_education"
	RecruitPost      Field = "recruit_post"
	RecruitNotes     Field = "recruit_notes"
)

// The longest texts the pipeline's fields take (see TextLimits): each must
// print legibly in its cell of the 纪实表 and the 台账.
func init() {
	for f, n := range map[Field]int{
		RecruitName: 30, RecruitEthnicity: 10, RecruitEducation: 20, RecruitPost: 50, RecruitNotes: 200,
		StepPeopleField: 100, StepMethodField: 10, StepDocField: 200, StepNoteField: 200,
	} {
		TextLimits[f] = n
	}
}

// Normalize tidies what was typed, and fills birth date and sex from a valid
// ID number, as Member.Normalize does.
func (r *Recruit) Normalize() {
	m := r.asMember()
	m.Normalize()
	r.Name, r.Sex, r.IDNumber, r.BirthDate, r.Phone = m.Name, m.Sex, m.IDNumber, m.BirthDate, m.Phone
	for _, s := range []*string{&r.Ethnicity, &r.Education, &r.Post, &r.Notes} {
		*s = strings.TrimSpace(*s)
	}
	for i := range r.Records {
		x := &r.Records[i]
		for _, s := range []*string{&x.People, &x.Method, &x.Document, &x.Note} {
			*s = strings.TrimSpace(*s)
		}
	}
}

func (r *Recruit) asMember() Member {
	return Member{Name: r.Name, Sex: r.Sex, IDNumber: r.IDNumber, BirthDate: r.BirthDate, Phone: r.Phone,
		Ethnicity: r.Ethnicity, Standing: StandingNormal}
}

// Validate checks the person's data as the roster checks a member's (ID
// number, birth date and sex against it, phone) and the recorded steps'
// dates: none after today, the applicant at least MinAge on the application
// date. The rules of order and deadlines are findings (CheckRecruit), not
// refusals: a secretary must be able to record what really happened.
func (r *Recruit) Validate(today Date) ValidationErrors {
	errs := r.ValidatePerson()
	for _, x := range r.Records {
		errs = append(errs, x.Validate(today)...)
	}
	return errs
}

// ValidatePerson checks the person's own data and age at the application,
// without the steps' records.
func (r *Recruit) ValidatePerson() ValidationErrors {
	var errs ValidationErrors
	add := func(f Field, msg string) { errs = append(errs, FieldError{Field: f, Message: msg}) }
	if r.Name == "" {
		add(RecruitName, "请填写姓名")
	}
	for _, f := range []struct {
		field       Field
		label, text string
	}{
		{RecruitName, "姓名", r.Name}, {RecruitEthnicity, "民族", r.Ethnicity}, {RecruitEducation, "学历", r.Education},
		{RecruitPost, "工作岗位", r.Post}, {RecruitNotes, "备注", r.Notes},
	} {
		if e, ok := tooLongProblem(f.field, Term(f.label), f.text); ok {
			errs = append(errs, e)
		}
	}
	if r.Sex != SexMale && r.Sex != SexFemale {
		add(RecruitSex, "请选择性别（男/女）")
	}
	birth := r.BirthDate
	if r.IDNumber == "" {
		add(RecruitIDNumber, "请填写公民身份号码")
	} else if info, err := ParseIDNumber(r.IDNumber); err != nil {
		add(RecruitIDNumber, err.Error())
	} else {
		if !r.BirthDate.IsZero() && r.BirthDate.Compare(info.Birth) != 0 {
			add(RecruitBirthDate, "出生日期 "+r.BirthDate.String()+" 与身份证号码中的 "+info.Birth.String()+" 不一致")
		}
		if (r.Sex == SexMale || r.Sex == SexFemale) && r.Sex != info.Sex {
			add(RecruitSex, "性别与身份证号码不一致（号码第17位表示"+string(info.Sex)+"）")
		}
		birth = info.Birth
	}
	if r.LeaveDate.MonthOnly() {
		add(RecruitLeaveDate, "预计离开本单位日期请填写到日（如 "+r.LeaveDate.String()+"-15）")
	}
	if r.Phone != "" && !validPhone(r.Phone) {
		add(RecruitPhone, "联系电话格式不正确：手机号应为11位，座机应带区号（如 0931-8123456）")
	}
	app := r.DateOf(StepApplication)
	switch {
	case app.IsZero():
		add(StepDateField, "请填写递交入党申请书的日期")
	case !birth.IsZero():
		rules := RecruitRulesOn(app)
		if adult := birth.AddYears(rules.MinAge.N); app.Before(adult) {
			add(StepDateField, "递交入党申请书时未满"+itoa(rules.MinAge.N)+"周岁（"+adult.Chinese()+"年满），"+rules.Article(rules.MinAge.Article)+"规定年满十八岁方可申请入党")
		}
	}
	return errs
}

// Validate checks one step's record on its own: a full date not after
// today, and what the step needs to be a record at all.
func (x *StepRecord) Validate(today Date) ValidationErrors {
	var errs ValidationErrors
	name := x.Step.Info().Name
	add := func(f Field, msg string) { errs = append(errs, FieldError{Field: f, Message: name + "：" + msg}) }
	if x.Step < 1 || x.Step > RecruitStepCount {
		return ValidationErrors{{Field: StepDateField, Message: "未知环节"}}
	}
	switch {
	case x.Date.IsZero() && x.Step == StepCandidateRecord && !x.Start.IsZero():
		// The notice is known but not the day of the upper committee's
		// decision (an imported sheet has only the notice): kept, not done.
	case x.Date.IsZero():
		add(StepDateField, "请填写日期")
	case x.Date.Validate() != nil:
		add(StepDateField, x.Date.Validate().Error())
	case x.Date.MonthOnly():
		// The rules count from the day (a talk within a month of the
		// application): a month alone would make every deadline a guess.
		add(StepDateField, "日期 "+x.Date.String()+" 只到月，请填写到日（如 "+x.Date.String()+"-15）")
	case x.Date.After(today):
		add(StepDateField, "日期 "+x.Date.String()+" 晚于今天；尚未进行的环节请不要登记")
	}
	if x.Start.MonthOnly() || x.End.MonthOnly() {
		add(StepPeriodField, "开始和结束日期请填写到日")
	}
	switch {
	case x.Start.IsZero() != x.End.IsZero():
		add(StepPeriodField, "请同时填写开始和结束日期")
	case !x.Start.IsZero() && x.End.Before(x.Start):
		add(StepPeriodField, "结束日期早于开始日期")
	}
	for _, f := range []struct {
		field       Field
		label, text string
	}{
		// People is already the person's word (谈话人): with "人员" after it
		// the message read "谈话人人员过长" (review s14-attack8 #12).
		{StepPeopleField, x.Step.Info().People, x.People}, {StepMethodField, "方式", x.Method},
		{StepDocField, "材料", x.Document}, {StepNoteField, "说明", x.Note},
	} {
		if msg := tooLong(f.field, f.label, f.text); msg != "" {
			add(f.field, msg)
		}
	}
	if x.Hours < 0 {
		add(StepPeriodField, "学时不能为负数")
	}
	switch {
	case x.WrittenYes < 0 || x.WrittenNo < 0:
		add(StepWrittenField, "书面意见的份数不能为负数")
	case x.WrittenYes+x.WrittenNo > 0 && x.Step.Info().Meeting != KindGeneralMeeting:
		add(StepWrittenField, "书面意见只在支部党员大会表决时计入")
	}
	switch x.Step {
	case StepActivist:
		if x.Method != "" && x.Method != string(ByMembers) && x.Method != string(ByMassGroup) {
			add(StepMethodField, "推荐方式应为“党员推荐”或“群团推优”")
		}
	case StepCandidateRecord:
		if x.Method != "" && x.Method != string(DecisionRecorded) && x.Method != string(DecisionAgreed) {
			add(StepMethodField, "上级党委意见应为“备案”或“同意”")
		}
	case StepFullMeeting:
		switch x.Outcome {
		case OutcomeFull, OutcomeCancel, "":
		case OutcomeExtend:
			if x.Months <= 0 {
				add(StepOutcomeField, "延长预备期请填写延长的月数")
			}
		default:
			add(StepOutcomeField, "讨论结果应为按期转正、延长预备期或取消预备党员资格")
		}
	}
	return errs
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
