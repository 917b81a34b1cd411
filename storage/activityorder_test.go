package storage

import (
	"testing"

	"branchledger/model"
)

// Records of a kind are numbered in each year by their dates: a meeting
// entered late for an earlier date is 第1次 and the later one becomes
// 第2次, with the change in its history (review s5-8 attack #11: the March
// meeting entered after the November one was 第2次, listed and printed
// before 第1次).
func TestActivitiesAreNumberedByDate(t *testing.T) {
	s := openTest(t)
	ms := addMembers(t, s, 4)
	nov, err := s.SaveActivity(newActivity(model.NewDate(2025, 11, 28), ms))
	if err != nil {
		t.Fatal(err)
	}
	mar, err := s.SaveActivity(newActivity(model.NewDate(2025, 3, 15), ms))
	if err != nil {
		t.Fatal(err)
	}
	if mar.Seq != 1 {
		t.Errorf("the March meeting entered second is 第%d次", mar.Seq)
	}
	list, err := s.Activities(2025)
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range list {
		if a.Seq != i+1 {
			t.Errorf("%s is 第%d次, listed %d", a.Date, a.Seq, i+1)
		}
	}
	changes, err := s.ActivityChanges(nov.ID)
	if err != nil {
		t.Fatal(err)
	}
	noted := false
	for _, c := range changes {
		noted = noted || c.Field == "序号" && c.Old == "1" && c.New == "2"
	}
	if !noted {
		t.Errorf("the November meeting's history does not say it became 第2次: %+v", changes)
	}

	// Moving the March meeting to December puts it last again.
	mar.Date = model.NewDate(2025, 12, 5)
	moved, err := s.SaveActivity(mar)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Activity(nov.ID); got.Seq != 1 || moved.Seq != 2 {
		t.Errorf("after the move: November 第%d次, December 第%d次", got.Seq, moved.Seq)
	}
}
