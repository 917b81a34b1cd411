// Package ui is the desktop interface of 支部台账: the main window with its
// navigation, one file per screen, and the dialogs those screens open. Screens
// talk to narrow service interfaces, never to the database or to files, so
// that they can be tested with in-memory fakes.
package ui

import (
	"branchledger/model"
	"branchledger/ui/backup"
	"branchledger/ui/datafile"
	"branchledger/ui/instructor"
	"branchledger/ui/recruit"
	"branchledger/ui/transfer"
)

// Roster is the member register (implemented by *storage.Store).
type Roster interface {
	// Members returns everyone ever on the roster, including those who left.
	Members() ([]model.Member, error)
	Member(id int64) (model.Member, error)
	// AddMember adds m; via is a 转入 event for a member transferred in, or
	// nil. Field problems come back as model.ValidationErrors.
	AddMember(m model.Member, via *model.MembershipEvent) (model.Member, error)
	// UpdateMember saves m and returns what changed; field problems come back
	// as model.ValidationErrors.
	UpdateMember(m model.Member) ([]model.FieldChange, error)
	RecordEvent(e model.MembershipEvent) (model.Member, error)
	MemberEvents(memberID int64) ([]model.MembershipEvent, error)
	// LaterRecords are the member's records dated after date (attendance,
	// 转正, 转入, payment): a leaving event may not predate them.
	LaterRecords(memberID int64, date model.Date) ([]model.DatedRecord, error)
	MemberChanges(memberID int64) ([]model.FieldChange, error)
}

// Branch keeps the branch's profile (implemented by *storage.Store).
type Branch interface {
	Profile() (model.Profile, error)
	// SaveProfile returns model.ValidationErrors for field problems.
	SaveProfile(p model.Profile) error
	// SaveProfileAligning saves the profile and, in the same transaction,
	// sets every member on the roster whose 所在党支部 differs to the
	// branch's name (recorded in their history); it returns how many.
	SaveProfileAligning(p model.Profile) (int, error)
}

// RosterFiles reads and writes roster workbooks.
type RosterFiles interface {
	// PreviewImport reads the file and plans the import without writing
	// anything; its error is a Chinese sentence about the file.
	PreviewImport(path string) (model.ImportPreview, error)
	// PreviewImportWith plans again with the user's choices (sheets,
	// names for 所在党支部) from the workbook already read.
	PreviewImportWith(path string, c model.ImportChoice) (model.ImportPreview, error)
	// CommitImport carries out a previewed plan in one transaction.
	CommitImport(p model.ImportPreview) (added, updated int, err error)
	// WriteRejected writes the refused rows of a preview to path in the
	// layout of their file, to be fixed and imported again; it returns
	// how many rows it wrote. progress hears how many rows of how many
	// are copied; its error (cancelled) stops the copy, nothing written.
	WriteRejected(p model.ImportPreview, path string, progress func(done, total int) error) (int, error)
	// ExportRoster writes the print-ready 花名册 and returns how many members
	// it holds.
	ExportRoster(path string) (int, error)
}

// Activities keeps the branch's activity records and plans and works out
// where the branch stands (implemented by *activityfile.Service).
type Activities interface {
	Activities(year int) ([]model.Activity, error)
	Activity(id int64) (model.Activity, error)
	// SaveActivity enters (ID 0) or saves a record; field problems come
	// back as model.ValidationErrors.
	SaveActivity(a model.Activity) (model.Activity, error)
	ActivityChanges(id int64) ([]model.ActivityChange, error)
	AttachmentData(id int64) ([]byte, error)
	Plans(year int) ([]model.Plan, error)
	SavePlan(p model.Plan) (model.Plan, error)
	DeletePlan(id int64) error
	UpcomingPlans(months int) ([]model.Plan, error)

	// DueMembers are the members the attendance grid lists.
	DueMembers(kind model.ActivityKind, date model.Date) ([]model.Member, error)
	// GuestsOn are the members from elsewhere (流入党员) taking part here
	// on date, whom the form offers as non-voting attendees (列席).
	GuestsOn(date model.Date) ([]model.InflowMember, error)
	// MobileMembers is the 流动党员 register: a member away on the day is
	// pre-filled absent (外出) rather than present.
	MobileMembers() ([]model.MobileMember, error)
	// RuleContext is what the quorum and vote rules check a record against;
	// a form loads it once and checks the record as it is typed.
	RuleContext() (model.RuleContext, error)
	// ReadAttachment reads and checks a file the user chose.
	ReadAttachment(path string) (model.Attachment, error)
	AttachFile(activityID int64, path string) (model.Attachment, error)
	Compliance(year int) (model.ComplianceReport, error)
	Participation
	// MeetingSetup is whether the branch has a committee and party groups
	// and its local 党课 frequency; SaveMeetingSetup stores the last two
	// (the committee follows from the profile).
	MeetingSetup() (model.BranchMeetingSetup, error)
	SaveMeetingSetup(b model.BranchMeetingSetup) error
	// MemberAttendance lists the activities a member was due at, newest
	// first, for their page.
	MemberAttendance(memberID int64) ([]model.MemberAttendance, error)
	ExportActivity(id int64, path string) error
	ExportLedger(year int, path string) (int, error)
}

// Participation says how long each member has gone without organisational
// life, by member ID; the roster shows it in a column. Members the check
// leaves out (mobile members) are absent from the map.
type Participation interface {
	ParticipationByMember() (map[int64]model.MemberParticipation, error)
}

// Findings gathers every finding of the branch as of a day, with the
// figures the screens show beside them (implemented by *findings.Service):
// the same list `branchledger check` prints.
type Findings interface {
	Findings(today model.Date) (model.BranchReport, error)
}

// Services is everything the window needs from outside the UI.
type Services struct {
	Roster Roster
	Branch Branch
	Files  RosterFiles
	// Activities may be nil in tests of other screens; the window then has
	// no 活动 screen.
	Activities Activities
	// Dues and DuesFiles may be nil in tests of other screens; the window
	// then has no 党费 screen.
	Dues      DuesLedger
	DuesFiles DuesFiles
	// Recruiting may be nil in tests of other screens; the window then has
	// no 发展党员 section.
	Recruiting recruit.Service
	// Transfers may be nil in tests of other screens; the window then has
	// no 组织关系 section, and a member's page no 开具介绍信.
	Transfers transfer.Service
	// Findings may be nil in tests of single screens; the window then
	// works the checks out from the services above.
	Findings Findings
	// Version is the app's version and SQLiteVersion reports the SQLite
	// engine's, for 帮助 → 关于; both may be unset in tests.
	Version       string
	SQLiteVersion func() (string, error)

	// Today is the calendar date rules are checked on; nil means the clock.
	// Tests set it so that ages and terms do not drift.
	Today func() model.Date

	// Backups are the data file's backups and restores (设置 → 备份与恢复);
	// nil in tests of other screens.
	Backups backup.Service

	// Instructor is the instructor's key and 导出数据包 (设置 → 指导员);
	// OpenWorkspace opens the instructor's workspace in a window of its
	// own. Either may be nil in tests of other screens.
	Instructor    instructor.Service
	OpenWorkspace func()

	// Open opens the data file at path and returns the services over it;
	// Close releases the file these services work on. With both set the
	// window can close its file and reopen on another (恢复, 打开其他数据文件,
	// 新建数据文件: see shell.SwitchFile); tests of other screens leave
	// them nil.
	Open  Opener
	Close func() error

	// File is the data file itself: read-only or not, its integrity
	// check, 检查数据文件. Nil in tests of other screens: no banner, no
	// 检查数据文件.
	File datafile.File
	// DailyBackup delivers the result of the day's automatic backup, which
	// main starts as the file opens; a failure is said in the window's
	// banner. nil: no backup is made (tests, a read-only file).
	DailyBackup <-chan error

	// SoftwareRendering says the window draws with Mesa's software OpenGL
	// (兼容模式: no OpenGL 2.1 driver, see ui/launch); its title says so.
	SoftwareRendering bool
	// CompatNote is the note that keeps this computer in 兼容模式 after a
	// start that ended while making its window (launch.Note), "" when the
	// window is in 兼容模式 for the driver's own answer or not at all;
	// 设置 offers to delete it.
	CompatNote string

	// PortableDir is the data folder beside the program when the app runs
	// in portable mode (storage.PortableDir), "" otherwise; 设置 then says
	// that the data and the preferences stay in that folder.
	PortableDir string
}

// Opener opens the data file at path (creating it if it does not exist) and
// returns the services over it; its errors are sentences about the file, as
// storage.Open's are. main implements it over storage.
type Opener func(path string) (Services, error)

func (s Services) today() model.Date {
	if s.Today == nil {
		return model.Today()
	}
	return s.Today()
}
