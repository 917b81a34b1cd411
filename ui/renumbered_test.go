package ui

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"branchledger/model"
)

// renumberingActivities numbers each year's records of a kind by date on
// every save, as the store does (storage.renumberActivities).
type renumberingActivities struct{ *fakeActivities }

func (r renumberingActivities) SaveActivity(a model.Activity) (model.Activity, error) {
	saved, err := r.fakeActivities.SaveActivity(a)
	if err != nil {
		return saved, err
	}
	acts := r.acts
	slices.SortStableFunc(acts, func(x, y model.Activity) int { return x.Date.Compare(y.Date) })
	type yearKind struct {
		year int
		kind model.ActivityKind
	}
	seq := map[yearKind]int{}
	for i := range acts {
		k := yearKind{acts[i].Date.Year, acts[i].Kind}
		seq[k]++
		acts[i].Seq = seq[k]
		if acts[i].ID == saved.ID {
			saved.Seq = acts[i].Seq
		}
	}
	return saved, nil
}

// A meeting entered afterwards for an earlier day renumbers the later ones
// of its kind: the user is told which, since a record printed as 第1次 is
// now 第2次 (review s9-8 #11); a save that moves none says nothing.
func TestEarlierMeetingSaysWhichRecordsWereRenumbered(t *testing.T) {
	f := newFakeStore(testToday,
		member("张三", validID("19800101", "001")), member("李四", validID("19810101", "003")), member("王五", validID("19820101", "005")))
	acts := &fakeActivities{roster: f}
	svc := f.services()
	svc.Activities = renumberingActivities{acts}
	s := newShell(test.NewTempApp(t), svc, "/data/branch.db")
	s.background = func(work func()) { work() }
	s.confirm = func(_, _ string, onYes func()) { onYes() }
	s.confirmDiscard = s.confirm
	t.Cleanup(s.win.Close)
	s.recheck()
	s.show(screenActivities)

	enter := func(date string) {
		t.Helper()
		test.Tap(s.activities.add)
		f := s.activities.form
		f.kind.SetSelected(string(model.KindCommitteeMeeting))
		f.date.SetText(date)
		f.date.FocusLost()
		test.Type(f.topic, "研究发展党员工作")
		test.Type(f.chair, "张三")
		test.Type(f.recorder, "李四")
		test.Tap(f.save)
	}
	overlay := func() string {
		if top := s.win.Canvas().Overlays().Top(); top != nil {
			return test.RenderObjectToMarkup(top)
		}
		return ""
	}
	enter("2026-11-20")
	if len(acts.acts) != 1 {
		t.Fatalf("first meeting not saved: %+v", acts.acts)
	}
	if o := overlay(); strings.Contains(o, "序号已改变") {
		t.Fatalf("the first record renumbered nothing, yet:\n%s", o)
	}
	enter("2026-11-10")
	if len(acts.acts) != 2 {
		t.Fatalf("second meeting not saved: %+v", acts.acts)
	}
	o := overlay()
	if !strings.Contains(o, "序号已改变") || !strings.Contains(o, "2026年第1次支部委员会会议（2026-11-20）现为2026年第2次支部委员会会议") {
		t.Errorf("after entering an earlier meeting the dialog says:\n%s", o)
	}
	// Enter confirms the notice, as it does every other one (review
	// s13-newuser #5: only Esc closed it).
	before := len(s.win.Canvas().Overlays().List())
	s.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if o := overlay(); len(s.win.Canvas().Overlays().List()) != before-1 || strings.Contains(o, "序号已改变") {
		t.Errorf("after Enter the notice is still shown:\n%s", o)
	}
}

// A failure's 操作未完成 notice closes on Enter and on Esc, as every other
// notice does (review s13-newuser #5).
func TestFailureNoticeTakesEnterAndEsc(t *testing.T) {
	for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape} {
		s := newTestShell(t, newFakeStore(testToday))
		s.showError("保存党员信息", errors.New("磁盘已满"))
		top := s.win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatalf("%s: no notice shown", key)
		}
		if m := test.RenderObjectToMarkup(top); !strings.Contains(m, "操作未完成") || !strings.Contains(m, "保存党员信息时出错：磁盘已满") {
			t.Fatalf("%s: the notice says:\n%s", key, m)
		}
		s.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: key})
		if n := len(s.win.Canvas().Overlays().List()); n != 0 {
			t.Errorf("%s: the notice is still shown", key)
		}
	}
}
