package model

import "time"

// FieldChange is one edit to one field of a member, kept for good so that a
// record shows who it was before.
type FieldChange struct {
	MemberID int64
	Field    Field
	Old, New string
	At       time.Time
	Source   string // "编辑" by hand, or the name of the imported file
}

// DiffMembers lists the fields whose shown value differs between old and new
// (RecordFields).
func DiffMembers(old, new *Member) []FieldChange {
	var out []FieldChange
	for _, fi := range RecordFields {
		o, n := old.Text(fi.Field), new.Text(fi.Field)
		if o != n {
			out = append(out, FieldChange{MemberID: old.ID, Field: fi.Field, Old: o, New: n})
		}
	}
	return out
}

// setField copies one field from src to dst.
func setField(dst, src *Member, f Field) {
	switch f {
	case FieldName:
		dst.Name = src.Name
	case FieldSex:
		dst.Sex = src.Sex
	case FieldEthnicity:
		dst.Ethnicity = src.Ethnicity
	case FieldIDNumber:
		dst.IDNumber = src.IDNumber
	case FieldBirthDate:
		dst.BirthDate = src.BirthDate
	case FieldEducation:
		dst.Education = src.Education
	case FieldCategory:
		dst.Category = src.Category
	case FieldBranchName:
		dst.BranchName = src.BranchName
	case FieldJoinDate:
		dst.JoinDate = src.JoinDate
	case FieldFullDate:
		dst.FullDate = src.FullDate
	case FieldPost:
		dst.Post = src.Post
	case FieldPhone:
		dst.Phone = src.Phone
	case FieldAddress:
		dst.Address = src.Address
	case FieldStanding:
		dst.Standing = src.Standing
	case FieldLostContact:
		dst.LostContact = src.LostContact
	case FieldLostSince:
		dst.LostSince = src.LostSince
	case FieldMobile:
		dst.Mobile = src.Mobile
	case FieldMobileDestination:
		dst.MobileDestination = src.MobileDestination
	case FieldNotes:
		dst.Notes = src.Notes
	case FieldArrivedOn:
		dst.ArrivedOn = src.ArrivedOn
	}
}

// MergeImported returns existing updated from a row of an imported roster.
// Only the columns the file has are taken, and an empty cell never erases
// what the roster already knows: a file that leaves out the address must not
// wipe the addresses. A probationary member who became a full member is the
// exception: the file's empty 转正 date with 预备党员 is taken together.
func MergeImported(existing, incoming *Member, columns []Field) Member {
	out := *existing
	for _, f := range columns {
		if incoming.Text(f) == "" || lessExactSameDate(existing, incoming, f) {
			continue
		}
		setField(&out, incoming, f)
	}
	if out.Category == CategoryProbationary {
		out.FullDate = Date{}
	}
	return out
}

// lessExactSameDate reports a date field f the incoming record gives as a
// month alone (2003年10月) where the stored one has the day of that month
// (2003-10-15): the file says less, not otherwise, and the stored day is
// kept — no change (review s9-7 #13: the re-import dropped the day and
// counted as an update).
func lessExactSameDate(existing, incoming *Member, f Field) bool {
	switch f {
	case FieldBirthDate, FieldJoinDate, FieldFullDate, FieldArrivedOn:
	default:
		return false
	}
	in, old := *incoming.dateField(f), *existing.dateField(f)
	return in.MonthOnly() && !old.IsZero() && !old.MonthOnly() && in.Year == old.Year && in.Month == old.Month
}

// ImportUpdate is a member already on the roster whose imported row differs.
type ImportUpdate struct {
	Before  Member
	After   Member
	Changes []FieldChange
}

// ImportPlan is what an import would do, shown to the user before anything is
// written.
type ImportPlan struct {
	Source    string // file name, recorded with each change
	Add       []Member
	Update    []ImportUpdate
	Unchanged int
	// Openings are the 党费已交至 the file gives that differ from those
	// stored (Member.DuesPaidTo), for members added, updated or unchanged.
	Openings []ImportOpening
	// KeptOpenings are the 党费已交至 the file gives earlier than the
	// member's stored one: not applied (the stored, later month stays),
	// and said as a note (review s7-8 attack #11).
	KeptOpenings []ImportOpening
	// DroppedOpenings are the 党费已交至 the file gives inside the months
	// this ledger keeps (ErrOpeningInLedger): the member is imported
	// without it, and it is said as a note with Reason — the whole row
	// was refused for an optional column (look9 #1).
	DroppedOpenings []ImportOpening
	// FullDateLater are the ID numbers of the 正式党员 in Add without a
	// 转为正式党员日期 (ImportRow.FullDateLater).
	FullDateLater []string
	// Refused are incoming rows the roster cannot take as they stand (a
	// merged record that would break a rule, a number given twice); they are
	// in neither Add nor Update.
	Refused []ImportRefusal
}

// ImportOpening is one member's 党费已交至 from an imported roster, by ID
// number (a member to add has no ID yet).
type ImportOpening struct {
	IDNumber string
	Name     string
	PaidTo   Month
	Old      Month // the member's before, 0 for none or a member to add
	Index    int   // the row's position in the list handed to the planner
	// Reason is why the month was not taken (DroppedOpenings only).
	Reason Text
}

// ImportRefusal is one reason an incoming record was refused; Index is its
// position in the list handed to the planner.
type ImportRefusal struct {
	Index  int
	Field  Field
	Reason string
	Text   Text // Reason as a Text, when it has one (Rejection.Text)
}
