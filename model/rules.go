package model

// Rule tables, one per document and edition. Code that applies a rule reads
// the number from here, so a revised document or a province's variant is a new
// table, not a hunt through the code. The sources are those named in
// shared/domain/RULES.md.

// BranchWorkRules holds the set-up and term rules of 《中国共产党支部工作条例（试行）》.
type BranchWorkRules struct {
	Document  string
	Effective Date

	MinFullMembersOwnBranch       int // ≥ this many full members → a branch of its own
	MaxUnitsJointBranch           int // a joint branch (联合党支部) covers at most this many units
	UsualMaxMembers               int // a branch usually has at most this many members
	CommitteeFullMembers          int // ≥ this many full members → a committee (支部委员会)
	CommitteeMinSize              int
	CommitteeMaxSize              int
	CommitteeUsualMax             int
	TermYears                     int // 换届: term of an enterprise/organisation branch
	TermReminderMonths            int // the upper committee reminds this long before expiry
	TermMaxExtensionMonths        int // extension or early election at most this long
	GeneralMeetingQuorumPercent   int // more than this share of voting members must attend
	GeneralMeetingPassPercent     int // a motion passes with "yes" from more than this share of voting members due
	CommitteeMeetingQuorumPercent int // more than this share of the committee must attend
	ElectionQuorumPercent         int // an election (选举) needs more than this share of the voting members due present
}

// BranchWorkRules2018 is the 2018 trial edition.
var BranchWorkRules2018 = BranchWorkRules{
	Document:                      "中国共产党支部工作条例（试行）",
	Effective:                     NewDate(2018, 10, 28),
	MinFullMembersOwnBranch:       3,
	MaxUnitsJointBranch:           5,
	UsualMaxMembers:               50,
	CommitteeFullMembers:          7,
	CommitteeMinSize:              3,
	CommitteeMaxSize:              5,
	CommitteeUsualMax:             7,
	TermYears:                     3,
	TermReminderMonths:            6,
	TermMaxExtensionMonths:        12,
	GeneralMeetingQuorumPercent:   50,
	GeneralMeetingPassPercent:     50,
	CommitteeMeetingQuorumPercent: 50,
	ElectionQuorumPercent:         80,
}

// MembershipRules holds the rules on who may join and how long probation lasts,
// from 《中国共产党发展党员工作细则》 and the 党章.
type MembershipRules struct {
	Document       string
	Effective      Date
	MinAge         int // an applicant must be at least this old
	ProbationYears int // 预备期
	// ProbationMaxExtensionMonths: probation may be extended once, by at
	// most this long (细则 step 23).
	ProbationMaxExtensionMonths int
}

// MembershipRules2014 is the 2014 edition of the recruiting rules.
var MembershipRules2014 = MembershipRules{
	Document:                    "中国共产党发展党员工作细则",
	Effective:                   NewDate(2014, 5, 28),
	MinAge:                      18,
	ProbationYears:              1,
	ProbationMaxExtensionMonths: 12,
}

// MemberRecordRules holds the rules of the 2017 national member information
// collection (党员信息采集) on lost contact.
type MemberRecordRules struct {
	Document                 string
	Effective                Date
	LostContactSuspendMonths int // lost contact this long → membership suspended
	LostContactRemoveMonths  int // still lost this long after suspension → removed
}

// MemberRecordRules2017 is the 2017 collection.
var MemberRecordRules2017 = MemberRecordRules{
	Document:                 "党员信息采集（2017）",
	Effective:                NewDate(2017, 1, 1),
	LostContactSuspendMonths: 6,
	LostContactRemoveMonths:  24,
}

// Rules is the set of rule tables a branch is checked against.
type Rules struct {
	Branch       BranchWorkRules
	Membership   MembershipRules
	Records      MemberRecordRules
	Constitution PartyConstitutionRules
}

// CurrentRules are the editions in force today. When a document is revised, add
// its table above and choose by effective date here.
func CurrentRules() Rules {
	return Rules{
		Branch:       BranchWorkRules2018,
		Membership:   MembershipRules2014,
		Records:      MemberRecordRules2017,
		Constitution: PartyConstitution2022,
	}
}
