package storage

import (
	"errors"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"branchledger/model"
)

// transferStore is duesStore (ledger from January 2026, 甲 owes 81.00 a
// month, today 2026-03-15) with the branch's name set, as a letter needs.
func transferStore(t *testing.T) (*Store, []model.Member) {
	t.Helper()
	s, ms := duesStore(t)
	if err := s.SaveProfile(model.Profile{OrgName: "兰州示例科技有限公司", BranchName: "兰州示例科技有限公司党支部",
		OrgAddress: "兰州市城关区庆阳路1号", ContactPhone: "0931-8123456"}); err != nil {
		t.Fatal(err)
	}
	return s, ms
}

func request(m model.Member) model.LetterRequest {
	return model.LetterRequest{MemberID: m.ID, ToOrg: "兰州新区某公司党支部", ToCommittee: "中共兰州新区工委组织部",
		Reason: "工作变动", Date: model.NewDate(2026, 3, 10), ValidDays: 30}
}

// counts is how many rows the tables a transfer writes hold, to see that a
// refused one wrote nothing.
func counts(t *testing.T, s *Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"transfer_letters", "transfer_ins", "member_events", "member_changes", "members", "dues_openings", "mobile_members", "inflow_members"} {
		out[table] = tableRows(t, s, table)
	}
	return out
}

// 党费交至 on the letter is the last month paid in full, from the ledger:
// months paid in advance count, a reversed (冲正) payment's months do not,
// and months owed up to the leaving month are named before issuing.
func TestLetterPaidTo(t *testing.T) {
	for _, tc := range []struct {
		name    string
		pay     [][]int // payments, each of months of 2026
		reverse int     // index of a payment reversed, -1 none
		paidTo  model.Month
		owed    int
		amount  model.Money
	}{
		{"paid_in_advance", [][]int{{1, 2}, {3, 4, 5}}, -1, model.MonthOf(2026, 5), 0, 0},
		// March, the letter's month, is not over on 2026-03-15: due, not
		// arrears; its reversal shows in 党费交至.
		{"reversal_reopens_its_months", [][]int{{1, 2}, {3}}, 1, model.MonthOf(2026, 2), 0, 0},
		{"reversal_of_an_early_payment", [][]int{{1}, {2, 3}}, 0, model.MonthOf(2025, 12), 1, model.Yuan(81)},
		{"arrears", [][]int{{1}}, -1, model.MonthOf(2026, 1), 1, model.Yuan(81)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, ms := transferStore(t)
			var ps []model.DuesPayment
			for _, p := range tc.pay {
				ps = append(ps, pay(t, s, model.DuesPayment{MemberID: ms[0].ID, Date: model.NewDate(2026, 3, 1),
					Amount: model.Yuan(81 * int64(len(p))), Months: months(p...)}))
			}
			if tc.reverse >= 0 {
				if _, err := s.ReverseDuesPayment(ps[tc.reverse].ID, "金额登记错误"); err != nil {
					t.Fatal(err)
				}
			}
			q := request(ms[0])
			if tc.name == "reversal_of_an_early_payment" {
				// January reversed: the ledger knows nothing paid in
				// 2026, so the letter cannot be issued before the
				// secretary says where the member stood.
				if _, _, err := s.DraftLetter(q); err == nil || !strings.Contains(err.Error(), "无法确定") {
					t.Fatalf("draft with January reversed: %v", err)
				}
				if err := s.SetDuesOpenings([]model.DuesOpening{{MemberID: ms[0].ID, PaidTo: model.MonthOf(2025, 12)}}, model.SourceDuesOpening); err != nil {
					t.Fatal(err)
				}
			}
			draft, dues, err := s.DraftLetter(q)
			if err != nil {
				t.Fatal(err)
			}
			if draft.PaidTo != tc.paidTo || len(dues.OwedMonths) != tc.owed || dues.Owed != tc.amount {
				t.Errorf("draft paid to %s, owes %v (%s); want %s, %d months (%s)", draft.PaidTo, dues.OwedMonths, dues.Owed, tc.paidTo, tc.owed, tc.amount)
			}
			l, err := s.IssueLetter(q)
			if err != nil {
				t.Fatal(err)
			}
			if l.PaidTo != tc.paidTo || l.Number != 1 || l.Year != 2026 {
				t.Errorf("letter %s paid to %s", l.NumberText(), l.PaidTo)
			}
		})
	}
}

// Issuing records the 转出 event naming the letter; the member leaves the
// active roster and nothing is deleted.
func TestIssueLetter(t *testing.T) {
	s, ms := transferStore(t)
	pay(t, s, model.DuesPayment{MemberID: ms[0].ID, Date: model.NewDate(2026, 3, 1), Amount: model.Yuan(243), Months: months(1, 2, 3)})
	l, err := s.IssueLetter(request(ms[0]))
	if err != nil {
		t.Fatal(err)
	}
	if l.NumberText() != "（2026）第1号" || l.FromOrg != "兰州示例科技有限公司党支部" || l.Name != ms[0].Name || l.Age != ms[0].Age(l.Date) ||
		l.IDNumber != ms[0].IDNumber || l.Phone != ms[0].Phone || l.PaidTo != model.MonthOf(2026, 3) {
		t.Errorf("letter %+v", l)
	}
	m, _ := s.Member(ms[0].ID)
	if m.OnRoster || m.LeftBy != model.EventTransferOut || m.LeftOn != l.Date {
		t.Errorf("member after the letter: on roster %v, %s %s", m.OnRoster, m.LeftOn, m.LeftBy)
	}
	events, _ := s.MemberEvents(m.ID)
	if len(events) != 1 || events[0].Note != "（2026）第1号介绍信，转往兰州新区某公司党支部" {
		t.Errorf("events %+v", events)
	}
	got, err := s.Letters(2026)
	if err != nil || len(got) != 1 || got[0].ID != l.ID || got[0].ToCommittee != "中共兰州新区工委组织部" {
		t.Errorf("letters %+v %v", got, err)
	}
	if f, err := s.FindLetter(0, 1); err != nil || f.ID != l.ID {
		t.Errorf("find letter 1: %+v %v", f, err)
	}
	if _, err := s.FindLetter(2025, 1); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "（2025）第1号") {
		t.Errorf("find 2025-1: %v", err)
	}
}

// A letter's number is never given again: not after it is withdrawn, and
// the file refuses to delete a letter or change its number.
func TestLetterNumbersNeverReused(t *testing.T) {
	s, ms := transferStore(t)
	for _, m := range ms {
		if err := s.SetDuesOpenings([]model.DuesOpening{{MemberID: m.ID, PaidTo: model.MonthOf(2026, 3)}}, SourceTransferIn); err != nil {
			t.Fatal(err)
		}
	}
	first, err := s.IssueLetter(request(ms[0]))
	if err != nil {
		t.Fatal(err)
	}
	w, err := s.WithdrawLetter(first.ID, model.LetterWithdrawal{Date: model.NewDate(2026, 3, 12), Reason: "去向改变，未使用"})
	if err != nil {
		t.Fatal(err)
	}
	if w.Withdrawal == nil || w.Number != 1 {
		t.Fatalf("withdrawn %+v", w)
	}
	back, _ := s.Member(ms[0].ID)
	if !back.OnRoster || back.LeftBy != "" || back.ArrivedOn != ms[0].ArrivedOn {
		t.Errorf("after 作废: on roster %v left by %q arrived %s (was %s)", back.OnRoster, back.LeftBy, back.ArrivedOn, ms[0].ArrivedOn)
	}
	events, _ := s.MemberEvents(ms[0].ID)
	if len(events) != 2 || events[1].Kind != model.EventTransferVoid || !strings.Contains(events[1].Note, "作废：去向改变") {
		t.Errorf("events %+v", events)
	}
	again, err := s.IssueLetter(request(ms[0]))
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.IssueLetter(request(ms[1]))
	if err != nil {
		t.Fatal(err)
	}
	if again.Number != 2 || other.Number != 3 {
		t.Errorf("numbers after a withdrawal: %d, %d; want 2, 3", again.Number, other.Number)
	}
	for _, sql := range []string{
		"DELETE FROM transfer_letters WHERE id = 1",
		"UPDATE transfer_letters SET number = 9 WHERE id = 1",
		"UPDATE transfer_letters SET withdrawn_on = NULL WHERE id = 1",
	} {
		if err := s.db.Exec(sql).Error; err == nil {
			t.Errorf("%s: allowed", sql)
		}
	}
	if _, err := s.WithdrawLetter(first.ID, model.LetterWithdrawal{Date: model.NewDate(2026, 3, 13), Reason: "再次"}); err == nil || !strings.Contains(err.Error(), "已于 2026-03-12 作废") {
		t.Errorf("second withdrawal: %v", err)
	}
}

// Bad input gets one clear line and changes nothing.
func TestBadLetterChangesNothing(t *testing.T) {
	s, ms := transferStore(t)
	if err := s.SetDuesOpenings([]model.DuesOpening{{MemberID: ms[1].ID, PaidTo: model.MonthOf(2026, 3)}}, SourceTransferIn); err != nil {
		t.Fatal(err)
	}
	gone := ms[2]
	if err := s.SetDuesOpenings([]model.DuesOpening{{MemberID: gone.ID, PaidTo: model.MonthOf(2026, 3)}}, SourceTransferIn); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IssueLetter(request(gone)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		edit   func(q *model.LetterRequest)
		reason string
	}{
		{"unknown_member", func(q *model.LetterRequest) { q.MemberID = 999 }, "没有编号为 999 的党员"},
		{"validity_over_90_days", func(q *model.LetterRequest) { q.ValidDays = 120 }, "有效期（天）：有效期120天超过最长的90天"},
		{"date_before_joining", func(q *model.LetterRequest) { q.Date = ms[1].JoinDate.AddYears(-1) }, "加入党组织的日期"},
		{"date_after_today", func(q *model.LetterRequest) { q.Date = model.NewDate(2026, 3, 16) }, "晚于今天"},
		{"already_transferred_out", func(q *model.LetterRequest) { q.MemberID = gone.ID }, "转出，不在册，不能开具介绍信"},
		{"dues_position_unknown", func(q *model.LetterRequest) { q.MemberID = ms[0].ID }, "无法确定"},
		{"no_receiving_organisation", func(q *model.LetterRequest) { q.ToOrg = "" }, "请填写接收党组织"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := counts(t, s)
			q := request(ms[1])
			tc.edit(&q)
			_, err := s.IssueLetter(q)
			if err == nil || !strings.Contains(err.Error(), tc.reason) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %v, want one line saying %q", err, tc.reason)
			}
			if after := counts(t, s); !equalCounts(before, after) {
				t.Errorf("a refused letter wrote: %v → %v", before, after)
			}
			if m, _ := s.Member(ms[1].ID); !m.OnRoster {
				t.Error("the member left the roster")
			}
		})
	}
	// Without the branch's name a letter cannot say where the member leaves.
	if err := s.SaveProfile(model.Profile{OrgName: "兰州示例科技有限公司"}); err == nil {
		t.Skip("the profile requires a branch name")
	}
}

func equalCounts(a, b map[string]int) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestRecordReceipt(t *testing.T) {
	s, ms := transferStore(t)
	if err := s.SetDuesOpenings([]model.DuesOpening{{MemberID: ms[0].ID, PaidTo: model.MonthOf(2026, 3)}}, SourceTransferIn); err != nil {
		t.Fatal(err)
	}
	l, err := s.IssueLetter(request(ms[0]))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordReceipt(l.ID, model.LetterReceipt{Date: model.NewDate(2026, 3, 9)}); err == nil || !strings.Contains(err.Error(), "早于介绍信开具日期") {
		t.Errorf("receipt before the letter: %v", err)
	}
	got, err := s.RecordReceipt(l.ID, model.LetterReceipt{Date: model.NewDate(2026, 3, 14), Handler: "王芳"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Receipt == nil || got.Receipt.Org != l.ToOrg || got.State(testToday, model.CurrentTransferRules()) != model.LetterReceived {
		t.Errorf("received %+v", got.Receipt)
	}
	before := counts(t, s)
	if _, err := s.RecordReceipt(l.ID, model.LetterReceipt{Date: model.NewDate(2026, 3, 15)}); err == nil || !strings.Contains(err.Error(), "已于 2026-03-14 登记回执") {
		t.Errorf("second receipt: %v", err)
	}
	if _, err := s.WithdrawLetter(l.ID, model.LetterWithdrawal{Date: testToday, Reason: "x"}); err == nil || !strings.Contains(err.Error(), "不能作废") {
		t.Errorf("withdrawal after the receipt: %v", err)
	}
	if after := counts(t, s); !equalCounts(before, after) {
		t.Errorf("refused actions wrote: %v → %v", before, after)
	}
	if m, _ := s.Member(ms[0].ID); m.OnRoster {
		t.Error("a refused withdrawal brought the member back")
	}
}

// A member transferred in: on the roster from the letter's date, dues owed
// from the month after its 党费交至 (a gap shows as arrears from the first
// month; a 党费交至 later than the arrival counts those months as paid
// elsewhere), a probationary member's probation continuing.
func TestRecordTransferIn(t *testing.T) {
	s, _ := transferStore(t)
	newcomer := newMember(40)
	newcomer.Category, newcomer.JoinDate, newcomer.FullDate = model.CategoryProbationary, model.NewDate(2025, 9, 1), model.Date{}
	in := model.TransferIn{LetterNumber: "（2026）第8号", FromOrg: "天水某公司党支部", FromCommittee: "中共天水市秦州区委组织部",
		Date: model.NewDate(2026, 3, 2), PaidTo: model.MonthOf(2025, 12), Category: model.CategoryProbationary}
	got, m, err := s.RecordTransferIn(in, &newcomer)
	if err != nil {
		t.Fatal(err)
	}
	if !m.OnRoster || m.ArrivedOn != in.Date || m.Category != model.CategoryProbationary || m.JoinDate != newcomer.JoinDate || got.MemberID != m.ID {
		t.Errorf("member %+v", m)
	}
	if os, _ := s.DuesOpenings(); os[m.ID] != model.MonthOf(2025, 12) {
		t.Errorf("opening %v", os[m.ID])
	}
	if err := s.SaveDuesBases(2026, []model.DuesBase{{MemberID: m.ID, Category: model.DuesEmployed, Base: model.Yuan(5400)}}, model.SourceDuesGrid); err != nil {
		t.Fatal(err)
	}
	st, err := s.MemberDues(m.ID, testToday)
	if err != nil || st.OwedFrom != model.MonthOf(2026, 1) || st.OwedMonths != 2 || st.Owed != model.Yuan(162) {
		t.Errorf("a gap before the arrival is owed from its first month: %+v %v", st, err)
	}
	events, _ := s.MemberEvents(m.ID)
	if len(events) != 1 || events[0].Kind != model.EventTransferIn || events[0].Note != "介绍信（2026）第8号，由天水某公司党支部转入" {
		t.Errorf("events %+v", events)
	}

	// Paid elsewhere beyond the arrival: nothing owed until after it.
	ahead := newMember(41)
	in2 := in
	in2.Category, in2.PaidTo = model.CategoryFull, model.MonthOf(2026, 6)
	_, m2, err := s.RecordTransferIn(in2, &ahead)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDuesBases(2026, []model.DuesBase{{MemberID: m2.ID, Category: model.DuesEmployed, Base: model.Yuan(5400)}}, model.SourceDuesGrid); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.MemberDues(m2.ID, testToday); st.OwedFrom != model.MonthOf(2026, 7) || st.OwedMonths != 0 {
		t.Errorf("paid ahead: %+v", st)
	}

	// Bad input writes nothing: on the roster already, a category that
	// disagrees, an ID number in the file.
	before := counts(t, s)
	if _, _, err := s.RecordTransferIn(in, nil); err == nil {
		t.Error("transfer in of member 0 accepted")
	}
	in3 := in
	in3.MemberID = m2.ID
	if _, _, err := s.RecordTransferIn(in3, nil); err == nil || !strings.Contains(err.Error(), "已在本支部名册上") {
		t.Errorf("on the roster already: %v", err)
	}
	dup := newMember(41)
	if _, _, err := s.RecordTransferIn(in2, &dup); !errors.Is(err, ErrDuplicateIDNumber) {
		t.Errorf("ID number in the file: %v", err)
	}
	wrong := newMember(42)
	if _, _, err := s.RecordTransferIn(in, &wrong); err == nil || !strings.Contains(err.Error(), "介绍信上为预备党员") {
		t.Errorf("category disagreeing: %v", err)
	}
	if after := counts(t, s); !equalCounts(before, after) {
		t.Errorf("refused transfers in wrote: %v → %v", before, after)
	}
}

// A member who left by a letter comes back with an incoming letter.
func TestTransferBackIn(t *testing.T) {
	s, ms := transferStore(t)
	if err := s.SetDuesOpenings([]model.DuesOpening{{MemberID: ms[0].ID, PaidTo: model.MonthOf(2026, 3)}}, SourceTransferIn); err != nil {
		t.Fatal(err)
	}
	l, err := s.IssueLetter(request(ms[0]))
	if err != nil {
		t.Fatal(err)
	}
	in := model.TransferIn{MemberID: ms[0].ID, LetterNumber: "新区 第3号", FromOrg: l.ToOrg, Date: model.NewDate(2026, 3, 14),
		PaidTo: model.MonthOf(2026, 3), Category: model.CategoryFull}
	if _, m, err := s.RecordTransferIn(in, nil); err != nil || !m.OnRoster || m.ArrivedOn != in.Date {
		t.Fatalf("back: %+v %v", m, err)
	}
	ins, err := s.TransferIns(2026)
	if err != nil || len(ins) != 1 || ins[0].Name != ms[0].Name {
		t.Errorf("transfer ins %+v %v", ins, err)
	}
}

// The mobile-member register keeps the member's 流动党员 field in step, and
// refuses what cannot be.
func TestMobileRegister(t *testing.T) {
	s, ms := transferStore(t)
	mm, err := s.SaveMobile(model.MobileMember{MemberID: ms[0].ID, LeftOn: model.NewDate(2026, 3, 1), Destination: "深圳市南山区",
		Reason: "务工", CardNumber: "甘0012", CardReviewed: model.NewDate(2026, 3, 1), HostOrg: "南山区某园区党委"})
	if err != nil {
		t.Fatal(err)
	}
	m, _ := s.Member(ms[0].ID)
	if !m.Mobile || m.MobileDestination != "深圳市南山区" {
		t.Errorf("member after leaving: mobile %v %q", m.Mobile, m.MobileDestination)
	}
	if _, err := s.AddMobileReport(model.MobileReport{MobileID: mm.ID, Date: model.NewDate(2026, 3, 10), Way: "电话", Content: "在园区党委参加主题党日"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddMobileReport(model.MobileReport{MobileID: mm.ID, Date: model.NewDate(2026, 2, 10)}); err == nil || !strings.Contains(err.Error(), "早于外出日期") {
		t.Errorf("report before leaving: %v", err)
	}
	if _, err := s.SaveMobile(model.MobileMember{MemberID: ms[0].ID, LeftOn: model.NewDate(2026, 3, 5), Destination: "广州"}); err == nil || !strings.Contains(err.Error(), "重叠") {
		t.Errorf("second stay overlapping: %v", err)
	}
	mm.ReturnedOn = model.NewDate(2026, 3, 14)
	back, err := s.SaveMobile(mm)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Reports) != 1 {
		t.Errorf("reports lost on save: %+v", back.Reports)
	}
	m, _ = s.Member(ms[0].ID)
	if m.Mobile || m.MobileDestination != "" {
		t.Errorf("member after returning: mobile %v %q", m.Mobile, m.MobileDestination)
	}
	cs, _ := s.MemberChanges(ms[0].ID)
	if len(cs) == 0 || cs[0].Source != SourceMobile {
		t.Errorf("history %+v", cs)
	}
	all, err := s.MobileMembers()
	if err != nil || len(all) != 1 || all[0].Name != ms[0].Name || len(all[0].Reports) != 1 {
		t.Errorf("register %+v %v", all, err)
	}
}

func TestInflowRegister(t *testing.T) {
	s, ms := transferStore(t)
	im, err := s.SaveInflow(model.InflowMember{Name: "马兰", Sex: model.SexFemale, HomeOrg: "定西市某村党支部", Category: model.CategoryFull,
		ArrivedOn: model.NewDate(2026, 1, 5), Workplace: "车间操作工"})
	if err != nil {
		t.Fatal(err)
	}
	im.LeftOn = model.NewDate(2026, 3, 1)
	if _, err := s.SaveInflow(im); err != nil {
		t.Fatal(err)
	}
	all, _ := s.InflowMembers()
	if len(all) != 1 || all[0].LeftOn != im.LeftOn || all[0].CreatedAt.IsZero() {
		t.Errorf("register %+v", all)
	}
	if _, err := s.SaveInflow(model.InflowMember{Name: ms[0].Name, Sex: ms[0].Sex, IDNumber: ms[0].IDNumber, HomeOrg: "x",
		Category: model.CategoryFull, ArrivedOn: model.NewDate(2026, 1, 5)}); err == nil || !strings.Contains(err.Error(), "在册党员") {
		t.Errorf("a member of this roster as inflow: %v", err)
	}
}

func TestLetterSetup(t *testing.T) {
	s, _ := transferStore(t)
	ls := model.LetterSetup{Committee: "中共兰州市城关区委两新工委", Postcode: "730030", OffsetX: 15, OffsetY: -5, NextNumber: 1}
	if err := s.SaveLetterSetup(ls); err != nil {
		t.Fatal(err)
	}
	got, err := s.LetterSetup()
	if err != nil || got != ls {
		t.Errorf("setup %+v %v", got, err)
	}
	if err := s.SaveLetterSetup(model.LetterSetup{Postcode: "7300"}); err == nil || !strings.Contains(err.Error(), "6位数字") {
		t.Errorf("bad postcode: %v", err)
	}
	if got, _ := s.LetterSetup(); got != ls {
		t.Errorf("a refused setup was saved: %+v", got)
	}
}

// A letter dated before the member's later records in the branch — an
// attendance, 转正 or a dues payment after that day — is refused with one
// sentence naming the latest of them, and nothing is written.
func TestLetterNotBeforeLaterRecords(t *testing.T) {
	s, ms := transferStore(t) // today 2026-03-15
	pay(t, s, model.DuesPayment{MemberID: ms[0].ID, Date: model.NewDate(2026, 3, 1), Amount: model.Yuan(243), Months: months(1, 2, 3)})
	if _, err := s.SaveActivity(newActivity(model.NewDate(2026, 3, 12), ms)); err != nil {
		t.Fatal(err)
	}
	q := request(ms[0]) // dated 2026-03-10
	before := counts(t, s)
	_, err := s.IssueLetter(q)
	var ve model.ValidationErrors
	if !errors.As(err, &ve) || len(ve) != 1 || ve[0].Field != model.LetterDateField ||
		!strings.Contains(err.Error(), "2026-03-12") || !strings.Contains(err.Error(), "考勤") {
		t.Fatalf("letter before an attendance: %v", err)
	}
	if after := counts(t, s); !maps.Equal(before, after) {
		t.Errorf("a refused letter wrote: %v → %v", before, after)
	}
	q.Date = model.NewDate(2026, 3, 13)
	if _, _, err := s.DraftLetter(q); err != nil {
		t.Errorf("a letter after every record: %v", err)
	}
	pay(t, s, model.DuesPayment{MemberID: ms[0].ID, Date: model.NewDate(2026, 3, 14), Amount: model.Yuan(81), Months: months(4)})
	if _, _, err := s.DraftLetter(q); err == nil || !strings.Contains(err.Error(), "2026-03-14 交纳党费") {
		t.Errorf("letter before a payment: %v", err)
	}

	// The member's 转正 after the letter's date is named too.
	m, err := s.Member(ms[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	m.FullDate = model.NewDate(2026, 3, 14)
	if _, err := s.UpdateMember(m); err != nil {
		t.Fatal(err)
	}
	q2 := request(m)
	q2.Date = model.NewDate(2026, 3, 13)
	if _, _, err := s.DraftLetter(q2); err == nil || !strings.Contains(err.Error(), "2026-03-14 转为正式党员") {
		t.Errorf("letter before 转正: %v", err)
	}
}

// Home (DuesArrears) and the letter's warning count a member's arrears to
// the same month (model.ArrearsThrough): on 2026-03-15 a member paid for
// January owes February, not March, in both; a mobile member away is no
// exception.
func TestLetterAndHomeCountTheSameArrears(t *testing.T) {
	s, ms := transferStore(t)
	pay(t, s, model.DuesPayment{MemberID: ms[0].ID, Date: model.NewDate(2026, 1, 20), Amount: model.Yuan(81), Months: months(1)})
	if _, err := s.SaveMobile(model.MobileMember{MemberID: ms[0].ID, LeftOn: model.NewDate(2026, 2, 1), Destination: "深圳"}); err != nil {
		t.Fatal(err)
	}
	_, dues, err := s.DraftLetter(request(ms[0]))
	if err != nil {
		t.Fatal(err)
	}
	arrears, err := s.DuesArrears(testToday)
	if err != nil {
		t.Fatal(err)
	}
	var home *model.Arrear
	for i := range arrears {
		if arrears[i].MemberID == ms[0].ID {
			home = &arrears[i]
		}
	}
	if home == nil || home.Months != len(dues.OwedMonths) || home.Amount != dues.Owed ||
		len(dues.OwedMonths) != 1 || dues.OwedMonths[0] != model.MonthOf(2026, 2) {
		t.Fatalf("home %+v, letter owes %v (%s): want February alone in both", home, dues.OwedMonths, dues.Owed)
	}
	if len(dues.DueMonths) != 1 || dues.DueMonths[0] != model.MonthOf(2026, 3) {
		t.Errorf("letter's months due, not late: %v, want March", dues.DueMonths)
	}
}

// The dues register shows the months a member who came by an incoming
// letter paid before they came, up to the letter's 党费交至, as 已交 (paid
// at the branch they came from), not "—" (不需交): review s7-8 attack #1
// saw a member who joined in 1999 printed as not needing to pay. The note
// says 转入前. A member of the branch with a 党费已交至 from before the
// ledger shows 已交 alike.
func TestRegisterBeforeTransferIn(t *testing.T) {
	s, ms := transferStore(t)
	// Typed here, a 党费已交至 cannot be ahead of this month (March); a
	// letter's can.
	if err := s.SetDuesOpenings([]model.DuesOpening{{MemberID: ms[1].ID, PaidTo: model.MonthOf(2026, 3)}}, SourceTransferIn); err != nil {
		t.Fatal(err)
	}
	newcomer := newMember(40)
	in := model.TransferIn{LetterNumber: "（2026）第8号", FromOrg: "天水某公司党支部", Date: model.NewDate(2026, 3, 2),
		PaidTo: model.MonthOf(2026, 5), Category: model.CategoryFull}
	_, m, err := s.RecordTransferIn(in, &newcomer)
	if err != nil {
		t.Fatal(err)
	}
	reg, err := s.DuesRegister(2026, testToday)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range reg.Rows {
		var want []model.MonthState
		switch row.MemberID {
		case m.ID:
			want = []model.MonthState{model.MonthPaidOpening, model.MonthPaidOpening, model.MonthPaidOpening, model.MonthPaidOpening, model.MonthPaidOpening}
			if !strings.Contains(row.Note, "转入前党费已交至2026年5月") {
				t.Errorf("note %q", row.Note)
			}
		case ms[1].ID:
			want = []model.MonthState{model.MonthPaidOpening, model.MonthPaidOpening, model.MonthPaidOpening}
		default:
			continue
		}
		for k := range want {
			if row.Months[k].State != want[k] {
				t.Errorf("%s %d月: %v, want %v", row.Name, k+1, row.Months[k].State, want[k])
			}
		}
	}
	st, err := s.MemberDues(m.ID, testToday)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range st.Months {
		if c.Month.Year() == 2026 && c.Month <= model.MonthOf(2026, 5) && c.State != model.MonthPaidOpening {
			t.Errorf("member page %s: %v, want 已交 (转入前)", c.Month, c.State)
		}
	}
}

// A branch that issued letters on paper this year continues their
// numbering: the setup's next number moves the year's numbering forward,
// never back onto a number used (s3-13-newuser #15).
func TestLetterNumberingStartsWhereThePaperStopped(t *testing.T) {
	s, ms := transferStore(t)
	year := s.Today().Year
	setup := func(next int) error {
		ls, err := s.LetterSetup()
		if err != nil {
			t.Fatal(err)
		}
		ls.NextNumber = next
		return s.SaveLetterSetup(ls)
	}
	if ls, _ := s.LetterSetup(); ls.NextNumber != 1 {
		t.Errorf("a new file's next letter is 第%d号", ls.NextNumber)
	}
	if err := setup(6); err != nil {
		t.Fatal(err)
	}
	if ls, _ := s.LetterSetup(); ls.NextNumber != 6 {
		t.Errorf("after setting 6 the next letter is 第%d号", ls.NextNumber)
	}
	pay(t, s, model.DuesPayment{MemberID: ms[0].ID, Date: model.NewDate(2026, 3, 1), Amount: model.Yuan(243), Months: months(1, 2, 3)})
	pay(t, s, model.DuesPayment{MemberID: ms[1].ID, Date: model.NewDate(2026, 3, 1), Amount: model.Yuan(45), Months: months(1, 2, 3)})
	q := request(ms[0])
	q.Date = model.NewDate(year, 3, 10)
	l, err := s.IssueLetter(q)
	if err != nil {
		t.Fatal(err)
	}
	if l.Number != 6 {
		t.Errorf("the first letter after 纸质 第1–5号 is 第%d号", l.Number)
	}
	before := counts(t, s)
	err = setup(5)
	if err == nil || !strings.Contains(err.Error(), "下一个编号只能是第7号或更大") {
		t.Errorf("moving the numbering back onto a used number: %v", err)
	}
	if err := setup(0); err != nil {
		t.Errorf("saving the setup without a number: %v", err)
	}
	if ls, _ := s.LetterSetup(); ls.NextNumber != 7 {
		t.Errorf("after 第6号 the next letter is 第%d号", ls.NextNumber)
	}
	if err := setup(20); err != nil {
		t.Fatal(err)
	}
	if err := setup(12); err == nil {
		t.Error("the numbering went back from 20 to 12")
	}
	q = request(ms[1])
	q.Date = model.NewDate(year, 3, 11)
	if l, err := s.IssueLetter(q); err != nil || l.Number != 20 {
		t.Errorf("next letter 第%d号 %v", l.Number, err)
	}
	if after := counts(t, s); after["transfer_letters"] != before["transfer_letters"]+1 {
		t.Errorf("letters %d → %d", before["transfer_letters"], after["transfer_letters"])
	}
}

// A letter dated before the member's last record is refused naming that
// record as words the screens translate (a Text), so that the English UI
// does not show it in Chinese (review s3-13 attack #12).
func TestLetterBeforeLastRecordNamesItAsText(t *testing.T) {
	s, ms := transferStore(t)
	pay(t, s, model.DuesPayment{MemberID: ms[0].ID, Date: model.NewDate(2026, 3, 12), Amount: model.Yuan(243), Months: months(1, 2, 3)})
	_, err := s.IssueLetter(request(ms[0])) // dated 2026-03-10
	var ve model.ValidationErrors
	if !errors.As(err, &ve) || len(ve) != 1 {
		t.Fatalf("letter before a payment: %v", err)
	}
	if !strings.Contains(err.Error(), "最后一项记录：2026-03-12 交纳党费") {
		t.Errorf("refusal %q", err)
	}
	if rec, ok := ve[0].Text.Args[len(ve[0].Text.Args)-1].(model.Text); !ok || rec.Format != "交纳党费" {
		t.Errorf("the record is named as %#v, not as a Text", ve[0].Text.Args[len(ve[0].Text.Args)-1])
	}
}

// PresentWhileAway finds the member's presence (出席, not 请假 or 缺席) at an
// activity within a stay away (review s3-13 attack #6).
func TestPresentWhileAway(t *testing.T) {
	s, ms := transferStore(t) // today 2026-03-15
	a := newActivity(model.NewDate(2026, 3, 12), ms)
	for i := range a.Attendance {
		a.Attendance[i].Status = model.Present
		if a.Attendance[i].MemberID == ms[1].ID {
			a.Attendance[i].Status, a.Attendance[i].Reason = model.OnLeave, "外出务工"
		}
	}
	if _, err := s.SaveActivity(a); err != nil {
		t.Fatal(err)
	}
	p, ok, err := s.PresentWhileAway(ms[0].ID, model.NewDate(2026, 3, 1), model.Date{})
	if err != nil || !ok || p.Date != model.NewDate(2026, 3, 12) || p.Kind != model.KindGeneralMeeting || p.Seq != 1 {
		t.Errorf("present while away from 03-01: %+v %v %v", p, ok, err)
	}
	if _, ok, _ := s.PresentWhileAway(ms[0].ID, model.NewDate(2026, 3, 1), model.NewDate(2026, 3, 10)); ok {
		t.Error("a stay that ended 03-10 contradicts a meeting on 03-12")
	}
	if _, ok, _ := s.PresentWhileAway(ms[0].ID, model.NewDate(2026, 3, 12), model.Date{}); ok {
		t.Error("a member who left the day of the meeting")
	}
	if _, ok, _ := s.PresentWhileAway(ms[1].ID, model.NewDate(2026, 3, 1), model.Date{}); ok {
		t.Error("a member on leave (请假) counted as present")
	}
}

// letter_numbering keeps the years and numbers the app does (migration
// 11): a year of records, model.FirstRecordYear–model.LastRecordYear, and a
// next number up to model.MaxLetterNumber; a file of version 10 keeps its
// rows on the upgrade.
func TestLetterNumberingRangeIsTheModels(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	saved := migrations
	migrations = migrations[:10]
	s10, err := Open(path, WithClock(newTestClock().Now))
	if err != nil {
		migrations = saved
		t.Fatal(err)
	}
	for _, row := range [][2]int{{2026, 8}, {1930, 3}} {
		if err := s10.db.Exec(`INSERT INTO letter_numbering (year, next) VALUES (?, ?)`, row[0], row[1]).Error; err != nil {
			t.Errorf("version 10 refused %v: %v", row, err)
		}
	}
	s10.Close()
	migrations = saved

	s := openAt(t, path)
	var rows []struct{ Year, Next int }
	s.db.Raw(`SELECT year, next FROM letter_numbering ORDER BY year`).Scan(&rows)
	if len(rows) != 1 || rows[0].Year != 2026 || rows[0].Next != 8 {
		t.Errorf("after the upgrade letter_numbering holds %v, want only 2026 → 8", rows)
	}
	if ls, _ := s.LetterSetup(); ls.NextNumber != 8 {
		t.Errorf("after the upgrade the next letter is 第%d号, want 第8号", ls.NextNumber)
	}
	for _, tc := range []struct {
		year, next int
		ok         bool
	}{
		{model.FirstRecordYear, 1, true},
		{model.LastRecordYear, model.MaxLetterNumber, true},
		{model.FirstRecordYear - 1, 1, false},
		{model.LastRecordYear + 1, 1, false},
		{2027, 0, false},
		{2028, model.MaxLetterNumber + 1, false},
	} {
		err := s.db.Exec(`INSERT INTO letter_numbering (year, next) VALUES (?, ?)`, tc.year, tc.next).Error
		if (err == nil) != tc.ok {
			t.Errorf("year %d next %d: err %v, want accepted %v", tc.year, tc.next, err, tc.ok)
		}
	}
}

// A member who went with a letter and came back by a 转入 closes the
// letter: it is 已转回本支部, not late or expired on home and `check`, and
// it cannot be withdrawn (the confirmation promised what the store then
// refused) (s5-13-attack #4).
func TestLetterClosedByTheMembersReturn(t *testing.T) {
	s, ms := transferStore(t)
	pay(t, s, model.DuesPayment{MemberID: ms[0].ID, Date: model.NewDate(2026, 3, 1), Amount: model.Yuan(243), Months: months(1, 2, 3)})
	l, err := s.IssueLetter(request(ms[0]))
	if err != nil {
		t.Fatal(err)
	}
	back := model.NewDate(2026, 3, 14)
	in := model.TransferIn{MemberID: ms[0].ID, LetterNumber: "兰新组转字（2026）第3号", FromOrg: "兰州新区某公司党支部",
		Date: back, PaidTo: model.MonthOf(2026, 3), Category: ms[0].Category}
	if _, _, err := s.RecordTransferIn(in, nil); err != nil {
		t.Fatal(err)
	}
	got, err := s.Letter(l.ID)
	if err != nil {
		t.Fatal(err)
	}
	tr := model.CurrentTransferRules()
	if got.ReturnedOn != back || got.State(testToday, tr) != model.LetterReturned || got.Open() {
		t.Errorf("letter after the return: returned %s, state %s, open %v", got.ReturnedOn, got.State(testToday, tr), got.Open())
	}
	d, err := s.TransferRecords()
	if err != nil {
		t.Fatal(err)
	}
	ms2, _ := s.Members()
	for _, f := range model.CheckTransfers(&d, ms2, testToday, tr, model.CurrentMobileRules(), model.CurrentRules().Membership) {
		if strings.Contains(f.Message, l.NumberText()) {
			t.Errorf("a letter closed by the return is still reported: %s", f.Message)
		}
	}
	before := counts(t, s)
	_, err = s.WithdrawLetter(l.ID, model.LetterWithdrawal{Date: testToday, Reason: "未使用"})
	if err == nil || !strings.Contains(err.Error(), "已于 2026-03-14 转回本支部") {
		t.Errorf("withdrawing a letter the member came back from: %v", err)
	}
	if after := counts(t, s); !equalCounts(before, after) {
		t.Errorf("a refused withdrawal wrote: %v → %v", before, after)
	}
}

// A letter may not be dated before the member's 转入: they would leave the
// roster the day before they came on it, and a meeting after could no
// longer be saved (s5-13-attack #1). The refusal names the 转入 and writes
// nothing; the day of the 转入 itself is accepted.
func TestLetterNotBeforeTheTransferIn(t *testing.T) {
	s, _ := transferStore(t)
	newcomer := newMember(40)
	in := model.TransferIn{LetterNumber: "乌组转字（2026）88号", FromOrg: "乌鲁木齐某公司党支部",
		Date: model.NewDate(2026, 3, 10), PaidTo: model.MonthOf(2026, 2), Category: newcomer.Category}
	_, m, err := s.RecordTransferIn(in, &newcomer)
	if err != nil {
		t.Fatal(err)
	}
	before := counts(t, s)
	q := request(m)
	q.Date = model.NewDate(2026, 3, 9)
	_, err = s.IssueLetter(q)
	if err == nil || !strings.Contains(err.Error(), "2026-03-09 早于"+m.Name+"在本支部的最后一项记录：2026-03-10 转入") {
		t.Errorf("a letter the day before the 转入: %v", err)
	}
	if after := counts(t, s); !equalCounts(before, after) {
		t.Errorf("a refused letter wrote: %v → %v", before, after)
	}
	q.Date = in.Date
	if _, err := s.IssueLetter(q); err != nil {
		t.Errorf("a letter on the day of the 转入: %v", err)
	}
}
