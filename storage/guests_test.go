package storage

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"branchledger/model"
)

// Guests (列席的流入党员) are saved with the record in its transaction, read
// back from the file after it is reopened, counted in the inflow register,
// and never enter the attendance: 应到/实到 and what the quorum and the
// participation check read stay those of the roster.
func TestActivityGuestsRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	s := openAt(t, path)
	ms := addMembers(t, s, 4)
	here, err := s.SaveInflow(model.InflowMember{Name: "马兰", Sex: model.SexFemale, HomeOrg: "定西市某村党支部",
		Category: model.CategoryFull, ArrivedOn: model.NewDate(2026, 1, 5)})
	if err != nil {
		t.Fatal(err)
	}
	gone, err := s.SaveInflow(model.InflowMember{Name: "赵六", Sex: model.SexMale, HomeOrg: "某街道党支部",
		Category: model.CategoryFull, ArrivedOn: model.NewDate(2025, 5, 1), LeftOn: model.NewDate(2026, 2, 1)})
	if err != nil {
		t.Fatal(err)
	}
	date := model.NewDate(2026, 3, 10)
	a := newActivity(date, ms)
	a.Attendance[3].Status, a.Attendance[3].Reason = model.OnLeave, "出差"
	// The name as typed is replaced by the register's; a guest ticked twice is kept once.
	a.Guests = []model.ActivityGuest{{InflowID: here.ID, Name: "?"}, {InflowID: here.ID}}
	saved, err := s.SaveActivity(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, path)

	got, err := s.Activity(saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Guests) != 1 || got.Guests[0] != (model.ActivityGuest{InflowID: here.ID, Name: "马兰"}) {
		t.Fatalf("guests read back = %+v", got.Guests)
	}
	if c := got.Counts(); c != (model.Counts{Due: 4, Present: 3, Leave: 1}) {
		t.Errorf("counts with a guest = %+v, want 应到 4 实到 3", c)
	}
	held, err := s.HeldActivities(date, date)
	if err != nil || len(held) != 1 || len(held[0].Present) != 3 || len(held[0].NotPresent) != 1 {
		t.Fatalf("held = %+v, %v", held, err)
	}
	for i, id := range held[0].Present {
		if id != ms[i].ID {
			t.Errorf("present = %v, want the three roster members present", held[0].Present)
		}
	}
	n, err := s.InflowAttendance()
	if err != nil || n[here.ID] != 1 || n[gone.ID] != 0 {
		t.Errorf("InflowAttendance = %v, %v; want 马兰 1", n, err)
	}

	// One who left before the day is refused with their name and dates,
	// and nothing of the edit is written.
	edit := got
	edit.Topic = "改过的议题"
	edit.Guests = append(edit.Guests, model.ActivityGuest{InflowID: gone.ID, Name: "赵六"})
	_, err = s.SaveActivity(edit)
	var verrs model.ValidationErrors
	if !errors.As(err, &verrs) || len(verrs) != 1 || verrs[0].Field != model.ActivityGuestsField ||
		!strings.Contains(verrs[0].Message, "赵六") || !strings.Contains(verrs[0].Message, "2026-02-01") {
		t.Fatalf("a guest who had left: %v", err)
	}
	if again, _ := s.Activity(saved.ID); again.Topic == "改过的议题" || len(again.Guests) != 1 {
		t.Errorf("a refused edit was written: %q %+v", again.Topic, again.Guests)
	}
	edit.Guests = []model.ActivityGuest{{InflowID: 9999, Name: "无此人"}}
	if _, err := s.SaveActivity(edit); !errors.As(err, &verrs) || !strings.Contains(err.Error(), "无此人") {
		t.Errorf("a guest not in the register: %v", err)
	}

	// Unticking the guest is an edit like any other: saved, and in the history.
	edit.Guests = nil
	if _, err := s.SaveActivity(edit); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Activity(saved.ID); len(again.Guests) != 0 {
		t.Errorf("guests after unticking = %+v", again.Guests)
	}
	changes, err := s.ActivityChanges(saved.ID)
	found := false
	for _, c := range changes {
		found = found || c.Field == model.ActivityGuestsField && c.Old == "马兰" && c.New == ""
	}
	if err != nil || !found {
		t.Errorf("history %+v, %v: want the guest's removal", changes, err)
	}
	if n, _ := s.InflowAttendance(); n[here.ID] != 0 {
		t.Errorf("InflowAttendance after unticking = %v", n)
	}
}
