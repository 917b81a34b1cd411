package storage

import (
	"errors"
	"strings"
	"testing"
	"time"

	"branchledger/model"
)

// duesStore is a store with three members (joined long ago) and 2026 bases.
func duesStore(t testing.TB) (*Store, []model.Member) {
	t.Helper()
	s := openTest(t)
	ms := addMembers(t, s, 3)
	err := s.SaveDuesBases(2026, []model.DuesBase{
		{MemberID: ms[0].ID, Category: model.DuesEmployed, Base: model.Yuan(5400)},
		{MemberID: ms[1].ID, Category: model.DuesRetired, Base: model.Yuan(3000)},
	}, model.SourceDuesGrid)
	if err != nil {
		t.Fatal(err)
	}
	// The branch has kept its dues ledger in the app since January, its
	// members in it since (their entry dated back: read them again).
	if err := s.SetDuesLedgerKeptFrom(model.MonthOf(2026, 1)); err != nil {
		t.Fatal(err)
	}
	for i := range ms {
		m, err := s.Member(ms[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		ms[i] = m
	}
	return s, ms
}

func months(ms ...int) []model.Month {
	out := make([]model.Month, len(ms))
	for i, m := range ms {
		out[i] = model.MonthOf(2026, time.Month(m))
	}
	return out
}

func TestDuesBasesSaveAndHistory(t *testing.T) {
	s, ms := duesStore(t)
	bs, err := s.DuesBases(2026)
	if err != nil || len(bs) != 2 || bs[0].Base != model.Yuan(5400) {
		t.Fatalf("%+v %v", bs, err)
	}
	// One bad base saves none of the sitting.
	err = s.SaveDuesBases(2026, []model.DuesBase{
		{MemberID: ms[0].ID, Category: model.DuesEmployed, Base: model.Yuan(6000)},
		{MemberID: ms[2].ID, Category: model.DuesEmployed, Base: -1},
	}, model.SourceDuesGrid)
	if !errors.Is(err, model.ErrDues) || !strings.Contains(err.Error(), ms[2].Name) || !strings.Contains(err.Error(), "负数") {
		t.Fatalf("bad base: %v", err)
	}
	if bs, _ := s.DuesBases(2026); bs[0].Base != model.Yuan(5400) {
		t.Fatalf("half-saved: %+v", bs)
	}
	if err := s.SaveDuesBases(2026, []model.DuesBase{{MemberID: ms[0].ID, Category: model.DuesEmployed, Base: model.Yuan(6000)}}, model.SourceDuesGrid); err != nil {
		t.Fatal(err)
	}
	var hist []string
	s.db.Raw("SELECT old_value || ' → ' || new_value FROM dues_base_changes").Scan(&hist)
	if len(hist) != 1 || hist[0] != "在职 5400.00 → 在职 6000.00" {
		t.Errorf("history %q", hist)
	}
	if err := s.db.Exec("DELETE FROM dues_bases").Error; err == nil {
		t.Error("bases deleted")
	}
}

func TestRecordDuesPayment(t *testing.T) {
	s, ms := duesStore(t)
	p, err := s.RecordDuesPayment(model.DuesPayment{MemberID: ms[0].ID, Date: model.NewDate(2026, 3, 1), Amount: model.Yuan(243), Months: months(1, 2, 3), Receipt: "No.001"})
	if err != nil {
		t.Fatal(err)
	}
	if p.ID == 0 {
		t.Error("no id")
	}
	// Paid for by another member.
	if _, err := s.RecordDuesPayment(model.DuesPayment{MemberID: ms[1].ID, PaidBy: ms[0].ID, Date: model.NewDate(2026, 3, 2), Amount: model.Yuan(15), Months: months(3)}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		p    model.DuesPayment
		want string
	}{
		{"already_paid", model.DuesPayment{MemberID: ms[0].ID, Date: model.NewDate(2026, 3, 5), Amount: model.Yuan(162), Months: months(3, 4)}, "已交过"},
		{"amount_mismatch", model.DuesPayment{MemberID: ms[0].ID, Date: model.NewDate(2026, 3, 5), Amount: model.Yuan(80), Months: months(4)}, "不符"},
		{"no_base", model.DuesPayment{MemberID: ms[2].ID, Date: model.NewDate(2026, 3, 5), Amount: model.Yuan(80), Months: months(3)}, "缺少 2026 年"},
		{"before_joining", model.DuesPayment{MemberID: ms[0].ID, Date: ms[0].JoinDate.AddMonths(-1), Amount: model.Yuan(81), Months: months(4)}, "早于"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.RecordDuesPayment(c.p)
			if !errors.Is(err, model.ErrDues) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want %q", err, c.want)
			}
		})
	}
	var n int
	s.db.Raw("SELECT count(*) FROM dues_payments").Scan(&n)
	if n != 2 {
		t.Errorf("%d payments stored, want 2", n)
	}
	ps, err := s.DuesPayments(ms[0].ID)
	if err != nil || len(ps) != 1 || ps[0].MonthsText() != "2026-01、2026-02、2026-03" || ps[0].Receipt != "No.001" {
		t.Fatalf("%+v %v", ps, err)
	}
	ps, _ = s.DuesPayments(ms[1].ID)
	if len(ps) != 1 || ps[0].PaidBy != ms[0].ID {
		t.Errorf("paid by: %+v", ps)
	}

	reg, err := s.DuesRegister(2026, testToday)
	if err != nil {
		t.Fatal(err)
	}
	if len(reg.Rows) != 3 || reg.YearPaid != model.Yuan(258) || reg.Rows[0].Months[2].State != model.MonthPaid ||
		reg.Rows[1].Months[1].State != model.MonthOverdue || reg.Rows[2].Months[0].State != model.MonthBaseMissing {
		t.Errorf("register %+v", reg)
	}

	ar, err := s.DuesArrears(testToday)
	if err != nil {
		t.Fatal(err)
	}
	// ms[1] owes Jan–Feb (15.00 each); ms[2] has no base: a set-up gap,
	// not an arrear.
	if len(ar) != 1 || ar[0].MemberID != ms[1].ID || ar[0].Streak != 2 || ar[0].Amount != model.Yuan(30) {
		t.Fatalf("arrears %+v", ar)
	}
	h, err := s.DuesHistory(2026)
	if err != nil {
		t.Fatal(err)
	}
	gaps := model.BaseGaps(ms, h, testToday, model.CurrentDuesRules())
	if len(gaps) != 1 || gaps[0].MemberID != ms[2].ID || gaps[0].Past != 2 {
		t.Errorf("gaps %+v", gaps)
	}
}

func TestRemittances(t *testing.T) {
	s, ms := duesStore(t)
	if _, err := s.RecordDuesPayment(model.DuesPayment{MemberID: ms[0].ID, Date: model.NewDate(2026, 2, 1), Amount: model.Yuan(162), Months: months(1, 2)}); err != nil {
		t.Fatal(err)
	}
	_, err := s.AddRemittance(model.Remittance{Year: 2026, Quarter: 1, Date: model.NewDate(2026, 3, 10), Amount: model.Yuan(200)})
	if !errors.Is(err, model.ErrDues) || !strings.Contains(err.Error(), "超过支部结存的 162.00 元") {
		t.Fatalf("over balance: %v", err)
	}
	if _, err := s.AddRemittance(model.Remittance{Year: 2026, Quarter: 1, Date: model.NewDate(2026, 3, 10), Amount: model.Yuan(100)}); err != nil {
		t.Fatal(err)
	}
	b, err := s.DuesBalance(2026)
	if err != nil {
		t.Fatal(err)
	}
	if b.Quarters[0].Collected != model.Yuan(162) || b.Quarters[0].Remitted != model.Yuan(100) || b.Held != model.Yuan(62) {
		t.Errorf("balance %+v", b)
	}
	rs, err := s.Remittances(2026)
	if err != nil || len(rs) != 1 {
		t.Fatalf("%+v %v", rs, err)
	}
}
