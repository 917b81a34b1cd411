package storage

import (
	"database/sql/driver"
	"fmt"
	"slices"
	"time"

	"branchledger/model"
)

// stampLayout is how instants are stored: text that sorts in time order within
// one zone, that SQLite's date functions read, and that keeps the offset so a
// record shows the wall-clock time it was entered at.
const stampLayout = "2006-01-02 15:04:05.000-07:00"

// stamp is an instant stored as text. The columns are declared TEXT, not
// DATETIME, so the driver hands back plain strings: its own DATETIME parsing
// tries several layouts per value and would make loading a big roster slow.
type stamp time.Time

func (s stamp) Value() (driver.Value, error) {
	t := time.Time(s)
	if t.IsZero() {
		return nil, nil
	}
	return t.Format(stampLayout), nil
}

func (s *stamp) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*s = stamp{}
		return nil
	case string:
		return s.parse(v)
	case []byte:
		return s.parse(string(v))
	case time.Time:
		*s = stamp(v)
		return nil
	}
	return fmt.Errorf("storage: cannot read %T as a time", src)
}

func (s *stamp) parse(v string) error {
	t, err := time.Parse(stampLayout, v)
	if err != nil {
		return fmt.Errorf("storage: stored time %q: %w", v, err)
	}
	*s = stamp(t)
	return nil
}

// Rows of the tables of schema version 1. They follow the DDL in migrate.go;
// the DDL, not these structs, is the schema. The store sets created_at and
// updated_at itself, from its clock and as stamps: GORM's own timestamps
// would bypass stamp.Value and store another layout.

type branchRow struct {
	ID              int64 `gorm:"primaryKey"`
	UUID            string
	OrgName         string
	OrgType         string
	OrgAddress      string
	EmployeeCount   int
	BranchName      string
	BranchType      string
	FoundedOn       model.Date
	Secretary       string
	TermStart       model.Date
	TermEnd         model.Date
	InstructorName  string
	InstructorPhone string
	ContactName     string
	ContactPhone    string
	CreatedAt       stamp `gorm:"autoCreateTime:false"`
	UpdatedAt       stamp `gorm:"autoUpdateTime:false"`
}

func (branchRow) TableName() string { return "branch" }

type committeeRow struct {
	ID        int64 `gorm:"primaryKey"`
	BranchID  int64
	Seat      int // order on the form, from 1
	Name      string
	Role      string
	CreatedAt stamp `gorm:"autoCreateTime:false"`
	UpdatedAt stamp `gorm:"autoUpdateTime:false"`
}

func (committeeRow) TableName() string { return "committee_members" }

type memberRow struct {
	ID                int64 `gorm:"primaryKey"`
	Name              string
	Sex               string
	Ethnicity         string
	IDNumber          string `gorm:"column:id_number"`
	BirthDate         model.Date
	Education         string
	Category          string
	BranchName        string
	JoinDate          model.Date
	FullDate          model.Date
	Post              string
	Phone             string
	Address           string
	Standing          string
	LostContact       bool
	LostSince         model.Date
	Mobile            bool
	MobileDestination string
	Notes             string
	OnRoster          bool
	LeftBy            string
	LeftOn            model.Date
	ArrivedOn         model.Date // schema version 5
	CreatedAt         stamp      `gorm:"autoCreateTime:false"`
	UpdatedAt         stamp      `gorm:"autoUpdateTime:false"`
}

func (memberRow) TableName() string { return "members" }

// memberUpdateColumns are written when a member's record is edited; id and
// created_at never change.
var memberUpdateColumns = []string{
	"name", "sex", "ethnicity", "id_number", "birth_date", "education", "category",
	"branch_name", "join_date", "full_date", "post", "phone", "address", "standing",
	"lost_contact", "lost_since", "mobile", "mobile_destination", "notes",
	"on_roster", "left_by", "left_on", "arrived_on", "updated_at",
}

// memberInsertColumns are the columns appendValues gives values for, in its
// order.
var memberInsertColumns = append(slices.Clip(memberUpdateColumns), "created_at")

// appendUpdateValues appends the values for memberUpdateColumns.
func (r *memberRow) appendUpdateValues(args []any) []any {
	return append(args, r.Name, r.Sex, r.Ethnicity, r.IDNumber, r.BirthDate, r.Education, r.Category,
		r.BranchName, r.JoinDate, r.FullDate, r.Post, r.Phone, r.Address, r.Standing,
		r.LostContact, r.LostSince, r.Mobile, r.MobileDestination, r.Notes,
		r.OnRoster, r.LeftBy, r.LeftOn, r.ArrivedOn, r.UpdatedAt)
}

// appendValues appends the values for memberInsertColumns.
func (r *memberRow) appendValues(args []any) []any {
	return append(r.appendUpdateValues(args), r.CreatedAt)
}

func toMemberRow(m *model.Member) memberRow {
	return memberRow{
		ID: m.ID, Name: m.Name, Sex: string(m.Sex), Ethnicity: m.Ethnicity, IDNumber: m.IDNumber,
		BirthDate: m.BirthDate, Education: m.Education, Category: string(m.Category),
		BranchName: m.BranchName, JoinDate: m.JoinDate, FullDate: m.FullDate, Post: m.Post,
		Phone: m.Phone, Address: m.Address, Standing: string(m.Standing),
		LostContact: m.LostContact, LostSince: m.LostSince, Mobile: m.Mobile,
		MobileDestination: m.MobileDestination, Notes: m.Notes,
		OnRoster: m.OnRoster, LeftBy: string(m.LeftBy), LeftOn: m.LeftOn, ArrivedOn: m.ArrivedOn,
		CreatedAt: stamp(m.CreatedAt), UpdatedAt: stamp(m.UpdatedAt),
	}
}

type eventRow struct {
	ID        int64 `gorm:"primaryKey"`
	MemberID  int64
	Kind      string
	Date      model.Date
	Note      string
	CreatedAt stamp `gorm:"autoCreateTime:false"`
	UpdatedAt stamp `gorm:"autoUpdateTime:false"`
}

func (eventRow) TableName() string { return "member_events" }

func (r *eventRow) event() model.MembershipEvent {
	return model.MembershipEvent{
		ID: r.ID, MemberID: r.MemberID, Kind: model.EventKind(r.Kind), Date: r.Date,
		Note: r.Note, CreatedAt: time.Time(r.CreatedAt),
	}
}

type changeRow struct {
	ID        int64 `gorm:"primaryKey"`
	MemberID  int64
	Field     string
	OldValue  string
	NewValue  string
	At        stamp
	Source    string
	ImportID  *int64 // the import that made the change, if one did
	CreatedAt stamp  `gorm:"autoCreateTime:false"`
	UpdatedAt stamp  `gorm:"autoUpdateTime:false"`
}

func (changeRow) TableName() string { return "member_changes" }

// changeInsertColumns are the columns appendValues gives values for.
var changeInsertColumns = []string{"member_id", "field", "old_value", "new_value", "at", "source", "import_id", "created_at", "updated_at"}

func (r *changeRow) appendValues(args []any) []any {
	return append(args, r.MemberID, r.Field, r.OldValue, r.NewValue, r.At, r.Source, r.ImportID, r.CreatedAt, r.UpdatedAt)
}

func toChangeRow(c *model.FieldChange, importID *int64, now time.Time) changeRow {
	return changeRow{
		MemberID: c.MemberID, Field: string(c.Field), OldValue: c.Old, NewValue: c.New,
		At: stamp(c.At), Source: c.Source, ImportID: importID,
		CreatedAt: stamp(now), UpdatedAt: stamp(now),
	}
}

func (r *changeRow) change() model.FieldChange {
	return model.FieldChange{
		MemberID: r.MemberID, Field: model.Field(r.Field), Old: r.OldValue, New: r.NewValue,
		At: time.Time(r.At), Source: r.Source,
	}
}

type importRow struct {
	ID        int64 `gorm:"primaryKey"`
	Source    string
	At        stamp
	Added     int
	Updated   int
	Unchanged int
	CreatedAt stamp `gorm:"autoCreateTime:false"`
	UpdatedAt stamp `gorm:"autoUpdateTime:false"`
}

func (importRow) TableName() string { return "imports" }
