// Package recruitfile is the service behind the 发展党员 screen and the
// `recruit` commands: it joins the store's pipeline with the roster, the
// linked meeting records and the holiday calendar, checks it by the rules of
// model, imports the pipeline workbooks branches keep and writes the printed
// 纪实表, 公示 and 发展党员工作台账. The window and the command line both call
// it, so both behave alike.
package recruitfile

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/backup"
	"branchledger/storage/xlsx"
)

// Service works on the recruiting pipeline of one store.
type Service struct {
	store *storage.Store
}

// New returns the service for store.
func New(store *storage.Store) *Service { return &Service{store: store} }

// Pipeline reads and checks the whole pipeline.
func (s *Service) Pipeline() (model.RecruitPipeline, error) {
	rs, err := s.store.Recruits()
	if err != nil {
		return model.RecruitPipeline{}, err
	}
	c, titles, err := s.context(rs)
	if err != nil {
		return model.RecruitPipeline{}, err
	}
	p := model.RecruitPipeline{Recruits: rs, Reports: make(map[int64]model.RecruitReport, len(rs)), Meetings: titles}
	for i := range rs {
		p.Reports[rs[i].ID] = model.CheckRecruit(&rs[i], c)
	}
	return p, nil
}

// Findings are the pipeline's findings as of today that home and `check`
// list (see Listed).
func (s *Service) Findings() ([]model.Finding, error) {
	p, err := s.Pipeline()
	if err != nil {
		return nil, err
	}
	return Listed(p.Findings()), nil
}

// Listed keeps the findings home and `check` list: overdue steps,
// deadlines within model.RecruitDueSoonDays and breaches of the rules
// (提醒 and 严重). The 提示 about details not yet recorded (who talked,
// how an activist was recommended, a meeting not linked) stay on the
// person's page, where they are dealt with; listed for every person on
// home they would bury the deadlines.
func Listed(fs []model.Finding) []model.Finding {
	var out []model.Finding
	for _, f := range fs {
		if f.Severity >= model.Warning {
			out = append(out, f)
		}
	}
	return out
}

// Check is one person's record and report.
func (s *Service) Check(id int64) (model.Recruit, model.RecruitReport, error) {
	r, err := s.store.Recruit(id)
	if err != nil {
		return r, model.RecruitReport{}, err
	}
	c, _, err := s.context([]model.Recruit{r})
	if err != nil {
		return r, model.RecruitReport{}, err
	}
	return r, model.CheckRecruit(&r, c), nil
}

// context is what the checks read: the roster, the meeting records the
// pipeline links, the committee and the holiday calendar.
func (s *Service) context(rs []model.Recruit) (*model.RecruitContext, map[int64]string, error) {
	members, err := s.store.Members()
	if err != nil {
		return nil, nil, err
	}
	profile, err := s.store.Profile()
	if err != nil {
		return nil, nil, err
	}
	cal, err := s.store.HolidayCalendar()
	if err != nil {
		return nil, nil, err
	}
	byID := make(map[int64]*model.Member, len(members))
	for i := range members {
		byID[members[i].ID] = &members[i]
	}
	acts := map[int64]*model.Activity{}
	titles := map[int64]string{}
	for _, r := range rs {
		for _, x := range r.Records {
			if x.ActivityID == 0 || acts[x.ActivityID] != nil {
				continue
			}
			a, err := s.store.Activity(x.ActivityID)
			if err != nil {
				continue // reported by the check as a lost link
			}
			acts[a.ID] = &a
			titles[a.ID] = a.Title()
		}
	}
	return &model.RecruitContext{
		Members:    byID,
		Activities: acts,
		Meetings:   model.RuleContext{Members: byID, CommitteeSeats: len(profile.Committee), Rules: model.CurrentRules().Branch},
		Calendar:   cal,
		Today:      s.store.Today(),
	}, titles, nil
}

// Recruit returns one person.
func (s *Service) Recruit(id int64) (model.Recruit, error) { return s.store.Recruit(id) }

// SaveRecruit enters or saves a person with their steps (see
// storage.Store.SaveRecruit).
func (s *Service) SaveRecruit(r model.Recruit) (model.Recruit, error) { return s.store.SaveRecruit(r) }

// RecruitChanges is the history of a person's record, newest first.
func (s *Service) RecruitChanges(id int64) ([]model.RecruitChange, error) {
	return s.store.RecruitChanges(id)
}

// AttachmentData returns a scanned document's bytes.
func (s *Service) AttachmentData(id int64) ([]byte, error) { return s.store.RecruitAttachmentData(id) }

// Meetings are the meeting records of kind a step may link to, newest
// first, from the last three years.
func (s *Service) Meetings(kind model.ActivityKind) ([]model.Activity, error) {
	today := s.store.Today()
	var out []model.Activity
	for y := today.Year; y >= today.Year-2; y-- {
		acts, err := s.store.Activities(y)
		if err != nil {
			return nil, err
		}
		for i := len(acts) - 1; i >= 0; i-- {
			if acts[i].Kind == kind {
				out = append(out, acts[i])
			}
		}
	}
	return out, nil
}

// FullMembers are the roster's full members today, from whom mentors and
// sponsors are chosen.
func (s *Service) FullMembers() ([]model.Member, error) {
	ms, err := s.store.Members()
	if err != nil {
		return nil, err
	}
	var out []model.Member
	for _, m := range ms {
		if m.OnRoster && m.Category == model.CategoryFull {
			out = append(out, m)
		}
	}
	return out, nil
}

// Holidays, SaveHoliday and DeleteHoliday manage the user's days of the
// holiday calendar; Calendar is the whole calendar.
func (s *Service) Holidays() ([]model.HolidayDay, error)    { return s.store.Holidays() }
func (s *Service) SaveHoliday(h model.HolidayDay) error     { return s.store.SaveHoliday(h) }
func (s *Service) DeleteHoliday(d model.Date) error         { return s.store.DeleteHoliday(d) }
func (s *Service) Calendar() (model.HolidayCalendar, error) { return s.store.HolidayCalendar() }

// PreviewImport reads the pipeline workbook at path and works out what
// importing it would do, writing nothing. The error is a Chinese sentence
// saying why the file cannot be read as a pipeline.
func (s *Service) PreviewImport(path string) (model.RecruitImportPreview, error) {
	rf, err := xlsx.ReadRecruitFile(path, s.store.Today())
	if err != nil {
		return model.RecruitImportPreview{}, err
	}
	rows := make([]storage.RecruitRow, len(rf.Rows))
	for i, r := range rf.Rows {
		rows[i] = storage.RecruitRow{Row: r.Row, Recruit: r.Recruit}
	}
	p, err := s.store.PlanRecruitImport(path, rows)
	if err != nil {
		return p, err
	}
	p.Sheet, p.HeaderRow, p.Columns, p.Ignored, p.Notes = rf.Sheet, rf.HeaderRow, rf.Columns, rf.Ignored, rf.Notes
	p.Rejected = append(rf.Rejected, p.Rejected...)
	sort.SliceStable(p.Rejected, func(i, j int) bool { return p.Rejected[i].Row < p.Rejected[j].Row })
	return p, nil
}

// CommitImport carries out a previewed import in one transaction.
func (s *Service) CommitImport(p model.RecruitImportPreview) (added, updated int, err error) {
	if err := backup.Before(s.store, storage.BackupImport); err != nil {
		return 0, 0, err
	}
	return s.store.ApplyRecruitImport(p)
}

// ExportLedger writes the 发展党员工作台账 of everyone in the pipeline to path
// and returns how many people it lists.
func (s *Service) ExportLedger(path string) (int, error) {
	p, err := s.Pipeline()
	if err != nil {
		return 0, err
	}
	profile, err := s.store.Profile()
	if err != nil {
		return 0, err
	}
	prints := make([]xlsx.RecruitPrint, len(p.Recruits))
	for i, r := range p.Recruits {
		prints[i] = xlsx.RecruitPrint{Recruit: r, Report: p.Reports[r.ID], Meetings: p.Meetings}
	}
	if err := xlsx.WriteRecruitLedgerFile(path, profile.BranchName, prints, s.store.Today()); err != nil {
		return 0, err
	}
	return len(prints), nil
}

// ExportRecord writes a person's 发展党员全程纪实表 to path.
func (s *Service) ExportRecord(id int64, path string) error {
	r, rep, err := s.Check(id)
	if err != nil {
		return err
	}
	profile, err := s.store.Profile()
	if err != nil {
		return err
	}
	_, titles, err := s.context([]model.Recruit{r})
	if err != nil {
		return err
	}
	return xlsx.WriteRecruitRecordFile(path, profile.BranchName, xlsx.RecruitPrint{Recruit: r, Report: rep, Meetings: titles}, s.store.Today())
}

// ErrNoNotice is returned when a notice is asked for that has no dates yet.
var ErrNoNotice = fmt.Errorf("尚未登记公示的开始和结束日期")

// ExportCandidateNotice writes the notice of a person as 发展对象.
func (s *Service) ExportCandidateNotice(id int64, path string) error {
	return s.ExportNotice(id, xlsx.NoticeCandidate, path)
}

// ExportAdmissionNotice writes the notice of a person to be admitted as
// 预备党员.
func (s *Service) ExportAdmissionNotice(id int64, path string) error {
	return s.ExportNotice(id, xlsx.NoticeAdmission, path)
}

// ReadAttachment reads a scan the user chose, refusing a file over the size
// limit before reading it and one whose content is not what its name says.
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

// ExportNotice writes the public notice (公示) of a person to path: kind
// NoticeCandidate for 发展对象 (dates on the record of 发展对象备案),
// NoticeAdmission for 拟接收预备党员 (dates on the record of 填写入党志愿书).
func (s *Service) ExportNotice(id int64, kind xlsx.NoticeKind, path string) error {
	r, err := s.store.Recruit(id)
	if err != nil {
		return err
	}
	step := model.StepCandidateRecord
	if kind == xlsx.NoticeAdmission {
		step = model.StepForm
	}
	x := r.Record(step)
	if x == nil || x.Start.IsZero() {
		return fmt.Errorf("%s%w（%s）", r.Name, ErrNoNotice, step.Info().Name)
	}
	cal, err := s.store.HolidayCalendar()
	if err != nil {
		return err
	}
	profile, err := s.store.Profile()
	if err != nil {
		return err
	}
	n, exact := cal.WorkingDays(x.Start, x.End)
	return xlsx.WriteRecruitNoticeFile(path, profile.BranchName, xlsx.RecruitNotice{
		Kind: kind, Recruit: r, Start: x.Start, End: x.End, WorkingDays: n, Exact: exact,
		Contact: profile.ContactName, Phone: profile.ContactPhone,
	})
}
