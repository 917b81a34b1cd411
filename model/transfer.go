package model

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// ErrTransfer is wrapped by every refused transfer action that is not about
// one field of a form (a member already transferred out, a letter already
// withdrawn).
var ErrTransfer = errors.New("组织关系转接")

// Fields of the transfer forms. Their values are the labels, so that a
// FieldError reads in Chinese without a lookup table.
const (
	LetterMemberField      Field = "党员"
	LetterToOrgField       Field = "接收党组织"
	LetterToCommitteeField Field = "接收党组织的基层党委"
	LetterReasonField      Field = "转出原因"
	LetterDateField        Field = "开具日期"
	LetterValidDaysField   Field = "有效期（天）"
	LetterPhoneField       Field = "党员联系电话"

	ReceiptDateField    Field = "回执日期"
	ReceiptOrgField     Field = "接收党组织"
	ReceiptHandlerField Field = "经办人"
	WithdrawDateField   Field = "作废日期"
	WithdrawReasonField Field = "作废原因"

	InLetterNumberField  Field = "介绍信编号"
	InFromOrgField       Field = "转出党组织"
	InFromCommitteeField Field = "转出党组织的基层党委"
	InDateField          Field = "转入日期"
	InLetterDateField    Field = "介绍信开具日期"
	InPaidToField        Field = "党费交至"
	InCategoryField      Field = "人员类别"
	InHandlerField       Field = "经办人"
	InNoteField          Field = "备注"
)

// transferTextLimits are the longest texts the transfer forms take: each
// must fit its line of the printed letter.
var transferTextLimits = map[Field]int{
	LetterToOrgField:       60,
	LetterToCommitteeField: 60,
	LetterReasonField:      30,
	LetterPhoneField:       30,
	ReceiptHandlerField:    30,
	WithdrawReasonField:    200,
	InLetterNumberField:    30,
	InFromOrgField:         60,
	InFromCommitteeField:   60,
	InNoteField:            200,
}

// TransferReasons are the usual reasons for a transfer out (转出原因); the
// form also takes other text.
var TransferReasons = []string{"工作变动", "居住地变动", ReasonAway, "升学或毕业", "退休", "其他"}

// ReasonAway is the reason of a member away longer than the mobile-member
// rules allow without transferring (外出6个月以上).
var ReasonAway = fmt.Sprintf("外出%d个月以上", CurrentMobileRules().TransferAfterMonths.N)

// TransferLetter is one 党员组织关系介绍信 this branch issued: the member as
// the letter states them on its date (kept as printed, whatever the roster
// says later), where they go, the dues paid up to, and what became of it.
// Letters are never deleted and their numbers never reused, withdrawn or
// not: the paper stub (存根) with that number is in the branch's files.
type TransferLetter struct {
	ID       int64
	Year     int // the numbers run per year of Date: (2026) 第 N 号
	Number   int
	MemberID int64

	Name      string
	Sex       Sex
	Age       int
	Ethnicity string
	Category  Category
	IDNumber  string
	Phone     string // 党员联系电话或其他联系方式

	FromOrg     string // 由…: this branch
	ToOrg       string // 去…: 接收党组织
	ToCommittee string // the 基层党委 of ToOrg, to whom the letter is addressed; may be empty
	Reason      string
	Date        Date
	ValidDays   int
	PaidTo      Month // 党费交至: the last month paid in full, from the dues ledger

	Receipt    *LetterReceipt    // the 回执 once back
	Withdrawal *LetterWithdrawal // 作废, if withdrawn
	// ReturnedOn is the date the member came back to this branch by an
	// incoming letter (转入) on or after the letter's date, as read from
	// the 转入 records (not stored with the letter): the letter was used,
	// and it no longer waits for a receipt nor can be withdrawn.
	ReturnedOn Date

	CreatedAt time.Time
}

// LetterReceipt is the 回执 of a letter, back from the receiving committee.
type LetterReceipt struct {
	Date    Date
	Org     string // who received the member
	Handler string // 经办人
}

// LetterWithdrawal is a letter withdrawn (作废): the member stays.
type LetterWithdrawal struct {
	Date   Date
	Reason string
}

// NumberText is the letter's number as printed and listed: （2026）第3号.
func (l *TransferLetter) NumberText() string { return l.Numbered().String() }

// Numbered is NumberText kept as a Text, for sentences in the UI language.
func (l *TransferLetter) Numbered() Text { return Textf("（%d）第%d号", l.Year, l.Number) }

// Addressee is whom the letter is addressed to: the receiving
// organisation's 基层党委, or the organisation itself when not given.
func (l *TransferLetter) Addressee() string {
	if l.ToCommittee != "" {
		return l.ToCommittee
	}
	return l.ToOrg
}

// ValidUntil is the last day the letter is valid: ValidDays counted from
// the day after its date.
func (l *TransferLetter) ValidUntil() Date { return addDays(l.Date, l.ValidDays) }

// ReceiptDue is when the 回执 should be back: ReceiptMonths after the letter
// was issued.
func (l *TransferLetter) ReceiptDue(r TransferRules) Date {
	return l.Date.AddMonths(r.ReceiptMonths.N)
}

// LetterState is where a letter stands.
type LetterState string

const (
	LetterPending     LetterState = "待回执"
	LetterReceiptLate LetterState = "回执逾期"
	LetterExpired     LetterState = "已过期未回执"
	LetterReceived    LetterState = "已回执"
	LetterWithdrawn   LetterState = "已作废"
	LetterReturned    LetterState = "已转回本支部"
)

// State is where the letter stands on today: withdrawn, received, or, with
// no receipt, pending until the receipt is due, late until the letter's
// validity ends, and expired after.
func (l *TransferLetter) State(today Date, r TransferRules) LetterState {
	switch {
	case l.Withdrawal != nil:
		return LetterWithdrawn
	case l.Receipt != nil:
		return LetterReceived
	case !l.ReturnedOn.IsZero():
		return LetterReturned
	case today.After(l.ValidUntil()):
		return LetterExpired
	case today.After(l.ReceiptDue(r)):
		return LetterReceiptLate
	}
	return LetterPending
}

// Open reports whether the letter still waits for its receipt: neither
// received, withdrawn, nor closed by the member's return (ReturnedOn).
func (l *TransferLetter) Open() bool {
	return l.Receipt == nil && l.Withdrawal == nil && l.ReturnedOn.IsZero()
}

// LetterRequest is what the secretary fills in to issue a letter; the rest
// of the letter comes from the member's record, the profile and the dues
// ledger.
type LetterRequest struct {
	MemberID    int64
	ToOrg       string
	ToCommittee string
	Reason      string
	Date        Date
	ValidDays   int
	Phone       string // "" takes the member's phone
}

// Tidy trims what was typed.
func (q *LetterRequest) Tidy() {
	q.ToOrg, q.ToCommittee, q.Reason = CleanLine(q.ToOrg), CleanLine(q.ToCommittee), CleanLine(q.Reason)
	q.Phone = NormalizePhone(q.Phone)
}

// NewLetter checks a request against the member as recorded and returns the
// letter it makes, not yet numbered. It refuses a member who is not on the
// roster with ErrTransfer, and returns ValidationErrors, one per field, for
// what the form holds: no receiving organisation, a date that is not a
// whole day, after today, before the member joined the party, a validity over r.ValidDaysMax days, a phone that is not
// one, text too long for its line.
func NewLetter(q LetterRequest, m *Member, fromOrg string, paidTo Month, today Date, r TransferRules) (TransferLetter, error) {
	q.Tidy()
	if !m.OnRoster {
		return TransferLetter{}, Errorf(ErrTransfer, "%s已于 %s %s，不在册，不能开具介绍信", m.Name, m.LeftOn.String(), m.LeftBy)
	}
	var errs ValidationErrors
	addf := func(f Field, format string, a ...any) { errs = append(errs, Problem(f, format, a...)) }
	if q.ToOrg == "" {
		addf(LetterToOrgField, "请填写接收党组织")
	}
	errs = append(errs, checkDate(LetterDateField, q.Date, today, m)...)
	switch {
	case q.ValidDays <= 0:
		addf(LetterValidDaysField, "有效期应为1–%d天（一般为%d天）", r.ValidDaysMax.N, r.ValidDaysDefault.N)
	case q.ValidDays > r.ValidDaysMax.N:
		addf(LetterValidDaysField, "有效期%d天超过最长的%d天", q.ValidDays, r.ValidDaysMax.N)
	}
	phone := q.Phone
	if phone == "" {
		phone = m.Phone
	}
	if phone != "" && !validPhone(phone) {
		addf(LetterPhoneField, "联系电话格式不正确：手机号应为11位，座机应带区号")
	}
	errs = append(errs, tooLongFields(map[Field]string{
		LetterToOrgField: q.ToOrg, LetterToCommitteeField: q.ToCommittee, LetterReasonField: q.Reason, LetterPhoneField: q.Phone,
	})...)
	if len(errs) > 0 {
		return TransferLetter{}, errs
	}
	birth := m.BirthDate
	if info, err := ParseIDNumber(m.IDNumber); birth.IsZero() && err == nil {
		birth = info.Birth
	}
	return TransferLetter{
		Year: q.Date.Year, MemberID: m.ID,
		Name: m.Name, Sex: m.Sex, Age: birth.YearsUntil(q.Date), Ethnicity: m.Ethnicity, Category: m.Category, IDNumber: m.IDNumber, Phone: phone,
		FromOrg: fromOrg, ToOrg: q.ToOrg, ToCommittee: q.ToCommittee, Reason: q.Reason,
		Date: q.Date, ValidDays: q.ValidDays, PaidTo: paidTo,
	}, nil
}

// checkDate is the check every transfer date gets: a whole day, not after
// today, not before the member joined the party. It is not held to the
// member's arrival on this roster: for a roster imported on the app's
// first day that is the day of the import, not when they came.
func checkDate(f Field, d, today Date, m *Member) ValidationErrors {
	var e FieldError
	switch {
	case d.IsZero() || d.MonthOnly():
		e = Problem(f, "请填写完整的日期（年-月-日）")
	case d.Validate() != nil:
		e = ErrProblem(f, d.Validate())
	case d.After(today):
		e = Problem(f, "%s 晚于今天", d.String())
	case m != nil && !m.JoinDate.IsZero() && d.Before(m.JoinDate):
		e = Problem(f, "%s 早于%s加入党组织的日期 %s", d.String(), m.Name, m.JoinDate.String())
	default:
		return nil
	}
	return ValidationErrors{e}
}

// tooLongFields checks texts against transferTextLimits.
func tooLongFields(texts map[Field]string) ValidationErrors {
	var errs ValidationErrors
	for _, f := range sortedFields(texts) {
		limit, ok := transferTextLimits[f]
		if !ok {
			continue
		}
		if n := utf8.RuneCountInString(texts[f]); n > limit {
			errs = append(errs, Problem(f, "过长（%d个字，最多%d个字）", n, limit))
		}
	}
	return errs
}

func sortedFields(m map[Field]string) []Field {
	out := make([]Field, 0, len(m))
	for f := range m {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

// CheckReceipt refuses a receipt that cannot be recorded on l: a letter
// withdrawn or already received, a date not a whole day, after today or
// before the letter. rc.Org empty takes the letter's receiving
// organisation.
func CheckReceipt(l *TransferLetter, rc *LetterReceipt, today Date) error {
	rc.Org, rc.Handler = CleanLine(rc.Org), CleanLine(rc.Handler)
	if rc.Org == "" {
		rc.Org = l.ToOrg
	}
	switch {
	case l.Withdrawal != nil:
		return Errorf(ErrTransfer, "%s介绍信已于 %s 作废，不能登记回执", l.Numbered(), l.Withdrawal.Date.String())
	case l.Receipt != nil:
		return Errorf(ErrTransfer, "%s介绍信已于 %s 登记回执", l.Numbered(), l.Receipt.Date.String())
	}
	errs := checkDate(ReceiptDateField, rc.Date, today, nil)
	if len(errs) == 0 && rc.Date.Before(l.Date) {
		errs = ValidationErrors{Problem(ReceiptDateField, "%s 早于介绍信开具日期 %s", rc.Date.String(), l.Date.String())}
	}
	errs = append(errs, tooLongFields(map[Field]string{ReceiptOrgField: rc.Org, ReceiptHandlerField: rc.Handler})...)
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// CheckWithdrawal refuses a withdrawal that cannot be recorded on l: one
// received or already withdrawn, without a reason, dated before the letter
// or after today.
func CheckWithdrawal(l *TransferLetter, w *LetterWithdrawal, today Date) error {
	w.Reason = CleanText(w.Reason)
	switch {
	case l.Withdrawal != nil:
		return Errorf(ErrTransfer, "%s介绍信已于 %s 作废", l.Numbered(), l.Withdrawal.Date.String())
	case l.Receipt != nil:
		return Errorf(ErrTransfer, "%s介绍信已于 %s 收到回执，%s已在%s报到，不能作废", l.Numbered(), l.Receipt.Date.String(), l.Name, l.Receipt.Org)
	case !l.ReturnedOn.IsZero():
		return Errorf(ErrTransfer, "%s已于 %s 转回本支部，%s介绍信已经用过，不能作废", l.Name, l.ReturnedOn.String(), l.Numbered())
	}
	errs := checkDate(WithdrawDateField, w.Date, today, nil)
	if len(errs) == 0 && w.Date.Before(l.Date) {
		errs = ValidationErrors{Problem(WithdrawDateField, "%s 早于介绍信开具日期 %s", w.Date.String(), l.Date.String())}
	}
	if w.Reason == "" {
		errs = append(errs, Problem(WithdrawReasonField, "请填写作废原因（如未使用、填写有误、去向改变）"))
	}
	errs = append(errs, tooLongFields(map[Field]string{WithdrawReasonField: w.Reason})...)
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// LetterNote is the note of the 转出 event a letter records on the member.
func (l *TransferLetter) LetterNote() string {
	return fmt.Sprintf("%s介绍信，转往%s", l.NumberText(), l.ToOrg)
}

// WithdrawalNote is the note of the event that brings the member back.
func (l *TransferLetter) WithdrawalNote() string {
	return fmt.Sprintf("%s介绍信作废：%s", l.NumberText(), l.Withdrawal.Reason)
}

// TransferIn is an incoming letter (转入): a member who came with another
// organisation's letter, recorded as it reads.
type TransferIn struct {
	ID       int64
	MemberID int64
	Name     string // the member's name when recorded

	LetterNumber  string // the sending organisation's number, as written on it
	FromOrg       string // 由…
	FromCommittee string // its 基层党委, to whom our 回执 goes; may be empty
	LetterDate    Date   // the date on the letter; may be unknown
	Date          Date   // 转入日期: the member reported here
	PaidTo        Month  // 党费交至 on the letter
	Category      Category
	Handler       string // 经办人 of our 回执
	Note          string

	CreatedAt time.Time
}

// ReceiptAddressee is whom our 回执 is addressed to.
func (in *TransferIn) ReceiptAddressee() string {
	if in.FromCommittee != "" {
		return in.FromCommittee
	}
	return in.FromOrg
}

// Tidy trims what was typed.
func (in *TransferIn) Tidy() {
	for _, s := range []*string{&in.LetterNumber, &in.FromOrg, &in.FromCommittee, &in.Handler} {
		*s = CleanLine(*s)
	}
	in.Note = CleanText(in.Note)
}

// CheckTransferIn refuses an incoming letter that cannot be recorded for m
// (the member as they will stand: a new member's record, or one who left by
// transfer out): no number or sending organisation, a date not a whole day,
// after today or before the member joined, 党费交至 missing or impossible, a
// category not the record's. m on the roster already is ErrTransfer.
func CheckTransferIn(in *TransferIn, m *Member, today Date, dr DuesRules) error {
	in.Tidy()
	if m.ID != 0 && m.OnRoster {
		return Errorf(ErrTransfer, "%s已在本支部名册上，不能再登记转入", m.Name)
	}
	if m.ID != 0 && m.LeftBy != EventTransferOut {
		return Errorf(ErrTransfer, "%s因“%s”离开名册，不能以转入恢复", m.Name, m.LeftBy)
	}
	var errs ValidationErrors
	addf := func(f Field, format string, a ...any) { errs = append(errs, Problem(f, format, a...)) }
	if in.LetterNumber == "" {
		addf(InLetterNumberField, "请填写介绍信上的编号")
	}
	if in.FromOrg == "" {
		addf(InFromOrgField, "请填写转出党组织（介绍信上“由…”）")
	}
	errs = append(errs, checkDate(InDateField, in.Date, today, m)...)
	if !m.LeftOn.IsZero() && in.Date.Before(m.LeftOn) {
		addf(InDateField, "%s 早于%s转出本支部的日期 %s", in.Date.String(), m.Name, m.LeftOn.String())
	}
	if !in.LetterDate.IsZero() {
		switch {
		case in.LetterDate.Validate() != nil:
			errs = append(errs, ErrProblem(InLetterDateField, in.LetterDate.Validate()))
		case in.LetterDate.After(today):
			addf(InLetterDateField, "%s 晚于今天", in.LetterDate.String())
		case !in.Date.IsZero() && in.LetterDate.After(in.Date):
			addf(InLetterDateField, "介绍信开具日期 %s 晚于转入日期 %s", in.LetterDate.String(), in.Date.String())
		}
	}
	switch {
	case in.PaidTo == 0:
		addf(InPaidToField, "请填写介绍信上的党费交至年月")
	default:
		if err := ValidateLetterPaidTo(in.PaidTo, today, dr); err != nil {
			e := ErrProblem(InPaidToField, err)
			e.Message = strings.TrimPrefix(e.Message, ErrDues.Error()+"：")
			errs = append(errs, e)
		} else if !m.JoinDate.IsZero() && in.PaidTo < MonthOfDate(m.JoinDate)-1 {
			addf(InPaidToField, "党费交至 %s 早于%s加入党组织的 %s", in.PaidTo, m.Name, m.JoinDate)
		}
	}
	switch {
	case in.Category != CategoryFull && in.Category != CategoryProbationary:
		addf(InCategoryField, "请选择介绍信上的人员类别（正式党员/预备党员）")
	case m.Category != "" && in.Category != m.Category:
		addf(InCategoryField, "介绍信上为%s，党员信息中为%s：请先更正党员信息（转正日期）", in.Category, m.Category)
	}
	errs = append(errs, tooLongFields(map[Field]string{
		InLetterNumberField: in.LetterNumber, InFromOrgField: in.FromOrg, InFromCommitteeField: in.FromCommittee,
		InHandlerField: in.Handler, InNoteField: in.Note,
	})...)
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// DuesGap is the months the letter's 党费交至 leaves unpaid before the month
// of arrival: from the month after it to the month before the arrival
// (none when it reaches the arrival month). Dues are owed from the month
// after 党费交至; which of these months are arrears here depends on the
// branch's 建账月份 (DuesSplit).
func (in *TransferIn) DuesGap() []Month {
	var out []Month
	for mo := in.PaidTo + 1; in.PaidTo != 0 && !in.Date.IsZero() && mo < MonthOfDate(in.Date); mo++ {
		out = append(out, mo)
	}
	return out
}

// DuesSplit divides DuesGap at the branch's 建账月份 start (0: the ledger
// has not begun; it begins at the month its first base is saved, after
// every month of the gap). Months before start are 待补录 (toRecord): the
// ledger never covered them, so they are a set-up backlog the sending
// organisation can confirm, never arrears — as the dues screen, home and
// `check` count them (DuesHistory.knownFrom, RecordGaps). Months from start
// on are owed here, arrears from their first month (owed).
func (in *TransferIn) DuesSplit(start Month) (toRecord, owed []Month) {
	return in.DuesSplitSince(start, 0)
}

// DuesSplitSince is DuesSplit for a ledger set up in the app in setUp
// (DuesHistory.SetUp; 0: taken as start): months the app never saw, before
// it, are 待补录 too, as the dues screen counts them.
func (in *TransferIn) DuesSplitSince(start, setUp Month) (toRecord, owed []Month) {
	known := start
	if start != 0 && setUp > start {
		known = setUp
	}
	for _, mo := range in.DuesGap() {
		if known != 0 && mo >= known {
			owed = append(owed, mo)
		} else {
			toRecord = append(toRecord, mo)
		}
	}
	return toRecord, owed
}

// DuesText says where the member stands with dues on arrival, for a
// branch whose 建账月份 is start (0: none yet): from which month they pay
// here, or, when the letter's 党费交至 stops before the arrival, the months
// unpaid since — those before the 建账月份 待补录, the others arrears.
func (in *TransferIn) DuesText(start Month) Text {
	return in.DuesTextSince(start, 0)
}

// DuesTextSince is DuesText for a ledger set up in the app in setUp
// (DuesSplitSince): the months before it are 待补录 too.
func (in *TransferIn) DuesTextSince(start, setUp Month) Text {
	gap := in.DuesGap()
	if len(gap) == 0 {
		return Textf("党费从%s起在本支部交纳", in.PaidTo+1)
	}
	toRecord, owed := in.DuesSplitSince(start, setUp)
	if start != 0 && setUp > start && len(toRecord) > 0 {
		// Set up after the 建账月份: the months before are named by
		// the month the app began keeping the ledger.
		unpaid := Textf("介绍信写明党费交至%s，%s尚未交纳（%d个月）", in.PaidTo, monthSpan(gap), len(gap))
		if len(owed) == 0 {
			return Textf("%s；这些月份在开始用本软件记党费账（%s）之前，待补录，不计欠交：请与转出党组织核实，已交的在“党费 → 收缴”中补录", unpaid, setUp)
		}
		return Textf("%s；其中%s在开始用本软件记党费账（%s）之前，待补录，不计欠交；%s计为欠交：请核对介绍信，督促其补交，必要时与转出党组织核实",
			unpaid, monthSpan(toRecord), setUp, monthSpan(owed))
	}
	unpaid := Textf("介绍信写明党费交至%s，%s尚未交纳（%d个月）", in.PaidTo, monthSpan(gap), len(gap))
	var before Text
	switch {
	case len(toRecord) == 0:
	case start == 0:
		before = Textf("本支部尚未建立党费账，这些月份待补录，不计欠交")
	case len(owed) == 0:
		before = Textf("这些月份在本支部党费建账（建账月份%s）之前，待补录，不计欠交", start)
	default:
		before = Textf("其中%s在本支部党费建账（建账月份%s）之前，待补录，不计欠交；%s计为欠交", monthSpan(toRecord), start, monthSpan(owed))
	}
	switch {
	case len(toRecord) == 0:
		return Textf("%s，计为欠交：请核对介绍信，督促其补交，必要时与转出党组织核实", unpaid)
	case len(owed) == 0:
		return Textf("%s；%s：请与转出党组织核实，已交的在“党费 → 收缴”中补录", unpaid, before)
	}
	return Textf("%s；%s：请核对介绍信，督促其补交，必要时与转出党组织核实", unpaid, before)
}

// EventNote is the note of the 转入 event an incoming letter records.
func (in *TransferIn) EventNote() string {
	return "介绍信" + in.LetterNumber + "，由" + in.FromOrg + "转入"
}

// addDays is d moved by n days (a full date; a month-only date counts from
// its first).
func addDays(d Date, n int) Date {
	if d.IsZero() {
		return d
	}
	return DateOf(d.Time().AddDate(0, 0, n))
}

// ParseValidDays reads the validity typed into a form: digits (full-width
// too), or 30天.
func ParseValidDays(s string) (int, error) {
	t := halfWidthNumber(s)
	t = strings.TrimSuffix(strings.TrimSpace(t), "天")
	n, err := strconv.Atoi(strings.TrimSpace(t))
	if err != nil { // a number out of range is the letter's check to name
		return 0, Errorf(nil, "有效期“%s”应为天数，如 30", s)
	}
	return n, nil
}

// LetterDues is where a member stands with dues on a letter's date: the
// last month paid in full (党费交至, which the letter states), and the months
// up to and including the letter's month that are owed here and unpaid —
// the member still belongs to the branch in the month they leave. Arrears
// are counted as home and `check` count them (ArrearsThrough): a month not
// over yet is due, not owed; unpaid, the letter's 党费交至 stops before it
// and the receiving organisation collects it.
type LetterDues struct {
	PaidTo Month
	Known  bool // false: the ledger cannot tell (no opening position, nothing paid)
	// Owed are the months in arrears with their dues; Unknown those owed
	// without a base (缺基数), amount not known.
	OwedMonths []Month
	Owed       Money
	// DueMonths are the months up to the letter's that are not over yet
	// and unpaid (the current month): not arrears.
	DueMonths []Month
	Unknown   []Month
	// ToRecord are months before the ledger's set-up with no payment
	// entered (待补录): not known to be unpaid.
	ToRecord []Month
}

// DuesAtLetter works out LetterDues for m leaving on date, from the ledger
// h as of today.
func DuesAtLetter(m *Member, h DuesHistory, date, today Date, r DuesRules) LetterDues {
	var d LetterDues
	d.PaidTo, d.Known = PaidThrough(m, h, r)
	last := MonthOfDate(date)
	if d.Known && d.PaidTo > last {
		// Months after the letter's that were only waived (免交) or not owed
		// here were not paid: the receiving branch must not read them as
		// paid in advance. Those really paid, here or before (the opening
		// position), stay.
		paid := map[Month]bool{}
		for _, p := range h.Paid {
			if p.MemberID == m.ID {
				paid[p.Month] = true
			}
		}
		opening, hasOpening := h.Openings[m.ID]
		for d.PaidTo > last && !paid[d.PaidTo] && !(hasOpening && d.PaidTo <= opening) {
			d.PaidTo--
		}
	}
	for _, c := range MemberDuesStatement(m, h, today, r).Months {
		if c.Month > last {
			break
		}
		switch c.State {
		case MonthOverdue:
			d.OwedMonths = append(d.OwedMonths, c.Month)
			d.Owed += c.Amount
		case MonthDue:
			d.DueMonths = append(d.DueMonths, c.Month)
		case MonthBaseMissing:
			d.Unknown = append(d.Unknown, c.Month)
		case MonthToRecord:
			d.ToRecord = append(d.ToRecord, c.Month)
		}
	}
	return d
}

// LostContactWarning is what the secretary is told about a letter for a
// member marked 失联: such a member can hardly have come for it. The window
// shows it above the form, `transfer out` beside the letter it issues in
// the same run, so it is worded for both: hand the letter over once the
// member is reached (review s5-final attack #6). The zero Text for anyone
// else.
func LostContactWarning(m *Member) Text {
	if !m.LostContact {
		return Text{}
	}
	if m.LostSince.IsZero() {
		return Textf("%s是失联党员：请先核实其去向，确认本人已联系上后再把介绍信交给本人", m.Name)
	}
	return Textf("%s是失联党员（自%s失联）：请先核实其去向，确认本人已联系上后再把介绍信交给本人", m.Name, MonthOfDate(m.LostSince))
}

// Owes reports whether the member leaves with months unpaid.
func (d *LetterDues) Owes() bool { return len(d.OwedMonths)+len(d.Unknown)+len(d.ToRecord) > 0 }

// Warning is what the secretary is told before issuing the letter of a
// member who owes dues, naming the months; "" when nothing is owed.
func (d *LetterDues) Warning(name string) string {
	if !d.Owes() {
		return ""
	}
	return d.WarningText(name).String()
}

// WarningText is Warning as a sentence a screen says in its language; the
// zero Text when nothing is owed.
func (d *LetterDues) WarningText(name string) Text {
	if !d.Owes() {
		return Text{}
	}
	var parts Texts
	if n := len(d.OwedMonths); n > 0 {
		parts = append(parts, Textf("%s尚未交纳，共%d个月，计 %s 元", monthSpan(d.OwedMonths), n, d.Owed))
	}
	if n := len(d.Unknown); n > 0 {
		parts = append(parts, Textf("%s缺党费基数，应交金额未定（%d个月）", monthSpan(d.Unknown), n))
	}
	if n := len(d.ToRecord); n > 0 {
		parts = append(parts, Textf("%s在本软件建账之前，交纳情况待补录（%d个月）", monthSpan(d.ToRecord), n))
	}
	paid := Textf("党费交至未能确定")
	if d.Known {
		paid = Textf("党费交至%s", d.PaidTo)
	}
	if len(d.OwedMonths)+len(d.Unknown) == 0 {
		// Only months the app never saw: not known to be unpaid, so not
		// "督促其补交" (review s10-newuser8 #15).
		return Textf("%s%s，%s。介绍信将写明党费交至的月份；转出前请核实这些月份是否已交，已交的在“党费 → 收缴”中按实际交纳日期补录", name, paid, parts)
	}
	return Textf("%s%s，%s。介绍信将写明党费交至的月份；转出前请督促其补交", name, paid, parts)
}

// UnknownPaidToText says why a letter cannot be issued when the ledger
// cannot tell how far m has paid (Known false), and what to do: with
// months the app never saw (待补录), record their payments in 收缴 — a
// 党费已交至 cannot reach inside the ledger, and "no payment since the
// ledger began" was untrue of a member who had paid since (review
// s10-newuser8 #8).
func (d *LetterDues) UnknownPaidToText(name string) Text {
	if n := len(d.ToRecord); n > 0 {
		return Textf("无法确定%s的党费交至：%s在开始用本软件记党费账之前，交纳情况待补录（%d个月）。请先在“党费 → 收缴”中按实际交纳日期补录这些月份的交纳", name, monthSpan(d.ToRecord), n)
	}
	return Textf("无法确定%s的党费交至：党费账中没有其“党费已交至”，建账后也没有交纳记录。请先在其党员页面的“党费”中填写党费已交至，或登记交纳", name)
}

// monthSpan names months as a sentence's argument: 2026年9月, or
// 2026年9月至2026年11月, or a list (Months) when they are not consecutive.
func monthSpan(ms []Month) any {
	switch {
	case len(ms) == 1:
		return ms[0]
	case len(ms) > 1 && ms[len(ms)-1]-ms[0] == Month(len(ms)-1):
		return Textf("%s至%s", ms[0], ms[len(ms)-1])
	}
	return Months(ms)
}

// LetterSetup is what the branch prints on its letters besides the letter
// itself: the sending 基层党委 (which stamps the letter and to which the
// 回执 returns) with its address, phone, fax and postcode — the profile's
// address and contact phone when left empty — and the offset of the 套打
// layout, which prints the fields alone on a pre-printed form, to align a
// given printer (in tenths of a millimetre, right and down positive).
type LetterSetup struct {
	Committee string
	Address   string
	Phone     string
	Fax       string
	Postcode  string
	OffsetX   int
	OffsetY   int
	// NextNumber is the number the year's next letter takes (this year's,
	// as read): a branch that issued letters on paper this year sets it
	// past them. It moves forward only, never onto a number used; 0 when
	// saving leaves it as it is.
	NextNumber int
}

// MaxLetterOffset is the largest 套打 offset accepted either way, in tenths
// of a millimetre: the printed letter's margins leave this much room, and a
// printer further out than 1 cm is set up wrong, not misaligned.
const MaxLetterOffset = 100

// Letter setup fields, for messages.
const (
	SetupCommitteeField  Field = "转出党组织的基层党委"
	SetupAddressField    Field = "通讯地址"
	SetupPhoneField      Field = "联系电话"
	SetupFaxField        Field = "传真"
	SetupPostcodeField   Field = "邮政编码"
	SetupOffsetXField    Field = "左右偏移（毫米）"
	SetupOffsetYField    Field = "上下偏移（毫米）"
	SetupNextNumberField Field = "本年下一个介绍信编号"
)

// MaxLetterNumber is the largest letter number the setup accepts: a branch
// issues a few letters a year.
const MaxLetterNumber = 9999

// ParseLetterNumber reads the next letter number typed into the setup:
// digits (full-width too), 第6号 or 6号; empty is 0 (unchanged).
func ParseLetterNumber(s string) (int, error) {
	t := strings.TrimSpace(halfWidthNumber(s))
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(t, "第"), "号"))
	if t == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(t)
	if err != nil || !IsDigits(t) || n < 1 || n > MaxLetterNumber {
		return 0, Errorf(nil, "编号“%s”应为1–%d的整数，如 6", s, MaxLetterNumber)
	}
	return n, nil
}

// CheckNextLetterNumber checks the next number asked for (next; 0 leaves
// it) against the one the year's numbering is at (at): numbering only
// moves forward, so that no number is used twice.
func CheckNextLetterNumber(year, next, at int) ValidationErrors {
	if next == 0 || next >= at {
		return nil
	}
	return ValidationErrors{Problem(SetupNextNumberField,
		"%d年的介绍信已编到第%d号：下一个编号只能是第%d号或更大（编号不能重复使用，也不能退回）", year, at-1, at)}
}

// Validate checks the setup: a postcode of 6 digits, phones that are
// phones, offsets within MaxLetterOffset, texts that fit their line.
func (s *LetterSetup) Validate() ValidationErrors {
	s.Committee, s.Address, s.Postcode = CleanLine(s.Committee), CleanLine(s.Address), CleanLine(s.Postcode)
	s.Phone, s.Fax = NormalizePhone(s.Phone), NormalizePhone(s.Fax)
	var errs ValidationErrors
	addf := func(f Field, format string, a ...any) { errs = append(errs, Problem(f, format, a...)) }
	if s.Postcode != "" && (len(s.Postcode) != 6 || !IsDigits(s.Postcode)) {
		addf(SetupPostcodeField, "邮政编码应为6位数字")
	}
	for _, p := range []struct {
		f Field
		v string
	}{{SetupPhoneField, s.Phone}, {SetupFaxField, s.Fax}} {
		if p.v != "" && !validPhone(p.v) {
			addf(p.f, "号码格式不正确：手机号应为11位，座机应带区号")
		}
	}
	for _, o := range []struct {
		f Field
		v int
	}{{SetupOffsetXField, s.OffsetX}, {SetupOffsetYField, s.OffsetY}} {
		if o.v < -MaxLetterOffset || o.v > MaxLetterOffset {
			addf(o.f, "偏移不能超过 %d 毫米", MaxLetterOffset/10)
		}
	}
	for _, t := range []struct {
		f     Field
		v     string
		limit int
	}{{SetupCommitteeField, s.Committee, 60}, {SetupAddressField, s.Address, 60}} {
		if n := utf8.RuneCountInString(t.v); n > t.limit {
			addf(t.f, "过长（%d个字，最多%d个字）", n, t.limit)
		}
	}
	return errs
}

// Resolved is the setup as printed: the profile's address and contact
// phone where the setup leaves them empty.
func (s LetterSetup) Resolved(p *Profile) LetterSetup {
	if s.Address == "" {
		s.Address = p.OrgAddress
	}
	if s.Phone == "" {
		s.Phone = p.ContactPhone
	}
	return s
}

// ParseOffset reads a 套打 offset typed in millimetres (-1.5, 2, ＋0.5) as
// tenths of a millimetre.
func ParseOffset(s string) (int, error) {
	t := strings.TrimSuffix(strings.TrimSpace(strings.NewReplacer("＋", "+", "－", "-", "．", ".").Replace(s)), "毫米")
	t = strings.TrimSuffix(strings.TrimSpace(t), "mm")
	if t == "" {
		return 0, nil
	}
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(strings.TrimPrefix(t, "-"), "+")
	whole, frac, _ := strings.Cut(t, ".")
	if whole == "" {
		whole = "0"
	}
	if !IsDigits(whole) || len(whole) > 3 || len(frac) > 1 || frac != "" && !IsDigits(frac) {
		return 0, Errorf(nil, "偏移“%s”应为毫米数，如 1.5 或 -2（精确到0.1毫米）", s)
	}
	n, _ := strconv.Atoi(whole)
	n *= 10
	if frac != "" {
		n += int(frac[0] - '0')
	}
	if neg {
		n = -n
	}
	return n, nil
}

// OffsetText writes an offset in tenths of a millimetre as millimetres.
func OffsetText(tenths int) string {
	sign := ""
	if tenths < 0 {
		sign, tenths = "-", -tenths
	}
	if tenths%10 == 0 {
		return fmt.Sprintf("%s%d", sign, tenths/10)
	}
	return fmt.Sprintf("%s%d.%d", sign, tenths/10, tenths%10)
}

// DatedRecord is something recorded about a member on a date (an
// attendance, 转正, a dues payment), named for a message.
type DatedRecord struct {
	What Text // said in the UI language: AttendanceRecord, FullMembershipRecord, DuesPaidRecord
	Date Date
}

// AttendanceRecord is the member's place on the attendance list of the
// seq-th activity of its kind on day d.
func AttendanceRecord(kind ActivityKind, seq int, d Date) DatedRecord {
	return DatedRecord{What: Textf("%s的考勤（第%d次）", kind, seq), Date: d}
}

// FullMembershipRecord is the member's 转正 on day d.
func FullMembershipRecord(d Date) DatedRecord {
	return DatedRecord{What: Textf("转为正式党员"), Date: d}
}

// EventRecord is a change of the member's membership in this branch (转入,
// 恢复党籍) recorded for day d.
func EventRecord(kind EventKind, d Date) DatedRecord {
	return DatedRecord{What: Textf("%s", kind), Date: d}
}

// DuesPaidRecord is a dues payment on day d.
func DuesPaidRecord(d Date) DatedRecord { return DatedRecord{What: Textf("交纳党费"), Date: d} }

// CheckLetterAfterRecords refuses a letter dated before the latest of the
// member's records in this branch: the member could not attend, become a
// full member or pay dues here after leaving. The one sentence names that
// record.
func CheckLetterAfterRecords(date Date, name string, records []DatedRecord) error {
	latest := latestAfter(date, records)
	if latest == nil {
		return nil
	}
	return ValidationErrors{Problem(LetterDateField,
		"%s 早于%s在本支部的最后一项记录：%s %s；介绍信的日期不能早于这一天", date.String(), name, latest.Date.String(), latest.What)}
}

// CheckLeavingAfterRecords is the same rule for a 死亡, 出党 or 停止党籍
// recorded without a letter: a member who died on a day did not attend,
// pay dues or become a full member here afterwards, and a date before those
// records would turn them into records of nobody (the register printed
// payments after a death, review s14-attack8 #25). field is the form's
// date field the sentence is reported against.
func CheckLeavingAfterRecords(field Field, kind EventKind, date Date, name string, records []DatedRecord) error {
	latest := latestAfter(date, records)
	if latest == nil {
		return nil
	}
	return ValidationErrors{Problem(field,
		"%s 早于%s在本支部的最后一项记录：%s %s；“%s”的日期不能早于这一天", date.String(), name, latest.Date.String(), latest.What, Sentence(string(kind)))}
}

// CheckArrivalBeforeRecords refuses a 到本支部日期 later than the first of
// the member's records in this branch (records, dated before date): they
// could not attend or pay dues here before they came.
func CheckArrivalBeforeRecords(date Date, name string, records []DatedRecord) error {
	var first *DatedRecord
	for i := range records {
		r := &records[i]
		if r.Date.IsZero() || !r.Date.Before(date) {
			continue
		}
		if first == nil || r.Date.Before(first.Date) {
			first = r
		}
	}
	if first == nil {
		return nil
	}
	return ValidationErrors{Problem(FieldArrivedOn,
		"%s 晚于%s在本支部的第一项记录：%s %s；到本支部日期不能晚于这一天", date.String(), name, first.Date.String(), first.What)}
}

// latestAfter is the latest of records dated after date, or nil.
func latestAfter(date Date, records []DatedRecord) *DatedRecord {
	var latest *DatedRecord
	for i := range records {
		r := &records[i]
		if r.Date.IsZero() || !r.Date.After(date) {
			continue
		}
		if latest == nil || r.Date.After(latest.Date) {
			latest = r
		}
	}
	return latest
}
