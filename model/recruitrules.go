package model

import "fmt"

// Limit is one number of the recruiting rules with where it comes from, so
// that a finding can name its article and the number can be checked against
// the official text. Local marks a figure the national text leaves to the
// province or unit (RULES.md marks them "(local)"); such a breach is shown
// as a reminder, never as serious.
type Limit struct {
	N       int
	Article string // 第七条
	Local   bool
}

// RecruitRules are the numbers of one edition of 《中国共产党发展党员工作细则》
// (RULES.md §3 and §3a). Which edition applies is decided by the date of
// each step (RecruitRulesOn), so a pipeline that crosses the day the 2026
// edition took force is checked step by step under the edition of its day.
type RecruitRules struct {
	Document  string
	Edition   string // 2014, 2026
	Effective Date

	MinAge Limit // an applicant is at least this old on the application date
	// TalkMonths: the branch talks to the applicant within this many months
	// of the application.
	TalkMonths Limit
	// ActivistRecord is the article on choosing activists (党员推荐 / 群团推优,
	// decided by the committee, then 备案).
	ActivistRecord Limit
	MentorsMin     Limit // 培养联系人: 1–2 full members
	MentorsMax     Limit
	ReviewMonths   Limit // the branch reviews an activist every this many months
	// ActivistYears: at least this long as an activist before becoming a
	// candidate (发展对象).
	ActivistYears Limit
	// CandidateNeedsAgreement: the upper committee must agree to a
	// candidate (2026 §13); under 2014 a 备案 is enough.
	CandidateNeedsAgreement bool
	CandidateArticle        string
	// NoticeWorkingDays: the public notice (公示) of a candidate lasts at
	// least this many working days.
	NoticeWorkingDays Limit
	Sponsors          Limit // 入党介绍人: this many full members
	Vetting           Limit // 政治审查: a written conclusion (N unused)
	TrainingDays      Limit // 短期集中培训: at least this many days …
	TrainingHours     Limit // … or this many class hours
	// MeetingAfterPreReviewMonths: the branch general meeting discusses the
	// candidate within this many months of the pre-review (预审).
	MeetingAfterPreReviewMonths Limit
	ApprovalMonths              Limit // 审批 within this many months of the meeting …
	ApprovalMaxMonths           Limit // … at most this many in special cases
	// OathMonths: the oath within this many months of approval; N = 0 when
	// the edition sets no limit.
	OathMonths Limit
	// WrittenOpinions: the general meeting's vote counts the written
	// opinions of absent voting members (N unused).
	WrittenOpinions Limit
	// LeaveMonths: nobody is admitted who will leave the unit within this
	// many months of the admitting meeting; N = 0 when the edition has no
	// such rule.
	LeaveMonths     Limit
	ProbationYears  Limit // 预备期, counted from the admitting meeting
	ExtensionMin    Limit // an extension of probation is at least …
	ExtensionMax    Limit // … and at most this many months
	Extensions      Limit // … and may be granted this many times
	FullApproval    Limit // 转正审批 within this many months of the 转正 meeting
	ArchiveArticle  string
	ArchiveDocument []string // what goes to the archive on 转正
}

// Article names a rule the way findings cite it: 《…细则》（2026年）第十三条.
func (r *RecruitRules) Article(article string) string { return r.Citation(article).Chinese() }

// Cite is Article for a limit, marked as local practice where it is one.
func (r *RecruitRules) Cite(l Limit) string { return r.Citing(l).Chinese() }

// Citation is Article kept as a Citation, for sentences in the UI language.
func (r *RecruitRules) Citation(article string) Citation {
	return Citation{Document: r.Document, Edition: r.Edition, Article: article}
}

// Citing is Cite kept as a Citation.
func (r *RecruitRules) Citing(l Limit) Citation {
	if l.Local {
		return Citation{Document: r.Document, Edition: r.Edition, Local: true}
	}
	return r.Citation(l.Article)
}

// RecruitRules2014 is the edition issued by 中办发〔2014〕33号 on 2014-05-28.
// Its article numbers are those of the published text; the notice and the
// month between pre-review and the general meeting are local practice under
// it (RULES.md §3).
var RecruitRules2014 = RecruitRules{
	Document:                    "中国共产党发展党员工作细则",
	Edition:                     "2014",
	Effective:                   NewDate(2014, 5, 28),
	MinAge:                      Limit{18, "第五条", false},
	TalkMonths:                  Limit{1, "第七条", false},
	ActivistRecord:              Limit{0, "第八条", false},
	MentorsMin:                  Limit{1, "第九条", false},
	MentorsMax:                  Limit{2, "第九条", false},
	ReviewMonths:                Limit{6, "第十一条", false},
	ActivistYears:               Limit{1, "第十三条", false},
	CandidateNeedsAgreement:     false,
	CandidateArticle:            "第十三条",
	NoticeWorkingDays:           Limit{5, "", true},
	Sponsors:                    Limit{2, "第十四条", false},
	Vetting:                     Limit{0, "第十六条", false},
	TrainingDays:                Limit{3, "第十七条", false},
	TrainingHours:               Limit{24, "第十七条", false},
	MeetingAfterPreReviewMonths: Limit{1, "", true},
	ApprovalMonths:              Limit{3, "第二十五条", false},
	ApprovalMaxMonths:           Limit{6, "第二十五条", false},
	OathMonths:                  Limit{0, "第二十九条", false},
	WrittenOpinions:             Limit{0, "第二十条", false},
	LeaveMonths:                 Limit{0, "", false},
	ProbationYears:              Limit{1, "第三十一条", false},
	ExtensionMin:                Limit{6, "第三十二条", false},
	ExtensionMax:                Limit{12, "第三十二条", false},
	Extensions:                  Limit{1, "第三十二条", false},
	FullApproval:                Limit{3, "第三十三条", false},
	ArchiveArticle:              "第三十六条",
	ArchiveDocument:             []string{"入党志愿书", "入党申请书", "政治审查材料", "转正申请书", "培养教育考察材料"},
}

// RecruitRules2026 is the revision of 2026-04-02, issued by 中办 on
// 2026-05-11 and in force from issue. It was read from public reposts of the
// full text (44 articles), not yet from an official site; each number
// carries its article so that it can be checked (RULES.md §3a).
var RecruitRules2026 = RecruitRules{
	Document:                    "中国共产党发展党员工作细则",
	Edition:                     "2026",
	Effective:                   NewDate(2026, 5, 11),
	MinAge:                      Limit{18, "第五条", false},
	TalkMonths:                  Limit{1, "第七条", false},
	ActivistRecord:              Limit{0, "第八条", false},
	MentorsMin:                  Limit{1, "第九条", false},
	MentorsMax:                  Limit{2, "第九条", false},
	ReviewMonths:                Limit{6, "第十一条", false},
	ActivistYears:               Limit{1, "第十三条", false},
	CandidateNeedsAgreement:     true,
	CandidateArticle:            "第十三条",
	NoticeWorkingDays:           Limit{5, "第十三条", false},
	Sponsors:                    Limit{2, "第十四条", false},
	Vetting:                     Limit{0, "第十六条", false},
	TrainingDays:                Limit{3, "第十七条", false},
	TrainingHours:               Limit{24, "第十七条", false},
	MeetingAfterPreReviewMonths: Limit{1, "第十九条", false},
	ApprovalMonths:              Limit{3, "第二十五条", false},
	ApprovalMaxMonths:           Limit{6, "第二十五条", false},
	OathMonths:                  Limit{1, "第二十九条", false},
	WrittenOpinions:             Limit{0, "第二十条", false},
	LeaveMonths:                 Limit{3, "第十八条", false},
	ProbationYears:              Limit{1, "第三十一条", false},
	ExtensionMin:                Limit{6, "第三十一条", false},
	ExtensionMax:                Limit{12, "第三十一条", false},
	Extensions:                  Limit{1, "第三十一条", false},
	FullApproval:                Limit{3, "第三十三条", false},
	ArchiveArticle:              "第三十六条",
	ArchiveDocument: []string{"入党志愿书", "入党申请书", "入党积极分子培养考察登记表", "政治审查材料",
		"预备党员教育考察登记表", "转正申请书"},
}

// RecruitEditions are the editions the app knows, oldest first.
var RecruitEditions = []*RecruitRules{&RecruitRules2014, &RecruitRules2026}

// RecruitRulesOn is the edition in force on d: the latest whose effective
// date is not after d. A date before the oldest edition, or unknown, gets
// the oldest.
func RecruitRulesOn(d Date) *RecruitRules {
	r := RecruitEditions[0]
	if d.IsZero() {
		return r
	}
	for _, e := range RecruitEditions {
		if !e.Effective.After(d) {
			r = e
		}
	}
	return r
}

func (l Limit) String() string { return fmt.Sprint(l.N) }
