package model

import (
	"fmt"
	"slices"
	"strconv"
	"time"
)

// OrgType is the kind of "两新" organisation the branch sits in.
type OrgType string

const (
	OrgEnterprise OrgType = "非公企业"
	OrgSocial     OrgType = "社会组织"
)

// BranchType distinguishes a branch of one unit from a joint branch.
type BranchType string

const (
	BranchOwn   BranchType = "党支部"
	BranchJoint BranchType = "联合党支部"
)

// CommitteeRoles are the usual roles on a branch committee.
var CommitteeRoles = []string{"书记", "副书记", "组织委员", "宣传委员", "纪检委员", "青年委员", "统战委员", "委员"}

// CommitteeMember is one seat on the branch committee.
type CommitteeMember struct {
	Name string
	Role string
}

// Profile is the branch's set-up, filled in once and kept up to date.
type Profile struct {
	// BranchUUID identifies the branch for good, across laptops and USB data
	// packages; it is made when the branch is created and never changes.
	BranchUUID string

	OrgName       string
	OrgType       OrgType
	OrgAddress    string
	EmployeeCount int

	BranchName string
	BranchType BranchType
	FoundedOn  Date
	Secretary  string
	Committee  []CommitteeMember
	TermStart  Date
	TermEnd    Date

	InstructorName  string // 党建指导员
	InstructorPhone string
	ContactName     string
	ContactPhone    string

	UpdatedAt time.Time
}

// Normalize makes every text of the profile one clean line (CleanLine:
// no invisible or control characters, one space between words): the
// branch's name is printed in the title of every form the upper committee
// stamps, and is copied into each member's 所在党支部.
func (p *Profile) Normalize() {
	for _, f := range []*string{&p.OrgName, &p.OrgAddress, &p.BranchName, &p.Secretary, &p.InstructorName, &p.ContactName} {
		*f = CleanLine(*f)
	}
	p.InstructorPhone = NormalizePhone(p.InstructorPhone)
	p.ContactPhone = NormalizePhone(p.ContactPhone)
	p.Committee = append([]CommitteeMember(nil), p.Committee...) // the caller's form keeps its own
	for i := range p.Committee {
		p.Committee[i].Name = CleanLine(p.Committee[i].Name)
		p.Committee[i].Role = CleanLine(p.Committee[i].Role)
	}
}

// IsSet reports whether the profile has been filled in.
func (p *Profile) IsSet() bool { return p.BranchName != "" }

// Validate checks the profile form.
func (p *Profile) Validate(today Date, r Rules) ValidationErrors {
	var errs ValidationErrors
	add := func(f Field, msg string) { errs = append(errs, FieldError{Field: f, Message: msg}) }
	if p.BranchName == "" {
		add(ProfileBranchName, "请填写党支部名称")
	}
	if p.OrgName == "" {
		add(ProfileOrgName, "请填写单位名称")
	}
	if e, ok := tooLongProblem(ProfileBranchName, Term("名称"), p.BranchName); ok {
		errs = append(errs, e)
	}
	if e, ok := tooLongProblem(ProfileOrgName, Term("名称"), p.OrgName); ok {
		errs = append(errs, e)
	}
	if p.EmployeeCount < 0 {
		add(ProfileEmployees, "职工人数不能为负数")
	}
	if p.FoundedOn.After(today) {
		add(ProfileFounded, "成立日期不能晚于今天")
	}
	if !p.TermStart.IsZero() && !p.TermEnd.IsZero() && !p.TermEnd.After(p.TermStart) {
		add(ProfileTermEnd, "任期届满日期应晚于任期开始日期")
	}
	if !p.TermStart.IsZero() && !p.TermEnd.IsZero() &&
		p.TermEnd.After(p.TermStart.AddYears(r.Branch.TermYears).AddMonths(r.Branch.TermMaxExtensionMonths)) {
		add(ProfileTermEnd, fmt.Sprintf("任期超过%d年（延期不超过%d个月）", r.Branch.TermYears, r.Branch.TermMaxExtensionMonths))
	}
	for i, c := range p.Committee {
		if c.Name == "" {
			add(ProfileCommittee, "第"+strconv.Itoa(i+1)+"位委员未填写姓名")
		}
	}
	for _, ph := range []struct {
		f Field
		v string
	}{{ProfileInstructorPhone, p.InstructorPhone}, {ProfileContactPhone, p.ContactPhone}} {
		if ph.v != "" && !validPhone(NormalizePhone(ph.v)) {
			add(ph.f, "电话格式不正确")
		}
	}
	return errs
}

// Profile form fields, for messages next to the form's entries.
const (
	ProfileOrgName         Field = "org_name"
	ProfileEmployees       Field = "employee_count"
	ProfileBranchName      Field = "branch_name_profile"
	ProfileFounded         Field = "founded_on"
	ProfileTermEnd         Field = "term_end"
	ProfileCommittee       Field = "committee"
	ProfileInstructorPhone Field = "instructor_phone"
	ProfileContactPhone    Field = "contact_phone"
)

// Severity ranks a finding.
type Severity int

const (
	Info Severity = iota
	Warning
	Serious
)

func (s Severity) String() string {
	switch s {
	case Serious:
		return "严重"
	case Warning:
		return "提醒"
	}
	return "提示"
}

// Finding is one thing an inspection would notice.
type Finding struct {
	Severity Severity
	// Message is the finding in Chinese, as `branchledger check`, the
	// exports and the workspace's store say it.
	Message string
	// Text is the same sentence as a format and its arguments, for screens
	// that say it in the UI language (set with Says). Zero for a finding
	// read back from where only its Message was kept.
	Text Text
	// About is what the finding concerns, so that the screen listing it can
	// lead to where it is dealt with.
	About FindingTopic
	// MemberID is the member a finding is about, 0 if none.
	MemberID int64
	// RecruitID is the person in the recruiting pipeline (发展党员) a
	// finding is about, 0 if none.
	RecruitID int64
}

// FindingTopic is what a finding concerns: the area home groups it under
// and the screen where it is dealt with.
type FindingTopic int

const (
	AboutSetup      FindingTopic = iota // 组织设置: the branch's set-up and profile
	AboutActivities                     // 组织生活: the activity records, calendar and participation
	AboutRecruiting                     // 发展党员: the recruiting pipeline
	AboutDues                           // 党费: arrears and the ledger's set-up gaps
	AboutMembers                        // 党员信息: members' records and standing
	AboutTransfers                      // 组织关系: transfer letters, mobile and inflow members
)

// FindingTopics are the areas in the order home lists them.
var FindingTopics = []FindingTopic{AboutSetup, AboutActivities, AboutDues, AboutMembers, AboutTransfers, AboutRecruiting}

// String is the area's name as home shows it.
func (t FindingTopic) String() string {
	switch t {
	case AboutActivities:
		return "组织生活"
	case AboutDues:
		return "党费"
	case AboutMembers:
		return "党员信息"
	case AboutRecruiting:
		return "发展党员"
	case AboutTransfers:
		return "组织关系"
	}
	return "组织设置"
}

// RosterCounts are the numbers the set-up rules look at.
type RosterCounts struct {
	Full, Probationary int
}

// CountRoster counts the members on the active roster.
func CountRoster(ms []Member) RosterCounts {
	var c RosterCounts
	for i := range ms {
		if !ms[i].OnRoster {
			continue
		}
		switch ms[i].Category {
		case CategoryFull:
			c.Full++
		case CategoryProbationary:
			c.Probationary++
		}
	}
	return c
}

// CheckSetup finds where the branch breaks the set-up rules of the 支部工作条例:
// committee, size and term.
func CheckSetup(p *Profile, c RosterCounts, today Date, r BranchWorkRules) []Finding {
	var out []Finding
	serious, warning, info := Finding{Severity: Serious}, Finding{Severity: Warning}, Finding{Severity: Info}
	if !p.IsSet() {
		return append(out, warning.Says("尚未填写支部基本信息（设置 → 支部信息）"))
	}
	switch {
	case c.Full >= r.CommitteeFullMembers && len(p.Committee) == 0:
		// Not entered yet is a set-up gap, like 缺基数 for dues, not a
		// branch without a committee (review s6-8 newuser #1).
		out = append(out, info.Says("正式党员%d名（%d名以上），应设立支部委员会（%d–%d人）；尚未填写支部委员会成员，请在“设置 → 支部委员会”中填写",
			c.Full, r.CommitteeFullMembers, r.CommitteeMinSize, r.CommitteeMaxSize))
	case c.Full >= r.CommitteeFullMembers && len(p.Committee) < r.CommitteeMinSize:
		out = append(out, serious.Says("正式党员%d名（%d名以上），应设立支部委员会（%d–%d人），目前委员%d人",
			c.Full, r.CommitteeFullMembers, r.CommitteeMinSize, r.CommitteeMaxSize, len(p.Committee)))
	case len(p.Committee) > r.CommitteeUsualMax:
		out = append(out, warning.Says("支部委员会%d人，一般不超过%d人", len(p.Committee), r.CommitteeUsualMax))
	}
	if p.Secretary == "" {
		out = append(out, warning.Says("未填写支部书记"))
	}
	// An empty roster is one not entered yet (home says how to add or
	// import members), not a branch too small to stand alone: a
	// 14-member branch was told on its first day to merge with a
	// neighbour (review s10-newuser8 #2).
	if c.Full+c.Probationary > 0 && c.Full < r.MinFullMembersOwnBranch && p.BranchType == BranchOwn {
		out = append(out, warning.Says("正式党员%d名，不足%d名，一般应与邻近单位成立联合党支部", c.Full, r.MinFullMembersOwnBranch))
	}
	if total := c.Full + c.Probationary; total > r.UsualMaxMembers {
		out = append(out, info.Says("党员%d名，支部党员一般不超过%d名，可考虑分设", total, r.UsualMaxMembers))
	}
	switch {
	case p.TermEnd.IsZero():
		out = append(out, warning.Says("未填写本届任期，无法提醒换届"))
	case p.TermEnd.Before(today):
		out = append(out, serious.Says("本届任期已于%s届满，应及时换届", p.TermEnd))
	case p.TermEnd.Before(today.AddMonths(r.TermReminderMonths)):
		out = append(out, warning.Says("本届任期将于%s届满（不足%d个月），应做好换届准备", p.TermEnd, r.TermReminderMonths))
	}
	return out
}

// BranchReport is everything the checks of one branch found as of a day:
// the findings, in the order home lists them (SortFindings), with the
// figures the screens show beside them.
type BranchReport struct {
	Today         Date
	Findings      []Finding
	Arrears       []Arrear              // members behind with dues
	BaseGaps      []BaseGap             // members owing months without a base
	RecordGaps    []RecordGap           // members with months before the ledger's set-up to record (待补录)
	Participation []MemberParticipation // each member's time without organisational life
	Calendar      Calendar              // the compliance calendar of the year checked
	// Failed are the areas whose checks could not be worked out: their
	// findings and figures are missing, not empty.
	Failed []FindingTopic
}

// SortFindings orders findings by area (FindingTopics), then serious
// first; within those, the order the checks gave.
func SortFindings(fs []Finding) {
	rank := func(t FindingTopic) int {
		if i := slices.Index(FindingTopics, t); i >= 0 {
			return i
		}
		return len(FindingTopics)
	}
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if c := cmpInt(rank(a.About), rank(b.About)); c != 0 {
			return c
		}
		return cmpInt(int(b.Severity), int(a.Severity))
	})
}

// CountByTopic is how many findings each area has, for home's headings.
func CountByTopic(fs []Finding) map[FindingTopic]int {
	out := make(map[FindingTopic]int, len(FindingTopics))
	for _, f := range fs {
		out[f.About]++
	}
	return out
}
