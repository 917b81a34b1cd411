package storage

import (
	"testing"

	"branchledger/model"
)

// A saved 支部党员大会 below its quorum stays 未达法定人数 after an
// absentee's 到本支部日期 and Party dates are edited (review s8-8 #6): the
// calendar and home read HeldActivities, the list and the printed record
// the record itself; all keep the roll's own 应到/实到.
func TestInquorateMeetingSurvivesMemberEdits(t *testing.T) {
	s := openTest(t)
	ms := addMembers(t, s, 12)
	a := newActivity(model.NewDate(2025, 10, 16), ms)
	for i := 6; i < 12; i++ {
		a.Attendance[i].Status, a.Attendance[i].Reason = model.Absent, "出差"
	}
	saved, err := s.SaveActivity(a)
	if err != nil {
		t.Fatal(err)
	}
	verdict := func(when string) {
		t.Helper()
		all, err := s.Members()
		if err != nil {
			t.Fatal(err)
		}
		byID := make(map[int64]*model.Member, len(all))
		for i := range all {
			byID[all[i].ID] = &all[i]
		}
		held, err := s.HeldActivities(model.NewDate(2025, 1, 1), model.NewDate(2025, 12, 31))
		if err != nil {
			t.Fatal(err)
		}
		model.MarkQuorum(held, byID, model.CurrentRules().Branch)
		if len(held) != 1 || !held[0].Inquorate || held[0].VotingDue != 12 || held[0].VotingPresent != 6 {
			t.Fatalf("%s: calendar/home reads %+v, want 未达法定人数 12/6", when, held)
		}
		acts, err := s.Activities(2025)
		if err != nil {
			t.Fatal(err)
		}
		rc := model.RuleContext{Members: byID, Rules: model.CurrentRules().Branch}
		if len(acts) != 1 || !rc.Inquorate(&acts[0]) {
			t.Fatalf("%s: the activity list no longer says 未达法定人数", when)
		}
		if due, present := acts[0].VotingCounts(byID); due != 12 || present != 6 {
			t.Fatalf("%s: the record reads 应到 %d 实到 %d, want 12, 6", when, due, present)
		}
	}
	verdict("as saved")

	m := ms[6]
	m.ArrivedOn = model.NewDate(2025, 10, 20)
	if _, err := s.UpdateMember(m); err != nil {
		t.Fatal(err)
	}
	verdict("after 到本支部日期 2025-10-20")
	m2 := ms[7]
	m2.JoinDate, m2.FullDate = model.NewDate(2024, 11, 1), model.NewDate(2025, 11, 1)
	if _, err := s.UpdateMember(m2); err != nil {
		t.Fatal(err)
	}
	verdict("after 转为正式党员日期 2025-11-01")

	// Fixing a typo in the record keeps its roll as recorded.
	acts, _ := s.Activities(2025)
	acts[0].Content += "（补充）"
	if _, err := s.SaveActivity(acts[0]); err != nil {
		t.Fatal(err)
	}
	verdict("after the record was edited")
	_ = saved
}
