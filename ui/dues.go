package ui

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/filedialog"
	"branchledger/ui/kit"
)

// DuesLedger keeps party dues (implemented by *storage.Store).
type DuesLedger interface {
	DuesBases(year int) ([]model.DuesBase, error)
	// SaveDuesBases saves a sitting's bases in one transaction; a refused
	// base, named in the error, saves none.
	SaveDuesBases(year int, bases []model.DuesBase, source string) error
	DuesRegister(year int, today model.Date) (model.DuesRegister, error)
	DuesArrears(today model.Date) ([]model.Arrear, error)
	// RecordDuesPayment returns a model.ErrDues error saying why a payment
	// is refused.
	RecordDuesPayment(p model.DuesPayment) (model.DuesPayment, error)
	DuesPayments(memberID int64) ([]model.DuesPayment, error)
	// ReverseDuesPayment and ReverseRemittance void an entry made by
	// mistake (冲正); the entry stays on record, marked reversed.
	ReverseDuesPayment(paymentID int64, reason string) (model.DuesReversal, error)
	ReverseRemittance(remittanceID int64, reason string) (model.DuesReversal, error)
	// SaveDuesBaseChange sets a member's base from a month of the year.
	SaveDuesBaseChange(b model.DuesBase, source string) error
	// SaveDuesSetup saves bases and opening positions (党费已交至)
	// together, in one transaction; PaidTo 0 clears a member's.
	SaveDuesSetup(year int, bases []model.DuesBase, openings []model.DuesOpening, source string) error
	// DuesLedgerStart is the month the ledger begins (建账月份), 0 before
	// the first base; SetDuesLedgerStart changes it.
	DuesLedgerStart() (model.Month, error)
	SetDuesLedgerStart(start model.Month) error
	// DuesStartPreview is what moving the 建账月份 to start would leave
	// to record (待补录), nothing saved.
	DuesStartPreview(start model.Month) ([]model.RecordGap, error)
	// DuesStartDrops is what moving the 建账月份 later would take off the
	// members' arrears, nothing saved.
	DuesStartDrops(start model.Month) ([]model.DroppedArrear, error)
	// DuesStartPasses is the recorded payments moving the 建账月份 later
	// would leave before it: such a move is refused.
	DuesStartPasses(start model.Month) (model.PassedPayments, error)
	// DuesStartBaseYears is the years whose bases moving the 建账月份 to
	// start would newly ask for, and how many members lack one.
	DuesStartBaseYears(start model.Month) ([]int, int, error)
	// DuesStartAdds is what moving the 建账月份 back would add to the
	// members' arrears, nothing saved.
	DuesStartAdds(start model.Month) ([]model.DroppedArrear, error)
	// DuesOpeningCheck returns the check saving an opening position
	// (党费已交至) applies — before admission, inside the ledger — for a
	// form to say it when the field is left.
	DuesOpeningCheck() (func(m *model.Member, paidTo model.Month) error, error)
	// DuesOpenings are the members' opening positions by member.
	DuesOpenings() (map[int64]model.Month, error)
	// MemberDues is one member's statement for their page.
	MemberDues(memberID int64, today model.Date) (model.MemberDues, error)
	AddRemittance(r model.Remittance) (model.Remittance, error)
	Remittances(year int) ([]model.Remittance, error)
	DuesBalance(year int) (model.DuesBalance, error)
}

// DuesFiles reads bases workbooks and writes the printed register
// (implemented by *duesfile.Service).
type DuesFiles interface {
	PreviewBases(year int, path string) (model.BasePreview, error)
	CommitBases(p model.BasePreview) error
	ExportDues(year int, path string) (int, error)
	// WriteRejectedBases writes the refused rows of a preview to a
	// workbook in the file's own layout.
	WriteRejectedBases(p model.BasePreview, out string) (int, error)
}

const screenDues = "党费"

// duesScreen is 党费: the year's collection grid, the bases, the arrears and
// the remittances, with the year chosen at the top.
type duesScreen struct {
	sh      *shell
	content fyne.CanvasObject
	year    int

	yearSelect *kit.Select
	tabs       *container.AppTabs
	collect    *duesCollect
	bases      *duesBases
	arrears    *duesArrears
	remit      *duesRemit

	reg model.DuesRegister

	basePreview *basePreview // the bases import preview last shown, for tests
}

// duesYears is how many years back the year selector reaches.
const duesYears = 5

func newDuesScreen(sh *shell) *duesScreen {
	d := &duesScreen{sh: sh, year: sh.svc.today().Year}
	var years []int
	var labels []string
	for y := d.year + model.DuesYearsAhead; y > d.year-duesYears; y-- {
		years = append(years, y)
		labels = append(labels, lang.L("{{.Y}}年", map[string]any{"Y": y}))
	}
	d.yearSelect = kit.NewSelect(labels, nil).FitOptions()
	d.yearSelect.SetSelectedIndex(1)
	d.yearSelect.OnChanged = func(string) {
		y := years[d.yearSelect.SelectedIndex()]
		if y == d.year {
			return
		}
		if d.bases.dirty() {
			// The bases typed are the shown year's: another year would
			// drop them, so ask first, the select showing the year still
			// shown.
			from := d.year
			d.yearSelect.SetSelectedIndex(slices.Index(years, from))
			d.sh.confirmDiscard(lang.L("放弃修改？"), lang.L("{{.Y}}年的基数尚未保存，换到其他年度后将丢失。", map[string]any{"Y": from}), func() {
				d.bases.forget()
				d.year = y
				d.yearSelect.SetSelectedIndex(slices.Index(years, y))
				d.refresh()
			})
			return
		}
		d.year = y
		d.refresh()
	}

	d.collect = newDuesCollect(d)
	d.bases = newDuesBases(d)
	d.arrears = newDuesArrears(d)
	d.remit = newDuesRemit(d)
	basesTab := container.NewTabItem(lang.L("基数"), d.bases.content)
	d.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("收缴"), d.collect.content),
		basesTab,
		container.NewTabItem(lang.L("欠交党员"), d.arrears.content),
		container.NewTabItem(lang.L("上缴"), d.remit.content),
	)
	d.tabs.OnSelected = func(t *container.TabItem) {
		if t == basesTab {
			d.bases.show()
		}
	}
	importButton := widget.NewButtonWithIcon(lang.L("导入基数"), theme.UploadIcon(), d.chooseImport)
	exportButton := widget.NewButtonWithIcon(lang.L("导出登记表"), theme.DocumentSaveIcon(), d.chooseExport)
	top := container.NewBorder(nil, nil,
		container.NewHBox(widget.NewLabel(lang.L("年度")), d.yearSelect), container.NewHBox(importButton, exportButton))
	d.content = container.NewBorder(top, nil, nil, nil, d.tabs)
	sh.onDataChanged(d.refresh)
	sh.onChecked(d.arrears.refresh)
	d.refresh()
	return d
}

// refresh reloads the year's register and every tab from it.
func (d *duesScreen) refresh() {
	reg, err := d.sh.svc.Dues.DuesRegister(d.year, d.sh.svc.today())
	if err != nil {
		d.sh.showError("计算党费收缴登记表", err)
		return
	}
	d.reg = reg
	d.collect.refresh()
	d.bases.refresh()
	d.arrears.refresh()
	d.remit.refresh()
}

// unsaved reports edits not saved yet: bases typed in 基数 or a remittance
// half entered in 上缴.
func (d *duesScreen) unsaved() bool { return d.bases.dirty() || d.remit.form.Dirty() }

// discard throws those edits away.
func (d *duesScreen) discard() {
	d.bases.discard()
	d.remit.reset()
}

// showBases shows the 基数 tab, where a finding about missing bases is dealt
// with.
func (d *duesScreen) showBases() { d.tabs.SelectIndex(1) }

// changed tells every screen that dues were written (the home screen and
// the roster show arrears).
func (d *duesScreen) changed() { d.sh.dataChanged() }

func (d *duesScreen) chooseImport() {
	d.sh.chooseFile("打开文件", filedialog.WorkbooksToOpen(), d.previewImport)
}

// previewImport reads the bases workbook for the year shown and shows what
// it would save; nothing is saved until confirmed.
func (d *duesScreen) previewImport(path string) {
	year := d.year
	previewWorkbook(d.sh, path, func(path string) (model.BasePreview, error) {
		return d.sh.svc.DuesFiles.PreviewBases(year, path)
	}, d.showBasePreview)
}

// basePreview is the preview of a bases workbook: who will be imported,
// the refused rows with the person and the cell, and the way to export
// them, as the roster import's preview shows them.
type basePreview struct {
	p        model.BasePreview
	dlg      dialog.Dialog
	summary  *kit.WrapLabel
	tabs     *container.AppTabs
	rejected *widget.Table
	accepted *widget.List
	lines    []string
	export   *kit.Button
	save     *kit.Button
}

func (d *duesScreen) showBasePreview(p model.BasePreview) {
	rows := map[[2]any]bool{} // a row of each sheet: several sheets may be read
	for _, r := range p.Rejected {
		rows[[2]any{r.Sheet, r.Row}] = true
	}
	// Each member's line in the UI language (model.BasePreviewLines in
	// Chinese).
	var lines []string
	for _, t := range model.BasePreviewTexts(p) {
		lines = append(lines, kit.Say(t))
	}
	v := &basePreview{p: p, lines: lines}
	d.basePreview = v
	text := lang.L("{{.Year}}年基数：可导入 {{.N}} 人（其中 {{.C}} 人有变化）；{{.R}} 行有问题，不会导入。",
		map[string]any{"Year": p.Year, "N": len(p.Bases), "C": p.Changed, "R": len(rows)})
	if n := p.NewOpenings(); n > 0 {
		text += lang.L("其中 {{.N}} 人同时登记党费已交至。", map[string]any{"N": n})
	}
	if len(p.Sheets) > 1 {
		text += "\n" + lang.L("读取的工作表：{{.Sheets}}", map[string]any{"Sheets": strings.Join(p.Sheets, lang.L("、"))})
	}
	if len(p.Ignored) > 0 {
		text += "\n" + lang.L("未导入的列：{{.Columns}}", map[string]any{"Columns": strings.Join(p.Ignored, lang.L("、"))})
	}
	v.summary = kit.NewWrapLabel(text)
	// Several sheets: the sheet has its own column, as in the roster's
	// preview; glued before the row number in a column three characters
	// wide it hid the row (review s14-preview7 #6).
	multi := len(p.Sheets) > 1
	names := make([]string, len(p.Rejected))
	for i, r := range p.Rejected {
		names[i] = r.Name
	}
	// The reasons give the names the room they take beyond four
	// characters: the table stays as wide as the dialog.
	nameCol := nameColumn(names)
	cols := []textColumn{{title: "行号", chars: 3}, nameCol, {title: "项目", chars: 6},
		{title: "单元格内容", chars: 11}, {title: "原因", chars: 24 - max(0, nameCol.chars-4), wrap: true}}
	if multi {
		cols = append([]textColumn{{title: "工作表", chars: 6}}, cols...)
		cols[len(cols)-1].chars -= 6
	}
	cell := func(r, c int) string {
		rj := p.Rejected[r]
		cells := []string{strconv.Itoa(rj.Row), rj.Name, fieldLabel(rj.Field), rj.Value, sayReason(rj.Reason, rj.Text)}
		if multi {
			cells = append([]string{rj.Sheet}, cells...)
		}
		return cells[c]
	}
	v.rejected = newTextTable(cols, func() int { return len(p.Rejected) }, cell)
	fitRows(v.rejected, cols, len(p.Rejected), cell)
	// The notes (15-digit IDs upgraded, …) have their own tab with where
	// each is, as in the roster's preview: a retirees' sheet gave 32 of
	// them, appended to the summary, which pushed the tables and the
	// buttons out of the window (review s14-preview7 #8).
	noteCols := []textColumn{{title: "位置", chars: 10}, {title: "说明", chars: 34, wrap: true}}
	noteCell := func(r, c int) string {
		n := p.Notes[r]
		if c == 1 {
			return sayReason(n.Message, n.Text)
		}
		return notePlace(n, multi)
	}
	notes := newTextTable(noteCols, func() int { return len(p.Notes) }, noteCell)
	fitRows(notes, noteCols, len(p.Notes), noteCell)
	v.accepted = widget.NewList(func() int { return len(v.lines) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(v.lines[i]) })
	v.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("将导入 {{.N}} 人", map[string]any{"N": len(p.Bases)}), v.accepted),
		container.NewTabItem(lang.N("未通过 {{.N}} 行", len(rows), map[string]any{"N": len(rows)}), v.rejected),
	)
	if len(p.Notes) > 0 {
		v.tabs.Append(container.NewTabItem(lang.L("提示（{{.N}}）", map[string]any{"N": len(p.Notes)}), notes))
	}
	if len(p.Rejected) > 0 {
		v.tabs.SelectIndex(1)
	}
	// Written off the UI goroutine, with progress, and said when done:
	// the window froze with the preview still up, and nothing said the
	// bases were in (review s14-preview7 #5, s14-newuser #11).
	commit := func() {
		v.dlg.Hide()
		wait := d.sh.progress("正在导入…", filepath.Base(p.File))
		d.sh.background(func() {
			err := d.sh.svc.DuesFiles.CommitBases(p)
			fyne.Do(func() {
				wait.Hide()
				if err != nil {
					d.sh.showError("导入党费基数", err)
					return
				}
				d.changed()
				kit.Inform(d.sh.win, "导入完成", lang.N("已导入 {{.Year}}年 {{.N}} 人的党费基数。", len(p.Bases),
					map[string]any{"Year": p.Year, "N": len(p.Bases)}))
			})
		})
	}
	v.save = kit.NewButton(lang.L("导入"), func() {
		// A 党费已交至 moved earlier makes paid months owed: the members
		// are named, from → to, and the user asks for it (review s7-8
		// attack #11), as 为所选党员设置 asks.
		moves := p.EarlierMoves()
		if len(moves) == 0 {
			commit()
			return
		}
		d.sh.confirmAs("修改党费已交至", earlierQuestion(moves), "确定导入", commit)
	})
	v.save.Importance = widget.HighImportance
	// A file whose every base (and 党费已交至) the year already holds
	// changes nothing: 导入 is off, and the line by it says why — it was
	// on, and importing said 已导入 N 人 of nothing (brief m7 #6).
	same := len(p.Bases) > 0 && p.Changed == 0
	setEnabled(v.save, len(p.Bases) > 0 && !same)
	v.export = kit.NewButtonWithIcon(lang.L("导出问题行…"), theme.DownloadIcon(), func() {
		name := strings.TrimSuffix(filepath.Base(p.File), filepath.Ext(p.File)) + "_" + lang.L("问题行") + ".xlsx"
		d.sh.saveWorkbook("导出问题行", name, d.writeRejectedBases(p))
	})
	setEnabled(v.export, len(p.Rejected) > 0)
	cancel := kit.NewButton(lang.L("取消"), func() { v.dlg.Hide() })
	note := kit.NewWrapLabel(lang.L("确认之前不会写入任何数据。未通过的行可导出为 Excel，改正标红的单元格后直接重新导入。"))
	if same {
		note.SetText(lang.L("文件中的基数与{{.Year}}年已有的相同，导入不会改变任何数据。", map[string]any{"Year": p.Year}))
		if len(p.Rejected) > 0 {
			note.SetText(note.Text + lang.L("未通过的行可导出为 Excel，改正标红的单元格后直接重新导入。"))
		}
	}
	bottom := container.NewBorder(nil, nil, v.export, container.NewHBox(cancel, v.save), note)
	size := kit.FitIn(d.sh.win, fyne.NewSize(820, 520))
	body := container.NewBorder(kit.NewCappedScroll(v.summary, previewTopShare*size.Height), bottom, nil, nil, v.tabs)
	v.dlg = dialog.NewCustomWithoutButtons(lang.L("导入党费基数"), body, d.sh.win)
	kit.EnterEsc(d.sh.win, v.dlg, func() {
		if !v.save.Disabled() {
			v.save.OnTapped()
		}
	}, v.dlg.Hide)
	v.dlg.Resize(size)
	v.dlg.Show()
}

// writeRejectedBases writes the refused rows of p where the user chose, in
// the file's own layout (the roster import's workbook of refused rows).
func (d *duesScreen) writeRejectedBases(p model.BasePreview) writeFunc {
	return func(path string) (string, error) {
		n, err := d.sh.svc.DuesFiles.WriteRejectedBases(p, path)
		return lang.L("已导出 {{.N}} 行未通过的行：改正标红的单元格（原因见“错误原因”列）后可直接重新导入。文件保存在：", map[string]any{"N": n}), err
	}
}

func (d *duesScreen) chooseExport() {
	year := d.year
	d.sh.saveWorkbook("导出党费收缴登记表", "党费收缴登记表_"+strconv.Itoa(year)+".xlsx", func(path string) (string, error) {
		_, err := d.sh.svc.DuesFiles.ExportDues(year, path)
		return "", err
	})
}

// earlierQuestion asks whether to move the 党费已交至 of the members named
// earlier: "张伟（2026年10月 → 2026年3月）".
func earlierQuestion(moves []model.OpeningMove) string {
	names := make([]string, len(moves))
	for i, o := range moves {
		names[i] = kit.Say(o.Text())
	}
	return lang.N("{{.N}}名党员的党费已交至将改早：{{.Names}}。其间已交的月份将计为应交或待补录。确定吗？", len(moves),
		map[string]any{"N": len(moves), "Names": strings.Join(names, lang.L("、"))})
}
