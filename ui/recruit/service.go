// Package recruit is the 发展党员 section of the window: everyone in the
// recruiting pipeline, each person's page with the 25 steps as a timeline of
// 5 stages (done, due, overdue or not yet reachable) and the next action, a
// form per step with what that step needs, the import of the pipeline a
// branch keeps in Excel, the printed 纪实表, 公示 and 工作台账, and the
// holiday calendar in 设置. It depends on the narrow Service below and on the
// window through kit.Host, never on the database.
package recruit

import (
	"branchledger/model"
	"branchledger/ui/kit"
)

// formShown, when set (by tests), is told of every form the section opens
// with its fields, so that a test can fill them by label.
var formShown func(f *kit.Form, fields []*kit.Field)

// Service is what the section needs (implemented by
// *recruitfile.Service).
type Service interface {
	// Pipeline is everyone with what the checks found, as of today.
	Pipeline() (model.RecruitPipeline, error)
	// SaveRecruit enters (ID 0) or saves a person with their steps; field
	// problems come back as model.ValidationErrors.
	SaveRecruit(r model.Recruit) (model.Recruit, error)
	RecruitChanges(id int64) ([]model.RecruitChange, error)
	// Meetings are the meeting records of a kind a step may link to,
	// newest first.
	Meetings(kind model.ActivityKind) ([]model.Activity, error)
	// FullMembers are the roster's full members today: mentors and
	// sponsors are chosen among them.
	FullMembers() ([]model.Member, error)
	// ReadAttachment reads and checks a scan the user chose;
	// AttachmentData is a stored scan's bytes.
	ReadAttachment(path string) (model.Attachment, error)
	AttachmentData(id int64) ([]byte, error)

	PreviewImport(path string) (model.RecruitImportPreview, error)
	CommitImport(p model.RecruitImportPreview) (added, updated int, err error)
	ExportLedger(path string) (int, error)
	ExportRecord(id int64, path string) error
	ExportCandidateNotice(id int64, path string) error
	ExportAdmissionNotice(id int64, path string) error

	// The holiday calendar: the user's own days, and the whole calendar.
	Holidays() ([]model.HolidayDay, error)
	SaveHoliday(h model.HolidayDay) error
	DeleteHoliday(d model.Date) error
	Calendar() (model.HolidayCalendar, error)
}
