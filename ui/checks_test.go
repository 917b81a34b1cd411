package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"branchledger/model"
)

// countingActivities counts the calls of the slow checks, the ones that on
// a large branch must not hold up the window.
type countingActivities struct {
	*fakeActivities
	compliance, participation int
}

func (c *countingActivities) Compliance(year int) (model.ComplianceReport, error) {
	c.compliance++
	return c.fakeActivities.Compliance(year)
}

func (c *countingActivities) ParticipationByMember() (map[int64]model.MemberParticipation, error) {
	c.participation++
	return c.fakeActivities.ParticipationByMember()
}

// newWaitingShell is the window over the three-member fake with absences,
// as NewMainWindow leaves it: the checks started but held back in a queue
// until the test runs them.
func newWaitingShell(t *testing.T) (*shell, *countingActivities, *[]func()) {
	t.Helper()
	f := newFakeStore(testToday,
		member("张三", validID("19800101", "001")), member("李四", validID("19810101", "003")), member("王五", validID("19820101", "005")))
	acts := &countingActivities{fakeActivities: &fakeActivities{roster: f}}
	withAbsences(acts.fakeActivities)
	svc := f.services()
	svc.Activities = acts
	s := newShell(test.NewTempApp(t), svc, "/data/branch.db")
	var queued []func()
	s.background = func(work func()) { queued = append(queued, work) }
	t.Cleanup(s.win.Close)
	s.recheck()
	return s, acts, &queued
}

// Only the start screen is built before the window shows; the others are
// built the first time they are opened, and only once.
func TestScreensAreBuiltWhenFirstOpened(t *testing.T) {
	s, acts, _ := newWaitingShell(t)
	if s.home == nil || s.views[0] == nil {
		t.Fatal("the start screen was not built")
	}
	for i, sc := range s.screens[1:] {
		if s.views[i+1] != nil {
			t.Errorf("%s built before it was opened", sc.Title)
		}
	}
	if s.roster != nil || s.activities != nil || s.settings != nil {
		t.Fatal("a screen's state exists before it was opened")
	}
	s.show(screenActivities)
	a := s.activities
	if a == nil || s.content.Objects[0] != a.content {
		t.Fatal("opening 活动 did not build and show it")
	}
	calls := acts.compliance
	s.show(screenHome)
	s.show(screenActivities)
	if s.activities != a || acts.compliance != calls {
		t.Error("opening 活动 a second time built it again")
	}
}

// The window shows the members at once; the slow checks run in the
// background and fill in the home findings and the roster's marks when they
// are done.
func TestChecksFillInAfterTheBackgroundWork(t *testing.T) {
	s, acts, queued := newWaitingShell(t)
	if acts.compliance != 0 || acts.participation != 0 {
		t.Fatalf("start-up checked in line: %d compliance, %d participation calls", acts.compliance, acts.participation)
	}
	h := s.home
	if h.counts[0].Title != "3" {
		t.Errorf("home counts %s members before the checks, want 3", h.counts[0].Title)
	}
	// The quick findings (here the missing profile) are listed at once.
	if h.checking.Text != "正在检查…" || h.allGood.Text != "" || len(h.findings) == 0 {
		t.Errorf("while checking: heading says %q, all-good %q, %d findings", h.checking.Text, h.allGood.Text, len(h.findings))
	}
	for _, f := range h.findings {
		if strings.Contains(f.Message, "组织生活") {
			t.Fatalf("a participation finding before the checks ran: %q", f.Message)
		}
	}
	s.show(screenRoster)
	r := s.roster
	col := columnIndex(t, r, "组织生活")
	if rows(r.table) != 3 || cellText(r.table, 0, col) != "" {
		t.Fatalf("roster before the checks: %d rows, 组织生活 %q", rows(r.table), cellText(r.table, 0, col))
	}
	test.Type(r.search, "张")
	if rows(r.table) != 1 {
		t.Errorf("search before the checks: %d rows, want 1", rows(r.table))
	}

	if len(*queued) != 1 {
		t.Fatalf("%d background jobs queued, want 1", len(*queued))
	}
	(*queued)[0]()
	if acts.compliance != 1 || acts.participation != 1 {
		t.Errorf("the checks made %d compliance and %d participation calls, want 1 each", acts.compliance, acts.participation)
	}
	if h.checking.Text != "" || h.allGood.Text == "正在检查…" {
		t.Error("home still says it is checking")
	}
	var found bool
	for _, f := range h.findings {
		found = found || strings.Contains(f.Message, "张三已连续6个月未参加组织生活")
	}
	if !found {
		t.Errorf("home findings after the checks: %+v", h.findings)
	}
	if got := cellText(r.table, 0, col); got != "6个月未参加（严重）" {
		t.Errorf("roster 组织生活 for 张三 after the checks: %q", got)
	}
}

// A result overtaken by a later write is dropped: the screens show what the
// latest data gives, whatever order the background work ends in.
func TestStaleChecksAreDropped(t *testing.T) {
	s, _, queued := newWaitingShell(t)
	first := (*queued)[0]
	s.dataChanged()
	if len(*queued) != 2 {
		t.Fatalf("%d background jobs after a write, want 2", len(*queued))
	}
	(*queued)[1]()
	got := s.checks
	first()
	if s.checks != got || s.checking() {
		t.Error("the older result replaced the newer one")
	}
}

// countingDues counts the arrears computations behind a real ledger.
type countingDues struct {
	inner   Findings
	arrears int
}

func (c *countingDues) Findings(today model.Date) (model.BranchReport, error) {
	c.arrears++
	return c.inner.Findings(today)
}

// A payment works the arrears out once, in the shell's checks (the one
// collection of findings), and the 欠缴 tab shows that result: it says it
// is checking until the result arrives.
func TestADuesWriteWorksOutArrearsOnce(t *testing.T) {
	s, _ := newDuesShell(t)
	dues := &countingDues{inner: s.svc.Findings}
	s.svc.Findings = dues
	var queued []func()
	s.background = func(work func()) { queued = append(queued, work) }
	d := duesOf(t, s)
	a := d.arrears
	if dues.arrears != 0 || len(a.list) == 0 {
		t.Fatalf("opening 党费: %d arrears calls, %d in the tab", dues.arrears, len(a.list))
	}
	owed := func() (n int) {
		for _, x := range a.list {
			n += x.Months
		}
		return n
	}
	before := owed()
	// Pay the overdue months of this year of the first member in arrears.
	p := model.DuesPayment{MemberID: a.list[0].MemberID, Date: testToday}
	for _, r := range d.reg.Rows {
		for i, c := range r.Months {
			if r.MemberID == p.MemberID && c.State == model.MonthOverdue {
				p.Months = append(p.Months, model.MonthOf(d.year, time.Month(i+1)))
				p.Amount += c.Amount
			}
		}
	}
	if len(p.Months) == 0 {
		t.Fatalf("%s owes nothing this year", a.list[0].Name)
	}
	if _, err := s.svc.Dues.RecordDuesPayment(p); err != nil {
		t.Fatal(err)
	}
	d.changed()
	if dues.arrears != 0 || a.summary.Text != "正在检查…" {
		t.Errorf("after the write, before the checks: %d arrears calls, summary %q", dues.arrears, a.summary.Text)
	}
	for _, work := range queued {
		work()
	}
	if dues.arrears != 1 {
		t.Errorf("one write worked the arrears out %d times, want once", dues.arrears)
	}
	if a.summary.Text == "正在检查…" || owed() != before-len(p.Months) {
		t.Errorf("after the checks: summary %q, %d months owed (was %d, %d paid)", a.summary.Text, owed(), before, len(p.Months))
	}
}

// The current year's calendar is the shell's; a write works it out once.
// Another year's is worked out by the screen.
func TestAnActivityWriteWorksOutComplianceOnce(t *testing.T) {
	s, acts, queued := newWaitingShell(t)
	for _, work := range *queued {
		work()
	}
	*queued = nil
	s.show(screenActivities)
	a := s.activities
	if acts.compliance != 1 || len(a.report.Calendar.Slots) == 0 {
		t.Fatalf("opening 活动: %d compliance calls, %d calendar slots", acts.compliance, len(a.report.Calendar.Slots))
	}
	s.dataChanged()
	for _, work := range *queued {
		work()
	}
	if acts.compliance != 2 {
		t.Errorf("one write worked the calendar out %d times, want once", acts.compliance-1)
	}
	a.year--
	a.refresh()
	if acts.compliance != 3 || a.report.Calendar.Year != a.year {
		t.Errorf("last year's calendar: %d calls, year %d", acts.compliance, a.report.Calendar.Year)
	}
}
