package model

import (
	"strings"
	"testing"
)

// A recorded 支部党员大会 keeps the verdict of its own roll (review s8-8 #6):
// editing an absentee's 到本支部日期 or Party dates afterwards must not turn
// the meeting that could not decide into one held — not in the calendar
// (MarkQuorum over Held), not on the record (CheckRules), not in the list
// (RuleContext.Inquorate). Only a roll never recorded follows the member.
func TestRecordedVotesKeepTheMeetingsVerdict(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(m *Member)
		// recorded: the votes were recorded when the meeting was saved.
		recorded      bool
		wantInquorate bool
		wantDue       int
	}{
		{"到本支部日期改到会后_按记录仍未达法定人数", func(m *Member) { m.ArrivedOn = NewDate(2026, 3, 20) }, true, true, 12},
		{"入党和转正日期改到会后_按记录仍未达法定人数", func(m *Member) {
			m.JoinDate, m.FullDate = NewDate(2025, 11, 1), NewDate(2026, 11, 1)
		}, true, true, 12},
		{"改为预备党员_按记录仍未达法定人数", func(m *Member) { m.Category = CategoryProbationary }, true, true, 12},
		{"未编辑_未达法定人数", func(m *Member) {}, true, true, 12},
		{"未记录表决权的旧记录_随党员资料", func(m *Member) { m.ArrivedOn = NewDate(2026, 3, 20) }, false, false, 11},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms := branchOf(12, 0)
			a := meeting(ms, 6, 6)
			for i := range a.Attendance[6:] {
				a.Attendance[6+i].Status, a.Attendance[6+i].Reason = Absent, "出差"
			}
			if tc.recorded {
				a.RecordVotes(byID(ms))
			}
			// The secretary edits the first absentee afterwards; the
			// import day is not his 到本支部日期 (created long before).
			ms[6].CreatedAt = NewDate(2020, 1, 1).Time()
			tc.edit(&ms[6])

			held := []HeldActivity{a.Held()}
			MarkQuorum(held, byID(ms), BranchWorkRules2018)
			if held[0].Inquorate != tc.wantInquorate || held[0].VotingDue != tc.wantDue {
				t.Errorf("calendar: inquorate %v, due %d; want %v, %d", held[0].Inquorate, held[0].VotingDue, tc.wantInquorate, tc.wantDue)
			}
			rc := RuleContext{Members: byID(ms), Rules: BranchWorkRules2018}
			if rc.Inquorate(&a) != tc.wantInquorate {
				t.Error("the activity list disagrees with the recorded roll")
			}
			due, present := a.VotingCounts(byID(ms))
			if due != tc.wantDue || present != 6 {
				t.Errorf("record: 应到 %d 实到 %d, want %d, 6", due, present, tc.wantDue)
			}
			checks := a.CheckRules(byID(ms), 0, BranchWorkRules2018)
			if got := checks[0].Message; tc.wantInquorate != strings.Contains(got, "会议不能作出决定") {
				t.Errorf("record's check says %q", got)
			}
		})
	}
}

// RecordVotes keeps a vote once recorded, records one for a row added
// later, and ForgetVotes clears them for a record moved to another day.
func TestRecordVotesKeepsRecordedRows(t *testing.T) {
	ms := branchOf(3, 1)
	a := meeting(ms, 4)
	a.RecordVotes(byID(ms))
	want := []Vote{VoteDue, VoteDue, VoteDue, VoteNone}
	for i, r := range a.Attendance {
		if r.Vote != want[i] {
			t.Fatalf("row %d vote %d, want %d", i, r.Vote, want[i])
		}
	}
	ms[3].Category, ms[3].FullDate = CategoryFull, NewDate(2026, 1, 1)
	a.RecordVotes(byID(ms))
	if a.Attendance[3].Vote != VoteNone {
		t.Error("a recorded vote was rewritten by a later edit of the member")
	}
	a.ForgetVotes()
	a.RecordVotes(byID(ms))
	if a.Attendance[3].Vote != VoteDue {
		t.Error("a roll whose votes were forgotten is not worked out again")
	}
	other := Activity{Kind: KindLecture, Date: a.Date, Attendance: NewAttendance(ms)}
	other.RecordVotes(byID(ms))
	if other.Attendance[0].Vote != VoteUnrecorded {
		t.Error("a kind without a quorum records votes")
	}
}
