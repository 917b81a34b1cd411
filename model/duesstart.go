package model

import "slices"

// DroppedArrear is what moving the 建账月份 later takes off one member's
// arrears: the months from From to To that are owed and unpaid (欠交) now
// and would no longer be (they fall before the new start, or become 待补录).
type DroppedArrear struct {
	MemberID int64
	Name     string
	From, To Month
	Months   int
	Amount   Money // their dues, base known
}

// ArrearsDroppedByStart lists, in roster order, the members on the roster
// whose arrears moving the ledger's start from h.Start to start would drop:
// nothing when start is not later. Payments are untouched by such a move;
// only what is counted as owed changes, so the screen asks first and the
// change goes into the members' history.
func ArrearsDroppedByStart(members []Member, h DuesHistory, start Month, today Date, r DuesRules) []DroppedArrear {
	if h.Start == 0 || start <= h.Start {
		return nil
	}
	moved := h
	moved.Start = start
	last := ArrearsThrough(today)
	v := h.view(r)
	var out []DroppedArrear
	for i := range members {
		m := &members[i]
		from, to, ok := h.rosterOwed(m)
		if !ok {
			continue
		}
		known := h.knownFrom(m)
		newFrom, _ := moved.OwedFrom(m)
		newKnown := moved.knownFrom(m)
		d := DroppedArrear{MemberID: m.ID, Name: m.Name}
		for mo := max(from, known); mo <= min(to, last); mo++ {
			amount, hasBase := v.due(m.ID, mo)
			switch {
			case v.paid[m.ID][mo] || !hasBase || amount == 0:
				continue // not an arrear now
			case mo >= newFrom && mo >= newKnown:
				continue // still one after the move
			}
			if d.Months == 0 {
				d.From = mo
			}
			d.To = mo
			d.Months++
			d.Amount += amount
		}
		if d.Months > 0 {
			out = append(out, d)
		}
	}
	return out
}

// ArrearsAddedByStart lists, in roster order, the members whose arrears
// moving the ledger's start from h.Start back to start would add (months
// owed and unpaid after the move that are not now): nothing when start is
// not earlier. It is ArrearsDroppedByStart seen from the moved ledger.
// Moving back is asked like moving forward, naming them (review s8-8 #4:
// a move back was saved without a word).
func ArrearsAddedByStart(members []Member, h DuesHistory, start Month, today Date, r DuesRules) []DroppedArrear {
	if h.Start == 0 || start == 0 || start >= h.Start {
		return nil
	}
	moved := h
	moved.Start = start
	return ArrearsDroppedByStart(members, moved, h.Start, today, r)
}

// PassedPayments are the recorded payments that moving the 建账月份 later
// would leave before it: months from the ledger's old start up to the new
// one that already have a payment.
type PassedPayments struct {
	Members, Months int
	Amount          Money
	From, To        Month // the first and the last such month
}

// PaymentsPassedByStart gathers, from the months paid (h.Paid, reversed
// ones left out), those in [old, start): the months a move of the
// 建账月份 from old to start would take out of the ledger although they
// are paid in it. old 0 (no ledger yet) takes every month before start.
func PaymentsPassedByStart(paid []PaidMonth, old, start Month) PassedPayments {
	var p PassedPayments
	if start <= old {
		return p
	}
	members := map[int64]bool{}
	for _, m := range paid {
		if m.Month >= start || m.Month < old {
			continue
		}
		if p.Months == 0 || m.Month < p.From {
			p.From = m.Month
		}
		if m.Month > p.To {
			p.To = m.Month
		}
		p.Months++
		p.Amount += m.Amount
		members[m.MemberID] = true
	}
	p.Members = len(members)
	return p
}

// Err refuses the move the payments were gathered for, or nil when none
// is passed. The move is refused, not only warned about: a month paid in
// the ledger and then put before it is both 已交 (its payment stays) and
// 建账前 (owes nothing), so the printed summary showed 实交 twice 应交 at
// 收缴率100% (review s13-attack8 #17). A careful secretary who set the
// start too early either has real payments for those months — then the
// ledger did keep them and the start must not pass them — or entered them
// by mistake, and then 冲正 says so on record before the start moves. It
// also keeps one rule with the payment dialog, which refuses months before
// the 建账月份 (#13).
func (p PassedPayments) Err() error {
	if p.Months == 0 {
		return nil
	}
	return Errorf(ErrDues, "%s已有%d名党员的交纳记录（%d个月，共%s元），建账月份最晚为%s；改得更晚，这些已交的月份会落到建账前。确属误录的，请先在“收缴”中冲正",
		monthRangeText(p.From, p.To), p.Members, p.Months, p.Amount, p.From)
}

// StartTooEarly questions a 建账月份 earlier than every member's admission
// on the roster, or than the branch's founding (founded, zero when not
// known): no one could owe dues there, so the year is most likely
// mistyped (2004 for 2024). The zero Text when start is plausible
// (review s13-attack8 #10: 2004年1月 was taken and printed 22 years of
// 缺基数).
func StartTooEarly(members []Member, founded Date, start Month) Text {
	if start == 0 {
		return Text{}
	}
	var first Month
	for i := range members {
		m := &members[i]
		if !m.OnRoster || m.JoinDate.IsZero() {
			continue
		}
		if j := MonthOfDate(m.JoinDate); first == 0 || j < first {
			first = j
		}
	}
	if first != 0 && start < first {
		return Textf("该月份早于所有党员入党时间（最早为%s），是否输错年份？", first)
	}
	if !founded.IsZero() && start < MonthOfDate(founded) {
		return Textf("该月份早于支部成立日期（%s），是否输错年份？", founded)
	}
	return Text{}
}

// BaseYearsAsked are the years whose bases moving the ledger's start to
// start would ask for that are not asked for now (BaseGaps before and
// after), earliest first, and how many members lack one of them; h holds
// the bases from start's year on. The 建账月份 dialog says them before
// saving (review s13-attack8 #4, #10: a move back to 2024年1月 left twelve
// members 缺基数 for 2024 and 2025 without a word).
func BaseYearsAsked(members []Member, h DuesHistory, start Month, today Date, r DuesRules) (years []int, lacking int) {
	now := map[int64]map[int]bool{}
	for _, g := range BaseGaps(members, h, today, r) {
		now[g.MemberID] = map[int]bool{}
		for _, y := range g.Years {
			now[g.MemberID][y] = true
		}
	}
	moved := h
	moved.Start = start
	seen := map[int]bool{}
	for _, g := range BaseGaps(members, moved, today, r) {
		added := false
		for _, y := range g.Years {
			if now[g.MemberID][y] {
				continue
			}
			added = true
			if !seen[y] {
				seen[y] = true
				years = append(years, y)
			}
		}
		if added {
			lacking++
		}
	}
	slices.Sort(years)
	return years, lacking
}
