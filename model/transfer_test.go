package model

import (
	"errors"
	"strings"
	"testing"
)

var transferToday = NewDate(2026, 11, 30)

// leaver is a full member on the roster since 2020, joined 2001.
func leaver() Member {
	m := validMember()
	m.ID = 7
	m.ArrivedOn = NewDate(2020, 3, 1)
	return m
}

func letterRequest() LetterRequest {
	return LetterRequest{MemberID: 7, ToOrg: "兰州新区某科技公司党支部", ToCommittee: "中共兰州新区工委组织部",
		Reason: "工作变动", Date: NewDate(2026, 11, 20), ValidDays: 30}
}

// Each row is one way a letter request is refused (issue 13: unknown
// member, validity over 90 days, a date before the member joined, a member
// already transferred out …), with the field the message belongs to.
func TestNewLetter(t *testing.T) {
	r := CurrentTransferRules()
	for _, tc := range []struct {
		name   string
		edit   func(q *LetterRequest, m *Member)
		field  Field  // "" with reason "": accepted
		reason string // part of the message
	}{
		{"valid", func(q *LetterRequest, m *Member) {}, "", ""},
		{"90_days_is_the_most", func(q *LetterRequest, m *Member) { q.ValidDays = 90 }, "", ""},
		{"validity_over_90_days", func(q *LetterRequest, m *Member) { q.ValidDays = 91 }, LetterValidDaysField, "超过最长的90天"},
		{"validity_missing", func(q *LetterRequest, m *Member) { q.ValidDays = 0 }, LetterValidDaysField, "有效期应为1–90天"},
		{"no_receiving_organisation", func(q *LetterRequest, m *Member) { q.ToOrg = "  " }, LetterToOrgField, "请填写接收党组织"},
		{"date_before_joining", func(q *LetterRequest, m *Member) {
			q.Date = NewDate(2000, 1, 1)
			m.ArrivedOn = Date{}
		}, LetterDateField, "早于廖明加入党组织的日期 2001-07-01"},
		{"date_after_today", func(q *LetterRequest, m *Member) { q.Date = NewDate(2026, 12, 1) }, LetterDateField, "晚于今天"},
		{"month_only_date", func(q *LetterRequest, m *Member) { q.Date = MonthDate(2026, 11) }, LetterDateField, "完整的日期"},
		{"no_date", func(q *LetterRequest, m *Member) { q.Date = Date{} }, LetterDateField, "完整的日期"},
		{"bad_phone", func(q *LetterRequest, m *Member) { q.Phone = "12345" }, LetterPhoneField, "格式不正确"},
		{"member_phone_taken", func(q *LetterRequest, m *Member) { q.Phone = "" }, "", ""},
		{"organisation_too_long", func(q *LetterRequest, m *Member) { q.ToOrg = strings.Repeat("党", 61) }, LetterToOrgField, "最多60个字"},
		{"already_transferred_out", func(q *LetterRequest, m *Member) {
			m.OnRoster, m.LeftBy, m.LeftOn = false, EventTransferOut, NewDate(2026, 10, 1)
		}, "", "已于 2026-10-01 转出，不在册"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, m := letterRequest(), leaver()
			tc.edit(&q, &m)
			l, err := NewLetter(q, &m, "某公司党支部", MonthOf(2026, 11), transferToday, r)
			switch {
			case tc.reason == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.reason == "":
				if l.Name != "廖明" || l.Age != 55 || l.PaidTo != MonthOf(2026, 11) || l.Year != 2026 || l.Phone != "17474598897" {
					t.Errorf("letter = %+v", l)
				}
				return
			case err == nil:
				t.Fatalf("accepted, want %q", tc.reason)
			}
			if !strings.Contains(err.Error(), tc.reason) {
				t.Errorf("error %q, want it to say %q", err, tc.reason)
			}
			var ve ValidationErrors
			switch {
			case tc.field == "" && !errors.Is(err, ErrTransfer):
				t.Errorf("error %v is not ErrTransfer", err)
			case tc.field != "" && (!errors.As(err, &ve) || ve[0].Field != tc.field):
				t.Errorf("error %v, want it on %s", err, tc.field)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("message spans lines: %q", err)
			}
		})
	}
}

func TestLetterState(t *testing.T) {
	r := CurrentTransferRules()
	issued := NewDate(2026, 9, 1)
	for _, tc := range []struct {
		name  string
		days  int
		today Date
		edit  func(l *TransferLetter)
		want  LetterState
	}{
		{"fresh", 30, NewDate(2026, 9, 10), nil, LetterPending},
		{"a_month_is_still_pending", 90, NewDate(2026, 10, 1), nil, LetterPending},
		{"receipt_late_within_validity", 90, NewDate(2026, 10, 2), nil, LetterReceiptLate},
		{"valid_through_its_last_day", 90, NewDate(2026, 11, 30), nil, LetterReceiptLate},
		{"expired_the_day_after", 90, NewDate(2026, 12, 1), nil, LetterExpired},
		{"thirty_days_expires_before_receipt_is_late", 30, NewDate(2026, 10, 2), nil, LetterExpired},
		{"received", 30, NewDate(2027, 1, 1), func(l *TransferLetter) { l.Receipt = &LetterReceipt{Date: NewDate(2026, 9, 20)} }, LetterReceived},
		{"withdrawn", 30, NewDate(2027, 1, 1), func(l *TransferLetter) {
			l.Withdrawal = &LetterWithdrawal{Date: NewDate(2026, 9, 2), Reason: "未使用"}
		}, LetterWithdrawn},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := TransferLetter{Date: issued, ValidDays: tc.days}
			if tc.edit != nil {
				tc.edit(&l)
			}
			if got := l.State(tc.today, r); got != tc.want {
				t.Errorf("state on %s = %s, want %s (valid until %s)", tc.today, got, tc.want, l.ValidUntil())
			}
		})
	}
}

func TestReceiptAndWithdrawalChecks(t *testing.T) {
	l := TransferLetter{Year: 2026, Number: 3, Name: "廖明", ToOrg: "乙支部", Date: NewDate(2026, 11, 1), ValidDays: 30}
	rc := LetterReceipt{Date: NewDate(2026, 11, 10), Handler: " 王芳 "}
	if err := CheckReceipt(&l, &rc, transferToday); err != nil || rc.Org != "乙支部" || rc.Handler != "王芳" {
		t.Fatalf("receipt refused or not tidied: %v %+v", err, rc)
	}
	for _, tc := range []struct {
		name   string
		letter func(l *TransferLetter)
		rc     LetterReceipt
		reason string
	}{
		{"before_the_letter", nil, LetterReceipt{Date: NewDate(2026, 10, 31)}, "早于介绍信开具日期"},
		{"after_today", nil, LetterReceipt{Date: NewDate(2026, 12, 1)}, "晚于今天"},
		{"withdrawn", func(l *TransferLetter) { l.Withdrawal = &LetterWithdrawal{Date: NewDate(2026, 11, 2)} }, rc, "已于 2026-11-02 作废"},
		{"twice", func(l *TransferLetter) { l.Receipt = &LetterReceipt{Date: NewDate(2026, 11, 5)} }, rc, "已于 2026-11-05 登记回执"},
	} {
		t.Run("receipt/"+tc.name, func(t *testing.T) {
			l := l
			if tc.letter != nil {
				tc.letter(&l)
			}
			if err := CheckReceipt(&l, &tc.rc, transferToday); err == nil || !strings.Contains(err.Error(), tc.reason) {
				t.Errorf("error %v, want %q", err, tc.reason)
			}
		})
	}
	for _, tc := range []struct {
		name   string
		letter func(l *TransferLetter)
		w      LetterWithdrawal
		reason string
	}{
		{"no_reason", nil, LetterWithdrawal{Date: NewDate(2026, 11, 2)}, "请填写作废原因"},
		{"received", func(l *TransferLetter) { l.Receipt = &LetterReceipt{Date: NewDate(2026, 11, 5), Org: "乙支部"} }, LetterWithdrawal{Date: NewDate(2026, 11, 6), Reason: "x"}, "不能作废"},
		{"twice", func(l *TransferLetter) { l.Withdrawal = &LetterWithdrawal{Date: NewDate(2026, 11, 2)} }, LetterWithdrawal{Date: NewDate(2026, 11, 6), Reason: "x"}, "已于 2026-11-02 作废"},
		{"before_the_letter", nil, LetterWithdrawal{Date: NewDate(2026, 10, 6), Reason: "x"}, "早于介绍信开具日期"},
	} {
		t.Run("withdrawal/"+tc.name, func(t *testing.T) {
			l := l
			if tc.letter != nil {
				tc.letter(&l)
			}
			if err := CheckWithdrawal(&l, &tc.w, transferToday); err == nil || !strings.Contains(err.Error(), tc.reason) {
				t.Errorf("error %v, want %q", err, tc.reason)
			}
		})
	}
}

func TestCheckTransferIn(t *testing.T) {
	dr := CurrentDuesRules()
	newcomer := func() Member {
		m := validMember()
		m.OnRoster = false
		return m
	}
	ok := func() TransferIn {
		return TransferIn{LetterNumber: "（2026）第15号", FromOrg: "甲公司党支部", Date: NewDate(2026, 11, 2),
			LetterDate: NewDate(2026, 10, 28), PaidTo: MonthOf(2026, 10), Category: CategoryFull}
	}
	for _, tc := range []struct {
		name   string
		edit   func(in *TransferIn, m *Member)
		field  Field
		reason string
	}{
		{"valid", func(in *TransferIn, m *Member) {}, "", ""},
		{"paid_to_later_than_arrival", func(in *TransferIn, m *Member) { in.PaidTo = MonthOf(2027, 1) }, "", ""},
		{"no_number", func(in *TransferIn, m *Member) { in.LetterNumber = "" }, InLetterNumberField, "编号"},
		{"no_sender", func(in *TransferIn, m *Member) { in.FromOrg = "" }, InFromOrgField, "转出党组织"},
		{"no_paid_to", func(in *TransferIn, m *Member) { in.PaidTo = 0 }, InPaidToField, "党费交至"},
		{"paid_to_too_far_ahead", func(in *TransferIn, m *Member) { in.PaidTo = MonthOf(2028, 1) }, InPaidToField, "预交"},
		{"date_before_joining", func(in *TransferIn, m *Member) { in.Date, in.LetterDate = NewDate(2000, 1, 1), Date{} }, InDateField, "加入党组织"},
		{"letter_after_arrival", func(in *TransferIn, m *Member) { in.LetterDate = NewDate(2026, 11, 3) }, InLetterDateField, "晚于转入日期"},
		{"category_disagrees", func(in *TransferIn, m *Member) { in.Category = CategoryProbationary }, InCategoryField, "党员信息中为正式党员"},
		{"already_on_roster", func(in *TransferIn, m *Member) { m.ID, m.OnRoster = 4, true }, "", "已在本支部名册上"},
		{"left_by_death", func(in *TransferIn, m *Member) { m.ID, m.LeftBy = 4, EventDeath }, "", "不能以转入恢复"},
		{"back_before_leaving", func(in *TransferIn, m *Member) {
			m.ID, m.LeftBy, m.LeftOn = 4, EventTransferOut, NewDate(2026, 11, 10)
		}, InDateField, "早于廖明转出本支部的日期"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in, m := ok(), newcomer()
			tc.edit(&in, &m)
			err := CheckTransferIn(&in, &m, transferToday, dr)
			switch {
			case tc.reason == "":
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			case err == nil || !strings.Contains(err.Error(), tc.reason):
				t.Fatalf("error %v, want %q", err, tc.reason)
			}
			var ve ValidationErrors
			if tc.field != "" && (!errors.As(err, &ve) || ve[0].Field != tc.field) {
				t.Errorf("error %v, want it on %s", err, tc.field)
			}
			if tc.field == "" && !errors.Is(err, ErrTransfer) {
				t.Errorf("error %v is not ErrTransfer", err)
			}
		})
	}
}

// The letter states the last month paid in full and the secretary is told
// of months the member still owes, up to the month they leave.
func TestDuesAtLetter(t *testing.T) {
	r := CurrentDuesRules()
	bases := []DuesBase{{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(5400)}}
	paid := func(ms ...Month) []PaidMonth {
		var out []PaidMonth
		for _, m := range ms {
			out = append(out, PaidMonth{MemberID: 1, Month: m, Amount: Yuan(81)})
		}
		return out
	}
	for _, tc := range []struct {
		name    string
		paid    []PaidMonth
		bases   []DuesBase
		date    Date
		paidTo  Month
		owed    int
		amount  Money
		unknown int
		warning string
	}{
		{"paid_up", paid(MonthOf(2026, 9), MonthOf(2026, 10), MonthOf(2026, 11)), bases, NewDate(2026, 11, 20), MonthOf(2026, 11), 0, 0, 0, ""},
		{"paid_in_advance", paid(MonthOf(2026, 9), MonthOf(2026, 10), MonthOf(2026, 11), MonthOf(2026, 12)), bases, NewDate(2026, 11, 20), MonthOf(2026, 12), 0, 0, 0, ""},
		// November is not over on 2026-11-30: due, not arrears, as home counts it.
		{"leaving_month_unpaid_is_not_arrears", paid(MonthOf(2026, 9), MonthOf(2026, 10)), bases, NewDate(2026, 11, 20), MonthOf(2026, 10), 0, 0, 0, ""},
		{"arrears_through_last_month", paid(MonthOf(2026, 9)), bases, NewDate(2026, 11, 20), MonthOf(2026, 9), 1, Yuan(81), 0, "2026年10月尚未交纳，共1个月，计 81.00 元"},
		{"letter_dated_last_month", paid(MonthOf(2026, 9)), bases, NewDate(2026, 10, 20), MonthOf(2026, 9), 1, Yuan(81), 0, "2026年10月尚未交纳"},
		{"leaving_last_month_owes_nothing_after", paid(MonthOf(2026, 9), MonthOf(2026, 10)), bases, NewDate(2026, 10, 31), MonthOf(2026, 10), 0, 0, 0, ""},
		{"no_base", nil, nil, NewDate(2026, 11, 20), MonthOf(2026, 8), 0, 0, 3, "缺党费基数"},
		// 免交 for the year: the months after the letter's were waived, not
		// paid — 党费交至 is the letter's month, not December
		// (s5-13-attack #6).
		{"exempt_stops_at_the_letters_month", nil, []DuesBase{{MemberID: 1, Year: 2026, Category: DuesExempt, Reason: "失业", Approval: "某党委批准"}},
			NewDate(2026, 11, 20), MonthOf(2026, 11), 0, 0, 0, ""},
		{"exempt_paid_ahead_stays", paid(MonthOf(2026, 12)), []DuesBase{{MemberID: 1, Year: 2026, Category: DuesExempt, Reason: "失业", Approval: "某党委批准"}},
			NewDate(2026, 11, 20), MonthOf(2026, 12), 0, 0, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := duesMember(1, NewDate(2001, 7, 1))
			h := DuesHistory{Start: MonthOf(2026, 9), Bases: tc.bases, Paid: tc.paid, Openings: map[int64]Month{1: MonthOf(2026, 8)}}
			d := DuesAtLetter(&m, h, tc.date, transferToday, r)
			if !d.Known || d.PaidTo != tc.paidTo || len(d.OwedMonths) != tc.owed || d.Owed != tc.amount || len(d.Unknown) != tc.unknown {
				t.Errorf("dues = %+v, want paid to %s, %d owed (%s), %d unknown", d, tc.paidTo, tc.owed, tc.amount, tc.unknown)
			}
			w := d.Warning(m.Name)
			if (tc.warning == "") != (w == "") || !strings.Contains(w, tc.warning) {
				t.Errorf("warning %q, want %q", w, tc.warning)
			}
		})
	}
}

func TestCheckTransfers(t *testing.T) {
	tr, mr, mb := CurrentTransferRules(), CurrentMobileRules(), CurrentRules().Membership
	away := func() MobileMember {
		return MobileMember{ID: 1, MemberID: 7, LeftOn: NewDate(2026, 8, 1), Destination: "深圳", CardNumber: "甘流0012",
			CardReviewed: NewDate(2026, 8, 1), Reports: []MobileReport{{Date: NewDate(2026, 10, 1)}}}
	}
	for _, tc := range []struct {
		name   string
		data   func(d *TransferRecords, m *Member)
		sev    Severity // of the one finding wanted
		reason string   // "" = no finding
	}{
		{"letter_pending", func(d *TransferRecords, m *Member) {
			d.Letters = []TransferLetter{{Year: 2026, Number: 1, MemberID: 7, Name: "廖明", ToOrg: "乙", Date: NewDate(2026, 11, 20), ValidDays: 30}}
		}, 0, ""},
		{"receipt_late", func(d *TransferRecords, m *Member) {
			d.Letters = []TransferLetter{{Year: 2026, Number: 1, MemberID: 7, Name: "廖明", ToOrg: "乙", Date: NewDate(2026, 10, 20), ValidDays: 90}}
		}, Warning, "（2026）第1号介绍信（廖明转往乙，2026年10月20日开具）已超过1个月未收到回执"},
		{"expired_unused", func(d *TransferRecords, m *Member) {
			d.Letters = []TransferLetter{{Year: 2026, Number: 2, MemberID: 7, Name: "廖明", ToOrg: "乙", Date: NewDate(2026, 10, 20), ValidDays: 30}}
		}, Warning, "已于2026年11月19日过期，尚未收到回执：请核实"},
		{"expired_long_ago", func(d *TransferRecords, m *Member) {
			d.Letters = []TransferLetter{{Year: 2026, Number: 2, MemberID: 7, Name: "廖明", ToOrg: "乙", Date: NewDate(2026, 8, 20), ValidDays: 30}}
		}, Serious, "组织关系可能无处接收"},
		{"received_is_quiet", func(d *TransferRecords, m *Member) {
			d.Letters = []TransferLetter{{Year: 2026, Number: 2, MemberID: 7, Date: NewDate(2026, 1, 20), ValidDays: 30, Receipt: &LetterReceipt{Date: NewDate(2026, 2, 1)}}}
		}, 0, ""},
		{"mobile_reporting", func(d *TransferRecords, m *Member) { d.Mobile = []MobileMember{away()} }, 0, ""},
		{"mobile_six_months", func(d *TransferRecords, m *Member) {
			a := away()
			a.LeftOn = NewDate(2026, 5, 1)
			d.Mobile = []MobileMember{a}
		}, Warning, "外出（深圳）已6个月：外出6个月以上且地点相对固定的，应转接组织关系"},
		{"mobile_six_months_cannot_transfer", func(d *TransferRecords, m *Member) {
			a := away()
			a.LeftOn, a.NoTransfer = NewDate(2026, 5, 1), "流动性大，无固定地点"
			d.Mobile = []MobileMember{a}
		}, 0, ""},
		{"mobile_silent_a_year", func(d *TransferRecords, m *Member) {
			a := away()
			a.LeftOn, a.Reports, a.NoTransfer = NewDate(2025, 10, 1), nil, "无固定地点"
			a.CardReviewed = NewDate(2026, 10, 1)
			d.Mobile = []MobileMember{a}
		}, Warning, "已13个月未向党支部报告情况（外出后从未报告）"},
		{"card_review_overdue", func(d *TransferRecords, m *Member) {
			a := away()
			a.CardReviewed = NewDate(2025, 11, 1)
			d.Mobile = []MobileMember{a}
		}, Warning, "应于2026年11月1日年审，已逾期"},
		{"card_review_soon", func(d *TransferRecords, m *Member) {
			a := away()
			a.CardReviewed = NewDate(2025, 12, 20)
			d.Mobile = []MobileMember{a}
		}, Info, "将于2026年12月20日年审"},
		{"no_card", func(d *TransferRecords, m *Member) {
			a := away()
			a.CardNumber = ""
			d.Mobile = []MobileMember{a}
		}, Info, "未登记流动党员活动证编号"},
		{"returned_is_quiet", func(d *TransferRecords, m *Member) {
			a := away()
			a.LeftOn, a.ReturnedOn, a.Reports = NewDate(2024, 1, 1), NewDate(2024, 12, 1), nil
			d.Mobile = []MobileMember{a}
		}, 0, ""},
		{"marked_mobile_without_register", func(d *TransferRecords, m *Member) {
			m.Mobile, m.MobileDestination = true, "上海"
		}, Info, "在花名册中为流动党员（上海），但没有流动党员登记"},
		{"inflow_six_months", func(d *TransferRecords, m *Member) {
			d.Inflow = []InflowMember{{Name: "马兰", HomeOrg: "定西某村党支部", ArrivedOn: NewDate(2026, 5, 10)}}
		}, Info, "流入党员马兰（组织关系在定西某村党支部）已在本单位6个月"},
		{"inflow_gone_is_quiet", func(d *TransferRecords, m *Member) {
			d.Inflow = []InflowMember{{Name: "马兰", HomeOrg: "定西", ArrivedOn: NewDate(2025, 5, 10), LeftOn: NewDate(2026, 1, 1)}}
		}, 0, ""},
		{"postponed_probation", func(d *TransferRecords, m *Member) {
			m.Category, m.FullDate, m.JoinDate = CategoryProbationary, Date{}, NewDate(2025, 10, 1)
			d.Ins = []TransferIn{{MemberID: 7, Date: NewDate(2026, 6, 1), Category: CategoryProbationary}}
		}, Info, "预备期已于2026年10月1日届满；按《中国共产党发展党员工作细则》（2026年）第三十五条，转正讨论可以推迟，最迟应于2027年4月1日前"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := leaver()
			var d TransferRecords
			tc.data(&d, &m)
			fs := CheckTransfers(&d, []Member{m}, transferToday, tr, mr, mb)
			if tc.reason == "" {
				if len(fs) != 0 {
					t.Errorf("findings %v, want none", fs)
				}
				return
			}
			if len(fs) != 1 {
				t.Fatalf("findings %v, want one", fs)
			}
			f := fs[0]
			if f.Severity != tc.sev || f.About != AboutTransfers || !strings.Contains(f.Message, tc.reason) {
				t.Errorf("finding %s %q, want %s %q", f.Severity, f.Message, tc.sev, tc.reason)
			}
			if f.MemberID != 7 && !strings.HasPrefix(tc.name, "inflow") {
				t.Errorf("finding names member %d, want 7", f.MemberID)
			}
		})
	}
}

// §35 of the 2026 rules lets the 转正 discussion of a probationary member
// who transferred in wait up to 6 months after probation ends; the roster's
// "probation ended" warning is held back meanwhile, and comes back after.
func TestPostponedProbations(t *testing.T) {
	mb := CurrentRules().Membership
	for _, tc := range []struct {
		name      string
		join      Date
		in        Date
		category  Category
		today     Date
		postponed bool
	}{
		{"within_the_postponement", NewDate(2025, 10, 1), NewDate(2026, 6, 1), CategoryProbationary, NewDate(2026, 11, 30), true},
		{"on_the_last_day", NewDate(2025, 10, 1), NewDate(2026, 6, 1), CategoryProbationary, NewDate(2027, 4, 1), true},
		{"after_it", NewDate(2025, 10, 1), NewDate(2026, 6, 1), CategoryProbationary, NewDate(2027, 4, 2), false},
		{"probation_not_ended", NewDate(2026, 1, 1), NewDate(2026, 6, 1), CategoryProbationary, NewDate(2026, 11, 30), false},
		{"transferred_before_the_2026_rules", NewDate(2025, 10, 1), NewDate(2026, 5, 10), CategoryProbationary, NewDate(2026, 11, 30), false},
		{"came_as_full_member", NewDate(2025, 10, 1), NewDate(2026, 6, 1), CategoryFull, NewDate(2026, 11, 30), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := leaver()
			m.Category, m.FullDate, m.JoinDate, m.ArrivedOn = CategoryProbationary, Date{}, tc.join, tc.in
			ins := []TransferIn{{MemberID: 7, Date: tc.in, Category: tc.category}}
			p := PostponedProbations(ins, []Member{m}, tc.today, mb)
			if _, ok := p[7]; ok != tc.postponed {
				t.Fatalf("postponed = %v, want %v", ok, tc.postponed)
			}
			roster := CheckRoster([]Member{m}, tc.today, CurrentRules())
			kept := DropPostponedProbationFindings(roster, p)
			if tc.postponed && len(kept) != 0 {
				t.Errorf("roster findings kept during the postponement: %v", kept)
			}
			if !tc.postponed && len(kept) != len(roster) {
				t.Errorf("roster findings dropped: %v → %v", roster, kept)
			}
		})
	}
	// DropPostponedProbationFindings tells the probation finding by its
	// 预备期: CheckRoster must keep naming it.
	m := leaver()
	m.Category, m.FullDate, m.JoinDate = CategoryProbationary, Date{}, NewDate(2025, 1, 1)
	fs := CheckRoster([]Member{m}, transferToday, CurrentRules())
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "预备期") || fs[0].About != AboutMembers {
		t.Errorf("CheckRoster's probation finding = %v", fs)
	}
}

// Mobile members stay out of the organisational-life check only while away
// and reporting; silent, they count from their last report (never having
// reported, from the day they left); back, from the day they returned.
func TestParticipationWithMobileMembers(t *testing.T) {
	mr := CurrentMobileRules()
	rules := MeetingRules2018
	c := PartyConstitution2022
	first := held(KindThemeDay, NewDate(2025, 1, 10))
	base := func() Member {
		m := leaver()
		m.ArrivedOn = NewDate(2024, 1, 1)
		return m
	}
	for _, tc := range []struct {
		name    string
		entries []MobileMember
		mobile  bool
		skipped bool
		since   Date
	}{
		{"not_mobile", nil, false, false, NewDate(2025, 1, 10)},
		{"marked_mobile_without_register", nil, true, true, Date{}},
		{"away_and_reporting", []MobileMember{{MemberID: 7, LeftOn: NewDate(2025, 3, 1), Reports: []MobileReport{{Date: NewDate(2026, 6, 1)}}}}, true, true, Date{}},
		{"away_and_silent", []MobileMember{{MemberID: 7, LeftOn: NewDate(2025, 3, 1), Reports: []MobileReport{{Date: NewDate(2025, 6, 1)}}}}, true, false, NewDate(2025, 6, 1)},
		{"back", []MobileMember{{MemberID: 7, LeftOn: NewDate(2025, 3, 1), ReturnedOn: NewDate(2026, 9, 1)}}, false, false, NewDate(2026, 9, 1)},
		// Never reported: nothing tells the branch they take part where
		// they are. Counted from their last attendance here (after the
		// 外出日期 registered after the fact), not left out.
		{"away_never_reported", []MobileMember{{MemberID: 7, LeftOn: NewDate(2025, 1, 1)}}, true, false, NewDate(2025, 1, 10)},
		{"away_never_reported_left_later", []MobileMember{{MemberID: 7, LeftOn: NewDate(2026, 9, 1)}}, true, false, NewDate(2026, 9, 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := base()
			m.Mobile = tc.mobile
			ps := ParticipationWith([]Member{m}, first, transferToday, rules, c, MobileAbsences(tc.entries, transferToday, mr), Date{})
			if tc.skipped {
				if len(ps) != 0 {
					t.Errorf("counted: %+v", ps)
				}
				return
			}
			if len(ps) != 1 || ps[0].Since != tc.since {
				t.Errorf("participation %+v, want counted since %s", ps, tc.since)
			}
		})
	}
}

func TestMobileMemberValidate(t *testing.T) {
	ok := func() MobileMember {
		return MobileMember{MemberID: 7, LeftOn: NewDate(2026, 6, 1), Destination: "深圳", Contact: "13800138000"}
	}
	for _, tc := range []struct {
		name   string
		edit   func(mm *MobileMember, m *Member)
		others []MobileMember
		field  Field
	}{
		{"valid", func(mm *MobileMember, m *Member) {}, nil, ""},
		{"no_destination", func(mm *MobileMember, m *Member) { mm.Destination = "" }, nil, MobileDestinationField},
		{"left_before_joining", func(mm *MobileMember, m *Member) { mm.LeftOn = NewDate(2000, 1, 1) }, nil, MobileLeftOnField},
		{"back_before_leaving", func(mm *MobileMember, m *Member) { mm.ReturnedOn = NewDate(2026, 5, 1) }, nil, MobileReturnedField},
		{"back_after_today", func(mm *MobileMember, m *Member) { mm.ReturnedOn = NewDate(2026, 12, 5) }, nil, MobileReturnedField},
		{"bad_contact", func(mm *MobileMember, m *Member) { mm.Contact = "12" }, nil, MobileContactField},
		{"off_roster", func(mm *MobileMember, m *Member) { m.OnRoster, m.LeftBy = false, EventTransferOut }, nil, MobileMemberField},
		{"overlapping_stays", func(mm *MobileMember, m *Member) {}, []MobileMember{{ID: 9, MemberID: 7, LeftOn: NewDate(2026, 1, 1), ReturnedOn: NewDate(2026, 7, 1)}}, MobileLeftOnField},
		{"earlier_stay_is_fine", func(mm *MobileMember, m *Member) {}, []MobileMember{{ID: 9, MemberID: 7, LeftOn: NewDate(2026, 1, 1), ReturnedOn: NewDate(2026, 3, 1)}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mm, m := ok(), leaver()
			tc.edit(&mm, &m)
			errs := mm.Validate(&m, tc.others, transferToday)
			switch {
			case tc.field == "" && len(errs) > 0:
				t.Errorf("refused: %v", errs)
			case tc.field != "" && (len(errs) == 0 || errs[0].Field != tc.field):
				t.Errorf("errors %v, want one on %s", errs, tc.field)
			}
		})
	}
}

func TestInflowMemberValidate(t *testing.T) {
	ok := func() InflowMember {
		return InflowMember{Name: "马兰", IDNumber: "622421197109249938", HomeOrg: "定西某村党支部", Category: CategoryFull, ArrivedOn: NewDate(2026, 3, 1)}
	}
	for _, tc := range []struct {
		name  string
		edit  func(im *InflowMember)
		field Field
	}{
		{"valid_sex_from_id", func(im *InflowMember) {}, ""},
		{"no_id_number_is_fine", func(im *InflowMember) { im.IDNumber, im.Sex = "", SexFemale }, ""},
		{"bad_id", func(im *InflowMember) { im.IDNumber, im.Sex = "622421197109249937", SexMale }, InflowIDNumberField},
		{"sex_disagrees", func(im *InflowMember) { im.Sex = SexFemale }, InflowSexField},
		{"no_home", func(im *InflowMember) { im.HomeOrg = "" }, InflowHomeOrgField},
		{"no_arrival", func(im *InflowMember) { im.ArrivedOn = Date{} }, InflowArrivedField},
		{"left_before_arriving", func(im *InflowMember) { im.LeftOn = NewDate(2026, 2, 1) }, InflowLeftField},
		{"no_name", func(im *InflowMember) { im.Name = " " }, InflowNameField},
	} {
		t.Run(tc.name, func(t *testing.T) {
			im := ok()
			tc.edit(&im)
			errs := im.Validate(transferToday)
			switch {
			case tc.field == "" && len(errs) > 0:
				t.Errorf("refused: %v", errs)
			case tc.field != "" && (len(errs) == 0 || errs[0].Field != tc.field):
				t.Errorf("errors %v, want one on %s", errs, tc.field)
			}
			if tc.field == "" && im.Sex != SexMale && tc.name == "valid_sex_from_id" {
				t.Errorf("sex not taken from the ID number: %q", im.Sex)
			}
		})
	}
}

// The validity is read as typed: digits, full-width digits from a Chinese
// input method, with or without 天.
func TestParseValidDays(t *testing.T) {
	for in, want := range map[string]int{"30": 30, " 60天 ": 60, "９０": 90, "３０天": 30} {
		if n, err := ParseValidDays(in); err != nil || n != want {
			t.Errorf("ParseValidDays(%q) = %d, %v; want %d", in, n, err, want)
		}
	}
	for _, in := range []string{"abc", "30.5", "三十", ""} {
		if _, err := ParseValidDays(in); err == nil {
			t.Errorf("ParseValidDays(%q) accepted", in)
		}
	}
}

// Dues are owed from the month after the letter's 党费交至: a gap before the
// arrival is arrears from its first month when the branch's 建账月份 is
// before it, 待补录 (not arrears) for the months before the 建账月份, and a
// 党费交至 beyond the arrival month was paid elsewhere.
func TestTransferInDuesText(t *testing.T) {
	for _, c := range []struct {
		paid, start Month
		want        string
	}{
		{MonthOf(2020, 1), MonthOf(2019, 1), "介绍信写明党费交至2020年1月，2020年2月至2026年10月尚未交纳（81个月），计为欠交"},
		{MonthOf(2026, 9), MonthOf(2026, 1), "介绍信写明党费交至2026年9月，2026年10月尚未交纳（1个月），计为欠交"},
		{MonthOf(2026, 9), MonthOf(2026, 10), "介绍信写明党费交至2026年9月，2026年10月尚未交纳（1个月），计为欠交"},
		{MonthOf(2026, 8), MonthOf(2026, 11), "介绍信写明党费交至2026年8月，2026年9月至2026年10月尚未交纳（2个月）；" +
			"这些月份在本支部党费建账（建账月份2026年11月）之前，待补录，不计欠交：请与转出党组织核实"},
		{MonthOf(2020, 1), MonthOf(2026, 11), "介绍信写明党费交至2020年1月，2020年2月至2026年10月尚未交纳（81个月）；" +
			"这些月份在本支部党费建账（建账月份2026年11月）之前，待补录，不计欠交"},
		{MonthOf(2026, 7), MonthOf(2026, 10), "介绍信写明党费交至2026年7月，2026年8月至2026年10月尚未交纳（3个月）；" +
			"其中2026年8月至2026年9月在本支部党费建账（建账月份2026年10月）之前，待补录，不计欠交；2026年10月计为欠交：请核对介绍信"},
		{MonthOf(2026, 8), 0, "介绍信写明党费交至2026年8月，2026年9月至2026年10月尚未交纳（2个月）；本支部尚未建立党费账，这些月份待补录，不计欠交"},
		{MonthOf(2026, 10), MonthOf(2026, 11), "党费从2026年11月起在本支部交纳"},
		{MonthOf(2027, 3), MonthOf(2026, 1), "党费从2027年4月起在本支部交纳"},
	} {
		in := TransferIn{Date: NewDate(2026, 11, 30), PaidTo: c.paid}
		if got := in.DuesText(c.start).String(); !strings.HasPrefix(got, c.want) {
			t.Errorf("党费交至 %s, 建账 %s: %q, want %q", c.paid, c.start, got, c.want)
		}
		toRecord, owed := in.DuesSplit(c.start)
		for _, mo := range toRecord {
			if c.start != 0 && mo >= c.start {
				t.Errorf("党费交至 %s, 建账 %s: %s is 待补录", c.paid, c.start, mo)
			}
		}
		for _, mo := range owed {
			if mo < c.start {
				t.Errorf("党费交至 %s, 建账 %s: %s is owed", c.paid, c.start, mo)
			}
		}
		if len(toRecord)+len(owed) != len(in.DuesGap()) {
			t.Errorf("党费交至 %s, 建账 %s: split %v + %v of %v", c.paid, c.start, toRecord, owed, in.DuesGap())
		}
	}
}

// A letter's warnings say what the ledger knows: months only 待补录 (never
// seen by the app) are to be checked and recorded, not "督促其补交"; and a
// paid-to the ledger cannot tell because of such months says so, not
// "建账后也没有交纳记录" of a member who paid since (review s10-newuser8
// #8, #15).
func TestLetterDuesWordingForMonthsToRecord(t *testing.T) {
	toRecord := []Month{MonthOf(2026, 6), MonthOf(2026, 7), MonthOf(2026, 8)}
	for _, tc := range []struct {
		name      string
		d         LetterDues
		want, not string
	}{
		{"only_to_record", LetterDues{Known: true, PaidTo: MonthOf(2026, 5), ToRecord: toRecord}, "转出前请核实这些月份是否已交", "督促其补交"},
		{"owed_too", LetterDues{Known: true, PaidTo: MonthOf(2026, 5), ToRecord: toRecord, OwedMonths: []Month{MonthOf(2026, 10)}, Owed: 3000}, "督促其补交", "核实这些月份"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.d.WarningText("杨磊").String()
			if !strings.Contains(got, tc.want) || strings.Contains(got, tc.not) {
				t.Errorf("%q: want %q, not %q", got, tc.want, tc.not)
			}
		})
	}
	d := LetterDues{ToRecord: toRecord}
	if got := d.UnknownPaidToText("李明").String(); !strings.Contains(got, "2026年6月至2026年8月") || !strings.Contains(got, "待补录（3个月）") || strings.Contains(got, "没有交纳记录") {
		t.Errorf("paid-to unknown for months to record: %q", got)
	}
	if got := (&LetterDues{}).UnknownPaidToText("李明").String(); !strings.Contains(got, "建账后也没有交纳记录") {
		t.Errorf("paid-to unknown, nothing at all: %q", got)
	}
}
