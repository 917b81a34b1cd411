package model

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// DuesCategory is the member's category for party dues (党费缴纳类别); it
// decides whether dues are a rate on a base or a fixed amount.
type DuesCategory string

const (
	DuesEmployed     DuesCategory = "在职"
	DuesAnnualSalary DuesCategory = "年薪制"
	DuesSelfEmployed DuesCategory = "个体"
	DuesRetired      DuesCategory = "离退休"
	DuesFarmer       DuesCategory = "农民"
	DuesStudent      DuesCategory = "学生"
	DuesUnemployed   DuesCategory = "下岗失业"
	DuesWelfare      DuesCategory = "低保/救济"
	DuesExempt       DuesCategory = "免交" // waived on application, approved above
)

// DuesCategories lists the categories in the order forms show them.
var DuesCategories = []DuesCategory{DuesEmployed, DuesAnnualSalary, DuesSelfEmployed, DuesRetired,
	DuesFarmer, DuesStudent, DuesUnemployed, DuesWelfare, DuesExempt}

// DuesBracket is one step of a rate table: a base up to and including UpTo
// (0: no upper bound) pays BasisPoints (1% = 100) of the whole base.
type DuesBracket struct {
	UpTo        Money
	BasisPoints int64
}

// DuesRules holds the numbers of 《关于中国共产党党费收缴、使用和管理的规定》.
type DuesRules struct {
	Document  string
	Effective Date

	Salaried []DuesBracket // 在职, 年薪制, 个体
	Retired  []DuesBracket // 离退休

	FarmerMin, FarmerMax Money // 农民: the branch sets a fixed amount within these
	FixedLow             Money // 学生, 下岗失业, 低保/救济

	BackPayMonths int // 补交: months before the payment month that may still be paid

	// App policy, not the document's: a monthly base above MaxBase is taken
	// for a typing error (an annual figure, an extra zero); payments may
	// cover at most AdvanceMonths months after the payment month; a
	// voluntary extra (自愿多交) above MaxExtra is taken for a typing error
	// too (the document sets no limit, but 99,999,999,999.99 元 is a slip
	// of the keyboard, and it printed as ### in the annual summary).
	MaxBase       Money
	AdvanceMonths int
	MaxExtra      Money
}

// DuesRules2008 is 中组发〔2008〕3号.
var DuesRules2008 = DuesRules{
	Document:  "关于中国共产党党费收缴、使用和管理的规定（中组发〔2008〕3号）",
	Effective: NewDate(2008, 2, 4),
	Salaried: []DuesBracket{
		{UpTo: Yuan(3000), BasisPoints: 50},
		{UpTo: Yuan(5000), BasisPoints: 100},
		{UpTo: Yuan(10000), BasisPoints: 150},
		{UpTo: 0, BasisPoints: 200},
	},
	Retired: []DuesBracket{
		{UpTo: Yuan(5000), BasisPoints: 50},
		{UpTo: 0, BasisPoints: 100},
	},
	FarmerMin:     20,
	FarmerMax:     100,
	FixedLow:      20,
	BackPayMonths: 6,
	MaxBase:       Yuan(1000000),
	AdvanceMonths: 12,
	MaxExtra:      Yuan(1000000),
}

// CurrentDuesRules is the edition in force.
func CurrentDuesRules() DuesRules { return DuesRules2008 }

// ErrDues is wrapped by every refused dues entry; the message says why.
var ErrDues = errors.New("党费")

// ErrOpeningInLedger is a 党费已交至 refused because it reaches into the
// months this ledger keeps (ValidateOpeningInLedger). It is ErrDues (its
// message reads the same), told apart so that a roster import can take
// the member without the month instead of refusing the whole row.
var ErrOpeningInLedger = fmt.Errorf("%w", ErrDues)

// MonthlyDues is the monthly amount for a category and base under the
// current rules, with the rule that produced it. For 农民 the base is the
// fixed amount the branch chose (0: the lower bound).
func MonthlyDues(c DuesCategory, base Money) (Money, string, error) {
	return CurrentDuesRules().Monthly(c, base)
}

// Monthly applies the rules: the rate of the bracket the base falls in, on
// the whole base, upper bounds inclusive, rounded half up to the 分. The
// rule is said in Chinese (see Rule).
func (r DuesRules) Monthly(c DuesCategory, base Money) (Money, string, error) {
	amount, rule, err := r.Rule(c, base)
	return amount, rule.String(), err
}

// Rule is Monthly with the rule that produced the amount kept as a Text,
// for screens that say it in the UI language.
func (r DuesRules) Rule(c DuesCategory, base Money) (Money, Text, error) {
	if base < 0 {
		return 0, Text{}, Errorf(ErrDues, "计算基数不能为负数（%s 元）", base)
	}
	if base > r.MaxBase {
		return 0, Text{}, Errorf(ErrDues, "月计算基数 %s 元超过 %s 元，不合常理（是否填成了年收入？）", base, r.MaxBase)
	}
	switch c {
	case DuesEmployed, DuesAnnualSalary, DuesSelfEmployed:
		return bracketDues(c, r.Salaried, base)
	case DuesRetired:
		return bracketDues(c, r.Retired, base)
	case DuesFarmer:
		if base == 0 {
			return r.FarmerMin, Textf("农民党员按月定额 %s–%s 元，支部未另定，按 %s 元", r.FarmerMin, r.FarmerMax, r.FarmerMin), nil
		}
		if base < r.FarmerMin || base > r.FarmerMax {
			return 0, Text{}, Errorf(ErrDues, "农民党员每月交纳 %s 至 %s 元，%s 元不在此范围", r.FarmerMin, r.FarmerMax, base)
		}
		return base, Textf("农民党员按月定额 %s–%s 元，支部定为 %s 元", r.FarmerMin, r.FarmerMax, base), nil
	case DuesStudent, DuesUnemployed, DuesWelfare:
		return r.FixedLow, Textf("%s党员每月定额 %s 元", c, r.FixedLow), nil
	case DuesExempt:
		return 0, Textf("经批准免交"), nil
	}
	return 0, Text{}, Errorf(ErrDues, "未知的缴纳类别“%s”", c)
}

func bracketDues(c DuesCategory, brackets []DuesBracket, base Money) (Money, Text, error) {
	var lower Money
	for _, b := range brackets {
		if b.UpTo == 0 || base <= b.UpTo {
			var span Text
			switch {
			case b.UpTo == 0:
				span = Textf("%s 元以上", lower)
			case lower == 0:
				span = Textf("%s 元以下（含）", b.UpTo)
			default:
				span = Textf("%s 元以上至 %s 元（含）", lower, b.UpTo)
			}
			return base.Percent(b.BasisPoints), Textf("%s：基数 %s，按 %s 交纳", c, span, RateText(b.BasisPoints)), nil
		}
		lower = b.UpTo
	}
	return 0, Text{}, Errorf(ErrDues, "规则表缺少最高一档")
}

// RateText prints basis points as a percentage: 150 → "1.5%".
func RateText(bp int64) string {
	s := fmt.Sprintf("%d.%02d", bp/100, bp%100)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s + "%"
}

// Rate is the basis points the category and base pay, 0 for fixed amounts.
func (r DuesRules) Rate(c DuesCategory, base Money) int64 {
	var brackets []DuesBracket
	switch c {
	case DuesEmployed, DuesAnnualSalary, DuesSelfEmployed:
		brackets = r.Salaried
	case DuesRetired:
		brackets = r.Retired
	}
	for _, b := range brackets {
		if b.UpTo == 0 || base <= b.UpTo {
			return b.BasisPoints
		}
	}
	return 0
}

// HasBase reports whether the category's dues depend on a base (the 基数
// column); the fixed categories have none, 农民 has the branch's amount.
func (c DuesCategory) HasBase() bool {
	switch c {
	case DuesEmployed, DuesAnnualSalary, DuesSelfEmployed, DuesRetired:
		return true
	}
	return false
}

// DuesBase is a member's dues setting for one year (计算基数): the amount is
// fixed at the start of the year from it. A reduction (减交) or a waiver
// (免交) is decided by the branch on application and approved above, so it
// carries a reason and the approval.
type DuesBase struct {
	MemberID int64
	Year     int
	Category DuesCategory
	Base     Money // 在职 etc.: monthly base; 农民: the chosen amount; else 0
	// From is the first month the setting applies to: 0 (or 1) for the
	// year's base, 2–12 for a change during the year when new pay starts
	// (RULES §2); the earlier months keep the amount in force before.
	From time.Month

	Reduced       bool
	ReducedAmount Money
	Reason        string // why the member applied
	Approval      string // who approved and when, e.g. 某党委 2026-01-05 批复
}

// Monthly is the amount the member owes each month of the year and the rule
// that produced it; a reduction replaces the computed amount. The rule is
// said in Chinese (see Rule).
func (b DuesBase) Monthly(r DuesRules) (Money, string, error) {
	amount, rule, err := b.Rule(r)
	return amount, rule.String(), err
}

// Rule is Monthly with the rule kept as a Text.
func (b DuesBase) Rule(r DuesRules) (Money, Text, error) {
	amount, rule, err := r.Rule(b.Category, b.Base)
	if err != nil {
		return 0, Text{}, err
	}
	if b.Reduced {
		return b.ReducedAmount, Textf("经批准减交（原应交 %s 元）：%s", amount, b.Approval), nil
	}
	return amount, rule, nil
}

// Validate checks a base as the grid or an import hands it over; the
// message names the member's problem without the member, which the caller
// adds.
func (b DuesBase) Validate(r DuesRules) error {
	if !ValidRecordYear(b.Year) {
		return Errorf(ErrDues, "年份 %d 不合理", b.Year)
	}
	if b.From < 0 || b.From > 12 {
		return Errorf(ErrDues, "起始月份 %d 不合理", b.From)
	}
	monthly, _, err := r.Monthly(b.Category, b.Base)
	if err != nil {
		return err
	}
	if b.Category.HasBase() && b.Base > 0 && monthly == 0 {
		// A base so small that its dues round to 0.00 is a base of 0 by
		// another road: the register printed its months 免交, which no one
		// approved (review s14-attack8 #5, #8: 0.01 for 在职).
		return Errorf(ErrDues, "计算基数 %s 元每月应交不足1分（0.00 元），不合常理：请核对是否少输了位数；没有收入的，请按减交或免交办理（填写原因和批准情况）", b.Base)
	}
	if b.Category.HasBase() && b.Base == 0 {
		// A base of 0 would make the member owe nothing without anyone
		// approving it: no income is a reduction or a waiver.
		return Errorf(ErrDues, "%s党员请填写计算基数（每月收入）；没有收入的，请按减交或免交办理（填写原因和批准情况）", b.Category)
	}
	if !b.Category.HasBase() && b.Category != DuesFarmer && b.Base != 0 {
		return Errorf(ErrDues, "%s党员按定额交纳，不填计算基数", b.Category)
	}
	if b.Category == DuesExempt && strings.TrimSpace(b.Approval) == "" {
		return Errorf(ErrDues, "免交须填写批准情况（哪一级党组织何时批准）")
	}
	if b.Reduced {
		full, _, _ := r.Monthly(b.Category, b.Base)
		switch {
		case strings.TrimSpace(b.Reason) == "":
			return Errorf(ErrDues, "减交须填写原因")
		case strings.TrimSpace(b.Approval) == "":
			return Errorf(ErrDues, "减交须填写批准情况（哪一级党组织何时批准）")
		case b.ReducedAmount < 0:
			return Errorf(ErrDues, "减交后的金额不能为负数")
		case b.ReducedAmount >= full:
			return Errorf(ErrDues, "减交后的金额 %s 元应少于按规定应交的 %s 元", b.ReducedAmount, full)
		}
	}
	if utf8.RuneCountInString(b.Reason) > 200 || utf8.RuneCountInString(b.Approval) > 200 {
		return Errorf(ErrDues, "原因或批准情况过长（最多200字）")
	}
	return nil
}

// Month is a calendar month, counted from year 0 so that months subtract:
// Month(2026*12 + 2) is March 2026.
type Month int

// MonthOf returns y-m as a Month.
func MonthOf(y int, m time.Month) Month { return Month(y*12 + int(m) - 1) }

// MonthOfDate returns the month a date falls in.
func MonthOfDate(d Date) Month { return MonthOf(d.Year, d.Month) }

// Year and Mon split the month.
func (m Month) Year() int        { return int(m) / 12 }
func (m Month) Mon() time.Month  { return time.Month(int(m)%12 + 1) }
func (m Month) String() string   { return fmt.Sprintf("%04d-%02d", m.Year(), int(m.Mon())) }
func (m Month) Chinese() string  { return fmt.Sprintf("%d年%d月", m.Year(), int(m.Mon())) }
func (m Month) Date() Date       { return MonthDate(m.Year(), m.Mon()) }
func (m Month) InYear(y int) int { return int(m) - int(MonthOf(y, time.January)) } // 0–11 inside year y

// ParseMonth reads the stored form 2006-01.
func ParseMonth(s string) (Month, error) {
	d, err := ParseDate(s)
	if err != nil || d.IsZero() {
		return 0, fmt.Errorf("%q: %w，应为 年-月，如 2026-03", s, ErrBadDate)
	}
	return MonthOfDate(d), nil
}

// OwedMonths is the span of months a member owes dues for: from the month
// the general meeting admitted them as a probationary member (JoinDate) to
// the month they left the roster, both included. The leaving month is owed
// here because the member still belonged to the branch in it, and the
// transfer letter states dues "paid up to" that month; the receiving branch
// collects from the next. ok is false when the join date is unknown.
func OwedMonths(m *Member) (from, to Month, ok bool) {
	if m.JoinDate.IsZero() {
		return 0, 0, false
	}
	from = MonthOfDate(m.JoinDate)
	to = Month(1 << 30)
	if !m.OnRoster && !m.LeftOn.IsZero() {
		to = MonthOfDate(m.LeftOn)
	}
	return from, to, true
}

// PaidMonth is one month a payment covered, with the dues for it.
type PaidMonth struct {
	MemberID  int64
	Month     Month
	Amount    Money
	PaymentID int64
}

// DuesPayment is one payment (收缴) of dues: on a date, covering one or more
// months (in advance, or back-paid), paid by the member or by another member
// for them, against a receipt.
type DuesPayment struct {
	ID       int64
	MemberID int64
	PaidBy   int64 // another member who paid for them; 0: the member
	Date     Date
	Amount   Money
	Months   []Month
	Receipt  string // 收据号
	Note     string
	// Extra is voluntary dues beyond the months' dues (自愿多交, which has
	// no limit): kept apart from Amount so that Amount must still equal the
	// months' dues and a typing error is caught.
	Extra Money
	// Reversal is the correction that voided the payment (冲正), nil if
	// none: the payment stays on record, its months are unpaid again.
	Reversal *DuesReversal

	CreatedAt time.Time
}

// Total is the money received: the months' dues and the voluntary extra.
func (p *DuesPayment) Total() Money { return p.Amount + p.Extra }

// MonthsText lists the months briefly: 2026-01、2026-02.
func (p *DuesPayment) MonthsText() string {
	parts := make([]string, len(p.Months))
	for i, m := range p.Months {
		parts[i] = m.String()
	}
	return strings.Join(parts, "、")
}

// Fields of a bases workbook that are not member fields, for rejections;
// their label is their text.
const (
	FieldDuesBase     Field = "计算基数"
	FieldDuesCategory Field = "缴纳类别"
	// A bases sheet kept by hand often says the year of each row and the
	// monthly amount it gives: both are checked against the import, not
	// passed over (review s14-attack8 #2, #3).
	FieldDuesYear    Field = "年度"
	FieldDuesMonthly Field = "月交党费"
)

// ParseDuesCategory reads a category as typed in a workbook: the names of
// DuesCategories, and 低保 or 救济 alone.
func ParseDuesCategory(s string) (DuesCategory, bool) {
	s = strings.TrimSpace(s)
	switch s {
	case "低保", "救济":
		return DuesWelfare, true
	case "在职职工", "在职党员", "在职人员":
		return DuesEmployed, true
	case "离休", "退休", "离退休人员":
		return DuesRetired, true
	// The short and the personal spellings a secretary types (review
	// s14-attack8 #7): each can only mean the one category.
	case "下岗", "失业", "下岗人员", "失业人员", "下岗职工":
		return DuesUnemployed, true
	case "学生党员", "在校学生":
		return DuesStudent, true
	}
	for _, c := range DuesCategories {
		if string(c) == s {
			return c, true
		}
	}
	return "", false
}

// Sources recorded with a change of base.
const (
	SourceDuesGrid   = "基数录入"
	SourceDuesImport = "基数导入"
)

// BasePreview is a bases workbook read and matched against the roster,
// shown before anything is saved.
type BasePreview struct {
	File      string
	Year      int
	Sheet     string
	HeaderRow int
	// Sheets are the sheets read, every one that holds bases; with more
	// than one, rows and refusals name their sheet.
	Sheets   []string
	Rejected []Rejection
	Bases    []DuesBase // one per accepted row, ready to save
	Names    []string   // the members' names, in the order of Bases
	Changed  int        // how many differ from what the year holds
	// Openings are the rows' 党费已交至, for the rows that give one.
	Openings []DuesOpening
	// Rows are where each of Bases came from, in the same order.
	Rows []BasePreviewRow
	// Ignored are the headings of the columns not imported; Notes what
	// was read other than the sheet shows it (a hidden 党费已交至).
	Ignored []string
	Notes   []ImportNote
}

// BasePreviewRow is an accepted row of a bases workbook: its sheet row, its
// 党费已交至 (0: none) and whether it changes what is stored.
type BasePreviewRow struct {
	Sheet   string
	Row     int
	PaidTo  Month
	Changed bool
	// Was is the member's stored 党费已交至 (0: none), for EarlierMoves.
	Was Month
}

// NewOpenings is how many rows set a 党费已交至 other than the member's
// stored one: a file imported again with the same month registers nothing
// anew, and saying it did (登记党费已交至 1 人) sent the user looking for a
// change that was not there (review s13-newuser #9). Openings still holds
// them all: saving the same month again changes nothing.
func (p BasePreview) NewOpenings() int {
	n := 0
	for _, r := range p.Rows {
		if r.PaidTo != 0 && r.PaidTo != r.Was {
			n++
		}
	}
	return n
}

// BasePreviewLines says what an import of bases would write, a line per
// member: "第 3 行 张三：在职，基数 5400.00 元，月交 81.00 元；党费已交至
// 2026年10月（有变化）".
func BasePreviewLines(p BasePreview) []string {
	texts := BasePreviewTexts(p)
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = t.String()
	}
	return out
}

// BasePreviewTexts are BasePreviewLines as Texts, for a window in another
// language.
func BasePreviewTexts(p BasePreview) []Text {
	r := CurrentDuesRules()
	out := make([]Text, len(p.Bases))
	for i, b := range p.Bases {
		var row BasePreviewRow
		if i < len(p.Rows) {
			row = p.Rows[i]
		}
		var sheet, base, monthly, paid, same Text
		if len(p.Sheets) > 1 {
			sheet = previewText("工作表“%s”", row.Sheet)
		}
		if b.Category.HasBase() || b.Category == DuesFarmer {
			base = previewText("，基数 %s 元", b.Base)
		}
		if amount, _, err := b.Monthly(r); err == nil {
			monthly = previewText("，月交 %s 元", amount)
		}
		if row.PaidTo != 0 {
			paid = previewText("；党费已交至%s", row.PaidTo)
		}
		if !row.Changed {
			same = previewText("（无变化）")
		}
		out[i] = previewText("%s第 %d 行 %s：%s%s%s%s%s", sheet, row.Row, p.Names[i], b.Category, base, monthly, paid, same)
	}
	return out
}

// previewText is a part of a line of the bases preview (not a finding's
// sentence: ui/kit's importFormats checks its translations).
func previewText(format string, args ...any) Text { return Textf(format, args...) }
