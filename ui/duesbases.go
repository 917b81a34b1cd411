package ui

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
)

// duesBases is the 基数 tab: the year's bases set in one sitting, a row per
// member with the category, the base and the amount it gives, live. The
// rows are real entries in a scrolling page (not a recycling list), so Tab
// moves from one to the next; a page holds basesPage members.
type duesBases struct {
	d       *duesScreen
	content fyne.CanvasObject

	rows  []baseRow
	page  int
	body  *fyne.Container
	pager *widget.Label
	prev  *widget.Button
	next  *widget.Button
	msg   *widget.Label
	save  *widget.Button
	// entries of the page shown, for tests
	entries []*widget.Entry
	selects []*widget.Select
	change  *baseChangeDialog
}

const basesPage = 50

// baseRow is one member's base as being edited.
type baseRow struct {
	name    string
	changes []model.DuesBase // changes during the year, earliest first
	base    model.DuesBase
	text    string // the base as typed
	stored  bool   // the year has a base for the member
	changed bool
}

func newDuesBases(d *duesScreen) *duesBases {
	b := &duesBases{d: d}
	b.body = container.NewVBox()
	b.pager = widget.NewLabel("")
	b.prev = widget.NewButton(lang.L("上一页"), func() { b.page--; b.showPage() })
	b.next = widget.NewButton(lang.L("下一页"), func() { b.page++; b.showPage() })
	b.msg = newMessage()
	b.save = widget.NewButton(lang.L("保存基数"), b.submit)
	b.save.Importance = widget.HighImportance
	hint := widget.NewLabel(lang.L("每年年初按上年月工资收入确定基数，全年一般不变（工资调整的，用“年中调整”从新工资起算的月份改）；农民党员填支部确定的每月金额，学生等按定额的不填。"))
	hint.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(hint, container.NewBorder(nil, nil, container.NewHBox(b.prev, b.pager, b.next), b.save), b.msg)
	b.content = container.NewBorder(top, nil, nil, nil, container.NewVScroll(b.body))
	return b
}

func (b *duesBases) refresh() {
	bases, err := b.d.sh.svc.Dues.DuesBases(b.d.year)
	if err != nil {
		b.d.sh.showError("读取党费基数", err)
		return
	}
	byMember := make(map[int64]model.DuesBase, len(bases))
	for _, x := range bases {
		byMember[x.MemberID] = x
	}
	b.rows = b.rows[:0]
	for _, r := range b.d.reg.Rows {
		x, ok := byMember[r.MemberID]
		if !ok {
			x = model.DuesBase{MemberID: r.MemberID, Year: b.d.year}
		}
		row := baseRow{name: r.Name, base: x, stored: ok, changes: r.Changes}
		if ok && x.Category.HasBase() || x.Category == model.DuesFarmer {
			row.text = x.Base.String()
		}
		b.rows = append(b.rows, row)
	}
	b.page = min(b.page, max(0, (len(b.rows)-1)/basesPage))
	setMessage(b.msg, "")
	b.showPage()
}

func (b *duesBases) showPage() {
	pages := max(1, (len(b.rows)+basesPage-1)/basesPage)
	b.pager.SetText(lang.L("第 {{.P}} / {{.N}} 页", map[string]any{"P": b.page + 1, "N": pages}))
	setEnabled(b.prev, b.page > 0)
	setEnabled(b.next, b.page < pages-1)
	b.body.RemoveAll()
	b.entries, b.selects = b.entries[:0], b.selects[:0]
	head := []fyne.CanvasObject{bold(model.HeadName), bold("缴纳类别"), bold("计算基数（元）"), bold(model.HeadMonthly), bold("依据")}
	b.body.Add(container.NewBorder(nil, nil, baseCells(head[:4]...), nil, head[4]))
	start := b.page * basesPage
	for i := start; i < min(start+basesPage, len(b.rows)); i++ {
		b.body.Add(b.rowView(i))
	}
	b.body.Refresh()
}

// baseCells lays out the fixed columns of the grid, each of the same
// width, so the headings stand over their entries.
func baseCells(objs ...fyne.CanvasObject) *fyne.Container {
	width := 10 * fyne.MeasureText("党", theme.TextSize(), fyne.TextStyle{}).Width
	cells := make([]fyne.CanvasObject, len(objs))
	for i, o := range objs {
		strut := canvas.NewRectangle(color.Transparent)
		strut.SetMinSize(fyne.NewSize(width, 0))
		cells[i] = container.NewStack(strut, o)
	}
	return container.NewGridWithColumns(len(cells), cells...)
}

func bold(text string) *widget.Label {
	l := widget.NewLabel(lang.L(text))
	l.TextStyle.Bold = true
	return l
}

// rowView is one member's editable row; every change updates the row's
// amount and rule at once.
func (b *duesBases) rowView(i int) fyne.CanvasObject {
	row := &b.rows[i]
	name := widget.NewLabel(row.name)
	amount := widget.NewLabel("")
	rule := widget.NewLabel("")
	rule.Truncation = fyne.TextTruncateEllipsis
	entry := widget.NewEntry()
	entry.SetPlaceHolder(lang.L("元"))
	entry.SetText(row.text)
	cat := widget.NewSelect(selectOptions(model.DuesCategories...), nil)
	if row.base.Category != "" {
		cat.SetSelected(string(row.base.Category))
	}
	reduce := widget.NewButton(lang.L("减免…"), func() { b.editReduction(i) })
	change := widget.NewButton(lang.L("年中调整…"), func() { b.editChange(i) })
	setEnabled(change, row.stored)
	show := func() {
		a, r, err := b.compute(row)
		switch {
		case row.base.Category == "":
			amount.SetText("")
			rule.SetText(lang.L("未填"))
			rule.Importance = widget.WarningImportance
		case err != nil:
			amount.SetText("")
			rule.SetText(strings.TrimPrefix(err.Error(), model.ErrDues.Error()+"："))
			rule.Importance = widget.DangerImportance
		default:
			amount.SetText(a.String())
			rule.SetText(r)
			rule.Importance = widget.MediumImportance
			for _, c := range row.changes {
				rule.SetText(rule.Text + "；" + c.ChangeText(model.CurrentDuesRules()))
			}
		}
		setEnabled(entry, row.base.Category == "" || row.base.Category.HasBase() || row.base.Category == model.DuesFarmer)
		rule.Refresh()
	}
	entry.OnChanged = func(s string) { row.text, row.changed = s, true; show() }
	cat.OnChanged = func(s string) {
		if model.DuesCategory(s) != row.base.Category {
			row.base.Category, row.changed = model.DuesCategory(s), true
			if !row.base.Category.HasBase() && row.base.Category != model.DuesFarmer {
				row.text = ""
				entry.SetText("")
			}
		}
		show()
	}
	show()
	b.entries = append(b.entries, entry)
	b.selects = append(b.selects, cat)
	return container.NewBorder(nil, nil, baseCells(name, cat, entry, amount), container.NewHBox(change, reduce), rule)
}

// compute reads the typed base and applies the rules to the row.
func (b *duesBases) compute(row *baseRow) (model.Money, string, error) {
	base, err := b.parse(row)
	if err != nil {
		return 0, "", err
	}
	x := row.base
	x.Base = base
	return x.Monthly(model.CurrentDuesRules())
}

func (b *duesBases) parse(row *baseRow) (model.Money, error) {
	if strings.TrimSpace(row.text) == "" {
		return 0, nil
	}
	m, err := model.ParseMoney(row.text)
	if err != nil {
		return 0, fmt.Errorf("%w：%s", model.ErrDues, err.Error())
	}
	return m, nil
}

// submit saves every changed row in one transaction.
func (b *duesBases) submit() {
	var out []model.DuesBase
	for i := range b.rows {
		row := &b.rows[i]
		if !row.changed || row.base.Category == "" {
			continue
		}
		base, err := b.parse(row)
		if err != nil {
			setMessage(b.msg, row.name+"："+strings.TrimPrefix(err.Error(), model.ErrDues.Error()+"："))
			return
		}
		x := row.base
		x.Base = base
		out = append(out, x)
	}
	if len(out) == 0 {
		setMessage(b.msg, lang.L("没有修改。"))
		return
	}
	if err := b.d.sh.svc.Dues.SaveDuesBases(b.d.year, out, model.SourceDuesGrid); err != nil {
		setMessage(b.msg, err.Error())
		return
	}
	b.d.changed()
}

// editReduction sets a reduction (减交) or waiver's approval: the branch
// decides on application and the upper committee approves, so both the
// reason and the approval are required.
func (b *duesBases) editReduction(i int) {
	row := &b.rows[i]
	reduced := widget.NewCheck(lang.L("经批准减交"), nil)
	reduced.SetChecked(row.base.Reduced)
	amount := widget.NewEntry()
	if row.base.Reduced {
		amount.SetText(row.base.ReducedAmount.String())
	}
	reason := widget.NewEntry()
	reason.SetText(row.base.Reason)
	approval := widget.NewEntry()
	approval.SetText(row.base.Approval)
	approval.SetPlaceHolder(lang.L("如：某某党委 2026-01-05 批复"))
	form := formColumns(1, []*formCell{
		newCell("减交", reduced), newCell("减交后每月", amount), newCell("原因", reason), newCell("批准情况", approval),
	})
	note := widget.NewLabel(lang.L("免交请把缴纳类别选为“免交”，并在这里填写批准情况。"))
	note.Wrapping = fyne.TextWrapWord
	dialog.ShowCustomConfirm(lang.L("减交或免交：")+row.name, lang.L("确定"), lang.L("取消"), container.NewVBox(note, form), func(ok bool) {
		if !ok {
			return
		}
		a, err := model.ParseMoney(amount.Text)
		if reduced.Checked && err != nil {
			setMessage(b.msg, row.name+"："+err.Error())
			return
		}
		row.base.Reduced, row.base.ReducedAmount = reduced.Checked, a
		row.base.Reason, row.base.Approval = reason.Text, approval.Text
		row.changed = true
		b.showPage()
	}, b.d.sh.win)
}

// editChange sets a new base from a month of the year (年中调整), when new
// pay starts; the months before keep the year's amount.
func (b *duesBases) editChange(i int) {
	row := &b.rows[i]
	var months []string
	for m := 2; m <= 12; m++ {
		months = append(months, lang.L("{{.M}}月", map[string]any{"M": m}))
	}
	from := widget.NewSelect(months, nil)
	from.SetSelectedIndex(int(b.d.sh.svc.today().Month) - 2)
	cat := widget.NewSelect(selectOptions(model.DuesCategories...), nil)
	cat.SetSelected(string(row.base.Category))
	base := widget.NewEntry()
	base.SetPlaceHolder(lang.L("元"))
	result := widget.NewLabel("")
	result.Wrapping = fyne.TextWrapWord
	read := func() (model.DuesBase, error) {
		x := model.DuesBase{MemberID: row.base.MemberID, Year: b.d.year, From: time.Month(from.SelectedIndex() + 2), Category: model.DuesCategory(cat.Selected)}
		v, err := model.ParseMoney(base.Text)
		if strings.TrimSpace(base.Text) == "" {
			v, err = 0, nil
		}
		x.Base = v
		return x, err
	}
	show := func() {
		x, err := read()
		if err == nil {
			_, _, err = x.Monthly(model.CurrentDuesRules())
		}
		if err != nil {
			result.SetText(err.Error())
			return
		}
		result.SetText(x.ChangeText(model.CurrentDuesRules()))
	}
	from.OnChanged = func(string) { show() }
	cat.OnChanged = func(string) { show() }
	base.OnChanged = func(string) { show() }
	show()
	msg := newMessage()
	note := widget.NewLabel(lang.L("新的基数从所选月份起适用，此前各月仍按原基数。"))
	note.Wrapping = fyne.TextWrapWord
	form := formColumns(1, []*formCell{newCell("起始月份", from), newCell("缴纳类别", cat), newCell("计算基数", base)})
	var dlg fyneDialog
	save := widget.NewButton(lang.L("保存调整"), func() {
		x, err := read()
		if err != nil {
			setMessage(msg, err.Error())
			return
		}
		if err := b.d.sh.svc.Dues.SaveDuesBaseChange(x, model.SourceDuesGrid); err != nil {
			setMessage(msg, err.Error())
			return
		}
		dlg.Hide()
		b.d.changed()
	})
	save.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("取消"), func() { dlg.Hide() })
	body := container.NewVBox(note, form, result, msg, container.NewBorder(nil, nil, nil, container.NewHBox(cancel, save)))
	dlg = showCustom(b.d.sh, lang.L("年中调整基数：")+row.name, body, fyne.NewSize(480, 0))
	b.change = &baseChangeDialog{from: from, base: base, save: save, msg: msg}
}

// baseChangeDialog is the parts of the last 年中调整 dialog, for tests.
type baseChangeDialog struct {
	from *widget.Select
	base *widget.Entry
	save *widget.Button
	msg  *widget.Label
}
