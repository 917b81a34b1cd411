package model

import (
	"slices"
	"strings"
)

// TransferRecords are the branch's transfer and mobile-member records as
// the checks read them.
type TransferRecords struct {
	Letters []TransferLetter
	Ins     []TransferIn
	Mobile  []MobileMember
	Inflow  []InflowMember
}

// CheckTransfers finds what an inspection of 组织关系 would notice on today
// (area AboutTransfers):
//   - a letter whose receipt is late (a warning once ReceiptMonths have
//     passed, within its validity), a letter expired without a receipt,
//     serious once the receipt is ReceiptMonths overdue after that: the
//     member may then belong to no organisation;
//   - a mobile member away TransferAfterMonths or more whose relationship
//     should be transferred (unless a reason is recorded), one who has not
//     reported within ReportMonths, an activity card whose review is due or
//     overdue, a member away without a card number, and a member marked
//     mobile on the roster without a register entry;
//   - a member from elsewhere here TransferAfterMonths or more whose
//     relationship should come here;
//   - a probationary member transferred in whose 转正 discussion is put off
//     under §35 (a note with the latest date; PostponedProbations).
//
// Each finding names its member where it has one.
func CheckTransfers(d *TransferRecords, members []Member, today Date, tr TransferRules, mr MobileRules, mb MembershipRules) []Finding {
	byID := make(map[int64]*Member, len(members))
	for i := range members {
		byID[members[i].ID] = &members[i]
	}
	var out []Finding
	add := func(sev Severity, member int64, t Text) {
		out = append(out, Finding{Severity: sev, About: AboutTransfers, MemberID: member}.With(t))
	}
	for i := range d.Letters {
		l := &d.Letters[i]
		dest := Textf("%s转往%s", l.Name, l.ToOrg)
		switch l.State(today, tr) {
		case LetterReceiptLate:
			add(Warning, l.MemberID, Textf("%s介绍信（%s，%s开具）已超过%d个月未收到回执：请与接收党组织联系，核实%s是否已报到",
				l.Numbered(), dest, l.Date, tr.ReceiptMonths.N, l.Name))
		case LetterExpired:
			sev, late := Warning, any("")
			if today.After(l.ValidUntil().AddMonths(tr.ReceiptMonths.N)) {
				sev, late = Serious, Textf("，回执逾期已超过%d个月，其组织关系可能无处接收", tr.ReceiptMonths.N)
			}
			add(sev, l.MemberID, Textf("%s介绍信（%s）已于%s过期，尚未收到回执%s：请核实%s是否已在有效期内报到；介绍信未使用的，应作废（%s回到本支部名册）后重新开具",
				l.Numbered(), dest, l.ValidUntil(), late, l.Name, l.Name))
		}
	}

	mobileOpen := map[int64]bool{}
	for i := range d.Mobile {
		mm := &d.Mobile[i]
		m := byID[mm.MemberID]
		if m == nil || !m.OnRoster || !mm.Away(today) {
			continue
		}
		mobileOpen[m.ID] = true
		months := mm.LeftOn.MonthsUntil(today)
		if months >= mr.TransferAfterMonths.N && mm.NoTransfer == "" {
			add(Warning, m.ID, Textf("%s自%s外出（%s）已%d个月：外出%d个月以上且地点相对固定的，应转接组织关系（开具介绍信）；确无法转接的，请在流动党员登记中注明原因",
				m.Name, mm.LeftOn, mm.Destination, months, mr.TransferAfterMonths.N))
		}
		if !mm.Reporting(today, mr) {
			last := mm.LastContact()
			what := Textf("最近一次报告在%s", last)
			if last == mm.LeftOn {
				what = Textf("外出后从未报告")
			}
			add(Warning, m.ID, Textf("%s外出期间已%d个月未向党支部报告情况（%s）：流动党员每年至少报告一次，请联系了解其参加组织生活的情况",
				m.Name, last.MonthsUntil(today), what))
		}
		switch due := mm.CardDue(mr); {
		case mm.CardNumber == "":
			add(Info, m.ID, Textf("%s外出（%s）未登记流动党员活动证编号：外出党员应持《流动党员活动证》到流入地党组织参加活动", m.Name, mm.Destination))
		case due.IsZero():
		case due.Before(today):
			add(Warning, m.ID, Textf("%s的流动党员活动证（%s）应于%s年审，已逾期", m.Name, mm.CardNumber, due))
		case !due.After(addDays(today, mr.CardDueSoonDays)):
			add(Info, m.ID, Textf("%s的流动党员活动证（%s）将于%s年审", m.Name, mm.CardNumber, due))
		}
	}
	for i := range members {
		m := &members[i]
		if m.OnRoster && m.Mobile && !mobileOpen[m.ID] {
			add(Info, m.ID, Textf("%s在花名册中为流动党员（%s），但没有流动党员登记：请登记外出日期、流向和活动证，以便跟踪其报告和返回",
				m.Name, orDash(m.MobileDestination)))
		}
	}

	for i := range d.Inflow {
		im := &d.Inflow[i]
		if !im.Here(today) {
			continue
		}
		if months := im.ArrivedOn.MonthsUntil(today); months >= mr.TransferAfterMonths.N {
			add(Info, 0, Textf("流入党员%s（组织关系在%s）已在本单位%d个月：在本地工作%d个月以上的，应将组织关系转入本支部",
				im.Name, im.HomeOrg, months, mr.TransferAfterMonths.N))
		}
	}

	for id, p := range PostponedProbations(d.Ins, members, today, mb) {
		m := byID[id]
		add(Info, id, Textf("%s为转入的预备党员，预备期已于%s届满；按%s，转正讨论可以推迟，最迟应于%s前召开支部党员大会讨论其转正（转正时间自预备期满之日算起）",
			m.Name, p.End, p.Rules.Cite(), p.Latest))
	}
	return out
}

func orDash(s string) any {
	if s == "" {
		return Textf("未填外出流向")
	}
	return s
}

func (r ProbationTransferRules) Cite() Citation {
	return Citation{Document: r.Document, Edition: r.Edition, Article: r.PostponeMonths.Article}
}

// PostponedProbation is a transferred-in probationary member whose 转正
// discussion is put off under ProbationTransferRules.
type PostponedProbation struct {
	End    Date // the end of probation
	Latest Date // the discussion is due by then
	Rules  ProbationTransferRules
}

// PostponedProbations are the members on the roster, still probationary,
// whose latest transfer in came as probationary under an edition allowing a
// postponement, whose probation has ended and whose postponement has not:
// by member ID.
func PostponedProbations(ins []TransferIn, members []Member, today Date, mb MembershipRules) map[int64]PostponedProbation {
	latest := map[int64]*TransferIn{}
	for i := range ins {
		in := &ins[i]
		if p := latest[in.MemberID]; p == nil || in.Date.After(p.Date) {
			latest[in.MemberID] = in
		}
	}
	out := map[int64]PostponedProbation{}
	for i := range members {
		m := &members[i]
		in := latest[m.ID]
		if in == nil || !m.OnRoster || m.Category != CategoryProbationary || in.Category != CategoryProbationary || m.JoinDate.IsZero() {
			continue
		}
		r, ok := ProbationTransferRulesOn(in.Date)
		if !ok {
			continue
		}
		end := m.JoinDate.AddYears(mb.ProbationYears)
		last := end.AddMonths(r.PostponeMonths.N)
		if end.Before(today) && !last.Before(today) {
			out[m.ID] = PostponedProbation{End: end, Latest: last, Rules: r}
		}
	}
	return out
}

// PostponementPassed says whether a probationary member arriving on
// arrival, who joined on join, comes after the latest date to which the
// rules in force on arrival let the 转正 discussion be put off (probation's
// end plus PostponeMonths): the receiving branch cannot just go on, it
// must ask the sending branch what became of the 转正 (s5-13 attack #9).
// It gives the end of probation and that latest date; false when either
// date is unknown or no edition allows a postponement on arrival.
func PostponementPassed(join, arrival Date, mb MembershipRules) (end, latest Date, r ProbationTransferRules, passed bool) {
	if join.IsZero() || arrival.IsZero() {
		return Date{}, Date{}, r, false
	}
	r, ok := ProbationTransferRulesOn(arrival)
	if !ok {
		return Date{}, Date{}, r, false
	}
	end = join.AddYears(mb.ProbationYears)
	latest = end.AddMonths(r.PostponeMonths.N)
	return end, latest, r, arrival.After(latest)
}

// DropPostponedProbationFindings removes from fs the roster's findings on a
// probation ended without a decision (CheckRoster) for the members whose
// discussion is put off (PostponedProbations): the rules allow the wait,
// and CheckTransfers says until when. They are told from the roster's other
// findings about a member by naming the 预备期, as LinkProbationFindings
// tells them (a test holds CheckRoster to it).
func DropPostponedProbationFindings(fs []Finding, postponed map[int64]PostponedProbation) []Finding {
	return slices.DeleteFunc(fs, func(f Finding) bool {
		_, put := postponed[f.MemberID]
		return put && f.About == AboutMembers && strings.Contains(f.Message, "预备期")
	})
}

// MobileAbsence is how the participation check counts a member of the
// mobile-member register: left out while away and reporting — a report
// within ReportMonths tells the branch they take part where they are —
// else counted no earlier than From: the day they came back, or, away and
// silent, their last report or the day they left. A stay with no report
// at all excuses nothing: registered after the fact with an early 外出日期,
// it would otherwise hide months without organisational life the branch
// knows nothing about (s5-13-attack #2).
type MobileAbsence struct {
	Excused bool
	From    Date
}

// MobileAbsences works out, for every member in the register, how the
// participation check counts them on today.
func MobileAbsences(entries []MobileMember, today Date, r MobileRules) map[int64]MobileAbsence {
	out := map[int64]MobileAbsence{}
	for i := range entries {
		mm := &entries[i]
		a := out[mm.MemberID]
		switch {
		case mm.Away(today) && len(mm.Reports) > 0 && mm.Reporting(today, r):
			a.Excused = true
		case mm.Away(today):
			if c := mm.LastContact(); c.After(a.From) {
				a.From = c
			}
		case !mm.ReturnedOn.IsZero() && !mm.ReturnedOn.After(today) && mm.ReturnedOn.After(a.From):
			a.From = mm.ReturnedOn
		}
		out[mm.MemberID] = a
	}
	return out
}

// TransferOverview is what the 组织关系 section shows: the records, how
// many activities each inflow member attended, the letters' setup and the
// findings of the area, as of a day.
type TransferOverview struct {
	TransferRecords
	Attended map[int64]int
	Setup    LetterSetup
	// LedgerStart is the dues ledger's 建账月份 (0: not begun): a 转入's
	// months unpaid before it are 待补录, not arrears (TransferIn.DuesText).
	LedgerStart Month
	// LedgerSetUp is the month the ledger was set up in the app
	// (DuesHistory.SetUp): months before it are 待补录 too
	// (TransferIn.DuesTextSince).
	LedgerSetUp Month
	Findings    []Finding
}
