package workspace

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	ws "branchledger/storage/workspace"
	"branchledger/ui/filedialog"
	"branchledger/ui/kit"
)

// orgsTab is 单位名录: the organisation list in a table; a row opens its
// form; new ones are added by hand or imported from Excel with a preview.
type orgsTab struct {
	w       *Window
	content fyne.CanvasObject
	orgs    []model.Organisation
	// links are how the workspace's branches cover the organisations
	// linked to them: the coverage the figures count, shown in the list.
	links map[int64]model.OrgCover
	table *kit.StickyTable
	fit   func()
	count *widget.Label
	// lastPreview is the import preview last shown, for tests.
	lastPreview *ws.OrgImport
}

func newOrgsTab(w *Window) *orgsTab {
	t := &orgsTab{w: w}
	heads := []string{"序号"}
	widths := []float32{2.5}
	for _, fi := range model.OrgFields {
		heads, widths = append(heads, fi.Label), append(widths, max(float32(fi.Width)*0.6, 5))
	}
	t.table, t.fit = textTable(2, heads, widths, func() int { return len(t.orgs) }, func(r, c int) string {
		if c == 0 {
			return strconv.Itoa(r + 1)
		}
		f := model.OrgFields[c-1].Field
		o := &t.orgs[r]
		v := o.Text(f)
		// A branch linked to the organisation decides its coverage: shown
		// as counted, with what the list types beside it when that differs
		// (review s5-11 newuser #3).
		if counted, linked := model.CountedCoverage(o, t.links); linked && counted != o.Coverage {
			switch f {
			case model.OrgFieldCoverage:
				return kit.L(string(counted)) + kit.L("（名录写“{{.Typed}}”）", map[string]any{"Typed": kit.L(v)})
			case model.OrgFieldReason, model.OrgFieldWork:
				return ""
			}
		}
		switch f {
		case model.OrgFieldType, model.OrgFieldScale, model.OrgFieldCoverage, model.OrgFieldReason, model.OrgFieldWork:
			if v != "" {
				v = kit.L(v) // a value of a fixed list, shown in the UI language
			}
		}
		return v
	})
	// The number and the name stay in view; 备注, the last column, can be
	// scrolled to.
	t.table.OnSelected = func(id widget.TableCellID) {
		t.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(t.orgs) {
			t.edit(t.orgs[id.Row])
		}
	}
	add := widget.NewButtonWithIcon(kit.L("新增单位"), theme.ContentAddIcon(), func() {
		// The workspace's instructor is the new unit's, as typed in 密钥与
		// 设置 (review s6-11 newuser #5).
		o := model.Organisation{Type: model.OrgEnterprise, Coverage: model.NotCovered}
		if s, err := w.svc.Settings(); err == nil {
			o.Instructor = s.Instructor
		}
		t.edit(o)
	})
	add.Importance = widget.HighImportance
	imp := widget.NewButtonWithIcon(kit.L("从Excel导入…"), theme.FolderOpenIcon(), func() {
		w.files.Open(kit.L("导入单位名录"), filedialog.WorkbooksToOpen(), t.preview)
	})
	t.count = widget.NewLabel("")
	hint := widget.NewLabel(kit.L("点一行修改该单位。导入时按单位名称（或统一社会信用代码）对应，先预览再确认。"))
	hint.SizeName = theme.SizeNameCaptionText
	top := container.NewBorder(nil, hint, nil, t.count, container.NewHBox(add, imp))
	t.content = container.NewBorder(top, nil, nil, nil, t.table)
	return t
}

func (t *orgsTab) load() {
	orgs, err := t.w.svc.Orgs()
	if err != nil {
		t.w.showError("读取单位名录", err)
		return
	}
	cov, err := t.w.svc.Coverage()
	if err != nil {
		t.w.showError("计算覆盖率", err)
		return
	}
	slices.SortStableFunc(orgs, func(a, b model.Organisation) int { return byName(a.Name, b.Name) })
	t.orgs, t.links = orgs, cov.Links
	t.count.SetText(kit.L("共 {{.N}} 个单位", map[string]any{"N": len(orgs)}))
	t.fit()
	t.table.Refresh()
}

// options are choices shown in the UI language, with the values they stand for.
func options[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = kit.L(string(v))
		if v == "" {
			out[i] = kit.L("无")
		}
	}
	return out
}

func pick[T ~string](values []T, sel *widget.Select) T {
	if i := sel.SelectedIndex(); i >= 0 {
		return values[i]
	}
	return ""
}

func choose[T ~string](values []T, sel *widget.Select, v T) {
	for i, x := range values {
		if x == v {
			sel.SetSelectedIndex(i)
		}
	}
}

// edit shows an organisation's form; an ID of 0 adds one.
func (t *orgsTab) edit(o model.Organisation) {
	form := kit.NewForm("保存")
	name, code, staff, full, instr, notes := kit.NewEntry(), kit.NewEntry(), kit.NewEntry(), kit.NewEntry(), kit.NewEntry(), kit.NewEntry()
	typ := widget.NewSelect(options(model.OrgTypes), nil)
	scale := widget.NewSelect(append(options(model.OrgScales), kit.L("不适用")), nil)
	cov := widget.NewSelect(options(model.PartyCoverages), nil)
	reason := widget.NewSelect(append(options(model.UncoveredReasons), kit.L("不适用")), nil)
	work := widget.NewSelect(options(model.WorkCoverages), nil)
	for _, s := range []*widget.Select{typ, scale, cov, reason, work} {
		s.PlaceHolder = kit.L("请选择") // not Fyne's "(Select one)" in a Chinese form
	}
	fields := map[model.Field]*kit.Field{}
	add := func(f model.Field, input fyne.CanvasObject) *kit.Field {
		fi, _ := model.OrgField(f)
		fd := form.Add(fi.Label, input)
		fields[f] = fd
		return fd
	}
	read := func() model.Organisation {
		x := o
		x.Name, x.Instructor, x.Notes = model.CleanLine(name.Text), model.CleanLine(instr.Text), model.CleanText(notes.Text)
		x.CreditCode = strings.ToUpper(strings.TrimSpace(code.Text))
		x.Staff, _ = strconv.Atoi(strings.TrimSpace(staff.Text))
		x.FullMembers, _ = strconv.Atoi(strings.TrimSpace(full.Text))
		x.Type, x.Scale, x.Coverage = pick(model.OrgTypes, typ), "", pick(model.PartyCoverages, cov)
		if i := scale.SelectedIndex(); i >= 0 && i < len(model.OrgScales) {
			x.Scale = model.OrgScales[i]
		}
		x.Reason = ""
		if i := reason.SelectedIndex(); i >= 0 && i < len(model.UncoveredReasons) {
			x.Reason = model.UncoveredReasons[i]
		}
		x.Work = pick(model.WorkCoverages, work)
		return x
	}
	check := func(f model.Field) func(string) string {
		return func(string) string {
			x := read()
			for _, e := range x.Validate(model.CurrentRules().Branch) {
				if e.Field == f {
					return e.Message
				}
			}
			return ""
		}
	}
	count := func(s string) string {
		if s = strings.TrimSpace(s); s == "" {
			return ""
		}
		if n, err := strconv.Atoi(s); err != nil || n < 0 {
			return kit.L("请填写人数（整数）")
		}
		return ""
	}
	add(model.OrgFieldName, name).Validate(check(model.OrgFieldName))
	add(model.OrgFieldCreditCode, code).Validate(check(model.OrgFieldCreditCode))
	add(model.OrgFieldType, typ).Value(func() string { return typ.Selected }).Validate(check(model.OrgFieldType))
	add(model.OrgFieldScale, scale).Value(func() string { return scale.Selected }).Validate(check(model.OrgFieldScale))
	add(model.OrgFieldStaff, staff).Validate(count)
	add(model.OrgFieldFullMembers, full).Validate(count)
	add(model.OrgFieldCoverage, cov).Value(func() string { return cov.Selected }).Validate(check(model.OrgFieldCoverage))
	add(model.OrgFieldReason, reason).Value(func() string { return reason.Selected }).Validate(check(model.OrgFieldReason))
	add(model.OrgFieldWork, work).Value(func() string { return work.Selected }).Validate(check(model.OrgFieldWork))
	add(model.OrgFieldInstructor, instr)
	add(model.OrgFieldNotes, notes)
	form.Load(func() {
		name.SetText(o.Name)
		code.SetText(o.CreditCode)
		staff.SetText(strconv.Itoa(o.Staff))
		full.SetText(strconv.Itoa(o.FullMembers))
		instr.SetText(o.Instructor)
		notes.SetText(o.Notes)
		choose(model.OrgTypes, typ, o.Type)
		scale.SetSelectedIndex(len(model.OrgScales))
		choose(model.OrgScales, scale, o.Scale)
		choose(model.PartyCoverages, cov, o.Coverage)
		// 未建 with no reason yet leaves the reason unchosen — asked for
		// (尚需填写), not "不适用" and wrong before anything is typed
		// (review s6-11 newuser #5).
		reason.ClearSelected()
		if o.Coverage != model.NotCovered || o.Reason != "" {
			reason.SetSelectedIndex(len(model.UncoveredReasons))
		}
		choose(model.UncoveredReasons, reason, o.Reason)
		choose(model.WorkCoverages, work, o.Work)
	})
	for _, s := range []*widget.Select{typ, scale, reason, work} {
		s.OnChanged = func(string) { form.Refresh() }
	}
	// 未建 → 单独/联合组建 takes the reason and the work coverage away (they
	// are for 未建 only), rather than refusing the save until both are
	// changed by hand (review s5-11 newuser #3, q3–q5).
	cov.OnChanged = func(string) {
		if pick(model.PartyCoverages, cov).HasOrganisation() {
			reason.SetSelectedIndex(len(model.UncoveredReasons))
			work.SetSelectedIndex(0)
		}
		form.Refresh()
	}
	title := kit.L("修改单位")
	if o.ID == 0 {
		title = kit.L("新增单位")
	}
	var d *kit.FormDialog
	form.OnSubmit = func() {
		if _, err := t.w.svc.SaveOrg(read()); err != nil {
			form.SetError(err.Error())
			return
		}
		d.Hide()
		t.w.refresh()
	}
	body := form.Grid(2, fields[model.OrgFieldName], fields[model.OrgFieldCreditCode], fields[model.OrgFieldType],
		fields[model.OrgFieldScale], fields[model.OrgFieldStaff], fields[model.OrgFieldFullMembers], fields[model.OrgFieldCoverage],
		fields[model.OrgFieldReason], fields[model.OrgFieldWork], fields[model.OrgFieldInstructor], fields[model.OrgFieldNotes])
	if o.ID != 0 {
		del := widget.NewButtonWithIcon(kit.L("删除该单位…"), theme.DeleteIcon(), func() {
			t.w.confirm("删除单位", kit.L("从单位名录中删除“{{.Name}}”？支部与它的关联也一并取消。", map[string]any{"Name": o.Name}), func() {
				if err := t.w.svc.DeleteOrg(o.ID); err != nil {
					t.w.showError("删除单位", err)
					return
				}
				d.Hide()
				t.w.refresh()
			})
		})
		del.Importance = widget.LowImportance
		body = container.NewVBox(body, container.NewHBox(del))
	}
	d = kit.ShowForm(t.w.Win, title, form, body, fyne.NewSize(760, 520))
}

// preview reads a workbook and shows what importing it would change.
func (t *orgsTab) preview(path string) {
	done := t.w.progress("正在读取…", path)
	var p ws.OrgImport
	var err error
	t.w.background(func() { p, err = t.w.svc.PreviewOrgFile(path) }, func() {
		done()
		if err != nil {
			t.w.showError("导入单位名录", err)
			return
		}
		t.showPreview(p)
	})
}

// showPreview lists what the import adds, changes and refuses; 导入 commits
// the accepted rows in one transaction.
func (t *orgsTab) showPreview(p ws.OrgImport) {
	summary := widget.NewLabel(kit.L("新增 {{.A}} 个单位，更新 {{.U}} 个，{{.S}} 个无变化，{{.R}} 行有问题（不导入）。",
		map[string]any{"A": len(p.Add), "U": len(p.Update), "S": p.Unchanged, "R": len(p.Rejected)}))
	var lines []string
	for _, o := range p.Add {
		lines = append(lines, kit.L("新增：")+o.Name+"（"+string(o.Type)+"，"+string(o.Coverage)+"）")
	}
	for _, c := range p.Update {
		var what []string
		for _, f := range c.Fields {
			what = append(what, f.Label()+"："+c.Old.Text(f)+" → "+c.New.Text(f))
		}
		lines = append(lines, kit.L("更新：")+c.New.Name+"（"+strings.Join(what, "；")+"）")
	}
	for _, r := range p.Rejected {
		lines = append(lines, kit.L("第{{.Row}}行不导入：", map[string]any{"Row": r.Row})+r.Name+" — "+strings.Join(r.Reasons, "；"))
	}
	list := widget.NewList(func() int { return len(lines) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
	d := kit.NewCustomConfirm(kit.L("导入单位名录"), kit.L("导入"), kit.L("取消"),
		container.NewBorder(summary, nil, nil, nil, list), func(ok bool) {
			if !ok {
				return
			}
			added, updated, linked, err := t.w.svc.CommitOrgImport(p)
			if err != nil {
				t.w.showError("导入单位名录", err)
				return
			}
			t.w.refresh()
			msg := kit.L("单位名录已导入：新增 {{.Added}} 个单位，更新 {{.Updated}} 个。", map[string]any{"Added": added, "Updated": updated})
			if linked > 0 {
				msg += "\n" + kit.L("已按单位名称把{{.N}}个支部关联到单位名录中同名的单位（可在“支部一览”中打开支部修改）。", map[string]any{"N": linked})
			}
			kit.Inform(t.w.Win, "导入单位名录", msg)
		}, t.w.Win)
	d.Resize(fyne.NewSize(900, 520))
	d.Show()
	t.lastPreview = &p
}
