package ui

import (
	"strconv"
	"strings"
	"testing"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/demo"
)

// Day one, then one meeting of March typed in from the paper ledger (review
// s6-8-newuser #14): home lists no 组织生活 finding above a 提示, the March
// cell of the calendar is 已开展 and the months between are 建账前.
func TestHomeAfterEnteringAnOldMeeting(t *testing.T) {
	s, st, ms := firstDayShell(t)
	march := model.NewDate(testToday.Year, 3, 15)
	if testToday.Month <= 4 {
		march = model.NewDate(testToday.Year-1, 3, 15)
	}
	all, _ := st.Members()
	att := model.NewAttendance(model.DueMembers(model.KindThemeDay, march, all, nil))
	if _, err := st.SaveActivity(model.Activity{Kind: model.KindThemeDay, Date: march, Topic: "重温入党誓词",
		Chair: ms[0].Name, Recorder: ms[1].Name, Attendance: att}); err != nil {
		t.Fatal(err)
	}
	s.dataChanged()
	s.show(screenHome)
	for _, f := range s.home.findings {
		if f.About == model.AboutActivities && f.Severity != model.Info {
			t.Errorf("home after entering the theme day of %v: %v %s", march, f.Severity, f.Message)
		}
	}
	c, err := s.svc.Activities.Compliance(march.Year)
	if err != nil {
		t.Fatal(err)
	}
	for _, sl := range c.Calendar.Slots {
		switch {
		case sl.Kind == model.KindThemeDay && sl.Index == 3:
			if sl.Status != model.SlotHeld {
				t.Errorf("March theme day: %v, want 已开展", sl.Status)
			}
		case sl.To.Before(c.Calendar.Since) && sl.Status != model.SlotNotTracked && sl.Status != model.SlotHeld:
			t.Errorf("%s %s before the ledger: %v", sl.Kind, sl.Label(), sl.Status)
		}
	}
	if c.Calendar.Since.Before(testToday) {
		t.Errorf("records begin %v, want the day the ledger was opened (%v)", c.Calendar.Since, testToday)
	}
}

// Day one with a paper ledger that stops two months before the app's
// 建账月份 (review s6-8-newuser #8): home says the months between are to
// record (待补录), a 提醒, as after moving the 建账月份 back — not silence,
// and no arrears.
func TestHomeSaysMonthsToRecordBeforeTheLedger(t *testing.T) {
	s, st, ms := firstDayShell(t)
	paper := model.MonthOfDate(testToday) - 3
	if err := st.SetDuesOpenings([]model.DuesOpening{{MemberID: ms[0].ID, PaidTo: paper}}, model.SourceDuesOpening); err != nil {
		t.Fatal(err)
	}
	s.dataChanged()
	s.show(screenHome)
	want := ms[0].Name + "的党费" + (paper + 1).Chinese() // 陆莉的党费2026年9月至2026年10月
	found := false
	for _, f := range s.home.findings {
		if f.About != model.AboutDues {
			continue
		}
		if f.Severity == model.Serious || strings.Contains(f.Message, "未交") {
			t.Errorf("home: %v %s", f.Severity, f.Message)
		}
		if strings.Contains(f.Message, want) && strings.Contains(f.Message, "待补录") {
			found = f.Severity == model.Warning
		}
	}
	if !found {
		t.Errorf("home lacks the 提醒 “%s…待补录”: %+v", want, s.home.findings)
	}
}

// Home agrees with `check` on a member who came to the branch this year
// without a 党费已交至: no base of last year asked of him (review s5-8 attack
// #13).
func TestHomeAsksNoBaseBeforeComingHere(t *testing.T) {
	var name string
	s, _ := newStoreShell(t, func(st *storage.Store) {
		if err := demo.Fill(st, 8, 1, testToday); err != nil {
			t.Fatal(err)
		}
		m := demo.Members(1, 91, testToday, "支部")[0]
		m.Name = "甲六"
		m.Category, m.JoinDate, m.FullDate = model.CategoryFull, m.BirthDate.AddYears(19), m.BirthDate.AddYears(20)
		m.ArrivedOn, m.LostContact, m.LostSince, m.Mobile, m.MobileDestination = model.NewDate(testToday.Year, 9, 1), false, model.Date{}, false, ""
		if _, err := st.AddMember(m, nil); err != nil {
			t.Fatal(err)
		}
		name = m.Name
	})
	s.show(screenHome)
	last := strconv.Itoa(testToday.Year - 1)
	for _, f := range s.home.findings {
		if strings.Contains(f.Message, name) && strings.Contains(f.Message, last) {
			t.Errorf("home: %v %s", f.Severity, f.Message)
		}
	}
}
