package transfer

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// insTab lists the incoming letters, newest first.
type insTab struct {
	s        *Screen
	list     *widget.List
	empty    *kit.WrapLabel
	detail   *details
	content  fyne.CanvasObject
	shown    []model.TransferIn
	selected int64
}

func newInsTab(s *Screen) *insTab {
	t := &insTab{s: s}
	t.list = twoLineList(func() int { return len(t.shown) }, t.item, func(i int) { t.open(t.shown[i].ID) })
	t.empty = emptyLabel("还没有登记过转入。党员持其他党组织开具的介绍信来报到时，点“登记转入”：记下介绍信编号、党费交至和人员类别，党员即列入花名册。")
	t.detail = newDetails(kit.L("选择左侧的一条转入记录，查看其内容并打印回执。"))
	add := widget.NewButtonWithIcon(kit.L("登记转入…"), theme.ContentAddIcon(), func() { showTransferInForm(s) })
	add.Importance = widget.HighImportance
	t.content = tabLayout(container.NewHBox(add), t.list, t.empty, t.detail.content)
	return t
}

func (t *insTab) item(i int) (string, string, widget.Importance) {
	in := &t.shown[i]
	return in.Name + " ← " + in.FromOrg, kit.L("{{.Date}} 转入 · 介绍信 {{.Number}} · 党费交至 {{.Paid}}", map[string]any{
		"Date": in.Date.String(), "Number": in.LetterNumber, "Paid": kit.DateText(in.PaidTo.Date())}), widget.MediumImportance
}

func (t *insTab) refresh() {
	t.shown = slices.Clone(t.s.data.Ins)
	slices.Reverse(t.shown)
	t.empty.Hidden = len(t.shown) > 0
	t.list.UnselectAll()
	t.list.Refresh()
	t.open(t.selected)
}

func (t *insTab) open(id int64) {
	t.selected = id
	var in *model.TransferIn
	for i := range t.shown {
		if t.shown[i].ID == id {
			in = &t.shown[i]
		}
	}
	if in == nil {
		t.detail.show(nil)
		return
	}
	rows := []detailRow{
		{"党员姓名", in.Name},
		{"介绍信编号", in.LetterNumber},
		{"转出党组织", in.FromOrg},
		{"转出党组织的基层党委", orDash(in.FromCommittee)},
		{"介绍信开具日期", orDash(in.LetterDate.String())},
		{"转入日期", in.Date.String()},
		{"党费交至", kit.DateText(in.PaidTo.Date()) + kit.L("（此后的月份在本支部交纳）")},
		{"人员类别", kit.L(string(in.Category))},
		{"经办人", orDash(in.Handler)},
		{"备注", orDash(in.Note)},
	}
	rec := *in
	print := widget.NewButtonWithIcon(kit.L("打印回执…"), theme.DocumentPrintIcon(), func() {
		t.s.host.SaveWorkbook("打印回执", kit.L("{{.Name}}组织关系介绍信回执", map[string]any{"Name": rec.Name})+".xlsx", func(path string) (string, error) {
			return "", t.s.svc.ExportInReceipt(rec.ID, path)
		})
	})
	member := widget.NewButtonWithIcon(kit.L("查看党员"), theme.AccountIcon(), func() { t.s.host.OpenMember(rec.MemberID) })
	t.detail.show(rows, print, member)
}

// Who is transferred in.
const (
	inNew    = "新党员（从其他党组织转来）"
	inReturn = "曾从本支部转出的党员"
)

// showTransferInForm records an incoming letter: for a new member, their
// particulars too (the rest of the record is filled in on their page); for
// one who had transferred out, the member chosen.
func showTransferInForm(s *Screen) {
	form := kit.NewForm("登记转入")
	var former []model.Member
	var formerNames []string
	for _, m := range s.host.Members() {
		if !m.OnRoster && m.LeftBy == model.EventTransferOut {
			former = append(former, m)
			formerNames = append(formerNames, memberChoice(&m))
		}
	}
	who := widget.NewRadioGroup([]string{kit.L(inNew), kit.L(inReturn)}, nil)
	who.Horizontal = true
	formerSel := kit.NewSelect(formerNames, nil)
	name, idNumber, phone := kit.NewEntry(), kit.NewEntry(), kit.NewEntry()
	// Shown in the UI language, kept as GB 3304's name: the English form
	// said 汉族 (issue 8, ui13 #1).
	ethnicity := kit.NewValueEntry(model.CurrentEthnicities.Choices())
	sex := kit.NewChoice([]string{string(model.SexMale), string(model.SexFemale)}, nil)
	// The probation's rules are told only for a probationary member.
	probation := kit.NewWrapLabel(probationText(s.host.Today()))
	probation.Hide()
	category := kit.NewChoice([]string{string(model.CategoryFull), string(model.CategoryProbationary)}, func(v string) {
		probation.Hidden = v != string(model.CategoryProbationary)
		probation.Refresh()
	})
	join, full := kit.NewDateEntry(), kit.NewDateEntry()
	number, from, fromComm := kit.NewEntry(), kit.NewEntry(), kit.NewEntry()
	letterDate, date := kit.NewDateEntry().NeedDay(), kit.NewDateEntry().NeedDay()
	date.Today, letterDate.Today, join.Today, full.Today = s.host.Today, s.host.Today, s.host.Today, s.host.Today
	paidTo, handler, note := kit.NewEntry(), kit.NewEntry(), kit.NewEntry()
	duesNote := kit.NewWrapLabel("")
	duesNote.Importance = widget.WarningImportance
	duesNote.Hide()
	// Our 回执 goes back to the sending 基层党委: without it the printed
	// 回执 is addressed to nobody, as the letter form also warns.
	commNote := kit.NewWrapLabel(kit.L("未填写转出党组织的基层党委：打印的回执将没有收件单位。介绍信上写有的，请照抄。"))
	commNote.Importance = widget.WarningImportance
	commNote.Hide()
	paidTo.SetPlaceHolder(kit.L("介绍信上的年月，如 2026年10月"))
	number.SetPlaceHolder(kit.L("如 甘组转字（2026）88号"))
	// Short examples: the fields are half the dialog wide.
	for _, d := range []*kit.DateEntry{join, full, letterDate, date} {
		d.SetPlaceHolder(kit.L("如 2026-11-30"))
	}
	idNumber.OnChanged = func(v string) {
		if info, err := model.ParseIDNumber(model.NormalizeIDNumber(v)); err == nil && sex.Value() == "" {
			sex.SetValue(string(info.Sex))
		}
	}

	var personBox, formerBox fyne.CanvasObject
	isNew := func() bool { return who.Selected != kit.L(inReturn) }
	who.OnChanged = func(string) {
		if personBox == nil {
			return
		}
		if isNew() {
			personBox.Show()
			formerBox.Hide()
		} else {
			personBox.Hide()
			formerBox.Show()
		}
	}
	fWho := form.Add("转入的是", who)
	fFormer := form.Add("党员姓名", formerSel)
	fName := form.Add("姓名", name)
	fID := form.Add("公民身份号码", idNumber)
	fSex := form.Add("性别", sex)
	fEth := form.Add("民族", ethnicity)
	fCat := form.Add("人员类别", category)
	fJoin := form.Add("加入党组织日期", join)
	fFull := form.Add("转为正式党员日期", full)
	fPhone := form.Add("联系电话", phone)
	fNumber := form.Add("介绍信编号", number)
	fFrom := form.Add("转出党组织", from)
	fFromComm := form.Add("转出党组织的基层党委", fromComm)
	fLetterDate := form.Add("介绍信开具日期", letterDate)
	fDate := form.Add("转入日期", date)
	fPaid := form.Add("党费交至", paidTo)
	fHandler := form.Add("经办人", handler)
	fNote := form.Add("备注", note)
	personal := []*kit.Field{fName, fID, fSex, fEth, fJoin, fFull, fPhone}
	letterFields := []*kit.Field{fNumber, fFrom, fFromComm, fLetterDate, fDate, fPaid, fCat, fHandler, fNote}
	// The organisations' names are long: each takes the dialog's width.
	orgFields, otherLetterFields := []*kit.Field{fFrom, fFromComm}, []*kit.Field{fNumber, fLetterDate, fDate, fPaid, fCat, fHandler, fNote}
	byField := map[model.Field]*kit.Field{
		model.FieldName: fName, model.FieldIDNumber: fID, model.FieldSex: fSex, model.FieldEthnicity: fEth,
		model.FieldCategory: fCat, model.FieldJoinDate: fJoin, model.FieldFullDate: fFull, model.FieldPhone: fPhone,
		model.FieldBirthDate: fID, model.FieldArrivedOn: fDate,
		model.InLetterNumberField: fNumber, model.InFromOrgField: fFrom, model.InFromCommitteeField: fFromComm,
		model.InLetterDateField: fLetterDate, model.InDateField: fDate, model.InPaidToField: fPaid,
		model.InCategoryField: fCat, model.InHandlerField: fHandler, model.InNoteField: fNote,
		model.LetterMemberField: fFormer,
	}
	personBox = form.Grid(2, personal...)
	formerBox = form.Grid(2, fFormer)
	read := func() (model.TransferIn, *model.Member, model.ValidationErrors) {
		var errs model.ValidationErrors
		dateOf := func(f model.Field, e *kit.DateEntry) model.Date {
			d, err := e.Date()
			if err != nil {
				errs = append(errs, model.ErrProblem(f, err))
			}
			return d
		}
		in := model.TransferIn{LetterNumber: number.Text, FromOrg: from.Text, FromCommittee: fromComm.Text,
			Handler: handler.Text, Note: note.Text, Category: model.Category(category.Value())}
		in.LetterDate = dateOf(model.InLetterDateField, letterDate)
		in.Date = dateOf(model.InDateField, date)
		if paid, err := model.ParseFormMonth(paidTo.Text); err != nil {
			errs = append(errs, model.ErrProblem(model.InPaidToField, err))
		} else {
			in.PaidTo = paid
		}
		if !isNew() {
			i := formerSel.SelectedIndex()
			if i < 0 {
				errs = append(errs, model.FieldError{Field: model.LetterMemberField, Message: kit.L("请选择转回本支部的党员")})
				return in, nil, errs
			}
			in.MemberID = former[i].ID
			return in, nil, errs
		}
		m := model.NewMember()
		m.Name, m.IDNumber, m.Sex, m.Ethnicity, m.Phone = name.Text, idNumber.Text, model.Sex(sex.Value()), ethnicity.Value(), phone.Text
		m.Category = in.Category
		m.JoinDate = dateOf(model.FieldJoinDate, join)
		m.FullDate = dateOf(model.FieldFullDate, full)
		return in, &m, errs
	}
	// ledgerPaid caches the ledger's 党费交至 of each returning member: the
	// form checks at every keystroke.
	paidHere := map[int64]model.Month{}
	ledgerPaid := func(id int64) model.Month {
		if p, ok := paidHere[id]; ok {
			return p
		}
		p, err := s.svc.LedgerPaidTo(id)
		if err != nil {
			return 0 // the store says it again on 登记转入
		}
		paidHere[id] = p
		return p
	}
	form.Check = func(put func(*kit.Field, string)) {
		in, m, errs := read()
		today := s.host.Today()
		subject := model.Member{}
		if m != nil {
			mm := *m
			mm.Normalize()
			for _, fm := range former {
				if mm.IDNumber != "" && fm.IDNumber == mm.IDNumber {
					// Their record is kept: they come back as themselves.
					errs = append(model.ValidationErrors{{Field: model.FieldIDNumber, Message: kit.L("{{.Name}}曾从本支部转出：请在“转入的是”中选“曾从本支部转出的党员”", map[string]any{"Name": fm.Name})}}, errs...)
				}
			}
			mm.ArrivedOn = in.Date
			errs = append(errs, mm.Validate(today, model.CurrentRules())...)
			mm.OnRoster = false
			subject = mm
		} else if in.MemberID != 0 {
			for _, fm := range former {
				if fm.ID == in.MemberID {
					subject = fm
				}
			}
		}
		if subject.Name != "" || m != nil {
			if err := model.CheckTransferIn(&in, &subject, today, model.CurrentDuesRules()); err != nil {
				var ve model.ValidationErrors
				if isValidation(err, &ve) {
					errs = append(errs, ve...)
				} else {
					put(nil, kit.SayErr(err))
				}
			}
		}
		if m == nil && subject.ID != 0 {
			// Coming back: the letter may not unpay months paid here.
			var ve model.ValidationErrors
			if isValidation(model.CheckReturningPaidTo(&in, subject.Name, ledgerPaid(subject.ID)), &ve) {
				errs = append(errs, ve...)
			}
		}
		errs = dedupe(errs)
		report(errs, byField, put)
		// Not a refusal: a 党费交至 before the arrival is what the letter
		// says, but the months since are arrears here. A refused 党费交至
		// (before the member joined, say) counts nothing.
		if in.PaidTo != 0 && !in.Date.IsZero() && len(in.DuesGap()) > 0 && errs.For(model.InPaidToField) == "" {
			duesNote.SetText(duesText(&in, s.data.LedgerStart, s.data.LedgerSetUp, m != nil))
			duesNote.Show()
		} else {
			duesNote.Hide()
		}
		// A probationary member arriving after even the postponed 转正
		// discussion was due: the form says so instead of the usual rule.
		probation.SetText(probationText(today))
		probation.Importance = widget.MediumImportance
		if in.Category == model.CategoryProbationary {
			if end, latest, r, passed := model.PostponementPassed(subject.JoinDate, in.Date, model.CurrentRules().Membership); passed {
				probation.SetText(kit.L("该预备党员的预备期已于{{.End}}届满，按{{.Rule}}推迟讨论转正的期限（{{.Latest}}）在转入前也已过去：请先向转出党组织核实其是否已转正，或延长预备期、取消预备党员资格的决定。",
					map[string]any{"End": end.String(), "Rule": kit.Cite(r.Cite()), "Latest": latest.String()}))
				probation.Importance = widget.WarningImportance
			}
		}
		probation.Refresh()
		// Once the sending organisation is filled in, the committee is the
		// next thing the 回执 needs.
		commNote.Hidden = strings.TrimSpace(in.FromOrg) == "" || strings.TrimSpace(in.FromCommittee) != ""
		commNote.Refresh()
	}
	form.Load(func() {
		who.SetSelected(kit.L(inNew))
		ethnicity.SetValue(model.NewMember().Ethnicity)
		date.SetDate(s.host.Today())
	})
	if len(former) == 0 {
		who.Disable()
	}
	var dlg *kit.FormDialog
	form.OnSubmit = func() {
		in, m, _ := read()
		if m != nil {
			m.Normalize()
		}
		var saved model.Member
		var err error
		s.host.Background(func() { _, saved, err = s.svc.RecordTransferIn(in, m) }, func() {
			var dup interface{ Field() model.Field }
			switch {
			case err == nil:
				dlg.Hide()
				s.saved()
				kit.Inform(s.host.Window(), "已登记转入", kit.L("{{.Name}}已列入本支部花名册（到本支部日期{{.Date}}）。{{.Dues}}。其学历、工作岗位、住址等信息请在党员页面补充；需要时在“转入”中打印回执寄回转出党组织。",
					map[string]any{"Name": saved.Name, "Date": in.Date.String(), "Dues": duesText(&in, s.data.LedgerStart, s.data.LedgerSetUp, m != nil)}))
			case errors.As(err, &dup):
				form.SetServerError(byField[dup.Field()], kit.SayErr(err))
			case !showProblems(form, byField, err):
				form.SetError(kit.SayErr(err))
			}
		})
	}
	letterHead := widget.NewLabel(kit.L("介绍信"))
	letterHead.TextStyle.Bold = true
	body := container.NewVBox(form.Grid(1, fWho), formerBox, personBox, widget.NewSeparator(), letterHead, form.Grid(1, orgFields...), form.Grid(2, otherLetterFields...), commNote, duesNote, probation)
	formerBox.Hide()
	dlg = kit.ShowForm(s.host.Window(), "登记转入", form, body, fyne.NewSize(960, 680))
	if formShown != nil {
		formShown(form, append(append([]*kit.Field{fWho, fFormer}, personal...), letterFields...))
	}
}

// dedupe keeps the first problem of each field: the member's record and
// the letter may both speak of a date.
func dedupe(errs model.ValidationErrors) model.ValidationErrors {
	seen := map[model.Field]bool{}
	var out model.ValidationErrors
	for _, e := range errs {
		if !seen[e.Field] {
			seen[e.Field] = true
			out = append(out, e)
		}
	}
	return out
}

// probationText is what the 转入 form says of a probationary member: the
// probation goes on, and the 转正 discussion may wait as long as the rules
// in force on today allow (none before the 2026 edition).
func probationText(today model.Date) string {
	r, ok := model.ProbationTransferRulesOn(today)
	if !ok {
		return kit.L("预备党员转入后，预备期继续计算（自原支部大会接收之日起），预备期满时召开支部党员大会讨论其转正。")
	}
	return kit.L("预备党员转入后，预备期继续计算（自原支部大会接收之日起）；按{{.Rule}}，转正讨论可以推迟，最长不超过{{.Months}}个月，转正时间仍自预备期满之日算起。",
		map[string]any{"Rule": kit.Cite(r.Cite()), "Months": r.PostponeMonths.N})
}

// duesText is what the 转入 form and its confirmation say of the member's
// dues (model.TransferIn.DuesText); for a new member with months owed it
// adds that their base is still to be entered: without it the months are
// 缺基数 on their page, not the arrears the sentence names.
func duesText(in *model.TransferIn, start, setUp model.Month, newMember bool) string {
	text := kit.Say(in.DuesTextSince(start, setUp))
	if _, owed := in.DuesSplitSince(start, setUp); newMember && len(owed) > 0 {
		text += kit.L("（其党费基数尚未填写：请在“党费 → 基数”中填写，欠交的金额才能计算；此前这些月份显示为缺基数）")
	}
	return text
}
