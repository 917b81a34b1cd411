package cli

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/demo"
)

// The demo branch has a history with gaps and two members who stopped coming;
// check lists them, one per line, and exits 0.
func TestCheckListsFindingsOfTheDemoBranch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	if r := run(t, "demo", "--members", "40", "--db", db); r.status != ExitOK {
		t.Fatalf("demo: %+v", r)
	}
	r := run(t, "check", "--db", db)
	if r.status != ExitOK {
		t.Fatalf("check exit %d: %s", r.status, r.stderr)
	}
	lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	last := lines[len(lines)-1]
	if last != "findings "+strconv.Itoa(len(lines)-1) {
		t.Fatalf("last line %q after %d findings", last, len(lines)-1)
	}
	text := r.stdout
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^严重: 【组织生活】.*已连续[6-9]个月未参加组织生活`),
		regexp.MustCompile(`(?m)^提醒: 【组织生活】.*已连续[3-5]个月未参加组织生活`),
		regexp.MustCompile(`(?m)^提醒: 【组织生活】\d+年\d+月未开展支部委员会会议`),
		// The dues arrears are findings too (issue 8: check missed them).
		regexp.MustCompile(`(?m)^严重: 【党费】.*连续[6-9]个月未交.*自行脱党`),
	} {
		if !want.MatchString(text) {
			t.Errorf("check output lacks %s:\n%s", want, text)
		}
	}
	// Two years back, a quarter went without a general meeting.
	past := run(t, "check", "--db", db, "--year", strconv.Itoa(model.Today().Year-2))
	if past.status != ExitOK || !strings.Contains(past.stdout, "第二季度未开展支部党员大会") {
		t.Fatalf("check two years back: %s", past.stdout)
	}
	// --year changes the calendar only, and says so: the other findings
	// (the dues arrears above among them) are as of today.
	if !strings.Contains(past.stderr, "只决定组织生活合规日历") || !strings.Contains(past.stdout, "【党费】") {
		t.Errorf("check --year of another year does not say what it does: %q", past.stderr)
	}
	if strings.Contains(r.stderr, "--year") {
		t.Errorf("check of this year notes --year: %q", r.stderr)
	}
}

// A new file has no profile and no records: check reports the missing
// profile, and no activity as missing — neither in a year before the file
// was made nor in the months of this year before it (at most the current
// period is due soon).
func TestCheckOnAnEmptyFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "new.db")
	// check reads a data file, and makes none (a typo in --db is refused).
	if r := run(t, "check", "--db", db); r.status != ExitFailed || !strings.Contains(r.stderr, "找不到数据文件") {
		t.Fatalf("check of a missing file: %+v", r)
	}
	s, err := storage.Create(db)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	missing := regexp.MustCompile(`(月|季度|全年)未开展|只开展`)
	for _, year := range []int{2020, model.Today().Year} {
		r := run(t, "check", "--db", db, "--year", strconv.Itoa(year))
		if r.status != ExitOK || !strings.HasPrefix(r.stdout, "提醒: 【组织设置】尚未填写支部基本信息") {
			t.Fatalf("%d: %+v", year, r)
		}
		if missing.MatchString(r.stdout) {
			t.Errorf("%d: a new file reports activities missing:\n%s", year, r.stdout)
		}
		for _, line := range strings.Split(strings.TrimRight(r.stdout, "\n"), "\n") {
			if strings.Contains(line, "尚未开展") && !strings.HasPrefix(line, "提示: ") {
				t.Errorf("%d: a period still open is more than a reminder: %s", year, line)
			}
		}
	}
	if r := run(t, "check", "--db", db, "--year", "2020"); lastLine(r.stdout) != "findings 1" {
		t.Errorf("2020 on a new file: %s", r.stdout)
	}
}

func TestActivityExportWritesLedgerAndOneSheetPerActivity(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	if r := run(t, "demo", "--members", "20", "--db", db); r.status != ExitOK {
		t.Fatalf("demo: %+v", r)
	}
	year := strconv.Itoa(model.Today().Year - 1)
	out := filepath.Join(dir, "台账.xlsx")
	r := run(t, "activity", "export", year, out, "--db", db)
	if r.status != ExitOK {
		t.Fatalf("export: %+v", r)
	}
	var n int
	if _, err := fmtSscanf(r.stdout, &n); err != nil || n < 20 {
		t.Fatalf("stdout %q", r.stdout)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) != n+1 || sheets[0] != "活动台账" {
		t.Fatalf("%d sheets for %d activities: %q…", len(sheets), n, sheets[:2])
	}
	if r := run(t, "activity", "export", "二〇二五", out, "--db", db); r.status != ExitFailed || !strings.Contains(r.stderr, "年份") {
		t.Fatalf("bad year: %+v", r)
	}
}

func fmtSscanf(s string, n *int) (int, error) {
	m := regexp.MustCompile(`exported (\d+) activities`).FindStringSubmatch(s)
	if m == nil {
		return 0, strconv.ErrSyntax
	}
	v, err := strconv.Atoi(m[1])
	*n = v
	return 1, err
}

// Day one, then the paper ledger typed in (review s6-8-newuser #14): a theme
// day eight months back, entered today, fills its own period; `check` of its
// year says no period "未开展" and flags no member — not the one present, not
// the one absent who has been on this roster for years.
func TestCheckAfterEnteringAnOldMeeting(t *testing.T) {
	db, ms := firstDayDB(t)
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	today := s.Today()
	old := demo.Members(1, 77, today, "支部")[0]
	old.Category, old.JoinDate, old.FullDate = model.CategoryFull, model.NewDate(2010, 7, 1), model.NewDate(2011, 7, 1)
	old.ArrivedOn, old.LostContact, old.LostSince, old.Mobile, old.MobileDestination = model.NewDate(2015, 3, 1), false, model.Date{}, false, ""
	if _, err := s.AddMember(old, nil); err != nil {
		t.Fatal(err)
	}
	d := today.AddMonths(-8)
	d.Day = 15
	all, _ := s.Members()
	att := model.NewAttendance(model.DueMembers(model.KindThemeDay, d, all, nil))
	for i := range att {
		att[i].Status = model.Absent
		att[i].Reason = "出差"
		// The chair and the recorder were there (one marked 缺席 is a
		// finding of its own since d38cc61).
		if att[i].MemberID == ms[0].ID || att[i].MemberID == ms[1].ID {
			att[i].Status, att[i].Reason = model.Present, ""
		}
	}
	if _, err := s.SaveActivity(model.Activity{Kind: model.KindThemeDay, Date: d, Topic: "重温入党誓词", Chair: ms[0].Name, Recorder: ms[1].Name, Attendance: att}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	r := run(t, "check", "--db", db, "--year", strconv.Itoa(d.Year))
	if r.status != ExitOK {
		t.Fatalf("check: %+v", r)
	}
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.Contains(line, "【组织生活】") && !strings.HasPrefix(line, "提示: ") || strings.Contains(line, "未参加组织生活") {
			t.Errorf("after entering the meeting of %v: %s", d, line)
		}
	}
}
