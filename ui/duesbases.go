package ui

import (
	"errors"
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

// duesBases is the 基数 tab: the month the ledger begins (建账月份), and the
// year's bases set in one sitting, a row per member with the category, the
// base and the amount it gives, live, and the member's opening position
// (党费已交至). Rows can be ticked and given a category, base or opening
// position together (为所选党员设置). The rows are real entries in a
// scrolling page (not a recycling list), so Tab moves from one to the next;
// a page holds basesPage members.
type duesBases struct {
	d       *duesScreen
	content fyne.CanvasObject
	// built: the page's rows have been made. They are made when the tab
	// is first shown: 50 rows of entries and choices took most of the 党费
	// screen's first opening, on its 收缴 tab, where they are not seen.
	built bool

	rows []baseRow
	page int
	// adjustMenu is a row's 年中调整/减免 menu last opened, for tests.
	adjustMenu *fyne.Menu
	body       *fyne.Container
	pager      *widget.Label
	prev       *widget.Button
	next       *widget.Button
	msg        *kit.WrapLabel
	// refusal is the whole sentence of a refused base under the grid: the
	// row shows it on one line, cut, so that the rows below keep still.
	refusal *kit.WrapLabel

	saveButton  *widget.Button
	start       model.Month // 建账月份, 0 before the first base
	ledger      *kit.WrapLabel
	startButton *widget.Button
	bulk        *widget.Button
	selected    *widget.Label
	unsaved     *widget.Label // how many rows are edited and not saved

	// entries of the page shown, for tests
	entries    []*kit.Entry
	selects    []*kit.Select
	ticks      []*widget.Check
	pageAll    *widget.Check
	change     *baseChangeDialog
	bulkDlg    *bulkDialog // the 为所选党员设置 dialog last opened, for tests
	startDlg   *kit.Form   // the 建账月份 dialog last opened, and its entry, for tests
	startEntry *kit.Entry
	// startEffect says what the month typed would leave to record
	startEffect *kit.WrapLabel
}

const basesPage = 50

// baseRow is one member's base as being edited.
type baseRow struct {
	name    string
	shown   string           // the name as the row shows it: marked once the member left
	changes []model.DuesBase // changes during the year, earliest first
	base    model.DuesBase
	text    string // the base as typed
	stored  bool   // the year has a base for the member
	changed bool
	// opening is the member's 党费已交至, 0 if none; openingChanged when
	// set here and not saved yet.
	opening        model.Month
	openingChanged bool
	selected       bool
}

func newDuesBases(d *duesScreen) *duesBases {
	b := &duesBases{d: d}
	b.body = container.NewVBox()
	b.pager = widget.NewLabel("")
	b.prev = widget.NewButton(lang.L("上一页"), func() { b.page--; b.showPage() })
	b.next = widget.NewButton(lang.L("下一页"), func() { b.page++; b.showPage() })
	b.msg = newMessage()
	b.refusal = newMessage()
	b.refusal.SizeName = theme.SizeNameText
	b.saveButton = widget.NewButton(lang.L("保存"), b.submit)
	b.saveButton.Importance = widget.HighImportance
	hint := kit.NewWrapLabel(lang.L("每年年初按上年月工资收入确定基数，全年一般不变（工资调整的，用“年中调整”从新工资起算的月份改）；农民党员填支部确定的每月金额，学生等按定额的不填。"))
	b.ledger = kit.NewWrapLabel("")
	b.startButton = widget.NewButton(lang.L("修改建账月份…"), b.editStart)
	b.bulk = widget.NewButton(lang.L("为所选党员设置…"), b.editSelected)
	b.selected = widget.NewLabel("")
	b.unsaved = widget.NewLabel("")
	b.unsaved.Importance = widget.WarningImportance
	ledger := container.NewBorder(nil, nil, nil, b.startButton, b.ledger)
	bar := container.NewBorder(nil, nil, container.NewHBox(b.prev, b.pager, b.next), container.NewHBox(b.unsaved, b.selected, b.bulk, b.saveButton))
	top := container.NewVBox(ledger, hint, bar, b.msg)
	// The refusal sits under the grid: when it shows, the grid's bottom
	// edge moves up, not its rows.
	b.content = container.NewBorder(top, b.refusal, nil, nil, kit.NewScroll(b.body))
	return b
}

// showLedger says from which month the ledger is kept and what that means.
func (b *duesBases) showLedger() {
	if b.start == 0 {
		b.ledger.SetText(lang.L("建账月份：尚未开始。保存第一批基数时定为当月；此前的月份不计欠交。已在纸质台账上交过的，在“党费已交至”中登记。"))
		return
	}
	b.ledger.SetText(lang.L("建账月份：{{.M}}。此前的月份不计欠交；建账前已交过党费的党员，在“党费已交至”中登记交到的月份（勾选后点“为所选党员设置”）。",
		map[string]any{"M": monthText(b.start)}))
}

func (b *duesBases) refresh() {
	bases, err := b.d.sh.svc.Dues.DuesBases(b.d.year)
	if err != nil {
		b.d.sh.showError("读取党费基数", err)
		return
	}
	openings, err := b.d.sh.svc.Dues.DuesOpenings()
	if err != nil {
		b.d.sh.showError("读取党费已交至", err)
		return
	}
	if b.start, err = b.d.sh.svc.Dues.DuesLedgerStart(); err != nil {
		b.d.sh.showError("读取建账月份", err)
		return
	}
	b.showLedger()
	byMember := make(map[int64]model.DuesBase, len(bases))
	for _, x := range bases {
		byMember[x.MemberID] = x
	}
	// Edits not saved yet survive a reload of the same year (a payment
	// recorded in 收缴 reloads every tab): typed bases are not thrown away
	// behind the user's back.
	edited := map[int64]baseRow{}
	for _, r := range b.rows {
		if (r.changed || r.openingChanged) && r.base.Year == b.d.year {
			edited[r.base.MemberID] = r
		}
	}
	rows := make([]baseRow, 0, len(b.d.reg.Rows))
	for _, r := range b.d.reg.Rows {
		x, ok := byMember[r.MemberID]
		if !ok {
			x = model.DuesBase{MemberID: r.MemberID, Year: b.d.year}
		}
		row := baseRow{name: r.Name, shown: registerName(&r), base: x, stored: ok, changes: r.Changes, opening: openings[r.MemberID]}
		if ok && x.Category.HasBase() || x.Category == model.DuesFarmer {
			row.text = x.Base.String()
		}
		if e, ok := edited[r.MemberID]; ok {
			if e.changed {
				row.base, row.text, row.changed = e.base, e.text, true
			}
			if e.openingChanged {
				row.opening, row.openingChanged = e.opening, true
			}
		}
		rows = append(rows, row)
	}
	b.rows = rows
	b.page = min(b.page, max(0, (len(b.rows)-1)/basesPage))
	setMessage(b.msg, "")
	b.showPage()
}

// show makes the page's rows, once the tab is shown.
func (b *duesBases) show() {
	if !b.built {
		b.built = true
		b.showPage()
	}
}

func (b *duesBases) showPage() {
	if !b.built {
		return
	}
	pages := max(1, (len(b.rows)+basesPage-1)/basesPage)
	b.pager.SetText(lang.L("第 {{.P}} / {{.N}} 页", map[string]any{"P": b.page + 1, "N": pages}))
	setEnabled(b.prev, b.page > 0)
	setEnabled(b.next, b.page < pages-1)
	b.body.RemoveAll()
	b.entries, b.selects, b.ticks = b.entries[:0], b.selects[:0], b.ticks[:0]
	start := b.page * basesPage
	end := min(start+basesPage, len(b.rows))
	b.pageAll = widget.NewCheck("", func(on bool) {
		for i := start; i < end; i++ {
			b.rows[i].selected = on
		}
		for _, t := range b.ticks {
			t.SetChecked(on)
		}
		b.showSelected()
	})
	all := start < end
	for i := start; i < end; i++ {
		all = all && b.rows[i].selected
	}
	b.pageAll.Checked = all
	head := []fyne.CanvasObject{bold(model.HeadName), bold("缴纳类别"), bold("计算基数（元）"), bold(model.HeadMonthly)}
	b.body.Add(container.NewBorder(nil, nil, container.NewHBox(b.pageAll, baseCells(head...)), nil, bold("依据")))
	for i := start; i < end; i++ {
		b.body.Add(b.rowView(i))
	}
	b.body.Refresh()
	b.showSelected()
	b.showRefusal()
}

// showRefusal puts the whole sentence of the first refused base under the
// grid, with the name, and how many more rows are refused; nothing when
// every typed base is accepted.
func (b *duesBases) showRefusal() {
	var first string
	n := 0
	for i := range b.rows {
		row := &b.rows[i]
		if !row.changed || row.base.Category == "" || needsBase(row) {
			continue
		}
		if _, _, err := b.compute(row); err != nil {
			if n == 0 {
				first = row.name + lang.L("：") + kit.SayErr(err)
			}
			n++
		}
	}
	if n > 1 {
		first += lang.N("（另有 {{.N}} 人的计算基数需更正）", n-1, map[string]any{"N": n - 1})
	}
	setMessage(b.refusal, first)
}

// showSelected counts the ticked rows and enables 为所选党员设置.
func (b *duesBases) showSelected() {
	n := 0
	for i := range b.rows {
		if b.rows[i].selected {
			n++
		}
	}
	b.selected.SetText(lang.L("已选 {{.N}} 人", map[string]any{"N": n}))
	setEnabled(b.bulk, n > 0)
	b.showUnsaved()
}

// showUnsaved says how many rows hold edits not saved yet.
func (b *duesBases) showUnsaved() {
	n := 0
	for i := range b.rows {
		if b.rows[i].changed || b.rows[i].openingChanged {
			n++
		}
	}
	if n == 0 {
		b.unsaved.SetText("")
		return
	}
	b.unsaved.SetText(lang.N("{{.N}} 人的修改尚未保存", n, map[string]any{"N": n}))
}

// baseColumns are the widths of the grid's fixed columns, in Chinese
// characters: name, category, base, monthly amount. The rule takes the rest
// of the row, so the grid fits a 1024-pixel window in either language.
var baseColumns = []float32{5, 6.5, 6, 5}

// baseCells lays out the fixed columns of the grid, so the headings stand
// over their entries.
func baseCells(objs ...fyne.CanvasObject) *fyne.Container {
	cells := make([]fyne.CanvasObject, len(objs))
	for i, o := range objs {
		strut := canvas.NewRectangle(color.Transparent)
		strut.SetMinSize(fyne.NewSize(baseColumnWidth(i), 0))
		cells[i] = container.NewStack(strut, o)
	}
	return container.NewHBox(cells...)
}

// baseColumnWidth is the width of the grid's fixed column i; the
// category's is never narrower than its longest choice in the UI language
// with the select's arrow (English "Self-employed" showed "Self-em…":
// review s6-8 newuser #4).
func baseColumnWidth(i int) float32 {
	unit := fyne.MeasureText("党", theme.TextSize(), fyne.TextStyle{}).Width
	w := baseColumns[i]*unit + 2*theme.InnerPadding()
	if i == 1 {
		for _, c := range model.DuesCategories {
			w = max(w, selectWidth(lang.L(string(c))))
		}
	}
	return w
}

// selectWidth is the width a drop-down needs to show text whole: the text
// (kit.WordsWidth, with its padding), the arrow and its padding.
func selectWidth(text string) float32 {
	return kit.TextWidth(fyne.TextStyle{}, text) + theme.IconInlineSize() + 2*theme.InnerPadding()
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
	// Cut to its column by kit.SetCellText: Fyne's own ellipsis shaped
	// every name afresh, half a second for the 25 rows of a page.
	name := widget.NewLabel("")
	kit.SetCellText(name, row.shown, baseColumnWidth(0))
	amount := widget.NewLabel("")
	rule := kit.NewWrapLabel("")
	rule.Truncation = fyne.TextTruncateOff
	entry := kit.NewEntry()
	entry.SetPlaceHolder(lang.L("元"))
	entry.SetText(row.text)
	cat := kit.NewChoice(selectOptions(model.DuesCategories...), nil)
	if row.base.Category != "" {
		cat.SetValue(string(row.base.Category))
	}
	// 年中调整 and 减免 behind one button: two buttons on every row left
	// the rule about 120 px at 1024 in English, wrapped to 4–5 lines
	// (review s6-look #17).
	adjust := widget.NewButton(lang.L("调整…"), nil)
	adjust.OnTapped = func() {
		change := fyne.NewMenuItem(lang.L("年中调整…"), func() { b.editChange(i) })
		change.Disabled = !row.stored // a base not yet saved has no year to change in
		reduce := fyne.NewMenuItem(lang.L("减免…"), func() { b.editReduction(i) })
		b.adjustMenu = fyne.NewMenu("", change, reduce)
		widget.ShowPopUpMenuAtRelativePosition(b.adjustMenu, fyne.CurrentApp().Driver().CanvasForObject(adjust),
			fyne.NewPos(0, adjust.Size().Height), adjust)
	}
	tick := widget.NewCheck("", func(on bool) { row.selected = on; b.showSelected() })
	tick.Checked = row.selected
	show := func() {
		rule.Wrapping, rule.Truncation = fyne.TextWrapWord, fyne.TextTruncateOff
		a, r, err := b.compute(row)
		defer func() {
			if row.opening != 0 {
				rule.SetText(rule.Text + lang.L("；党费已交至{{.M}}", map[string]any{"M": monthText(row.opening)}))
			}
		}()
		switch {
		case row.base.Category == "":
			amount.SetText("")
			rule.SetText(lang.L("未填"))
			rule.Importance = widget.WarningImportance
		case needsBase(row):
			amount.SetText("")
			rule.SetText(lang.L("缺基数：请填写计算基数（每月收入）"))
			rule.Importance = widget.WarningImportance
		case err != nil:
			// One line, cut: a message that wrapped made the row taller
			// and moved every row below while typing (review s3-8
			// attack #6); the rule's own text may wrap, it changes only
			// with the category or the band. The whole sentence shows
			// under the grid (showRefusal).
			amount.SetText("")
			rule.Wrapping, rule.Truncation = fyne.TextWrapOff, fyne.TextTruncateEllipsis
			rule.SetText(kit.SayErr(err))
			rule.Importance = widget.DangerImportance
		default:
			amount.SetText(a.String())
			rule.SetText(kit.Say(r))
			rule.Importance = widget.MediumImportance
			for _, c := range row.changes {
				rule.SetText(rule.Text + lang.L("；") + kit.Say(c.Change(model.CurrentDuesRules())))
			}
		}
		setEnabled(entry, row.base.Category == "" || row.base.Category.HasBase() || row.base.Category == model.DuesFarmer)
		rule.Refresh()
	}
	// An edit makes a message about the last save out of date.
	entry.OnChanged = func(s string) {
		row.text, row.changed = s, true
		setMessage(b.msg, "")
		show()
		b.showUnsaved()
		b.showRefusal()
	}
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
		b.showUnsaved()
		b.showRefusal()
	}
	show()
	b.entries = append(b.entries, entry)
	b.selects = append(b.selects, cat)
	b.ticks = append(b.ticks, tick)
	// Top-aligned: a rule that wraps makes the row taller, not the inputs.
	return container.NewBorder(nil, nil, container.NewVBox(container.NewHBox(tick, baseCells(name, cat, entry, amount))),
		container.NewVBox(adjust), container.New(&keepHeight{}, rule))
}

// keepHeight lays out its objects over its whole area and never asks for
// less height than it once did: a row whose rule wrapped to three lines at
// 1024 px keeps them while a one-line message stands in, so the rows
// below do not move up and back under the pointer as a base is typed.
type keepHeight struct{ tallest, width float32 }

func (k *keepHeight) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		s = s.Max(o.MinSize())
	}
	k.tallest = max(k.tallest, s.Height)
	return fyne.NewSize(s.Width, k.tallest)
}

func (k *keepHeight) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if size.Width != k.width {
		// A new width wraps the text anew: its height is found again.
		k.width, k.tallest = size.Width, 0
	}
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// compute reads the typed base and applies the rules to the row.
func (b *duesBases) compute(row *baseRow) (model.Money, model.Text, error) {
	base, err := b.parse(row)
	if err != nil {
		return 0, model.Text{}, err
	}
	x := row.base
	x.Base = base
	return x.Rule(model.CurrentDuesRules())
}

func (b *duesBases) parse(row *baseRow) (model.Money, error) {
	if strings.TrimSpace(row.text) == "" {
		return 0, nil
	}
	return model.ParseMoney(row.text)
}

// submit saves every changed row, bases and opening positions, in one
// transaction.
func (b *duesBases) submit() {
	w, err := b.save(model.SourceDuesGrid)
	switch {
	case err != nil:
		setMessage(b.msg, kit.SayErr(err))
	case w.any():
		setMessage(b.msg, w.message())
	}
}

// waitingRows are the edited rows a save left out, each still waiting for
// what it lacks, and whether anything was saved.
type waitingRows struct {
	base     []string // given a category computed from a base, no base typed
	category []string // given a base, no category chosen yet
	saved    bool
}

func (w waitingRows) any() bool { return len(w.base)+len(w.category) > 0 }

// message says who still waits for what, and whether the rest was saved:
// the rows keep what was filled in as edits of the page.
func (w waitingRows) message() string {
	var parts []string
	if len(w.base) > 0 {
		if w.saved {
			parts = append(parts, lang.L("已保存。以下 {{.N}} 人尚未填写计算基数，仍为缺基数（缴纳类别已选，填好基数后再保存）：{{.Names}}",
				map[string]any{"N": len(w.base), "Names": nameList(w.base)}))
		} else {
			parts = append(parts, lang.L("以下 {{.N}} 人的缴纳类别已填入、尚未保存，还须填写计算基数，填好后再保存：{{.Names}}",
				map[string]any{"N": len(w.base), "Names": nameList(w.base)}))
		}
	}
	if len(w.category) > 0 {
		if w.saved && len(w.base) == 0 {
			parts = append(parts, lang.L("已保存。"))
		}
		parts = append(parts, lang.L("以下 {{.N}} 人的计算基数已填入、尚未保存，还须选择缴纳类别，选好后再保存：{{.Names}}",
			map[string]any{"N": len(w.category), "Names": nameList(w.category)}))
	}
	return strings.Join(parts, "\n")
}

// nameList is up to ten names and 等 for more.
func nameList(names []string) string {
	if len(names) > 10 {
		return strings.Join(names[:10], lang.L("、")) + lang.L("等")
	}
	return strings.Join(names, lang.L("、"))
}

// needsBase reports a row given a category that is computed from a base,
// with no base typed: it stays 缺基数 and is not saved (a base of 0 would
// make the member owe nothing without anyone approving it).
func needsBase(row *baseRow) bool {
	return row.base.Category.HasBase() && strings.TrimSpace(row.text) == ""
}

// save saves the changed rows with source; nothing changed is an error
// saying so. Rows waiting for a base (needsBase) are left out and stay
// edited; waiting names them.
func (b *duesBases) save(source string) (w waitingRows, err error) {
	var out []model.DuesBase
	var openings []model.DuesOpening
	saved := map[int]bool{}
	for i := range b.rows {
		row := &b.rows[i]
		if row.openingChanged {
			openings = append(openings, model.DuesOpening{MemberID: row.base.MemberID, PaidTo: row.opening})
		}
		if !row.changed {
			continue
		}
		if row.base.Category == "" {
			if strings.TrimSpace(row.text) != "" {
				w.category = append(w.category, row.name)
			}
			continue
		}
		if needsBase(row) {
			w.base = append(w.base, row.name)
			continue
		}
		base, err := b.parse(row)
		if err != nil {
			return waitingRows{}, fmt.Errorf("%s：%s", row.name, kit.SayErr(err))
		}
		x := row.base
		x.Base = base
		out = append(out, x)
		saved[i] = true
	}
	if len(out) == 0 && len(openings) == 0 {
		switch {
		case source == model.SourceBulkBases && w.any():
			// 为所选党员设置 a category alone for members without a
			// base (or a base alone for members without a category)
			// fills their rows, which wait for the rest: it was
			// refused, and nothing was filled in (issue 8, ui13 #3).
			return w, nil
		case len(w.base) > 0:
			return waitingRows{}, errors.New(lang.L("请填写计算基数：{{.Names}}", map[string]any{"Names": nameList(w.base)}))
		case len(w.category) > 0:
			return waitingRows{}, errors.New(lang.L("请选择缴纳类别：{{.Names}}", map[string]any{"Names": nameList(w.category)}))
		}
		return waitingRows{}, errors.New(lang.L("没有修改。"))
	}
	if err := b.d.sh.svc.Dues.SaveDuesSetup(b.d.year, out, openings, source); err != nil {
		return waitingRows{}, err
	}
	w.saved = true
	for i := range b.rows {
		b.rows[i].openingChanged = false
		if r := &b.rows[i]; saved[i] || !needsBase(r) && !needsCategory(r) {
			r.changed = false
		}
	}
	b.d.changed()
	return w, nil
}

// needsCategory reports a row given a base and no category: it is not
// saved until a category says how the base counts.
func needsCategory(row *baseRow) bool {
	return row.base.Category == "" && strings.TrimSpace(row.text) != ""
}

// dirty reports whether a row holds a base, category, reduction or opening
// position not saved yet.
func (b *duesBases) dirty() bool {
	for i := range b.rows {
		if b.rows[i].changed || b.rows[i].openingChanged {
			return true
		}
	}
	return false
}

// forget drops the edits not saved (after saving them, or to discard
// them); the next refresh shows what is stored.
func (b *duesBases) forget() {
	for i := range b.rows {
		b.rows[i].changed, b.rows[i].openingChanged = false, false
	}
}

// discard throws the unsaved edits away and shows what is stored.
func (b *duesBases) discard() {
	b.forget()
	b.refresh()
}

// editReduction sets a reduction (减交) or waiver's approval: the branch
// decides on application and the upper committee approves, so both the
// reason and the approval are required.
func (b *duesBases) editReduction(i int) *kit.FormDialog {
	row := &b.rows[i]
	form := kit.NewForm("确定")
	form.Ask = b.d.sh.confirmDiscard
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
			return kit.SayErr(err)
		}
		return ""
	})
	reasonF := form.Add("原因", reason)
	approvalF := form.Add("批准情况", approval)
	// The rules of the base page, checked in the dialog when a field is
	// left or 确定 pressed, each under its field: they were said only when
	// the page was saved, one at a time, in a line that pushed the table
	// down (review s7-8 attack #16).
	form.Check = func(report func(*kit.Field, string)) {
		if !reduced.Checked {
			return
		}
		x := row.base
		x.Reduced, x.Reason, x.Approval = true, reason.Text, approval.Text
		a, err := model.ParseMoney(amount.Text)
		if err == nil {
			x.ReducedAmount = a
		}
		switch {
		case strings.TrimSpace(reason.Text) == "":
			report(reasonF, lang.L("请填写减交的原因"))
		case strings.TrimSpace(approval.Text) == "":
			report(approvalF, lang.L("请填写批准情况（哪一级党组织何时批准）"))
		}
		if err != nil || strings.TrimSpace(amount.Text) == "" {
			return
		}
		normal := row.base
		normal.Reduced = false
		if full, _, ferr := normal.Monthly(model.CurrentDuesRules()); ferr == nil && a >= full {
			report(amountF, lang.L("减交后每月应少于按规定应交的 {{.Full}} 元", map[string]any{"Full": full.String()}))
		}
	}
	form.Load(func() {
		reduced.SetChecked(row.base.Reduced)
		if row.base.Reduced {
			amount.SetText(row.base.ReducedAmount.String())
		}
		reason.SetText(row.base.Reason)
		approval.SetText(row.base.Approval)
	})
	note := kit.NewWrapLabel(lang.L("免交请把缴纳类别选为“免交”，并在这里填写批准情况。"))
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
	return dlg
}

// editChange sets a new base from a month of the year (年中调整), when new
// pay starts; the months before keep the year's amount.
func (b *duesBases) editChange(i int) {
	row := &b.rows[i]
	var months []string
	for m := 2; m <= 12; m++ {
		// "Mar", as the grid beside it says, not "Month 3" (review s14-attack8 #23).
		months = append(months, monthName(m))
	}
	form := kit.NewForm("保存调整")
	form.Ask = b.d.sh.confirmDiscard
	from := kit.NewSelect(months, nil)
	cat := kit.NewChoice(selectOptions(model.DuesCategories...), nil)
	base := kit.NewEntry()
	base.SetPlaceHolder(lang.L("元"))
	result := kit.NewWrapLabel("")
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
			report(baseF, kit.SayErr(err))
			result.SetText("")
			return
		}
		// The whole rule, as saving applies it (a base of 0 for 在职 is
		// refused here, in the UI's language, not after 保存 in Chinese:
		// review s5-8 attack #8).
		if _, _, err := x.Monthly(model.CurrentDuesRules()); err != nil {
			report(baseF, kit.SayErr(err))
			result.SetText("")
			return
		}
		if err := x.Validate(model.CurrentDuesRules()); err != nil {
			report(baseF, kit.SayErr(err))
			result.SetText("")
			return
		}
		result.SetText(kit.Say(x.Change(model.CurrentDuesRules())))
	}
	form.Load(func() {
		from.SetSelectedIndex(max(0, int(b.d.sh.svc.today().Month)-2))
		cat.SetValue(string(row.base.Category))
	})
	note := kit.NewWrapLabel(lang.L("新的基数从所选月份起适用，此前各月仍按原基数。"))
	var dlg *kit.FormDialog
	form.OnSubmit = func() {
		x, _ := read()
		if err := b.d.sh.svc.Dues.SaveDuesBaseChange(x, model.SourceDuesGrid); err != nil {
			form.SetError(kit.SayErr(err))
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
	save *kit.Button
	form *kit.Form
}
