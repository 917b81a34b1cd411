package ui

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
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
	entries []*kit.Entry
	selects []*kit.Select
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
	head := []fyne.CanvasObject{bold(model.HeadName), bold("缴纳类别"), bold("计算基数（元）"), bold(model.HeadMonthly)}
	b.body.Add(container.NewBorder(nil, nil, baseCells(head...), nil, bold("依据")))
	start := b.page * basesPage
	for i := start; i < min(start+basesPage, len(b.rows)); i++ {
		b.body.Add(b.rowView(i))
	}
	b.body.Refresh()
}

// baseColumns are the widths of the grid's fixed columns, in Chinese
// characters: name, category, base, monthly amount. The rule takes the rest
// of the row, so the grid fits a 1024-pixel window in either language.
var baseColumns = []float32{5, 6.5, 6, 5}

// baseCells lays out the fixed columns of the grid, so the headings stand
// over their entries.
func baseCells(objs ...fyne.CanvasObject) *fyne.Container {
	unit := fyne.MeasureText("党", theme.TextSize(), fyne.TextStyle{}).Width
	cells := make([]fyne.CanvasObject, len(objs))
	for i, o := range objs {
		strut := canvas.NewRectangle(color.Transparent)
		strut.SetMinSize(fyne.NewSize(baseColumns[i]*unit+2*theme.InnerPadding(), 0))
		cells[i] = container.NewStack(strut, o)
	}
	return container.NewHBox(cells...)
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
	name.Truncation = fyne.TextTruncateEllipsis
	rule.Wrapping = fyne.TextWrapWord
	rule.Truncation = fyne.TextTruncateOff
	entry := kit.NewEntry()
	entry.SetPlaceHolder(lang.L("元"))
	entry.SetText(row.text)
	cat := kit.NewChoice(selectOptions(model.DuesCategories...), nil)
	if row.base.Category != "" {
		cat.SetValue(string(row.base.Category))
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
	// An edit makes a message about the last save out of date.
	entry.OnChanged = func(s string) { row.text, row.changed = s, true; setMessage(b.msg, ""); show() }
	cat.OnChanged = func(string) {
		if v := model.DuesCategory(cat.Value()); v != row.base.Category {
			row.base.Category, row.changed = v, true
			setMessage(b.msg, "")
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
	form := kit.NewForm("确定")
	form.Ask = b.d.sh.confirm
	reduced := kit.NewCheck(lang.L("经批准减交"), nil)
	amount := kit.NewEntry()
	amount.SetPlaceHolder(lang.L("元"))
	reason := kit.NewEntry()
	approval := kit.NewEntry()
	approval.SetPlaceHolder(lang.L("如：某某党委 2026-01-05 批复"))
	reducedF := form.Add("减交", reduced)
	amountF := form.Add("减交后每月", amount).Validate(func(s string) string {
		if !reduced.Checked {
			return ""
		}
		if _, err := model.ParseMoney(s); err != nil {
			return err.Error()
		}
		return ""
	})
	reasonF := form.Add("原因", reason)
	approvalF := form.Add("批准情况", approval)
	form.Load(func() {
		reduced.SetChecked(row.base.Reduced)
		if row.base.Reduced {
			amount.SetText(row.base.ReducedAmount.String())
		}
		reason.SetText(row.base.Reason)
		approval.SetText(row.base.Approval)
	})
	note := widget.NewLabel(lang.L("免交请把缴纳类别选为“免交”，并在这里填写批准情况。"))
	note.Wrapping = fyne.TextWrapWord
	var dlg *kit.FormDialog
	form.OnSubmit = func() {
		a, _ := model.ParseMoney(amount.Text)
		row.base.Reduced, row.base.ReducedAmount = reduced.Checked, a
		row.base.Reason, row.base.Approval = reason.Text, approval.Text
		row.changed = true
		dlg.Hide()
		b.showPage()
	}
	body := container.NewVBox(note, form.Grid(1, reducedF, amountF, reasonF, approvalF))
	dlg = kit.ShowForm(b.d.sh.win, lang.L("减交或免交：")+row.name, form, body, fyne.NewSize(560, 420))
}

// editChange sets a new base from a month of the year (年中调整), when new
// pay starts; the months before keep the year's amount.
func (b *duesBases) editChange(i int) {
	row := &b.rows[i]
	var months []string
	for m := 2; m <= 12; m++ {
		months = append(months, lang.L("{{.M}}月", map[string]any{"M": m}))
	}
	form := kit.NewForm("保存调整")
	form.Ask = b.d.sh.confirm
	from := kit.NewSelect(months, nil)
	cat := kit.NewChoice(selectOptions(model.DuesCategories...), nil)
	base := kit.NewEntry()
	base.SetPlaceHolder(lang.L("元"))
	result := widget.NewLabel("")
	result.Wrapping = fyne.TextWrapWord
	read := func() (model.DuesBase, error) {
		x := model.DuesBase{MemberID: row.base.MemberID, Year: b.d.year, From: time.Month(from.SelectedIndex() + 2), Category: model.DuesCategory(cat.Value())}
		v, err := model.ParseMoney(base.Text)
		if strings.TrimSpace(base.Text) == "" {
			v, err = 0, nil
		}
		x.Base = v
		return x, err
	}
	fromF := form.Add("起始月份", from)
	catF := form.Add("缴纳类别", cat)
	baseF := form.Add("计算基数", base)
	form.Check = func(report func(*kit.Field, string)) {
		x, err := read()
		if err != nil {
			report(baseF, err.Error())
			result.SetText("")
			return
		}
		if _, _, err := x.Monthly(model.CurrentDuesRules()); err != nil {
			report(baseF, strings.TrimPrefix(err.Error(), model.ErrDues.Error()+"："))
			result.SetText("")
			return
		}
		result.SetText(x.ChangeText(model.CurrentDuesRules()))
	}
	form.Load(func() {
		from.SetSelectedIndex(max(0, int(b.d.sh.svc.today().Month)-2))
		cat.SetValue(string(row.base.Category))
	})
	note := widget.NewLabel(lang.L("新的基数从所选月份起适用，此前各月仍按原基数。"))
	note.Wrapping = fyne.TextWrapWord
	var dlg *kit.FormDialog
	form.OnSubmit = func() {
		x, _ := read()
		if err := b.d.sh.svc.Dues.SaveDuesBaseChange(x, model.SourceDuesGrid); err != nil {
			form.SetError(err.Error())
			return
		}
		dlg.Hide()
		b.d.changed()
	}
	body := container.NewVBox(note, form.Grid(1, fromF, catF, baseF), result)
	dlg = kit.ShowForm(b.d.sh.win, lang.L("年中调整基数：")+row.name, form, body, fyne.NewSize(520, 400))
	b.change = &baseChangeDialog{from: from, base: base, save: form.Save, form: form}
}

// baseChangeDialog is the parts of the last 年中调整 dialog, for tests.
type baseChangeDialog struct {
	from *kit.Select
	base *kit.Entry
	save *widget.Button
	form *kit.Form
}
