package ui

import (
	"image/color"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/filedialog"
	"branchledger/ui/kit"
)

// chooseImport asks for a workbook and previews what importing it would do.
func (r *rosterScreen) chooseImport() {
	r.sh.chooseFile("打开文件", filedialog.WorkbooksToOpen(), r.previewImport)
}

// previewImport reads the workbook and shows what importing it would change.
// Nothing is written until confirmed.
func (r *rosterScreen) previewImport(path string) {
	previewWorkbook(r.sh, path, r.sh.svc.Files.PreviewImport, func(p model.ImportPreview) {
		r.preview = showImportPreview(r.sh, p)
	})
}

// importPreview shows what an import would do — the sheets read, the
// columns left out, rows refused and why, changes to members already on the
// roster, members to add, what was worked out on the way — and writes only
// when confirmed. Unticking a sheet, or taking the sheet names or the
// profile's name for 所在党支部, plans again from what was read.
type importPreview struct {
	sh    *shell
	p     model.ImportPreview
	dlg   dialog.Dialog
	width float32 // of the dialog's content

	summary  *kit.WrapLabel
	choices  *fyne.Container // sheets, columns left out, branch names
	tabs     *container.AppTabs
	rejected *widget.Table
	updates  *widget.Table
	adds     *widget.Table
	notes    *widget.Table
	addCols  []addColumn // of adds, fitted to the dialog and to what they show
	export   *kit.Button // 导出问题行
	confirm  *kit.Button
	changes  []importChange

	// choice is what the boxes say now; p is planned for it only when
	// planning is 0. A box changed while a plan is being worked out is
	// added to choice, not to a choice built from the stale p, and
	// 确认导入 waits for the plan of what the boxes show (review
	// s14-preview7 #1: a sheet unticked just before 确认导入 was
	// imported, and a second box changed within the replan undid the
	// first).
	choice   model.ImportChoice
	planning int // replans started and not yet shown
	replans  int // replans started, to show only the newest
}

// importChange is one changed field of one member, a row of the update table.
type importChange struct {
	name, id string
	change   model.FieldChange
}

// addFields are the columns of the table of members to add.
var addFields = []model.Field{model.FieldName, model.FieldSex, model.FieldIDNumber, model.FieldCategory,
	model.FieldBranchName, model.FieldJoinDate, model.FieldFullDate, model.FieldPhone}

func showImportPreview(sh *shell, p model.ImportPreview) *importPreview {
	v := &importPreview{sh: sh, p: p}
	v.choice = choiceOf(p)
	// As wide as the window allows: the reasons are long sentences.
	win := sh.win.Canvas().Size()
	size := fyne.NewSize(min(1000, win.Width-40), min(640, win.Height-40))
	v.width = size.Width - 2*theme.Padding()
	v.summary = kit.NewWrapLabel("")
	v.choices = container.NewVBox()

	rejectedCols := v.rejectedColumns()
	v.rejected = newTextTable(rejectedCols, func() int { return len(v.p.Rejected) }, v.rejectedCell)
	v.updates = newTextTable([]textColumn{nameColumn(nil), {"公民身份号码", 11, false}, {"项目", 8, false}, {"原值", 14, false}, {"新值", 14, false}},
		func() int { return len(v.changes) },
		func(row, col int) string {
			c := v.changes[row]
			old, now := c.change.Old, c.change.New
			if translatedFields[c.change.Field] {
				old, now = valueText(old), valueText(now)
			}
			return [...]string{c.name, c.id, fieldLabel(c.change.Field), old, now}[col]
		})
	v.addCols = v.addColumns()
	heads := make([]textColumn, len(v.addCols))
	for i, c := range v.addCols {
		// 所在党支部 wraps: the whole name shows (fitAdds makes the rows
		// as tall as it needs).
		heads[i] = textColumn{title: c.title, wrap: v.addFieldsShown()[i] == model.FieldBranchName}
	}
	v.adds = newTextTable(heads, func() int { return len(v.p.Plan.Add) }, v.addCell)
	// Headings wrap when the columns are made narrower than them.
	v.adds.CreateHeader = func() fyne.CanvasObject {
		l := kit.NewWrapLabel("")
		l.TextStyle.Bold = true
		return l
	}
	v.notes = newTextTable(v.noteColumns(), func() int { return len(v.p.Notes) }, v.noteCell)
	v.tabs = container.NewAppTabs(
		container.NewTabItem("", v.rejected),
		container.NewTabItem("", v.updates),
		container.NewTabItem("", v.adds),
		container.NewTabItem("", v.notes),
	)

	v.export = kit.NewButtonWithIcon(lang.L("导出问题行…"), theme.DownloadIcon(), v.exportRejected)
	v.confirm = kit.NewButton("", v.commit)
	v.confirm.Importance = widget.HighImportance
	cancel := kit.NewButton(lang.L("取消"), func() { v.dlg.Hide() })
	note := kit.NewWrapLabel(lang.L("确认之前不会写入任何数据。未通过的行可导出为 Excel，改正标红的单元格后直接重新导入。"))
	bottom := container.NewBorder(nil, nil, v.export, container.NewHBox(cancel, v.confirm), note)
	// The choices' length depends on the file (60 branch names, 25
	// columns, 12 sheets without a roster): capped, they scroll, and the
	// tables, the 所在党支部一律填写 box and the buttons stay in the window
	// (review s14-preview7 #7).
	top := container.NewVBox(v.summary, kit.NewCappedScroll(v.choices, previewTopShare*size.Height))
	body := container.NewBorder(top, bottom, nil, nil, v.tabs)
	v.dlg = dialog.NewCustomWithoutButtons(lang.L("导入预览"), body, sh.win)
	// Enter imports (when 导入 can), Esc cancels, as in every dialog.
	kit.EnterEsc(sh.win, v.dlg, v.enter, v.dlg.Hide)
	v.refresh()
	v.tabs.SelectIndex(v.firstTab())
	v.dlg.Resize(size)
	v.dlg.Show()
	return v
}

// addFieldsShown are the columns of the table of members to add: addFields,
// and the file's 党费已交至 when it has the column, beside the members it
// adds.
func (v *importPreview) addFieldsShown() []model.Field {
	if len(v.p.Plan.Openings) > 0 {
		return append(slices.Clip(addFields), model.FieldDuesPaidTo)
	}
	return addFields
}

func (v *importPreview) addCell(row, col int) string {
	m := &v.p.Plan.Add[row]
	f := v.addFieldsShown()[col]
	if f == model.FieldDuesPaidTo {
		if m.DuesPaidTo == 0 {
			return ""
		}
		return monthText(m.DuesPaidTo)
	}
	// Said as the roster says it (Male, Full member), not as the cell had
	// it (review s8-8 #1).
	return fieldValue(m, f)
}

// addColumns are the columns of the table of members to add, fitted to the
// dialog: each as wide as the widest of its values (up to addValuesMeasured
// of them) and of the words it may show, 所在党支部 taking the width left,
// wrapped. When the headings on one line leave 所在党支部 too little room
// they wrap onto two (fitAdds). The English preview cut Female, Full member
// and the branch at 1024×700, and the Chinese one pushed 联系电话 out of
// sight (review s8-8 #5).
func (v *importPreview) addColumns() []addColumn {
	fields := v.addFieldsShown()
	cols := make([]addColumn, len(fields))
	branch := -1
	used, usedCompact := float32(0), float32(0)
	compact := make([]float32, len(fields))
	for i, f := range fields {
		title := f.Label()
		if f == model.FieldDuesPaidTo {
			title = model.DuesPaidToField.Label
		}
		cols[i] = addColumn{title: title}
		if f == model.FieldBranchName {
			branch = i
			continue
		}
		words := []string{}
		switch f {
		case model.FieldIDNumber:
			words = append(words, "00000000000000000X")
		case model.FieldJoinDate, model.FieldFullDate:
			words = append(words, "0000-00-00")
		case model.FieldDuesPaidTo:
			// A width sample, not a date of any rule: a December of a
			// four-digit year is the widest month text (2026年12月, Dec 2026).
			words = append(words, monthText(model.MonthOf(2026, 12)))
		}
		for _, w := range columnWords[f] {
			words = append(words, valueText(w))
		}
		seen := map[string]bool{}
		for r := range v.p.Plan.Add {
			if len(seen) >= addValuesMeasured {
				break
			}
			if s := v.addCell(r, i); !seen[s] {
				seen[s] = true
				words = append(words, s)
			}
		}
		values := kit.WordsWidth(words...)
		head := lang.L(title)
		cols[i].px = max(values, kit.TextWidth(fyne.TextStyle{Bold: true}, head))
		compact[i] = max(values, kit.TextWidth(fyne.TextStyle{Bold: true}, headingHalf(head)))
		used += cols[i].px
		usedCompact += compact[i]
	}
	room := v.width - 2*theme.ScrollBarSize() - float32(len(cols))*theme.SeparatorThicknessSize() - 6*theme.Padding()
	least := kit.WordsWidth(strings.Repeat("党", 8))
	if used+least > room {
		for i := range cols {
			if i != branch {
				cols[i].px = compact[i]
			}
		}
		used = usedCompact
	}
	cols[branch].px = max(least, room-used)
	return cols
}

// addColumn is a column of the table of members to add: its heading
// (Chinese) and width.
type addColumn struct {
	title string
	px    float32
}

// addValuesMeasured bounds the values measured for a column's width: a
// roster of 20,000 has few distinct widths.
const addValuesMeasured = 500

// headingHalf is the longer line of a heading wrapped onto two lines as
// evenly as its words allow ("Date became" of "Date became full member"),
// or for a Chinese heading its first half ("加入党组" of 加入党组织日期).
func headingHalf(h string) string {
	words := strings.Fields(h)
	if len(words) < 2 {
		r := []rune(h)
		return string(r[:(len(r)+1)/2])
	}
	best := h
	for i := 1; i < len(words); i++ {
		a, b := strings.Join(words[:i], " "), strings.Join(words[i:], " ")
		if len(b) > len(a) {
			a = b
		}
		if len(a) < len(best) {
			best = a
		}
	}
	return best
}

// fitAdds gives the table of members to add its columns for the plan shown,
// its header row the lines its headings wrap onto, and each row the lines
// its 所在党支部 wraps onto.
func (v *importPreview) fitAdds() {
	v.addCols = v.addColumns()
	lines := float32(1)
	for i, c := range v.addCols {
		v.adds.SetColumnWidth(i, c.px)
		head := fyne.MeasureText(lang.L(c.title), theme.TextSize(), fyne.TextStyle{Bold: true}).Width
		lines = max(lines, float32(math.Ceil(float64(head/(c.px-2*theme.InnerPadding())))))
	}
	line := fyne.MeasureText("党", theme.TextSize(), fyne.TextStyle{Bold: true}).Height + theme.LineSpacing()
	v.adds.SetRowHeight(-1, min(lines, 3)*line+2*theme.InnerPadding())
	wrap := make([]float32, len(v.addCols))
	if i := slices.Index(v.addFieldsShown(), model.FieldBranchName); i >= 0 {
		wrap[i] = v.addCols[i].px
	}
	fitRowsTo(v.adds, wrap, len(v.p.Plan.Add), v.addCell)
}

// enter is Enter in the preview: 导入 when it can.
func (v *importPreview) enter() {
	if !v.confirm.Disabled() && v.planning == 0 {
		v.confirm.OnTapped()
	}
}

// newCheck is a box of the preview: Enter and Esc on it do what they do in
// the rest of the dialog once it has focus (review s6-8 newuser #11).
func (v *importPreview) newCheck(text string) *kit.Check {
	c := kit.NewCheck(text, nil)
	c.EnterEsc(v.enter, func() { v.dlg.Hide() })
	return c
}

// rejectedColumns are the columns of the table of refused rows: the sheet
// only when the roster spans several; the reasons, wrapped, take the width
// the dialog has left.
func (v *importPreview) rejectedColumns() []textColumn {
	names := make([]string, len(v.p.Rejected))
	for i, r := range v.p.Rejected {
		names[i] = r.Name
	}
	cols := []textColumn{{"行号", 3, false}, nameColumn(names), {"项目", 7, true}, {"单元格内容", 11, false}, {"原因", 0, true}}
	if v.p.MultiSheet() {
		cols = append([]textColumn{{"工作表", 7, false}}, cols...)
	}
	return v.fill(cols)
}

// noteColumns are the columns of the table of notes.
func (v *importPreview) noteColumns() []textColumn {
	return v.fill([]textColumn{{"位置", 10, false}, {"说明", 0, true}})
}

// fill makes the last column as wide as the dialog has room for.
func (v *importPreview) fill(cols []textColumn) []textColumn {
	used := float32(0)
	for _, c := range cols {
		used += c.width()
	}
	char := textColumn{chars: 1}.width() - textColumn{}.width()
	last := &cols[len(cols)-1]
	last.chars = max(20, (v.width-used-8*theme.Padding()-2*theme.ScrollBarSize())/char)
	return cols
}

func (v *importPreview) rejectedCell(row, col int) string {
	x := v.p.Rejected[row]
	cells := []string{strconv.Itoa(x.Row), x.Name, fieldLabel(x.Field), valueShown(x), sayReason(x.Reason, x.Text)}
	if x.Field == "" {
		cells[2] = ""
	}
	if v.p.MultiSheet() {
		cells = append([]string{x.Sheet}, cells...)
	}
	return cells[col]
}

func (v *importPreview) noteCell(row, col int) string {
	n := v.p.Notes[row]
	if col == 1 {
		return sayReason(n.Message, n.Text)
	}
	return notePlace(n, v.p.MultiSheet())
}

// notePlace is where a note of an import is: 第3行, or 第一党支部 第3行
// when several sheets were read; the sheet alone for a note of a sheet;
// 名册 for a note of the roster on file (rosterfile.absentNote).
func notePlace(n model.ImportNote, multi bool) string {
	switch {
	case n.Sheet == "" && n.Row == 0:
		return lang.L("名册") // of the roster on file, not of the workbook
	case n.Row > 0 && multi:
		return lang.L("{{.Sheet}} 第{{.Row}}行", map[string]any{"Sheet": n.Sheet, "Row": n.Row})
	case n.Row > 0:
		return lang.L("第{{.Row}}行", map[string]any{"Row": n.Row})
	case multi:
		return n.Sheet
	}
	return lang.L("整个工作表")
}

// previewTopShare is the most of an import preview's height its top part
// (the summary, the sheets, the columns and names left out) takes; beyond
// it the part scrolls, so that the tables and buttons keep their room.
const previewTopShare = 0.35

// previewListLength and previewColumnsLength are how many names of a list
// (sheets, branches; columns) the preview spells out before "等N个".
const (
	previewListLength    = 6
	previewColumnsLength = 12
)

// firstOf joins the first n of names with 、 and, when there are more,
// says how many in all: 甲、乙、丙等60个.
func firstOf(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, lang.L("、"))
	}
	return lang.L("{{.Names}}等{{.N}}个", map[string]any{"Names": strings.Join(names[:n], lang.L("、")), "N": len(names)})
}

// sayReason is an import's refusal or note in the UI language: its Text
// when it has one that says the Chinese sentence zh, else zh (translated
// when the translation files hold it as it stands). A sentence changed
// after its Text was made is shown as it now is, never half of it.
// valueShown is the 单元格内容 of a refusal: the cell, or where a value no
// cell holds is (a sheet's name taken for 所在党支部: 工作表名称：第一党支部),
// not a cell the user would look for in vain (review fix13 #4).
func valueShown(x model.Rejection) string {
	switch x.From {
	case "":
		return x.Value
	case "工作表名称":
		return lang.L("工作表名称：{{.V}}", map[string]any{"V": x.Value})
	case "标题":
		return lang.L("标题：{{.V}}", map[string]any{"V": x.Value})
	case "分组行":
		return lang.L("分组行：{{.V}}", map[string]any{"V": x.Value})
	case "本支部名称":
		return lang.L("本支部名称：{{.V}}", map[string]any{"V": x.Value})
	}
	return x.Value
}

func sayReason(zh string, t model.Text) string {
	if !t.IsZero() && t.String() != zh {
		t = model.Text{}
	}
	return kit.SayProblem(model.FieldError{Message: zh, Text: t})
}

// firstTab is the tab the preview opens on: what needs attention first.
func (v *importPreview) firstTab() int {
	switch {
	case len(v.p.Rejected) > 0:
		return 0
	case len(v.p.Plan.Update) > 0:
		return 1
	default:
		return 2
	}
}

// refresh shows v.p: the summary, the choices, the tables and the buttons.
func (v *importPreview) refresh() {
	p := &v.p
	v.changes = v.changes[:0]
	for _, u := range p.Plan.Update {
		for _, c := range u.Changes {
			v.changes = append(v.changes, importChange{u.After.Name, u.After.IDNumber, c})
		}
	}
	// A member on the roster whose 党费已交至 the file changes is listed
	// with the other changes (those to add show it in their own table).
	adding := make(map[string]bool, len(p.Plan.Add))
	for _, m := range p.Plan.Add {
		adding[m.IDNumber] = true
	}
	for _, o := range p.Plan.Openings {
		if adding[o.IDNumber] {
			continue
		}
		c := model.FieldChange{Field: model.FieldDuesPaidTo, New: monthText(o.PaidTo)}
		if o.Old != 0 {
			c.Old = monthText(o.Old)
		}
		v.changes = append(v.changes, importChange{o.Name, o.IDNumber, c})
	}
	summary := lang.L("{{.File}}：新增 {{.Add}} 人，更新 {{.Update}} 人，无变化 {{.Same}} 人，{{.Rejected}} 行未通过。", map[string]any{
		"File": filepath.Base(p.File), "Add": len(p.Plan.Add), "Update": len(p.Plan.Update),
		"Same": p.Plan.Unchanged, "Rejected": p.RejectedRows(),
	})
	if n := len(p.Plan.Openings); n > 0 {
		summary += lang.L("其中 {{.N}} 人同时登记党费已交至（此前的月份不计欠交）。", map[string]any{"N": n})
	}
	v.summary.SetText(summary)
	v.choices.Objects = v.choiceWidgets()
	v.choices.Refresh()

	titles := []string{
		lang.L("未通过的行（{{.N}}）", map[string]any{"N": p.RejectedRows()}),
		lang.N("将更新（{{.N}} 处修改）", len(v.changes), map[string]any{"N": len(v.changes)}),
		lang.L("将新增（{{.N}} 人）", map[string]any{"N": len(p.Plan.Add)}),
		lang.L("提示（{{.N}}）", map[string]any{"N": len(p.Notes)}),
	}
	for i, t := range titles {
		v.tabs.Items[i].Text = t
	}
	v.tabs.Refresh()
	cols := v.rejectedColumns()
	for i, c := range cols {
		v.rejected.SetColumnWidth(i, c.width())
	}
	names := make([]string, len(v.changes))
	for i, c := range v.changes {
		names[i] = c.name
	}
	v.updates.SetColumnWidth(0, nameColumn(names).width())
	fitRows(v.rejected, cols, len(p.Rejected), v.rejectedCell)
	v.fitAdds()
	fitRows(v.notes, v.noteColumns(), len(p.Notes), v.noteCell)
	for _, t := range []*widget.Table{v.rejected, v.updates, v.adds, v.notes} {
		t.Refresh()
	}

	v.confirm.SetText(lang.L("确认导入"))
	if len(p.Rejected) > 0 {
		v.confirm.SetText(lang.L("确认导入（跳过未通过的行）"))
	}
	if v.planning > 0 || len(p.Plan.Add)+len(p.Plan.Update)+len(p.Plan.Openings) == 0 {
		v.confirm.Disable()
	} else {
		v.confirm.Enable()
	}
	if v.planning > 0 || len(p.Rejected) == 0 {
		v.export.Disable()
	} else {
		v.export.Enable()
	}
}

// choiceWidgets are what the user may decide before importing: which
// sheets, whether a sheet's name stands for 所在党支部, whether the
// profile's branch replaces the names the file gives; and which columns
// were left out.
func (v *importPreview) choiceWidgets() []fyne.CanvasObject {
	p := &v.p
	var out []fyne.CanvasObject
	// A sheet left out by default (a template's, one of people who left,
	// a hidden one) keeps the list once ticked, so it can be unticked
	// again (review s7-7 attack #11).
	if len(p.Sheets) > 1 || (len(p.Sheets) == 1 && (p.Sheets[0].CanUseName || !p.Sheets[0].Included || p.Sheets[0].Example ||
		p.Sheets[0].Left != "" || p.Sheets[0].Hidden)) {
		out = append(out, v.sheetList())
	}
	if len(p.Skipped) > 0 {
		// Every sheet is named, the ones that hold no roster too: a roster
		// whose headings were not recognised must not vanish unsaid.
		// Sheets skipped for the same reason are named together, the
		// reason once: twelve sheets of 填表说明, 统计汇总 … repeated it
		// twelve times (review s14-preview7 #7).
		var reasons []string
		byReason := map[string][]string{}
		for _, s := range p.Skipped {
			if _, seen := byReason[s.Reason]; !seen {
				reasons = append(reasons, s.Reason)
			}
			byReason[s.Reason] = append(byReason[s.Reason], s.Name)
		}
		var names []string
		for _, r := range reasons {
			names = append(names, lang.L("{{.Sheet}}（{{.Reason}}）", map[string]any{"Sheet": firstOf(byReason[r], previewListLength), "Reason": lang.L(r)}))
		}
		l := kit.NewWrapLabel(lang.L("未读取的工作表：{{.Sheets}}", map[string]any{"Sheets": strings.Join(names, lang.L("、"))}))
		out = append(out, l)
	}
	if ignored := p.IgnoredText(); len(ignored) > 0 {
		said := make([]string, len(ignored))
		for i, t := range ignored {
			said[i] = kit.Say(t) // 学历（重复的“学历”列） in the UI's language
		}
		l := kit.NewWrapLabel(lang.L("未导入的列：{{.Columns}}", map[string]any{"Columns": firstOf(said, previewColumnsLength)}))
		out = append(out, l)
	}
	if p.OtherBranches > 0 || (p.EmptyBranches > 0 && p.ProfileBranch != "") {
		var msg []string
		if p.OtherBranches > 0 {
			msg = append(msg, lang.L("有 {{.N}} 人的所在党支部（{{.Names}}）与本支部名称“{{.Branch}}”不同。", map[string]any{
				"N": p.OtherBranches, "Names": firstOf(p.OtherNames, previewListLength), "Branch": p.ProfileBranch}))
		}
		if p.EmptyBranches > 0 {
			msg = append(msg, lang.L("有 {{.N}} 人的所在党支部为空（文件中没有）。", map[string]any{"N": p.EmptyBranches}))
		}
		l := kit.NewWrapLabel(kit.Sentences(msg...))
		check := v.newCheck(lang.L("所在党支部一律填写“{{.Branch}}”", map[string]any{"Branch": p.ProfileBranch}))
		check.Checked = p.Choice.ProfileBranch
		check.OnChanged = func(on bool) {
			c := v.currentChoice()
			c.ProfileBranch = on
			v.replan(c)
		}
		out = append(out, l, check)
	} else if p.EmptyBranches > 0 {
		// Without a branch in the profile there is no box to tick, and an
		// empty 所在党支部 must still be said, as the command line says it
		// (review s6-7 new user #3); it follows the sheets ticked.
		l := kit.NewWrapLabel(kit.Sentences(lang.L("有 {{.N}} 人的所在党支部为空（文件中没有）。", map[string]any{"N": p.EmptyBranches}),
			lang.L("在“设置”的支部基本信息中填写党支部名称后再导入，可一律填写为本支部。")))
		out = append(out, l)
	}
	return out
}

// sheetList lists the sheets read, each with a box to leave it out and,
// for a sheet without a 所在党支部 column, one to take its name for it.
func (v *importPreview) sheetList() fyne.CanvasObject {
	rows := container.NewVBox(widget.NewLabelWithStyle(lang.L("工作表"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, s := range v.p.Sheets {
		label := lang.L("{{.Sheet}}（第{{.Header}}行为表头，{{.Rows}} 行）", map[string]any{"Sheet": s.Name, "Header": s.HeaderRow, "Rows": s.Rows})
		if s.Hidden {
			label += lang.L("，隐藏的工作表")
		}
		if s.Example {
			label += lang.L("，看来是表格模板的填写示例或说明，默认不导入")
		}
		// Why an earlier year is left out goes on a wrapped line under
		// its box: in the box's one line, at 1024×700 in English, it was
		// cut off before the count of its people the newest lacks (look11).
		earlier := ""
		switch {
		case s.Earlier != "" && s.Included:
			// Ticked by the user: what the box and the line said of it
			// being left out no longer held (look12).
			label += lang.L("，看来是往年的名册，按所选导入")
			earlier = lang.L("本表中有{{.Missing}}人不在最新的“{{.Newest}}”中，看来已离开，也将作为在册党员导入", map[string]any{"Newest": s.Earlier, "Missing": s.EarlierMissing})
		case s.Earlier != "":
			label += lang.L("，看来是往年的名册，默认不导入")
			earlier = lang.L("只导入最新的“{{.Newest}}”；本表中有{{.Missing}}人不在“{{.Newest}}”中，看来已离开", map[string]any{"Newest": s.Earlier, "Missing": s.EarlierMissing})
		}
		if s.LeftTitle != "" {
			label += lang.L("，标题“{{.Title}}”含“{{.Word}}”，看来是已不在册的人员，默认不导入", map[string]any{"Title": s.LeftTitle, "Word": s.Left})
		} else if s.Left != "" {
			label += lang.L("，名称含“{{.Word}}”，看来是已不在册的人员，默认不导入", map[string]any{"Word": s.Left})
		}
		include := v.newCheck(label)
		include.Checked = s.Included
		name := s.Name
		include.OnChanged = func(on bool) {
			c := v.currentChoice()
			c.Sheets = slices.DeleteFunc(c.Sheets, func(x string) bool { return x == name })
			if on {
				c.Sheets = append(c.Sheets, name)
			}
			v.replan(c)
		}
		// The offer of the name goes on a line of its own, indented: beside
		// a sheet name of 31 characters (Excel's limit) it pushed the
		// dialog to the window's edge and was cut before the branch it
		// would record (review s14-preview7 #20).
		row := container.NewVBox(include)
		indent := func(o fyne.CanvasObject) fyne.CanvasObject {
			gap := canvas.NewRectangle(color.Transparent)
			gap.SetMinSize(fyne.NewSize(theme.IconInlineSize()+theme.Padding(), 0))
			return container.NewBorder(nil, nil, gap, nil, o)
		}
		if earlier != "" {
			row.Add(indent(kit.NewWrapLabel(earlier)))
		}
		// A template's example sheet's name is no branch: not offered.
		if s.CanUseName && !s.Example {
			text := lang.L("以工作表名称作为所在党支部")
			if s.NameBranch != s.Name {
				// 第一党支部花名册 is taken as 第一党支部: said before it is chosen.
				text = lang.L("以工作表名称作为所在党支部，记为“{{.Branch}}”", map[string]any{"Branch": s.NameBranch})
			}
			useName := v.newCheck(text)
			useName.Checked = s.BranchFromName
			useName.OnChanged = func(on bool) {
				c := v.currentChoice()
				c.SheetNameBranch = slices.DeleteFunc(c.SheetNameBranch, func(x string) bool { return x == name })
				if on {
					c.SheetNameBranch = append(c.SheetNameBranch, name)
				}
				v.replan(c)
			}
			if !s.Included {
				useName.Disable()
			}
			row.Add(indent(useName))
		}
		rows.Add(row)
	}
	// Many sheets (one per branch) must not take the tables' room: the
	// list shows a few rows and scrolls (review s8-7 attack #19: with 12
	// sheets the tables kept one row at 1366×768 and none at 1024×700).
	// No scroll of its own: the part above the tables scrolls as a whole
	// (kit.NewCappedScroll in showImportPreview). Nested in it, this
	// list's scrolled-out boxes took the clicks meant for the tab bar
	// below and ticked a box the user never saw (s14-look).
	return rows
}

// currentChoice is the choice the boxes show, spelt out in full so that
// one box can be changed; a copy, as each change starts from it.
func (v *importPreview) currentChoice() model.ImportChoice {
	return model.ImportChoice{Sheets: slices.Clone(v.choice.Sheets), SheetNameBranch: slices.Clone(v.choice.SheetNameBranch),
		ProfileBranch: v.choice.ProfileBranch}
}

// choiceOf is the choice p was planned for, spelt out in full.
func choiceOf(p model.ImportPreview) model.ImportChoice {
	c := model.ImportChoice{Sheets: []string{}, SheetNameBranch: []string{}, ProfileBranch: p.Choice.ProfileBranch}
	for _, s := range p.Sheets {
		if s.Included {
			c.Sheets = append(c.Sheets, s.Name)
		}
		if s.BranchFromName {
			c.SheetNameBranch = append(c.SheetNameBranch, s.Name)
		}
	}
	return c
}

// replan plans the import again with the user's choice, off the UI
// goroutine (the workbook is not read again). Until the newest plan is
// shown, 确认导入 and 导出问题行 are disabled and the summary says the
// preview is being worked out; a plan overtaken by a later change is
// dropped.
func (v *importPreview) replan(c model.ImportChoice) {
	v.choice = c
	v.replans++
	n := v.replans
	v.planning++
	v.confirm.Disable()
	v.export.Disable()
	v.summary.SetText(lang.L("正在按所选的工作表重新计算…"))
	path := v.p.File
	v.sh.background(func() {
		p, err := v.sh.svc.Files.PreviewImportWith(path, c)
		fyne.Do(func() {
			v.planning--
			if n != v.replans {
				// A later change is being planned; if its plan came
				// first, it is shown and now may be imported.
				if v.planning == 0 {
					v.refresh()
				}
				return
			}
			if err != nil {
				// The boxes go back to what the shown plan was made for.
				v.choice = choiceOf(v.p)
				v.refresh()
				v.sh.showError("导入花名册", err)
				return
			}
			v.p = p
			v.refresh()
		})
	})
}

// exportRejected saves the refused rows as a workbook in the file's own
// layout, with a column saying what to fix, to be imported again once fixed.
func (v *importPreview) exportRejected() {
	name := strings.TrimSuffix(filepath.Base(v.p.File), filepath.Ext(v.p.File)) + "_" + lang.L("问题行") + ".xlsx"
	v.sh.saveWorkbookCounted("导出问题行", name, rejectedCounting, v.writeRejected(v.p))
}

// rejectedCounting is the progress line of 导出问题行.
const rejectedCounting = "已复制 {{.Done}} / {{.Total}} 行"

// writeRejected writes the refused rows of p where the user chose.
func (v *importPreview) writeRejected(p model.ImportPreview) countedWriteFunc {
	return func(path string, progress func(done, total int) error) (string, error) {
		n, err := v.sh.svc.Files.WriteRejected(p, path, progress)
		return lang.L("已导出 {{.N}} 行未通过的行：改正标红的单元格（原因见“错误原因”列）后可直接重新导入。文件保存在：", map[string]any{"N": n}), err
	}
}

// commit writes the plan in one transaction, off the UI goroutine; not
// while the plan for the boxes on screen is being worked out.
func (v *importPreview) commit() {
	if v.planning > 0 {
		return
	}
	v.dlg.Hide()
	wait := v.sh.progress("正在导入…", filepath.Base(v.p.File))
	v.sh.background(func() {
		added, updated, err := v.sh.svc.Files.CommitImport(v.p)
		fyne.Do(func() {
			wait.Hide()
			if err != nil {
				v.sh.showError("导入花名册", err)
				return
			}
			v.sh.dataChanged()
			msg := lang.L("已新增 {{.Add}} 人，更新 {{.Update}} 人。", map[string]any{"Add": added, "Update": updated})
			if n := v.p.RejectedRows(); n > 0 {
				msg += "\n" + lang.N("有 {{.N}} 行未通过，未导入。", n, map[string]any{"N": n})
			}
			kit.Inform(v.sh.win, "导入完成", msg)
		})
	})
}
