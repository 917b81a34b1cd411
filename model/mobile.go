package model

import (
	"time"
)

// Fields of the mobile-member and inflow-member forms; their values are the
// labels.
const (
	MobileMemberField        Field = "流动党员"
	MobileLeftOnField        Field = "外出日期"
	MobileDestinationField   Field = "外出流向"
	MobileReasonField        Field = "外出原因"
	MobileCardField          Field = "流动党员活动证编号"
	MobileCardReviewedField  Field = "活动证发放或年审日期"
	MobileContactField       Field = "联系方式"
	MobileHostOrgField       Field = "流入地党组织"
	MobilePlannedReturnField Field = "计划返回日期"
	MobileReturnedField      Field = "返回日期"
	MobileNoTransferField    Field = "暂不转接组织关系的原因"
	MobileReportDateField    Field = "报告日期"
	MobileReportWayField     Field = "报告方式"
	MobileReportTextField    Field = "报告内容"
	MobileNoteField          Field = "备注"

	InflowNameField      Field = "姓名"
	InflowSexField       Field = "性别"
	InflowIDNumberField  Field = "公民身份号码"
	InflowPhoneField     Field = "联系电话"
	InflowHomeOrgField   Field = "组织关系所在党组织"
	InflowCategoryField  Field = "人员类别"
	InflowCardField      Field = "流动党员活动证编号"
	InflowArrivedField   Field = "流入日期"
	InflowLeftField      Field = "离开日期"
	InflowWorkplaceField Field = "工作单位及岗位"
	InflowNoteField      Field = "备注"
)

var mobileTextLimits = map[Field]int{
	MobileDestinationField: 50, MobileReasonField: 50, MobileCardField: 30, MobileContactField: 30,
	MobileHostOrgField: 60, MobileNoTransferField: 100, MobileReportWayField: 20, MobileReportTextField: 500,
	InflowNameField: 30, InflowPhoneField: 30, InflowHomeOrgField: 60,
	InflowWorkplaceField: 50, InflowNoteField: 200,
}

// MobileReportWays are the usual ways a mobile member reports to the home
// branch; the form takes other text too.
var MobileReportWays = []string{"当面", "电话", "书面", "网络"}

// MobileReasons are the usual reasons a member goes away, offered in the
// 登记外出 form (any other may be typed).
var MobileReasons = []string{"务工", "经商", "学习", "随迁", "其他"}

// MobileMember is one entry of the branch's 流动党员登记表: a member of this
// branch away without transferring (RULES.md §5), from the day they left
// to the day they came back. A member may have several entries over the
// years; one at a time is open (not returned).
type MobileMember struct {
	ID       int64
	MemberID int64
	Name     string // the member's name, from the roster

	LeftOn      Date
	Destination string // 外出流向
	Reason      string
	CardNumber  string // 流动党员活动证编号
	// CardReviewed is when the activity card was issued or last reviewed
	// (年审); the next review falls CardReviewMonths later.
	CardReviewed  Date
	Contact       string
	HostOrg       string // 流入地党组织: where they take part in activities
	PlannedReturn Date
	ReturnedOn    Date
	// NoTransfer says why the relationship is not transferred although
	// the member has been away long (no settled place, back often …);
	// given, the 6-month finding is not raised.
	NoTransfer string
	Note       string

	Reports []MobileReport // oldest first

	// EndedOn is set when the member left the roster while away (a 转出
	// by letter, a death …; EndedBy says which, EndLetter the letter's
	// number for a 转出): the stay ends then, whatever its return date.
	// Read from the member, not stored with the entry.
	EndedOn   Date
	EndedBy   EventKind
	EndLetter string

	CreatedAt, UpdatedAt time.Time
}

// Open reports whether the stay is still open on day d: the member is
// away (Away) and has not left the roster since leaving.
func (mm *MobileMember) Open(d Date) bool {
	return mm.Away(d) && (mm.EndedOn.IsZero() || mm.EndedOn.After(d))
}

// MobileReport is one report of a mobile member to the home branch on
// their time away (思想、工作和参加组织生活情况).
type MobileReport struct {
	ID       int64
	MobileID int64
	Date     Date
	Way      string
	Content  string
}

// Away reports whether the member is away on day d: left on or before it
// and not back by it.
func (mm *MobileMember) Away(d Date) bool {
	return !mm.LeftOn.After(d) && (mm.ReturnedOn.IsZero() || mm.ReturnedOn.After(d))
}

// LastContact is the last time the branch heard from the member: the
// latest report, or the day they left.
func (mm *MobileMember) LastContact() Date {
	last := mm.LeftOn
	for _, r := range mm.Reports {
		if r.Date.After(last) {
			last = r.Date
		}
	}
	return last
}

// Reporting reports whether the member has reported within
// r.ReportMonths of today (counting from the day they left until their
// first report).
func (mm *MobileMember) Reporting(today Date, r MobileRules) bool {
	return !mm.LastContact().AddMonths(r.ReportMonths.N).Before(today)
}

// CardDue is when the activity card's next review (年审) falls; zero when
// no card or date is recorded.
func (mm *MobileMember) CardDue(r MobileRules) Date {
	if mm.CardNumber == "" || mm.CardReviewed.IsZero() {
		return Date{}
	}
	return mm.CardReviewed.AddMonths(r.CardReviewMonths.N)
}

// Tidy trims what was typed.
func (mm *MobileMember) Tidy() {
	for _, s := range []*string{&mm.Destination, &mm.Reason, &mm.CardNumber, &mm.HostOrg, &mm.NoTransfer} {
		*s = CleanLine(*s)
	}
	mm.Contact = NormalizePhone(mm.Contact)
	mm.Note = CleanText(mm.Note)
}

// Validate checks an entry against the member it is about and the other
// entries of that member (others; the entry itself, by ID, is skipped): a
// member off the roster cannot leave, dates must be whole days in order and
// not before the member joined the party, two stays away cannot
// overlap, and a destination is required.
func (mm *MobileMember) Validate(m *Member, others []MobileMember, today Date) ValidationErrors {
	mm.Tidy()
	var errs ValidationErrors
	addf := func(f Field, format string, a ...any) { errs = append(errs, Problem(f, format, a...)) }
	if m == nil {
		return ValidationErrors{Problem(MobileMemberField, "请选择外出的党员")}
	}
	if !m.OnRoster && mm.ID == 0 {
		addf(MobileMemberField, "%s已于 %s %s，不在册", m.Name, m.LeftOn.String(), m.LeftBy)
	}
	errs = append(errs, checkDate(MobileLeftOnField, mm.LeftOn, today, m)...)
	if mm.Destination == "" {
		addf(MobileDestinationField, "请填写外出流向（去往何地、何单位）")
	}
	for _, d := range []struct {
		f Field
		d Date
	}{{MobileCardReviewedField, mm.CardReviewed}, {MobilePlannedReturnField, mm.PlannedReturn}, {MobileReturnedField, mm.ReturnedOn}} {
		if !d.d.IsZero() && d.d.Validate() != nil {
			errs = append(errs, ErrProblem(d.f, d.d.Validate()))
		}
	}
	if !mm.LeftOn.IsZero() {
		if !mm.PlannedReturn.IsZero() && mm.PlannedReturn.Before(mm.LeftOn) {
			addf(MobilePlannedReturnField, "计划返回日期 %s 早于外出日期 %s", mm.PlannedReturn.String(), mm.LeftOn.String())
		}
		switch {
		case mm.ReturnedOn.IsZero():
		case mm.ReturnedOn.MonthOnly():
			addf(MobileReturnedField, "请填写完整的返回日期（年-月-日）")
		case mm.ReturnedOn.Before(mm.LeftOn):
			addf(MobileReturnedField, "返回日期 %s 早于外出日期 %s", mm.ReturnedOn.String(), mm.LeftOn.String())
		case mm.ReturnedOn.After(today):
			addf(MobileReturnedField, "返回日期 %s 晚于今天", mm.ReturnedOn.String())
		}
	}
	if !mm.CardReviewed.IsZero() && mm.CardReviewed.After(today) {
		addf(MobileCardReviewedField, "%s 晚于今天", mm.CardReviewed.String())
	}
	if mm.Contact != "" && !validPhone(mm.Contact) {
		addf(MobileContactField, "联系电话格式不正确：手机号应为11位，座机应带区号")
	}
	for i := range others {
		o := &others[i]
		if o.ID == mm.ID || o.MemberID != mm.MemberID || mm.LeftOn.IsZero() {
			continue
		}
		if overlaps(mm.LeftOn, mm.ReturnedOn, o.LeftOn, o.ReturnedOn) {
			addf(MobileLeftOnField, "与%s的另一次外出（%s 起）重叠", m.Name, o.LeftOn.String())
			break
		}
	}
	errs = append(errs, tooLongMobile(map[Field]string{
		MobileDestinationField: mm.Destination, MobileReasonField: mm.Reason, MobileCardField: mm.CardNumber,
		MobileContactField: mm.Contact, MobileHostOrgField: mm.HostOrg, MobileNoTransferField: mm.NoTransfer,
	})...)
	if n := len([]rune(mm.Note)); n > TextLimits[FieldNotes] {
		addf(MobileNoteField, "过长（%d个字，最多%d个字）", n, TextLimits[FieldNotes])
	}
	return errs
}

// overlaps reports whether two stays away, each open when its end is zero,
// share a day.
func overlaps(a1, a2, b1, b2 Date) bool {
	aEndsBeforeB := !a2.IsZero() && a2.Before(b1)
	bEndsBeforeA := !b2.IsZero() && b2.Before(a1)
	return !aEndsBeforeB && !bEndsBeforeA
}

// Validate checks a report of mm: a whole day, not before the member
// left nor after today.
func (rp *MobileReport) Validate(mm *MobileMember, today Date) ValidationErrors {
	rp.Way, rp.Content = CleanLine(rp.Way), CleanText(rp.Content)
	errs := checkDate(MobileReportDateField, rp.Date, today, nil)
	if len(errs) == 0 && rp.Date.Before(mm.LeftOn) {
		errs = ValidationErrors{Problem(MobileReportDateField, "%s 早于外出日期 %s", rp.Date.String(), mm.LeftOn.String())}
	}
	return append(errs, tooLongMobile(map[Field]string{MobileReportWayField: rp.Way, MobileReportTextField: rp.Content})...)
}

func tooLongMobile(texts map[Field]string) ValidationErrors {
	var errs ValidationErrors
	for _, f := range sortedFields(texts) {
		if n, limit := len([]rune(texts[f])), mobileTextLimits[f]; limit > 0 && n > limit {
			errs = append(errs, Problem(f, "过长（%d个字，最多%d个字）", n, limit))
		}
	}
	return errs
}

// InflowMember is a member of another organisation who takes part in this
// branch's activities without transferring (流入党员): kept in the branch's
// 流入党员登记表, not on its roster. They may attend as non-voting
// attendees and never count towards a quorum.
type InflowMember struct {
	ID         int64
	Name       string
	Sex        Sex
	IDNumber   string // optional; checked when given
	Phone      string
	HomeOrg    string // 组织关系所在党组织
	Category   Category
	CardNumber string // 流动党员活动证编号
	ArrivedOn  Date   // 流入日期
	LeftOn     Date   // 离开日期
	Workplace  string
	Note       string

	CreatedAt, UpdatedAt time.Time
}

// Here reports whether the member takes part here on day d.
func (im *InflowMember) Here(d Date) bool {
	return !im.ArrivedOn.After(d) && (im.LeftOn.IsZero() || im.LeftOn.After(d))
}

// Tidy trims what was typed.
func (im *InflowMember) Tidy() {
	for _, s := range []*string{&im.HomeOrg, &im.CardNumber, &im.Workplace} {
		*s = CleanLine(*s)
	}
	im.Name = CleanLine(im.Name)
	im.IDNumber = StoredIDNumber(im.IDNumber)
	im.Phone = NormalizePhone(im.Phone)
	im.Note = CleanText(im.Note)
	if im.Sex == "" && im.IDNumber != "" {
		if info, err := ParseIDNumber(im.IDNumber); err == nil {
			im.Sex = info.Sex
		}
	}
}

// Validate checks an inflow member: name, home organisation and the day
// they came are required; the ID number, when given, must be one and agree
// with the sex; the dates must be in order and not after today.
func (im *InflowMember) Validate(today Date) ValidationErrors {
	im.Tidy()
	var errs ValidationErrors
	addf := func(f Field, format string, a ...any) { errs = append(errs, Problem(f, format, a...)) }
	if im.Name == "" {
		addf(InflowNameField, "请填写姓名")
	}
	if im.Sex != SexMale && im.Sex != SexFemale {
		addf(InflowSexField, "请选择性别（男/女）")
	}
	if im.IDNumber != "" {
		if info, err := ParseIDNumber(im.IDNumber); err != nil {
			errs = append(errs, ErrProblem(InflowIDNumberField, err))
		} else if (im.Sex == SexMale || im.Sex == SexFemale) && info.Sex != im.Sex {
			addf(InflowSexField, "性别与身份证号码不一致（号码第17位表示%s）", info.Sex)
		}
	}
	if im.HomeOrg == "" {
		addf(InflowHomeOrgField, "请填写其组织关系所在的党组织")
	}
	if im.Category != CategoryFull && im.Category != CategoryProbationary {
		addf(InflowCategoryField, "请选择人员类别（正式党员/预备党员）")
	}
	errs = append(errs, checkDate(InflowArrivedField, im.ArrivedOn, today, nil)...)
	switch {
	case im.LeftOn.IsZero():
	case im.LeftOn.MonthOnly() || im.LeftOn.Validate() != nil:
		addf(InflowLeftField, "请填写完整的离开日期（年-月-日）")
	case im.LeftOn.After(today):
		addf(InflowLeftField, "离开日期 %s 晚于今天", im.LeftOn.String())
	case !im.ArrivedOn.IsZero() && im.LeftOn.Before(im.ArrivedOn):
		addf(InflowLeftField, "离开日期 %s 早于流入日期 %s", im.LeftOn.String(), im.ArrivedOn.String())
	}
	if im.Phone != "" && !validPhone(im.Phone) {
		addf(InflowPhoneField, "联系电话格式不正确：手机号应为11位，座机应带区号")
	}
	return append(errs, tooLongMobile(map[Field]string{
		InflowNameField: im.Name, InflowPhoneField: im.Phone, InflowHomeOrgField: im.HomeOrg, InflowCardField: im.CardNumber,
		InflowWorkplaceField: im.Workplace, InflowNoteField: im.Note,
	})...)
}

// Presence is a member's presence (出席) at one of the branch's activities:
// the seq-th of its kind, on Date.
type Presence struct {
	Kind ActivityKind
	Seq  int
	Date Date
}

// LeftBeforePresence is the warning for a stay away that starts before the
// member was present at one of the branch's activities (and does not end
// before it): the 外出日期 is likely wrong, though a member away may come
// back for a meeting, so the user is asked, not refused.
func LeftBeforePresence(name string, left Date, p Presence) Text {
	return Textf("%s于%s出席了本支部的%s（第%d次），晚于外出日期%s：请核对外出日期。仍要保存吗？", name, p.Date, p.Kind, p.Seq, left)
}
