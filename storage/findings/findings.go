// Package findings gathers every finding a branch has as of a day — set-up,
// organisational life, dues, members' records — from one store, for the home
// screen, `branchledger check` and an instructor's view of many branches, so
// that all three say the same. Each kind of check is a Source; a new one is a
// function and one line in Sources.
package findings

import (
	"errors"
	"fmt"
	"time"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/activityfile"
	"branchledger/storage/recruitfile"
)

// Source is one kind of check, of one area. Check reads what it needs from
// b (each input is read once per collection, whichever source asks first)
// and adds its findings, and any figures the screens show beside them, to
// r. Doing is the Chinese phrase an error is reported under (计算欠缴党费).
type Source struct {
	Topic model.FindingTopic
	Doing string
	Check func(b *Branch, r *model.BranchReport) error
}

// Sources are the checks Collect runs, in order.
var Sources = []Source{
	{model.AboutSetup, "检查支部设置", checkSetup},
	{model.AboutMembers, "检查党员信息", checkMembers},
	{model.AboutActivities, "计算合规日历", checkActivities},
	{model.AboutDues, "计算欠缴党费", checkDues},
	{model.AboutRecruiting, "检查发展党员", checkRecruiting},
	{model.AboutTransfers, "检查组织关系转接", checkTransfers},
}

// Branch is what the sources read: one store as of one day, its inputs read
// on first use and kept for the other sources.
type Branch struct {
	Store *storage.Store
	Today model.Date
	Year  int // the year of the compliance calendar
	Rules model.Rules

	profile *model.Profile
	members []model.Member
	held    []model.HeldActivity
	meeting *model.MeetingRules
	moves   *model.TransferRecords
}

// Profile is the branch's profile.
func (b *Branch) Profile() (*model.Profile, error) {
	if b.profile == nil {
		p, err := b.Store.Profile()
		if err != nil {
			return nil, err
		}
		b.profile = &p
	}
	return b.profile, nil
}

// Members is everyone ever on the roster.
func (b *Branch) Members() ([]model.Member, error) {
	if b.members == nil {
		ms, err := b.Store.Members()
		if err != nil {
			return nil, err
		}
		b.members = ms
	}
	return b.members, nil
}

// Held is every activity held up to the end of the calendar's year (or of
// today's, if later), with the quorum of each 支部党员大会 marked.
func (b *Branch) Held() ([]model.HeldActivity, error) {
	if b.held != nil {
		return b.held, nil
	}
	ms, err := b.Members()
	if err != nil {
		return nil, err
	}
	held, err := b.Store.HeldActivities(model.NewDate(1900, time.January, 1), model.NewDate(max(b.Year, b.Today.Year), time.December, 31))
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*model.Member, len(ms))
	for i := range ms {
		byID[ms[i].ID] = &ms[i]
	}
	model.MarkQuorum(held, byID, b.Rules.Branch)
	b.held = held
	if b.held == nil {
		b.held = []model.HeldActivity{}
	}
	return b.held, nil
}

// Transfers are the branch's transfer letters, incoming letters and the
// mobile-member and inflow-member registers.
func (b *Branch) Transfers() (*model.TransferRecords, error) {
	if b.moves == nil {
		d, err := b.Store.TransferRecords()
		if err != nil {
			return nil, err
		}
		b.moves = &d
	}
	return b.moves, nil
}

// MeetingRules are the activity frequencies as they apply to this branch.
func (b *Branch) MeetingRules() (model.MeetingRules, error) {
	if b.meeting == nil {
		r, err := activityfile.New(b.Store).MeetingRules()
		if err != nil {
			return model.MeetingRules{}, err
		}
		b.meeting = &r
	}
	return *b.meeting, nil
}

// Collect runs every source over the store as of today, with the compliance
// calendar of year, and returns the findings sorted for home
// (model.SortFindings). A source that fails leaves its findings out; the
// error names each failure, and the report holds what the others found.
func Collect(store *storage.Store, today model.Date, year int) (model.BranchReport, error) {
	b := &Branch{Store: store, Today: today, Year: year, Rules: model.CurrentRules()}
	r := model.BranchReport{Today: today}
	var errs []error
	for _, src := range Sources {
		if err := src.Check(b, &r); err != nil {
			r.Failed = append(r.Failed, src.Topic)
			errs = append(errs, fmt.Errorf("%s：%w", src.Doing, err))
		}
	}
	model.SortFindings(r.Findings)
	return r, errors.Join(errs...)
}

// Service is Collect for the window: the store's today and its year.
type Service struct{ store *storage.Store }

// New returns the service over store.
func New(store *storage.Store) *Service { return &Service{store: store} }

// Findings collects the branch's findings as of today.
func (s *Service) Findings(today model.Date) (model.BranchReport, error) {
	return Collect(s.store, today, today.Year)
}

func checkSetup(b *Branch, r *model.BranchReport) error {
	p, err := b.Profile()
	if err != nil {
		return err
	}
	ms, err := b.Members()
	if err != nil {
		return err
	}
	r.Findings = append(r.Findings, model.CheckSetup(p, model.CountRoster(ms), b.Today, b.Rules.Branch)...)
	r.Findings = append(r.Findings, model.CommitteeFindings(p.Committee, ms)...)
	return nil
}

func checkMembers(b *Branch, r *model.BranchReport) error {
	ms, err := b.Members()
	if err != nil {
		return err
	}
	p, err := b.Profile()
	if err != nil {
		return err
	}
	r.Findings = append(r.Findings, model.CheckRoster(ms, b.Today, b.Rules)...)
	r.Findings = append(r.Findings, model.CheckBranchNames(ms, p)...)
	r.Findings = append(r.Findings, model.CheckRecords(ms, b.Today, b.Rules)...)
	return nil
}

func checkActivities(b *Branch, r *model.BranchReport) error {
	ms, err := b.Members()
	if err != nil {
		return err
	}
	held, err := b.Held()
	if err != nil {
		return err
	}
	rules, err := b.MeetingRules()
	if err != nil {
		return err
	}
	p, err := b.Profile()
	if err != nil {
		return err
	}
	created, err := b.Store.FileCreated()
	if err != nil {
		return err
	}
	var first model.Date
	if len(held) > 0 {
		first = held[0].Date
	}
	moves, err := b.Transfers()
	if err != nil {
		return err
	}
	since := model.RecordsBegin(p.FoundedOn, first, created)
	r.Calendar = model.ComplianceCalendar(b.Year, held, rules, since, b.Today)
	mobile := model.MobileAbsences(moves.Mobile, b.Today, model.CurrentMobileRules())
	r.Participation = model.ParticipationWith(ms, held, b.Today, rules, b.Rules.Constitution, mobile, since)
	r.Findings = append(r.Findings, model.InquorateFindings(b.Year, held, b.Rules.Branch)...)
	away, err := b.Store.OfficersAway(model.NewDate(b.Year, time.January, 1), model.NewDate(b.Year, time.December, 31))
	if err != nil {
		return err
	}
	for i := range away {
		r.Findings = append(r.Findings, away[i].OfficerFindings()...)
	}
	r.Findings = append(r.Findings, r.Calendar.Findings()...)
	r.Findings = append(r.Findings, model.ParticipationFindings(r.Participation, b.Rules.Constitution)...)
	return nil
}

func checkDues(b *Branch, r *model.BranchReport) error {
	ms, err := b.Members()
	if err != nil {
		return err
	}
	h, err := b.Store.DuesHistory(b.Today.Year)
	if err != nil {
		return err
	}
	dr := model.CurrentDuesRules()
	r.Arrears = model.Arrears(ms, h, b.Today, dr, b.Rules.Constitution)
	r.BaseGaps = model.BaseGaps(ms, h, b.Today, dr)
	r.RecordGaps = model.RecordGaps(ms, h, dr)
	r.Findings = append(r.Findings, model.DuesFindings(r.Arrears, r.BaseGaps, b.Rules.Constitution)...)
	r.Findings = append(r.Findings, model.RecordFindings(r.RecordGaps)...)
	return nil
}

func checkRecruiting(b *Branch, r *model.BranchReport) error {
	p, err := recruitfile.New(b.Store).Pipeline()
	if err != nil {
		return err
	}
	fs := recruitfile.Listed(p.Findings())
	for i := range fs {
		fs[i].About = model.AboutRecruiting
	}
	// The roster's "probation ended without a decision" opens the pipeline
	// page of the person, where 转正 is recorded.
	model.LinkProbationFindings(r.Findings, p.Recruits)
	r.Findings = append(r.Findings, fs...)
	return nil
}

// checkTransfers adds the findings on letters out and in, mobile members
// and members from elsewhere (model.CheckTransfers), and holds back the
// roster's "probation ended" finding for a probationary member transferred
// in while the rules let the 转正 discussion wait.
func checkTransfers(b *Branch, r *model.BranchReport) error {
	ms, err := b.Members()
	if err != nil {
		return err
	}
	d, err := b.Transfers()
	if err != nil {
		return err
	}
	r.Findings = model.DropPostponedProbationFindings(r.Findings, model.PostponedProbations(d.Ins, ms, b.Today, b.Rules.Membership))
	r.Findings = append(r.Findings, model.CheckTransfers(d, ms, b.Today, model.CurrentTransferRules(), model.CurrentMobileRules(), b.Rules.Membership)...)
	return nil
}
