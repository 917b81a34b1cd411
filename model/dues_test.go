package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func mustMoney(t *testing.T, s string) Money {
	t.Helper()
	m, err := ParseMoney(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// One row per bracket edge of 中组发〔2008〕3号: the rate is on the whole
// base and upper bounds are inclusive.
func TestMonthlyDues(t *testing.T) {
	for _, c := range []struct {
		cat  DuesCategory
		base string
		want string
	}{
		{DuesEmployed, "5400", "81.00"},
		{DuesEmployed, "0", "0.00"},
		{DuesEmployed, "1000", "5.00"},
		{DuesEmployed, "3000.00", "15.00"},
		{DuesEmployed, "3000.01", "30.00"},
		{DuesEmployed, "5000", "50.00"},
		{DuesEmployed, "5000.01", "75.00"},
		{DuesEmployed, "10000", "150.00"},
		{DuesEmployed, "10000.01", "200.00"},
		{DuesEmployed, "2345.67", "11.73"}, // 11.72835 → half up
		{DuesEmployed, "2345.61", "11.73"}, // 11.72805
		{DuesEmployed, "2345.59", "11.73"}, // 11.72795
		{DuesEmployed, "2344.99", "11.72"}, // 11.72495
		{DuesAnnualSalary, "12000", "240.00"},
		{DuesSelfEmployed, "4000", "40.00"},
		{DuesRetired, "5000", "25.00"},
		{DuesRetired, "5000.01", "50.00"},
		{DuesRetired, "3200", "16.00"},
		{DuesFarmer, "0", "0.20"},
		{DuesFarmer, "0.5", "0.50"},
		{DuesFarmer, "1", "1.00"},
		{DuesStudent, "0", "0.20"},
		{DuesUnemployed, "0", "0.20"},
		{DuesWelfare, "0", "0.20"},
		{DuesExempt, "0", "0.00"},
	} {
		t.Run(string(c.cat)+"_"+c.base+"_is_"+c.want, func(t *testing.T) {
			got, rule, err := MonthlyDues(c.cat, mustMoney(t, c.base))
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != c.want {
				t.Errorf("got %s, want %s (%s)", got, c.want, rule)
			}
			if rule == "" {
				t.Error("no rule given")
			}
		})
	}
}

func TestMonthlyDuesRefuses(t *testing.T) {
	for _, c := range []struct {
		cat  DuesCategory
		base Money
		want string
	}{
		{DuesEmployed, -1, "负数"},
		{DuesEmployed, Yuan(1000001), "不合常理"},
		{DuesFarmer, 10, "0.20 至 1.00"},
		{DuesFarmer, 101, "0.20 至 1.00"},
		{"公务员", 100, "未知"},
	} {
		t.Run(string(c.cat)+"_"+c.base.String(), func(t *testing.T) {
			_, _, err := MonthlyDues(c.cat, c.base)
			if !errors.Is(err, ErrDues) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want a message with %q", err, c.want)
			}
		})
	}
}

func TestRuleText(t *testing.T) {
	_, rule, _ := MonthlyDues(DuesEmployed, Yuan(5400))
	if want := "在职：基数 5000.00 元以上至 10000.00 元（含），按 1.5% 交纳"; rule != want {
		t.Errorf("rule %q, want %q", rule, want)
	}
}

func TestDuesBaseValidate(t *testing.T) {
	r := CurrentDuesRules()
	for _, c := range []struct {
		name string
		b    DuesBase
		want string // "" = accepted
	}{
		{"ordinary", DuesBase{Year: 2026, Category: DuesEmployed, Base: Yuan(5400)}, ""},
		{"exempt_needs_approval", DuesBase{Year: 2026, Category: DuesExempt}, "批准"},
		{"exempt_approved", DuesBase{Year: 2026, Category: DuesExempt, Approval: "镇党委 2026-01-05 批复"}, ""},
		{"reduced_needs_reason", DuesBase{Year: 2026, Category: DuesEmployed, Base: Yuan(5400), Reduced: true, ReducedAmount: Yuan(10), Approval: "x"}, "原因"},
		{"reduced_needs_approval", DuesBase{Year: 2026, Category: DuesEmployed, Base: Yuan(5400), Reduced: true, ReducedAmount: Yuan(10), Reason: "大病"}, "批准"},
		{"reduced_must_be_less", DuesBase{Year: 2026, Category: DuesEmployed, Base: Yuan(5400), Reduced: true, ReducedAmount: Yuan(81), Reason: "大病", Approval: "x"}, "应少于"},
		{"reduced_ok", DuesBase{Year: 2026, Category: DuesEmployed, Base: Yuan(5400), Reduced: true, ReducedAmount: Yuan(10), Reason: "大病", Approval: "x"}, ""},
		{"fixed_has_no_base", DuesBase{Year: 2026, Category: DuesStudent, Base: Yuan(100)}, "定额"},
		{"negative", DuesBase{Year: 2026, Category: DuesEmployed, Base: -100}, "负数"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.b.Validate(r)
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want %q", err, c.want)
			}
		})
	}
	a, rule, _ := DuesBase{Year: 2026, Category: DuesEmployed, Base: Yuan(5400), Reduced: true, ReducedAmount: Yuan(10), Reason: "大病", Approval: "镇党委批复"}.Monthly(r)
	if a != Yuan(10) || !strings.Contains(rule, "减交") || !strings.Contains(rule, "81.00") {
		t.Errorf("reduced: %s %q", a, rule)
	}
}

func duesMember(id int64, join Date) Member {
	m := NewMember()
	m.ID, m.Name, m.JoinDate = id, "党员"+string(rune('甲'+id)), join
	return m
}

func TestBuildRegister(t *testing.T) {
	today := NewDate(2026, 5, 20)
	r := CurrentDuesRules()
	joined := duesMember(1, NewDate(2026, 3, 15)) // owes from March
	left := duesMember(2, NewDate(2010, 1, 1))
	left.OnRoster, left.LeftOn, left.LeftBy = false, NewDate(2026, 2, 10), EventTransferOut // owes Jan–Feb
	nobase := duesMember(3, NewDate(2010, 1, 1))
	exempt := duesMember(4, NewDate(2010, 1, 1))
	bases := []DuesBase{
		{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(5400)},
		{MemberID: 2, Year: 2026, Category: DuesRetired, Base: Yuan(3000)},
		{MemberID: 4, Year: 2026, Category: DuesExempt, Approval: "批复"},
		{MemberID: 1, Year: 2025, Category: DuesEmployed, Base: Yuan(9000)},
	}
	paid := []PaidMonth{
		{MemberID: 1, Month: MonthOf(2026, 3), Amount: Yuan(81)},
		{MemberID: 1, Month: MonthOf(2026, 8), Amount: Yuan(81)}, // in advance
		{MemberID: 2, Month: MonthOf(2026, 1), Amount: Yuan(15)},
	}
	reg := BuildRegister(2026, []Member{joined, left, nobase, exempt}, DuesHistory{Start: MonthOf(2010, 1), Bases: bases, Paid: paid}, today, r)
	if len(reg.Rows) != 4 {
		t.Fatalf("%d rows", len(reg.Rows))
	}
	states := func(row RegisterRow) string {
		var b strings.Builder
		for _, c := range row.Months {
			b.WriteByte(".PDOME"[c.State])
		}
		return b.String()
	}
	for i, want := range []string{"..PODDDPDDDD", "PO..........", "MMMMMMMMMMMM", "EEEEEEEEEEEE"} {
		if got := states(reg.Rows[i]); got != want {
			t.Errorf("row %d (%s): %s, want %s", i, reg.Rows[i].Name, got, want)
		}
	}
	if reg.Rows[0].YearDue != Yuan(81*10) || reg.Rows[0].YearPaid != Yuan(162) {
		t.Errorf("joined: due %s paid %s", reg.Rows[0].YearDue, reg.Rows[0].YearPaid)
	}
	if reg.YearPaid != Yuan(177) || reg.MonthPaid[0] != Yuan(15) {
		t.Errorf("totals: %s, Jan %s", reg.YearPaid, reg.MonthPaid[0])
	}
	if !strings.Contains(reg.Rows[2].Note, "缺2026年基数") {
		t.Errorf("no-base note %q", reg.Rows[2].Note)
	}
}

// 党章 art. 9: 3 consecutive months is the app's warning, 6 is serious.
func TestArrears(t *testing.T) {
	today := NewDate(2026, 7, 10)
	r := CurrentDuesRules()
	var ms []Member
	var bases []DuesBase
	var paid []PaidMonth
	// Member i paid Jan–Jun except the last unpaid[i] months.
	unpaid := []int{0, 2, 3, 5, 6}
	for i, n := range unpaid {
		m := duesMember(int64(i+1), NewDate(2015, 1, 1))
		ms = append(ms, m)
		bases = append(bases, DuesBase{MemberID: m.ID, Year: 2026, Category: DuesEmployed, Base: Yuan(4000)})
		for k := 1; k <= 6-n; k++ {
			paid = append(paid, PaidMonth{MemberID: m.ID, Month: MonthOf(2026, time.Month(k)), Amount: Yuan(40)})
		}
	}
	got := Arrears(ms, DuesHistory{Start: MonthOf(2026, 1), Bases: bases, Paid: paid}, today, r, PartyConstitution2022)
	want := []struct {
		id     int64
		streak int
		sev    Severity
		amount Money
	}{{5, 6, Serious, Yuan(240)}, {4, 5, Warning, Yuan(200)}, {3, 3, Warning, Yuan(120)}, {2, 2, Info, Yuan(80)}}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i, w := range want {
		g := got[i]
		if g.MemberID != w.id || g.Streak != w.streak || g.Severity != w.sev || g.Amount != w.amount {
			t.Errorf("#%d: got %+v, want %+v", i, g, w)
		}
	}
	if msg := got[0].Message(PartyConstitution2022); !strings.Contains(msg, "连续6个月") || !strings.Contains(msg, "2026年1月") {
		t.Errorf("message %q", msg)
	}
}

func TestPaymentCheck(t *testing.T) {
	today := NewDate(2026, 7, 10)
	m := duesMember(1, NewDate(2026, 2, 20))
	left := duesMember(2, NewDate(2010, 1, 1))
	left.OnRoster = false
	pc := PaymentCheck{
		Member: m,
		Bases: []DuesBase{{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(5400)},
			// New pay from October: 6000 pays 1.5%, 90.00 a month.
			{MemberID: 1, Year: 2026, From: time.October, Category: DuesEmployed, Base: Yuan(6000)}},
		Paid:  map[Month]bool{MonthOf(2026, 3): true},
		Today: today,
		Rules: CurrentDuesRules(),
	}
	mo := func(ms ...int) []Month {
		out := make([]Month, len(ms))
		for i, x := range ms {
			out[i] = MonthOf(2026, time.Month(x))
		}
		return out
	}
	for _, c := range []struct {
		name string
		p    DuesPayment
		by   *Member
		want string
	}{
		{"one_month", DuesPayment{Date: NewDate(2026, 7, 1), Amount: Yuan(81), Months: mo(7)}, nil, ""},
		{"in_advance", DuesPayment{Date: NewDate(2026, 7, 1), Amount: Yuan(243), Months: mo(7, 8, 9)}, nil, ""},
		{"back_payment", DuesPayment{Date: NewDate(2026, 7, 1), Amount: Yuan(162), Months: mo(4, 5)}, nil, ""},
		{"by_another", DuesPayment{Date: NewDate(2026, 7, 1), Amount: Yuan(81), Months: mo(7), PaidBy: 9}, &Member{ID: 9, Name: "代", OnRoster: true}, ""},
		{"already_paid", DuesPayment{Date: NewDate(2026, 7, 1), Amount: Yuan(81), Months: mo(3)}, nil, "已交过"},
		{"wrong_amount", DuesPayment{Date: NewDate(2026, 7, 1), Amount: Yuan(80), Months: mo(7)}, nil, "不符"},
		{"before_admission", DuesPayment{Date: NewDate(2026, 1, 5), Amount: Yuan(81), Months: mo(1)}, nil, "早于"},
		{"month_before_admission", DuesPayment{Date: NewDate(2026, 7, 1), Amount: Yuan(81), Months: mo(1)}, nil, "早于"},
		{"future_date", DuesPayment{Date: NewDate(2026, 8, 1), Amount: Yuan(81), Months: mo(8)}, nil, "晚于今天"},
		{"no_months", DuesPayment{Date: NewDate(2026, 7, 1), Amount: Yuan(81)}, nil, "月份"},
		{"no_base", DuesPayment{Date: NewDate(2026, 7, 1), Amount: Yuan(81), Months: []Month{MonthOf(2027, 1)}}, nil, "缺少 2027 年"},
		{"extra_dues_kept_apart", DuesPayment{Date: NewDate(2026, 7, 1), Amount: Yuan(81), Extra: Yuan(100), Months: mo(7)}, nil, ""},
		{"extra_typed_into_amount", DuesPayment{Date: NewDate(2026, 7, 1), Amount: Yuan(181), Months: mo(7)}, nil, "自愿多交"},
		{"negative_extra", DuesPayment{Date: NewDate(2026, 7, 1), Amount: Yuan(81), Extra: -1, Months: mo(7)}, nil, "负数"},
		{"extra_at_the_limit", DuesPayment{Date: NewDate(2026, 7, 1), Amount: Yuan(81), Extra: Yuan(1000000), Months: mo(7)}, nil, ""},
		{"extra_a_slip_of_the_keyboard", DuesPayment{Date: NewDate(2026, 7, 1), Amount: Yuan(81), Extra: 9999999999999, Months: mo(7)}, nil, "自愿多交 99999999999.99 元超过 1000000.00 元，不合常理"},
		{"across_a_base_change", DuesPayment{Date: NewDate(2026, 7, 1), Amount: Yuan(81 + 90), Months: mo(9, 10)}, nil, ""},
		{"old_amount_after_change", DuesPayment{Date: NewDate(2026, 7, 1), Amount: Yuan(81), Months: mo(10)}, nil, "不符"},
		{"payer_left", DuesPayment{Date: NewDate(2026, 7, 1), Amount: Yuan(81), Months: mo(7), PaidBy: 2}, &left, "不在册"},
	} {
		t.Run(c.name, func(t *testing.T) {
			pc := pc
			pc.PaidBy = c.by
			_, err := pc.Check(c.p)
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want %q", err, c.want)
			}
		})
	}
	// Back-payment limit: 6 months before the payment month.
	old := pc
	old.Member.JoinDate = NewDate(2020, 1, 1)
	old.Bases = []DuesBase{{Year: 2025, Category: DuesEmployed, Base: Yuan(5400)}}
	if _, err := old.Check(DuesPayment{Date: NewDate(2026, 7, 1), Amount: Yuan(81), Months: []Month{MonthOf(2025, 12)}}); err == nil || !strings.Contains(err.Error(), "补交") {
		t.Errorf("7 months back: %v", err)
	}
	if _, err := old.Check(DuesPayment{Date: NewDate(2026, 6, 1), Amount: Yuan(81), Months: []Month{MonthOf(2025, 12)}}); err != nil {
		t.Errorf("6 months back: %v", err)
	}
}

// A base of 0 for a member whose dues are computed from income would make
// them owe nothing without approval (s3-8-attack #1): refused, pointing to
// 减交/免交.
func TestValidateRefusesZeroBaseForIncomeCategories(t *testing.T) {
	r := CurrentDuesRules()
	for _, c := range []DuesCategory{DuesEmployed, DuesAnnualSalary, DuesSelfEmployed, DuesRetired} {
		err := DuesBase{Year: 2026, Category: c}.Validate(r)
		if err == nil || !strings.Contains(err.Error(), "请填写计算基数") || !strings.Contains(err.Error(), "免交") {
			t.Errorf("%s with base 0: %v", c, err)
		}
	}
	for _, c := range []DuesCategory{DuesFarmer, DuesStudent, DuesUnemployed, DuesWelfare} {
		if err := (DuesBase{Year: 2026, Category: c}).Validate(r); err != nil {
			t.Errorf("%s without a base: %v", c, err)
		}
	}
}

// A member who leaves with six months unpaid is off the roster's arrears
// at once, but the year's summary still reports what they owed while here.
func TestYearArrearsKeepsThoseWhoLeft(t *testing.T) {
	today := NewDate(2026, 11, 30)
	m := duesMember(1, NewDate(2015, 1, 1))
	m.Name = "向晨阳"
	h := DuesHistory{Start: MonthOf(2026, 1), Openings: map[int64]Month{1: MonthOf(2026, 4)},
		Bases: []DuesBase{{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(4000)}}}
	r := CurrentDuesRules()
	if got := YearArrears([]Member{m}, h, 2026, today, r, PartyConstitution2022); len(got) != 1 || got[0].Streak != 6 || !got[0].LeftOn.IsZero() {
		t.Fatalf("on the roster: %+v", got)
	}
	m.OnRoster, m.LeftOn, m.LeftBy = false, today, EventTransferOut
	if got := Arrears([]Member{m}, h, today, r, PartyConstitution2022); len(got) != 0 {
		t.Errorf("today's arrears list those on the roster only: %+v", got)
	}
	got := YearArrears([]Member{m}, h, 2026, today, r, PartyConstitution2022)
	if len(got) != 1 || got[0].Streak != 6 || got[0].Since != MonthOf(2026, 5) || got[0].Severity != Serious ||
		got[0].LeftOn != today || got[0].LeftBy != EventTransferOut {
		t.Errorf("the year's summary after the letter: %+v", got)
	}
	if got := YearArrears([]Member{m}, h, 2027, NewDate(2027, 2, 1), r, PartyConstitution2022); len(got) != 0 {
		t.Errorf("the next year's summary: %+v", got)
	}
}
