package transfer

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// mobileTab is the 流动党员登记表: the members away first, then those back.
type mobileTab struct {
	*registerList[model.MobileMember]
	// offRoster are the members no longer on the roster, by ID, read once
	// per refresh (gone is asked for every row).
	offRoster map[int64]model.Member
}

func newMobileTab(s *Screen) *mobileTab {
	t := &mobileTab{}
	add := widget.NewButtonWithIcon(kit.L("登记外出…"), theme.ContentAddIcon(), func() { showMobileForm(s, model.MobileMember{}) })
	export := widget.NewButtonWithIcon(kit.L("导出流动党员登记表…"), theme.DocumentSaveIcon(), func() {
		s.host.SaveWorkbook("导出流动党员登记表", kit.L("流动党员登记表")+".xlsx", func(path string) (string, error) {
			n, err := s.svc.ExportMobileRegister(path)
			return kit.N("已导出 {{.N}} 人次，文件保存在：", n, map[string]any{"N": n}), err
		})
	})
	t.registerList = newRegisterList(s, registerKind[model.MobileMember]{
		entries: func() []model.MobileMember { return s.data.Mobile },
		id:      func(mm *model.MobileMember) int64 { return mm.ID },
		current: func(mm *model.MobileMember, today model.Date) bool { return mm.Away(today) && t.gone(mm) == nil },
		since:   func(mm *model.MobileMember) model.Date { return mm.LeftOn },
		item:    t.item,
		show:    t.show,
	}, emptyLabel("没有流动党员。党员外出务工、经商等暂不转接组织关系时，点“登记外出”：记下外出流向、流动党员活动证和流入地党组织，之后登记其报告和返回。"),
		kit.L("选择左侧的一位流动党员，查看其外出情况、登记报告或返回。"), add, export)
	return t
}

func (t *mobileTab) state(mm *model.MobileMember) (string, widget.Importance) {
	today := t.s.host.Today()
	mr := model.CurrentMobileRules()
	if m := t.gone(mm); m != nil {
		return kit.L("{{.Date}} {{.By}}，已离开本支部名册", map[string]any{"Date": m.LeftOn.String(), "By": kit.Word(string(m.LeftBy))}), widget.LowImportance
	}
	switch {
	case !mm.Away(today):
		return kit.L("{{.Date}} 返回", map[string]any{"Date": mm.ReturnedOn.String()}), widget.LowImportance
	case !mm.Reporting(today, mr):
		return kit.L("外出中 · 超过一年未报告"), widget.DangerImportance
	case mm.LeftOn.MonthsUntil(today) >= mr.TransferAfterMonths.N && mm.NoTransfer == "":
		return kit.L("外出中 · 已满{{.N}}个月，应转接组织关系", map[string]any{"N": mr.TransferAfterMonths.N}), widget.WarningImportance
	}
	return kit.L("外出中 · 最近联系 {{.Date}}", map[string]any{"Date": mm.LastContact().String()}), widget.MediumImportance
}

// gone is the member of a stay away who has left the roster while away
// (transferred out by a letter, say): the stay is over, whatever its
// return date; nil while on the roster.
func (t *mobileTab) gone(mm *model.MobileMember) *model.Member {
	if m, ok := t.offRoster[mm.MemberID]; ok && !m.LeftOn.Before(mm.LeftOn) {
		return &m
	}
	return nil
}

// refresh reads who is off the roster, once for the rows it shows (the
// list's cells ask gone for every row), then shows the register.
func (t *mobileTab) refresh() {
	t.indexMembers()
	t.registerList.refresh()
}

func (t *mobileTab) indexMembers() {
	t.offRoster = map[int64]model.Member{}
	for _, m := range t.s.host.Members() {
		if !m.OnRoster {
			t.offRoster[m.ID] = m
		}
	}
}

func (t *mobileTab) item(mm *model.MobileMember) (string, string, widget.Importance) {
	st, imp := t.state(mm)
	return mm.Name + " → " + mm.Destination, kit.L("{{.Date}} 外出", map[string]any{"Date": mm.LeftOn.String()}) + " · " + st, imp
}

func (t *mobileTab) show(mm *model.MobileMember) {
	mr := model.CurrentMobileRules()
	st, _ := t.state(mm)
	var reports []string
	for _, r := range mm.Reports {
		line := r.Date.String()
		if r.Way != "" {
			line += " " + kit.Word(r.Way)
		}
		if r.Content != "" {
			line += "：" + r.Content
		}
		reports = append(reports, line)
	}
	card := orDash(mm.CardNumber)
	if due := mm.CardDue(mr); !due.IsZero() {
		if today := t.s.host.Today(); mm.Open(today) && due.Before(today) {
			// As the printed register and home say it.
			card += kit.L("（下次年审 {{.Date}}，已逾期）", map[string]any{"Date": due.String()})
		} else {
			card += kit.L("（下次年审 {{.Date}}）", map[string]any{"Date": due.String()})
		}
	}
	rows := []detailRow{
		{"党员姓名", mm.Name},
		{"外出日期", mm.LeftOn.String()},
		{"外出流向", mm.Destination},
		{"外出原因", orDash(kit.Word(mm.Reason))},
		{"流动党员活动证", card},
		{"联系方式", orDash(mm.Contact)},
		{"流入地党组织", orDash(mm.HostOrg)},
		{"计划返回日期", orDash(mm.PlannedReturn.String())},
		{"返回日期", orDash(mm.ReturnedOn.String())},
		{"暂不转接组织关系的原因", orDash(mm.NoTransfer)},
		{"情况", st},
		{"向支部报告", orDash(strings.Join(reports, "\n"))},
		{"备注", orDash(mm.Note)},
	}
	entry := *mm
	edit := widget.NewButtonWithIcon(kit.L("修改…"), theme.DocumentCreateIcon(), func() { showMobileForm(t.s, entry) })
	rep := widget.NewButtonWithIcon(kit.L("登记报告…"), theme.MailComposeIcon(), func() { showReportForm(t.s, entry) })
	back := widget.NewButtonWithIcon(kit.L("登记返回…"), theme.NavigateBackIcon(), func() {
		e := entry
		e.ReturnedOn = t.s.host.Today()
		showMobileForm(t.s, e)
	})
	transfer := widget.NewButtonWithIcon(kit.L("开具介绍信…"), theme.MailSendIcon(), func() { ShowLetterForm(t.s.host, t.s.svc, entry.MemberID, t.s.saved) })
	member := widget.NewButtonWithIcon(kit.L("查看党员"), theme.AccountIcon(), func() { t.s.host.OpenMember(entry.MemberID) })
	if !mm.Away(t.s.host.Today()) || t.gone(mm) != nil {
		rep.Disable()
		back.Disable()
		transfer.Disable()
	}
	t.detail.show(rows, edit, rep, back, transfer, member)
}

// showMobileForm enters a stay away (ID 0) or edits one; a return is an
// edit with the return date filled in.
func showMobileForm(s *Screen, mm model.MobileMember) {
	isNew := mm.ID == 0
	form := kit.NewForm("保存")
	var members []model.Member
	var names []string
	for _, m := range s.host.Members() {
		if m.OnRoster || m.ID == mm.MemberID {
			members = append(members, m)
			names = append(names, memberChoice(&m))
		}
	}
	member := kit.NewSelect(names, nil)
	left, reviewed, planned, returned := kit.NewDateEntry(), kit.NewDateEntry(), kit.NewDateEntry(), kit.NewDateEntry()
	for _, d := range []*kit.DateEntry{left, reviewed, planned, returned} {
		d.Today = s.host.Today
	}
	dest, reason, card, contact, host, noTransfer, note := kit.NewEntry(), kit.NewSelectEntry(wordChoices(model.MobileReasons)),
		kit.NewEntry(), kit.NewEntry(), kit.NewEntry(), kit.NewEntry(), kit.NewEntry()
	dest.SetPlaceHolder(kit.L("如 广东省深圳市南山区某公司"))
	noTransfer.SetPlaceHolder(kit.L("外出满{{.Months}}个月仍不转接时填写，如 流动性大、无固定地点", map[string]any{"Months": model.CurrentMobileRules().TransferAfterMonths.N}))
	// The contact follows the member chosen unless the user typed one:
	// the stay must not keep the previously chosen member's number.
	member.OnChanged = func(string) {
		if i := member.SelectedIndex(); i >= 0 {
			contact.Fill(members[i].Phone)
		}
	}
	fMember := form.Add("党员姓名", member)
	fLeft := form.Add("外出日期", left)
	fDest := form.Add("外出流向", dest)
	fReason := form.Add("外出原因", reason)
	fCard := form.Add("流动党员活动证编号", card)
	fReviewed := form.Add("活动证发放或年审日期", reviewed)
	fContact := form.Add("联系方式", contact)
	fHost := form.Add("流入地党组织", host)
	fPlanned := form.Add("计划返回日期", planned)
	fReturned := form.Add("返回日期", returned)
	fNoTransfer := form.Add("暂不转接组织关系的原因", noTransfer)
	fNote := form.Add("备注", note)
	fields := []*kit.Field{fMember, fLeft, fDest, fReason, fCard, fReviewed, fContact, fHost, fPlanned, fReturned, fNoTransfer, fNote}
	byField := map[model.Field]*kit.Field{
		model.MobileMemberField: fMember, model.MobileLeftOnField: fLeft, model.MobileDestinationField: fDest,
		model.MobileReasonField: fReason, model.MobileCardField: fCard, model.MobileCardReviewedField: fReviewed,
		model.MobileContactField: fContact, model.MobileHostOrgField: fHost, model.MobilePlannedReturnField: fPlanned,
		model.MobileReturnedField: fReturned, model.MobileNoTransferField: fNoTransfer, model.MobileNoteField: fNote,
	}
	read := func() (model.MobileMember, *model.Member, model.ValidationErrors) {
		out := mm
		var errs model.ValidationErrors
		dateOf := func(f model.Field, e *kit.DateEntry) model.Date {
			d, err := e.Date()
			if err != nil {
				errs = append(errs, model.ErrProblem(f, err))
			}
			return d
		}
		out.LeftOn = dateOf(model.MobileLeftOnField, left)
		out.CardReviewed = dateOf(model.MobileCardReviewedField, reviewed)
		out.PlannedReturn = dateOf(model.MobilePlannedReturnField, planned)
		out.ReturnedOn = dateOf(model.MobileReturnedField, returned)
		out.Destination, out.Reason, out.CardNumber, out.Contact = dest.Text, chosenWord(model.MobileReasons, reason.Text), card.Text, contact.Text
		out.HostOrg, out.NoTransfer, out.Note = host.Text, noTransfer.Text, note.Text
		var m *model.Member
		if i := member.SelectedIndex(); i >= 0 {
			m = &members[i]
			out.MemberID = m.ID
		}
		return out, m, errs
	}
	form.Check = func(put func(*kit.Field, string)) {
		out, m, errs := read()
		if m == nil {
			put(fMember, kit.L("请选择外出的党员"))
			return
		}
		errs = append(errs, out.Validate(m, s.data.Mobile, s.host.Today())...)
		report(dedupe(errs), byField, put)
	}
	form.Load(func() {
		for i := range members {
			if members[i].ID == mm.MemberID {
				member.SetSelectedIndex(i)
			}
		}
		if isNew {
			left.SetDate(s.host.Today())
		} else {
			left.SetDate(mm.LeftOn)
		}
		dest.SetText(mm.Destination)
		reason.SetText(kit.Word(mm.Reason))
		card.SetText(mm.CardNumber)
		reviewed.SetDate(mm.CardReviewed)
		contact.SetText(mm.Contact)
		host.SetText(mm.HostOrg)
		planned.SetDate(mm.PlannedReturn)
		noTransfer.SetText(mm.NoTransfer)
		note.SetText(mm.Note)
		// 登记返回 opens the entry with today's date as the return.
		returned.SetDate(mm.ReturnedOn)
	})
	if !isNew {
		member.Disable()
	}
	var dlg *kit.FormDialog
	save := submitWith(s, form, byField, &dlg, func() func() error {
		out, _, _ := read()
		return func() error { _, err := s.svc.SaveMobile(out); return err }
	})
	// A stay away over a day the member was present at this branch's
	// activity is asked about before saving (s3-13-attack #6).
	form.OnSubmit = func() {
		out, m, _ := read()
		if m == nil {
			save()
			return
		}
		p, ok, err := s.svc.PresentWhileAway(out.MemberID, out.LeftOn, out.ReturnedOn)
		if err != nil || !ok {
			save()
			return
		}
		s.host.Confirm(kit.L("核对外出日期"), kit.Say(model.LeftBeforePresence(m.Name, out.LeftOn, p)), save)
	}
	title := "登记外出"
	switch {
	case !isNew && !mm.ReturnedOn.IsZero():
		title = "登记返回"
	case !isNew:
		title = "修改流动党员登记"
	}
	intro := kit.NewWrapLabel(kit.L("外出不满{{.Months}}个月或暂时无法转接组织关系的党员持《流动党员活动证》在流入地参加组织生活，每年至少向本支部报告一次。外出期间且按时报告的，不计入本支部“未参加组织生活”的月数。",
		map[string]any{"Months": model.CurrentMobileRules().TransferAfterMonths.N}))
	body := container.NewVBox(intro, form.Grid(2, fields...))
	dlg = kit.ShowForm(s.host.Window(), title, form, body, fyne.NewSize(860, 600))
	if formShown != nil {
		formShown(form, fields)
	}
}

// showReportForm records a mobile member's report to the branch.
func showReportForm(s *Screen, mm model.MobileMember) {
	form := kit.NewForm("登记")
	date, way, content := kit.NewDateEntry(), kit.NewSelectEntry(wordChoices(model.MobileReportWays)), kit.NewEntry()
	date.Today = s.host.Today
	content.SetPlaceHolder(kit.L("思想、工作和参加组织生活的情况"))
	fDate := form.Add("报告日期", date)
	fWay := form.Add("报告方式", way)
	fContent := form.Add("报告内容", content)
	fields := []*kit.Field{fDate, fWay, fContent}
	byField := map[model.Field]*kit.Field{model.MobileReportDateField: fDate, model.MobileReportWayField: fWay, model.MobileReportTextField: fContent}
	read := func() (model.MobileReport, model.ValidationErrors) {
		d, err := date.Date()
		r := model.MobileReport{MobileID: mm.ID, Date: d, Way: chosenWord(model.MobileReportWays, way.Text), Content: content.Text}
		if err != nil {
			return r, model.ValidationErrors{model.ErrProblem(model.MobileReportDateField, err)}
		}
		return r, nil
	}
	form.Check = func(put func(*kit.Field, string)) {
		r, errs := read()
		if len(errs) == 0 {
			errs = r.Validate(&mm, s.host.Today())
		}
		report(errs, byField, put)
	}
	form.Load(func() { date.SetDate(s.host.Today()) })
	var dlg *kit.FormDialog
	form.OnSubmit = submitWith(s, form, byField, &dlg, func() func() error {
		r, _ := read()
		return func() error { _, err := s.svc.AddMobileReport(r); return err }
	})
	body := container.NewVBox(widget.NewLabel(mm.Name+" → "+mm.Destination), form.Grid(1, fields...))
	dlg = kit.ShowForm(s.host.Window(), "登记流动党员报告", form, body, fyne.NewSize(600, 360))
	if formShown != nil {
		formShown(form, fields)
	}
}

// wordChoices are the usual words of a choice (model.MobileReasons …) in
// the UI language.
func wordChoices(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = kit.Word(w)
	}
	return out
}

// chosenWord is what is stored for what a choice field holds: a usual word
// picked in another language is kept in Chinese, as the registers print it.
func chosenWord(words []string, text string) string {
	for _, w := range words {
		if text == kit.Word(w) {
			return w
		}
	}
	return text
}
