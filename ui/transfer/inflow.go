package transfer

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// inflowTab is the 流入党员登记表: members of other organisations taking part
// here, those still here first.
type inflowTab struct {
	*registerList[model.InflowMember]
}

func newInflowTab(s *Screen) *inflowTab {
	t := &inflowTab{}
	add := widget.NewButtonWithIcon(kit.L("新增流入党员…"), theme.ContentAddIcon(), func() { showInflowForm(s, model.InflowMember{}) })
	export := widget.NewButtonWithIcon(kit.L("导出流入党员登记表…"), theme.DocumentSaveIcon(), func() {
		s.host.SaveWorkbook("导出流入党员登记表", kit.L("流入党员登记表")+".xlsx", func(path string) (string, error) {
			n, err := s.svc.ExportInflowRegister(path)
			return kit.N("已导出 {{.N}} 人，文件保存在：", n, map[string]any{"N": n}), err
		})
	})
	t.registerList = newRegisterList(s, registerKind[model.InflowMember]{
		entries: func() []model.InflowMember { return s.data.Inflow },
		id:      func(im *model.InflowMember) int64 { return im.ID },
		current: (*model.InflowMember).Here,
		since:   func(im *model.InflowMember) model.Date { return im.ArrivedOn },
		item:    t.item,
		show:    t.show,
	}, emptyLabel("没有流入党员。其他地方的党员在本单位工作、持《流动党员活动证》或证明信参加本支部活动而不转接组织关系的，在这里登记：他们不列入花名册，参加活动时在活动记录的“出席情况”中勾选为列席，不计入应到人数和表决。"),
		kit.L("选择左侧的一位流入党员，查看或修改其登记。"), add, export)
	return t
}

func (t *inflowTab) item(im *model.InflowMember) (string, string, widget.Importance) {
	if !im.Here(t.s.host.Today()) {
		return im.Name + "（" + im.HomeOrg + "）", kit.L("{{.From}} 至 {{.To}}", map[string]any{"From": im.ArrivedOn.String(), "To": im.LeftOn.String()}), widget.LowImportance
	}
	return im.Name + "（" + im.HomeOrg + "）", attendedText(im.ArrivedOn, t.s.data.Attended[im.ID]), widget.MediumImportance
}

func (t *inflowTab) show(im *model.InflowMember) {
	rows := []detailRow{
		{"姓名", im.Name + "（" + kit.L(string(im.Sex)) + "）"},
		{"人员类别", kit.L(string(im.Category))},
		{"公民身份号码", orDash(im.IDNumber)},
		{"组织关系所在党组织", im.HomeOrg},
		{"流动党员活动证编号", orDash(im.CardNumber)},
		{"工作单位及岗位", orDash(im.Workplace)},
		{"联系电话", orDash(im.Phone)},
		{"流入日期", im.ArrivedOn.String()},
		{"离开日期", orDash(im.LeftOn.String())},
		{"列席本支部活动", lang.N("{{.N}} 次", t.s.data.Attended[im.ID], map[string]any{"N": t.s.data.Attended[im.ID]})},
		{"备注", orDash(im.Note)},
	}
	entry := *im
	edit := widget.NewButtonWithIcon(kit.L("修改…"), theme.DocumentCreateIcon(), func() { showInflowForm(t.s, entry) })
	leave := widget.NewButtonWithIcon(kit.L("登记离开…"), theme.LogoutIcon(), func() {
		e := entry
		e.LeftOn = t.s.host.Today()
		showInflowForm(t.s, e)
	})
	if !im.LeftOn.IsZero() {
		leave.Disable()
	}
	t.detail.show(rows, edit, leave)
}

// showInflowForm enters (ID 0) or edits a member from elsewhere.
func showInflowForm(s *Screen, im model.InflowMember) {
	isNew := im.ID == 0
	form := kit.NewForm("保存")
	name, idNumber, phone, home, card, work, note := kit.NewEntry(), kit.NewEntry(), kit.NewEntry(), kit.NewEntry(), kit.NewEntry(), kit.NewEntry(), kit.NewEntry()
	sex := kit.NewChoice([]string{string(model.SexMale), string(model.SexFemale)}, nil)
	category := kit.NewChoice([]string{string(model.CategoryFull), string(model.CategoryProbationary)}, nil)
	arrived, left := kit.NewDateEntry(), kit.NewDateEntry()
	arrived.Today, left.Today = s.host.Today, s.host.Today
	home.SetPlaceHolder(kit.L("如 甘肃省定西市某村党支部"))
	idNumber.OnChanged = func(v string) {
		if info, err := model.ParseIDNumber(model.NormalizeIDNumber(v)); err == nil && sex.Value() == "" {
			sex.SetValue(string(info.Sex))
		}
	}
	fName := form.Add("姓名", name)
	fSex := form.Add("性别", sex)
	fID := form.Add("公民身份号码", idNumber)
	fCat := form.Add("人员类别", category)
	fHome := form.Add("组织关系所在党组织", home)
	fCard := form.Add("流动党员活动证编号", card)
	fWork := form.Add("工作单位及岗位", work)
	fPhone := form.Add("联系电话", phone)
	fArrived := form.Add("流入日期", arrived)
	fLeft := form.Add("离开日期", left)
	fNote := form.Add("备注", note)
	fields := []*kit.Field{fName, fSex, fID, fCat, fHome, fCard, fWork, fPhone, fArrived, fLeft, fNote}
	byField := map[model.Field]*kit.Field{
		model.InflowNameField: fName, model.InflowSexField: fSex, model.InflowIDNumberField: fID, model.InflowCategoryField: fCat,
		model.InflowHomeOrgField: fHome, model.InflowCardField: fCard, model.InflowWorkplaceField: fWork, model.InflowPhoneField: fPhone,
		model.InflowArrivedField: fArrived, model.InflowLeftField: fLeft, model.InflowNoteField: fNote,
	}
	read := func() (model.InflowMember, model.ValidationErrors) {
		out := im
		var errs model.ValidationErrors
		var err error
		out.Name, out.IDNumber, out.Phone, out.HomeOrg, out.CardNumber, out.Workplace, out.Note =
			name.Text, idNumber.Text, phone.Text, home.Text, card.Text, work.Text, note.Text
		out.Sex, out.Category = model.Sex(sex.Value()), model.Category(category.Value())
		if out.ArrivedOn, err = arrived.Date(); err != nil {
			errs = append(errs, model.ErrProblem(model.InflowArrivedField, err))
		}
		if out.LeftOn, err = left.Date(); err != nil {
			errs = append(errs, model.ErrProblem(model.InflowLeftField, err))
		}
		return out, errs
	}
	form.Check = func(put func(*kit.Field, string)) {
		out, errs := read()
		report(dedupe(append(errs, out.Validate(s.host.Today())...)), byField, put)
	}
	form.Load(func() {
		name.SetText(im.Name)
		sex.SetValue(string(im.Sex))
		idNumber.SetText(im.IDNumber)
		category.SetValue(string(im.Category))
		if isNew {
			category.SetValue(string(model.CategoryFull))
			arrived.SetDate(s.host.Today())
		} else {
			arrived.SetDate(im.ArrivedOn)
		}
		home.SetText(im.HomeOrg)
		card.SetText(im.CardNumber)
		work.SetText(im.Workplace)
		phone.SetText(im.Phone)
		left.SetDate(im.LeftOn)
		note.SetText(im.Note)
	})
	var dlg *kit.FormDialog
	form.OnSubmit = submitWith(s, form, byField, &dlg, func() func() error {
		out, _ := read()
		return func() error { _, err := s.svc.SaveInflow(out); return err }
	})
	title := "新增流入党员"
	if !isNew {
		title = "修改流入党员"
	}
	intro := kit.NewWrapLabel(kit.L("流入党员不列入本支部花名册；参加活动时在活动记录的“出席情况”中勾选为列席，不计入应到人数，也不参加表决。在本地工作{{.Months}}个月以上的，应将组织关系转入。",
		map[string]any{"Months": model.CurrentMobileRules().TransferAfterMonths.N}))
	body := container.NewVBox(intro, form.Grid(2, fields...))
	dlg = kit.ShowForm(s.host.Window(), title, form, body, fyne.NewSize(820, 560))
	if formShown != nil {
		formShown(form, fields)
	}
}

// attendedText is a member from elsewhere's line in the list: since when,
// and how many of this branch's activities (1 time, 2 times in English).
func attendedText(from model.Date, n int) string {
	return lang.N("{{.From}} 起在本支部参加活动 · 列席 {{.N}} 次", n, map[string]any{"From": from.String(), "N": n})
}
