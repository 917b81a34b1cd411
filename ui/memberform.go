package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// memberForm adds or edits one member. Every change runs a copy of the record
// through model's Normalize and Validate; each problem waits under its field
// until the secretary leaves the field or tries to save (kit.Form), and
// saving is possible only once there are none.
type memberForm struct {
	sh    *shell
	dlg   *kit.FormDialog
	form  *kit.Form
	orig  model.Member
	isNew bool

	fields   map[model.Field]*kit.Field
	entries  map[model.Field]*widget.Entry    // text and date fields, and the entry of each of values
	values   map[model.Field]*kit.SelectEntry // 民族, 学历, 工作岗位: shown in the UI language
	selects  map[model.Field]*kit.Select
	checks   map[model.Field]*kit.Check
	partyAge *widget.Label
	// eduNote says, beside 学历, that a typed value was written the usual
	// way (本科 → 大学).
	eduNote *widget.Label

	transferIn       *kit.Check // new members only: 转入 from another branch
	viaDate          *kit.DateEntry
	viaNote          *kit.Entry
	viaField         *kit.Field
	transferInFields []*kit.Field
}

// showMemberForm opens the form for m; a zero ID means a new member.
func showMemberForm(sh *shell, m model.Member) *memberForm {
	f := &memberForm{
		sh: sh, orig: m, isNew: m.ID == 0, form: kit.NewForm("保存"),
		fields: map[model.Field]*kit.Field{}, entries: map[model.Field]*widget.Entry{},
		selects: map[model.Field]*kit.Select{}, checks: map[model.Field]*kit.Check{},
		values: map[model.Field]*kit.SelectEntry{},
	}
	f.form.Ask = sh.confirmDiscard
	f.form.OnSubmit = f.submit
	f.form.Check = f.check
	body := f.build()
	title := "编辑党员信息"
	if f.isNew {
		title = "新增党员"
	}
	f.form.Load(func() { f.load(m) })
	if !f.isNew {
		f.form.ShowAll() // a saved record's problems are known: show them at once
	}
	f.dlg = kit.ShowForm(sh.win, title, f.form, body, fyne.NewSize(1000, 660))
	return f
}

func (f *memberForm) build() fyne.CanvasObject {
	cells := make([]*kit.Field, 0, len(model.RecordFields))
	for _, fi := range model.RecordFields {
		fd := f.form.Add(fi.Label, f.input(fi.Field))
		f.fields[fi.Field] = fd
		if fi.Field == model.FieldFullDate {
			f.partyAge = widget.NewLabel("")
			fd.Extra = f.partyAge
		}
		if fi.Field == model.FieldEducation {
			f.eduNote = widget.NewLabel("")
			f.eduNote.SizeName = theme.SizeNameCaptionText
			fd.Extra = f.eduNote
			f.values[fi.Field].OnLeft = f.normalizeEducation
		}
		cells = append(cells, fd)
	}
	hint := kit.NewWrapLabel(lang.L("日期可写成 1985-03-12、1985.3.12、1985年3月12日，只知道年月时写 1985.03 或 1985年3月，也可点日历选择。填好有效的公民身份号码后，出生日期和性别会自动填入。"))
	body := container.NewVBox(hint, f.form.Grid(2, cells...))
	if f.isNew {
		body.Add(widget.NewSeparator())
		body.Add(f.buildTransferIn())
	}
	return body
}

// input makes the widget for one field.
func (f *memberForm) input(field model.Field) fyne.CanvasObject {
	var sel []string
	switch field {
	case model.FieldSex:
		sel = selectOptions(model.SexMale, model.SexFemale)
	case model.FieldCategory:
		sel = selectOptions(model.CategoryFull, model.CategoryProbationary)
	case model.FieldStanding:
		sel = selectOptions(model.StandingNormal, model.StandingSuspended)
	case model.FieldLostContact, model.FieldMobile:
		c := kit.NewCheck(lang.L("是"), func(bool) { f.enableDependents() })
		f.checks[field] = c
		return c
	case model.FieldEducation, model.FieldPost, model.FieldEthnicity:
		// The options in the UI language; the record keeps the Chinese
		// value, and free text as typed. 民族 was a bare entry showing
		// 汉族 in the English form (issue 8, ui13 #1).
		values := model.Educations
		switch field {
		case model.FieldPost:
			values = model.Posts
		case model.FieldEthnicity:
			values = model.CurrentEthnicities.Choices()
		}
		se := kit.NewValueEntry(values)
		f.entries[field] = &se.Entry
		f.values[field] = se
		return se
	}
	if sel != nil {
		s := kit.NewChoice(sel, nil)
		f.selects[field] = s
		return s
	}
	switch field {
	case model.FieldBirthDate, model.FieldJoinDate, model.FieldFullDate, model.FieldLostSince, model.FieldArrivedOn:
		d := newDateEntry(f.sh)
		f.entries[field] = &d.Entry.Entry
		return d
	}
	e := kit.NewEntry()
	if field == model.FieldIDNumber {
		e.SetPlaceHolder(lang.L("18位，末位可为 X"))
		e.OnChanged = func(string) { f.fillFromIDNumber() }
	}
	f.entries[field] = &e.Entry
	return e
}

func (f *memberForm) buildTransferIn() fyne.CanvasObject {
	f.viaDate = newDateEntry(f.sh).NeedDay()
	f.viaNote = kit.NewEntry()
	f.viaNote.SetPlaceHolder(lang.L("从何处转来、介绍信编号"))
	f.transferIn = kit.NewCheck(lang.L("转入（从其他支部转来）"), func(bool) { f.enableDependents() })
	f.viaField = f.form.Add("转入日期", f.viaDate)
	note := f.form.Add("说明", f.viaNote)
	f.transferInFields = []*kit.Field{f.viaField, note}
	return container.NewVBox(f.transferIn, f.form.Grid(2, f.viaField, note))
}

// load puts m into the widgets (inside form.Load, so not as the user's edits).
// A new member comes onto the roster today unless the secretary says when.
func (f *memberForm) load(m model.Member) {
	if f.isNew && m.ArrivedOn.IsZero() {
		m.ArrivedOn = f.sh.svc.today()
	}
	for _, fi := range model.RecordFields {
		text := m.Text(fi.Field)
		switch {
		case f.values[fi.Field] != nil:
			f.values[fi.Field].SetValue(text)
		case f.entries[fi.Field] != nil:
			f.entries[fi.Field].SetText(text)
		case f.selects[fi.Field] != nil:
			f.selects[fi.Field].SetValue(text)
		case f.checks[fi.Field] != nil:
			f.checks[fi.Field].SetChecked(text == "是")
		}
	}
	if f.viaDate != nil {
		f.viaDate.SetDate(f.sh.svc.today())
	}
	f.enableDependents()
}

// text is what the widget of a field holds, in model.Member.Text's form.
func (f *memberForm) text(field model.Field) string {
	switch {
	case f.values[field] != nil:
		return f.values[field].Value()
	case f.entries[field] != nil:
		return f.entries[field].Text
	case f.selects[field] != nil:
		return f.selects[field].Value()
	case f.checks[field] != nil && f.checks[field].Checked:
		return "是"
	}
	return "否"
}

// normalizeEducation writes a typed 学历 as the importer stores it (本科 →
// 大学, model.NormalizeEducation), and says so beside the field: the form
// kept 本科 while an import of the same roster stored 大学, two spellings
// of one 学历 in the roster (review s13-newuser #1).
func (f *memberForm) normalizeEducation() {
	se := f.values[model.FieldEducation]
	typed := strings.TrimSpace(se.Value())
	usual := model.NormalizeEducation(typed)
	if usual == typed {
		f.eduNote.SetText("")
		return
	}
	se.SetValue(usual)
	f.eduNote.SetText(lang.L("“{{.Typed}}”按标准写作“{{.Usual}}”", map[string]any{"Typed": typed, "Usual": kit.Word(usual)}))
}

// fillFromIDNumber fills birth date and sex from a valid ID number when the
// secretary has not typed them.
func (f *memberForm) fillFromIDNumber() {
	info, err := model.ParseIDNumber(f.entries[model.FieldIDNumber].Text)
	if err != nil {
		return
	}
	if f.entries[model.FieldBirthDate].Text == "" {
		f.entries[model.FieldBirthDate].SetText(info.Birth.String())
	}
	if f.selects[model.FieldSex].Value() == "" {
		f.selects[model.FieldSex].SetValue(string(info.Sex))
	}
}

// enableDependents enables 失联年月 and 外出流向 only when they apply.
func (f *memberForm) enableDependents() {
	setEnabled(f.fields[model.FieldLostSince].Input.(fyne.Disableable), f.checks[model.FieldLostContact].Checked)
	setEnabled(f.fields[model.FieldMobileDestination].Input.(fyne.Disableable), f.checks[model.FieldMobile].Checked)
	if f.transferIn != nil {
		setEnabled(f.viaDate, f.transferIn.Checked)
		setEnabled(f.viaNote, f.transferIn.Checked)
		// A member transferred in arrives on the 转入 date.
		setEnabled(f.fields[model.FieldArrivedOn].Input.(fyne.Disableable), !f.transferIn.Checked)
		f.form.Refresh()
	}
}
