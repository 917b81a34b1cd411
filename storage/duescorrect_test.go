package storage

import (
	"errors"
	"strings"
	"testing"
	"time"

	"branchledger/model"
)

func pay(t *testing.T, s *Store, p model.DuesPayment) model.DuesPayment {
	t.Helper()
	p, err := s.RecordDuesPayment(p)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func tableRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.Raw("SELECT count(*) FROM " + table).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func TestReverseDuesPayment(t *testing.T) {
	s, ms := duesStore(t)
	day := model.NewDate(2026, 3, 1)
	wrong := pay(t, s, model.DuesPayment{MemberID: ms[0].ID, Date: day, Amount: model.Yuan(162), Extra: model.Yuan(20), Months: months(1, 2)})
	kept := pay(t, s, model.DuesPayment{MemberID: ms[0].ID, Date: day, Amount: model.Yuan(81), Months: months(3)})
	tables := []string{"dues_payments", "dues_payment_months"}
	before := map[string]int{}
	for _, tb := range tables {
		before[tb] = tableRows(t, s, tb)
	}

	if _, err := s.ReverseDuesPayment(wrong.ID, " "); !errors.Is(err, model.ErrDues) {
		t.Fatalf("no reason: %v", err)
	}
	rv, err := s.ReverseDuesPayment(wrong.ID, "月份选错，应为3月")
	if err != nil {
		t.Fatal(err)
	}
	if rv.ID == 0 || rv.Date != testToday {
		t.Errorf("reversal %+v", rv)
	}
	// Nothing deleted: the payment and its months stay on record.
	for _, tb := range tables {
		if n := tableRows(t, s, tb); n != before[tb] {
			t.Errorf("%s: %d rows, had %d", tb, n, before[tb])
		}
	}
	ps, err := s.DuesPayments(ms[0].ID)
	if err != nil || len(ps) != 2 {
		t.Fatalf("%+v %v", ps, err)
	}
	for _, p := range ps {
		if (p.ID == wrong.ID) != (p.Reversal != nil) {
			t.Errorf("payment %d reversal %+v", p.ID, p.Reversal)
		}
	}
	// The months are unpaid again: in the register, the arrears and the
	// paid-years table, and they can be paid again.
	reg, err := s.DuesRegister(2026, testToday)
	if err != nil {
		t.Fatal(err)
	}
	row := reg.Rows[0]
	if row.Months[0].State != model.MonthOverdue || row.Months[1].State != model.MonthOverdue || row.Months[2].State != model.MonthPaid {
		t.Errorf("months %+v", row.Months[:3])
	}
	if row.YearPaid != model.Yuan(81) || row.Extra != 0 || reg.Extra != 0 {
		t.Errorf("register paid %s extra %s", row.YearPaid, row.Extra)
	}
	var packed string
	s.db.Raw("SELECT months FROM dues_paid_years WHERE member_id = ? AND year = 2026", ms[0].ID).Scan(&packed)
	if packed != "03=8100" {
		t.Errorf("dues_paid_years %q", packed)
	}
	bal, err := s.DuesBalance(2026)
	if err != nil || bal.Held != kept.Total() || bal.Quarters[0].Collected != kept.Total() {
		t.Errorf("balance %+v %v", bal, err)
	}
	ar, _ := s.DuesArrears(testToday)
	if len(ar) == 0 || ar[0].MemberID != ms[0].ID && ar[1].MemberID != ms[0].ID {
		t.Errorf("arrears %+v", ar)
	}
	again := pay(t, s, model.DuesPayment{MemberID: ms[0].ID, Date: day, Amount: model.Yuan(81), Months: months(1)})
	s.db.Raw("SELECT months FROM dues_paid_years WHERE member_id = ? AND year = 2026", ms[0].ID).Scan(&packed)
	if packed != "03=8100 01=8100" {
		t.Errorf("dues_paid_years after paying again %q", packed)
	}

	// Reversed once only; the months of a payment change only with a reversal.
	if _, err := s.ReverseDuesPayment(wrong.ID, "再次"); err == nil || !strings.Contains(err.Error(), "不能重复冲正") {
		t.Errorf("second reversal: %v", err)
	}
	if err := s.db.Exec("UPDATE dues_payment_months SET reversed = 1 WHERE payment_id = ?", again.ID).Error; err == nil {
		t.Error("months reversed without a reversal")
	}
	for _, q := range []string{"DELETE FROM dues_reversals", "UPDATE dues_reversals SET reason = 'x'", "DELETE FROM dues_payment_months"} {
		if err := s.db.Exec(q).Error; err == nil {
			t.Errorf("%s allowed", q)
		}
	}
	if _, err := s.ReverseDuesPayment(9999, "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown payment: %v", err)
	}
}

func TestReverseRemittance(t *testing.T) {
	s, ms := duesStore(t)
	p := pay(t, s, model.DuesPayment{MemberID: ms[0].ID, Date: model.NewDate(2026, 3, 1), Amount: model.Yuan(243), Months: months(1, 2, 3)})
	rm, err := s.AddRemittance(model.Remittance{Year: 2026, Quarter: 1, Date: model.NewDate(2026, 3, 10), Amount: model.Yuan(243)})
	if err != nil {
		t.Fatal(err)
	}
	// The money went upward: the payment cannot be voided before the remittance.
	if _, err := s.ReverseDuesPayment(p.ID, "录错"); err == nil || !strings.Contains(err.Error(), "先冲正多登记的上缴") {
		t.Fatalf("payment reversed while remitted: %v", err)
	}
	if _, err := s.ReverseRemittance(rm.ID, "季度选错"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReverseRemittance(rm.ID, "季度选错"); err == nil {
		t.Error("remittance reversed twice")
	}
	list, err := s.Remittances(2026)
	if err != nil || len(list) != 1 || list[0].Reversal == nil || list[0].Reversal.Reason != "季度选错" {
		t.Fatalf("%+v %v", list, err)
	}
	bal, _ := s.DuesBalance(2026)
	if bal.Held != model.Yuan(243) || bal.Quarters[0].Remitted != 0 {
		t.Errorf("balance %+v", bal)
	}
	if _, err := s.ReverseDuesPayment(p.ID, "录错"); err != nil {
		t.Fatal(err)
	}
	if bal, _ := s.DuesBalance(2026); bal.Held != 0 {
		t.Errorf("held %s", bal.Held)
	}
}

func TestDuesBaseChangeStored(t *testing.T) {
	s, ms := duesStore(t)
	pay(t, s, model.DuesPayment{MemberID: ms[0].ID, Date: model.NewDate(2026, 3, 1), Amount: model.Yuan(81), Months: months(2)})
	change := model.DuesBase{MemberID: ms[0].ID, Year: 2026, From: time.February, Category: model.DuesEmployed, Base: model.Yuan(6000)}
	if err := s.SaveDuesBaseChange(change, model.SourceDuesGrid); err == nil || !strings.Contains(err.Error(), "先冲正") {
		t.Fatalf("change over a paid month: %v", err)
	}
	change.From = time.June
	if err := s.SaveDuesBaseChange(change, model.SourceDuesGrid); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDuesBaseChange(model.DuesBase{MemberID: ms[2].ID, Year: 2026, From: time.June, Category: model.DuesEmployed, Base: 1}, model.SourceDuesGrid); err == nil {
		t.Error("change without a year base")
	}
	reg, err := s.DuesRegister(2026, model.NewDate(2027, 1, 5))
	if err != nil {
		t.Fatal(err)
	}
	row := reg.Rows[0]
	if row.Due[4] != model.Yuan(81) || row.Due[5] != model.Yuan(90) || row.YearDue != model.Yuan(81*5+90*7) || len(row.Changes) != 1 {
		t.Errorf("row due %v year %s", row.Due, row.YearDue)
	}
	// The payment is checked against the amount in force in its month.
	if _, err := s.RecordDuesPayment(model.DuesPayment{MemberID: ms[0].ID, Date: testToday, Amount: model.Yuan(81), Months: months(6)}); err == nil {
		t.Error("June paid at the old amount")
	}
	pay(t, s, model.DuesPayment{MemberID: ms[0].ID, Date: testToday, Amount: model.Yuan(81 + 90), Months: months(5, 6)})
	// Corrected: the same month again replaces it and keeps the history.
	change.Base = model.Yuan(6200)
	if err := s.SaveDuesBaseChange(change, model.SourceDuesGrid); err == nil {
		t.Error("change refused: June is paid at 90.00")
	}
	var hist []string
	s.db.Raw("SELECT new_value FROM dues_base_changes").Scan(&hist)
	if len(hist) != 1 || !strings.Contains(hist[0], "6月起") {
		t.Errorf("history %q", hist)
	}
}

// Reversing every month a member paid in a year leaves no row for that year
// in dues_paid_years, and until then a month paid cannot be paid twice.
func TestReversingEveryMonthEmptiesPaidYear(t *testing.T) {
	s, ms := duesStore(t)
	p := pay(t, s, model.DuesPayment{MemberID: ms[0].ID, Date: model.NewDate(2026, 3, 1), Amount: model.Yuan(162), Months: months(1, 2)})
	reg, err := s.DuesRegister(2026, testToday)
	if err != nil || reg.Rows[0].YearPaid != model.Yuan(162) {
		t.Fatalf("%+v %v", reg.Rows, err)
	}
	if _, err := s.RecordDuesPayment(model.DuesPayment{MemberID: ms[0].ID, Date: testToday, Amount: model.Yuan(81), Months: months(1)}); err == nil {
		t.Error("January paid twice")
	}
	if _, err := s.ReverseDuesPayment(p.ID, "测试"); err != nil {
		t.Fatal(err)
	}
	var n int
	s.db.Raw("SELECT count(*) FROM dues_paid_years").Scan(&n)
	if n != 0 {
		t.Errorf("dues_paid_years keeps %d rows after every month was reversed", n)
	}
}
