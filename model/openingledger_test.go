package model

import (
	"fmt"
	"strings"
	"testing"
)

// An opening position (党费已交至) typed or imported may cover months
// before the ledger (建账月份), or months before the member came; never
// months the ledger keeps — from 建账月份 on, the months before the app was
// set up included (review s8-8 #13) — or a month whose payment is recorded
// (review s3-8 attack #2, #10).
func TestValidateOpeningInLedger(t *testing.T) {
	m := duesMember(1, NewDate(2001, 7, 1))
	late := m
	late.ArrivedOn = NewDate(2026, 6, 10)
	imported := m
	imported.ArrivedOn, imported.CreatedAt = NewDate(2026, 11, 20), NewDate(2026, 11, 20).Time()
	paid := []PaidMonth{{MemberID: 1, Month: MonthOf(2025, 3)}, {MemberID: 2, Month: MonthOf(2026, 2)}}
	for _, tc := range []struct {
		name         string
		start, setUp Month
		member       Member
		paid         []PaidMonth
		paidTo       Month
		want         string
	}{
		{"no ledger yet", 0, 0, m, nil, MonthOf(2026, 10), ""},
		{"before the start", MonthOf(2026, 11), MonthOf(2026, 11), m, nil, MonthOf(2026, 10), ""},
		// Review s8-8 #13: every month from 建账月份 on is the ledger's,
		// the months before the app was set up included; paid, they are
		// payments recorded in 收缴, never an opening.
		{"the start month itself", MonthOf(2026, 11), MonthOf(2026, 11), m, nil, MonthOf(2026, 11),
			"党费：党费已交至 2026年11月 在本账内（本账自建账月份 2026年11月 起记账），填了会抵消应交而没有交纳记录；本账内已交的月份请在“收缴”中按实际交纳日期登记，党费已交至最晚填 2026年10月"},
		{"start moved back, months before the app", MonthOf(2026, 1), MonthOf(2026, 11), m, nil, MonthOf(2026, 10),
			"党费：党费已交至 2026年10月 在本账内（本账自建账月份 2026年1月 起记账），填了会抵消应交而没有交纳记录；本账内已交的月份请在“收缴”中按实际交纳日期登记，党费已交至最晚填 2025年12月"},
		{"start October set up in December, November", MonthOf(2026, 10), MonthOf(2026, 12), m, nil, MonthOf(2026, 11),
			"党费：党费已交至 2026年11月 在本账内（本账自建账月份 2026年10月 起记账），填了会抵消应交而没有交纳记录；本账内已交的月份请在“收缴”中按实际交纳日期登记，党费已交至最晚填 2026年9月"},
		{"after the start the ledger keeps", MonthOf(2025, 1), MonthOf(2025, 1), m, nil, MonthOf(2026, 10),
			"党费：党费已交至 2026年10月 在本账内（本账自建账月份 2025年1月 起记账），填了会抵消应交而没有交纳记录；本账内已交的月份请在“收缴”中按实际交纳日期登记，党费已交至最晚填 2024年12月"},
		{"over a recorded payment, before the member came", MonthOf(2025, 1), MonthOf(2025, 1), late, paid, MonthOf(2026, 5),
			"党费：党费已交至 2026年5月 晚于建账月份 2025年1月，而本账已登记了 2025年3月 的交纳；建账后的交纳请在“收缴”中逐笔登记"},
		{"another member's payment", MonthOf(2025, 1), MonthOf(2025, 1), late, paid[1:], MonthOf(2026, 5), ""},
		{"imported this month, 到本支部日期 the import day", MonthOf(2026, 11), MonthOf(2026, 11), imported, nil, MonthOf(2026, 11),
			"党费：党费已交至 2026年11月 在本账内（本账自建账月份 2026年11月 起记账），填了会抵消应交而没有交纳记录；本账内已交的月份请在“收缴”中按实际交纳日期登记，党费已交至最晚填 2026年10月"},
		{"before the member came", MonthOf(2025, 1), MonthOf(2025, 1), late, nil, MonthOf(2026, 5), ""},
		{"after the member came", MonthOf(2025, 1), MonthOf(2025, 1), late, nil, MonthOf(2026, 8),
			"党费：党费已交至 2026年8月 晚于到本支部的 2026年6月；到本支部以后的交纳请在“收缴”中逐笔登记"},
	} {
		h := DuesHistory{Start: tc.start, SetUp: tc.setUp}
		err := ValidateOpeningInLedger(tc.paidTo, &tc.member, &h, tc.paid)
		if got := fmt.Sprint(err); tc.want == "" && err != nil || tc.want != "" && got != tc.want {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

// 待补录 months are before the app began keeping the ledger, not "before
// 建账" (the 建账月份 now precedes them), and each member's months are
// their own (review s5-8 newuser #2).
func TestRecordFindingsNameEachSpan(t *testing.T) {
	fs := RecordFindings([]RecordGap{
		{MemberID: 1, Name: "侯佳琪", From: MonthOf(2026, 1), To: MonthOf(2026, 10), Months: 10},
		{MemberID: 2, Name: "龙敏", From: MonthOf(2026, 4), To: MonthOf(2026, 10), Months: 7},
	})
	if len(fs) != 1 {
		t.Fatalf("%d findings", len(fs))
	}
	msg := fs[0].Message
	for _, want := range []string{"侯佳琪（2026年1月至2026年10月）", "龙敏（2026年4月至2026年10月）", "开始用本软件记党费账之前"} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, "建账之前") {
		t.Errorf("%q says 建账 for months after the 建账月份", msg)
	}
}

// A 党费已交至 more than a month before joining is a typo in the year.
func TestValidateOpeningJoin(t *testing.T) {
	m := duesMember(1, NewDate(2015, 7, 1))
	for _, tc := range []struct {
		paidTo Month
		want   string
	}{
		{MonthOf(2026, 3), ""},
		{MonthOf(2015, 6), ""},
		{MonthOf(2015, 5), "党费：党费已交至 2015年5月 早于" + m.Name + "加入党组织的 2015年7月（入党前不交党费），请核对年份"},
		{MonthOf(1985, 3), "党费：党费已交至 1985年3月 早于" + m.Name + "加入党组织的 2015年7月（入党前不交党费），请核对年份"},
	} {
		err := ValidateOpeningJoin(tc.paidTo, &m)
		if got := fmt.Sprint(err); tc.want == "" && err != nil || tc.want != "" && got != tc.want {
			t.Errorf("%s: %v, want %q", tc.paidTo, err, tc.want)
		}
	}
}

// An election at a meeting with half but not four fifths of the voters is
// void, not "通过" under the ✘ of the election quorum (review s5-8
// attack #4).
func TestElectionBelowFourFifthsIsVoid(t *testing.T) {
	ms := branchOf(5, 1)
	a := meeting(ms, 4, 4)
	a.Resolutions[0].Election = true
	got := a.CheckRules(byID(ms), 0, BranchWorkRules2018)
	last := got[len(got)-1]
	if last.OK || !strings.Contains(last.Message, "选举无效") {
		t.Errorf("election with 4 of 5 voters: %+v", got)
	}
	// Five of five: the election stands and passes.
	a = meeting(ms, 6, 5)
	a.Resolutions[0].Election = true
	if got := a.CheckRules(byID(ms), 0, BranchWorkRules2018); !got[len(got)-1].OK {
		t.Errorf("election with all voters: %+v", got)
	}
}

// Many members with different spans are grouped by span, each with its own
// months: twelve with November only are not told "10月至11月" because two
// others also have October (review s7-8-newuser #2).
func TestRecordFindingsGroupManyBySpan(t *testing.T) {
	nov, oct := MonthOf(2026, 11), MonthOf(2026, 10)
	var gaps []RecordGap
	for i, n := range []string{"王建国", "李秀英", "张伟", "刘洋", "陈静", "周杰", "孙悦", "马超"} {
		g := RecordGap{MemberID: int64(i + 1), Name: n, From: nov, To: nov, Months: 1}
		if n == "陈静" || n == "周杰" {
			g.From, g.Months = oct, 2
		}
		gaps = append(gaps, g)
	}
	tests := []struct {
		name  string
		gaps  []RecordGap
		wants []string
		not   []string
	}{
		{"two_spans", gaps, []string{"8名党员的党费待补录：王建国、李秀英、张伟等6人（2026年11月），陈静、周杰（2026年10月至2026年11月）。"}, []string{"王建国、李秀英、张伟、刘洋、陈静等）"}},
		{"one_span", gaps[:4:4], []string{"王建国（2026年11月）"}, nil},
		{"many_one_span", append(append([]RecordGap{}, gaps[:4]...), gaps[6:]...), []string{"6名党员（王建国、李秀英、张伟、刘洋、孙悦等）的党费2026年11月待补录"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := RecordFindings(tt.gaps)
			if len(fs) != 1 || fs[0].Severity != Warning {
				t.Fatalf("%+v", fs)
			}
			for _, w := range tt.wants {
				if !strings.Contains(fs[0].Message, w) {
					t.Errorf("%q lacks %q", fs[0].Message, w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(fs[0].Message, w) {
					t.Errorf("%q has %q", fs[0].Message, w)
				}
			}
		})
	}
}

// After the 建账月份 is moved back, the months to record are the ledger's:
// the reminder advises recording the payments (登记交纳) for them and a
// 党费已交至 only for months before the 建账月份, which is all a 党费已交至
// may reach (ValidateOpeningInLedger) — it advised 党费已交至 for ledger
// months, and the month typed was refused on saving (s8-8-recheck new #3).
func TestRecordFindingsAdviseOpeningOnlyBeforeTheLedger(t *testing.T) {
	r := CurrentDuesRules()
	oct, dec := MonthOf(2026, 10), MonthOf(2026, 12)
	today := NewDate(2026, 12, 20)
	m := duesMember(1, NewDate(2001, 7, 1))
	base := []DuesBase{{MemberID: 1, Year: 2026, Category: DuesEmployed, Base: Yuan(5400)}}
	for _, tc := range []struct {
		name    string
		opening Month
		want    string
		not     []string
	}{
		// Set up in December, 建账月份 moved back to October: October and
		// November are in the ledger.
		{"ledger_months", 0, "已交的，请在“党费 → 收缴”中按实际交纳日期登记交纳；这些月份在建账月份之后", []string{"或在其“党费已交至”中填写"}},
		// Paid on paper to July: August and September may be a
		// 党费已交至, October and November only payments.
		{"both", MonthOf(2026, 7), "2026年9月及以前的月份也可填写“党费已交至”，此后的月份在本账内，只能登记交纳", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := DuesHistory{Start: oct, SetUp: dec, Bases: base, Openings: map[int64]Month{}}
			if tc.opening != 0 {
				h.Openings[1] = tc.opening
			}
			gaps := RecordGaps([]Member{m}, h, r)
			fs := RecordFindings(gaps)
			if len(fs) != 1 {
				t.Fatalf("%+v", fs)
			}
			if !strings.Contains(fs[0].Message, tc.want) {
				t.Errorf("%q lacks %q", fs[0].Message, tc.want)
			}
			for _, bad := range tc.not {
				if strings.Contains(fs[0].Message, bad) {
					t.Errorf("%q says %q", fs[0].Message, bad)
				}
			}
			// Every 党费已交至 the reminder offers is one the ledger takes.
			if err := ValidateOpeningInLedger(gaps[0].OpeningLimit, &m, &h, nil); err != nil {
				t.Errorf("the month offered is refused: %v", err)
			}
			if err := ValidateOpeningInLedger(gaps[0].OpeningLimit+1, &m, &h, nil); err == nil {
				t.Errorf("the month after the limit is taken")
			}
			// The member's page counts from the 建账月份 the 基数 page
			// names, not from the month the ledger was set up.
			st := MemberDuesStatement(&m, h, today, r)
			if st.LedgerFrom != oct {
				t.Errorf("statement counts from %v, want %v (建账月份)", st.LedgerFrom, oct)
			}
		})
	}
}
