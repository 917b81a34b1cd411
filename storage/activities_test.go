package storage

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"branchledger/model"
)

// jpegBytes is n bytes that start like a JPEG file.
func jpegBytes(n int) []byte {
	b := bytes.Repeat([]byte{0x5A}, n)
	copy(b, []byte{0xFF, 0xD8, 0xFF, 0xE0})
	return b
}

// newActivity is a general meeting on date with everyone in ms present.
func newActivity(date model.Date, ms []model.Member) model.Activity {
	return model.Activity{
		Kind: model.KindGeneralMeeting, Date: date, Start: "14:30", End: "16:00",
		Place: "公司三楼会议室", Topic: "学习党的二十届四中全会精神", Chair: "张建华", Recorder: "王芳",
		Content: "书记领学全会公报，党员逐一发言。", Attendance: model.NewAttendance(ms),
		Resolutions: []model.Resolution{{Text: "同意李某某为入党积极分子", Voted: true, Yes: 2, No: 0, Abstain: 0}},
	}
}

func TestSaveActivityAssignsSequenceAndReadsBack(t *testing.T) {
	s := openTest(t)
	ms := addMembers(t, s, 5)
	a := newActivity(model.NewDate(2026, 3, 10), ms)
	a.Attendance[4].Status, a.Attendance[4].Reason = model.OnLeave, "出差"
	a.Attachments = []model.Attachment{{Name: "合影.jpg", Data: jpegBytes(1000)}}
	a.Resolutions = append(a.Resolutions, model.Resolution{Text: "选举张建华为支部书记", Voted: true, Election: true, Yes: 4})
	first, err := s.SaveActivity(a)
	if err != nil {
		t.Fatal(err)
	}
	second, err := s.SaveActivity(newActivity(model.NewDate(2026, 3, 12), ms[:3]))
	if err != nil {
		t.Fatal(err)
	}
	if first.Seq != 1 || second.Seq != 2 {
		t.Fatalf("seq = %d, %d; want 1, 2", first.Seq, second.Seq)
	}
	other := newActivity(model.NewDate(2026, 3, 12), ms)
	other.Kind = model.KindLecture
	if lec, err := s.SaveActivity(other); err != nil || lec.Seq != 1 {
		t.Fatalf("first lecture: seq %d, %v; want 1", lec.Seq, err)
	}

	got, err := s.Activity(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c := got.Counts(); c != (model.Counts{Due: 5, Present: 4, Leave: 1}) {
		t.Errorf("counts = %+v", c)
	}
	if got.Attendance[4].Reason != "出差" || got.Attendance[0].Name != ms[0].Name || got.Resolutions[0].Yes != 2 ||
		got.Resolutions[0].Election || !got.Resolutions[1].Election {
		t.Errorf("read back %+v", got)
	}
	if len(got.Attachments) != 1 || got.Attachments[0].Type != model.AttachJPEG || got.Attachments[0].Data != nil || got.Attachments[0].Size != 1000 {
		t.Fatalf("attachments = %+v", got.Attachments)
	}
	data, err := s.AttachmentData(got.Attachments[0].ID)
	if err != nil || !bytes.Equal(data, jpegBytes(1000)) {
		t.Fatalf("AttachmentData: %d bytes, %v", len(data), err)
	}
	list, err := s.Activities(2026)
	if err != nil || len(list) != 3 || list[0].ID != first.ID {
		t.Fatalf("Activities(2026) = %d, %v", len(list), err)
	}
	if other, _ := s.Activities(2025); len(other) != 0 {
		t.Fatalf("Activities(2025) = %d records", len(other))
	}
}

func TestEditActivityKeepsHistory(t *testing.T) {
	s := openTest(t)
	ms := addMembers(t, s, 3)
	a, err := s.SaveActivity(newActivity(model.NewDate(2026, 3, 10), ms))
	if err != nil {
		t.Fatal(err)
	}
	a.Topic = "学习新修订的支部工作条例"
	a.Attendance[2].Status, a.Attendance[2].Reason = model.Absent, "未请假"
	a.Attachments = append(a.Attachments, model.Attachment{Name: "签到表.pdf", Data: []byte("%PDF-1.4 ...")})
	edited, err := s.SaveActivity(a)
	if err != nil {
		t.Fatal(err)
	}
	if !edited.CreatedAt.Before(edited.UpdatedAt) || edited.Seq != 1 {
		t.Fatalf("edited: created %v updated %v seq %d", edited.CreatedAt, edited.UpdatedAt, edited.Seq)
	}
	changes, err := s.ActivityChanges(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	fields := map[model.Field]model.ActivityChange{}
	for _, c := range changes {
		fields[c.Field] = c
	}
	if c := fields[model.ActivityTopicField]; c.Old != "学习党的二十届四中全会精神" || c.New != "学习新修订的支部工作条例" || c.At.IsZero() {
		t.Errorf("topic change = %+v", c)
	}
	if c := fields[model.ActivityAttendanceField]; !strings.Contains(c.New, "缺席（未请假）") {
		t.Errorf("attendance change = %+v", c)
	}
	if c := fields[model.ActivityAttachmentField]; c.New != "添加 签到表.pdf" {
		t.Errorf("attachment change = %+v", c)
	}
	// Saving again unchanged writes nothing.
	again, err := s.SaveActivity(edited)
	if err != nil || !again.UpdatedAt.Equal(edited.UpdatedAt) {
		t.Fatalf("unchanged save: %v, %v", again.UpdatedAt, err)
	}
	if n, _ := s.ActivityChanges(a.ID); len(n) != len(changes) {
		t.Fatalf("unchanged save wrote history: %d → %d", len(changes), len(n))
	}
}

func TestSaveActivityRefusesBadInput(t *testing.T) {
	s := openTest(t)
	ms := addMembers(t, s, 3)
	if _, err := s.RecordEvent(model.MembershipEvent{MemberID: ms[2].ID, Kind: model.EventTransferOut, Date: model.NewDate(2026, 2, 1), Note: "转往兰州某公司党支部"}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		edit func(a *model.Activity)
		want string
	}{
		{"未来日期", func(a *model.Activity) { a.Date = model.NewDate(2026, 4, 1); a.Attendance = a.Attendance[:2] }, "晚于今天"},
		{"已转出的党员", func(a *model.Activity) {}, "不在本支部花名册上（已于 2026-02-01 转出）"},
		// A year mistyped (1900 for 2026): before every member joined,
		// nobody was due (review s7-8 attack #12).
		{"早于所有党员入党", func(a *model.Activity) { a.Date = model.NewDate(1900, 1, 1); a.Attendance = nil }, "时花名册上的党员都还没有入党"},
		{"伪装的附件", func(a *model.Activity) {
			a.Attendance = a.Attendance[:2]
			a.Attachments = []model.Attachment{{Name: "合影.jpg", Data: []byte("%PDF-1.4")}}
		}, "内容却是 pdf"},
		{"超大附件", func(a *model.Activity) {
			a.Attendance = a.Attendance[:2]
			a.Attachments = []model.Attachment{{Name: "合影.jpg", Data: jpegBytes(model.MaxAttachmentBytes + 1)}}
		}, "超过每个文件 10 MB 的上限"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newActivity(model.NewDate(2026, 3, 10), ms)
			a.Resolutions = nil
			tc.edit(&a)
			_, err := s.SaveActivity(a)
			var verrs model.ValidationErrors
			if !errors.As(err, &verrs) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want validation …%s…", err, tc.want)
			}
			var n int
			for _, table := range []string{"activities", "activity_attendance", "activity_attachments"} {
				if err := s.db.Raw("SELECT count(*) FROM " + table).Scan(&n).Error; err != nil || n != 0 {
					t.Fatalf("%s has %d rows after a refused save (%v)", table, n, err)
				}
			}
		})
	}
}

// An activity dated before the branch's 成立日期 is refused on save, naming
// both dates (review s7-8 attack #12).
func TestSaveActivityRefusesDateBeforeFounding(t *testing.T) {
	s := openTest(t)
	ms := addMembers(t, s, 3)
	// Only the date matters here; a whole valid profile is another test's.
	if err := s.db.Model(&branchRow{}).Where("id = ?", branchID).Update("founded_on", model.NewDate(2026, 3, 1)).Error; err != nil {
		t.Fatal(err)
	}
	a := newActivity(model.NewDate(2026, 2, 27), ms)
	a.Resolutions = nil
	_, err := s.SaveActivity(a)
	if err == nil || !strings.Contains(err.Error(), "早于本支部的成立日期") {
		t.Fatalf("err = %v, want a refusal naming the founding date", err)
	}
	a.Date = model.NewDate(2026, 3, 1)
	if _, err := s.SaveActivity(a); err != nil {
		t.Fatalf("an activity on the founding day: %v", err)
	}
}

func TestActivitiesNeverDeleted(t *testing.T) {
	s := openTest(t)
	ms := addMembers(t, s, 2)
	a := newActivity(model.NewDate(2026, 3, 10), ms)
	a.Attachments = []model.Attachment{{Name: "a.png", Data: []byte("\x89PNG\r\n\x1a\n")}}
	a, err := s.SaveActivity(a)
	if err != nil {
		t.Fatal(err)
	}
	a.Topic = "改"
	if _, err := s.SaveActivity(a); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"DELETE FROM activities", "DELETE FROM activity_attachments", "DELETE FROM activity_changes",
		"UPDATE activity_changes SET new_value = 'x'", "UPDATE activities SET created_at = '2026-03-10 09:00:00.000+08:00'",
	} {
		if err := s.db.Exec(q).Error; err == nil {
			t.Errorf("%s: allowed", q)
		}
	}
}

func TestHeldActivities(t *testing.T) {
	s := openTest(t)
	ms := addMembers(t, s, 3)
	a := newActivity(model.NewDate(2025, 12, 30), ms)
	a.Attendance[1].Status, a.Attendance[1].Reason = model.OnLeave, "病假"
	if _, err := s.SaveActivity(a); err != nil {
		t.Fatal(err)
	}
	b := newActivity(model.NewDate(2026, 1, 5), ms)
	b.Kind = model.KindThemeDay
	b.Resolutions = nil
	if _, err := s.SaveActivity(b); err != nil {
		t.Fatal(err)
	}
	held, err := s.HeldActivities(model.NewDate(2025, 1, 1), model.NewDate(2025, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	if len(held) != 1 || held[0].Kind != model.KindGeneralMeeting || len(held[0].Present) != 2 ||
		held[0].Present[0] != ms[0].ID || held[0].Present[1] != ms[2].ID {
		t.Fatalf("HeldActivities(2025) = %+v", held)
	}
	if held, _ := s.HeldActivities(model.NewDate(2025, 1, 1), model.NewDate(2026, 12, 31)); len(held) != 2 {
		t.Fatalf("two years: %+v", held)
	}
}

func TestPlans(t *testing.T) {
	s := openTest(t)
	p, err := s.SavePlan(model.Plan{Year: 2026, Month: 7, Kind: model.KindLecture, Topic: " 七一党课 "})
	if err != nil || p.ID == 0 || p.Topic != "七一党课" {
		t.Fatalf("SavePlan = %+v, %v", p, err)
	}
	if _, err := s.SavePlan(model.Plan{Year: 2026, Month: 13, Kind: model.KindLecture}); err == nil {
		t.Fatal("month 13 accepted")
	}
	p.Month = 6
	if _, err := s.SavePlan(p); err != nil {
		t.Fatal(err)
	}
	plans, err := s.Plans(2026)
	if err != nil || len(plans) != 1 || plans[0].Month != 6 {
		t.Fatalf("Plans = %+v, %v", plans, err)
	}
	if err := s.DeletePlan(p.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePlan(p.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
}

func TestMeetingSetup(t *testing.T) {
	s := openTest(t)
	b, err := s.MeetingSetup()
	if err != nil || b.HasGroups || b.LecturesPerTerm != 0 {
		t.Fatalf("new file: %+v, %v", b, err)
	}
	want := model.BranchMeetingSetup{HasGroups: true, LecturePeriod: model.Monthly, LecturesPerTerm: 1}
	if err := s.SaveMeetingSetup(want); err != nil {
		t.Fatal(err)
	}
	if b, _ := s.MeetingSetup(); b != want {
		t.Fatalf("read back %+v, want %+v", b, want)
	}
	if err := s.SaveMeetingSetup(model.BranchMeetingSetup{LecturesPerTerm: -1}); err == nil {
		t.Fatal("negative count accepted")
	}
}
