package model

// ActivityKind is the type of a branch activity, as 支部工作条例 names them.
type ActivityKind string

const (
	KindGeneralMeeting   ActivityKind = "支部党员大会"
	KindCommitteeMeeting ActivityKind = "支部委员会会议"
	KindGroupMeeting     ActivityKind = "党小组会"
	KindLecture          ActivityKind = "党课"
	KindThemeDay         ActivityKind = "主题党日"
	KindLifeMeeting      ActivityKind = "组织生活会"
	KindAppraisal        ActivityKind = "民主评议党员"
	KindTalk             ActivityKind = "谈心谈话"
	KindOther            ActivityKind = "其他"
)

// ActivityKinds lists every kind in the order forms offer them.
var ActivityKinds = []ActivityKind{
	KindGeneralMeeting, KindCommitteeMeeting, KindGroupMeeting, KindLecture, KindThemeDay,
	KindLifeMeeting, KindAppraisal, KindTalk, KindOther,
}

// HeldActivity is what the compliance calendar and the participation check
// need to know of an activity that took place: its kind, its date, who was
// present and who was due but not (member IDs), and whether it held an
// election. MarkQuorum fills in whether a 支部党员大会 could decide.
type HeldActivity struct {
	Kind       ActivityKind
	Date       Date
	Present    []int64
	NotPresent []int64 // 请假 or 缺席
	Election   bool
	// Votes are the members' votes as recorded on a 支部党员大会's roll
	// (AttendanceRow.Vote); nil or a member missing: worked out now.
	Votes map[int64]Vote

	// Inquorate: a 支部党员大会 below its quorum (or holding an election
	// below the election quorum). It stays on record, but it could not
	// decide, so it does not count as the period's meeting.
	Inquorate bool
	// ElectionShort: Inquorate only for its election — more than half
	// were there, so it could decide all else, but not more than the
	// share an election needs (ElectionQuorumPercent).
	ElectionShort bool
	// VotingDue and VotingPresent are the voting members due and present,
	// for a 支部党员大会 once MarkQuorum has run.
	VotingDue, VotingPresent int
}
