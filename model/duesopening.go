package model

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// FieldDuesPaidTo is a member's opening dues position (党费已交至), for
// messages and the member's history; its label is its text.
const FieldDuesPaidTo Field = "党费已交至"

// DuesPaidToField describes the 党费已交至 column a roster may carry (a
// transfer letter's 党费交至, a paper ledger's 历史党费缴至): the roster
// import reads it into Member.DuesPaidTo and sets the opening position.
var DuesPaidToField = FieldInfo{FieldDuesPaidTo, "党费已交至", []string{"党费交至", "历史党费缴至", "历史党费交至", "党费缴至", "党费已缴至",
	"党费缴纳至", "党费交纳至", "党费已交到", "党费交到", "党费缴到", "党费已缴纳至"}, 10}

// FieldDuesStart is the branch's 建账月份, for messages.
const FieldDuesStart Field = "建账月份"

// Sources recorded with a change of opening position.
const (
	SourceDuesOpening = "党费建账"
	SourceBulkBases   = "批量设置"
)

// DuesOpening is where a member stood with dues when the branch began its
// ledger in the app, or when they came to it (党费已交至 YYYY年M月): the last
// month paid before, on paper or at another branch (a transfer letter's
// 党费交至). The months up to it are not owed in the ledger; the months
// after it are, from the next one.
type DuesOpening struct {
	MemberID int64
	PaidTo   Month
}

// ErrBadMonth is wrapped by every month that cannot be read.
var ErrBadMonth = fmt.Errorf("%w（年月）", ErrBadDate)

var monthText = regexp.MustCompile(`^(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月)?(?:\s*(?:份)?)$`)

// ParseMonthText reads a year and month as people write it: 2026-10,
// 2026-1, 2026年10月, 2026.10, 2026/10, 202610, or a full date whose month is
// taken (2026-10-31). "" is no month (0, nil).
func ParseMonthText(s string) (Month, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, nil
	}
	if g := ambiguousMonth.FindStringSubmatch(s); g != nil {
		t, _ := SentenceOf(AmbiguousMonthError(s, g[1]))
		return 0, &TextError{Kind: ErrBadMonth, Bare: true, Text: t}
	}
	t = strings.NewReplacer("－", "-", "．", ".", "／", "/").Replace(t)
	var y, m int
	switch {
	case len(t) == 6 && IsDigits(t):
		y, _ = strconv.Atoi(t[:4])
		m, _ = strconv.Atoi(t[4:])
	case monthText.MatchString(t):
		g := monthText.FindStringSubmatch(t)
		y, _ = strconv.Atoi(g[1])
		m, _ = strconv.Atoi(g[2])
	default:
		d, err := ParseDate(strings.NewReplacer("年", "-", "月", "-", "日", "", ".", "-", "/", "-").Replace(strings.TrimSuffix(t, "日")))
		if err != nil || d.IsZero() {
			// A Text, so that the English form says it in English
			// (review s8-8 #7: "Dues paid to" refused in Chinese).
			// The text cut as the importers cut it (CutTyped): 200
			// digits pasted were quoted whole, five red lines (review
			// s13-attack8 #12).
			return 0, &TextError{Kind: ErrBadMonth, Bare: true, Text: Textf("“%s”：日期格式不正确（年月），应如 2026-10 或 2026年10月", CutTyped(s))}
		}
		return MonthOfDate(d), nil
	}
	d := MonthDate(y, time.Month(m))
	if err := d.Validate(); err != nil {
		return 0, fmt.Errorf("“%s”：%w", CutTyped(s), err)
	}
	return MonthOfDate(d), nil
}

// ambiguousMonth is 2026.1 as typed: January, or October whose 0 Excel
// dropped (a number cell keeps 2026.10 as 2026.1, and copying the cell
// gives 2026.1).
var ambiguousMonth = regexp.MustCompile(`^\s*(\d{4})\s*[.．]\s*1\s*$`)

// ParseFormMonth is ParseMonthText for a month typed or pasted into a form
// field; 2026.1 is refused there as everywhere (AmbiguousMonthError).
func ParseFormMonth(s string) (Month, error) { return ParseMonthText(s) }

// ValidateOpening refuses an opening position that cannot be right: before
// the party existed as a ledger (FirstRecordYear), or after the current month. An
// opening says what was paid before the ledger or at another branch (on
// paper, or as a transfer letter's 党费交至); a month still to come was not
// paid there, and dues paid in advance are payments the ledger records
// (登记交纳), not an opening position. A month after the 建账月份 but not in
// the future is right: those months were paid elsewhere (before the member
// came, or on paper) and show as such.
func ValidateOpening(paidTo Month, today Date, r DuesRules) error {
	if err := validateOpeningYear(paidTo); err != nil {
		return err
	}
	if now := MonthOfDate(today); paidTo > now {
		return Errorf(ErrDues, "党费已交至 %s 晚于本月（%s）；预交的党费请在“收缴”中登记", paidTo, now)
	}
	return nil
}

// ValidateOpeningInLedger refuses an opening position (党费已交至) typed or
// imported for member m that reaches into months this ledger keeps: one
// from the 建账月份 (h.Start) on — those months are the ledger's, and a
// month paid in them is a payment recorded in 收缴 with its date, not an
// opening — unless m came onto this branch later (到本支部日期, or a 转入
// letter), whose months up to his arrival were paid elsewhere; or one that
// covers a month from h.Start on for which a payment of m is already
// recorded (paid, m's paid months). Months before h.Start are never owed,
// so an opening before it is always accepted. Such an opening made the
// register show months the ledger holds as paid with no money, and cleared
// real arrears, an art. 9 line among them, without a payment (review s3-8
// attack #2, #10; s8-8 #13: the months from 建账月份 to the month the ledger
// was set up in the app were let through, though the printed register
// says the ledger is kept from 建账月份). A transfer letter's 党费交至 is
// checked by ValidateLetterPaidTo instead.
func ValidateOpeningInLedger(paidTo Month, m *Member, h *DuesHistory, paid []PaidMonth) error {
	if h.Start == 0 || paidTo < h.Start {
		return nil
	}
	// A payment recorded in the months the opening covers is named
	// first: it says best why the month cannot be an opening.
	first := Month(0)
	for _, p := range paid {
		if p.MemberID == m.ID && p.Month >= h.Start && p.Month <= paidTo && (first == 0 || p.Month < first) {
			first = p.Month
		}
	}
	if first != 0 {
		return Errorf(ErrOpeningInLedger, "党费已交至 %s 晚于建账月份 %s，而本账已登记了 %s 的交纳；建账后的交纳请在“收缴”中逐笔登记", paidTo, h.Start, first)
	}
	arrived, entered := h.arrivedFor(m), h.enteredFor(m)
	if limit := h.OpeningLimit(m); paidTo > limit {
		switch {
		case arrived >= h.Start && arrived == limit:
			return Errorf(ErrOpeningInLedger, "党费已交至 %s 晚于到本支部的 %s；到本支部以后的交纳请在“收缴”中逐笔登记", paidTo, arrived)
		case entered > h.Start && entered-1 == limit:
			return Errorf(ErrOpeningInLedger, "党费已交至 %s 不在录入本软件的 %s 之前；录入以后的交纳请在“收缴”中逐笔登记，党费已交至最晚填 %s", paidTo, entered, limit)
		}
		return Errorf(ErrOpeningInLedger, "党费已交至 %s 在本账内（本账自建账月份 %s 起记账），填了会抵消应交而没有交纳记录；本账内已交的月份请在“收缴”中按实际交纳日期登记，党费已交至最晚填 %s", paidTo, h.Start, h.Start-1)
	}
	return nil
}

// arrivedFor is the month m came onto this branch as far as where they paid
// is concerned: a 转入 letter's month, or a 到本支部日期 the record states;
// 0 when neither.
func (h *DuesHistory) arrivedFor(m *Member) Month {
	arrived := h.Arrived[m.ID]
	if m.ArrivalStated() {
		// A 到本支部日期 that is only the day the member was added or
		// imported says nothing of where they paid (as ArrivedAfter):
		// it let 党费已交至 reach this month for everyone imported today
		// (review s8-8 #13, 为所选党员设置 2026年12月).
		arrived = max(arrived, MonthOfDate(m.ArrivedOn))
	}
	return arrived
}

// OpeningLimit is the latest month a 党费已交至 typed or imported for m may
// reach (ValidateOpeningInLedger): the month before the 建账月份, or when
// later the month m came onto this branch, or the month before m was
// entered into this file (DuesHistory.Entered): the app could not hold
// their payments before, so where they stood then is stated as for a
// member at the set-up. Months after it that were paid are payments,
// recorded in 收缴 with their dates; screens that suggest a 党费已交至
// suggest it only up to this month. 0 when the ledger has not begun (any
// month up to today may be stated).
func (h *DuesHistory) OpeningLimit(m *Member) Month {
	if h.Start == 0 {
		return 0
	}
	return max(h.Start-1, h.arrivedFor(m), h.enteredFor(m)-1)
}

// ValidateOpeningJoin refuses an opening position more than a month before
// m joined the Party: dues are not paid before joining, so such a month is
// a typo in the year (1985 for 2015), and the months after it would count
// as owed. The month before joining means nothing paid yet and is taken.
func ValidateOpeningJoin(paidTo Month, m *Member) error {
	if paidTo == 0 || m.JoinDate.IsZero() || paidTo >= MonthOfDate(m.JoinDate)-1 {
		return nil
	}
	return Errorf(ErrDues, "党费已交至 %s 早于%s加入党组织的 %s（入党前不交党费），请核对年份", paidTo, m.Name, MonthOfDate(m.JoinDate))
}

// ValidateLetterPaidTo refuses a transfer letter's 党费交至 that cannot be
// right: before FirstRecordYear, or further ahead of today than dues may be paid in
// advance (the old branch may have taken dues in advance; the letter
// states it).
func ValidateLetterPaidTo(paidTo Month, today Date, r DuesRules) error {
	if err := validateOpeningYear(paidTo); err != nil {
		return err
	}
	if paidTo > MonthOfDate(today)+Month(r.AdvanceMonths) {
		return Errorf(ErrDues, "党费已交至 %s 超过今天 %d 个月以上，预交不宜超过 %d 个月", paidTo, r.AdvanceMonths, r.AdvanceMonths)
	}
	return nil
}

func validateOpeningYear(paidTo Month) error {
	if paidTo.Year() < FirstRecordYear {
		return Errorf(ErrDues, "党费已交至 %s 不合理", paidTo)
	}
	return nil
}

// ValidateLedgerStart refuses a 建账月份 that cannot be right: in the future
// (a ledger cannot begin after today), or before the branch could have
// kept one.
func ValidateLedgerStart(start Month, today Date) error {
	switch {
	case start == 0:
		return Errorf(ErrDues, "请填写建账月份")
	case start.Year() < FirstRecordYear:
		return Errorf(ErrDues, "建账月份 %s 不合理", start)
	case start > MonthOfDate(today):
		return Errorf(ErrDues, "建账月份 %s 晚于本月", start)
	}
	return nil
}

// DuesFindings turns the arrears and the set-up gaps into findings: each
// member at the warning or the serious 党章 art. 9 threshold, and one
// finding for all members lacking a base (a 提醒 once a month without one
// has passed, a 提示 while only the current month lacks it).
func DuesFindings(arrears []Arrear, gaps []BaseGap, c PartyConstitutionRules) []Finding {
	var out []Finding
	for _, a := range arrears {
		if a.Severity == Warning || a.Severity == Serious {
			out = append(out, Finding{Severity: a.Severity, About: AboutDues, MemberID: a.MemberID}.With(a.Text(c)))
		}
	}
	if len(gaps) == 0 {
		return out
	}
	years := map[int]bool{}
	sev := Info
	names := make([]string, 0, 5)
	for _, g := range gaps {
		for _, y := range g.Years {
			years[y] = true
		}
		if g.Past > 0 {
			sev = Warning
		}
		if len(names) < 5 {
			names = append(names, g.Name)
		}
	}
	var ys []int
	for y := range years {
		ys = append(ys, y)
	}
	slices.Sort(ys)
	f := Finding{Severity: sev, About: AboutDues}
	if groups := baseGapGroups(gaps); len(groups) > 1 {
		// Members lacking different years are said by the years each
		// lacks: the union of years after the union of members said 12
		// lacked 2005 to 2026 when 10 lacked only 2026 (review
		// s14-attack8 #4).
		out = append(out, f.Says("%d名党员尚未填写党费基数：%s；应交金额无法计算，请在“党费 → 基数”中填写（缺基数不算欠缴）", len(gaps), groups))
		return out
	}
	switch {
	case len(gaps) == 1:
		f = f.Says("%s尚未填写%s年党费基数，应交金额无法计算；请在“党费 → 基数”中填写（缺基数不算欠缴）", gaps[0].Name, Years(ys))
	case len(gaps) > len(names):
		f = f.Says("%d名党员尚未填写%s年党费基数（%s等），应交金额无法计算；请在“党费 → 基数”中填写（缺基数不算欠缴）",
			len(gaps), Years(ys), Names(names))
	default:
		f = f.Says("%d名党员尚未填写%s年党费基数（%s），应交金额无法计算；请在“党费 → 基数”中填写（缺基数不算欠缴）",
			len(gaps), Years(ys), Names(names))
	}
	out = append(out, f)
	return out
}

// baseGapGroups says the members lacking a base by the years they lack,
// one part per set of years, in the order the members come: "赵一、钱二缺
// 2025、2026年的，周五、吴六、郑七等10人缺2026年的".
func baseGapGroups(gaps []BaseGap) Texts {
	type group struct {
		years Years
		names []string
	}
	var groups []*group
	byYears := map[string]*group{}
	for _, g := range gaps {
		key := Years(g.Years).String()
		if byYears[key] == nil {
			byYears[key] = &group{years: Years(g.Years)}
			groups = append(groups, byYears[key])
		}
		byYears[key].names = append(byYears[key].names, g.Name)
	}
	const named = 3
	var out Texts
	for _, g := range groups {
		if len(g.names) > named {
			out = append(out, Textf("%s等%d人缺%s年的", Names(g.names[:named]), len(g.names), g.years))
		} else {
			out = append(out, Textf("%s缺%s年的", Names(g.names), g.years))
		}
	}
	return out
}

// RecordFindings is the one 提醒 for the months to record (RecordGaps):
// which members, which months, and how to settle them: by recording the
// payments with their real dates, or, for months before the 建账月份 only,
// by a 党费已交至 — after the 建账月份 was moved back the months are in
// the ledger, and the 党费已交至 the reminder suggested for them was
// refused on saving (s8-8-recheck new #3). It never speaks of arrears or
// 党章 art. 9: the app did not see those months.
func RecordFindings(gaps []RecordGap) []Finding {
	if len(gaps) == 0 {
		return nil
	}
	from, to := gaps[0].From, gaps[0].To
	names := make([]string, 0, 5)
	for _, g := range gaps {
		from, to = min(from, g.From), max(to, g.To)
		if len(names) < 5 {
			names = append(names, g.Name)
		}
	}
	advice := recordAdvice(gaps)
	f := Finding{Severity: Warning, About: AboutDues}
	if entered := enteredGaps(gaps); entered {
		// Some members were entered after the set-up: "before the app
		// began keeping the ledger" was false for them (review s9-8 #15).
		return []Finding{enteredFinding(f, gaps, names, from, to, advice)}
	}
	if when, ok := inLedgerWhen(gaps); ok {
		// After the 建账月份 was moved back the months are in the ledger:
		// "在开始用本软件记党费账之前" beside the advice's "在建账月份之后，
		// 在本账内" read as two claims about the same months (review
		// s14-newuser #3).
		if len(gaps) == 1 {
			return []Finding{f.Says("%s的党费%s待补录：%s。%s（待补录不算欠交）", gaps[0].Name, monthRangeText(gaps[0].From, gaps[0].To), when, advice)}
		}
		var each Texts
		if len(gaps) > len(names) {
			each = spanGroups(gaps)
		} else {
			for _, g := range gaps {
				each = append(each, Textf("%s（%s）", g.Name, monthRangeText(g.From, g.To)))
			}
		}
		return []Finding{f.Says("%d名党员的党费待补录：%s。%s。%s（待补录不算欠交）", len(gaps), each, when, advice)}
	}
	switch {
	case len(gaps) == 1:
		f = f.Says("%s的党费%s待补录：这些月份在开始用本软件记党费账之前，尚未登记交纳。%s（待补录不算欠交）",
			gaps[0].Name, monthRangeText(gaps[0].From, gaps[0].To), advice)
	case len(gaps) > len(names) && !sameSpan(gaps):
		// Grouped by their months, each group with its own span: one
		// span for all gave "2026年10月至11月" to twelve members whose
		// only month was November (review s7-8-newuser #2).
		f = f.Says("%d名党员的党费待补录：%s。这些月份在开始用本软件记党费账之前，尚未登记交纳。%s（待补录不算欠交）",
			len(gaps), spanGroups(gaps), advice)
	case len(gaps) > len(names):
		f = f.Says("%d名党员（%s等）的党费%s待补录：这些月份在开始用本软件记党费账之前，尚未登记交纳。%s（待补录不算欠交）",
			len(gaps), Names(names), monthRangeText(from, to), advice)
	default:
		// Each with their own months: one span for all said 1月 to a
		// member who joined in April (review s5-8 newuser #2).
		each := make(Texts, len(gaps))
		for i, g := range gaps {
			each[i] = Textf("%s（%s）", g.Name, monthRangeText(g.From, g.To))
		}
		f = f.Says("%d名党员的党费待补录：%s。这些月份在开始用本软件记党费账之前，尚未登记交纳。%s（待补录不算欠交）",
			len(gaps), each, advice)
	}
	return []Finding{f}
}

// enteredGaps reports whether any gap is of a member entered after the
// ledger's set-up (RecordGap.Entered).
func enteredGaps(gaps []RecordGap) bool {
	return slices.ContainsFunc(gaps, func(g RecordGap) bool { return g.Entered != 0 })
}

// enteredFinding is RecordFindings' 提醒 when some of its members were
// entered after the set-up: their months are before they were entered,
// not before the app was used.
func enteredFinding(f Finding, gaps []RecordGap, names []string, from, to Month, advice Text) Finding {
	switch {
	case len(gaps) == 1:
		return f.Says("%s的党费%s待补录：这些月份在其录入本软件（%s）之前，尚未登记交纳。%s（待补录不算欠交）",
			gaps[0].Name, monthRangeText(gaps[0].From, gaps[0].To), gaps[0].Entered, advice)
	case len(gaps) > len(names) && !sameSpan(gaps):
		return f.Says("%d名党员的党费待补录：%s。这些月份在开始用本软件记党费账或党员录入本软件之前，尚未登记交纳。%s（待补录不算欠交）",
			len(gaps), spanGroups(gaps), advice)
	case len(gaps) > len(names):
		return f.Says("%d名党员（%s等）的党费%s待补录：这些月份在开始用本软件记党费账或党员录入本软件之前，尚未登记交纳。%s（待补录不算欠交）",
			len(gaps), Names(names), monthRangeText(from, to), advice)
	}
	each := make(Texts, len(gaps))
	for i, g := range gaps {
		each[i] = Textf("%s（%s）", g.Name, monthRangeText(g.From, g.To))
	}
	return f.Says("%d名党员的党费待补录：%s。这些月份在开始用本软件记党费账或党员录入本软件之前，尚未登记交纳。%s（待补录不算欠交）",
		len(gaps), each, advice)
}

// inLedgerWhen says when the months of gaps are, when every one is from
// the 建账月份 on: kept by this ledger, before its records were entered.
func inLedgerWhen(gaps []RecordGap) (Text, bool) {
	for _, g := range gaps {
		if g.Start == 0 || g.From < g.Start || g.Start != gaps[0].Start {
			return Text{}, false
		}
	}
	return Textf("这些月份在建账月份（%s）之后、开始用本软件登记之前，尚未登记交纳", gaps[0].Start), true
}

// recordAdvice says how the months of gaps are settled: recorded as
// payments in 收缴 with their real dates, and, for those a 党费已交至 may
// state (up to each member's OpeningLimit: before the 建账月份), by a
// 党费已交至 as well.
func recordAdvice(gaps []RecordGap) Text {
	all, some := true, false
	limit := Month(0)
	for _, g := range gaps {
		if g.To > g.OpeningLimit {
			all = false
		}
		if g.From <= g.OpeningLimit {
			some = true
			limit = max(limit, g.OpeningLimit)
		}
	}
	// Months before the 建账月份 are not taken in 收缴 (CheckBeforeLedger):
	// the advice names the route that is there — home sent the secretary
	// to 收缴 for them, which refused (review s14-newuser #2).
	earliest, before := Month(0), true
	for _, g := range gaps {
		before = before && g.Start != 0 && g.To < g.Start
		if earliest == 0 || g.From < earliest {
			earliest = g.From
		}
	}
	switch {
	case all && before && len(gaps) == 1:
		return Textf("在纸质台账上已交的，请在其“党费已交至”中填写交到的月份；现在才交的，请先在“党费 → 基数 → 修改建账月份…”中把建账月份改到%s，再在“党费 → 收缴”中登记", earliest)
	case all && before:
		return Textf("在纸质台账上已交的，请在“党费 → 基数”中勾选后用“为所选党员设置”填写“党费已交至”；现在才交的，请先在“党费 → 基数 → 修改建账月份…”中把建账月份改到%s，再在“党费 → 收缴”中登记", earliest)
	case all && len(gaps) == 1:
		return Textf("已交的，请在“党费 → 收缴”中按实际交纳日期补录，或在其“党费已交至”中填写交到的月份")
	case all:
		return Textf("已交的，请在“党费 → 收缴”中按实际交纳日期补录，或在“党费 → 基数”中勾选后用“为所选党员设置”填写“党费已交至”")
	case some && !allMay(gaps):
		// Only some members may state a 党费已交至 for their months: the
		// advice names them, with each one's latest month — one month
		// for all offered it to a member whose own page refused it
		// (review s14-newuser #9).
		var may TextList
		for _, g := range gaps {
			if g.From <= g.OpeningLimit {
				may = append(may, Textf("%s%s及以前", g.Name, g.OpeningLimit))
			}
		}
		return Textf("已交的，请在“党费 → 收缴”中按实际交纳日期登记交纳；%s的月份也可填写“党费已交至”，其余月份在本账内，只能登记交纳", may)
	case some:
		// Mixed: the months from the 建账月份 on are the ledger's.
		return Textf("已交的，请在“党费 → 收缴”中按实际交纳日期登记交纳；%s及以前的月份也可填写“党费已交至”，此后的月份在本账内，只能登记交纳", limit)
	}
	return Textf("已交的，请在“党费 → 收缴”中按实际交纳日期登记交纳；这些月份在建账月份之后，在本账内，不能用“党费已交至”登记")
}

// allMay reports whether every gap's member may state a 党费已交至 for
// the first of its months, up to the same latest month.
func allMay(gaps []RecordGap) bool {
	for _, g := range gaps {
		if g.From > g.OpeningLimit || g.OpeningLimit != gaps[0].OpeningLimit {
			return false
		}
	}
	return true
}

// sameSpan reports whether every gap has the same first and last month.
func sameSpan(gaps []RecordGap) bool {
	for _, g := range gaps[1:] {
		if g.From != gaps[0].From || g.To != gaps[0].To {
			return false
		}
	}
	return true
}

// spanGroups are the gaps grouped by their months, in order of first
// appearance: 王建国、李秀英、张伟等12人（2026年11月），陈静、周杰（2026年10月至2026年11月）.
func spanGroups(gaps []RecordGap) Texts {
	type span struct{ from, to Month }
	var order []span
	names := map[span][]string{}
	for _, g := range gaps {
		k := span{g.From, g.To}
		if _, seen := names[k]; !seen {
			order = append(order, k)
		}
		names[k] = append(names[k], g.Name)
	}
	out := make(Texts, len(order))
	for i, k := range order {
		n := names[k]
		if len(n) > 3 {
			out[i] = Textf("%s等%d人（%s）", Names(n[:3]), len(n), monthRangeText(k.from, k.to))
			continue
		}
		out[i] = Textf("%s（%s）", Names(n), monthRangeText(k.from, k.to))
	}
	return out
}

// monthRangeText is a run of months as a finding says it: one month, or
// 2026年1月至2026年10月.
func monthRangeText(from, to Month) Text {
	if from == to {
		return Textf("%s", from)
	}
	return Textf("%s至%s", from, to)
}

// MonthRange says a run of months: 2026年1月, 2026年1月至10月, or
// 2025年11月至2026年2月.
func MonthRange(from, to Month) string {
	switch {
	case from == to:
		return from.Chinese()
	case from.Year() == to.Year():
		return fmt.Sprintf("%s至%d月", from.Chinese(), to.Mon())
	}
	return from.Chinese() + "至" + to.Chinese()
}

// MemberMonth is one month of a member's dues statement.
type MemberMonth struct {
	Month  Month
	State  MonthState
	Amount Money // paid, or owed when known
}

// MemberDues is one member's dues as their page shows them: where the
// ledger begins for them, the last month paid in full, and every month from
// the first that matters to the last, with its state.
type MemberDues struct {
	OwedFrom Month // first month owed in the ledger; 0 if it has not begun
	// CountedFrom is the first month whose lack of a payment counts as
	// unpaid (建账月份 for one paid on paper to before it); the months from
	// OwedFrom to it are 待补录. 0 if the ledger has not begun.
	CountedFrom Month
	// LedgerFrom is the first month this ledger counts for the member as
	// the 基数 page's 建账月份 says it: the 建账月份, or a later month the
	// member's own dues begin (admission, arrival, an opening position
	// after the start). Months to record (待补录) may follow it when the
	// 建账月份 was moved back: they are in the ledger, not before it.
	// 0 if the ledger has not begun.
	LedgerFrom Month
	// OpeningLimit is the latest month a 党费已交至 may state for the
	// member (DuesHistory.OpeningLimit); ToRecordOpenable counts the
	// months to record up to it, the only ones a 党费已交至 can settle.
	OpeningLimit     Month
	ToRecordOpenable int
	Opening          Month // 党费已交至 as entered; 0 if none
	PaidThrough      Month // last month paid in full; 0 if not known
	Months           []MemberMonth
	PaidMonths       int   // months paid in the ledger (not reversed)
	Paid             Money // their dues
	OwedMonths       int   // past months owed and unpaid, amount known
	Owed             Money
	Unknown          int // past months owed without a base (缺基数)
	ToRecord         int // months before the ledger's set-up not recorded (待补录)
	// Entered is the month the member was entered into the file when
	// after the ledger's set-up (DuesHistory.Entered), 0 otherwise: their
	// months to record are before that, not before the app was used.
	Entered Month
}

// MemberDuesStatement works out m's dues from the ledger h as of today. The
// months run over whole years, from the year of the earliest of the
// ledger's start for m, the opening position and the first month paid, to
// the year of the latest of the current month and the last month paid in
// advance; months outside m's time on the roster are MonthNotOwed.
func MemberDuesStatement(m *Member, h DuesHistory, today Date, r DuesRules) MemberDues {
	var s MemberDues
	join, to, ok := h.ownMonths(m)
	if !ok {
		return s
	}
	v := h.view(r)
	paid := map[Month]Money{}
	for _, p := range h.Paid {
		if p.MemberID == m.ID {
			paid[p.Month] = p.Amount
		}
	}
	current := ArrearsThrough(today) + 1 // the first month not yet late
	owed, kept := h.OwedFrom(m)
	if kept {
		s.OwedFrom = owed
	}
	known := h.knownFrom(m)
	if kept {
		s.CountedFrom = max(known, owed)
		s.LedgerFrom = max(owed, h.Start)
		s.OpeningLimit = h.OpeningLimit(m)
		s.Entered = h.enteredFor(m)
	}
	opening, hasOpening := h.Openings[m.ID]
	if hasOpening {
		s.Opening = opening
	}
	if pt, ok := PaidThrough(m, h, r); ok {
		s.PaidThrough = pt
	}
	first, last := current, current
	if kept {
		first = min(first, owed)
	}
	if hasOpening {
		// The opening position's own year, not the member's whole past.
		first = min(first, max(opening, join))
	}
	for mo := range paid {
		first, last = min(first, mo), max(last, mo)
	}
	first, last = max(first, join), min(last, to)
	// Whole years, so that a page can show them as rows of twelve.
	for mo := MonthOf(first.Year(), 1); mo <= MonthOf(last.Year(), 12); mo++ {
		c := MemberMonth{Month: mo}
		amount, hasBase := v.due(m.ID, mo)
		switch a, isPaid := paid[mo]; {
		case mo < join || mo > to:
			c.State = MonthNotOwed
		case isPaid:
			c.State, c.Amount = MonthPaid, a
			s.PaidMonths++
			s.Paid += a
		case hasOpening && mo <= opening:
			c.State = MonthPaidOpening
		case !kept || mo < owed:
			c.State = MonthBeforeLedger
		case hasBase && amount == 0:
			c.State = MonthExempt
		case !hasBase:
			// 缺基数 before 待补录 (review s9-8 #4): the base is the gap
			// to fix first.
			c.State = MonthBaseMissing
			if mo < current {
				s.Unknown++
			}
		case mo < known:
			c.State = MonthToRecord
			s.ToRecord++
			if mo <= s.OpeningLimit {
				s.ToRecordOpenable++
			}
		case mo >= current:
			c.State, c.Amount = MonthDue, amount
		default:
			c.State, c.Amount = MonthOverdue, amount
			s.OwedMonths++
			s.Owed += amount
		}
		s.Months = append(s.Months, c)
	}
	return s
}
