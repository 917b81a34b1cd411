package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// RecordKeepingRules holds how records must be kept. Inspections want records
// made at the time ("the materials must reproduce the activity as it really
// happened", RULES.md §1); some provincial platforms refuse later entries.
// The number here is the app's reading of "at the time", kept as data so a
// province's stricter rule is a new table.
type RecordKeepingRules struct {
	Document      string
	Effective     Date
	LateEntryDays int // entered more than this many days after the activity → 补录
}

// RecordKeeping2018 goes with the 2018 支部工作条例.
var RecordKeeping2018 = RecordKeepingRules{
	Document:      "中国共产党支部工作条例（试行）：活动记录",
	Effective:     NewDate(2018, 10, 28),
	LateEntryDays: 7,
}

// Attendance is how a member stood at an activity.
type Attendance string

const (
	Present Attendance = "出席"
	OnLeave Attendance = "请假"
	Absent  Attendance = "缺席"
)

// Attendances lists the choices in the order the attendance grid offers them.
var Attendances = []Attendance{Present, OnLeave, Absent}

// AttendanceRow is one member due at an activity and whether they came.
// Name is the member's name when the record was made, kept so that the
// printed record reads right even after the roster changes.
type AttendanceRow struct {
	MemberID int64
	Name     string
	Status   Attendance
	Reason   string // why on leave or absent
	// Vote is the member's vote at a 支部党员大会 as recorded when the
	// record was saved (RecordVotes): the record's own 应到/实到 decide
	// its quorum, so a later edit of the member's Party dates or 到本支部日期
	// does not rewrite the meeting (review s8-8 #6). VoteUnrecorded: not
	// recorded yet, worked out from the member as he is now.
	Vote Vote
}

// Vote is how a member on the roll of a 支部党员大会 counted towards its
// quorum, as recorded.
type Vote int8

const (
	VoteUnrecorded Vote = iota
	// VoteDue: a full member of this branch on the day: 应到, and 实到 if present.
	VoteDue
	// VoteNone: no vote on the day (probationary, or not yet a member).
	VoteNone
	// VoteArrivedLater: a full member whose 到本支部日期 was after the
	// day: counted only if present.
	VoteArrivedLater
)

// VoteOn is m's vote at a 支部党员大会 on d, from m as he is now.
func VoteOn(m *Member, d Date) Vote {
	switch {
	case m == nil || !CanVoteOn(m, d):
		return VoteNone
	case ArrivedAfter(m, d):
		return VoteArrivedLater
	}
	return VoteDue
}

// counts adds the row to a 支部党员大会's voting members due and present.
func (v Vote) counts(present bool) (due, pres int) {
	switch {
	case v == VoteDue, v == VoteArrivedLater && present:
		if present {
			return 1, 1
		}
		return 1, 0
	}
	return 0, 0
}

// RecordVotes fills in, for a 支部党员大会, the vote of every row not yet
// recorded, from the members as they are now (looked up by ID). A row
// already recorded keeps its vote: the meeting's roll is history. Other
// kinds record none.
func (a *Activity) RecordVotes(members map[int64]*Member) {
	for i := range a.Attendance {
		r := &a.Attendance[i]
		switch {
		case a.Kind != KindGeneralMeeting:
			r.Vote = VoteUnrecorded
		case r.Vote == VoteUnrecorded:
			r.Vote = VoteOn(members[r.MemberID], a.Date)
		}
	}
}

// ForgetVotes clears the recorded votes, for a record whose date or kind
// changed: the votes on the new day are worked out again when it is saved.
func (a *Activity) ForgetVotes() {
	for i := range a.Attendance {
		a.Attendance[i].Vote = VoteUnrecorded
	}
}

// Resolution is one decision taken at the activity, with its vote.
type Resolution struct {
	Text             string
	Yes, No, Abstain int
	Voted            bool // false: decided without a vote count (e.g. a committee agreement)
	// Election marks a vote that elects (选举), such as the committee at
	// 换届: a 支部党员大会 may hold one only with more than
	// ElectionQuorumPercent of the voting members due present.
	Election bool
}

// AttachmentType is what an attachment holds, told by its first bytes.
type AttachmentType string

const (
	AttachJPEG AttachmentType = "jpg"
	AttachPNG  AttachmentType = "png"
	AttachPDF  AttachmentType = "pdf"
)

// Attachment is a photo or a scanned sign-in sheet kept inside the data
// file, so that the record travels with it. Data is only filled when the
// bytes are asked for; lists carry the metadata alone.
type Attachment struct {
	ID      int64
	Name    string
	Type    AttachmentType
	Size    int64
	AddedAt time.Time
	Data    []byte
}

// Activity is one record of a branch activity (会议记录): what 支部工作条例
// asks a meeting record to hold (RULES.md §1).
type Activity struct {
	ID   int64
	Kind ActivityKind
	Seq  int // 第几次: sequence number of this kind within the year, assigned on save

	Date       Date
	Start, End string // "14:30"; optional
	Place      string
	Topic      string // 议题
	Chair      string // 主持人
	Recorder   string // 记录人
	Observers  string // 列席
	Content    string
	// Resolutions and Attendance are in form order.
	Resolutions []Resolution
	Attendance  []AttendanceRow
	// Guests are members from elsewhere (流入党员) who attended as
	// non-voting attendees (列席), in form order. They are kept apart from
	// Attendance: never due, never counted in 应到 or 实到, never voting.
	Guests      []ActivityGuest
	Attachments []Attachment

	CreatedAt time.Time // when it was entered: the basis of 补录
	UpdatedAt time.Time
}

// Activity form fields. Their values are the labels, so that a FieldError
// and the change history read in Chinese without a lookup table.
const (
	ActivityKindField       Field = "活动类型"
	ActivityDateField       Field = "日期"
	ActivityTimeField       Field = "时间"
	ActivityStartField      Field = "开始时间"
	ActivityEndField        Field = "结束时间"
	ActivityPlaceField      Field = "地点"
	ActivityTopicField      Field = "议题"
	ActivityChairField      Field = "主持人"
	ActivityRecorderField   Field = "记录人"
	ActivityObserversField  Field = "列席人员"
	ActivityContentField    Field = "会议内容"
	ActivityResolutionField Field = "决议"
	ActivityAttendanceField Field = "出席情况"
	// ActivityReasonField is a row's reason for 请假 or 缺席, checked
	// within 出席情况.
	ActivityReasonField     Field = "请假或缺席原因"
	ActivityAttachmentField Field = "附件"
	ActivityGuestsField     Field = "列席（流入党员）"
)

// ActivityGuest is a member from elsewhere (InflowMember) who attended an
// activity as a non-voting attendee (列席). Name is theirs when the record
// was made, so that the printed record reads right later.
type ActivityGuest struct {
	InflowID int64
	Name     string
}

// GuestsText lists the guests' names as the record prints them: 马兰、李四.
func GuestsText(gs []ActivityGuest) string {
	names := make([]string, len(gs))
	for i, g := range gs {
		names[i] = g.Name
	}
	return strings.Join(names, "、")
}

// CheckGuests checks a record's guests against the inflow register
// (inflow, by ID) and fills in their names: each must be registered and
// taking part here on the activity's date (InflowMember.Here); a guest
// chosen twice is kept once. The problems name the guest and the dates.
func (a *Activity) CheckGuests(inflow map[int64]*InflowMember) ValidationErrors {
	var errs ValidationErrors
	seen := make(map[int64]bool, len(a.Guests))
	kept := a.Guests[:0]
	for _, g := range a.Guests {
		if seen[g.InflowID] {
			continue
		}
		seen[g.InflowID] = true
		im := inflow[g.InflowID]
		switch {
		case im == nil:
			errs = append(errs, FieldError{Field: ActivityGuestsField, Message: fmt.Sprintf("列席的流入党员 %s 不在流入党员登记表中", g.Name)})
		case !a.Date.IsZero() && !a.Date.MonthOnly() && !im.Here(a.Date):
			when := im.ArrivedOn.String() + " 起"
			if !im.LeftOn.IsZero() {
				when = im.ArrivedOn.String() + " 至 " + im.LeftOn.String()
			}
			errs = append(errs, FieldError{Field: ActivityGuestsField, Message: fmt.Sprintf(
				"%s 在 %s 不在本支部参加活动（登记为 %s），不能列席这次活动", im.Name, a.Date, when)})
		default:
			g.Name = im.Name
		}
		kept = append(kept, g)
	}
	a.Guests = kept
	return errs
}

// Counts are the attendance figures of a record, derived from its rows and
// never typed: 应到, 实到, 请假, 缺席.
type Counts struct {
	Due, Present, Leave, Absent int
}

// Counts derives the figures from the attendance rows. The rows hold every
// member due (the grid is built with DueMembers), so 应到 is their number.
func (a *Activity) Counts() Counts {
	c := Counts{Due: len(a.Attendance)}
	for _, r := range a.Attendance {
		switch r.Status {
		case Present:
			c.Present++
		case OnLeave:
			c.Leave++
		case Absent:
			c.Absent++
		}
	}
	return c
}

// Held is what the compliance calendar and the participation check read.
func (a *Activity) Held() HeldActivity {
	h := HeldActivity{Kind: a.Kind, Date: a.Date, Election: a.HoldsElection()}
	for _, r := range a.Attendance {
		if r.Vote != VoteUnrecorded {
			if h.Votes == nil {
				h.Votes = make(map[int64]Vote, len(a.Attendance))
			}
			h.Votes[r.MemberID] = r.Vote
		}
		if r.Status == Present {
			h.Present = append(h.Present, r.MemberID)
		} else {
			h.NotPresent = append(h.NotPresent, r.MemberID)
		}
	}
	return h
}

// MarkQuorum works out, for every 支部党员大会 in held, the voting members
// due and present and whether the meeting could decide (支部工作条例: more
// than half of the voting members present; for an election more than
// r.ElectionQuorumPercent). members are looked up by ID for their vote on
// the day (CanVoteOn); an attendee not found has none. Other kinds are left
// as they are: no quorum rule applies to them.
func MarkQuorum(held []HeldActivity, members map[int64]*Member, r BranchWorkRules) {
	for i := range held {
		h := &held[i]
		if h.Kind != KindGeneralMeeting {
			continue
		}
		h.VotingDue, h.VotingPresent = 0, 0
		vote := func(id int64) Vote {
			// As recorded on the meeting's roll; worked out from the
			// member now only for a roll saved before votes were kept.
			if v, ok := h.Votes[id]; ok && v != VoteUnrecorded {
				return v
			}
			return VoteOn(members[id], h.Date)
		}
		for _, id := range h.Present {
			due, pres := vote(id).counts(true)
			h.VotingDue += due
			h.VotingPresent += pres
		}
		for _, id := range h.NotPresent {
			// One not yet on this branch is not due (as in VotingCounts).
			due, _ := vote(id).counts(false)
			h.VotingDue += due
		}
		h.Inquorate = !generalMeetingQuorate(h.VotingDue, h.VotingPresent, h.Election, r)
		h.ElectionShort = h.Inquorate && h.Election && generalMeetingQuorate(h.VotingDue, h.VotingPresent, false, r)
	}
}

// generalMeetingQuorate is the quorum of a 支部党员大会: more than
// GeneralMeetingQuorumPercent of the voting members due present, and more
// than ElectionQuorumPercent when it elects. A meeting without voting
// members due cannot decide anything.
func generalMeetingQuorate(due, present int, election bool, r BranchWorkRules) bool {
	if due == 0 || present < moreThan(due, r.GeneralMeetingQuorumPercent) {
		return false
	}
	return !election || present >= moreThan(due, r.ElectionQuorumPercent)
}

// Inquorate reports whether the record is a 支部党员大会 that could not
// decide for want of its quorum (MarkQuorum).
func (c *RuleContext) Inquorate(a *Activity) bool { return c.Quorum(a).Inquorate }

// Quorum is the record a as held, with its quorum worked out (MarkQuorum):
// VotingDue, VotingPresent, Inquorate and ElectionShort filled in for a
// 支部党员大会; Shortfall then says how to mark it.
func (c *RuleContext) Quorum(a *Activity) HeldActivity {
	h := []HeldActivity{a.Held()}
	MarkQuorum(h, c.Members, c.Rules)
	return h[0]
}

// InquorateText is how lists, home and check mark such a meeting.
const InquorateText = "未达法定人数"

// Shortfall is how lists, home and check mark a meeting that could not
// decide (Inquorate): 未达法定人数, or 选举未过80% when more than half were
// there and only its election lacked the numbers — "未达法定人数" beside a
// record saying 可以开会 contradicted it (review s13-newuser #8). Zero when
// it could decide.
func (h HeldActivity) Shortfall(r BranchWorkRules) Text {
	switch {
	case h.ElectionShort:
		return Textf("选举未过%d%%", r.ElectionQuorumPercent)
	case h.Inquorate:
		return Textf("%s", Term(InquorateText))
	}
	return Text{}
}

// Title is how lists and printed forms name the record: 2026年第3次支部委员会会议.
func (a *Activity) Title() string { return a.TitleText().String() }

// TitleText is Title kept as a Text, for screens in the UI language.
func (a *Activity) TitleText() Text {
	if a.Seq == 0 {
		return Textf("%d年%s", a.Date.Year, a.Kind)
	}
	return Textf("%d年第%d次%s", a.Date.Year, a.Seq, a.Kind)
}

// TimeText is the time span as the form prints it.
func (a *Activity) TimeText() string {
	switch {
	case a.Start != "" && a.End != "":
		return a.Start + "—" + a.End
	case a.Start != "":
		return a.Start
	}
	return ""
}

// EnteredLate reports whether the record was entered more than the allowed
// days after the activity (补录). Inspections ask for such records to be
// shown as what they are.
func (a *Activity) EnteredLate(r RecordKeepingRules) bool {
	if a.CreatedAt.IsZero() || a.Date.IsZero() {
		return false
	}
	limit := a.Date.Time().AddDate(0, 0, r.LateEntryDays)
	entered := DateOf(a.CreatedAt).Time()
	return entered.After(limit)
}

// OnRosterOn reports whether the member was on the branch's roster on d:
// admitted by then and not yet gone. A member who left on d itself no longer
// counts.
func OnRosterOn(m *Member, d Date) bool {
	if !m.JoinDate.IsZero() && m.JoinDate.After(d) {
		return false
	}
	if m.OnRoster {
		return true
	}
	return !m.LeftOn.IsZero() && m.LeftOn.After(d)
}

// ArrivedAfter reports whether m came onto this branch's roster after d by
// a 到本支部日期 the record states — typed, imported or from a 转入 — rather
// than the day m was added or imported (the default ArrivedOn, which says
// only when the app learnt of m: a roster imported today still belonged to
// the branch at the meetings entered afterwards for earlier dates). Such a
// member is not due at an activity on d and is no voter at it (review s5-8
// attack #7).
func ArrivedAfter(m *Member, d Date) bool {
	return m.ArrivalStated() && m.ArrivedOn.After(d)
}

// ArrivalStated reports whether m's 到本支部日期 is one the record states —
// typed, imported or from a 转入 — rather than the default, the day m was
// added or imported, which says only when the app learnt of m.
func (m *Member) ArrivalStated() bool {
	return !m.ArrivedOn.IsZero() && (m.CreatedAt.IsZero() || m.ArrivedOn != DateOf(m.CreatedAt))
}

// CanVoteOn reports whether the member had a vote on d: full members only,
// since 预备党员 have none.
func CanVoteOn(m *Member, d Date) bool {
	if m.Category != CategoryFull {
		return false
	}
	return m.FullDate.IsZero() || !m.FullDate.After(d)
}

// OnRosterThen reports whether m was on this branch's roster on d, reading
// their membership events (oldest first) as well as the record: a member
// who came by 转入 on 11-30 was not on the roster of a meeting held on
// 11-28, though OnRosterOn (which knows only the latest departure) says so.
// Before the first event the member was on the roster exactly when that
// event took them off it; a 转出 withdrawn later (转出作废) never happened.
// Without events it is OnRosterOn.
func OnRosterThen(m *Member, d Date, events []MembershipEvent) bool {
	if len(events) == 0 {
		return OnRosterOn(m, d)
	}
	if !m.JoinDate.IsZero() && m.JoinDate.After(d) {
		return false
	}
	kept := make([]MembershipEvent, 0, len(events))
	for _, e := range events {
		if e.Kind == EventTransferVoid && len(kept) > 0 && kept[len(kept)-1].Kind == EventTransferOut {
			kept = kept[:len(kept)-1]
			continue
		}
		kept = append(kept, e)
	}
	if len(kept) == 0 {
		return OnRosterOn(m, d)
	}
	on := kept[0].Kind.LeavesRoster()
	for _, e := range kept {
		if e.Date.After(d) {
			break
		}
		on = !e.Kind.LeavesRoster()
	}
	return on
}

// DueMembers are the members an activity of kind on d expects: the committee
// for a committee meeting (roster members whose names hold a committee seat),
// everyone on the roster that day otherwise.
func DueMembers(kind ActivityKind, d Date, members []Member, committee []CommitteeMember) []Member {
	return DueMembersThen(kind, d, members, committee, nil)
}

// DueMembersThen is DueMembers reading each member's membership events
// (events by member ID, oldest first; see OnRosterThen), so that a member
// who arrived or left after d is not due on d.
func DueMembersThen(kind ActivityKind, d Date, members []Member, committee []CommitteeMember, events map[int64][]MembershipEvent) []Member {
	seats := make(map[string]bool, len(committee))
	for _, c := range committee {
		seats[strings.TrimSpace(c.Name)] = true
	}
	var out []Member
	for i := range members {
		m := &members[i]
		if !OnRosterThen(m, d, events[m.ID]) {
			continue
		}
		if len(events[m.ID]) == 0 && ArrivedAfter(m, d) {
			continue // the events, when there are any, say when m came
		}
		if kind == KindCommitteeMeeting && !seats[m.Name] {
			continue
		}
		out = append(out, *m)
	}
	return out
}

// NewAttendance is the attendance grid for the members due, everyone marked
// present: the usual case, so the secretary changes only the exceptions.
func NewAttendance(due []Member) []AttendanceRow {
	out := make([]AttendanceRow, len(due))
	for i := range due {
		out[i] = AttendanceRow{MemberID: due[i].ID, Name: due[i].Name, Status: Present}
	}
	return out
}

// AwayReason is the reason the attendance grid fills in for a member
// registered as away (流动党员) on the activity's day: she takes part in
// organisational life where she is, so the home branch records her absent
// and why, never present by default.
const AwayReason = "外出（流动党员）"

// MarkAway marks absent, with AwayReason, each row whose member has an open
// 流动党员 entry on d, and leaves the others as they are.
func MarkAway(rows []AttendanceRow, mobiles []MobileMember, d Date) {
	away := map[int64]bool{}
	for i := range mobiles {
		if mobiles[i].Open(d) {
			away[mobiles[i].MemberID] = true
		}
	}
	for i := range rows {
		if away[rows[i].MemberID] {
			rows[i].Status, rows[i].Reason = Absent, AwayReason
		}
	}
}

// Check is the result of the quorum and vote rules for one record.
type Check struct {
	Finding
	OK bool
	// Resolution is, for the vote check of a resolution, its number in
	// a.Resolutions counted from 1; 0 for the quorum checks.
	Resolution int
	// Unchecked marks a rule that could not be applied for want of set-up
	// data (a 支部委员会会议 before the committee is entered): a note
	// saying what to fill in, no verdict — nothing printed may call the
	// meeting inquorate because a list is missing (review s7-8 attack #15).
	Unchecked bool
}

// RuleContext is what the quorum and vote checks of a record read besides
// the record itself: the members by ID, the committee's seats and the rules.
// A form loads it once and checks the record at every keystroke against it.
type RuleContext struct {
	Members        map[int64]*Member
	CommitteeSeats int
	Rules          BranchWorkRules
	// FoundedOn is the branch's 成立日期 (zero when not filled in): no
	// activity of the branch is dated before it.
	FoundedOn Date
	// CommitteeOffRoster are the committee's names no member on the
	// roster bears (CommitteeOffRoster): a 支委会 roll cannot list them.
	CommitteeOffRoster Names
}

// Validate checks a record before it is saved (Activity.Validate), and
// that its date is not before the branch was founded: a year mistyped by
// one digit (2016 for 2026, 1900) would otherwise move the start of the
// records back and make every period since a 未开展 reminder (review s7-8
// attack #12).
func (c *RuleContext) Validate(a *Activity, today Date) ValidationErrors {
	errs := a.Validate(today, c.Members)
	if !c.FoundedOn.IsZero() && !a.Date.IsZero() && a.Date.Validate() == nil && a.Date.Before(c.FoundedOn) {
		t := Textf("活动日期 %s 早于本支部的成立日期 %s；请检查年份", a.Date, c.FoundedOn)
		errs = append(errs, FieldError{Field: ActivityDateField, Message: t.String(), Text: t})
	}
	return errs
}

// Check applies the quorum and majority rules to a (see CheckRules).
func (c *RuleContext) Check(a *Activity) []Check {
	return a.CheckRules(c.Members, c.CommitteeSeats, c.Rules)
}

// CheckRules applies the quorum and majority rules of 支部工作条例 to the
// record: for a 支部党员大会, more than half of the members with a vote
// present, and each resolution's "yes" more than half of the voting members
// due; if a resolution is an election, more than four fifths of them present
// (BranchWorkRules.ElectionQuorumPercent); for a 支部委员会会议, more than
// half of the committee present.
// members are looked up by ID for their category on the day; committeeSeats
// is the size of the committee. Other kinds have no such rule.
func (a *Activity) CheckRules(members map[int64]*Member, committeeSeats int, r BranchWorkRules) []Check {
	var out []Check
	add := func(ok bool, t Text) {
		sev := Info
		if !ok {
			sev = Serious
		}
		out = append(out, Check{Finding: Finding{Severity: sev}.With(t), OK: ok})
	}
	switch a.Kind {
	case KindGeneralMeeting:
		due, present := a.VotingCounts(members)
		need := moreThan(due, r.GeneralMeetingQuorumPercent)
		if present >= need {
			add(true, Textf("有表决权的党员应到%d人，实到%d人，超过半数，可以开会", due, present))
		} else {
			add(false, Textf("有表决权的党员应到%d人，实到%d人，未超过半数（至少需%d人），会议不能作出决定", due, present, need))
		}
		if a.HoldsElection() {
			need := moreThan(due, r.ElectionQuorumPercent)
			if present >= need {
				add(true, Textf("选举：有表决权的党员应到%d人，实到%d人，超过应到人数的%d%%，可以进行选举", due, present, r.ElectionQuorumPercent))
			} else {
				add(false, Textf("选举：有表决权的党员应到%d人，实到%d人，未超过应到人数的%d%%（至少需%d人），不能进行选举", due, present, r.ElectionQuorumPercent, need))
			}
		}
		pass := moreThan(due, r.GeneralMeetingPassPercent)
		electionNeed := moreThan(due, r.ElectionQuorumPercent)
		for i, res := range a.Resolutions {
			if !res.Voted {
				continue
			}
			switch {
			case present < need:
				// A meeting that cannot decide passes nothing, whatever
				// the count (支部工作条例: more than half present first).
				add(false, Textf("决议%d：会议未达法定人数，不能表决", i+1))
			case res.Election && present < electionNeed:
				// An election below four fifths present is void, however
				// the votes went (review s5-8 attack #4).
				add(false, Textf("决议%d：到会的有表决权党员未超过应到人数的%d%%，选举无效", i+1, r.ElectionQuorumPercent))
			case res.Yes+res.No+res.Abstain == 0:
				// No vote typed yet (a resolution just added in the
				// form): no verdict, or the form says 未通过 in red
				// before the secretary has typed a count (review s9-8
				// #16).
				out = append(out, Check{Finding: Finding{Severity: Info}.With(Textf(
					"决议%d：尚未填写赞成、反对、弃权票数，填写后核对是否通过", i+1)), OK: true, Unchecked: true})
			case res.Yes+res.No+res.Abstain > present:
				// A count the record refuses (Validate) is no result: not
				// "passed" in green above the refusal.
				add(false, Textf("决议%d：赞成、反对、弃权共%d票，多于到会的有表决权党员%d人，票数有误", i+1, res.Yes+res.No+res.Abstain, present))
			case res.Yes >= pass:
				add(true, Textf("决议%d：赞成%d票，超过应到有表决权党员（%d人）的半数，通过", i+1, res.Yes, due))
			default:
				add(false, Textf("决议%d：赞成%d票，未超过应到有表决权党员（%d人）的半数（至少需%d票），未通过", i+1, res.Yes, due, pass))
			}
			out[len(out)-1].Resolution = i + 1
		}
	case KindCommitteeMeeting:
		present := a.Counts().Present
		need := moreThan(committeeSeats, r.CommitteeMeetingQuorumPercent)
		if committeeSeats == 0 {
			out = append(out, Check{Finding: Finding{Severity: Info}.With(Textf(
				"尚未填写支部委员会成员，无法核对到会是否过半；请在“设置 → 支部委员会”中填写")), OK: true, Unchecked: true})
			break
		}
		if present >= need {
			add(true, Textf("支部委员%d人，到会%d人，超过半数", committeeSeats, present))
		} else {
			add(false, Textf("支部委员%d人，到会%d人，未超过半数（至少需%d人）", committeeSeats, present, need))
		}
	}
	return out
}

// VotingCounts are the members with a vote on the day of a 支部党员大会
// due (应到) and present (实到), from its attendance; members are looked up
// by ID for their category on the day.
func (a *Activity) VotingCounts(members map[int64]*Member) (due, present int) {
	for _, row := range a.Attendance {
		// The vote as recorded on the roll; worked out from the member
		// now only for a row not recorded yet. One not on this branch
		// yet (a record saved before the 到本支部日期 was known) is not
		// due; present, he was there, and counts.
		v := row.Vote
		if v == VoteUnrecorded {
			v = VoteOn(members[row.MemberID], a.Date)
		}
		d, p := v.counts(row.Status == Present)
		due += d
		present += p
	}
	return due, present
}

// VotePasses is whether yes votes (those cast at the meeting and the
// written opinions counted with them) pass a resolution of a 支部党员大会
// with due voting members: more than GeneralMeetingPassPercent of due.
func VotePasses(yes, due int, r BranchWorkRules) bool { return yes >= VotesNeeded(due, r) }

// VotesNeeded is the least number of yes votes that passes a resolution of
// a 支部党员大会 with due voting members.
func VotesNeeded(due int, r BranchWorkRules) int { return moreThan(due, r.GeneralMeetingPassPercent) }

// HoldsElection is whether any resolution of the record is an election.
func (a *Activity) HoldsElection() bool {
	for _, r := range a.Resolutions {
		if r.Election {
			return true
		}
	}
	return false
}

// moreThan is the least whole number strictly greater than percent% of n.
func moreThan(n, percent int) int {
	return n*percent/100 + 1
}

// beforeEveryAdmission reports whether d is before the 加入党组织日期 of
// every member in members (a non-empty roster whose members all have one),
// and the earliest of those dates.
func beforeEveryAdmission(d Date, members map[int64]*Member) (first Date, ok bool) {
	for _, m := range members {
		if m.JoinDate.IsZero() || !d.Before(m.JoinDate) {
			return Date{}, false
		}
		if first.IsZero() || m.JoinDate.Before(first) {
			first = m.JoinDate
		}
	}
	return first, !first.IsZero()
}

// Validate checks a record before it is saved. members are looked up by ID
// (everyone ever on the roster); today is the day of entry.
func (a *Activity) Validate(today Date, members map[int64]*Member) ValidationErrors {
	var errs ValidationErrors
	add := func(f Field, msg string) { errs = append(errs, FieldError{Field: f, Message: msg}) }
	// The roll's problems keep their sentence as a Text, for the form in
	// English ("X 请假，请填写原因" was Chinese there, review s13-look).
	addAttendance := func(t Text) {
		errs = append(errs, FieldError{Field: ActivityAttendanceField, Message: t.String(), Text: t})
	}

	known := false
	for _, k := range ActivityKinds {
		known = known || k == a.Kind
	}
	if !known {
		add(ActivityKindField, "请选择活动类型")
	}
	switch {
	case a.Date.IsZero() || a.Date.MonthOnly():
		add(ActivityDateField, "请填写完整的活动日期（年-月-日）")
	case a.Date.Validate() != nil:
		add(ActivityDateField, a.Date.Validate().Error())
	case a.Date.After(today):
		add(ActivityDateField, "活动日期 "+a.Date.String()+" 晚于今天；尚未举行的活动请列入年度计划")
	default:
		// A date before every member on the roster had joined is a
		// mistyped year: nobody was due, and the record would move the
		// start of the records back (review s7-8 attack #12).
		if first, ok := beforeEveryAdmission(a.Date, members); ok {
			t := Textf("活动日期 %s 时花名册上的党员都还没有入党（最早的于 %s 入党）；请检查年份", a.Date, first)
			errs = append(errs, FieldError{Field: ActivityDateField, Message: t.String(), Text: t})
		}
	}
	// Each time is checked on its own and reported under its own field.
	start, okStart := clockMinutes(a.Start)
	end, okEnd := clockMinutes(a.End)
	if !okStart {
		errs = append(errs, FieldError{Field: ActivityStartField, Message: "开始时间 " + a.Start + " 格式不正确，应为 时:分，如 14:30 或 1430",
			Text: Textf("开始时间 %s 格式不正确，应为 时:分，如 14:30 或 1430", a.Start)})
	}
	if !okEnd {
		errs = append(errs, FieldError{Field: ActivityEndField, Message: "结束时间 " + a.End + " 格式不正确，应为 时:分，如 16:00 或 1600",
			Text: Textf("结束时间 %s 格式不正确，应为 时:分，如 16:00 或 1600", a.End)})
	}
	if okStart && okEnd && strings.TrimSpace(a.Start) != "" && strings.TrimSpace(a.End) != "" && end <= start {
		add(ActivityEndField, "结束时间应晚于开始时间")
	}
	for _, f := range []struct {
		field Field
		value string
	}{{ActivityTopicField, a.Topic}, {ActivityChairField, a.Chair}, {ActivityRecorderField, a.Recorder}} {
		if strings.TrimSpace(f.value) == "" {
			add(f.field, "请填写"+string(f.field))
		}
	}
	for _, f := range []struct {
		field Field
		value string
	}{{ActivityPlaceField, a.Place}, {ActivityTopicField, a.Topic}, {ActivityChairField, a.Chair},
		{ActivityRecorderField, a.Recorder}, {ActivityObserversField, a.Observers}, {ActivityContentField, a.Content}} {
		if e, ok := tooLongProblem(f.field, Term("内容"), f.value); ok {
			errs = append(errs, e)
		}
	}
	for i, res := range a.Resolutions {
		if e, ok := tooLongProblem(ActivityResolutionField, Textf("第%d条决议", i+1), res.Text); ok {
			errs = append(errs, e)
		}
	}

	seen := make(map[int64]bool, len(a.Attendance))
	present := 0
	for _, row := range a.Attendance {
		m := members[row.MemberID]
		name := row.Name
		if m != nil {
			name = m.Name
		}
		switch {
		case m == nil:
			addAttendance(Textf("出席名单中有不在花名册上的人员（编号 %s）", strconv.FormatInt(row.MemberID, 10)))
			continue
		case seen[row.MemberID]:
			addAttendance(Textf("%s 在出席名单中出现了两次", name))
			continue
		case a.Date.IsZero():
		case !OnRosterOn(m, a.Date):
			why := Textf("尚未加入本支部")
			if !m.LeftOn.IsZero() && !m.LeftOn.After(a.Date) {
				why = Textf("已于 %s %s", m.LeftOn.String(), m.LeftBy)
			}
			addAttendance(Textf("%s 在 %s 不在本支部花名册上（%s）", name, a.Date.String(), why))
		}
		seen[row.MemberID] = true
		switch row.Status {
		case Present:
			present++
		case OnLeave, Absent:
			if strings.TrimSpace(row.Reason) == "" {
				addAttendance(Textf("%s %s，请填写原因", name, Term(row.Status)))
			} else if e, ok := tooLongProblem(ActivityReasonField, Textf("%s 的%s原因", name, Term(row.Status)), row.Reason); ok {
				// A pasted document printed over 13 lines of the record
				// (review s13-attack8 #7).
				e.Field = ActivityAttendanceField
				errs = append(errs, e)
			}
		default:
			addAttendance(Textf("%s 请选择出席、请假或缺席", name))
		}
	}

	votingPresent := 0
	if a.Kind == KindGeneralMeeting && members != nil {
		_, votingPresent = a.VotingCounts(members)
	}
	// The resolutions' problems keep their sentence as a Text, for the
	// form in English.
	addText := func(t Text) {
		errs = append(errs, FieldError{Field: ActivityResolutionField, Message: t.String(), Text: t})
	}
	for i, res := range a.Resolutions {
		n, cast := i+1, res.Yes+res.No+res.Abstain
		switch {
		case strings.TrimSpace(res.Text) == "":
			addText(Textf("第%d项决议未填写内容", n))
		case res.Yes < 0 || res.No < 0 || res.Abstain < 0:
			addText(Textf("第%d项决议的票数不能为负数", n))
		case res.Voted && a.Kind == KindGeneralMeeting && members != nil && votingPresent < present && cast > votingPresent:
			// At a 支部党员大会 only full members vote.
			addText(Textf("第%d项决议赞成、反对、弃权共%d票，多于到会的有表决权党员%d人（预备党员没有表决权）", n, cast, votingPresent))
		case res.Voted && len(a.Attendance) > 0 && cast > present:
			addText(Textf("第%d项决议赞成、反对、弃权共%d票，多于实到人数%d", n, cast, present))
		case res.Election && a.Kind != KindGeneralMeeting:
			addText(Textf("第%d项决议标为选举：选举须在%s上进行", n, KindGeneralMeeting))
		case res.Election && !res.Voted:
			addText(Textf("第%d项决议标为选举：请勾选“表决”并填写票数", n))
		}
	}
	return errs
}

// ParseVotes reads a vote count as typed in a form: digits, full-width
// ones too (３), blank for 0. The error is a sentence naming what was typed.
//
// A count above MaxVotes is ErrTooManyVotes: a typing slip (an extra
// digit), said as such rather than as "not a number".
func ParseVotes(s string) (int, error) {
	s = halfWidthNumber(strings.TrimSpace(s)) // ＋３０ as +30
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	switch {
	case err == nil && n > MaxVotes, errors.Is(err, strconv.ErrRange) && !strings.HasPrefix(s, "-"):
		return 0, fmt.Errorf("%w：“%s”", ErrTooManyVotes, s)
	case err != nil || n < 0:
		return 0, fmt.Errorf("“%s”不是票数（应为 0 或正整数）", s)
	}
	return n, nil
}

// MaxVotes is far above any branch (a branch has at most a few hundred
// members); beyond it a count is a typing slip, and it keeps sums in range.
const MaxVotes = 100000

// ErrTooManyVotes is a vote count above MaxVotes.
var ErrTooManyVotes = fmt.Errorf("票数超过 %d，不可能是一个支部的票数，请核对", MaxVotes)

// clockMinutes reads a time of day as minutes after midnight; "" is fine.
func clockMinutes(s string) (int, bool) {
	if strings.TrimSpace(s) == "" {
		return 0, true
	}
	m, ok := ParseClock(s)
	return m, ok
}

// ParseClock reads a time of day as people type it: "14:30", "9:30",
// "14：30", or digits only as dates are typed 19850312 — "1430" is 14:30
// and "930" is 9:30. It returns minutes after midnight.
func ParseClock(s string) (int, bool) {
	// Full-width digits and colon, as a Chinese input method types them
	// (１４：３０), read as the date fields read them (review s6-final
	// attack #4); invisible characters pasted with them go.
	s = strings.TrimSpace(strings.ReplaceAll(halfWidthNumber(CleanText(s)), "：", ":"))
	h, m, ok := strings.Cut(s, ":")
	if !ok {
		if len(s) != 3 && len(s) != 4 {
			return 0, false
		}
		h, m = s[:len(s)-2], s[len(s)-2:]
	}
	for _, part := range []string{h, m} {
		if part == "" || strings.Trim(part, "0123456789") != "" {
			return 0, false
		}
	}
	hh, _ := strconv.Atoi(h)
	mm, _ := strconv.Atoi(m)
	if len(h) > 2 || len(m) != 2 || hh > 23 || mm > 59 {
		return 0, false
	}
	return hh*60 + mm, true
}

// NormalizeClock is s as HH:MM when ParseClock reads it ("1430" → "14:30",
// "930" → "09:30"), and s unchanged (trimmed) when it does not.
func NormalizeClock(s string) string {
	m, ok := ParseClock(s)
	if !ok {
		return strings.TrimSpace(s)
	}
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

// MaxAttachmentBytes is the largest file accepted as an attachment. A phone
// photo is 2–6 MB and a scanned page less; larger files would make the data
// file slow to copy to a USB stick for the sake of one record.
const MaxAttachmentBytes = 10 << 20

// SniffAttachment tells the file type from its first bytes and refuses
// anything that is not a JPEG, PNG or PDF, or whose name says otherwise, or
// that is too big. name is the file's name as the user chose it.
func SniffAttachment(name string, data []byte) (AttachmentType, error) {
	if len(data) > MaxAttachmentBytes {
		return "", fmt.Errorf("附件 %s 大小为 %.1f MB，超过每个文件 %d MB 的上限；请压缩照片或分页扫描后再添加",
			name, float64(len(data))/(1<<20), MaxAttachmentBytes>>20)
	}
	if len(data) == 0 {
		return "", fmt.Errorf("附件 %s 是空文件", name)
	}
	var got AttachmentType
	switch {
	case len(data) >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF:
		got = AttachJPEG
	case len(data) >= 4 && string(data[:4]) == "\x89PNG":
		got = AttachPNG
	case len(data) >= 4 && string(data[:4]) == "%PDF":
		got = AttachPDF
	}
	ext := strings.ToLower(name)
	if i := strings.LastIndexByte(ext, '.'); i >= 0 {
		ext = ext[i+1:]
	} else {
		ext = ""
	}
	if ext == "jpeg" {
		ext = "jpg"
	}
	switch {
	case ext != string(AttachJPEG) && ext != string(AttachPNG) && ext != string(AttachPDF):
		return "", fmt.Errorf("附件 %s 不是照片或扫描件：只能添加 jpg、png 或 pdf 文件", name)
	case got == "":
		return "", fmt.Errorf("附件 %s 的内容不是 %s 文件（文件可能已损坏，或只是改了扩展名）", name, ext)
	case string(got) != ext:
		return "", fmt.Errorf("附件 %s 的扩展名是 %s，内容却是 %s 文件；请改正扩展名后再添加", name, ext, got)
	}
	return got, nil
}

// ActivityChange is one later edit to a record, kept for good so that nobody
// can silently rewrite what a meeting decided.
type ActivityChange struct {
	ActivityID int64
	Field      Field
	Old, New   string
	At         time.Time
}

// DiffActivities lists what changed from old to new, one entry per field,
// with the values as text.
func DiffActivities(old, new *Activity) []ActivityChange {
	var out []ActivityChange
	add := func(f Field, o, n string) {
		if o != n {
			out = append(out, ActivityChange{ActivityID: old.ID, Field: f, Old: o, New: n})
		}
	}
	add(ActivityKindField, string(old.Kind), string(new.Kind))
	add(ActivityDateField, old.Date.String(), new.Date.String())
	add(ActivityTimeField, old.TimeText(), new.TimeText())
	add(ActivityPlaceField, old.Place, new.Place)
	add(ActivityTopicField, old.Topic, new.Topic)
	add(ActivityChairField, old.Chair, new.Chair)
	add(ActivityRecorderField, old.Recorder, new.Recorder)
	add(ActivityObserversField, old.Observers, new.Observers)
	add(ActivityContentField, old.Content, new.Content)
	add(ActivityResolutionField, ResolutionsText(old.Resolutions), ResolutionsText(new.Resolutions))
	add(ActivityAttendanceField, AttendanceText(old.Attendance), AttendanceText(new.Attendance))
	add(ActivityGuestsField, GuestsText(old.Guests), GuestsText(new.Guests))
	return out
}

// ResolutionsText is the resolutions as one text, one per line.
func ResolutionsText(rs []Resolution) string {
	lines := make([]string, len(rs))
	for i, r := range rs {
		lines[i] = strconv.Itoa(i+1) + ". " + r.Text
		if r.Election {
			lines[i] += "（选举）"
		}
		if r.Voted {
			lines[i] += fmt.Sprintf("（赞成%d，反对%d，弃权%d）", r.Yes, r.No, r.Abstain)
		}
	}
	return strings.Join(lines, "\n")
}

// AttendanceText lists who was on leave or absent, and why; the present are
// the rest, so a change of one member's status shows as one line.
func AttendanceText(rows []AttendanceRow) string {
	var parts []string
	for _, r := range rows {
		s := r.Name + "：" + string(r.Status)
		if r.Status != Present && r.Reason != "" {
			s += "（" + r.Reason + "）"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "；")
}

// ComplianceReport is where a branch stands for one year: the calendar of
// required activities, how long each member has gone without organisational
// life, and every finding an inspection would note.
type ComplianceReport struct {
	Calendar      Calendar
	Participation []MemberParticipation
	Findings      []Finding
}

// Plan is one activity planned for the year (年度计划). Plans are
// intentions, not records: they may be changed or removed freely, unlike
// activity records.
type Plan struct {
	ID    int64
	Year  int
	Month time.Month
	Kind  ActivityKind
	Topic string
	Note  string
}

// Validate checks a plan form.
func (p *Plan) Validate() ValidationErrors {
	var errs ValidationErrors
	if !ValidRecordYear(p.Year) {
		errs = append(errs, FieldError{Field: ActivityDateField, Message: "年份不合理"})
	}
	if p.Month < 1 || p.Month > 12 {
		errs = append(errs, FieldError{Field: ActivityDateField, Message: "请选择月份"})
	}
	known := false
	for _, k := range ActivityKinds {
		known = known || k == p.Kind
	}
	if !known {
		errs = append(errs, FieldError{Field: ActivityKindField, Message: "请选择活动类型"})
	}
	// A planned topic prints where a record's 议题 does (the plan list,
	// home's 近期计划): the same limit, or 300 characters ran under the
	// row's delete button and pushed home's findings down (review
	// s14-attack8 #28).
	if e, ok := tooLongProblem(ActivityTopicField, Term("内容"), p.Topic); ok {
		errs = append(errs, e)
	}
	return errs
}

// UpcomingPlans are the plans from today's month to months ahead, by month.
func UpcomingPlans(plans []Plan, today Date, months int) []Plan {
	from := today.Year*12 + int(today.Month)
	var out []Plan
	for _, p := range plans {
		at := p.Year*12 + int(p.Month)
		if at >= from && at <= from+months {
			out = append(out, p)
		}
	}
	return out
}

// MemberAttendance is one activity a member was due at, as their page lists
// it: which record, and whether they came.
type MemberAttendance struct {
	ActivityID int64
	Kind       ActivityKind
	Seq        int
	Date       Date
	Status     Attendance
	Reason     string
}

// Title names the record as lists do: 2026年第3次支部委员会会议.
func (a *MemberAttendance) Title() string { return a.TitleText().String() }

// TitleText is Title kept as a Text, for screens in the UI language.
func (a *MemberAttendance) TitleText() Text {
	r := Activity{Kind: a.Kind, Seq: a.Seq, Date: a.Date}
	return r.TitleText()
}
