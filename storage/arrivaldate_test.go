package storage

import (
	"strings"
	"testing"

	"branchledger/model"
)

// A 到本支部日期 moved after the member's own payments here is refused,
// naming the first of them; one before them, or the same day, is saved
// (review s14-attack8 #34: moved to 2026-10-01 for a secretary paying
// since 2025, it dropped him from the 2025 register while its 收缴 kept
// his payments).
func TestArrivalDateNotAfterTheMembersRecords(t *testing.T) {
	s, ms := transferStore(t)
	m := ms[0]
	pay(t, s, model.DuesPayment{MemberID: m.ID, Date: model.NewDate(2026, 2, 10), Amount: model.Yuan(81), Months: months(1)})
	for _, tc := range []struct {
		arrived model.Date
		ok      bool
	}{
		{model.NewDate(2026, 3, 1), false},
		{model.NewDate(2026, 2, 11), false},
		{model.NewDate(2026, 2, 10), true},
		{model.NewDate(2025, 6, 1), true},
	} {
		got, err := s.Member(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		got.ArrivedOn = tc.arrived
		_, err = s.UpdateMember(got)
		if tc.ok != (err == nil) {
			t.Errorf("到本支部日期 %s: %v", tc.arrived, err)
			continue
		}
		if err != nil && !strings.Contains(err.Error(), "在本支部的第一项记录：2026-02-10 交纳党费") {
			t.Errorf("到本支部日期 %s refused saying %v", tc.arrived, err)
		}
		saved, _ := s.Member(m.ID)
		if tc.ok != (saved.ArrivedOn == tc.arrived) {
			t.Errorf("到本支部日期 %s: stored %s", tc.arrived, saved.ArrivedOn)
		}
	}
}
