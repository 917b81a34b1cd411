package demo

import (
	"fmt"
	"time"

	"branchledger/model"
)

// DuesStore is the part of the store FillDues writes through.
type DuesStore interface {
	Members() ([]model.Member, error)
	SaveDuesBases(year int, bases []model.DuesBase, source string) error
	SetDuesLedgerKeptFrom(start model.Month) error
	RecordDuesPayments(ps []model.DuesPayment) ([]model.DuesPayment, error)
	RecordDuesPayment(p model.DuesPayment) (model.DuesPayment, error)
	ReverseDuesPayment(paymentID int64, reason string) (model.DuesReversal, error)
	SaveDuesBaseChange(b model.DuesBase, source string) error
	AddRemittance(r model.Remittance) (model.Remittance, error)
}

// FillDues gives the members on the roster a dues category and base for
// last year and this one, and a history of payments up to today: most paid
// each quarter in advance, one in thirteen stopped paying four months ago
// (a warning), one in seventeen seven months ago (serious, 党章 art. 9).
// So that each correction screen has something to show, one member's base
// rises during this year (年中调整), one payment carries voluntary extra dues
// (自愿多交) and one payment entered by mistake is reversed (冲正).
func FillDues(s DuesStore, today model.Date) error {
	ms, err := s.Members()
	if err != nil {
		return err
	}
	r := model.CurrentDuesRules()
	current := model.MonthOfDate(today)
	bases := map[int][]model.DuesBase{}
	monthly := map[int64]map[int]model.Money{}
	for i, m := range ms {
		if !m.OnRoster {
			continue
		}
		monthly[m.ID] = map[int]model.Money{}
		for _, year := range []int{today.Year - 1, today.Year} {
			b := demoBase(i, m, year, today.Year)
			a, _, err := b.Monthly(r)
			if err != nil {
				return fmt.Errorf("示例党费基数（%s）：%w", m.Name, err)
			}
			bases[year] = append(bases[year], b)
			monthly[m.ID][year] = a
		}
	}
	for _, year := range []int{today.Year - 1, today.Year} {
		if err := s.SaveDuesBases(year, bases[year], "示例数据"); err != nil {
			return fmt.Errorf("示例党费基数：%w", err)
		}
	}
	// The sample ledger is kept from January of last year, as its
	// payments are.
	if err := s.SetDuesLedgerKeptFrom(model.MonthOf(today.Year-1, time.January)); err != nil {
		return fmt.Errorf("示例建账月份：%w", err)
	}
	// changed holds the one mid-year base: from its month on, the member's
	// months are owed at the new amount.
	changed, err := raiseBase(s, bases[today.Year], today, r)
	if err != nil {
		return err
	}
	owed := func(memberID int64, mo model.Month) model.Money {
		if memberID == changed.MemberID && mo.Year() == changed.Year && mo.Mon() >= changed.From {
			a, _, _ := changed.Monthly(r)
			return a
		}
		return monthly[memberID][mo.Year()]
	}
	var ps []model.DuesPayment
	var mistaken *model.DuesPayment // the payment to enter by mistake and reverse
	start := model.MonthOf(today.Year-1, time.January)
	for i, m := range ms {
		if !m.OnRoster || m.JoinDate.IsZero() {
			continue
		}
		stop := current // pays up to and including this month
		switch {
		case i%17 == 8:
			stop = current - 7
		case i%13 == 5:
			stop = current - 4
		case i%7 == 3:
			stop = current - 1
			// This month, entered for this member by mistake.
			if a := owed(m.ID, current); mistaken == nil && a > 0 && model.MonthOfDate(m.JoinDate) <= current {
				mistaken = &model.DuesPayment{MemberID: m.ID, Date: today, Months: []model.Month{current}, Amount: a,
					Receipt: fmt.Sprintf("DF%d%04d", today.Year, 9000)}
			}
		}
		from := max(start, model.MonthOfDate(m.JoinDate))
		// Quarterly in advance, on the 10th of the quarter's first month
		// (or of the month of admission).
		for q := from; q <= stop; {
			end := min(q+quarterLeft(q)-1, stop)
			date := q.Date()
			date.Day = 10
			if date.After(today) {
				break
			}
			if q == model.MonthOfDate(m.JoinDate) && m.JoinDate.Day > 10 {
				date.Day = m.JoinDate.Day
				if date.After(today) {
					break
				}
			}
			p := model.DuesPayment{MemberID: m.ID, Date: date, Receipt: fmt.Sprintf("DF%d%04d", q.Year(), len(ps)+1)}
			for mo := q; mo <= end; mo++ {
				p.Months = append(p.Months, mo)
				p.Amount += owed(m.ID, mo)
			}
			if p.Amount > 0 {
				ps = append(ps, p)
			}
			q = end + 1
		}
	}
	// One member of those paying gives more than the dues once, with the
	// latest payment (自愿多交).
	for i := len(ps) - 1; i >= 0; i-- {
		if ps[i].MemberID != changed.MemberID && ps[i].Date.Year == today.Year {
			ps[i].Extra, ps[i].Note = model.Yuan(200), "自愿多交党费"
			break
		}
	}
	if _, err := s.RecordDuesPayments(ps); err != nil {
		return fmt.Errorf("示例党费交纳：%w", err)
	}
	if mistaken != nil {
		p, err := s.RecordDuesPayment(*mistaken)
		if err != nil {
			return fmt.Errorf("示例党费冲正：%w", err)
		}
		if _, err := s.ReverseDuesPayment(p.ID, "误登记：该党员本月党费尚未交纳，收据号属另一名党员"); err != nil {
			return fmt.Errorf("示例党费冲正：%w", err)
		}
	}
	// Each quarter's collection is handed over on the 15th of the month
	// after the quarter.
	collected := map[model.Month]model.Money{} // keyed by the quarter's first month
	for _, p := range ps {
		q := model.MonthOfDate(p.Date)
		collected[q-model.Month(int(q.Mon()-1)%3)] += p.Amount + p.Extra
	}
	for q := start; q <= current; q += 3 {
		date := (q + 3).Date()
		date.Day = 15
		if date.After(today) || collected[q] == 0 {
			continue
		}
		rm := model.Remittance{Year: q.Year(), Quarter: int(q.Mon()-1)/3 + 1, Date: date, Amount: collected[q],
			Receipt: fmt.Sprintf("SJ%d-%d", q.Year(), int(q.Mon()-1)/3+1), Note: "上缴镇党委"}
		if _, err := s.AddRemittance(rm); err != nil {
			return fmt.Errorf("示例党费上缴：%w", err)
		}
	}
	return nil
}

// raiseBase records a pay rise for the last employed member with a base
// this year, from two months ago (kept within 2–12, as a mid-year change
// must be), before any of that member's months are paid.
func raiseBase(s DuesStore, bases []model.DuesBase, today model.Date, r model.DuesRules) (model.DuesBase, error) {
	from := min(max(today.Month-2, time.February), time.December)
	for i := len(bases) - 1; i >= 0; i-- {
		b := bases[i]
		if b.Category != model.DuesEmployed || b.Base == 0 {
			continue
		}
		b.From, b.Base = from, b.Base.Percent(12000) // a rise of a fifth
		if err := s.SaveDuesBaseChange(b, "示例数据：加薪后调整基数"); err != nil {
			return model.DuesBase{}, fmt.Errorf("示例党费年中调整：%w", err)
		}
		return b, nil
	}
	return model.DuesBase{}, nil
}

// quarterLeft is how many months remain in q's quarter, counting q.
func quarterLeft(q model.Month) model.Month { return 3 - model.Month(int(q.Mon()-1)%3) }

// demoBase is a plausible category and base: mostly employed with pay of
// 2,600–14,000 元, some retired, a student, a farmer, one waiver.
func demoBase(i int, m model.Member, year, thisYear int) model.DuesBase {
	b := model.DuesBase{MemberID: m.ID, Year: year, Category: model.DuesEmployed}
	pay := model.Yuan(int64(2600 + (i*7919)%11400))
	if year < thisYear {
		pay = pay.Percent(9500) // last year's pay was a little lower
	}
	switch {
	case i%29 == 11:
		b.Category, b.Approval = model.DuesExempt, "经支部研究、上级党委批准免交（大病）"
	case i%23 == 4:
		b.Category, b.Base = model.DuesFarmer, 50
	case i%19 == 2:
		b.Category = model.DuesStudent
	case m.Post == "离退休人员" || i%11 == 6:
		b.Category, b.Base = model.DuesRetired, model.Yuan(int64(2800+(i*131)%4000))
	default:
		b.Base = pay
	}
	return b
}
