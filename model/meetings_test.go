package model

import (
	"strings"
	"testing"
)

func held(kind ActivityKind, dates ...Date) []HeldActivity {
	out := make([]HeldActivity, len(dates))
	for i, d := range dates {
		out[i] = HeldActivity{Kind: kind, Date: d}
	}
	return out
}

func slotOf(t *testing.T, c Calendar, kind ActivityKind, index int) Slot {
	t.Helper()
	for _, s := range c.Slots {
		if s.Kind == kind && s.Index == index {
			return s
		}
	}
	t.Fatalf("no slot for %s %d", kind, index)
	return Slot{}
}

var fullBranch = BranchMeetingSetup{HasCommittee: true, HasGroups: true}

// One row per frequency of 支部工作条例 §1, on 2026-11-25.
func TestComplianceCalendar(t *testing.T) {
	today := NewDate(2026, 11, 25)
	tests := []struct {
		name  string
		held  []HeldActivity
		kind  ActivityKind
		index int
		want  SlotStatus
	}{
		{"general_meeting_held_in_quarter", held(KindGeneralMeeting, NewDate(2026, 2, 10)), KindGeneralMeeting, 1, SlotHeld},
		{"general_meeting_missing_in_past_quarter", held(KindGeneralMeeting, NewDate(2026, 2, 10)), KindGeneralMeeting, 2, SlotMissing},
		{"general_meeting_current_quarter_open", nil, KindGeneralMeeting, 4, SlotOpen},
		{"committee_meeting_monthly_missing", held(KindCommitteeMeeting, NewDate(2026, 1, 5)), KindCommitteeMeeting, 2, SlotMissing},
		{"theme_day_this_month_due_soon", nil, KindThemeDay, 11, SlotDueSoon},
		{"theme_day_next_month_future", nil, KindThemeDay, 12, SlotFuture},
		{"theme_day_last_day_of_month_counts", held(KindThemeDay, NewDate(2026, 10, 31)), KindThemeDay, 10, SlotHeld},
		{"life_meeting_yearly_open", nil, KindLifeMeeting, 1, SlotOpen},
		{"lecture_quarterly_missing", held(KindLecture, NewDate(2026, 3, 1)), KindLecture, 3, SlotMissing},
		{"other_year_does_not_count", held(KindGeneralMeeting, NewDate(2025, 2, 10)), KindGeneralMeeting, 1, SlotMissing},
	}
	rules := MeetingRules2018.ForBranch(fullBranch)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ComplianceCalendar(2026, tt.held, rules, Date{}, today)
			if got := slotOf(t, c, tt.kind, tt.index); got.Status != tt.want {
				t.Errorf("%s %s: %v, want %v", tt.kind, got.Label(), got.Status, tt.want)
			}
		})
	}
}

// Periods that began before the branch's records are not owed once over: the
// period in which they begin may have had its activity on paper before the
// ledger was opened, so it is 建账前 in the calendar (and the upward report)
// as its finding is a 提示 尚无记录; the periods after are owed.
func TestComplianceCalendarSince(t *testing.T) {
	today := NewDate(2026, 11, 25)
	tests := []struct {
		name  string
		since Date
		held  []HeldActivity
		kind  ActivityKind
		index int
		want  SlotStatus
	}{
		{"month_before_records_not_tracked", NewDate(2026, 9, 14), nil, KindThemeDay, 8, SlotNotTracked},
		{"month_records_begin_in_not_tracked", NewDate(2026, 9, 14), nil, KindThemeDay, 9, SlotNotTracked},
		{"month_after_records_begin_missing", NewDate(2026, 9, 14), nil, KindThemeDay, 10, SlotMissing},
		{"quarter_records_begin_in_not_tracked", NewDate(2026, 9, 14), nil, KindGeneralMeeting, 3, SlotNotTracked},
		{"month_records_begin_in_still_running", NewDate(2026, 11, 14), nil, KindThemeDay, 11, SlotDueSoon},
		{"quarter_before_records_not_tracked", NewDate(2026, 9, 14), nil, KindGeneralMeeting, 2, SlotNotTracked},
		{"year_records_begin_in_is_open", NewDate(2026, 9, 14), nil, KindLifeMeeting, 1, SlotOpen},
		{"records_from_next_year_track_nothing", NewDate(2027, 1, 1), nil, KindThemeDay, 10, SlotNotTracked},
		{"held_before_records_still_held", NewDate(2026, 9, 14), held(KindThemeDay, NewDate(2026, 3, 8)), KindThemeDay, 3, SlotHeld},
		{"zero_since_tracks_everything", Date{}, nil, KindThemeDay, 1, SlotMissing},
	}
	rules := MeetingRules2018.ForBranch(fullBranch)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ComplianceCalendar(2026, tt.held, rules, tt.since, today)
			if got := slotOf(t, c, tt.kind, tt.index); got.Status != tt.want {
				t.Errorf("%s %s: %v, want %v", tt.kind, got.Label(), got.Status, tt.want)
			}
		})
	}
	c := ComplianceCalendar(2026, nil, rules, NewDate(2026, 11, 20), today)
	for _, f := range c.Findings() {
		if f.Severity != Info {
			t.Errorf("a file begun this month owes nothing yet, got %q", f.Message)
		}
	}
}

func TestRecordsBegin(t *testing.T) {
	tests := []struct {
		name                         string
		founded, firstActivity, file Date
		want                         Date
	}{
		{"new_file_nothing_else", Date{}, Date{}, NewDate(2026, 11, 20), NewDate(2026, 11, 20)},
		// 补录 from the paper ledger fills its periods; the ledger still
		// begins the day it was opened (review s6-8-newuser #14).
		{"old_records_entered_later", Date{}, NewDate(2024, 3, 5), NewDate(2026, 11, 20), NewDate(2026, 11, 20)},
		{"file_before_first_record", Date{}, NewDate(2026, 4, 2), NewDate(2026, 1, 10), NewDate(2026, 1, 10)},
		{"founded_long_ago_new_to_app", NewDate(2012, 7, 1), Date{}, NewDate(2026, 11, 20), NewDate(2026, 11, 20)},
		{"founded_long_ago_with_records", NewDate(2012, 7, 1), NewDate(2024, 3, 5), NewDate(2026, 11, 20), NewDate(2026, 11, 20)},
		{"file_date_unknown_first_record", Date{}, NewDate(2024, 3, 5), Date{}, NewDate(2024, 3, 5)},
		{"founded_after_file_made", NewDate(2026, 3, 1), Date{}, NewDate(2026, 1, 10), NewDate(2026, 3, 1)},
		{"nothing_known_tracks_all", Date{}, Date{}, Date{}, Date{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RecordsBegin(tt.founded, tt.firstActivity, tt.file); got != tt.want {
				t.Errorf("RecordsBegin = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestForBranch(t *testing.T) {
	small := MeetingRules2018.ForBranch(BranchMeetingSetup{LecturePeriod: Monthly, LecturesPerTerm: 1})
	for _, q := range small.Requirements {
		if q.Kind == KindCommitteeMeeting || q.Kind == KindGroupMeeting {
			t.Errorf("a branch without committee or groups must not owe %s", q.Kind)
		}
		if q.Kind == KindLecture && (q.Period != Monthly || q.Min != 1) {
			t.Errorf("local 党课 frequency not applied: %v %d", q.Period, q.Min)
		}
	}
	if MeetingRules2018.Requirements[3].Period != Quarterly {
		t.Error("ForBranch must not change the rule table itself")
	}
}

func TestCalendarFindings(t *testing.T) {
	c := ComplianceCalendar(2026, held(KindGeneralMeeting, NewDate(2026, 2, 10)), MeetingRules2018.ForBranch(BranchMeetingSetup{}), Date{}, NewDate(2026, 11, 25))
	text := ""
	for _, f := range c.Findings() {
		text += f.Message + "\n"
	}
	for _, want := range []string{"2026年第二季度未开展支部党员大会", "2026年10月未开展主题党日", "2026年11月的主题党日尚未开展"} {
		if !strings.Contains(text, want) {
			t.Errorf("findings lack %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "第一季度未开展支部党员大会") {
		t.Error("a held quarter is reported missing")
	}
}

// 党章 art. 9: 3 months → warning (the app's), 6 months → serious.
func TestParticipation(t *testing.T) {
	today := NewDate(2026, 11, 25)
	mk := func(id int64, name string, join Date) Member {
		m := validMember()
		m.ID, m.Name, m.JoinDate = id, name, join
		return m
	}
	members := []Member{
		mk(1, "常到", NewDate(2001, 7, 1)),
		mk(2, "三个月", NewDate(2001, 7, 1)),
		mk(3, "半年", NewDate(2001, 7, 1)),
		mk(4, "新党员", NewDate(2026, 10, 1)),
		mk(5, "流动", NewDate(2001, 7, 1)),
	}
	members[4].Mobile = true
	h := []HeldActivity{
		{Kind: KindThemeDay, Date: NewDate(2026, 5, 20), Present: []int64{1, 2, 3}},
		{Kind: KindThemeDay, Date: NewDate(2026, 8, 20), Present: []int64{1, 2}},
		{Kind: KindOther, Date: NewDate(2026, 11, 1), Present: []int64{3}}, // not organisational life
		{Kind: KindThemeDay, Date: NewDate(2026, 11, 20), Present: []int64{1}},
	}
	ps := Participation(members, h, today, MeetingRules2018, PartyConstitution2022)
	got := map[string]MemberParticipation{}
	for _, p := range ps {
		got[p.Name] = p
	}
	tests := []struct {
		name     string
		months   int
		severity Severity
	}{
		{"常到", 0, Info},
		{"三个月", 3, Warning},
		{"半年", 6, Serious},
		{"新党员", 1, Info},
	}
	for _, tt := range tests {
		p, ok := got[tt.name]
		if !ok || p.Months != tt.months || p.Severity != tt.severity {
			t.Errorf("%s: %+v, want %d months, severity %v", tt.name, p, tt.months, tt.severity)
		}
	}
	if _, ok := got["流动"]; ok {
		t.Error("mobile members take part where they are and are not flagged here")
	}
	if ps[0].Name != "半年" {
		t.Errorf("longest absence first, got %s", ps[0].Name)
	}
	fs := ParticipationFindings(ps, PartyConstitution2022)
	if len(fs) != 2 || fs[0].Severity != Serious || !strings.Contains(fs[0].Message, "视为自行脱党") {
		t.Errorf("findings %+v", fs)
	}
	// The home screen opens the member a finding names.
	if fs[0].MemberID != 3 || fs[0].About != AboutActivities {
		t.Errorf("finding about 半年 names member %d, topic %v", fs[0].MemberID, fs[0].About)
	}
	if Participation(members, nil, today, MeetingRules2018, PartyConstitution2022) != nil {
		t.Error("without any records nobody can be flagged")
	}
}

// A ledger begun on the last day of a month cannot say that month's (or
// quarter's) activities were not held: they may have been, on paper, before
// the app was used. Such periods say "尚无记录", as a 提示, never a warning.
func TestCalendarBeforeRecordsBeginIsNotMissing(t *testing.T) {
	rules := MeetingRules2018.ForBranch(fullBranch)
	since := NewDate(2026, 11, 30)
	for _, today := range []Date{NewDate(2026, 11, 30), NewDate(2026, 12, 2)} {
		c := ComplianceCalendar(2026, nil, rules, since, today)
		var noRecord int
		for _, f := range c.Findings() {
			if f.Severity != Info || strings.Contains(f.Message, "尚未开展") || strings.Contains(f.Message, "未开展") {
				t.Errorf("on %v: %v %q for a period begun before the records", today, f.Severity, f.Message)
			}
			if strings.Contains(f.Message, "尚无记录") {
				noRecord++
			}
		}
		if noRecord == 0 {
			t.Errorf("on %v: no 尚无记录 line for November", today)
		}
	}
}

// Day one of a branch that types its paper ledger in, oldest first (review
// s6-8-newuser #14): the ledger was opened on 2026-11-30; a theme day of
// 2026-03-15 is entered afterwards. It fills its own cell; every other
// period before the ledger stays 建账前, no period becomes 提醒 "未开展",
// and no member's gap starts at the back-entered meeting.
func TestBackEnteredRecordFillsItsCellOnly(t *testing.T) {
	rules := MeetingRules2018.ForBranch(fullBranch)
	opened, today := NewDate(2026, 11, 30), NewDate(2026, 11, 30)
	march := NewDate(2026, 3, 15)
	tests := []struct {
		name string
		held []HeldActivity
	}{
		{"nothing_entered", nil},
		{"one_march_theme_day", []HeldActivity{{Kind: KindThemeDay, Date: march, Present: []int64{1}}}},
		{"march_and_a_january_general_meeting", []HeldActivity{
			{Kind: KindGeneralMeeting, Date: NewDate(2026, 1, 20), Present: []int64{2}},
			{Kind: KindThemeDay, Date: march, Present: []int64{1}},
		}},
		{"march_then_a_meeting_today", []HeldActivity{
			{Kind: KindThemeDay, Date: march, Present: []int64{1}},
			{Kind: KindThemeDay, Date: today, Present: []int64{2}},
		}},
	}
	m := func(id int64, name string, arrived Date) Member {
		x := validMember()
		x.ID, x.Name, x.JoinDate, x.ArrivedOn = id, name, NewDate(2001, 7, 1), arrived
		return x
	}
	members := []Member{m(1, "三月到会", NewDate(2010, 1, 1)), m(2, "三月缺席", NewDate(2010, 1, 1)), m(3, "今天录入", today)}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var first Date
			if len(tt.held) > 0 {
				first = tt.held[0].Date
			}
			since := RecordsBegin(Date{}, first, opened)
			if since != opened {
				t.Fatalf("records begin %v, want the day the ledger was opened %v", since, opened)
			}
			c := ComplianceCalendar(2026, tt.held, rules, since, today)
			for _, f := range c.Findings() {
				if f.Severity != Info {
					t.Errorf("%v %q on day one", f.Severity, f.Message)
				}
			}
			for _, s := range c.Slots {
				if s.To.Before(opened) && s.Held == 0 && s.Status != SlotNotTracked {
					t.Errorf("%s %s: %v, want 建账前", s.Kind, s.Label(), s.Status)
				}
			}
			for _, h := range tt.held {
				if s := slotOf(t, c, h.Kind, slotIndex(h)); s.Status != SlotHeld {
					t.Errorf("the entered %s of %v: cell %v, want 已开展", h.Kind, h.Date, s.Status)
				}
			}
			ps := ParticipationWith(members, tt.held, today, rules, PartyConstitution2022, nil, since)
			for _, p := range ps {
				if p.Months != 0 || p.Severity != Info {
					t.Errorf("%s: %d months (%v) from %v on day one", p.Name, p.Months, p.Severity, p.Since)
				}
			}
		})
	}
	// Three months on, with nothing held after the ledger was opened, the
	// gaps count from the day it was opened: 提醒, not 严重.
	later := NewDate(2027, 3, 1)
	h := []HeldActivity{{Kind: KindThemeDay, Date: march, Present: []int64{1}}}
	for _, p := range ParticipationWith(members[:2], h, later, rules, PartyConstitution2022, nil, opened) {
		if p.Since != opened || p.Severity != Warning {
			t.Errorf("%s on %v: from %v, %v; want from %v, 提醒", p.Name, later, p.Since, p.Severity, opened)
		}
	}
}

func slotIndex(h HeldActivity) int {
	var p Period
	for _, q := range MeetingRules2018.Requirements {
		if q.Kind == h.Kind {
			p = q.Period
		}
	}
	switch p {
	case Monthly:
		return int(h.Date.Month)
	case Quarterly:
		return (int(h.Date.Month)-1)/3 + 1
	}
	return 1
}
