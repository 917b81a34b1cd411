package activityfile

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/demo"
	"branchledger/storage/xlsx"
)

var today = model.NewDate(2026, 11, 25)

// branch opens a store with n demo members and, if years > 0, that many years
// of monthly theme days, committee meetings and quarterly general meetings
// before today, everyone due present.
func branch(t testing.TB, n, years int) (*Service, *storage.Store) {
	t.Helper()
	st, err := storage.Open(filepath.Join(t.TempDir(), "b.db"), storage.WithClock(today.Time))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ms := demo.Members(n, 1, today, "测试支部")
	cols := make([]model.Field, len(model.MemberFields))
	for i, f := range model.MemberFields {
		cols[i] = f.Field
	}
	plan, err := st.PlanImport("测试", ms, cols)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.ApplyImport(plan); err != nil {
		t.Fatal(err)
	}
	stored, _ := st.Members()
	for y := today.Year - years + 1; y <= today.Year && years > 0; y++ {
		for m := time.January; m <= time.December; m++ {
			d := model.NewDate(y, m, 10)
			if d.After(today) {
				break
			}
			for _, k := range []model.ActivityKind{model.KindThemeDay, model.KindGroupMeeting, model.KindGeneralMeeting} {
				if k == model.KindGeneralMeeting && m%3 != 0 {
					continue
				}
				a := model.Activity{Kind: k, Date: d, Topic: "议题", Chair: "甲", Recorder: "乙",
					Attendance: model.NewAttendance(model.DueMembers(k, d, stored, nil))}
				if _, err := st.SaveActivity(a); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if years > 0 {
		// A branch that has kept this ledger since its records begin.
		if err := st.SetFileCreated(model.NewDate(today.Year-years+1, time.January, 1)); err != nil {
			t.Fatal(err)
		}
	}
	return New(st), st
}

func TestReadAttachmentRefusesBadFiles(t *testing.T) {
	s, _ := branch(t, 3, 0)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := filepath.Join(dir, "大照片.jpg")
	f, _ := os.Create(big)
	f.Write([]byte{0xFF, 0xD8, 0xFF})
	f.Truncate(model.MaxAttachmentBytes + 1)
	f.Close()
	for _, tc := range []struct {
		path, want string
	}{
		{big, "超过每个文件 10 MB 的上限"},
		{write("签到表.png", []byte("%PDF-1.5")), "内容却是 pdf"},
		{write("说明.txt", []byte("hello")), "只能添加 jpg、png 或 pdf"},
		{filepath.Join(dir, "没有.jpg"), "无法读取附件 没有.jpg"},
	} {
		if _, err := s.ReadAttachment(tc.path); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want …%s…", filepath.Base(tc.path), err, tc.want)
		}
	}
	at, err := s.ReadAttachment(write("签到表.pdf", []byte("%PDF-1.5 scan")))
	if err != nil || at.Type != model.AttachPDF || at.Name != "签到表.pdf" || at.Size != 13 {
		t.Fatalf("good pdf: %+v, %v", at, err)
	}
}

func TestComplianceOfAHistory(t *testing.T) {
	s, _ := branch(t, 12, 2)
	c, err := s.Compliance(today.Year)
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, f := range c.Findings {
		text = append(text, f.Message)
	}
	all := strings.Join(text, "\n")
	// No lectures were held; the demo members' profile is empty.
	for _, want := range []string{"尚未填写支部基本信息", "2026年第一季度未开展党课"} {
		if !strings.Contains(all, want) {
			t.Errorf("findings lack %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "主题党日") || strings.Contains(all, "未参加组织生活") {
		t.Errorf("monthly theme days were held and everyone came:\n%s", all)
	}
}

// BenchmarkCompliance50Members10Years is the compliance calendar and the
// participation flags of a 50-member branch with ten years of records, read
// from the file: target ≤ 50 ms.
func BenchmarkCompliance50Members10Years(b *testing.B) {
	s, _ := branch(b, 50, 10)
	b.ResetTimer()
	for b.Loop() {
		c, err := s.Compliance(today.Year)
		if err != nil || len(c.Calendar.Slots) == 0 {
			b.Fatal(err)
		}
	}
}

// The calendar of a file without records owes nothing from before the file
// was made; once records are entered it starts at the first of them.
func TestComplianceStartsWhereRecordsBegin(t *testing.T) {
	s, st := branch(t, 5, 0)
	created, err := st.FileCreated()
	if err != nil || created.IsZero() {
		t.Fatalf("file created %v, %v", created, err)
	}
	c, err := s.Compliance(today.Year - 1)
	if err != nil {
		t.Fatal(err)
	}
	if c.Calendar.Since != created {
		t.Errorf("records begin %v, want the file's date %v", c.Calendar.Since, created)
	}
	for _, f := range c.Findings {
		if strings.Contains(f.Message, "未开展") {
			t.Errorf("a new file reports %q", f.Message)
		}
	}

	// A meeting entered today for an earlier date (补录) fills its own
	// period and does not move the start back (review s6-8-newuser #14).
	s, st = branch(t, 5, 0)
	ms, _ := st.Members()
	march := model.NewDate(today.Year, time.March, 15)
	if _, err := st.SaveActivity(model.Activity{Kind: model.KindThemeDay, Date: march, Topic: "议题", Chair: "甲", Recorder: "乙",
		Attendance: model.NewAttendance(model.DueMembers(model.KindThemeDay, march, ms, nil))}); err != nil {
		t.Fatal(err)
	}
	c, err = s.Compliance(today.Year)
	if err != nil {
		t.Fatal(err)
	}
	if c.Calendar.Since != created {
		t.Errorf("records begin %v after 补录 of %v, want the file's date %v", c.Calendar.Since, march, created)
	}
	for _, f := range c.Findings {
		if f.Severity != model.Info && f.About == model.AboutActivities {
			t.Errorf("after 补录 of %v: %v %q", march, f.Severity, f.Message)
		}
	}
}

// The roster's column reads the same participation as the calendar tab.
func TestParticipationByMemberMatchesTheReport(t *testing.T) {
	s, _ := branch(t, 8, 1)
	c, err := s.Compliance(today.Year)
	if err != nil {
		t.Fatal(err)
	}
	byID, err := s.ParticipationByMember()
	if err != nil {
		t.Fatal(err)
	}
	if len(byID) != len(c.Participation) || len(byID) == 0 {
		t.Fatalf("%d by member, %d in the report", len(byID), len(c.Participation))
	}
	for _, p := range c.Participation {
		if byID[p.MemberID] != p {
			t.Errorf("member %d: %+v, report %+v", p.MemberID, byID[p.MemberID], p)
		}
	}
}

// The attendance grid of a meeting before a member's 转入 does not list
// them, on a real file: the 11-20 meeting of a member who came on 11-24.
func TestDueMembersLeaveOutLaterArrivals(t *testing.T) {
	svc, st := branch(t, 3, 0)
	m := demo.Members(4, 7, today, "测试支部")[3]
	if _, err := st.AddMember(m, &model.MembershipEvent{Kind: model.EventTransferIn, Date: model.NewDate(2026, 11, 24), Note: "甘组转字（2026）第3号"}); err != nil {
		t.Fatal(err)
	}
	names := func(d model.Date) []string {
		due, err := svc.DueMembers(model.KindGeneralMeeting, d)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range due {
			out = append(out, m.Name)
		}
		return out
	}
	if before := names(model.NewDate(2026, 11, 20)); len(before) != 3 || slices.Contains(before, m.Name) {
		t.Errorf("due on 11-20: %v; want the 3 members without %s, who came on 11-24", before, m.Name)
	}
	if after := names(model.NewDate(2026, 11, 25)); len(after) != 4 || !slices.Contains(after, m.Name) {
		t.Errorf("due on 11-25: %v; want 4 with %s", after, m.Name)
	}
}

// The printed ledger, which inspectors read, marks a 支部党员大会 below
// quorum and counts it in its heading, as the list, home and check do
// (review s3-8 attack #11: 备注 was empty).
func TestLedgerMarksAMeetingBelowQuorum(t *testing.T) {
	svc, st := branch(t, 5, 0)
	ms, _ := st.Members()
	a := model.Activity{Kind: model.KindGeneralMeeting, Date: model.NewDate(2026, 11, 20), Topic: "讨论工作", Chair: ms[0].Name, Recorder: ms[1].Name,
		Attendance: model.NewAttendance(model.DueMembers(model.KindGeneralMeeting, model.NewDate(2026, 11, 20), ms, nil))}
	for i := 1; i < len(a.Attendance); i++ {
		a.Attendance[i].Status, a.Attendance[i].Reason = model.OnLeave, "出差"
	}
	if _, err := svc.SaveActivity(a); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	if _, err := svc.ExportLedger(2026, path); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(xlsx.LedgerSheet)
	var text string
	for _, r := range rows {
		text += strings.Join(r, "|") + "\n"
	}
	// 备注 marks the row; the line above the table says it is not counted
	// as held (cbc7461).
	if !strings.Contains(text, "|未达法定人数") || !strings.Contains(text, "1 次未达法定人数") || !strings.Contains(text, "不算作已开展（备注栏注明）") {
		t.Errorf("the ledger does not mark the meeting below quorum:\n%s", text)
	}
}
