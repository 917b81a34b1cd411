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
	RecordDuesPayments(ps []model.DuesPayment) ([]model.DuesPayment, error)
	AddRemittance(r model.Remittance) (model.Remittance, error)
}

// FillDues gives the members on the roster a dues category and base for
// last year and this one, and a history of payments up to today: most paid
// each quarter in advance, one in thirteen stopped paying four months ago
// (a warning), one in seventeen seven months ago (serious, 党章 art. 9).
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
	var ps []model.DuesPayment
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
				p.Amount += monthly[m.ID][mo.Year()]
			}
			if p.Amount > 0 {
				ps = append(ps, p)
			}
			q = end + 1
		}
	}
	if _, err := s.RecordDuesPayments(ps); err != nil {
		return fmt.Errorf("示例党费交纳：%w", err)
	}
	// Each quarter's collection is handed over on the 15th of the month
	// after the quarter.
	collected := map[model.Month]model.Money{} // keyed by the quarter's first month
	for _, p := range ps {
		q := model.MonthOfDate(p.Date)
		collected[q-model.Month(int(q.Mon()-1)%3)] += p.Amount
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
