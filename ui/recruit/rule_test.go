package recruit

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"branchledger/model"
	"branchledger/ui/kit"
)

// RULES.md §20: the admitting meeting's form takes the written opinions of
// absent voting members, says them under the meeting's counts, and the
// vote they pass (2 yes at the meeting + 1 in writing of 5 due) is not a
// finding on the page.
func TestRule20WrittenOpinionsInTheStepForm(t *testing.T) {
	svc := &fakeService{members: members(), recruits: []model.Recruit{applicant(1, "王浩然", "110101199001011237", d(2026, 10, 20))}}
	s, h := newTestScreen(t, svc)
	s.Show(1)
	meeting := model.Activity{ID: 9, Kind: model.KindGeneralMeeting, Seq: 2, Date: d(2026, 11, 20)}
	for i := 1; i <= 5; i++ {
		st := model.Absent
		if i <= 3 {
			st = model.Present
		}
		meeting.Attendance = append(meeting.Attendance, model.AttendanceRow{MemberID: int64(i), Status: st, Reason: "出差"})
	}
	meeting.Resolutions = []model.Resolution{{Text: "接收王浩然为预备党员", Voted: true, Yes: 2, No: 1}}
	svc.meetings = []model.Activity{meeting}
	s.editStep(svc.recruits[0], model.StepAdmission, 1)
	form := topForm(t, h.win)
	inputs := formInputs(form)
	inputs["会议记录"].(*kit.Select).SetSelectedIndex(1)
	no := inputs["书面意见反对（份）"].(*kit.Entry)
	test.Type(no, "一")
	form.form.Refresh()
	if form.form.Valid() {
		t.Errorf("a count of written opinions that is not a number can be saved")
	}
	no.SetText("")
	test.Type(inputs["书面意见赞成（份）"].(*kit.Entry), "１") // full-width, as in the meeting form
	form.form.Refresh()
	if !contains(labels(form.body), "未到会党员的书面意见：赞成1份，反对0份，计入表决") {
		t.Errorf("the form does not say the written opinions: %q", labels(form.body))
	}
	if !form.form.Valid() {
		t.Fatalf("form refused: %v", form.form.Problems())
	}
	form.form.Submit()
	got := svc.recruits[0].Record(model.StepAdmission)
	if got == nil || got.ActivityID != 9 || got.WrittenYes != 1 || got.WrittenNo != 0 {
		t.Fatalf("saved %+v", got)
	}
	if contains(labels(s.page.content), "未通过") {
		t.Errorf("the page says the vote failed though the written opinion passes it: %q", labels(s.page.content))
	}
	// Opened again, the form shows what was saved.
	s.editStep(svc.recruits[0], model.StepAdmission, 1)
	if got := formInputs(topForm(t, h.win))["书面意见赞成（份）"].(*kit.Entry).Text; got != "1" {
		t.Errorf("written opinions shown as %q", got)
	}
}

// RULES.md §18 (2026): the person's form takes the day they are expected
// to leave the unit, and keeps it.
func TestRule18LeaveDateInThePersonForm(t *testing.T) {
	svc := &fakeService{members: members(), recruits: []model.Recruit{applicant(1, "王浩然", "110101199001011237", d(2026, 10, 20))}}
	s, h := newTestScreen(t, svc)
	s.Show(1)
	s.editPerson(svc.recruits[0])
	form := topForm(t, h.win)
	leave := formInputs(form)["预计离开本单位日期"].(*kit.DateEntry)
	test.Type(leave, "2027-02")
	form.form.Refresh()
	if form.form.Valid() {
		t.Errorf("a leave date of a month only can be saved")
	}
	leave.SetText("")
	test.Type(leave, "2027-02-15")
	form.form.Refresh()
	if !form.form.Valid() {
		t.Fatalf("form refused: %v", form.form.Problems())
	}
	form.form.Submit()
	if got := svc.recruits[0].LeaveDate; got != d(2027, 2, 15) {
		t.Errorf("leave date saved as %s", got)
	}
}
