// Package activityfile is the service behind the 活动 screen and the
// `activity` and `check` commands: it joins the store's activity records with
// the rules of model (quorum, 补录, the compliance calendar, participation) and
// writes the printed 会议记录 and 活动台账. The window and the command line
// both call it, so both behave alike.
package activityfile

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/xlsx"
)

// Service works on the activity records of one store.
type Service struct {
	store *storage.Store
}

// New returns the service for store.
func New(store *storage.Store) *Service {
	return &Service{store: store}
}

// Compliance works out the calendar of year and the members' participation
// as of today, with the branch set-up findings.
func (s *Service) Compliance(year int) (model.ComplianceReport, error) {
	today := s.store.Today()
	d, err := s.load(max(year, today.Year))
	if err != nil {
		return model.ComplianceReport{}, err
	}
	since, err := s.recordsBegin(&d.profile, d.held)
	if err != nil {
		return model.ComplianceReport{}, err
	}
	r := model.CurrentRules()
	c := model.ComplianceReport{
		Calendar:      model.ComplianceCalendar(year, d.held, d.rules, since, today),
		Participation: model.ParticipationWith(d.members, d.held, today, d.rules, r.Constitution, d.mobile, since),
	}
	c.Findings = model.CheckSetup(&d.profile, model.CountRoster(d.members), today, r.Branch)
	c.Findings = append(c.Findings, model.CheckRoster(d.members, today, r)...)
	c.Findings = append(c.Findings, model.InquorateFindings(year, d.held, r.Branch)...)
	c.Findings = append(c.Findings, c.Calendar.Findings()...)
	c.Findings = append(c.Findings, model.ParticipationFindings(c.Participation, r.Constitution)...)
	return c, nil
}

// ParticipationByMember is each member's time without organisational life as
// of today, by member ID, for the roster's column. Members the check leaves
// out (mobile members away and reporting, off the roster) are absent.
func (s *Service) ParticipationByMember() (map[int64]model.MemberParticipation, error) {
	today := s.store.Today()
	d, err := s.load(today.Year)
	if err != nil {
		return nil, err
	}
	since, err := s.recordsBegin(&d.profile, d.held)
	if err != nil {
		return nil, err
	}
	ps := model.ParticipationWith(d.members, d.held, today, d.rules, model.CurrentRules().Constitution, d.mobile, since)
	out := make(map[int64]model.MemberParticipation, len(ps))
	for _, p := range ps {
		out[p.MemberID] = p
	}
	return out, nil
}

// checkData is what the compliance checks read.
type checkData struct {
	profile model.Profile
	members []model.Member
	rules   model.MeetingRules
	held    []model.HeldActivity
	// mobile is how the mobile-member register has participation count
	// its members (model.MobileAbsences).
	mobile map[int64]model.MobileAbsence
}

// load reads the profile, the roster, the branch's rules and every activity
// held up to the end of year: participation counts from a member's last
// attendance however long ago, and from the first record for one who never
// came.
func (s *Service) load(year int) (checkData, error) {
	var d checkData
	var err error
	if d.profile, err = s.store.Profile(); err != nil {
		return d, err
	}
	if d.members, err = s.store.Members(); err != nil {
		return d, err
	}
	if d.rules, err = s.MeetingRules(); err != nil {
		return d, err
	}
	if d.held, err = s.store.HeldActivities(model.NewDate(1900, time.January, 1), model.NewDate(year, time.December, 31)); err != nil {
		return d, err
	}
	model.MarkQuorum(d.held, byID(d.members), model.CurrentRules().Branch)
	mobile, err := s.store.MobileMembers()
	if err != nil {
		return d, err
	}
	d.mobile = model.MobileAbsences(mobile, s.store.Today(), model.CurrentMobileRules())
	return d, nil
}

// recordsBegin is where the calendar starts owing activities; held is in
// date order, as the store returns it.
func (s *Service) recordsBegin(p *model.Profile, held []model.HeldActivity) (model.Date, error) {
	created, err := s.store.FileCreated()
	if err != nil {
		return model.Date{}, err
	}
	var first model.Date
	if len(held) > 0 {
		first = held[0].Date
	}
	return model.RecordsBegin(p.FoundedOn, first, created), nil
}

// MeetingRules are the activity frequencies as they apply to this branch:
// committee meetings if it has a committee, party-group meetings if it has
// groups, and its local 党课 frequency.
func (s *Service) MeetingRules() (model.MeetingRules, error) {
	setup, err := s.MeetingSetup()
	if err != nil {
		return model.MeetingRules{}, err
	}
	return model.MeetingRules2018.ForBranch(setup), nil
}

// MeetingSetup is the branch's meeting set-up; HasCommittee follows from the
// profile (a committee of at least the rules' minimum size).
func (s *Service) MeetingSetup() (model.BranchMeetingSetup, error) {
	setup, err := s.store.MeetingSetup()
	if err != nil {
		return setup, err
	}
	profile, err := s.store.Profile()
	if err != nil {
		return setup, err
	}
	setup.HasCommittee = len(profile.Committee) >= model.CurrentRules().Branch.CommitteeMinSize
	return setup, nil
}

// SaveMeetingSetup stores whether the branch has party groups and its local
// 党课 frequency.
func (s *Service) SaveMeetingSetup(b model.BranchMeetingSetup) error {
	return s.store.SaveMeetingSetup(b)
}

// RuleContext is what the quorum and vote checks of a record read: the
// roster and the committee as stored now. A form loads it once, not at every
// change of the record.
func (s *Service) RuleContext() (model.RuleContext, error) {
	_, c, err := s.context()
	return c, err
}

func byID(ms []model.Member) map[int64]*model.Member {
	out := make(map[int64]*model.Member, len(ms))
	for i := range ms {
		out[ms[i].ID] = &ms[i]
	}
	return out
}

// DueMembers are the members an activity of kind on date expects, for the
// attendance grid.
func (s *Service) DueMembers(kind model.ActivityKind, date model.Date) ([]model.Member, error) {
	members, err := s.store.Members()
	if err != nil {
		return nil, err
	}
	profile, err := s.store.Profile()
	if err != nil {
		return nil, err
	}
	events, err := s.store.EventsByMember()
	if err != nil {
		return nil, err
	}
	return model.DueMembersThen(kind, date, members, profile.Committee, events), nil
}

// GuestsOn are the members from elsewhere (流入党员) taking part here on
// date, in the order of the register: those the form offers as
// non-voting attendees (列席).
func (s *Service) GuestsOn(date model.Date) ([]model.InflowMember, error) {
	all, err := s.store.InflowMembers()
	if err != nil {
		return nil, err
	}
	var out []model.InflowMember
	for i := range all {
		if all[i].Here(date) {
			out = append(out, all[i])
		}
	}
	return out, nil
}

// MobileMembers is the 流动党员 register, for the attendance grid to mark a
// member away on the day absent rather than present.
func (s *Service) MobileMembers() ([]model.MobileMember, error) {
	return s.store.MobileMembers()
}

// ReadAttachment reads a photo or scan the user chose, refusing a file over
// the size limit before reading it, and one whose content is not what its
// name says.
func (s *Service) ReadAttachment(path string) (model.Attachment, error) {
	name := filepath.Base(path)
	fi, err := os.Stat(path)
	if err != nil {
		return model.Attachment{}, fmt.Errorf("无法读取附件 %s：%w", name, err)
	}
	if fi.Size() > model.MaxAttachmentBytes {
		_, err := model.SniffAttachment(name, make([]byte, fi.Size()))
		return model.Attachment{}, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return model.Attachment{}, fmt.Errorf("无法读取附件 %s：%w", name, err)
	}
	t, err := model.SniffAttachment(name, data)
	if err != nil {
		return model.Attachment{}, err
	}
	return model.Attachment{Name: name, Type: t, Size: int64(len(data)), Data: data}, nil
}

// AttachFile adds the file at path to a stored record.
func (s *Service) AttachFile(activityID int64, path string) (model.Attachment, error) {
	at, err := s.ReadAttachment(path)
	if err != nil {
		return model.Attachment{}, err
	}
	return s.store.AddAttachment(activityID, at.Name, at.Data)
}

// IsLate reports whether a record was entered late (补录).
func IsLate(a *model.Activity) bool { return a.EnteredLate(model.RecordKeeping2018) }

func printed(a model.Activity, c *model.RuleContext) xlsx.ActivityPrint {
	q := c.Quorum(&a)
	return xlsx.ActivityPrint{Activity: a, Late: IsLate(&a), Checks: c.Check(&a), Inquorate: q.Inquorate, Shortfall: q.Shortfall(c.Rules).String()}
}

// ExportActivity writes the 会议记录 form of one record to path.
func (s *Service) ExportActivity(id int64, path string) error {
	a, err := s.store.Activity(id)
	if err != nil {
		return err
	}
	profile, c, err := s.context()
	if err != nil {
		return err
	}
	return xlsx.WriteActivityFormFile(path, profile.BranchName, printed(a, &c), s.store.Today())
}

// ExportLedger writes the year's 活动台账, with one form per record, to path
// and returns how many records it holds.
func (s *Service) ExportLedger(year int, path string) (int, error) {
	acts, err := s.store.Activities(year)
	if err != nil {
		return 0, err
	}
	profile, c, err := s.context()
	if err != nil {
		return 0, err
	}
	prints := make([]xlsx.ActivityPrint, len(acts))
	for i := range acts {
		prints[i] = printed(acts[i], &c)
	}
	if err := xlsx.WriteActivityLedgerFile(path, profile.BranchName, year, prints, s.store.Today()); err != nil {
		return 0, err
	}
	return len(acts), nil
}

// context is the profile and the rule context of the records as stored now.
func (s *Service) context() (model.Profile, model.RuleContext, error) {
	profile, err := s.store.Profile()
	if err != nil {
		return profile, model.RuleContext{}, err
	}
	members, err := s.store.Members()
	if err != nil {
		return profile, model.RuleContext{}, err
	}
	return profile, model.RuleContext{Members: byID(members), CommitteeSeats: len(profile.Committee), Rules: model.CurrentRules().Branch, FoundedOn: profile.FoundedOn,
		CommitteeOffRoster: model.CommitteeOffRoster(profile.Committee, members)}, nil
}

// UpcomingPlans are the plans of this month and the next months ahead.
func (s *Service) UpcomingPlans(months int) ([]model.Plan, error) {
	today := s.store.Today()
	var all []model.Plan
	for y := today.Year; y <= today.AddMonths(months).Year; y++ {
		ps, err := s.store.Plans(y)
		if err != nil {
			return nil, err
		}
		all = append(all, ps...)
	}
	return model.UpcomingPlans(all, today, months), nil
}

// The record-keeping calls of the store, so that the 活动 screen needs one
// service.

// Activities returns the records of a year, without attachment bytes.
func (s *Service) Activities(year int) ([]model.Activity, error) { return s.store.Activities(year) }

// Activity returns one record.
func (s *Service) Activity(id int64) (model.Activity, error) { return s.store.Activity(id) }

// SaveActivity enters or saves a record in one transaction.
func (s *Service) SaveActivity(a model.Activity) (model.Activity, error) {
	return s.store.SaveActivity(a)
}

// ActivityChanges returns a record's edits, newest first.
func (s *Service) ActivityChanges(id int64) ([]model.ActivityChange, error) {
	return s.store.ActivityChanges(id)
}

// AttachmentData returns an attachment's bytes.
func (s *Service) AttachmentData(id int64) ([]byte, error) { return s.store.AttachmentData(id) }

// MemberAttendance lists the activities a member was due at, newest first.
func (s *Service) MemberAttendance(memberID int64) ([]model.MemberAttendance, error) {
	return s.store.MemberAttendance(memberID)
}

// Plans returns the plans of a year.
func (s *Service) Plans(year int) ([]model.Plan, error) { return s.store.Plans(year) }

// SavePlan adds or changes a plan.
func (s *Service) SavePlan(p model.Plan) (model.Plan, error) { return s.store.SavePlan(p) }

// DeletePlan removes a plan.
func (s *Service) DeletePlan(id int64) error { return s.store.DeletePlan(id) }
