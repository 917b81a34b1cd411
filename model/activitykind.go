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
// need to know of an activity that took place: its kind, its date and who
// was present (member IDs).
type HeldActivity struct {
	Kind    ActivityKind
	Date    Date
	Present []int64
}
