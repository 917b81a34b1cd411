package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
)

// memberForm adds or edits one member. Every change runs a copy of the record
// through model's Normalize and Validate and puts each message under its
// field, so that the secretary sees a problem where it is typed; saving is
// possible only once there are none.
type memberForm struct {
	sh    *shell
	dlg   dialog.Dialog
	orig  model.Member
	isNew bool

	entries  map[model.Field]*widget.Entry // text and date fields; 学历 and 工作岗位 are SelectEntries
	selects  map[model.Field]*widget.Select
	checks   map[model.Field]*widget.Check
	msgs     map[model.Field]*widget.Label
	touched  map[model.Field]bool
	partyAge *widget.Label

	transferIn       *widget.Check // new members only: 转入 from another branch
	viaDate, viaNote *widget.Entry
	viaMsg           *widget.Label

	// serverErrs are messages the service returned on save (say, an ID
	// number already on the roster); each stays while its field is unchanged.
	serverErrs map[model.Field][2]string // message, the field's text when returned

	summary *widget.Label
	save    *widget.Button
}

// showMemberForm opens the form for m; a zero ID means a new member.
func showMemberForm(sh *shell, m model.Member) *memberForm {
	f := &memberForm{
		sh: sh, orig: m, isNew: m.ID == 0,
		entries: map[model.Field]*widget.Entry{}, selects: map[model.Field]*widget.Select{},
		checks: map[model.Field]*widget.Check{}, msgs: map[model.Field]*widget.Label{},
		touched: map[model.Field]bool{}, serverErrs: map[model.Field][2]string{},
	}
	title := lang.L("编辑党员信息")
	if f.isNew {
		title = lang.L("新增党员")
	}
	f.dlg = dialog.NewCustomWithoutButtons(title, f.build(), sh.win)
	f.load(m)
	f.revalidate()
	f.dlg.Resize(fyne.NewSize(1000, 640))
	f.dlg.Show()
	return f
}

func (f *memberForm) build() fyne.CanvasObject {
	cells := make([]*formCell, 0, len(model.MemberFields))
	for _, fi := range model.MemberFields {
		cell := newCell(fi.Label, f.input(fi.Field))
		f.msgs[fi.Field] = cell.msg
		if fi.Field == model.FieldFullDate {
			f.partyAge = widget.NewLabel("")
			cell.extra = f.partyAge
		}
		cells = append(cells, cell)
	}
	hint := widget.NewLabel(lang.L("日期按 年-月-日 填写，如 1985-03-12；只知道年月时填 1985-03。填好有效的公民身份号码后，出生日期和性别会自动填入。"))
	hint.Wrapping = fyne.TextWrapWord
	// The strut keeps the right column clear of the scroll bar.
	strut := canvas.NewRectangle(color.Transparent)
	strut.SetMinSize(fyne.NewSize(theme.ScrollBarSize(), 0))
	body := container.NewVBox(hint, formColumns(2, cells))
	if f.isNew {
		body.Add(widget.NewSeparator())
		body.Add(f.buildTransferIn())
	}

	f.summary = widget.NewLabel("")
	f.summary.Wrapping = fyne.TextWrapWord
	f.save = widget.NewButton(lang.L("保存"), f.submit)
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("取消"), func() { f.dlg.Hide() })
	buttons := container.NewBorder(nil, nil, nil, container.NewHBox(cancel, f.save), f.summary)
	return container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(container.NewBorder(nil, nil, nil, strut, body)))
}

// input makes the widget for one field and hooks it to validation.
func (f *memberForm) input(field model.Field) fyne.CanvasObject {
	changed := func() { f.touched[field] = true; f.revalidate() }
	var sel []string
	switch field {
	case model.FieldSex:
		sel = selectOptions(model.SexMale, model.SexFemale)
	case model.FieldCategory:
		sel = selectOptions(model.CategoryFull, model.CategoryProbationary)
	case model.FieldStanding:
		sel = selectOptions(model.StandingNormal, model.StandingSuspended)
	case model.FieldLostContact, model.FieldMobile:
		c := widget.NewCheck(lang.L("是"), func(bool) { changed(); f.enableDependents() })
		f.checks[field] = c
		return c
	case model.FieldEducation, model.FieldPost:
		opts := model.Educations
		if field == model.FieldPost {
			opts = model.Posts
		}
		se := widget.NewSelectEntry(opts)
		se.OnChanged = func(string) { changed() }
		f.entries[field] = &se.Entry
		return se
	}
	if sel != nil {
		s := widget.NewSelect(sel, func(string) { changed() })
		s.PlaceHolder = lang.L("请选择")
		f.selects[field] = s
		return s
	}
	e := widget.NewEntry()
	switch field {
	case model.FieldBirthDate, model.FieldJoinDate, model.FieldFullDate:
		e = newDateEntry()
	case model.FieldLostSince:
		e.SetPlaceHolder(lang.L("如 2024-03"))
	case model.FieldIDNumber:
		e.SetPlaceHolder(lang.L("18位，末位可为 X"))
	}
	e.OnChanged = func(string) {
		if field == model.FieldIDNumber {
			f.fillFromIDNumber()
		}
		changed()
	}
	f.entries[field] = e
	return e
}

func (f *memberForm) buildTransferIn() fyne.CanvasObject {
	f.viaDate = newDateEntry()
	f.viaDate.SetText(f.sh.svc.today().String())
	f.viaNote = widget.NewEntry()
	f.viaNote.SetPlaceHolder(lang.L("从何处转来、介绍信编号"))
	f.viaMsg = newMessage()
	f.viaDate.OnChanged = func(string) { f.revalidate() }
	f.transferIn = widget.NewCheck(lang.L("转入（从其他支部转来）"), func(bool) { f.enableDependents(); f.revalidate() })
	cells := []*formCell{newCell("转入日期", f.viaDate), newCell("说明", f.viaNote)}
	cells[0].msg = f.viaMsg
	return container.NewVBox(f.transferIn, formColumns(2, cells))
}

// load puts m into the widgets without marking anything as touched.
func (f *memberForm) load(m model.Member) {
	for _, fi := range model.MemberFields {
		text := m.Text(fi.Field)
		switch {
		case f.entries[fi.Field] != nil:
			f.entries[fi.Field].SetText(text)
		case f.selects[fi.Field] != nil:
			f.selects[fi.Field].SetSelected(text)
		case f.checks[fi.Field] != nil:
			f.checks[fi.Field].SetChecked(text == "是")
		}
	}
	f.touched = map[model.Field]bool{}
	f.enableDependents()
}

// text is what the widget of a field holds, in model.Member.Text's form.
func (f *memberForm) text(field model.Field) string {
	switch {
	case f.entries[field] != nil:
		return f.entries[field].Text
	case f.selects[field] != nil:
		return f.selects[field].Selected
	case f.checks[field] != nil && f.checks[field].Checked:
		return "是"
	}
	return "否"
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
	if f.selects[model.FieldSex].Selected == "" {
		f.selects[model.FieldSex].SetSelected(string(info.Sex))
	}
}

// enableDependents enables 失联年月 and 外出流向 only when they apply.
func (f *memberForm) enableDependents() {
	setEnabled(f.entries[model.FieldLostSince], f.checks[model.FieldLostContact].Checked)
	setEnabled(f.entries[model.FieldMobileDestination], f.checks[model.FieldMobile].Checked)
	if f.transferIn != nil {
		setEnabled(f.viaDate, f.transferIn.Checked)
		setEnabled(f.viaNote, f.transferIn.Checked)
	}
}
