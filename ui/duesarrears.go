package ui

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// duesArrears is the 欠缴 tab: members behind, longest consecutive run
// first, with the 党章 art. 9 levels.
type duesArrears struct {
	d       *duesScreen
	content fyne.CanvasObject
	list    []model.Arrear
	table   *widget.Table
	summary *kit.WrapLabel
}

// arrearsColumns fit a 1024-pixel window in English too, whose headings
// widen the first five: the note wraps in the width left (review s5-8
// attack #3: at 24 characters its right part lay past the window's edge).
var arrearsColumns = []textColumn{
	{title: "姓名", chars: 5}, {title: "欠缴月数", chars: 4}, {title: "金额（元）", chars: 6},
	{title: "连续未交", chars: 4}, {title: "起始", chars: 6}, {title: "提示", chars: 16, wrap: true},
}

func newDuesArrears(d *duesScreen) *duesArrears {
	a := &duesArrears{d: d}
	a.table = newTextTable(arrearsColumns, func() int { return len(a.list) }, a.cell)
	a.table.OnSelected = func(id widget.TableCellID) {
		a.table.UnselectAll()
		for _, r := range d.reg.Rows {
			if r.MemberID == a.list[id.Row].MemberID {
				d.collect.payment = newPaymentDialog(d, r, -1)
				return
			}
		}
	}
	a.summary = kit.NewWrapLabel("")
	a.content = container.NewBorder(a.summary, nil, nil, nil, a.table)
	return a
}

func (a *duesArrears) cell(row, col int) string {
	x := a.list[row]
	c := a.d.sh.rules.Constitution
	switch col {
	case 0:
		return x.Name
	case 1:
		return strconv.Itoa(x.Months)
	case 2:
		s := x.Amount.String()
		if x.Unknown > 0 {
			s += "+?"
		}
		return s
	case 3:
		if x.Streak == 0 {
			// Paid last month: no run now, not "0" (review s9-8 #5).
			return ""
		}
		return strconv.Itoa(x.Streak)
	case 4:
		if x.Streak == 0 {
			return ""
		}
		// Jun 2026 in English, 2026年6月 in Chinese: not 2026-06
		// (review s9-8 #10).
		return monthText(x.Since)
	}
	switch x.Severity {
	case model.Serious:
		return lang.L("连续{{.N}}个月未交党费：按党章第九条应视为自行脱党，请支部及时谈话、按规定处理", map[string]any{"N": c.LapseMonths})
	case model.Warning:
		if x.Streak < c.WarnMonths {
			// An earlier run, paid since: the months to collect.
			return lang.L("{{.Months}}曾连续{{.N}}个月未交，此后已有交纳，请提醒补交",
				map[string]any{"Months": monthRangeText(x.EarlierFrom, x.EarlierTo), "N": x.Earlier})
		}
		return lang.L("连续{{.N}}个月以上未交，请提醒并谈话", map[string]any{"N": c.WarnMonths})
	}
	if x.Unknown > 0 {
		return lang.L("有月份缺基数，金额未定")
	}
	return ""
}

// refresh shows the arrears the shell works out once per data change (see
// checks); the tab listens for them and says so while they are being worked
// out again, keeping the list it had.
func (a *duesArrears) refresh() {
	c := a.d.sh.checks
	switch {
	case c == nil || a.d.sh.checking():
		a.summary.SetText(lang.L("正在检查…"))
		return
	case c.arrearsFailed:
		a.list = nil
		a.summary.SetText(lang.L("欠缴党费未能计算，请稍后重试。"))
		a.table.Refresh()
		return
	}
	list := c.arrears
	a.list = list
	var warn, serious int
	for _, x := range list {
		switch x.Severity {
		case model.Warning:
			warn++
		case model.Serious:
			serious++
		}
	}
	if len(list) == 0 {
		a.summary.SetText(lang.L("没有欠缴党费的党员。"))
	} else {
		a.summary.SetText(lang.N("{{.N}} 人欠缴党费（截至上月）：{{.S}} 人连续{{.L}}个月以上未交（严重），{{.W}} 人连续{{.M}}个月以上（提醒）。点击一行登记补交。", len(list),
			map[string]any{"N": len(list), "S": serious, "L": a.d.sh.rules.Constitution.LapseMonths, "W": warn, "M": a.d.sh.rules.Constitution.WarnMonths}))
	}
	a.table.Refresh()
	fitRows(a.table, arrearsColumns, len(a.list), a.cell)
}

// duesRemit is the 上缴 tab: the year by quarter (collected and remitted),
// the balance held, the remittances, and a form to record one.
type duesRemit struct {
	d       *duesScreen
	content fyne.CanvasObject

	bal      model.DuesBalance
	list     []model.Remittance
	quarters *widget.Table
	table    *widget.Table
	held     *widget.Label

	form            *kit.Form
	quarter         *kit.Select
	date            *kit.DateEntry
	amount, receipt *kit.Entry
	dateF, amountF  *kit.Field
	save            *kit.Button

	selected int            // the remittance chosen in the list, -1 if none
	reverse  *widget.Button // 冲正 of the chosen remittance
	reversal *reversalDialog
}

var quarterColumns = []textColumn{{title: "季度", chars: 5}, {title: "收缴（元）", chars: 7}, {title: "上缴（元）", chars: 7}}
var remitColumns = []textColumn{{title: "上缴日期", chars: 6}, {title: "季度", chars: 4}, {title: "金额（元）", chars: 5}, {title: "收据号", chars: 6},
	{title: "状态", chars: 5, wrap: true}}
var quarterNames = []string{"第一季度", "第二季度", "第三季度", "第四季度"}

func newDuesRemit(d *duesScreen) *duesRemit {
	r := &duesRemit{d: d, selected: -1}
	r.quarters = newTextTable(quarterColumns, func() int { return 4 }, func(row, col int) string {
		q := r.bal.Quarters[row]
		return []string{lang.L(quarterNames[row]), q.Collected.String(), q.Remitted.String()}[col]
	})
	r.table = newTextTable(remitColumns, func() int { return len(r.list) }, r.cell)
	r.table.OnSelected = func(id widget.TableCellID) {
		r.selected = id.Row
		setEnabled(r.reverse, id.Row >= 0 && id.Row < len(r.list) && r.list[id.Row].Reversal == nil)
	}
	r.reverse = widget.NewButton(lang.L("冲正所选上缴…"), r.askReverse)
	r.reverse.Disable()
	r.held = heading("")
	r.form = kit.NewForm("登记上缴")
	r.form.OnSubmit = r.submit
	r.save = r.form.Save
	r.quarter = kit.NewSelect(langAll(quarterNames), nil)
	r.date = newDateEntry(d.sh)
	r.amount = kit.NewEntry()
	r.amount.SetPlaceHolder(lang.L("元"))
	r.receipt = kit.NewEntry()
	quarterF := r.form.Add("季度", r.quarter)
	r.dateF = r.form.Add("上缴日期", r.date).Validate(func(s string) string {
		if _, err := model.ParseDate(s); err != nil {
			return kit.SayErr(err)
		}
		if strings.TrimSpace(s) == "" {
			return lang.L("请填写上缴日期")
		}
		return ""
	})
	r.amountF = r.form.Add("金额", r.amount).Validate(func(s string) string {
		if _, err := model.ParseMoney(s); err != nil {
			return kit.SayErr(err)
		}
		return ""
	})
	receiptF := r.form.Add("收据号", r.receipt)
	form := r.form.Grid(1, quarterF, r.dateF, r.amountF, receiptF)
	hint := kit.NewWrapLabel(lang.L("上缴登记有误时，点选该笔后冲正，再重新登记。"))
	list := container.NewBorder(nil, container.NewBorder(nil, nil, nil, r.reverse, hint), nil, nil, r.table)
	left := container.NewBorder(r.held, nil, nil, nil, container.NewGridWithRows(2, r.quarters, list))
	right := container.NewVBox(heading("登记上缴"), form, r.form.Buttons())
	// The form takes the width its fields need, the lists the rest: halved,
	// at 1024×700 the list cut 状态 and the 冲正所选上缴… button (issue 8).
	strut := canvas.NewRectangle(color.Transparent)
	strut.SetMinSize(fyne.NewSize(remitFormWidth, 0))
	r.content = container.NewBorder(nil, nil, nil, container.NewStack(strut, right), left)
	return r
}

// remitFormWidth is the width of the 登记上缴 form beside the lists.
const remitFormWidth = 290

func langAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = lang.L(s)
	}
	return out
}

func (r *duesRemit) refresh() {
	bal, err := r.d.sh.svc.Dues.DuesBalance(r.d.year)
	if err != nil {
		r.d.sh.showError("计算党费结存", err)
		return
	}
	list, err := r.d.sh.svc.Dues.Remittances(r.d.year)
	if err != nil {
		r.d.sh.showError("读取党费上缴记录", err)
		return
	}
	r.bal, r.list = bal, list
	r.held.SetText(lang.L("支部结存 {{.H}} 元", map[string]any{"H": bal.Held.String()}))
	if !r.form.Dirty() {
		r.reset()
	}
	r.quarters.Refresh()
	r.selected = -1
	r.table.UnselectAll()
	r.reverse.Disable()
	r.table.Refresh()
	fitRows(r.table, remitColumns, len(r.list), r.cell)
}

// reset empties the 登记上缴 form: this quarter, today, nothing typed.
func (r *duesRemit) reset() {
	today := r.d.sh.svc.today()
	r.form.Load(func() {
		r.quarter.SetSelectedIndex((int(today.Month) - 1) / 3)
		r.date.SetDate(today)
		r.amount.SetText("")
		r.receipt.SetText("")
	})
}

// cell is the remittance list's text: a reversed remittance stays listed
// with its reversal.
func (r *duesRemit) cell(row, col int) string {
	x := r.list[row]
	// Every remittance says whether it counts (状态 was blank but for a
	// reversed one, issue 8).
	state := lang.L("有效")
	if x.Reversal != nil {
		state = lang.L("已冲正") + lang.L("：") + x.Reversal.Reason
	}
	return []string{x.Date.String(), lang.L(quarterNames[x.Quarter-1]), x.Amount.String(), x.Receipt, state}[col]
}

// askReverse voids the chosen remittance (冲正) after asking why.
func (r *duesRemit) askReverse() {
	if r.selected < 0 || r.selected >= len(r.list) {
		return
	}
	x := r.list[r.selected]
	what := lang.L("{{.D}} 上缴{{.Q}} {{.A}} 元", map[string]any{"D": x.Date.String(), "Q": lang.L(quarterNames[x.Quarter-1]), "A": x.Amount.String()})
	r.reversal = newReversalDialog(r.d.sh, what, "冲正后，这笔上缴不再计入，支部结存相应增加。",
		func(reason string) error {
			_, err := r.d.sh.svc.Dues.ReverseRemittance(x.ID, reason)
			return err
		}, r.d.changed)
}

func (r *duesRemit) submit() {
	date, _ := r.date.Date()
	amount, _ := model.ParseMoney(r.amount.Text)
	rm := model.Remittance{Year: r.d.year, Quarter: r.quarter.SelectedIndex() + 1, Date: date, Amount: amount, Receipt: r.receipt.Text}
	if _, err := r.d.sh.svc.Dues.AddRemittance(rm); err != nil {
		r.form.SetError(kit.SayErr(err))
		return
	}
	r.form.Load(func() {
		r.amount.SetText("")
		r.receipt.SetText("")
	})
	r.d.changed()
}
