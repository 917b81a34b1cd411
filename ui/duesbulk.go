package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"branchledger/model"
	"branchledger/ui/kit"
)

// keepAsIs is the category choice that leaves each member's as it is.
const keepAsIs = "（不修改）"

// bulkDialog sets the category, the base or the opening position
// (党费已交至) of the ticked members at once; an empty field changes nothing.
type bulkDialog struct {
	form     *kit.Form
	cat      *kit.Select
	base     *kit.Entry
	approval *kit.Entry // 免交's 批准情况, asked only for 免交
	paidTo   *kit.Entry
	paidF    *kit.Field // 党费已交至's field, checked when left
	members  int
}

// editSelected opens the dialog for the ticked rows. Saving fills the rows
// and saves every changed row of the tab in one transaction, as 保存 does,
// so that nothing typed in the grid is lost.
func (b *duesBases) editSelected() {
	var picked []int
	for i := range b.rows {
		if b.rows[i].selected {
			picked = append(picked, i)
		}
	}
	if len(picked) == 0 {
		return
	}
	sh := b.d.sh
	bd := &bulkDialog{form: kit.NewForm("保存"), members: len(picked)}
	bd.form.Ask = sh.confirmDiscard
	bd.cat = kit.NewSelect(append([]string{lang.L(keepAsIs)}, selectOptions(model.DuesCategories...)...), nil)
	bd.base = kit.NewEntry()
	bd.base.SetPlaceHolder(lang.L("元；不填则不修改"))
	// 免交 is approved above (DuesBase.Validate): the dialog asks for the
	// approval beside the category, under which its refusal is said. 免交
	// for several members was refused on saving, naming the first of them,
	// with nowhere to type the approval (issue 8, ui13 #3).
	bd.approval = kit.NewEntry()
	bd.approval.SetPlaceHolder(lang.L("如：某某党委 2026-01-05 批复"))
	bd.paidTo = kit.NewEntry()
	exempt := func() bool { return bd.category() == model.DuesExempt }
	// Enabled for 免交 only, in place: the fields below do not move. Set
	// before the form hooks the select.
	bd.cat.OnChanged = func(string) { setEnabled(bd.approval, exempt()) }
	catF := bd.form.Add("缴纳类别", bd.cat)
	approvalF := bd.form.Add("批准情况", bd.approval)
	baseF := bd.form.Add("计算基数", bd.base).Validate(func(s string) string {
		if strings.TrimSpace(s) == "" {
			return ""
		}
		if _, err := model.ParseMoney(s); err != nil {
			return kit.SayErr(err)
		}
		return ""
	})
	bd.paidF = bd.form.Add("党费已交至", bd.paidTo).Validate(func(s string) string {
		m, err := model.ParseFormMonth(s)
		if err != nil {
			return kit.SayErr(err)
		}
		if m != 0 {
			if err := model.ValidateOpening(m, sh.svc.today(), model.CurrentDuesRules()); err != nil {
				return kit.SayErr(err)
			}
			// Said under the field when it is left, as the member page
			// says it: only 保存 said it, in the footer, which grew and
			// moved the buttons under the pointer (review s14-attack8 #24).
			if early := bd.joinedAfter(b, picked, m); len(early) > 0 {
				return lang.L("党费已交至 {{.M}} 早于以下党员加入党组织的月份（入党前不交党费），请核对年份或不勾选他们：{{.Names}}",
					map[string]any{"M": monthText(m), "Names": nameList(early)})
			}
		}
		return ""
	})
	openingHint(bd.paidF, bd.paidTo, b.start, sh.svc.today(), "；不填则不修改")
	bd.form.Check = func(report func(*kit.Field, string)) {
		if bd.cat.SelectedIndex() <= 0 && strings.TrimSpace(bd.base.Text) == "" && strings.TrimSpace(bd.paidTo.Text) == "" {
			report(nil, lang.L("请至少填写一项"))
		}
		if exempt() && strings.TrimSpace(bd.approval.Text) == "" {
			report(approvalF, lang.L("请填写批准情况（哪一级党组织何时批准）"))
		}
	}
	bd.form.Load(func() { bd.cat.SetSelectedIndex(0) })
	note := kit.NewWrapLabel(lang.N("为已勾选的{{.N}}名党员统一设置{{.Y}}年的缴纳类别和计算基数，或党费已交至的月份（建账前或转入前已交到的月份，不能晚于本月）；不填的项目不修改。", len(picked),
		map[string]any{"N": len(picked), "Y": b.d.year}))
	var dlg *kit.FormDialog
	apply := func() {
		// A refused save leaves the rows as they were: the values of
		// the dialog stay in the dialog, and closing it (放弃修改)
		// discards them (review s8-8-recheck #4: the refused month
		// stayed in every row as an unsaved change).
		before := slices.Clone(b.rows)
		refused := func(err error) {
			b.rows = before
			b.showPage()
			bd.form.SetError(kit.SayErr(err))
		}
		if err := b.applyBulk(picked, bd); err != nil {
			refused(err)
			return
		}
		w, err := b.save(model.SourceBulkBases)
		if err != nil {
			refused(err)
			return
		}
		dlg.Hide()
		if w.any() {
			setMessage(b.msg, w.message())
		}
	}
	bd.form.OnSubmit = func() {
		paidTo, err := model.ParseFormMonth(bd.paidTo.Text)
		if err != nil || paidTo == 0 {
			apply()
			return
		}
		// A month before a member joined is a typo in the year: refused,
		// naming them, as the bases import refuses it (review s5-8
		// attack #2, #9).
		if early := bd.joinedAfter(b, picked, paidTo); len(early) > 0 {
			bd.form.SetError(lang.L("党费已交至 {{.M}} 早于以下党员加入党组织的月份（入党前不交党费），请核对年份或不勾选他们：{{.Names}}",
				map[string]any{"M": monthText(paidTo), "Names": nameList(early)}))
			return
		}
		// Members whose 党费已交至 is already set and would change are
		// named first: moved earlier, the months between become owed.
		var moved []string
		for _, i := range picked {
			if r := &b.rows[i]; r.opening != 0 && r.opening != paidTo {
				moved = append(moved, lang.L("{{.Name}}（原为{{.M}}）", map[string]any{"Name": r.name, "M": monthText(r.opening)}))
			}
		}
		if len(moved) == 0 {
			apply()
			return
		}
		sh.confirmAs("修改党费已交至",
			lang.N("{{.N}}名党员已填有党费已交至，将改为{{.M}}：{{.Names}}。改早的，其后的月份将计为应交。确定修改吗？", len(moved),
				map[string]any{"N": len(moved), "M": monthText(paidTo), "Names": nameList(moved)}),
			"确定修改", apply)
	}
	body := container.NewVBox(note, bd.form.Grid(1, catF, approvalF, baseF, bd.paidF))
	bd.approval.Disable()
	dlg = kit.ShowForm(sh.win, "为所选党员设置", bd.form, body, fyne.NewSize(560, 420))
	b.bulkDlg = bd
}

// joinedAfter names the picked members who joined the Party after the
// 党费已交至 paidTo (model.ValidateOpeningJoin): a typo in the year.
func (bd *bulkDialog) joinedAfter(b *duesBases, picked []int, paidTo model.Month) []string {
	var early []string
	for _, i := range picked {
		if m, ok := b.member(b.rows[i].base.MemberID); ok && model.ValidateOpeningJoin(paidTo, &m) != nil {
			early = append(early, lang.L("{{.Name}}（{{.M}}入党）", map[string]any{"Name": m.Name, "M": monthText(model.MonthOfDate(m.JoinDate))}))
		}
	}
	return early
}

// category is the category chosen, "" for 不修改.
func (bd *bulkDialog) category() model.DuesCategory {
	if i := bd.cat.SelectedIndex(); i > 0 {
		return model.DuesCategories[i-1]
	}
	return ""
}

// applyBulk fills the picked rows from the dialog; a row with a base its
// category refuses is an error naming it. A row given a base and no
// category keeps the base and waits for its category (save names it):
// the base alone for several members new to the ledger was refused.
func (b *duesBases) applyBulk(picked []int, bd *bulkDialog) error {
	cat := bd.category()
	baseText := strings.TrimSpace(bd.base.Text)
	paidTo, err := model.ParseFormMonth(bd.paidTo.Text)
	if err != nil {
		return err
	}
	for _, i := range picked {
		row := &b.rows[i]
		if cat != "" || baseText != "" {
			if err := fillBulkRow(row, cat, baseText, bd.approval.Text, b.parse); err != nil {
				return err
			}
		}
		if paidTo != 0 && paidTo != row.opening {
			row.opening, row.openingChanged = paidTo, true
		}
	}
	b.showPage()
	return nil
}

// fillBulkRow gives row the category cat and the base typed, either ""
// for 不修改, and approval with 免交.
func fillBulkRow(row *baseRow, cat model.DuesCategory, baseText, approval string, parse func(*baseRow) (model.Money, error)) error {
	x := row.base
	text := row.text
	if cat != "" {
		x.Category = cat
	}
	if cat == model.DuesExempt {
		x.Approval = approval
	}
	if baseText != "" {
		text = baseText
	}
	if !x.Category.HasBase() && x.Category != model.DuesFarmer {
		text = ""
	}
	switch {
	case x.Category == "":
		// A base and no category yet: the row keeps the base and waits
		// for the category (save names it); it was refused, so the base
		// alone could not be set for members new to the ledger.
		row.text, row.changed = baseText, true
	case x.Category.HasBase() && strings.TrimSpace(text) == "":
		// No base yet: the category is chosen and the row waits for its
		// base (缺基数); it is not a base of 0.
		row.base.Category, row.text, row.changed = x.Category, "", true
	default:
		probe := baseRow{text: text}
		base, err := parse(&probe)
		if err == nil {
			x.Base = base
			err = x.Validate(model.CurrentDuesRules())
		}
		if err != nil {
			return fmt.Errorf("%s：%s", row.name, kit.SayErr(err))
		}
		row.base, row.text, row.changed = x, text, true
	}
	return nil
}

// editStart changes the month the ledger begins (建账月份).
func (b *duesBases) editStart() {
	sh := b.d.sh
	form := kit.NewForm("保存")
	form.Ask = sh.confirmDiscard
	entry := kit.NewEntry()
	entry.SetPlaceHolder(lang.L("如2026-01或2026年1月"))
	// effect says, before anything is saved, which members the month
	// typed leaves with months to record, and how to settle them.
	effect := kit.NewWrapLabel("")
	var gaps []model.RecordGap
	var drops, adds []model.DroppedArrear
	// asked is what else the month typed calls for, a sentence a line: a
	// year that is likely mistyped (before every admission or the
	// branch's founding), and the years whose bases it will ask for.
	var asked []string
	var founded model.Date
	if p, err := sh.svc.Branch.Profile(); err == nil {
		founded = p.FoundedOn
	}
	// The effect reads the whole ledger twice (what is left to record,
	// whose arrears stop): it is worked out when the user leaves the
	// field or saves, not on every keystroke of "2026年1月". While a new
	// month is being typed the effect of the last one is taken away.
	previewed, havePreview := "", false
	allEffects := func() string {
		lines := asked
		if e := startEffects(gaps, drops, adds); e != "" {
			lines = append(slices.Clone(asked), e)
		}
		return strings.Join(lines, "\n")
	}
	preview := func() {
		s := entry.Text
		if havePreview && s == previewed {
			return
		}
		previewed, havePreview = s, true
		gaps, drops, adds, asked = nil, nil, nil, nil
		m, err := model.ParseFormMonth(s)
		if err == nil && m != 0 && model.ValidateLedgerStart(m, sh.svc.today()) == nil {
			if q := model.StartTooEarly(sh.members, founded, m); !q.IsZero() {
				asked = append(asked, kit.Say(q))
			}
			if years, n, err := sh.svc.Dues.DuesStartBaseYears(m); err == nil && len(years) > 0 {
				asked = append(asked, lang.N("保存后需为{{.N}}名党员补填{{.Years}}年的党费基数（在“基数”中选择年度填写），这些年份才能计算应交。", n,
					map[string]any{"N": n, "Years": yearsText(years)}))
			}
			gaps, err = sh.svc.Dues.DuesStartPreview(m)
			if err != nil {
				gaps = nil
			}
			if drops, err = sh.svc.Dues.DuesStartDrops(m); err != nil {
				drops = nil
			}
			if adds, err = sh.svc.Dues.DuesStartAdds(m); err != nil {
				adds = nil
			}
		}
		effect.SetText(allEffects())
	}
	entry.OnChanged = func(s string) {
		if havePreview && s != previewed && effect.Text != "" {
			effect.SetText("")
		}
	}
	entry.OnLeft = preview
	// passes keeps, by month, the refusal of a start later than months
	// already paid in the ledger (model.PassedPayments.Err): the check
	// reads the payments, and the form asks again on every change.
	passes := map[model.Month]error{}
	field := form.Add("建账月份", entry).Validate(func(s string) string {
		m, err := model.ParseFormMonth(s)
		if err == nil {
			err = model.ValidateLedgerStart(m, sh.svc.today())
		}
		if err == nil && m > b.start {
			var known bool
			if err, known = passes[m]; !known {
				p, perr := sh.svc.Dues.DuesStartPasses(m)
				if perr == nil {
					err = p.Err()
				}
				passes[m] = err
			}
		}
		if err != nil {
			return kit.SayErr(err)
		}
		return ""
	})
	form.Load(func() {
		if b.start != 0 {
			entry.SetText(b.start.String())
		}
	})
	preview() // the months the present start leaves to record
	note := kit.NewWrapLabel(lang.L("建账月份是支部开始在本软件中记党费账的月份：此后每月按基数计算应交党费并检查欠交，此前的月份不计欠交。默认为录入第一批基数的月份；如果要把本年早些月份的交纳也录进来，可以提前。"))
	var dlg *kit.FormDialog
	save := func() {
		preview() // the month saved may not have been left yet (保存 clicked)
		m, _ := model.ParseFormMonth(entry.Text)
		if err := sh.svc.Dues.SetDuesLedgerStart(m); err != nil {
			form.SetServerError(field, kit.SayErr(err))
			return
		}
		dlg.Hide()
		b.d.changed()
	}
	form.OnSubmit = func() {
		preview()
		m, _ := model.ParseFormMonth(entry.Text)
		// A new start changes members' months at once: moved later, it
		// takes months off their arrears; moved earlier, it leaves months
		// to record. Either way the user is asked first, naming them (a
		// mistyped 2025年1月 is not applied silently).
		// Moved back it is always asked (review s8-8 #4: 1990.01 was
		// saved at once).
		// A start before every admission is asked whichever way it moves
		// (review s13-attack8 #10).
		if m == b.start || m > b.start && len(gaps)+len(drops)+len(asked) == 0 {
			save()
			return
		}
		effects := allEffects()
		if effects != "" {
			effects += "\n"
		}
		sh.confirmAs("修改建账月份",
			lang.L("建账月份改为{{.M}}。{{.Drops}}已登记的交纳记录保留不变。确定修改吗？",
				map[string]any{"M": monthText(m), "Drops": effects}),
			"确定修改", save)
	}
	dlg = kit.ShowForm(sh.win, "建账月份", form, container.NewVBox(note, form.Grid(1, field), effect), fyne.NewSize(560, 400))
	b.startDlg, b.startEntry, b.startEffect = form, entry, effect
}

// yearsText joins sorted years the UI language's way, a run of three or
// more as its ends: 2024、2025, 1990至2025 (a start typed 1990 must not
// list 36 years).
func yearsText(years []int) string {
	var parts []string
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 {
			j++
		}
		switch {
		case j-i >= 2:
			parts = append(parts, lang.L("{{.A}}至{{.B}}", map[string]any{"A": strconv.Itoa(years[i]), "B": strconv.Itoa(years[j])}))
		default:
			for k := i; k <= j; k++ {
				parts = append(parts, strconv.Itoa(years[k]))
			}
		}
		i = j + 1
	}
	return strings.Join(parts, lang.L("、"))
}

// startEffect says what a new 建账月份 leaves to record, each group of
// members with its own months (model.StartEffectText): "" when nothing.
func startEffect(gaps []model.RecordGap) string {
	if len(gaps) == 0 {
		return ""
	}
	return kit.Say(model.StartEffectText(gaps)) + lang.L("。")
}

// dropsEffect says whose arrears a later 建账月份 takes off, which months
// and how much: "" when none.
func dropsEffect(drops []model.DroppedArrear) string {
	if len(drops) == 0 {
		return ""
	}
	return lang.N("{{.N}}名党员的欠交将不再计算：{{.List}}。", len(drops),
		map[string]any{"N": len(drops), "List": arrearsList(drops)})
}

// arrearsList names the members of ds with their months and amounts, the
// most months first — the one whose art. 9 finding changes must not be
// left in "etc." (review s8-8 #5) — six at most, then how many in all.
func arrearsList(ds []model.DroppedArrear) string {
	const shown = 6
	ds = slices.Clone(ds)
	slices.SortStableFunc(ds, func(a, b model.DroppedArrear) int { return b.Months - a.Months })
	parts := make([]string, 0, shown)
	for _, d := range ds[:min(shown, len(ds))] {
		parts = append(parts, lang.N("{{.Name}}（{{.Months}}，{{.N}}个月，{{.Amount}}元）", d.Months,
			map[string]any{"Name": d.Name, "Months": monthRangeText(d.From, d.To), "N": d.Months, "Amount": d.Amount.String()}))
	}
	return moreList(parts, len(ds))
}

// member is the member id on the roster the window holds.
func (b *duesBases) member(id int64) (model.Member, bool) {
	for _, m := range b.d.sh.members {
		if m.ID == id {
			return m, true
		}
	}
	return model.Member{}, false
}

// startEffects are what a new 建账月份 does, a sentence a line: months
// left to record, arrears it takes off, arrears it adds.
func startEffects(gaps []model.RecordGap, drops, adds []model.DroppedArrear) string {
	var lines []string
	for _, l := range []string{startEffect(gaps), dropsEffect(drops), addsEffect(adds)} {
		if l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// addsEffect says whose arrears an earlier 建账月份 adds, which months and
// how much, the most months first: "" when none.
func addsEffect(adds []model.DroppedArrear) string {
	if len(adds) == 0 {
		return ""
	}
	return lang.N("{{.N}}名党员将计为欠交：{{.List}}。", len(adds),
		map[string]any{"N": len(adds), "List": arrearsList(adds)})
}

// moreList joins the parts shown in the UI language's way, saying how
// many there are in all when not every one is shown: "张伟、王芳等（共8人）",
// "Zhang, Wang and others (8 in all)".
func moreList(parts []string, all int) string {
	list := strings.Join(parts, lang.L("、"))
	if all > len(parts) {
		return lang.L("{{.List}}等（共{{.N}}人）", map[string]any{"List": list, "N": all})
	}
	return list
}
