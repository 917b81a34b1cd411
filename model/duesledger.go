package model

import (
	"fmt"
	"slices"
	"sort"
)

// MonthState is what the dues register shows for one member and month.
type MonthState uint8

const (
	MonthNotOwed     MonthState = iota // before admission or after leaving
	MonthPaid                          // 已交
	MonthDue                           // this month or later, not yet paid: not late
	MonthOverdue                       // a past month not paid: 欠缴
	MonthBaseMissing                   // owed, not paid, and no base for the year: amount unknown (缺基数), a set-up gap, not arrears
	MonthExempt                        // owed nothing: waived (免交) or reduced to 0
	// MonthBeforeLedger is before the dues ledger begins for the member
	// (建账前): the app was not told whether it was paid and owes nothing
	// for it.
	MonthBeforeLedger
	// MonthPaidOpening is covered by the member's opening position
	// (党费已交至): paid before the ledger, on paper or at another branch.
	MonthPaidOpening
	// MonthToRecord is owed under the ledger but before the month the
	// ledger was set up in the app (DuesHistory.SetUp), with no payment
	// recorded (待补录): the 建账月份 was moved back and the months paid on
	// paper have not been entered yet. The app never saw these months, so
	// it does not call them unpaid: they are a backlog to record, never
	// arrears.
	MonthToRecord
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
	// RuleText is Rule as a Text, for screens in another language.
	RuleText Text
	// Due is the dues in force each month: Monthly, or from the month of
	// a change during the year (Changes, earliest first) its amount.
	Due     [12]Money
	Changes []DuesBase
	Months  [12]MonthCell
	// YearDue is 全年应交: the dues in force for the months of the year
	// the member owes under this ledger (from DuesHistory.OwedFrom to
	// leaving), known amounts only, paid or not — a payment never changes
	// it. Months to record (待补录) are owed and count; months before the
	// member's ledger begins (建账前, 党费已交至) do not, even when a payment
	// was recorded for one (review s9-8 #3: 应交 grew with each payment and
	// left 待补录 out, so the printed 收缴率 said 100 % while months were
	// unrecorded).
	YearDue Money
	// ToRecordDue is what YearDue holds for the months to record (待补录),
	// said beside the totals: owed, not collected, and not arrears.
	ToRecordDue Money
	YearPaid    Money // 全年实交: the months' dues paid
	// PaidBeforeLedger is what YearPaid holds for months before the
	// member's ledger begins (建账前): collected, not 应交, said in the
	// note so that 实交 above 应交 is explained.
	PaidBeforeLedger Money
	Extra            Money // 自愿多交 with the payments of the year, apart from YearPaid
	Note             string
	// LeftBy is how the member left the roster (转出 …), "" while on it;
	// the register keeps them for the months of the year they owed.
	LeftBy EventKind
	LeftOn Date
}

// DuesRegister is the year's register of the branch.
type DuesRegister struct {
	Year      int
	Rows      []RegisterRow
	MonthPaid [12]Money // column totals
	YearDue   Money
	YearPaid  Money
	// DueToDate is what the months already over owed (known amounts, paid
	// or not), PaidToDate what was paid for them: the 收缴率 is one over
	// the other, as the months still to come are not late. On the day
	// the ledger begins both are 0: nothing is due yet, not 0% collected.
	DueToDate  Money
	PaidToDate Money
	// ToRecordDue is what DueToDate holds for months to record (待补录):
	// they lower the 收缴率 until recorded, and are said beside it.
	ToRecordDue Money
	Extra       Money // 自愿多交, all members
	ExtraPaid   int   // how many payments carried extra dues
	// PaidBeforeLedger is what YearPaid holds for months before the
	// ledger begins (payments recorded before the 建账月份 was moved past
	// them), in PaidBeforeLedgerMonths months: the printed summary says it
	// beside 实交, which it makes larger than 应交 (review s13-attack8 #17).
	PaidBeforeLedger       Money
	PaidBeforeLedgerMonths int
}

// BuildRegister computes the year's register from the members and the
// ledger h: its start and opening positions, the bases (those of year are
// used) and the months paid in the year (each slice in any order). today
// decides which unpaid months are late. Months before the ledger begins for
// a member (DuesHistory.OwedFrom) are shown as such and owe nothing. It
// works on slices and one map so that a big roster computes in a few
// milliseconds (BenchmarkBuildRegister20000).
func BuildRegister(year int, members []Member, h DuesHistory, today Date, r DuesRules) DuesRegister {
	reg := DuesRegister{Year: year}
	first := MonthOf(year, 1)
	current := MonthOfDate(today)
	index := make(map[int64]int, len(members))
	rows := make([]RegisterRow, 0, len(members))
	for i := range members {
		m := &members[i]
		from, to, ok := h.ownMonths(m)
		if !ok || from > first+11 || to < first {
			continue // owes nothing this year
		}
		owed, kept := h.OwedFrom(m)
		known := h.knownFrom(m)
		opening, hasOpening := h.Openings[m.ID]
		arrived, came := h.Arrived[m.ID]
		index[m.ID] = len(rows)
		row := RegisterRow{MemberID: m.ID, Name: m.Name}
		if !m.OnRoster {
			row.LeftBy, row.LeftOn = m.LeftBy, m.LeftOn
		}
		for k := range 12 {
			mo := first + Month(k)
			switch {
			case mo < from || mo > to:
			case hasOpening && mo <= opening:
				// Paid on paper before the ledger, or at the branch
				// a letter came from (its 党费交至): 已交, not "—"
				// (review s7-8 attack #1).
				row.Months[k].State = MonthPaidOpening
			case !kept || mo < owed:
				row.Months[k].State = MonthBeforeLedger
			case mo < known:
				row.Months[k].State = MonthToRecord // unless paid, below
			default:
				row.Months[k].State = MonthOverdue // settled below
			}
		}
		switch {
		case came && hasOpening && opening >= first && opening >= from:
			row.Note = fmt.Sprintf("转入前党费已交至%s（介绍信，%s转入）", opening.Chinese(), arrived.Chinese())
		case hasOpening && opening >= first && opening >= from && opening < h.Start:
			row.Note = fmt.Sprintf("党费已交至%s（建账前已交）", opening.Chinese())
		case hasOpening && opening >= first && opening >= from && opening < h.enteredFor(m):
			// Entered after the set-up: where they stood when the
			// app learnt of them (DuesHistory.Entered).
			row.Note = fmt.Sprintf("党费已交至%s（录入本软件前已交）", opening.Chinese())
		case hasOpening && opening >= first && opening >= from:
			// After the 建账月份: paid outside this ledger (at another
			// branch, or on paper kept apart), never 建账前 for a month
			// the ledger covers.
			row.Note = fmt.Sprintf("党费已交至%s（在本账以外交纳）", opening.Chinese())
		}
		rows = append(rows, row)
	}
	var changes []DuesBase
	for _, b := range h.Bases {
		i, ok := index[b.MemberID]
		if !ok || b.Year != year {
			continue
		}
		if b.From > 1 {
			changes = append(changes, b)
			continue
		}
		row := &rows[i]
		amount, rule, err := b.Rule(r)
		if err != nil {
			row.addNote(err.Error())
			continue
		}
		row.HasBase, row.Base, row.Monthly, row.Rate = true, b, amount, r.Rate(b.Category, b.Base)
		row.Rule, row.RuleText = rule.String(), rule
		for k := range row.Due {
			row.Due[k] = amount
		}
		if b.Reduced {
			row.addNote("减交：" + b.Reason)
		} else if b.Category == DuesExempt {
			row.addNote("免交：" + b.Approval)
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
	// owes marks, by row, the months the member owes under the ledger
	// before the payments overwrite their states: what 全年应交 counts.
	owes := make([][12]bool, len(rows))
	before := make([][12]bool, len(rows)) // 建账前 or 党费已交至
	for i := range rows {
		for k, c := range rows[i].Months {
			owes[i][k] = c.State == MonthOverdue || c.State == MonthToRecord
			before[i][k] = c.State == MonthBeforeLedger || c.State == MonthPaidOpening
		}
	}
	for _, p := range h.Paid {
		i, ok := index[p.MemberID]
		k := p.Month.InYear(year)
		if !ok || k < 0 || k > 11 {
			continue
		}
		rows[i].Months[k] = MonthCell{State: MonthPaid, Amount: p.Amount}
	}
	for i := range rows {
		row := &rows[i]
		missing, toRecord, paidBefore := 0, 0, 0
		for k := range 12 {
			c := &row.Months[k]
			past := first+Month(k) < current
			switch c.State {
			case MonthToRecord:
				if !row.HasBase {
					// 缺基数 before 待补录 (review s9-8 #4): no payment
					// can be recorded without the year's base, so the
					// base is the gap to fix first.
					c.State = MonthBaseMissing
					missing++
					continue
				}
				if row.Due[k] == 0 {
					c.State = MonthExempt
					continue
				}
				toRecord++
				// Owed and not collected: in 应交, said apart as 待补录.
				row.YearDue += row.Due[k]
				row.ToRecordDue += row.Due[k]
				if past {
					reg.DueToDate += row.Due[k]
					reg.ToRecordDue += row.Due[k]
				}
				continue
			case MonthNotOwed, MonthBeforeLedger, MonthPaidOpening:
				continue
			case MonthPaid:
				row.YearPaid += c.Amount
				reg.MonthPaid[k] += c.Amount
				if !owes[i][k] {
					// Paid for a month this ledger does not count
					// (before it, or after leaving): collected, not 应交.
					if before[i][k] {
						paidBefore++
						row.PaidBeforeLedger += c.Amount
					}
					continue
				}
				row.YearDue += row.Due[k]
				if past {
					reg.DueToDate += row.Due[k]
					reg.PaidToDate += c.Amount
				}
				continue
			}
			switch {
			case !row.HasBase:
				c.State = MonthBaseMissing
				missing++
			case row.Due[k] == 0:
				c.State = MonthExempt
			case !past:
				c.State, c.Amount = MonthDue, row.Due[k]
				row.YearDue += row.Due[k]
			default:
				c.Amount = row.Due[k]
				row.YearDue += row.Due[k]
				reg.DueToDate += row.Due[k]
			}
		}
		if missing > 0 && !row.HasBase {
			row.addNote(fmt.Sprintf("缺%d年基数", year))
		}
		if toRecord > 0 {
			row.addNote(fmt.Sprintf("%d个月待补录（开始用本软件记账之前）", toRecord))
		}
		if paidBefore > 0 {
			row.addNote(fmt.Sprintf("%d个月的交纳%s元在建账月份之前，计入实交、不计应交", paidBefore, row.PaidBeforeLedger))
			reg.PaidBeforeLedger += row.PaidBeforeLedger
			reg.PaidBeforeLedgerMonths += paidBefore
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

// CollectionRate is the 收缴率 in per mille, rounded half up: what was paid
// for the months already over (PaidToDate) over what the recorded ones
// among them owed (DueToDate less ToRecordDue). Months to record (待补录)
// are left out: the app never saw them, so counting them as owed printed
// "收缴率0.0%" on the sheet the upper committee stamps for a branch whose
// every past month was still to record (review s13-newuser #4), and
// counting them as paid would print 100 % (review s9-8 #3); the printed
// line says their amount apart (RecordedDue). ok is false while no
// recorded month owed is over: a ledger begun this month has collected 0
// of 0, not 0 %.
func (reg *DuesRegister) CollectionRate() (permille int64, ok bool) {
	due := reg.RecordedDue()
	if due <= 0 {
		return 0, false
	}
	// Integers: money stays off floats.
	return (int64(reg.PaidToDate)*1000 + int64(due)/2) / int64(due), true
}

// RecordedDue is what the months already over owed, less those still to
// record (待补录): the amount the 收缴率 is over.
func (reg *DuesRegister) RecordedDue() Money {
	return reg.DueToDate - reg.ToRecordDue
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

// Arrear is a member behind with dues (欠缴): months owed under the ledger,
// with a known amount, and not paid. A month without a base is not an
// arrear but a set-up gap (BaseGaps): nobody could have paid an amount the
// ledger does not know.
type Arrear struct {
	MemberID int64
	Name     string
	Months   int   // past months owed and not paid, their amount known
	Amount   Money // their dues
	Unknown  int   // past months owed whose year has no base (缺基数), not counted in Months
	ToRecord int   // months before the ledger was set up, not recorded (待补录), not counted in Months
	Streak   int   // consecutive unpaid months up to last month (党章 art. 9)
	Since    Month // first month of the streak
	// Earlier is the longest run of consecutive unpaid months before the
	// streak (paid since), EarlierFrom to EarlierTo: a run of
	// WarnMonths or more is a reminder to collect them, named by its
	// months (review s9-8 #5: it read 连续0个月).
	Earlier                int
	EarlierFrom, EarlierTo Month
	Severity               Severity
	// LeftOn and LeftBy: a member no longer on the roster (YearArrears),
	// their arrears counted up to the month before they left.
	LeftOn Date
	LeftBy EventKind
}

// Message says what the arrear is, in Chinese (Text).
func (a Arrear) Message(c PartyConstitutionRules) string { return a.Text(c).String() }

// Text says what the arrear is, for lists and home-screen findings. Only a
// serious arrear names 党章 art. 9: it is the wording an inspector reads as
// 自行脱党, kept for months really owed and unpaid.
func (a Arrear) Text(c PartyConstitutionRules) Text {
	t := Textf("%s欠缴党费%d个月，计%s元", a.Name, a.Months, a.Amount)
	if a.Streak > 0 {
		t = Textf("%s；自%s起连续%d个月未交", t, a.Since, a.Streak)
	}
	switch {
	case a.Severity == Serious:
		t = Textf("%s。按党章第九条，连续%d个月不交纳党费又无正当理由的，视为自行脱党，请支部及时谈话、按规定处理", t, c.LapseMonths)
	case a.Severity == Warning && a.Streak >= c.WarnMonths:
		t = Textf("%s，请提醒并谈话", t)
	case a.Severity == Warning:
		// An earlier run, paid since: not 连续0个月, but which months.
		t = Textf("%s；%s曾连续%d个月未交（此后已有交纳），请提醒补交", t, monthRangeText(a.EarlierFrom, a.EarlierTo), a.Earlier)
	}
	if a.Unknown > 0 {
		t = Textf("%s（另有%d个月缺基数，金额未定）", t, a.Unknown)
	}
	if a.ToRecord > 0 {
		t = Textf("%s（另有%d个月待补录，不计欠交）", t, a.ToRecord)
	}
	return t
}

// DuesHistory is what dues are computed from: the month the branch began
// keeping its dues ledger in the app (Start, 建账月份), each member's
// opening position (Openings, 党费已交至: the last month paid before the
// ledger, on paper or at another branch), the bases of every year and every
// month paid. Months before a member's ledger begins (OwedFrom) are never
// counted: a member who joined in 1985 is not shown 40 years behind, nor one
// who paid January to October on paper before the app was set up.
type DuesHistory struct {
	Start Month
	// SetUp is the month the ledger was set up in the app: when its first
	// base was saved or its 建账月份 first set (0: not known, taken as
	// Start). Months from Start to before SetUp were never seen by the
	// app: unpaid, they are 待补录 (MonthToRecord), not arrears.
	SetUp    Month
	Openings map[int64]Month
	// Arrived is the month each member who came by an incoming letter
	// (转入) arrived in, their latest: months before it that their
	// opening (the letter's 党费交至) covers were paid at the branch they
	// came from, 已交 as any opening's (the register's note says 转入前).
	Arrived map[int64]Month
	// Came is the month each member came onto this branch's roster by a
	// 到本支部日期 the record states (typed, imported, 转入; not the day
	// they were merely added or imported — see ArrivedAfter), their
	// latest. Without an opening position the months before it are not
	// this branch's dues (不需交: no base is asked for them, review s5-8
	// attack #13); with one (a transfer letter's 党费交至, a 党费已交至),
	// dues are owed here from the month after it, as the letter says.
	Came map[int64]Month
	// Entered is the month each member was entered into this file — added
	// or imported: the month of their CreatedAt — for every stored member
	// entered after the ledger was set up in the app (storage leaves out
	// the others, whom it changes nothing for; see enteredFor for a
	// member not yet stored). Until a member is entered the app cannot
	// hold their payments, so the owed months before it are like those
	// before SetUp: unpaid, they are 待补录, never arrears (knownFrom), and
	// a 党费已交至 may reach the month before it (OpeningLimit). A roster
	// imported today into a ledger kept since 2025-01 made every member
	// 欠交 from 2025-01 — "视为自行脱党" on home, in `check` and on the
	// printed summary for people added that day — and refused their
	// 党费已交至 as inside the ledger (issue 8 §1, review s9-8 #15).
	// It is not an arrival: a member entered today may have been on the
	// roster for years (the months are owed here, just unseen); a stated
	// 到本支部日期 is Came.
	Entered map[int64]Month
	Bases   []DuesBase
	Paid    []PaidMonth
}

// ownMonths are the months m owes dues to this branch, as OwedMonths, but,
// when no opening position says where they stood, from the month m came
// onto its roster: a stated 到本支部日期 (Came), else the month they were
// entered into the file after the ledger's set-up (Entered) — as a
// member's gap in organisational life counts from the day they were added
// or imported unless the record says otherwise (issue 8 §1). Twelve people
// imported in December 2026 into a ledger kept since 2025 were asked for
// a 2025 base, and the closed year's printed register grew twelve rows of
// 缺基数 (review s13-newuser #6). A member who was here before states it
// by a 到本支部日期 or a 党费已交至: the months from then are owed, and
// those before their entry are 待补录 (knownFrom).
func (h *DuesHistory) ownMonths(m *Member) (from, to Month, ok bool) {
	from, to, ok = OwedMonths(m)
	if !ok {
		return from, to, ok
	}
	if _, has := h.Openings[m.ID]; !has {
		came, stated := h.Came[m.ID]
		if !stated {
			came = h.enteredFor(m)
		}
		from = max(from, came)
	}
	return from, to, ok
}

// OwedFrom is the first month m owes dues under the ledger: the month after
// their opening position if they have one, else the ledger's start; never
// before their admission. ok is false when the ledger has not begun (no
// start: no base entered yet) or their admission date is unknown.
func (h *DuesHistory) OwedFrom(m *Member) (Month, bool) {
	from, _, ok := h.ownMonths(m)
	if !ok || h.Start == 0 {
		return 0, false
	}
	if p, has := h.Openings[m.ID]; has {
		return max(from, p+1), true
	}
	return max(from, h.Start), true
}

// knownFrom is the first month whose lack of a payment the ledger knows
// to be unpaid for m: the month after their opening position if they have
// one (the secretary stated where they stood), else the ledger's start;
// never before the month the ledger was set up in the app (SetUp). Owed
// months before it the app never saw: unpaid, they are 待补录, whether or
// not an opening position is stated — moving 建账月份 back made a member
// who came by a letter in June, paid to May, 欠交 from June and "视为自行
// 脱党" on the printed summary, while a member without the letter's month
// got 待补录 for the same months (review s7-8 attack #2, s8-8 review #4).
// A member who paid January to March on paper, in a ledger begun in
// November, is not behind for April to October either: they are before
// the ledger's start.
//
// For a member entered after the set-up it is never before the month they
// were entered (Entered): the app could not hold their payments before.
func (h *DuesHistory) knownFrom(m *Member) Month {
	from, ok := h.OwedFrom(m)
	if !ok {
		return 0
	}
	return max(from, h.Start, h.SetUp, h.enteredFor(m))
}

// enteredFor is the month from which the app holds m's payments: the
// month m was entered into this file (Entered; for a member still to be
// added — an import's row, m.ID 0 — the month of m.CreatedAt, which the
// caller sets to the day it is saved), 0 when not after the set-up. For a
// member who came by a transfer letter (Arrived) it is 0: the letter
// states where they stood (its 党费交至), and the months it leaves unpaid
// are arrears as the 转入 form says (TransferIn.DuesText), however late the
// letter was entered.
func (h *DuesHistory) enteredFor(m *Member) Month {
	var e Month
	switch _, byLetter := h.Arrived[m.ID]; {
	case m.ID == 0 && !m.CreatedAt.IsZero():
		e = MonthOfDate(DateOf(m.CreatedAt))
	case m.ID != 0 && !byLetter:
		e = h.Entered[m.ID]
	}
	// Entered in the month the ledger was set up, or before: the set-up
	// rules already say what the app could not see.
	if e <= max(h.SetUp, h.Start) {
		return 0
	}
	return e
}

// ledgerView indexes a history for one member's months: the dues in force
// (by member and year) and the months paid.
type ledgerView struct {
	schedules map[memberYear]*monthlySchedule
	paid      map[int64]map[Month]bool
}

func (h *DuesHistory) view(r DuesRules) ledgerView {
	v := ledgerView{schedules: duesSchedules(h.Bases, r), paid: make(map[int64]map[Month]bool)}
	for _, p := range h.Paid {
		if v.paid[p.MemberID] == nil {
			v.paid[p.MemberID] = make(map[Month]bool)
		}
		v.paid[p.MemberID][p.Month] = true
	}
	return v
}

// due is the dues of member id in month mo, and whether the month has a base.
func (v *ledgerView) due(id int64, mo Month) (Money, bool) {
	s, ok := v.schedules[memberYear{id, mo.Year()}]
	if !ok {
		return 0, false
	}
	return s[mo.Mon()-1], true
}

// rosterOwed is the span the dues checks walk for m: from OwedFrom to the
// end of their membership; ok is false when m is off the roster or owes
// nothing under the ledger.
func (h *DuesHistory) rosterOwed(m *Member) (from, to Month, ok bool) {
	from, ok = h.OwedFrom(m)
	if !ok || !m.OnRoster {
		return 0, 0, false
	}
	_, to, _ = OwedMonths(m)
	return from, to, true
}

// ArrearsThrough is the last month whose unpaid dues are arrears (欠缴) on
// today: the month before today's. Dues are paid by the month (RULES.md §2,
// 中组发〔2008〕3号), so the current month's are due, not late, until it
// ends. Home, `check`, a member's dues statement and the transfer letter's
// warning all count arrears to this month, so that they agree.
func ArrearsThrough(today Date) Month { return MonthOfDate(today) - 1 }

// Arrears lists the members on the roster with past months owed and unpaid,
// the longest consecutive runs first. A run of c.WarnMonths is a warning and
// of c.LapseMonths serious (党章 art. 9). The current month is not late yet.
// A month without a base is no arrear (see BaseGaps), and it ends a run: the
// ledger cannot tell whether the member would have paid it.
func Arrears(members []Member, h DuesHistory, today Date, r DuesRules, c PartyConstitutionRules) []Arrear {
	if h.Start == 0 || h.Start > ArrearsThrough(today) && len(h.Openings) == 0 {
		return nil
	}
	v := h.view(r)
	return h.arrears(members, &v, today, c)
}

// arrears is Arrears over a view of h already built.
func (h *DuesHistory) arrears(members []Member, v *ledgerView, today Date, c PartyConstitutionRules) []Arrear {
	last := ArrearsThrough(today)
	var out []Arrear
	for i := range members {
		m := &members[i]
		from, to, ok := h.rosterOwed(m)
		if !ok {
			continue
		}
		to = min(to, last)
		a := Arrear{MemberID: m.ID, Name: m.Name}
		streakOpen := true
		record := h.knownFrom(m)
		// run is a run of unpaid months before the streak with a month
		// paid after it (paidLater): one that only a month without a
		// base or to record ends is no run paid since.
		run, runTo, paidLater := 0, Month(0), false
		for mo := to; mo >= from; mo-- {
			amount, known := v.due(m.ID, mo)
			switch {
			case v.paid[m.ID][mo] || known && amount == 0:
				streakOpen = false
				run = 0
				paidLater = paidLater || v.paid[m.ID][mo]
			case !known && mo < record:
				// Without a base a month is 缺基数 first, to record only
				// once its base is in (BaseGaps).
				a.Unknown++
				streakOpen = false
				run = 0
			case mo < record:
				// Never seen by the app: a backlog (RecordGaps), and the
				// run stops here, as the ledger cannot tell it was unpaid.
				a.ToRecord++
				streakOpen = false
				run = 0
			case !known:
				a.Unknown++
				streakOpen = false
				run = 0
			default:
				a.Months++
				a.Amount += amount
				if streakOpen {
					a.Streak++
					a.Since = mo
					continue
				}
				if !paidLater {
					continue
				}
				if run == 0 {
					runTo = mo
				}
				run++
				if run > a.Earlier {
					a.Earlier, a.EarlierFrom, a.EarlierTo = run, mo, runTo
				}
			}
		}
		if a.Months == 0 {
			continue
		}
		switch {
		case a.Streak >= c.LapseMonths:
			a.Severity = Serious
		case a.Streak >= c.WarnMonths || a.Earlier >= c.WarnMonths:
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

// YearArrears is Arrears for the summary of year's register: the members
// on the roster, and those who left it during year (转出 by a letter, or
// otherwise) with what they owed while they were here — up to the month
// before they left, as it stands today. A letter does not wipe a
// six-month arrear off the year's record.
//
// A past year's summary speaks of that year: the runs as they stood at its
// end (months paid since count as paid), and an earlier run paid since only
// when it lies in the year. Today's runs went into every year's summary,
// so a closed year whose register shows every month paid named a member
// under 党章第九条 for months of the next year (review s14-attack8 #10).
// A year not begun has no months owed yet.
func YearArrears(members []Member, h DuesHistory, year int, today Date, r DuesRules, c PartyConstitutionRules) []Arrear {
	if h.Start == 0 || year > today.Year {
		return nil
	}
	asOf := today
	if year < today.Year {
		asOf = NewDate(year+1, 1, 1)
	}
	v := h.view(r)
	out := h.arrears(members, &v, asOf, c)
	for i := range members {
		m := members[i]
		if m.OnRoster || m.LeftOn.IsZero() || m.LeftOn.Year != year || m.LeftOn.After(today) {
			continue
		}
		leftOn, leftBy := m.LeftOn, m.LeftBy
		m.OnRoster, m.LeftOn, m.LeftBy = true, Date{}, ""
		for _, a := range h.arrears([]Member{m}, &v, leftOn, c) {
			a.LeftOn, a.LeftBy = leftOn, leftBy
			out = append(out, a)
		}
	}
	first := MonthOf(year, 1)
	for i := range out {
		a := &out[i]
		if a.Earlier > 0 && a.EarlierTo < first {
			a.Earlier, a.EarlierFrom, a.EarlierTo = 0, 0, 0
			if a.Severity == Warning && a.Streak < c.WarnMonths {
				a.Severity = Info
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Streak > out[j].Streak })
	return out
}

// BaseGap is a member on the roster who owes dues for months whose year has
// no base (缺基数): a set-up gap of the ledger, not an arrear.
type BaseGap struct {
	MemberID int64
	Name     string
	Years    []int // the years lacking a base, earliest first
	Past     int   // of the months lacking one, those already past
}

// BaseGaps lists the members on the roster with months owed up to the
// current one and no base for their year.
func BaseGaps(members []Member, h DuesHistory, today Date, r DuesRules) []BaseGap {
	current := MonthOfDate(today)
	if h.Start == 0 {
		return nil
	}
	v := h.view(r)
	var out []BaseGap
	for i := range members {
		m := &members[i]
		from, to, ok := h.rosterOwed(m)
		if !ok {
			continue
		}
		g := BaseGap{MemberID: m.ID, Name: m.Name}
		// Months before the set-up without a base are base gaps too:
		// 缺基数 comes before 待补录 (review s9-8 #4), as no payment can
		// be recorded for a month without its base.
		for mo := from; mo <= min(to, current); mo++ {
			if _, known := v.due(m.ID, mo); known || v.paid[m.ID][mo] {
				continue
			}
			if n := len(g.Years); n == 0 || g.Years[n-1] != mo.Year() {
				g.Years = append(g.Years, mo.Year())
			}
			if mo < current {
				g.Past++
			}
		}
		if len(g.Years) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// RecordGap is a member on the roster with months owed before the ledger
// was set up in the app and no payment recorded for them (待补录): the
// 建账月份 was moved back before the set-up, and what was paid on paper is
// still to be entered, as payments, or, for months before the 建账月份, as
// the member's 党费已交至.
type RecordGap struct {
	MemberID int64
	Name     string
	From, To Month // the first and the last month to record
	Months   int   // how many, From to To, not counting those paid
	// OpeningLimit is the latest month a 党费已交至 may state for the
	// member (DuesHistory.OpeningLimit): months to record after it are
	// settled only by recording the payments.
	OpeningLimit Month
	// Start is the ledger's 建账月份: months to record before it are
	// paid only after moving it back to them (CheckBeforeLedger).
	Start Month
	// Entered is the month the member was entered into the file when
	// after the ledger's set-up (DuesHistory.Entered), 0 otherwise: their
	// months are to record because the app learnt of them late, not
	// because they are before the app was used, and the finding says so.
	Entered Month
}

// RecordGaps lists the members on the roster with months to record
// (MonthToRecord), in roster order: months owed before the ledger's start
// or its set-up with no payment recorded. They come from a 建账月份 moved
// back before the set-up (DuesHistory.SetUp), from a 党费已交至 that stops
// before the 建账月份 (a paper ledger that ends a month or two before the
// app: the commonest day one, review s6-8-newuser #8), or from an incoming
// letter (转入) whose 党费交至 stops before the 建账月份, as the register
// and the 转入 form say (TransferIn.DuesText).
func RecordGaps(members []Member, h DuesHistory, r DuesRules) []RecordGap {
	if h.Start == 0 {
		return nil
	}
	v := h.view(r)
	var out []RecordGap
	for i := range members {
		m := &members[i]
		from, to, ok := h.rosterOwed(m)
		if !ok {
			continue
		}
		g := RecordGap{MemberID: m.ID, Name: m.Name, OpeningLimit: h.OpeningLimit(m), Start: h.Start, Entered: h.enteredFor(m)}
		for mo := from; mo < h.knownFrom(m) && mo <= to; mo++ {
			// A month without a base is a base gap (BaseGaps) until
			// its base is in: 缺基数 comes first (review s9-8 #4).
			if amount, known := v.due(m.ID, mo); v.paid[m.ID][mo] || !known || amount == 0 {
				continue
			}
			if g.Months == 0 {
				g.From = mo
			}
			g.To = mo
			g.Months++
		}
		if g.Months > 0 {
			out = append(out, g)
		}
	}
	return out
}

// PaidThrough is the last month m has paid in full (党费交至, as a transfer
// letter states it): from the opening position, or from the start of the
// ledger, each month in turn that is paid (in advance too), waived, or not
// owed, up to the first month owed and unpaid; a reversed payment's months
// are unpaid (h.Paid holds the months not reversed). A month without a base
// and not paid ends the run. ok is false when nothing establishes a month:
// no opening position, the member owed dues before the ledger began and has
// paid nothing in it since.
func PaidThrough(m *Member, h DuesHistory, r DuesRules) (Month, bool) {
	join, to, ok := h.ownMonths(m)
	if !ok {
		return 0, false
	}
	own := h
	own.Bases = nil
	for _, b := range h.Bases {
		if b.MemberID == m.ID {
			own.Bases = append(own.Bases, b)
		}
	}
	own.Paid = nil
	for _, p := range h.Paid {
		if p.MemberID == m.ID {
			own.Paid = append(own.Paid, p)
		}
	}
	v := own.view(r)
	paid := v.paid[m.ID]
	start, kept := own.OwedFrom(m)
	opening, hasOpening := own.Openings[m.ID]
	var cur Month
	known := false
	switch {
	case hasOpening:
		cur, known = max(opening, join-1), true
	case kept:
		// Nothing is owed before admission. Before the ledger began the
		// app does not know: a member who owed dues then is known to be
		// paid up only from a month the ledger shows settled.
		cur, known = start-1, start == join
	default:
		cur = join - 1
	}
	for mo := cur + 1; mo <= to; mo++ {
		amount, hasBase := v.due(m.ID, mo)
		if !paid[mo] && !(hasBase && amount == 0) {
			break
		}
		cur, known = mo, true
	}
	if !known {
		return 0, false
	}
	return cur, true
}

// PaymentCheck is what a payment is checked against: the member, their
// bases of every year with the changes during a year, the months already
// paid, and today.
type PaymentCheck struct {
	Member Member
	Bases  []DuesBase
	Paid   map[Month]bool
	// Opening is the member's opening position (党费已交至), 0 if none:
	// the months up to it were paid before the ledger.
	Opening Month
	PaidBy  *Member // the member who pays for them, if another
	// Start is the ledger's 建账月份, 0 before it begins: a payment dated
	// before it, or for a month before it, is not this ledger's — what was
	// paid then is a 党费已交至 (review s13-attack8 #13b: one was saved and
	// counted in a quarter the printed summary said was not kept).
	Start Month
	Today Date
	Rules DuesRules
}

// CheckBeforeLedger refuses a payment dated before the ledger's start, or
// for a month before it, pointing to 党费已交至; nil when start is 0.
func CheckBeforeLedger(date Date, months []Month, start Month) error {
	if start == 0 {
		return nil
	}
	// Both sentences name the route that works for money paid today for
	// such months — moving the 建账月份 back to them — besides 党费已交至
	// for months paid on paper: the grid shows them 待补录 and home asked
	// for them to be recorded in 收缴, which this refused without a way
	// (review s14-newuser #2).
	first := Month(0)
	for _, mo := range months {
		if mo < start && (first == 0 || mo < first) {
			first = mo
		}
	}
	if first != 0 {
		return Errorf(ErrDues, "%s 在建账月份（%s）之前，不在本账内：建账前已交过的，请在“党费 → 基数”中登记其“党费已交至”；现在才交的，请先在“党费 → 基数 → 修改建账月份…”中把建账月份改到%s，再登记交纳", first, start, first)
	}
	if !date.IsZero() && MonthOfDate(date) < start {
		return Errorf(ErrDues, "交纳日期 %s 早于建账月份（%s）：本账自%s起记账，此前收的党费不在本账内；已交到的月份请在“党费 → 基数”中登记“党费已交至”；要把这笔交纳记入本账，请先在“党费 → 基数 → 修改建账月份…”中把建账月份改到%s", date, start, start, MonthOfDate(date))
	}
	return nil
}

// CheckPaymentAmount refuses an amount that is not positive, or not the
// dues of the months it pays (due, over months): the dialog says it when
// the field is left, and Check applies it.
func CheckPaymentAmount(amount, due Money, months int) error {
	if amount <= 0 {
		return Errorf(ErrDues, "金额应大于 0")
	}
	if amount != due {
		return Errorf(ErrDues, "金额 %s 元与所交月份应交的 %s 元（%d 个月）不符；自愿多交的部分请填在“自愿多交”中", amount, due, months)
	}
	return nil
}

// CheckPaymentDate refuses a payment date by itself: without its day, not
// a real date, after today, or before m joined the Party (when known). The
// payment dialog says it when the date field is left; Check applies it.
func CheckPaymentDate(d, today Date, m *Member) error {
	if d.IsZero() || d.Day == 0 {
		return Errorf(ErrDues, "请填写交纳日期（年-月-日）")
	}
	if err := d.Validate(); err != nil {
		return err
	}
	if d.After(today) {
		return Errorf(ErrDues, "交纳日期 %s 晚于今天", d)
	}
	if from, _, ok := OwedMonths(m); ok && MonthOfDate(d) < from {
		return Errorf(ErrDues, "交纳日期 %s 早于 %s 被接收为预备党员的 %s，此前不需交纳党费", d, m.Name, m.JoinDate)
	}
	return nil
}

// Check refuses a payment that cannot be right and returns the dues of each
// month it covers, in the order of p.Months. The amount must equal the sum
// of those months' dues: an amount that does not match is a typing error or
// a month missing from the list.
func (pc PaymentCheck) Check(p DuesPayment) ([]Money, error) {
	m := &pc.Member
	r := pc.Rules
	fail := func(format string, a ...any) ([]Money, error) {
		return nil, Errorf(ErrDues, format, a...)
	}
	if err := CheckPaymentDate(p.Date, pc.Today, m); err != nil {
		return nil, err
	}
	from, to, ok := OwedMonths(m)
	if !ok {
		return fail("%s 的加入党组织日期未填写，无法确定从何时起交纳党费", m.Name)
	}
	if len(p.Months) == 0 {
		return fail("请选择这笔党费所交的月份")
	}
	if p.Amount <= 0 {
		return nil, CheckPaymentAmount(p.Amount, 0, 0)
	}

	if p.Extra < 0 {
		return fail("自愿多交的金额不能为负数")
	}
	if r.MaxExtra > 0 && p.Extra > r.MaxExtra {
		return fail("自愿多交 %s 元超过 %s 元，不合常理（是否多输了几位？）", p.Extra, r.MaxExtra)
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
			return fail("%s 重复选择", mo)
		case mo < from:
			return fail("%s 早于 %s 被接收为预备党员（%s），不需交纳", mo, m.Name, m.JoinDate)
		case mo > to:
			return fail("%s 时 %s 已不在本支部（%s %s）", mo, m.Name, m.LeftOn, m.LeftBy)
		case pc.Paid[mo]:
			return fail("%s 的党费 %s 已交过，不能重复登记", m.Name, mo)
		case pc.Opening != 0 && mo <= pc.Opening:
			return fail("%s 的党费已交至 %s（建账时登记），%s 不需再登记；如登记有误，请先修改其“党费已交至”", m.Name, pc.Opening, mo)
		case pc.Start != 0 && mo < pc.Start:
			return nil, CheckBeforeLedger(p.Date, []Month{mo}, pc.Start)
		case mo < payMonth-Month(r.BackPayMonths):
			return fail("%s 距交纳日期超过 %d 个月，补交一般不超过 %d 个月：如是当时已交、现在补录，请填写实际交纳日期；建账前已在纸质台账交过的，请登记“党费已交至”", mo, r.BackPayMonths, r.BackPayMonths)
		case mo > payMonth+Month(r.AdvanceMonths):
			return fail("%s 距交纳日期超过 %d 个月，预交不宜超过 %d 个月", mo, r.AdvanceMonths, r.AdvanceMonths)
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
	if err := CheckBeforeLedger(p.Date, nil, pc.Start); err != nil {
		return nil, err
	}
	if err := CheckPaymentAmount(p.Amount, sum, len(p.Months)); err != nil {
		return nil, err
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
		return Errorf(ErrDues, "季度应为 1 至 4")
	case !ValidRecordYear(rm.Year):
		return Errorf(ErrDues, "年份 %d 不合理", rm.Year)
	case rm.Date.IsZero() || rm.Date.Day == 0:
		return Errorf(ErrDues, "请填写上缴日期（年-月-日）")
	case rm.Date.After(today):
		return Errorf(ErrDues, "上缴日期 %s 晚于今天", rm.Date)
	case rm.Date.Validate() == nil && rm.Date.Before(rm.firstDay()):
		// A quarter's dues are remitted once collected: the fourth
		// quarter remitted on 2026-09-01, before any of it was paid, was
		// saved and printed (review s14-attack8 #27).
		return Errorf(ErrDues, "上缴日期 %s 早于 %d 年第%d季度的第一天（%s）：一个季度的党费收缴后才能上缴，请核对日期或季度", rm.Date, rm.Year, rm.Quarter, rm.firstDay())
	case rm.Amount <= 0:
		return Errorf(ErrDues, "上缴金额应大于 0")
	case rm.Amount > held:
		return Errorf(ErrDues, "上缴金额 %s 元超过支部结存的 %s 元", rm.Amount, held)
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

// NeedsBase reports whether a month of the row is owed with its amount
// unknown for want of the year's base (缺基数).
func (r *RegisterRow) NeedsBase() bool {
	for _, c := range r.Months {
		if c.State == MonthBaseMissing {
			return true
		}
	}
	return false
}

// BaseLabel is the 月收入基数 column: 未填 only when a month of the year
// needs the base — a year wholly before the ledger (建账前, 党费已交至) or
// the member's time here printed 未填 for every member, a set-up gap for a
// year the app never kept (review s14-newuser #8).
func (r *RegisterRow) BaseLabel() string {
	switch {
	case !r.HasBase && !r.NeedsBase():
		return "—"
	case !r.HasBase:
		return "未填"
	case r.Base.Category.HasBase():
		return r.Base.Base.String()
	}
	return "—"
}
