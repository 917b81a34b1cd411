package ui

import (
	"fmt"
	"image"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// monthLook is how the collection grid shows a month's state: a background
// colour and a word, so that the states differ on a black-and-white screen
// too (and for colour-blind users).
type monthLook struct {
	bg   color.Color
	word string // "" shows the amount
}

var monthLooks = map[model.MonthState]monthLook{
	model.MonthPaid:        {color.NRGBA{R: 0xd4, G: 0xed, B: 0xda, A: 0xff}, ""},
	model.MonthDue:         {color.Transparent, "待交"},
	model.MonthOverdue:     {color.NRGBA{R: 0xf8, G: 0xd0, B: 0xd0, A: 0xff}, "欠交"},
	model.MonthNotOwed:     {color.NRGBA{R: 0xe6, G: 0xe6, B: 0xe6, A: 0xff}, "—"},
	model.MonthBaseMissing: {color.NRGBA{R: 0xfc, G: 0xe8, B: 0xc8, A: 0xff}, "缺基数"},
	model.MonthExempt:      {color.NRGBA{R: 0xe6, G: 0xe6, B: 0xe6, A: 0xff}, "免交"},
	// Before the ledger nothing is owed: grey like 不需交, with its word.
	model.MonthBeforeLedger: {color.NRGBA{R: 0xee, G: 0xee, B: 0xee, A: 0xff}, "建账前"},
	model.MonthPaidOpening:  {color.NRGBA{R: 0xe4, G: 0xf2, B: 0xe8, A: 0xff}, "已交"},
	// Months the app never saw: pale yellow, a task, not a fault.
	model.MonthToRecord: {color.NRGBA{R: 0xfa, G: 0xf3, B: 0xd2, A: 0xff}, "待补录"},
}

// legendOrder is the legend, left to right.
var legendOrder = []struct {
	state model.MonthState
	label string
}{
	{model.MonthPaid, "已交（金额）"},
	{model.MonthDue, "待交（未到期）"},
	{model.MonthOverdue, "欠交（已到期未交）"},
	{model.MonthBaseMissing, "缺基数（金额未定）"},
	{model.MonthNotOwed, "不需交（入党前、到本支部前或离开后）"},
	{model.MonthExempt, "免交"},
	{model.MonthBeforeLedger, "建账前（不计欠交）"},
	{model.MonthPaidOpening, "已交（党费已交至：建账前或在他处交纳）"},
	{model.MonthToRecord, "待补录（开始用本软件前未登记，不计欠交）"},
}

// registerName is a register row's name, marked for a member who has left
// the roster (杨磊（已转出 11-30）): they stay in the year's register for
// the months they owed, and a bare name among those on the roster reads as
// one more member who owes (review s3-8 newuser #16).
func registerName(r *model.RegisterRow) string {
	if r.LeftBy == "" {
		return r.Name
	}
	return lang.L("{{.Name}}（已{{.Event}} {{.Date}}）", map[string]any{"Name": r.Name, "Event": lang.L(string(r.LeftBy)),
		"Date": fmt.Sprintf("%02d-%02d", int(r.LeftOn.Month), r.LeftOn.Day)})
}

// duesCollect is the 收缴 tab: members × 12 months. Clicking a member's row
// opens the payment dialog.
type duesCollect struct {
	d       *duesScreen
	content fyne.CanvasObject
	table   *kit.StickyTable
	totals  *kit.WrapLabel
	payment *paymentDialog // the dialog last opened, for tests

	shownYear   int // the year the grid was last scrolled for
	scrollToNow func()
	// month and year are the widths the months and 全年实交 need;
	// atEnd: the grid opens at its end, 全年实交 in view (FillWhole).
	month, year float32
	atEnd       bool
	// scrolled says the months do not all fit and the grid scrolls.
	scrolled *kit.WrapLabel
}

// Columns of the grid: name, monthly amount, the months, year paid.
const collectLead = 2

func newDuesCollect(d *duesScreen) *duesCollect {
	c := &duesCollect{d: d}
	// The names and amounts stay in view when the months scroll: twelve
	// months do not fit beside them at 1024 px (nor in English at 1366).
	c.table = kit.NewStickyTable(collectLead,
		func() (int, int) { return len(d.reg.Rows), collectLead + 12 + 1 },
		func() fyne.CanvasObject {
			return container.NewStack(newCellFill(), widget.NewLabel(""))
		},
		c.update)
	c.table.SetHeader(func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.TextStyle.Bold = true
		return l
	}, func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(c.heading(id.Col))
	})
	c.table.OnSelected = func(id widget.TableCellID) {
		c.table.UnselectAll()
		if id.Row < 0 || id.Row >= len(d.reg.Rows) {
			return
		}
		month := -1
		if k := id.Col - collectLead; k >= 0 && k < 12 {
			month = k
		}
		c.payment = newPaymentDialog(d, d.reg.Rows[id.Row], month)
	}
	c.sizeColumns()
	grid, scroll := newFittingTable(c.table, c.fill, c.nowCell)
	c.scrollToNow = scroll

	// Broken by the Chinese rules: Fyne's split 已到期应交11673.10元
	// between its digits at 1024 px.
	c.totals = kit.NewWrapLabel("")
	c.totals.Keep = []string{"收缴率"}
	hint := kit.NewWrapLabel(lang.L("点击党员所在的行登记交纳。"))
	c.scrolled = kit.NewWrapLabel(lang.L("表格可左右滚动，查看其他月份。"))
	c.scrolled.Hide()
	c.content = container.NewBorder(container.NewVBox(monthLegend(), container.NewGridWithColumns(2, container.NewVBox(hint, c.scrolled), c.totals)), nil, nil, nil, grid)
	return c
}

// newCellFill is a grid cell's background colour, set with setCellFill.
//
// It is a one-pixel image stretched over the cell, not a canvas.Rectangle:
// the coloured month cells are most of what the 党费 screen paints, and in
// 兼容模式 (Mesa's softpipe, every pixel shaded on the CPU) Fyne's
// rectangle shader costs about twice a plain texture per pixel (measured
// here: 0.8 against 0.5 µs a pixel). The cells look the same.
func newCellFill() *canvas.Image {
	img := canvas.NewImageFromImage(nil)
	img.FillMode = canvas.ImageFillStretch
	img.ScaleMode = canvas.ImageScalePixels
	img.Hide()
	return img
}

// setCellFill colours the cell with c; transparent hides the fill, which is
// then not drawn at all.
func setCellFill(img *canvas.Image, c color.Color) {
	if c == color.Transparent {
		img.Hide()
		return
	}
	px := fillImage(c)
	if img.Image != px {
		img.Image = px
		img.Refresh()
	}
	img.Show()
}

// fillImages are the one-pixel images of the colours used, shared by the
// cells (UI goroutine only).
var fillImages = map[color.Color]*image.NRGBA{}

func fillImage(c color.Color) *image.NRGBA {
	px, ok := fillImages[c]
	if !ok {
		px = image.NewNRGBA(image.Rect(0, 0, 1, 1))
		px.Set(0, 0, c)
		fillImages[c] = px
	}
	return px
}

// monthLegend explains the colours and words of the month cells, in three
// columns with wrapped labels: in one row it forced the window wider than a
// 1024-pixel screen, in English more so.
func monthLegend() fyne.CanvasObject {
	var legend []fyne.CanvasObject
	for _, l := range legendOrder {
		swatch := canvas.NewRectangle(monthLooks[l.state].bg)
		swatch.StrokeColor, swatch.StrokeWidth = color.Gray{Y: 0x99}, 1
		swatch.SetMinSize(fyne.NewSize(18, 18))
		// A WrapLabel: Fyne's wrapping left "）" alone on a line at 1024 px.
		label := kit.NewWrapLabel(lang.L(l.label))
		label.Keep = []string{"离开后）"}
		legend = append(legend, container.NewBorder(nil, nil, container.NewCenter(swatch), nil, label))
	}
	return container.NewGridWithColumns(3, legend...)
}

// sizeColumns makes each column as wide as its heading and the words its
// cells show in the UI language (English "Overdue" is wider than 欠交), and
// never narrower than the amounts: columns must not run into each other.
// Only the words and amounts this year's grid shows are measured, the
// amounts as wide as the widest: room for 99999.99 and for every state's
// word ("Pre-ledger") in twelve columns pushed 1月 and 2月 out of a 1240 px
// window when December was brought into view (issue 8, ui13 #2).
func (c *duesCollect) sizeColumns() {
	unit := fyne.MeasureText("党", theme.TextSize(), fyne.TextStyle{}).Width
	var monthly, month, year model.Money
	shown := map[model.MonthState]bool{}
	for i := range c.d.reg.Rows {
		r := &c.d.reg.Rows[i]
		monthly, year = max(monthly, r.Monthly), max(year, r.YearPaid)
		for _, m := range r.Months {
			month = max(month, m.Amount)
			shown[m.State] = true
		}
	}
	words := []string{digitsLike(month)}
	for state, l := range monthLooks {
		if l.word != "" && shown[state] {
			words = append(words, lang.L(l.word))
		}
	}
	names := []string{c.heading(0)}
	for i := range c.d.reg.Rows {
		if r := &c.d.reg.Rows[i]; r.LeftBy != "" {
			names = append(names, registerName(r))
		}
	}
	c.table.SetColumnWidth(0, min(12*unit, max(5*unit, wordsWidth(names...))))
	c.table.SetColumnWidth(1, max(5*unit, wordsWidth(c.heading(1), lang.L("缺基数"), digitsLike(monthly))))
	c.year = max(5.5*unit, wordsWidth(c.heading(collectLead+12), digitsLike(year)))
	c.month = 0
	for k := range 12 {
		c.month = max(c.month, 4.4*unit, wordsWidth(append(words, c.heading(collectLead+k))...))
	}
	c.fill()
}

// fill sizes the months and 全年实交 to the grid's width: one width, a
// whole number of them in view, so that neither a month nor 全年实交 is
// cut at the window's edge (review s13-look: "全年实" at 1024 px), and
// says when they do not all fit.
func (c *duesCollect) fill() {
	// In view at the end (with 全年实交) is this month, or else the grid
	// opens at January and this month is among the first.
	endMonths := c.table.FillWhole(collectLead, c.month, c.year, true)
	today := c.d.sh.svc.today()
	c.atEnd = today.Year == c.d.reg.Year && int(today.Month) > 12-endMonths
	shown := c.table.FillWhole(collectLead, c.month, c.year, c.atEnd)
	if c.scrolled == nil || c.table.Size().Width <= 0 {
		return
	}
	if shown < 12 || c.atEnd && endMonths < 12 {
		c.scrolled.Show()
	} else {
		c.scrolled.Hide()
	}
}

// digitsLike is an amount as wide as m drawn with its widest digits: a
// column sized by it shows m and every amount with as many digits.
func digitsLike(m model.Money) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '0'
		}
		return r
	}, m.String())
}

func (c *duesCollect) heading(col int) string {
	switch {
	case col == 0:
		return lang.L(model.HeadName)
	case col == 1:
		return lang.L(model.HeadMonthly)
	case col < collectLead+12:
		// "Jan" in English, as on a member's page: "Month 11" made the
		// columns so wide that November was off the window at 1366 px
		// (review s5-8 attack #16).
		return lang.L(monthKeys[col-collectLead])
	}
	return lang.L(model.HeadYearPaid)
}

// cellText is what a grid cell shows, and its state for months.
func (c *duesCollect) cellText(row, col int) (string, model.MonthState, bool) {
	r := &c.d.reg.Rows[row]
	switch {
	case col == 0:
		return registerName(r), 0, false
	case col == 1:
		if !r.HasBase {
			return lang.L("缺基数"), 0, false
		}
		return r.Monthly.String(), 0, false
	case col < collectLead+12:
		m := r.Months[col-collectLead]
		look := monthLooks[m.State]
		if look.word == "" {
			return m.Amount.String(), m.State, true
		}
		return lang.L(look.word), m.State, true
	}
	return r.YearPaid.String(), 0, false
}

func (c *duesCollect) update(id widget.TableCellID, o fyne.CanvasObject) {
	stack := o.(*fyne.Container)
	bg := stack.Objects[0].(*canvas.Image)
	l := stack.Objects[1].(*widget.Label)
	text, state, month := c.cellText(id.Row, id.Col)
	if month {
		setCellFill(bg, monthLooks[state].bg)
		l.Alignment = fyne.TextAlignCenter
	} else {
		setCellFill(bg, color.Transparent)
		l.Alignment = fyne.TextAlignLeading
	}
	l.Importance = widget.MediumImportance
	if state == model.MonthOverdue {
		l.Importance = widget.DangerImportance
	}
	kit.SetCellText(l, text, o.Size().Width)
}

func (c *duesCollect) refresh() {
	reg := &c.d.reg
	totals := lang.N("{{.N}}人应交；全年应交{{.Due}}元，已交{{.Paid}}元", len(reg.Rows),
		map[string]any{"N": len(reg.Rows), "Due": reg.YearDue.String(), "Paid": reg.YearPaid.String()})
	if reg.PaidBeforeLedger > 0 {
		// As the printed summary says it: 已交 above 应交 explained.
		totals += lang.N("（其中{{.A}}元是为建账月份之前的{{.N}}个月交纳的，不计入应交和收缴率）", reg.PaidBeforeLedgerMonths,
			map[string]any{"A": reg.PaidBeforeLedger.String(), "N": reg.PaidBeforeLedgerMonths})
	}
	totals += collectionRateText(reg)
	left := 0
	for i := range reg.Rows {
		if reg.Rows[i].LeftBy != "" {
			left++
		}
	}
	if left > 0 {
		totals += lang.N("（其中 {{.N}} 人已离开本支部，只计在册期间）", left, map[string]any{"N": left})
	}
	c.totals.SetText(totals)
	c.sizeColumns()
	c.table.Refresh()
	if c.shownYear != reg.Year {
		// Only when a year is first shown: a payment saved must not move
		// the grid under the pointer.
		c.shownYear = reg.Year
		c.scrollToNow()
	}
}

// collectionRateText is the 收缴率 as the printed summary says it (the
// share paid of what the recorded months already over owed, months to
// record said apart), after the year's totals: the screen and the sheet
// the upper committee stamps must not disagree (review s9-8 #3,
// s13-newuser #4).
func collectionRateText(reg *model.DuesRegister) string {
	pm, ok := reg.CollectionRate()
	rate := fmt.Sprintf("%d.%d", pm/10, pm%10)
	switch {
	case reg.DueToDate <= 0:
		return lang.L("；尚无到期应交的党费")
	case !ok:
		return lang.L("；已到期应交{{.Due}}元，均为待补录（不计欠交），补录后计算收缴率", map[string]any{"Due": reg.DueToDate.String()})
	case reg.ToRecordDue > 0:
		return lang.L("；已到期应交{{.Due}}元，其中待补录{{.ToRecord}}元（不计欠交，补录后计入）；其余{{.Recorded}}元收缴率{{.Rate}}%",
			map[string]any{"Due": reg.DueToDate.String(), "ToRecord": reg.ToRecordDue.String(), "Recorded": reg.RecordedDue().String(), "Rate": rate})
	}
	return lang.L("；已到期应交{{.Due}}元，收缴率{{.Rate}}%", map[string]any{"Due": reg.DueToDate.String(), "Rate": rate})
}

// nowCell is the cell to bring into view: this month's in the current
// year's grid (January in another year's), so that the month a secretary
// records is on screen whole without scrolling sideways. The table scrolls
// no further than it must (kit.StickyTable.ScrollTo), so January stays in
// view beside it when both fit; aiming at the column after this month's
// scrolled 1月 and 2月 out in December at 1240 px (issue 8, ui13 #2).
func (c *duesCollect) nowCell() widget.TableCellID {
	if today := c.d.sh.svc.today(); today.Year == c.d.reg.Year {
		// 全年实交 when this month is in view with it: in December the
		// view ended inside 全年实交 ("全年实", review s13-look).
		if c.atEnd {
			return widget.TableCellID{Row: 0, Col: collectLead + 12}
		}
		return widget.TableCellID{Row: 0, Col: collectLead + int(today.Month) - 1}
	}
	return widget.TableCellID{Row: 0, Col: collectLead}
}

// paymentDialog records a payment for one member: the date, the months it
// covers (the amount follows them), who paid, the receipt number. Beside
// the form, the member's payments, each with its 冲正 button.
type paymentDialog struct {
	d    *duesScreen
	row  model.RegisterRow
	dlg  *kit.FormDialog
	form *kit.Form

	date                   *kit.DateEntry
	amount, extra          *kit.Entry
	receipt, note          *kit.Entry
	months                 [12]*kit.Check
	payer                  *kit.Select
	payers                 []model.Member
	save                   *kit.Button
	dateF, amountF, extraF *kit.Field
	monthsF                *kit.Field
	rule                   *kit.WrapLabel // the member's dues rule
	// history lists the member's payments, each with its 冲正 button.
	history  *widget.List
	payments []model.DuesPayment
	empty    *widget.Label
	reversal *reversalDialog // the reversal dialog last opened, for tests
	// asOpening records the ticked months, when they are the first months
	// to record in a run, as the member's 党费已交至 instead of a payment:
	// the way for months paid on paper before the 建账月份 (ledgerStart,
	// read once when the dialog opens, 0 when unknown).
	asOpening   *widget.Button
	ledgerStart model.Month
}

func newPaymentDialog(d *duesScreen, row model.RegisterRow, month int) *paymentDialog {
	p := &paymentDialog{d: d, row: row, form: kit.NewForm("登记交纳")}
	if start, err := d.sh.svc.Dues.DuesLedgerStart(); err == nil {
		p.ledgerStart = start
	}
	p.save = p.form.Save
	p.form.Ask = d.sh.confirmDiscard
	p.form.OnSubmit = p.submit
	p.date = newDateEntry(d.sh).NeedDay()
	p.amount = kit.NewEntry()
	p.amount.SetPlaceHolder(lang.L("元"))
	p.extra = kit.NewEntry()
	p.extra.SetPlaceHolder(lang.L("选填，元"))
	p.receipt = kit.NewEntry()
	p.note = kit.NewEntry()

	var checks []fyne.CanvasObject
	for k := range 12 {
		cell := row.Months[k]
		// "Jan" as the register behind the dialog heads its columns, not
		// "Month 1" (review s14-newuser #5).
		ck := kit.NewCheck(monthName(k+1), nil)
		// Enter and Esc work with the focus on a month too.
		p.form.Join(ck)
		switch cell.State {
		case model.MonthPaid, model.MonthNotOwed, model.MonthExempt, model.MonthPaidOpening:
			ck.Disable()
		}
		p.months[k] = ck
		checks = append(checks, ck)
	}

	self := lang.L("本人")
	options := []string{self}
	// The roster the shell already holds: no second read of every member.
	for _, m := range d.sh.members {
		if m.OnRoster && m.ID != row.MemberID {
			p.payers = append(p.payers, m)
			options = append(options, m.Name)
		}
	}
	p.payer = kit.NewSelect(options, nil)

	p.history = widget.NewList(func() int { return len(p.payments) },
		func() fyne.CanvasObject {
			l := kit.NewWrapLabel("")
			return container.NewBorder(nil, nil, nil, widget.NewButton(lang.L("冲正"), nil), l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			x := &p.payments[i]
			c.Objects[0].(*kit.WrapLabel).SetText(paymentText(x))
			b := c.Objects[1].(*widget.Button)
			b.OnTapped = func() { p.reverse(i) }
			setEnabled(b, x.Reversal == nil)
			p.history.SetItemHeight(i, c.MinSize().Height)
		})
	p.empty = widget.NewLabel("")
	p.loadHistory()

	// The rule as the 基数 page says it, in the UI's language (review
	// s7-8 newuser #7: Chinese in the English dialog).
	rule := kit.NewWrapLabel(kit.Say(row.RuleText))
	if row.RuleText.IsZero() {
		rule.SetText(row.Rule)
	}
	p.rule = rule
	if !row.HasBase {
		rule.SetText(lang.L("尚未填写本年基数，请先在“基数”中填写。"))
		rule.Importance = widget.WarningImportance
	}
	p.asOpening = widget.NewButton("", p.saveOpening)
	p.asOpening.Hide()
	p.dateF = p.form.Add("交纳日期", p.date)
	p.monthsF = p.form.Add("所交月份", container.NewGridWithColumns(4, checks...)).Value(p.monthsText)
	for _, ck := range p.months {
		ck.OnChanged = func(bool) { p.fillAmount(); p.showOpening(); p.form.MarkChanged() }
	}
	p.amountF = p.form.Add("金额", p.amount)
	p.extraF = p.form.Add("自愿多交", p.extra)
	payerF := p.form.Add("交纳人", p.payer)
	receiptF := p.form.Add("收据号", p.receipt)
	noteF := p.form.Add("备注", p.note)
	p.form.Check = p.check
	p.form.Load(func() {
		// A month before the ledger's set-up is recorded after the fact:
		// its date is when it was really paid, which only the secretary
		// knows, so it is left to fill in; otherwise it is paid today.
		if month < 0 || row.Months[month].State != model.MonthToRecord {
			p.date.SetDate(d.sh.svc.today())
		}
		p.payer.SetSelectedIndex(0)
		if month >= 0 && !p.months[month].Disabled() {
			p.months[month].SetChecked(true)
		}
		p.fillAmount()
	})
	if month >= 0 && row.Months[month].State == model.MonthToRecord {
		p.date.SetPlaceHolder(lang.L("补录：填写当时实际交纳的日期"))
	}
	// The button's place is kept while it is hidden: ticking a month that
	// shows it must not narrow the rule line and move the form under the
	// pointer (review s7-8 newuser #8).
	form := container.NewVBox(container.NewBorder(nil, nil, nil, p.openingSlot(), rule),
		p.form.Grid(1, p.dateF, p.monthsF, p.amountF, p.extraF, payerF, receiptF, noteF))
	history := container.NewBorder(container.NewVBox(heading("交纳记录"), p.empty), nil, nil, nil, p.history)
	// The history scrolls by itself beside the form: inside the form's
	// scroll it would not get the wheel.
	body := container.NewHSplit(kit.NewScroll(form), history)
	body.Offset = 0.55
	title := lang.L("{{.Name}} {{.Year}}年党费", map[string]any{"Name": row.Name, "Year": d.year})
	p.dlg = kit.ShowFormUnscrolled(d.sh.win, title, p.form, body, fyne.NewSize(960, 600))
	return p
}

// monthsText is the months ticked, for the dirty check; "" when none is,
// which the line beside 登记交纳 reads as still to fill in.
func (p *paymentDialog) monthsText() string {
	if !slices.ContainsFunc(p.months[:], func(c *kit.Check) bool { return c != nil && c.Checked }) {
		return ""
	}
	var b strings.Builder
	for _, ck := range p.months {
		if ck != nil && ck.Checked {
			b.WriteByte('1')
		} else {
			b.WriteByte('0')
		}
	}
	return b.String()
}

// check reads what can be read before the store decides: the date, the
// money, and that some month is ticked.
func (p *paymentDialog) check(report func(*kit.Field, string)) {
	if !slices.ContainsFunc(p.months[:], func(c *kit.Check) bool { return c != nil && !c.Disabled() }) {
		// Every month paid (or owed nothing): nothing to fill in, and
		// saying 尚需填写：所交月份 sent the secretary looking for a month
		// to tick (look9 #2).
		report(nil, lang.L("{{.Year}}年各月均已交纳或不需交纳，没有需要登记的月份", map[string]any{"Year": p.d.year}))
		return
	}
	if date, err := p.date.Date(); err != nil {
		report(p.dateF, kit.SayErr(err))
	} else if strings.TrimSpace(p.date.Text) == "" {
		report(p.dateF, lang.L("请填写交纳日期"))
	} else if msg := p.dateProblem(date); msg != "" {
		// Said when the field is left, not only by 登记交纳 (review s5-8
		// attack #12: a payment dated next year read as a 补交 problem).
		report(p.dateF, msg)
	} else if err := model.CheckBeforeLedger(date, nil, p.ledgerStart); err != nil {
		report(p.dateF, kit.SayErr(err))
	}
	if !strings.Contains(p.monthsText(), "1") {
		report(p.monthsF, lang.L("请勾选所交月份"))
	} else if date, err := p.date.Date(); err == nil && !date.IsZero() {
		// Beside the disabled 登记交纳, where it is read: the months are
		// ticks, not a field with a message of its own.
		if err := model.CheckBeforeLedger(model.Date{}, p.ticked(), p.ledgerStart); err != nil {
			report(nil, kit.SayErr(err))
		} else if msg := p.backPayProblem(date); msg != "" {
			report(nil, msg)
		}
	}
	if amount, err := model.ParseMoney(p.amount.Text); err != nil {
		report(p.amountF, kit.SayErr(err))
	} else if msg := p.amountProblem(amount); msg != "" {
		// Beside the field when it is left, as 1e9 and 0.001 are, not
		// only in the footer after 登记交纳 (review s13-attack8 #13a).
		report(p.amountF, msg)
	}
	if strings.TrimSpace(p.extra.Text) != "" {
		if _, err := model.ParseMoney(p.extra.Text); err != nil {
			report(p.extraF, kit.SayErr(err))
		}
	}
}

// ticked is the months ticked, in order.
func (p *paymentDialog) ticked() []model.Month {
	var out []model.Month
	for k, ck := range p.months {
		if ck.Checked {
			out = append(out, model.MonthOf(p.d.year, 1)+model.Month(k))
		}
	}
	return out
}

// amountProblem says what is wrong with an amount that reads as money
// (model.CheckPaymentAmount, as 登记交纳 applies it): not positive, or not
// the dues of the months ticked when the dialog knows them all (a base for
// each, none exempt); "" when nothing.
func (p *paymentDialog) amountProblem(amount model.Money) string {
	if amount <= 0 {
		return kit.SayErr(model.CheckPaymentAmount(amount, 0, 0))
	}
	var due model.Money
	n := 0
	for k, ck := range p.months {
		if !ck.Checked {
			continue
		}
		if !p.row.HasBase || p.row.Months[k].State == model.MonthBaseMissing || p.row.Due[k] == 0 {
			return "" // the store says what is missing
		}
		due += p.row.Due[k]
		n++
	}
	if n == 0 {
		return ""
	}
	if err := model.CheckPaymentAmount(amount, due, n); err != nil {
		return kit.SayErr(err)
	}
	return ""
}

// dateProblem says what is wrong with a payment date by itself
// (model.CheckPaymentDate, as 登记交纳 applies it); "" when nothing.
func (p *paymentDialog) dateProblem(date model.Date) string {
	var member model.Member // unknown: no join date to check against
	for _, m := range p.d.sh.members {
		if m.ID == p.row.MemberID {
			member = m
			break
		}
	}
	if err := model.CheckPaymentDate(date, p.d.sh.svc.today(), &member); err != nil {
		return kit.SayErr(err)
	}
	return ""
}

// backPayProblem says why the ticked months cannot be paid on date — the
// earliest is further back than back-payment (补交) goes — and where such
// months belong; "" when they can.
func (p *paymentDialog) backPayProblem(date model.Date) string {
	r := model.CurrentDuesRules()
	limit := model.MonthOfDate(date) - model.Month(r.BackPayMonths)
	for k, ck := range p.months {
		mo := model.MonthOf(p.d.year, 1) + model.Month(k)
		if !ck.Checked || mo >= limit {
			continue
		}
		if _, ok := p.openingMonth(); ok {
			return lang.L("{{.M}} 距交纳日期超过 {{.N}} 个月，不能作为补交登记。建账前已在纸质台账交过的，点右上方的“登记为党费已交至”；如是当时已交、现在补录，请把交纳日期改为实际交纳的日期。",
				map[string]any{"M": monthText(mo), "N": r.BackPayMonths})
		}
		return lang.L("{{.M}} 距交纳日期超过 {{.N}} 个月，不能作为补交登记。如是当时已交、现在补录，请把交纳日期改为实际交纳的日期；建账前已交过的，在“党费 → 基数”中登记其“党费已交至”。",
			map[string]any{"M": monthText(mo), "N": r.BackPayMonths})
	}
	return ""
}

// openingMonth is the month the ticked months would make the member's
// 党费已交至: when they are all months to record (待补录), in one run,
// and no month to record or owed comes before the run in the year. ok is
// false otherwise.
func (p *paymentDialog) openingMonth() (model.Month, bool) {
	first, last := -1, -1
	for k, ck := range p.months {
		if ck.Checked {
			if first < 0 {
				first = k
			} else if last != k-1 {
				return 0, false
			}
			last = k
		}
	}
	if first < 0 {
		return 0, false
	}
	for k := 0; k <= last; k++ {
		switch st := p.row.Months[k].State; {
		case k >= first && st != model.MonthToRecord:
			return 0, false
		case k < first && (st == model.MonthToRecord || st == model.MonthOverdue || st == model.MonthBaseMissing):
			return 0, false
		}
	}
	// A 党费已交至 reaches no further than the month before 建账月份: months
	// in the ledger are recorded as payments (review s8-8 #13).
	mo := model.MonthOf(p.d.year, 1) + model.Month(last)
	if p.ledgerStart != 0 && mo >= p.ledgerStart {
		return 0, false
	}
	return mo, true
}

// openingSlot holds asOpening in a place as wide as its widest text (any
// month of the year), shown or not.
func (p *paymentDialog) openingSlot() fyne.CanvasObject {
	var w float32
	b := widget.NewButton("", nil)
	for k := range 12 {
		b.SetText(lang.L("登记为党费已交至{{.M}}", map[string]any{"M": monthText(model.MonthOf(p.d.year, 1) + model.Month(k))}))
		w = max(w, b.MinSize().Width)
	}
	keep := canvas.NewRectangle(color.Transparent)
	keep.SetMinSize(fyne.NewSize(w, b.MinSize().Height))
	return container.NewStack(keep, p.asOpening)
}

// showOpening offers 登记为党费已交至 for the months ticked when they can
// be settled so.
func (p *paymentDialog) showOpening() {
	mo, ok := p.openingMonth()
	if !ok {
		p.asOpening.Hide()
		return
	}
	p.asOpening.SetText(lang.L("登记为党费已交至{{.M}}", map[string]any{"M": monthText(mo)}))
	p.asOpening.Show()
}

// saveOpening records the ticked months as paid before the ledger (the
// member's 党费已交至), not as a payment: money collected on paper before
// the set-up is not this ledger's collection.
func (p *paymentDialog) saveOpening() {
	mo, ok := p.openingMonth()
	if !ok {
		return
	}
	o := []model.DuesOpening{{MemberID: p.row.MemberID, PaidTo: mo}}
	if err := p.d.sh.svc.Dues.SaveDuesSetup(p.d.year, nil, o, model.SourceDuesOpening); err != nil {
		p.form.SetError(kit.SayErr(err))
		return
	}
	p.dlg.Hide()
	p.d.changed()
}

// fillAmount puts the dues of the ticked months in the amount, which the
// secretary may still change (the store refuses an amount that does not
// match).
func (p *paymentDialog) fillAmount() {
	if !p.row.HasBase {
		return
	}
	var sum model.Money
	for k, ck := range p.months {
		if ck.Checked && p.row.Months[k].State != model.MonthBaseMissing {
			sum += p.row.Due[k]
		}
	}
	p.amount.SetText(sum.String())
}

func (p *paymentDialog) loadHistory() {
	ps, err := p.d.sh.svc.Dues.DuesPayments(p.row.MemberID)
	if err != nil {
		p.empty.SetText(err.Error())
		return
	}
	p.payments = ps
	p.empty.SetText("")
	if len(ps) == 0 {
		p.empty.SetText(lang.L("尚无交纳记录。"))
	}
	p.history.Refresh()
}

// reverse asks for the reason and voids payment i (冲正); the register
// behind the dialog is refreshed, and the dialog closes since the months
// it shows have changed.
func (p *paymentDialog) reverse(i int) {
	x := p.payments[i]
	what := p.row.Name + "  " + paymentText(&x)
	p.reversal = newReversalDialog(p.d.sh, what, "冲正后，这笔交纳不再计入收缴和结存，所交月份恢复为未交。",
		func(reason string) error {
			_, err := p.d.sh.svc.Dues.ReverseDuesPayment(x.ID, reason)
			return err
		},
		func() {
			p.dlg.Hide()
			p.d.changed()
		})
}

func (p *paymentDialog) submit() {
	date, _ := p.date.Date()
	amount, _ := model.ParseMoney(p.amount.Text)
	var extra model.Money
	if strings.TrimSpace(p.extra.Text) != "" {
		extra, _ = model.ParseMoney(p.extra.Text)
	}
	pay := model.DuesPayment{MemberID: p.row.MemberID, Date: date, Amount: amount, Extra: extra, Receipt: p.receipt.Text, Note: p.note.Text, Months: p.ticked()}
	if i := p.payer.SelectedIndex(); i > 0 {
		pay.PaidBy = p.payers[i-1].ID
	}
	if _, err := p.d.sh.svc.Dues.RecordDuesPayment(pay); err != nil {
		// The store's refusal (an amount that does not match the months,
		// say) is a sentence about the whole payment; it goes with the
		// next change.
		p.form.SetError(kit.SayErr(err))
		return
	}
	p.dlg.Hide()
	p.d.changed()
}
