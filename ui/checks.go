package ui

import (
	"slices"

	"fyne.io/fyne/v2"

	"branchledger/model"
)

// checks are the slow results more than one screen shows: the dues arrears
// (home and the roster's 党费 column), the compliance calendar's findings
// (home), each member's time without organisational life (the roster's
// 组织生活 column) and the members whose records break a rule (home). On a
// branch of 20,000 they take the better part of a second, so they are worked
// out once per data change, off the UI goroutine, and the screens fill them
// in when they arrive instead of holding up the window.
type checks struct {
	findings       []model.Finding // every finding, by area (home)
	arrears        []model.Arrear
	compliance     model.ComplianceReport // of complianceYear, the year it was worked out in
	complianceYear int
	participation  map[int64]model.MemberParticipation
	failed         []failedCheck
	// A failed check has been reported once; a screen showing its result
	// shows nothing, not an empty list that would read as "none".
	arrearsFailed, complianceFailed bool
}

// failedCheck is a check whose service call failed; doing is the Chinese
// phrase showError puts before the error.
type failedCheck struct {
	doing string
	err   error
}

// loadMembers reads the roster that the screens list and count. On failure
// the screens keep the list they had.
func (s *shell) loadMembers() {
	ms, err := s.svc.Roster.Members()
	if err != nil {
		s.showError("读取党员名单", err)
		return
	}
	s.members = ms
}

// onChecked registers a screen's refresh, run each time new checks arrive.
func (s *shell) onChecked(f func()) { s.checkListeners = append(s.checkListeners, f) }

// checking is whether the checks shown are missing (at start-up) or older
// than the data.
func (s *shell) checking() bool { return s.checks == nil || s.checkedVersion != s.version }

// recheck works the checks out again in the background and hands them to the
// screens on the UI goroutine. A result overtaken by a later data change is
// dropped: the later computation brings the current one.
func (s *shell) recheck() {
	s.version++
	v, members := s.version, s.members
	// Those already listening show that their marks are out of date.
	for _, f := range s.checkListeners {
		f()
	}
	s.background(func() {
		c := s.runChecks(members)
		fyne.Do(func() {
			if v != s.version {
				return
			}
			s.checks, s.checkedVersion = &c, v
			for _, f := range c.failed {
				s.showError(f.doing, f.err)
			}
			for _, f := range s.checkListeners {
				f()
			}
		})
	})
}

// runChecks asks the services for the checks; it touches no widget and no
// shell field, so it is safe off the UI goroutine. members is the snapshot
// the screens show, which nothing changes in place.
func (s *shell) runChecks(members []model.Member) checks {
	today := s.svc.today()
	if s.svc.Findings != nil {
		r, err := s.svc.Findings.Findings(today)
		c := checksOf(r)
		if err != nil {
			c.failed = append(c.failed, failedCheck{"检查", err})
		}
		return c
	}
	return s.composeChecks(members, today)
}

// checksOf takes the screens' checks from the branch's report.
func checksOf(r model.BranchReport) checks {
	c := checks{findings: r.Findings, arrears: r.Arrears, complianceYear: r.Today.Year,
		participation: make(map[int64]model.MemberParticipation, len(r.Participation))}
	c.compliance = model.ComplianceReport{Calendar: r.Calendar, Participation: r.Participation}
	for _, f := range r.Findings {
		if f.About == model.AboutActivities {
			c.compliance.Findings = append(c.compliance.Findings, f)
		}
	}
	for _, p := range r.Participation {
		c.participation[p.MemberID] = p
	}
	c.arrearsFailed = slices.Contains(r.Failed, model.AboutDues)
	c.complianceFailed = slices.Contains(r.Failed, model.AboutActivities)
	return c
}

// composeChecks works the checks out from the single services, for windows
// without a Findings service (tests of single screens), with the same model
// functions storage/findings runs.
func (s *shell) composeChecks(members []model.Member, today model.Date) checks {
	var c checks
	failed := func(doing string, err error) { c.failed = append(c.failed, failedCheck{doing, err}) }
	p, err := s.svc.Branch.Profile()
	if err != nil {
		failed("读取支部信息", err)
	}
	c.findings = model.CheckSetup(&p, model.CountRoster(members), today, s.rules.Branch)
	c.findings = append(c.findings, model.CheckRoster(members, today, s.rules)...)
	c.findings = append(c.findings, model.CheckBranchNames(members, &p)...)
	c.findings = append(c.findings, model.CheckRecords(members, today, s.rules)...)
	if s.svc.Dues != nil {
		var err error
		if c.arrears, err = s.svc.Dues.DuesArrears(today); err != nil {
			c.arrearsFailed = true
			failed("计算欠缴党费", err)
		}
		c.findings = append(c.findings, model.DuesFindings(c.arrears, nil, s.rules.Constitution)...)
	}
	if s.svc.Activities != nil {
		var err error
		c.complianceYear = today.Year
		if c.compliance, err = s.svc.Activities.Compliance(today.Year); err != nil {
			c.complianceFailed = true
			failed("计算合规日历", err)
		}
		for _, f := range c.compliance.Findings {
			if f.About == model.AboutActivities {
				c.findings = append(c.findings, f)
			}
		}
		if c.participation, err = s.svc.Activities.ParticipationByMember(); err != nil {
			failed("计算组织生活参加情况", err)
		}
	}
	model.SortFindings(c.findings)
	return c
}
