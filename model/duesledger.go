package model

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// MonthState is what the dues register shows for one member and month.
type MonthState uint8

const (
	MonthNotOwed     MonthState = iota // before admission or after leaving
	MonthPaid                          // 已交
	MonthDue                           // this month or later, not yet paid: not late
	MonthOverdue                       // a past month not paid: 欠缴
	MonthBaseMissing                   // owed, not paid, and no base for the year: amount unknown
	MonthExempt                        // owed nothing: waived (免交) or reduced to 0
)

// MonthCell is one member's month in the register: its state and the amount
// paid (Paid) or owed (Due, Overdue).
type MonthCell struct {
	State  MonthState
	Amount Money
}

// RegisterRow is one member's line of the 党费收缴登记表.
type RegisterRow struct {
	MemberID int64
	Name     string
	HasBase  bool
	Base     DuesBase
	Rate     int64 // basis points, 0 for fixed amounts
	Monthly  Money // 月应交 from January
	Rule     string
	// Due is the dues in force each month: Monthly, or from the month of
	// a change during the year (Changes, earliest first) its amount.
	Due      [12]Money
	Changes  []DuesBase
	Months   [12]MonthCell
	YearDue  Money // 全年应交: the months owed this year, known amounts only
	YearPaid Money // 全年实交: the months' dues paid
	Extra    Money // 自愿多交 with the payments of the year, apart from YearPaid
	Note     string
}

// DuesRegister is the year's register of the branch.
type DuesRegister struct {
	Year      int
	Rows      []RegisterRow
	MonthPaid [12]Money // column totals
	YearDue   Money
	YearPaid  Money
	Extra     Money // 自愿多交, all members
	ExtraPaid int   // how many payments carried extra dues
}

// BuildRegister computes the year's register from the members, the year's
// bases and the months paid in the year (each slice in any order). today
// decides which unpaid months are late. It works on slices and one map so
// that a big roster computes in a few milliseconds (BenchmarkRegister20000).
func BuildRegister(year int, members []Member, bases []DuesBase, paid []PaidMonth, today Date, r DuesRules) DuesRegister {
	reg := DuesRegister{Year: year}
	first := MonthOf(year, 1)
	current := MonthOfDate(today)
	index := make(map[int64]int, len(members))
	rows := make([]RegisterRow, 0, len(members))
	for i := range members {
		m := &members[i]
		from, to, ok := OwedMonths(m)
		if !ok || from > first+11 || to < first {
			continue // owes nothing this year
		}
		index[m.ID] = len(rows)
		row := RegisterRow{MemberID: m.ID, Name: m.Name}
		for k := range 12 {
			if mo := first + Month(k); mo >= from && mo <= to {
				row.Months[k].State = MonthOverdue // settled below
			}
		}
		rows = append(rows, row)
	}
	var changes []DuesBase
	for _, b := range bases {
		i, ok := index[b.MemberID]
		if !ok || b.Year != year {
			continue
		}
		if b.From > 1 {
			changes = append(changes, b)
			continue
		}
		row := &rows[i]
		amount, rule, err := b.Monthly(r)
		if err != nil {
			row.Note = err.Error()
			continue
		}
		row.HasBase, row.Base, row.Monthly, row.Rule, row.Rate = true, b, amount, rule, r.Rate(b.Category, b.Base)
		for k := range row.Due {
			row.Due[k] = amount
		}
		if b.Reduced {
			row.Note = "减交：" + b.Reason
		} else if b.Category == DuesExempt {
			row.Note = "免交：" + b.Approval
		}
	}
	applyChanges(changes, r, func(b DuesBase) *monthlySchedule {
		row := &rows[index[b.MemberID]]
		if !row.HasBase {
			return nil
		}
		row.Changes = append(row.Changes, b)
		return (*monthlySchedule)(&row.Due)
	})
	for _, p := range paid {
		i, ok := index[p.MemberID]
		k := p.Month.InYear(year)
		if !ok || k < 0 || k > 11 {
			continue
		}
		rows[i].Months[k] = MonthCell{State: MonthPaid, Amount: p.Amount}
	}
	for i := range rows {
		row := &rows[i]
		missing := 0
		for k := range 12 {
			c := &row.Months[k]
			switch c.State {
			case MonthNotOwed:
				continue
			case MonthPaid:
				row.YearPaid += c.Amount
				reg.MonthPaid[k] += c.Amount
				row.YearDue += row.Due[k]
				continue
			}
			switch {
			case !row.HasBase:
				c.State = MonthBaseMissing
				missing++
			case row.Due[k] == 0:
				c.State = MonthExempt
			case first+Month(k) >= current:
				c.State, c.Amount = MonthDue, row.Due[k]
				row.YearDue += row.Due[k]
			default:
				c.Amount = row.Due[k]
				row.YearDue += row.Due[k]
			}
		}
		if missing > 0 && row.Note == "" {
			row.Note = fmt.Sprintf("缺%d年基数", year)
		}
		for _, b := range row.Changes {
			row.addNote(b.ChangeText(r))
		}
		reg.YearDue += row.YearDue
		reg.YearPaid += row.YearPaid
	}
	reg.Rows = rows
	return reg
}

func (row *RegisterRow) addNote(s string) {
	if row.Note != "" {
		row.Note += "；"
	}
	row.Note += s
}

// AddExtras adds the voluntary extra dues (自愿多交) of the year's payments,
// by member, to the register: apart from what the months required, so that
// 全年实交 still compares with 全年应交, and named in the 备注 column.
// payments counts the payments that carried extra dues.
func (reg *DuesRegister) AddExtras(extra map[int64]Money, payments int) {
	for i := range reg.Rows {
		row := &reg.Rows[i]
		if e := extra[row.MemberID]; e > 0 {
			row.Extra = e
			reg.Extra += e
			row.addNote(fmt.Sprintf("自愿多交 %s 元", e))
		}
	}
	reg.ExtraPaid = payments
}

// Arrear is a member behind with dues (欠缴).
type Arrear struct {
	MemberID int64
	Name     string
	Months   int   // past months owed and not paid
	Amount   Money // their dues, where the base is known
	Unknown  int   // of Months, those whose year has no base
	Streak   int   // consecutive unpaid months up to last month (党章 art. 9)
	Since    Month // first month of the streak
	Severity Severity
}

// Message says what the arrear is, for lists and home-screen findings.
func (a Arrear) Message() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s 欠缴党费 %d 个月", a.Name, a.Months)
	if a.Months > a.Unknown {
		fmt.Fprintf(&b, "，计 %s 元", a.Amount)
	}
	if a.Unknown > 0 {
		fmt.Fprintf(&b, "（其中 %d 个月缺基数，金额未定）", a.Unknown)
	}
	if a.Streak > 0 {
		fmt.Fprintf(&b, "；自 %s 起连续 %d 个月未交", a.Since.Chinese(), a.Streak)
	}
	return b.String()
}

// DuesHistory is what arrears are computed from: the bases of every year
// and every month paid, from the first month the branch kept dues in the
// app (Start). Months before Start are outside the ledger and never counted:
// a member who joined in 1985 is not shown 40 years behind.
type DuesHistory struct {
	Start Month
	Bases []DuesBase
	Paid  []PaidMonth
}

// Arrears lists the members on the roster with past months unpaid, the
// longest consecutive runs first. A run of c.WarnMonths is a warning and of
// c.LapseMonths serious (党章 art. 9). The current month is not late yet.
func Arrears(members []Member, h DuesHistory, today Date, r DuesRules, c PartyConstitutionRules) []Arrear {
	current := MonthOfDate(today)
	if h.Start == 0 || h.Start >= current {
		return nil
	}
	schedules := duesSchedules(h.Bases, r)
	paid := make(map[int64]map[Month]bool)
	for _, p := range h.Paid {
		if paid[p.MemberID] == nil {
			paid[p.MemberID] = make(map[Month]bool)
		}
		paid[p.MemberID][p.Month] = true
	}
	var out []Arrear
	for i := range members {
		m := &members[i]
		from, to, ok := OwedMonths(m)
		if !ok || !m.OnRoster {
			continue
		}
		from = max(from, h.Start)
		to = min(to, current-1)
		a := Arrear{MemberID: m.ID, Name: m.Name}
		streakOpen := true
		for mo := to; mo >= from; mo-- {
			var amount Money
			s, known := schedules[memberYear{m.ID, mo.Year()}]
			if known {
				amount = s[mo.Mon()-1]
			}
			unpaid := !paid[m.ID][mo] && (!known || amount > 0)
			if !unpaid {
				streakOpen = false
				continue
			}
			a.Months++
			if known {
				a.Amount += amount
			} else {
				a.Unknown++
			}
			if streakOpen {
				a.Streak++
				a.Since = mo
			}
		}
		if a.Months == 0 {
			continue
		}
		switch {
		case a.Streak >= c.LapseMonths:
			a.Severity = Serious
		case a.Streak >= c.WarnMonths:
			a.Severity = Warning
		default:
			a.Severity = Info
		}
		out = append(out, a)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Streak != out[j].Streak {
			return out[i].Streak > out[j].Streak
		}
		return out[i].Months > out[j].Months
	})
	return out
}

// PaymentCheck is what a payment is checked against: the member, their
// bases of every year with the changes during a year, the months already
// paid, and today.
type PaymentCheck struct {
	Member Member
	Bases  []DuesBase
	Paid   map[Month]bool
	PaidBy *Member // the member who pays for them, if another
	Today  Date
	Rules  DuesRules
}

// Check refuses a payment that cannot be right and returns the dues of each
// month it covers, in the order of p.Months. The amount must equal the sum
// of those months' dues: an amount that does not match is a typing error or
// a month missing from the list.
func (pc PaymentCheck) Check(p DuesPayment) ([]Money, error) {
	m := &pc.Member
	r := pc.Rules
	fail := func(format string, a ...any) ([]Money, error) {
		return nil, fmt.Errorf("%w：%s", ErrDues, fmt.Sprintf(format, a...))
	}
	if p.Date.IsZero() || p.Date.Day == 0 {
		return fail("请填写交纳日期（年-月-日）")
	}
	if err := p.Date.Validate(); err != nil {
		return nil, err
	}
	if p.Date.After(pc.Today) {
		return fail("交纳日期 %s 晚于今天", p.Date)
	}
	from, to, ok := OwedMonths(m)
	if !ok {
		return fail("%s 的加入党组织日期未填写，无法确定从何时起交纳党费", m.Name)
	}
	if MonthOfDate(p.Date) < from {
		return fail("交纳日期 %s 早于 %s 被接收为预备党员的 %s，此前不需交纳党费", p.Date, m.Name, m.JoinDate)
	}
	if len(p.Months) == 0 {
		return fail("请选择这笔党费所交的月份")
	}
	if p.Amount <= 0 {
		return fail("金额应大于 0")
	}
	if p.Extra < 0 {
		return fail("自愿多交的金额不能为负数")
	}
	if p.PaidBy != 0 && pc.PaidBy == nil {
		return fail("找不到代交的党员")
	}
	if pc.PaidBy != nil && !pc.PaidBy.OnRoster {
		return fail("代交人 %s 已不在册", pc.PaidBy.Name)
	}
	if utf8Len(p.Receipt) > 50 || utf8Len(p.Note) > 200 {
		return fail("收据号或备注过长")
	}
	payMonth := MonthOfDate(p.Date)
	// The bases are the member's own; key them by this member whatever
	// they carry.
	own := slices.Clone(pc.Bases)
	for i := range own {
		own[i].MemberID = m.ID
	}
	schedules := duesSchedules(own, r)
	seen := make(map[Month]bool, len(p.Months))
	amounts := make([]Money, len(p.Months))
	var sum Money
	for i, mo := range p.Months {
		switch {
		case seen[mo]:
			return fail("%s 重复选择", mo.Chinese())
		case mo < from:
			return fail("%s 早于 %s 被接收为预备党员（%s），不需交纳", mo.Chinese(), m.Name, m.JoinDate)
		case mo > to:
			return fail("%s 时 %s 已不在本支部（%s %s）", mo.Chinese(), m.Name, m.LeftOn, m.LeftBy)
		case pc.Paid[mo]:
			return fail("%s 的党费 %s 已交过，不能重复登记", m.Name, mo.Chinese())
		case mo < payMonth-Month(r.BackPayMonths):
			return fail("%s 距交纳日期超过 %d 个月，补交一般不超过 %d 个月；如确需补交，请经支部研究后在备注中说明并分笔登记", mo.Chinese(), r.BackPayMonths, r.BackPayMonths)
		case mo > payMonth+Month(r.AdvanceMonths):
			return fail("%s 距交纳日期超过 %d 个月，预交不宜超过 %d 个月", mo.Chinese(), r.AdvanceMonths, r.AdvanceMonths)
		}
		seen[mo] = true
		s, ok := schedules[memberYear{m.ID, mo.Year()}]
		if !ok {
			return fail("%s 缺少 %d 年的党费基数，请先在“基数”中填写", m.Name, mo.Year())
		}
		a := s[mo.Mon()-1]
		if a == 0 {
			return fail("%s %s 经批准免交，不需登记交纳", m.Name, mo.Chinese())
		}
		amounts[i] = a
		sum += a
	}
	if sum != p.Amount {
		return fail("金额 %s 元与所交月份应交的 %s 元（%d 个月）不符；自愿多交的部分请填在“自愿多交”中", p.Amount, sum, len(p.Months))
	}
	return amounts, nil
}

func utf8Len(s string) int { return len([]rune(s)) }

// Remittance is dues handed to the upper committee (上缴) for a quarter.
type Remittance struct {
	ID      int64
	Year    int
	Quarter int // 1–4
	Date    Date
	Amount  Money
	Receipt string
	Note    string
	// Reversal is the correction that voided the remittance (冲正), nil if
	// none.
	Reversal *DuesReversal
}

// Validate checks a remittance against the balance the branch holds.
func (rm Remittance) Validate(held Money, today Date) error {
	switch {
	case rm.Quarter < 1 || rm.Quarter > 4:
		return fmt.Errorf("%w：季度应为 1 至 4", ErrDues)
	case rm.Year < 1949 || rm.Year > 2200:
		return fmt.Errorf("%w：年份 %d 不合理", ErrDues, rm.Year)
	case rm.Date.IsZero() || rm.Date.Day == 0:
		return fmt.Errorf("%w：请填写上缴日期（年-月-日）", ErrDues)
	case rm.Date.After(today):
		return fmt.Errorf("%w：上缴日期 %s 晚于今天", ErrDues, rm.Date)
	case rm.Amount <= 0:
		return fmt.Errorf("%w：上缴金额应大于 0", ErrDues)
	case rm.Amount > held:
		return fmt.Errorf("%w：上缴金额 %s 元超过支部结存的 %s 元", ErrDues, rm.Amount, held)
	}
	return rm.Date.Validate()
}

// DuesQuarter is one quarter's collection and remittance.
type DuesQuarter struct {
	Collected Money
	Remitted  Money
}

// DuesBalance is the year's money by quarter and the balance the branch holds.
type DuesBalance struct {
	Year     int
	Quarters [4]DuesQuarter
	Held     Money // collected minus remitted, all years, to date
}

// Headings of the 党费收缴登记表 (RULES.md §2), shared by the screen and the
// printed form; the twelve month columns go between Monthly and YearDue.
const (
	HeadSerial   = "序号"
	HeadName     = "姓名"
	HeadCategory = "类别"
	HeadBase     = "月收入基数"
	HeadRate     = "比例"
	HeadMonthly  = "月应交"
	HeadPaid     = "实交"
	HeadYearDue  = "全年应交"
	HeadYearPaid = "全年实交"
	HeadSigned   = "收款人签名"
	HeadNote     = "备注"
)

// MonthHeading is a month column's heading: 1月 … 12月.
func MonthHeading(k int) string { return fmt.Sprintf("%d月", k+1) }

// RateLabel is the 比例 column: the rate, or 定额 for fixed amounts.
func (r *RegisterRow) RateLabel() string {
	switch {
	case !r.HasBase:
		return ""
	case r.Rate > 0 && !r.Base.Reduced:
		return RateText(r.Rate)
	case r.Base.Reduced:
		return "减交"
	case r.Base.Category == DuesExempt:
		return "免交"
	}
	return "定额"
}

// BaseLabel is the 月收入基数 column.
func (r *RegisterRow) BaseLabel() string {
	switch {
	case !r.HasBase:
		return "未填"
	case r.Base.Category.HasBase():
		return r.Base.Base.String()
	}
	return "—"
}
