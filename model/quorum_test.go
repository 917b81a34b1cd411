package model

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// A meeting that could not decide is not a meeting held (issue 8 §1): a
// 支部党员大会 below its quorum — more than half of the voting members due —
// or holding an election below more than four fifths stays on record, is
// marked 未达法定人数, and does not satisfy the quarter's requirement.
func TestInquorateGeneralMeetingIsNotHeld(t *testing.T) {
	for _, tc := range []struct {
		name                string
		full, prob, present int
		election            bool
		inquorate           bool
		// says is what the finding says of the meeting: one that had
		// more than half could decide all but the election (review
		// s7-8 attack #10).
		says string
		// mark is how the list, home and check name what failed: an
		// election short of its share is not 未达法定人数 beside a record
		// saying 可以开会 (review s13-newuser #8).
		mark string
	}{
		{"14名正式党员_8人到会_超过半数_算开会", 14, 0, 8, false, false, "", ""},
		{"14名正式党员_7人到会_恰好半数_未达法定人数", 14, 0, 7, false, true, "会议不能作出决定", "未达法定人数"},
		{"10正式4预备_6人到会_预备不计入应到", 10, 4, 6, false, false, "", ""},
		{"10正式4预备_正式5人到会_未达法定人数", 10, 4, 5, false, true, "会议不能作出决定", "未达法定人数"},
		{"选举_应到10_到会9_超过五分之四", 10, 0, 9, true, false, "", ""},
		{"选举_应到10_到会8_恰好五分之四_未达法定人数", 10, 0, 8, true, true, "未超过选举所需的80%（至少需9人），选举无效", "选举未过80%"},
		{"选举_应到10_到会6_可开会不能选举_未达法定人数", 10, 0, 6, true, true, "选举无效", "选举未过80%"},
		{"选举_应到10_到会5_恰好半数_不能作出决定", 10, 0, 5, true, true, "会议不能作出决定", "未达法定人数"},
		{"没有有表决权的党员_不能作出决定", 0, 3, 3, false, true, "会议不能作出决定", "未达法定人数"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms := branchOf(tc.full, tc.prob)
			// The first present rows are the full members, then the
			// probationary ones.
			a := meeting(ms, tc.present, tc.present)
			a.Resolutions[0].Election = tc.election
			held := []HeldActivity{a.Held()}
			MarkQuorum(held, byID(ms), BranchWorkRules2018)
			if held[0].Inquorate != tc.inquorate {
				t.Fatalf("inquorate %v (voting %d/%d), want %v", held[0].Inquorate, held[0].VotingPresent, held[0].VotingDue, tc.inquorate)
			}
			ctx := RuleContext{Members: byID(ms), Rules: BranchWorkRules2018}
			if ctx.Inquorate(&a) != tc.inquorate {
				t.Error("the record and the calendar disagree")
			}
			// The record's own checks say the same.
			failed := false
			for _, c := range a.CheckRules(byID(ms), 0, BranchWorkRules2018) {
				if !c.OK && !strings.HasPrefix(c.Message, "决议") {
					failed = true
				}
			}
			if failed != tc.inquorate {
				t.Errorf("CheckRules failed=%v, MarkQuorum inquorate=%v", failed, tc.inquorate)
			}
			rules := MeetingRules{Requirements: []Requirement{{KindGeneralMeeting, Quarterly, 1, false}}}
			cal := ComplianceCalendar(2026, held, rules, Date{}, NewDate(2026, 11, 30))
			q1 := cal.Slots[0]
			if (q1.Status == SlotHeld) == tc.inquorate {
				t.Errorf("first quarter %v (held %d, inquorate %d)", q1.Status, q1.Held, q1.Inquorate)
			}
			fs := append(cal.Findings(), InquorateFindings(2026, held, BranchWorkRules2018)...)
			mentioned := false
			for _, f := range fs {
				mentioned = mentioned || strings.Contains(f.Message, InquorateText)
				if tc.says == "选举无效" && strings.Contains(f.Message, "不能作出决定") {
					t.Errorf("finding %q says the meeting could not decide; it could, but for the election", f.Message)
				}
			}
			if mentioned != tc.inquorate {
				t.Errorf("findings %+v mention %s: %v", fs, InquorateText, mentioned)
			}
			for _, f := range InquorateFindings(2026, held, BranchWorkRules2018) {
				if !strings.Contains(f.Message, tc.says) {
					t.Errorf("finding %q does not say %q", f.Message, tc.says)
				}
				if !strings.Contains(f.Message, "支部党员大会"+tc.mark+"：") {
					t.Errorf("finding %q does not name the meeting %s", f.Message, tc.mark)
				}
				if tc.mark != InquorateText && strings.Contains(f.Message, InquorateText) {
					t.Errorf("finding %q says %s of a meeting that had its quorum", f.Message, InquorateText)
				}
			}
			if got := ctx.Quorum(&a).Shortfall(ctx.Rules).String(); got != tc.mark {
				t.Errorf("the list marks it %q, want %q", got, tc.mark)
			}
		})
	}
}

// Other kinds have no quorum rule: a theme day with two present counts.
func TestQuorumOnlyForGeneralMeetings(t *testing.T) {
	ms := branchOf(10, 0)
	held := []HeldActivity{{Kind: KindThemeDay, Date: NewDate(2026, 3, 1), Present: []int64{1, 2}, NotPresent: []int64{3, 4, 5, 6, 7, 8, 9, 10}}}
	MarkQuorum(held, byID(ms), BranchWorkRules2018)
	if held[0].Inquorate {
		t.Error("a theme day marked inquorate")
	}
}

// A member's time without organisational life counts from the latest of the
// start of the records, their admission and their arrival on this roster.
func TestParticipationCountsFromArrival(t *testing.T) {
	today := NewDate(2026, 11, 30)
	held := []HeldActivity{{Kind: KindThemeDay, Date: NewDate(2023, 1, 10), Present: []int64{99}}}
	for _, tc := range []struct {
		name     string
		join     Date
		arrived  Date
		months   int
		severity Severity
	}{
		{"imported_today_not_flagged", NewDate(2001, 7, 1), NewDate(2026, 11, 30), 0, Info},
		{"transferred_in_four_months_ago_warning", NewDate(2001, 7, 1), NewDate(2026, 7, 20), 4, Warning},
		{"on_the_roster_since_records_began_serious", NewDate(2001, 7, 1), NewDate(2022, 5, 1), 46, Serious},
		{"admitted_after_arrival_counts_from_admission", NewDate(2026, 10, 1), NewDate(2020, 1, 1), 1, Info},
		{"arrival_unknown_counts_from_records", NewDate(2001, 7, 1), Date{}, 46, Serious},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := validMember()
			m.ID, m.JoinDate, m.ArrivedOn = 1, tc.join, tc.arrived
			if tc.join.After(NewDate(2020, 1, 1)) {
				m.Category, m.FullDate = CategoryProbationary, Date{}
			}
			ps := Participation([]Member{m}, held, today, MeetingRules2018, PartyConstitution2022)
			if len(ps) != 1 || ps[0].Months != tc.months || ps[0].Severity != tc.severity {
				t.Fatalf("%+v, want %d months %v", ps, tc.months, tc.severity)
			}
		})
	}
	// A member who attended, left and came back counts from the return.
	m := validMember()
	m.ID, m.ArrivedOn = 99, NewDate(2026, 10, 1)
	if ps := Participation([]Member{m}, held, today, MeetingRules2018, PartyConstitution2022); ps[0].Months != 1 {
		t.Errorf("returning member: %+v", ps[0])
	}
}

// Rolls that never named a member are no evidence of absence: a member
// entered today with a 到本支部日期 of 2024-01-15, on none of the rolls (all
// saved before), was "已连续34个月未参加组织生活…视为自行脱党" (review
// s13-attack8 #11). Their gap counts from the first roll naming them, or,
// on none, from the day they were entered; a member on a roll as absent
// counts from that roll.
func TestParticipationCountsFromTheFirstRollNamingThem(t *testing.T) {
	today := NewDate(2026, 11, 30)
	entered := time.Date(2026, 11, 30, 9, 0, 0, 0, time.Local)
	held := []HeldActivity{
		{Kind: KindThemeDay, Date: NewDate(2023, 1, 10), Present: []int64{99}},
		{Kind: KindThemeDay, Date: NewDate(2025, 3, 10), Present: []int64{99}, NotPresent: []int64{2}},
	}
	for _, tc := range []struct {
		name     string
		id       int64
		created  time.Time
		months   int
		severity Severity
	}{
		{"entered_today_on_no_roll", 1, entered, 0, Info},
		{"absent_on_a_roll_counts_from_it", 2, entered, 20, Serious},
		{"entry_unknown_counts_from_arrival", 1, time.Time{}, 34, Serious},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := validMember()
			m.ID, m.JoinDate, m.ArrivedOn, m.CreatedAt = tc.id, NewDate(2005, 6, 1), NewDate(2024, 1, 15), tc.created
			ps := Participation([]Member{m}, held, today, MeetingRules2018, PartyConstitution2022)
			if len(ps) != 1 || ps[0].Months != tc.months || ps[0].Severity != tc.severity {
				t.Fatalf("%+v, want %d months %v", ps, tc.months, tc.severity)
			}
		})
	}
}

// 转入 and 恢复党籍 bring a member onto the roster on their date.
func TestReturningEventsSetArrival(t *testing.T) {
	m := validMember()
	m.OnRoster, m.LeftBy, m.LeftOn = false, EventTransferOut, NewDate(2020, 1, 1)
	if err := (MembershipEvent{Kind: EventTransferIn, Date: NewDate(2026, 3, 2)}).Apply(&m, testToday); err != nil || m.ArrivedOn != NewDate(2026, 3, 2) {
		t.Errorf("转入: %v, arrived %v", err, m.ArrivedOn)
	}
	s := validMember()
	s.Standing, s.OnRoster, s.LeftBy, s.LeftOn = StandingSuspended, false, EventSuspension, NewDate(2024, 1, 1)
	if err := (MembershipEvent{Kind: EventRestoration, Date: NewDate(2026, 6, 1)}).Apply(&s, testToday); err != nil || s.ArrivedOn != NewDate(2026, 6, 1) {
		t.Errorf("恢复党籍: %v, arrived %v", err, s.ArrivedOn)
	}
	f := validMember()
	f.ArrivedOn = NewDate(2026, 12, 1)
	if errs := f.Validate(testToday, CurrentRules()); errs.For(FieldArrivedOn) == "" {
		t.Error("an arrival after today is accepted")
	}
}

// Members from elsewhere attending as guests (列席) are never due, never
// present, never voting: with guests enough to tip a meeting over its
// quorum if they counted, 应到/实到, the quorum, the rule checks and the
// participation of roster members are what they are without them. The
// guests' ids are those of absent roster members, so that a guest taken
// for a member would show.
func TestGuestsNeverChangeQuorum(t *testing.T) {
	for _, tc := range []struct {
		name           string
		full, present  int
		guests         int
		election       bool
		wantInquorate  bool
		wantDue, wantP int
	}{
		{"14名党员_7人到会_3人列席_仍未达法定人数", 14, 7, 3, false, true, 14, 7},
		{"14名党员_8人到会_2人列席_超过半数", 14, 8, 2, false, false, 14, 8},
		{"选举_应到10_到会8_2人列席_仍未超过五分之四", 10, 8, 2, true, true, 10, 8},
		{"3名党员_1人到会_5人列席_仍未达法定人数", 3, 1, 5, false, true, 3, 1},
		{"没有列席", 5, 3, 0, false, false, 5, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms := branchOf(tc.full, 0)
			plain := meeting(ms, tc.present, tc.present)
			plain.Resolutions[0].Election = tc.election
			with := plain
			inflow := map[int64]*InflowMember{}
			for i := range tc.guests {
				id := int64(tc.full - i) // the id of an absent member
				inflow[id] = &InflowMember{ID: id, Name: "列席" + string(rune('甲'+i)), ArrivedOn: NewDate(2025, 1, 1)}
				with.Guests = append(with.Guests, ActivityGuest{InflowID: id})
			}
			if errs := with.CheckGuests(inflow); len(errs) > 0 || len(with.Guests) != tc.guests {
				t.Fatalf("CheckGuests: %v, %d guests", errs, len(with.Guests))
			}
			if c := with.Counts(); c != plain.Counts() || c.Due != tc.wantDue || c.Present != tc.wantP {
				t.Fatalf("counts with guests %+v, without %+v", c, plain.Counts())
			}
			hw, hp := []HeldActivity{with.Held()}, []HeldActivity{plain.Held()}
			MarkQuorum(hw, byID(ms), BranchWorkRules2018)
			MarkQuorum(hp, byID(ms), BranchWorkRules2018)
			if hw[0].Inquorate != tc.wantInquorate || hw[0].VotingDue != hp[0].VotingDue || hw[0].VotingPresent != hp[0].VotingPresent {
				t.Fatalf("quorum with guests %+v, without %+v, want inquorate %v", hw[0], hp[0], tc.wantInquorate)
			}
			ctx := RuleContext{Members: byID(ms), Rules: BranchWorkRules2018}
			if a, b := checkTexts(ctx.Check(&with)), checkTexts(ctx.Check(&plain)); a != b {
				t.Fatalf("checks with guests:\n%s\nwithout:\n%s", a, b)
			}
			today := NewDate(2026, 11, 30)
			pw := Participation(ms, hw, today, MeetingRules2018, PartyConstitution2022)
			pp := Participation(ms, hp, today, MeetingRules2018, PartyConstitution2022)
			if a, b := findingTexts(ParticipationFindings(pw, PartyConstitution2022)), findingTexts(ParticipationFindings(pp, PartyConstitution2022)); a != b {
				t.Fatalf("participation findings with guests:\n%s\nwithout:\n%s", a, b)
			}
		})
	}
}

func checkTexts(cs []Check) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(strconv.FormatBool(c.OK) + " " + c.Finding.Message + "\n")
	}
	return b.String()
}

func findingTexts(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Message + "\n")
	}
	return b.String()
}

// A member whose stated 到本支部日期 is after a meeting is neither listed as
// due at it nor counted as a voter in its quorum, even in a record that
// marks him absent; the day a member was merely added or imported is no
// such date (review s5-8 attack #7).
func TestMembersAreDueFromTheirArrival(t *testing.T) {
	ms := branchOf(5, 0)
	created := NewDate(2026, 11, 30).Time()
	for i := range ms {
		ms[i].CreatedAt, ms[i].ArrivedOn = created, NewDate(2026, 11, 30) // imported today
	}
	ms[3].ArrivedOn = NewDate(2026, 9, 1) // the import said when he came
	d := NewDate(2026, 3, 15)
	due := DueMembers(KindGeneralMeeting, d, ms, nil)
	if len(due) != 4 {
		t.Fatalf("%d due on %v, want 4 (not the one who came in September)", len(due), d)
	}
	for _, m := range due {
		if m.ID == ms[3].ID {
			t.Errorf("%s listed before his 到本支部日期", m.Name)
		}
	}
	if got := DueMembers(KindGeneralMeeting, NewDate(2026, 9, 1), ms, nil); len(got) != 5 {
		t.Errorf("%d due on his 到本支部日期, want 5", len(got))
	}
	// A record saved listing him absent: four of four voters present,
	// an election is valid.
	a := Activity{Kind: KindGeneralMeeting, Date: d, Attendance: NewAttendance(ms),
		Resolutions: []Resolution{{Text: "选举支部书记", Election: true, Voted: true, Yes: 4}}}
	a.Attendance[3].Status, a.Attendance[3].Reason = Absent, "尚未转入本支部"
	held := []HeldActivity{a.Held()}
	MarkQuorum(held, byID(ms), BranchWorkRules2018)
	if held[0].Inquorate || held[0].VotingDue != 4 {
		t.Errorf("inquorate %v, voting %d/%d; want 4/4 and quorate", held[0].Inquorate, held[0].VotingPresent, held[0].VotingDue)
	}
	for _, c := range a.CheckRules(byID(ms), 0, BranchWorkRules2018) {
		if !c.OK {
			t.Errorf("the record says %q", c.Message)
		}
	}
	// Had he come, he would count: present, he always does.
	a.Attendance[3].Status, a.Attendance[3].Reason = Present, ""
	if due, present := a.VotingCounts(byID(ms)); due != 5 || present != 5 {
		t.Errorf("present before his date: %d/%d, want 5/5", present, due)
	}
}

// A quarter before the records began whose only meeting could not decide
// says so, not "尚无记录" (review s5-8 attack #7).
func TestInquorateBeforeRecordsIsNotNoRecord(t *testing.T) {
	held := []HeldActivity{{Kind: KindGeneralMeeting, Date: NewDate(2026, 3, 15), Inquorate: true}}
	rules := MeetingRules{Requirements: []Requirement{{KindGeneralMeeting, Quarterly, 1, false}}}
	cal := ComplianceCalendar(2026, held, rules, NewDate(2026, 3, 15), NewDate(2026, 11, 30))
	var q1 string
	for _, f := range cal.Findings() {
		if strings.Contains(f.Message, "第一季度") {
			q1 = f.Message
		}
	}
	if strings.Contains(q1, "尚无记录") || !strings.Contains(q1, InquorateText) {
		t.Errorf("first quarter: %q", q1)
	}
}
