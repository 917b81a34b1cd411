package storage

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"branchledger/model"
)

func day(y int, m time.Month, d int) model.Date { return model.NewDate(y, m, d) }

// applicant is a person who applied and was talked to, with a valid ID
// number, not on the roster.
func applicant() model.Recruit {
	birth := day(1998, 6, 1)
	r := model.Recruit{Name: "郑新", IDNumber: idNumber(birth, 77, model.SexMale), Phone: "13912345678"}
	r.Put(model.StepRecord{Step: model.StepApplication, Seq: 1, Date: day(2023, 9, 1)})
	r.Put(model.StepRecord{Step: model.StepTalk, Seq: 1, Date: day(2023, 9, 20), People: "王测0"})
	return r
}

// throughApproval records every step up to the upper committee's approval,
// with the admitting meeting on 2025-01-10.
func throughApproval(r *model.Recruit) {
	steps := []model.StepRecord{
		{Step: model.StepActivist, Date: day(2023, 10, 10), Method: string(model.ByMembers)},
		{Step: model.StepActivistRecord, Date: day(2023, 10, 15)},
		{Step: model.StepMentors, Date: day(2023, 10, 15), People: "李测1、张测2"},
		{Step: model.StepTraining, Date: day(2024, 4, 1)},
		{Step: model.StepTraining, Seq: 2, Date: day(2024, 10, 1)},
		{Step: model.StepCandidate, Date: day(2024, 10, 20)},
		{Step: model.StepCandidateRecord, Date: day(2024, 10, 25), Method: string(model.DecisionRecorded), Start: day(2024, 10, 28), End: day(2024, 11, 1)},
		{Step: model.StepSponsors, Date: day(2024, 11, 5), People: "李测1、张测2"},
		{Step: model.StepVetting, Date: day(2024, 11, 20), Document: "政治合格"},
		{Step: model.StepCourse, Date: day(2024, 11, 22), Start: day(2024, 11, 20), End: day(2024, 11, 22)},
		{Step: model.StepCommitteeReview, Date: day(2024, 12, 2)},
		{Step: model.StepPreReview, Date: day(2024, 12, 12)},
		{Step: model.StepForm, Date: day(2024, 12, 20), Document: "0001234"},
		{Step: model.StepAdmission, Date: day(2025, 1, 10)},
		{Step: model.StepUpperTalk, Date: day(2025, 1, 20), People: "组织员"},
		{Step: model.StepApproval, Date: day(2025, 2, 20)},
	}
	for _, x := range steps {
		if x.Seq == 0 {
			x.Seq = 1
		}
		r.Put(x)
	}
}

func TestRecruitRoundTripOnAFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	s := openAt(t, path)
	saved, err := s.SaveRecruit(applicant())
	if err != nil {
		t.Fatalf("SaveRecruit: %v", err)
	}
	if saved.ID == 0 || saved.Sex != model.SexMale || saved.BirthDate != day(1998, 6, 1) {
		t.Errorf("saved %+v: sex and birth date come from the ID number", saved)
	}
	s.Close()
	s = openAt(t, path)
	got, err := s.Recruit(saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Records) != 2 || got.Record(model.StepTalk).People != "王测0" || got.Status() != model.StatusApplicant {
		t.Errorf("read back %+v", got)
	}
	// An edit is kept in the history; so is a step removed.
	got.Record(model.StepTalk).Date = day(2023, 9, 21)
	got.Put(model.StepRecord{Step: model.StepActivist, Seq: 1, Date: day(2023, 10, 10), Method: string(model.ByMassGroup)})
	if _, err := s.SaveRecruit(got); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Recruit(saved.ID)
	got.Records = got.Records[:2]
	if _, err := s.SaveRecruit(got); err != nil {
		t.Fatal(err)
	}
	changes, err := s.RecruitChanges(saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, c := range changes {
		text = append(text, c.Field+": "+c.Old+" → "+c.New)
	}
	all := strings.Join(text, "\n")
	if !strings.Contains(all, "党组织派人谈话: 日期：2023-09-20") || !strings.Contains(all, "确定入党积极分子: 日期：2023-10-10；方式：群团推优 → ") {
		t.Errorf("history:\n%s", all)
	}
	if _, err := s.db.Exec("DELETE FROM recruits").Rows(); err == nil {
		t.Errorf("a person in the pipeline was deleted")
	}
}

func TestRecruitIsRefusedWhatTheRosterRefuses(t *testing.T) {
	s := openTest(t)
	ms := addMembers(t, s, 2)
	cases := []struct {
		name   string
		change func(r *model.Recruit)
		want   string
	}{
		{"bad_check_digit", func(r *model.Recruit) { r.IDNumber = r.IDNumber[:17] + "0" }, "校验位"},
		{"under_18_at_application", func(r *model.Recruit) {
			r.Record(model.StepApplication).Date = day(2016, 5, 31)
			r.Record(model.StepTalk).Date = day(2016, 6, 5)
		}, "未满18周岁"},
		{"a_member_already", func(r *model.Recruit) { r.IDNumber = ms[0].IDNumber }, "已是党员的不能再列入发展名单"},
		{"a_step_in_the_future", func(r *model.Recruit) { r.Record(model.StepTalk).Date = day(2026, 4, 1) }, "晚于今天"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := applicant()
			tc.change(&r)
			_, err := s.SaveRecruit(r)
			var verrs model.ValidationErrors
			if !errors.As(err, &verrs) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("SaveRecruit = %v, want a validation error with %q", err, tc.want)
			}
		})
	}
	if _, err := s.SaveRecruit(applicant()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveRecruit(applicant()); err == nil || !strings.Contains(err.Error(), "已属于发展党员名单中的") {
		t.Errorf("the same ID number twice: %v", err)
	}
	rs, _ := s.Recruits()
	if len(rs) != 1 {
		t.Errorf("%d people in the pipeline, want 1: nothing half-written", len(rs))
	}
}

// The roster and the pipeline are one: approval puts the person on the
// roster as 预备党员 from the admitting meeting; 转正 makes them 正式党员
// from the end of probation.
func TestApprovalAndFullMembershipReachTheRoster(t *testing.T) {
	s := openTest(t)
	addMembers(t, s, 3)
	r := applicant()
	throughApproval(&r)
	saved, err := s.SaveRecruit(r)
	if err != nil {
		t.Fatalf("SaveRecruit: %v", err)
	}
	if saved.MemberID == 0 {
		t.Fatal("approved person not linked to the roster")
	}
	m, err := s.Member(saved.MemberID)
	if err != nil {
		t.Fatal(err)
	}
	if m.Category != model.CategoryProbationary || m.JoinDate != day(2025, 1, 10) || m.ArrivedOn != testToday || !m.OnRoster || m.IDNumber != r.IDNumber {
		t.Errorf("member after approval: %+v", m)
	}
	// 转正: meeting after the year, approval within three months.
	saved.Put(model.StepRecord{Step: model.StepApprovalRecord, Seq: 1, Date: day(2025, 2, 25)})
	saved.Put(model.StepRecord{Step: model.StepAssignment, Seq: 1, Date: day(2025, 2, 25)})
	saved.Put(model.StepRecord{Step: model.StepOath, Seq: 1, Date: day(2025, 3, 1)})
	saved.Put(model.StepRecord{Step: model.StepFullApplication, Seq: 1, Date: day(2025, 12, 20)})
	saved.Put(model.StepRecord{Step: model.StepFullMeeting, Seq: 1, Date: day(2026, 1, 15), Outcome: model.OutcomeFull})
	saved.Put(model.StepRecord{Step: model.StepFullApproval, Seq: 1, Date: day(2026, 2, 10)})
	if _, err := s.SaveRecruit(saved); err != nil {
		t.Fatalf("SaveRecruit 转正: %v", err)
	}
	m, _ = s.Member(saved.MemberID)
	if m.Category != model.CategoryFull || m.FullDate != day(2026, 1, 10) {
		t.Errorf("member after 转正: %s %s, want 正式党员 from 2026-01-10 (end of probation)", m.Category, m.FullDate)
	}
	// The roster rests on the approval: it cannot be deleted as a line.
	undo := saved
	undo.Records = nil
	for _, x := range saved.Records {
		if x.Step != model.StepApproval {
			undo.Records = append(undo.Records, x)
		}
	}
	if _, err := s.SaveRecruit(undo); err == nil || !strings.Contains(err.Error(), "不能删除该记录") {
		t.Errorf("deleting the approval of a person on the roster: %v", err)
	}
	changes, _ := s.MemberChanges(m.ID)
	if len(changes) == 0 || changes[0].Source != SourceRecruiting {
		t.Errorf("roster changes by the pipeline: %+v", changes)
	}
	if n := len(mustMembers(t, s)); n != 4 {
		t.Errorf("%d members, want 4: the person is added once", n)
	}
}

func TestCancelledProbationTakesThePersonOffTheRoster(t *testing.T) {
	s := openTest(t)
	r := applicant()
	throughApproval(&r)
	r.Put(model.StepRecord{Step: model.StepApprovalRecord, Seq: 1, Date: day(2025, 2, 25)})
	r.Put(model.StepRecord{Step: model.StepAssignment, Seq: 1, Date: day(2025, 2, 25)})
	r.Put(model.StepRecord{Step: model.StepOath, Seq: 1, Date: day(2025, 3, 1)})
	r.Put(model.StepRecord{Step: model.StepFullApplication, Seq: 1, Date: day(2026, 1, 5)})
	r.Put(model.StepRecord{Step: model.StepFullMeeting, Seq: 1, Date: day(2026, 1, 15), Outcome: model.OutcomeCancel})
	r.Put(model.StepRecord{Step: model.StepFullApproval, Seq: 1, Date: day(2026, 2, 10)})
	saved, err := s.SaveRecruit(r)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := s.Member(saved.MemberID)
	if m.OnRoster || m.LeftBy != model.EventExpulsion || m.LeftOn != day(2026, 2, 10) {
		t.Errorf("member after cancellation: on roster %v, %s %s", m.OnRoster, m.LeftBy, m.LeftOn)
	}
	if saved.Status() != model.StatusCancelled {
		t.Errorf("status %s", saved.Status())
	}
}

// The admitting meeting links to its activity record; a link to a record
// that is not in the file is refused in a sentence.
func TestStepLinksToItsMeetingRecord(t *testing.T) {
	s := openTest(t)
	ms := addMembers(t, s, 3)
	a := model.Activity{Kind: model.KindGeneralMeeting, Date: day(2025, 1, 10), Topic: "讨论接收预备党员", Chair: ms[0].Name, Recorder: ms[1].Name,
		Attendance: model.NewAttendance(ms), Resolutions: []model.Resolution{{Text: "接收郑新为预备党员", Voted: true, Yes: 3}}}
	a, err := s.SaveActivity(a)
	if err != nil {
		t.Fatal(err)
	}
	r := applicant()
	throughApproval(&r)
	r.Record(model.StepAdmission).ActivityID = 999
	if _, err := s.SaveRecruit(r); err == nil || !strings.Contains(err.Error(), "关联的会议记录不存在") {
		t.Errorf("link to a missing record: %v", err)
	}
	r.Record(model.StepAdmission).ActivityID = a.ID
	saved, err := s.SaveRecruit(r)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Recruit(saved.ID)
	if got.Record(model.StepAdmission).ActivityID != a.ID {
		t.Errorf("link lost: %+v", got.Record(model.StepAdmission))
	}
}

func TestStepAttachmentsAreKeptInTheFile(t *testing.T) {
	s := openTest(t)
	r := applicant()
	jpeg := append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, make([]byte, 100)...)
	r.Record(model.StepApplication).Attachments = []model.Attachment{{Name: "申请书.jpg", Data: jpeg}}
	saved, err := s.SaveRecruit(r)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Recruit(saved.ID)
	ats := got.Record(model.StepApplication).Attachments
	if len(ats) != 1 || ats[0].Type != model.AttachJPEG || ats[0].Size != int64(len(jpeg)) || ats[0].Data != nil {
		t.Fatalf("attachments: %+v", ats)
	}
	data, err := s.RecruitAttachmentData(ats[0].ID)
	if err != nil || len(data) != len(jpeg) {
		t.Errorf("data: %d bytes, %v", len(data), err)
	}
	bad := applicant()
	bad.IDNumber = idNumber(day(1999, 1, 1), 3, model.SexFemale)
	bad.Record(model.StepApplication).Attachments = []model.Attachment{{Name: "申请书.jpg", Data: []byte("%PDF-1.4")}}
	if _, err := s.SaveRecruit(bad); err == nil || !strings.Contains(err.Error(), "内容却是 pdf") {
		t.Errorf("a pdf named .jpg: %v", err)
	}
}

func TestUserHolidays(t *testing.T) {
	s := openTest(t)
	if err := s.SaveHoliday(model.HolidayDay{Date: day(2027, 1, 1), Kind: model.DayOff, Name: "元旦"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveHoliday(model.HolidayDay{Date: day(2027, 1, 1), Kind: model.DayOff, Name: "元旦（更正）"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveHoliday(model.HolidayDay{Date: model.MonthDate(2027, 2), Kind: model.DayOff}); err == nil {
		t.Errorf("a month-only day was accepted")
	}
	cal, err := s.HolidayCalendar()
	if err != nil {
		t.Fatal(err)
	}
	if !cal.Knows(2027) || cal.IsWorkingDay(day(2027, 1, 1)) {
		t.Errorf("the user's day is not in the calendar")
	}
	hs, _ := s.Holidays()
	if len(hs) != 1 || hs[0].Name != "元旦（更正）" {
		t.Errorf("holidays: %+v", hs)
	}
	if err := s.DeleteHoliday(day(2027, 1, 1)); err != nil {
		t.Fatal(err)
	}
	if hs, _ := s.Holidays(); len(hs) != 0 {
		t.Errorf("after delete: %+v", hs)
	}
}

func mustMembers(t *testing.T, s *Store) []model.Member {
	t.Helper()
	ms, err := s.Members()
	if err != nil {
		t.Fatal(err)
	}
	return ms
}
