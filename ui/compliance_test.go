package ui

import (
	"bytes"
	"image"
	"image/png"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
)

// heldWith is a record of kind on date at which the members present (of the
// fake roster's three) were there and the others absent.
func heldWith(id int64, kind model.ActivityKind, d model.Date, present ...int64) model.Activity {
	a := model.Activity{ID: id, Kind: kind, Seq: 1, Date: d, Topic: "学习"}
	for _, m := range []struct {
		id   int64
		name string
	}{{1, "张三"}, {2, "李四"}, {3, "王五"}} {
		r := model.AttendanceRow{MemberID: m.id, Name: m.name, Status: model.Absent, Reason: "未请假"}
		if slices.Contains(present, m.id) {
			r.Status, r.Reason = model.Present, ""
		}
		a.Attendance = append(a.Attendance, r)
	}
	return a
}

// On 2026-11-25, 张三 was last there in May (6 months: serious), 李四 in
// August (3 months: warning), 王五 last week.
func withAbsences(acts *fakeActivities) {
	acts.acts = []model.Activity{
		heldWith(1, model.KindThemeDay, model.NewDate(2026, 5, 20), 1, 2, 3),
		heldWith(2, model.KindThemeDay, model.NewDate(2026, 8, 20), 2, 3),
		heldWith(3, model.KindThemeDay, model.NewDate(2026, 11, 20), 3),
	}
}

func columnIndex(t *testing.T, r *rosterScreen, title string) int {
	t.Helper()
	for i, c := range r.columns {
		if c.title == title {
			return i
		}
	}
	t.Fatalf("the roster has no %s column", title)
	return -1
}

// 党章 art. 9: the roster marks six months without organisational life as
// serious, in red, and three as a warning.
func TestRosterMarksMonthsWithoutOrganisationalLife(t *testing.T) {
	s, acts := newActivityShell(t)
	withAbsences(acts)
	s.dataChanged()
	s.show(screenRoster)
	r := s.roster
	col := columnIndex(t, r, "组织生活")
	want := map[string]struct {
		text string
		look widget.Importance
	}{
		"张三": {"6个月未参加（严重）", widget.DangerImportance},
		"李四": {"3个月未参加", widget.WarningImportance},
		"王五": {"", widget.MediumImportance},
	}
	for row := range rows(r.table) {
		name := cellText(r.table, row, 0)
		l := r.table.CreateCell()
		r.table.UpdateCell(widget.TableCellID{Row: row, Col: col}, l)
		if text, look := labelOf(l); text != want[name].text || look != want[name].look {
			t.Errorf("%s: %q (importance %v), want %q (%v)", name, text, look, want[name].text, want[name].look)
		}
	}
	// Typing in the search box filters on what was loaded: no new reading.
	test.Type(r.search, "张")
	if rows(r.table) != 1 || cellText(r.table, 0, col) != "6个月未参加（严重）" {
		t.Errorf("after searching 张: %d rows, %q", rows(r.table), cellText(r.table, 0, col))
	}
}

// A participation finding on the home screen opens the member; a calendar
// finding opens the 活动 screen on its calendar.
func TestHomeFindingsLeadToTheirScreen(t *testing.T) {
	s, acts := newActivityShell(t)
	withAbsences(acts)
	s.dataChanged()
	s.show(screenHome)
	find := func(part string) widget.ListItemID {
		for i, f := range s.home.findings {
			if strings.Contains(f.Message, part) {
				return s.home.rowOf(i)
			}
		}
		t.Fatalf("no finding with %q in %+v", part, s.home.findings)
		return -1
	}
	s.home.findingsList.Select(find("张三已连续6个月未参加组织生活"))
	if s.content.Objects[0] != s.roster.content || s.roster.detail == nil || s.roster.detail.m.Name != "张三" {
		t.Fatal("the participation finding did not open 张三's page")
	}
	s.roster.showList()
	s.show(screenHome)
	s.home.findingsList.Select(find("2026年第三季度未开展支部党员大会"))
	if s.content.Objects[0] != s.activities.content || s.activities.tabs.SelectedIndex() != 2 {
		t.Fatal("the calendar finding did not open the compliance calendar")
	}
}

// 组织生活设置: the form shows the rule's 党课 frequency until the branch sets
// its own; saving makes the calendar expect party-group meetings.
func TestMeetingSetupSavesAndTheCalendarFollows(t *testing.T) {
	s, acts := newActivityShell(t)
	s.show(screenSettings)
	f := s.settings.meetings
	if f == nil {
		t.Fatal("no 组织生活设置 in 设置")
	}
	if f.period.Selected != "每季度" || f.count.Selected != "1" || f.groups.Checked || !f.save.Disabled() {
		t.Fatalf("initial form: %q %q groups=%v save disabled=%v", f.period.Selected, f.count.Selected, f.groups.Checked, f.save.Disabled())
	}
	if !strings.Contains(f.committee.Text, "未设立") {
		t.Errorf("committee: %q", f.committee.Text)
	}
	if slices.Contains(s.activities.calKinds, model.KindGroupMeeting) {
		t.Fatal("the calendar expects party-group meetings of a branch without groups")
	}
	test.Tap(f.groups)
	f.period.SetSelected("每月")
	f.count.SetSelected("2")
	test.Tap(f.save)
	want := model.BranchMeetingSetup{HasGroups: true, LecturePeriod: model.Monthly, LecturesPerTerm: 2}
	if acts.setup != want || f.status.Text != "已保存" || !f.save.Disabled() {
		t.Fatalf("saved %+v, status %q", acts.setup, f.status.Text)
	}
	if !slices.Contains(s.activities.calKinds, model.KindGroupMeeting) {
		t.Error("after saving, the calendar does not expect party-group meetings")
	}
	if sl := s.activities.slot(model.KindLecture, time.October); sl == nil || sl.Period != model.Monthly || sl.Required != 2 {
		t.Errorf("October 党课 slot %+v, want monthly, 2", sl)
	}
}

// 年度计划: a plan added appears in the list; its delete button removes it.
func TestPlansAddAndRemove(t *testing.T) {
	s, acts := newActivityShell(t)
	a := s.activities
	a.planMonth.SetSelected("12月")
	a.planKind.SetSelected(string(model.KindLecture))
	test.Type(a.planTopic, "学习新党章")
	test.Tap(a.planAdd)
	if len(acts.plans) != 1 || a.planList.Length() != 1 || a.planTopic.Text != "" {
		t.Fatalf("after adding: %d stored, %d listed, topic %q", len(acts.plans), a.planList.Length(), a.planTopic.Text)
	}
	item := a.planList.CreateItem()
	a.planList.UpdateItem(0, item)
	row := item.(*fyne.Container)
	if got := row.Objects[0].(*widget.Label).Text; got != "12月　党课　学习新党章" {
		t.Errorf("plan shows %q", got)
	}
	test.Tap(row.Objects[1].(*widget.Button))
	if len(acts.plans) != 0 || a.planList.Length() != 0 {
		t.Fatalf("after removing: %d stored, %d listed", len(acts.plans), a.planList.Length())
	}
}

// calendarCell is what the calendar shows for kind in month.
func calendarCell(t *testing.T, a *activitiesScreen, kind model.ActivityKind, month int) *widget.Label {
	t.Helper()
	row := slices.Index(a.calKinds, kind)
	if row < 0 {
		t.Fatalf("the calendar has no row for %s", kind)
	}
	l := a.calendar.CreateCell().(*widget.Label)
	a.calendar.UpdateCell(widget.TableCellID{Row: row, Col: month}, l)
	return l
}

// The calendar shows a month without its theme day as missing, in red, and
// the months before the records begin as such, neutrally.
func TestCalendarShowsMissingAndUntrackedMonths(t *testing.T) {
	s, acts := newActivityShell(t)
	acts.acts = []model.Activity{heldWith(1, model.KindThemeDay, model.NewDate(2026, 9, 18), 1, 2, 3)}
	acts.since = model.NewDate(2026, 9, 1)
	s.dataChanged()
	a := s.activities
	for _, tt := range []struct {
		month int
		text  string
		look  widget.Importance
	}{
		{8, "建账前", widget.MediumImportance},
		{9, "已开展", widget.SuccessImportance},
		{10, "缺失", widget.DangerImportance},
		{11, "即将到期", widget.WarningImportance},
		{12, "未到", widget.MediumImportance},
	} {
		if l := calendarCell(t, a, model.KindThemeDay, tt.month); l.Text != tt.text || l.Importance != tt.look {
			t.Errorf("主题党日 %d月: %q (%v), want %q (%v)", tt.month, l.Text, l.Importance, tt.text, tt.look)
		}
	}
	if a.since.Hidden || !strings.Contains(a.since.Text, "2026年9月1日") {
		t.Errorf("records-begin note: hidden=%v %q", a.since.Hidden, a.since.Text)
	}
}

func pngBytes(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 4, 3))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The record view shows one thumbnail per attachment and lists every change
// made after the record was entered.
func TestRecordViewShowsAttachmentsAndHistory(t *testing.T) {
	s, acts := newActivityShell(t)
	act := heldWith(1, model.KindGeneralMeeting, model.NewDate(2026, 11, 10), 1, 2, 3)
	act.Attachments = []model.Attachment{
		{ID: 7, Name: "现场.png", Type: model.AttachPNG},
		{ID: 8, Name: "签到表.pdf", Type: model.AttachPDF},
	}
	acts.acts = []model.Activity{act}
	acts.files = map[int64][]byte{7: pngBytes(t)}
	at := time.Date(2026, 11, 12, 9, 30, 0, 0, time.Local)
	acts.changes = map[int64][]model.ActivityChange{1: {
		{ActivityID: 1, Field: model.ActivityTopicField, Old: "学习", New: "学习支部工作条例", At: at},
		{ActivityID: 1, Field: model.ActivityTopicField, Old: "学", New: "学习", At: at.Add(-time.Hour)},
	}}
	s.dataChanged()
	a := s.activities
	a.table.Select(widget.TableCellID{Row: 0, Col: 0})
	v := a.view
	if v == nil {
		t.Fatal("selecting the record did not open it")
	}
	if len(v.thumbs.Objects) != 2 {
		t.Errorf("%d thumbnails for 2 attachments", len(v.thumbs.Objects))
	}
	if v.history == nil || rows(v.history) != 2 || cellText(v.history, 0, 3) != "学习支部工作条例" {
		t.Fatalf("history not listed: %+v", v.history)
	}
	if !strings.Contains(v.details.Text, "应到 3 人，实到 3 人") {
		t.Errorf("details: %q", v.details.Text)
	}
}
