package transfer

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// showReceiptForm records a letter's 回执: its date, who received the member
// (the letter's receiving organisation unless changed) and the handler.
func showReceiptForm(s *Screen, l model.TransferLetter) {
	form := kit.NewForm("登记回执")
	date, org, handler := kit.NewDateEntry().NeedDay(), kit.NewEntry(), kit.NewEntry()
	date.Today = s.host.Today
	fDate := form.Add("回执日期", date)
	fOrg := form.Add("接收党组织", org)
	fHandler := form.Add("经办人", handler)
	fields := []*kit.Field{fDate, fOrg, fHandler}
	byField := map[model.Field]*kit.Field{model.ReceiptDateField: fDate, model.ReceiptOrgField: fOrg, model.ReceiptHandlerField: fHandler}
	read := func() (model.LetterReceipt, string) {
		d, err := date.Date()
		rc := model.LetterReceipt{Date: d, Org: org.Text, Handler: handler.Text}
		if err != nil {
			return rc, kit.SayErr(err)
		}
		return rc, ""
	}
	form.Check = func(put func(*kit.Field, string)) {
		rc, dateErr := read()
		if dateErr != "" {
			put(fDate, dateErr)
			return
		}
		letter := l
		if err := model.CheckReceipt(&letter, &rc, s.host.Today()); err != nil {
			if !reportErr(err, byField, put) {
				put(nil, kit.SayErr(err))
			}
		}
	}
	form.Load(func() {
		date.SetDate(s.host.Today())
		org.SetText(l.ToOrg)
	})
	var dlg *kit.FormDialog
	form.OnSubmit = submitWith(s, form, byField, &dlg, func() func() error {
		rc, _ := read()
		return func() error { _, err := s.svc.RecordReceipt(l.ID, rc); return err }
	})
	intro := kit.NewWrapLabel(kit.L("接收党组织寄回的回执贴在存根联的“贴回执联处”备查；登记后这封介绍信办结。"))
	body := container.NewVBox(widget.NewLabel(letterText(&l)+" → "+l.ToOrg), intro, form.Grid(1, fields...))
	dlg = kit.ShowForm(s.host.Window(), "登记回执", form, body, fyne.NewSize(560, 460))
	if formShown != nil {
		formShown(form, fields)
	}
}

// showWithdrawForm withdraws a letter (作废) with a date and reason: the
// member comes back onto the roster, and the number stays used.
func showWithdrawForm(s *Screen, l model.TransferLetter) {
	form := kit.NewForm("作废")
	date, reason := kit.NewDateEntry().NeedDay(), kit.NewEntry()
	date.Today = s.host.Today
	reason.SetPlaceHolder(kit.L("如：未使用、填写有误、去向改变"))
	fDate := form.Add("作废日期", date)
	fReason := form.Add("作废原因", reason)
	fields := []*kit.Field{fDate, fReason}
	byField := map[model.Field]*kit.Field{model.WithdrawDateField: fDate, model.WithdrawReasonField: fReason}
	read := func() (model.LetterWithdrawal, string) {
		d, err := date.Date()
		w := model.LetterWithdrawal{Date: d, Reason: reason.Text}
		if err != nil {
			return w, kit.SayErr(err)
		}
		return w, ""
	}
	form.Check = func(put func(*kit.Field, string)) {
		w, dateErr := read()
		if dateErr != "" {
			put(fDate, dateErr)
			return
		}
		letter := l
		if err := model.CheckWithdrawal(&letter, &w, s.host.Today()); err != nil {
			if !reportErr(err, byField, put) {
				put(nil, kit.SayErr(err))
			}
		}
	}
	form.Load(func() { date.SetDate(s.host.Today()) })
	var dlg *kit.FormDialog
	form.OnSubmit = func() {
		w, _ := read()
		s.host.Confirm(kit.L("作废介绍信"), kit.L("作废后，{{.Name}}回到本支部名册，{{.Number}}不再使用（编号不会重复使用）。请收回介绍信原件，与存根一起保存。", map[string]any{
			"Name": l.Name, "Number": kit.Say(l.Numbered())}), submitWith(s, form, byField, &dlg, func() func() error {
			return func() error { _, err := s.svc.WithdrawLetter(l.ID, w); return err }
		}))
	}
	body := container.NewVBox(widget.NewLabel(letterText(&l)+" → "+l.ToOrg), form.Grid(1, fields...))
	dlg = kit.ShowForm(s.host.Window(), "作废介绍信", form, body, fyne.NewSize(560, 320))
	if formShown != nil {
		formShown(form, fields)
	}
}

// reportErr puts a model check's field problems under their fields; it
// reports whether err held any.
func reportErr(err error, byField map[model.Field]*kit.Field, put func(*kit.Field, string)) bool {
	var errs model.ValidationErrors
	if !isValidation(err, &errs) {
		return false
	}
	report(errs, byField, put)
	return true
}

// showSetupForm edits what the letters print besides the letter: the
// sending committee and its details, and the 套打 offset.
func showSetupForm(s *Screen) {
	form := kit.NewForm("保存")
	comm, addr, phone, fax, post := kit.NewEntry(), kit.NewEntry(), kit.NewEntry(), kit.NewEntry(), kit.NewEntry()
	offX, offY, next := kit.NewEntry(), kit.NewEntry(), kit.NewEntry()
	next.SetPlaceHolder(kit.L("如本年纸质介绍信已开到第5号，填 6"))
	comm.SetPlaceHolder(kit.L("盖章的基层党委，如 中共××街道工作委员会"))
	if p, err := s.svc.Profile(); err == nil {
		addr.SetPlaceHolder(orDash(p.OrgAddress) + kit.L("（支部信息中的地址）"))
		phone.SetPlaceHolder(orDash(p.ContactPhone) + kit.L("（支部信息中的联系人电话）"))
	}
	fComm := form.Add("转出党组织的基层党委", comm)
	fAddr := form.Add("通讯地址", addr)
	fPhone := form.Add("联系电话", phone)
	fFax := form.Add("传真", fax)
	fPost := form.Add("邮政编码", post)
	fX := form.Add("左右偏移（毫米）", offX)
	fY := form.Add("上下偏移（毫米）", offY)
	fNext := form.Add("本年下一个介绍信编号", next)
	fields := []*kit.Field{fComm, fAddr, fPhone, fFax, fPost, fX, fY, fNext}
	byField := map[model.Field]*kit.Field{model.SetupCommitteeField: fComm, model.SetupAddressField: fAddr, model.SetupPhoneField: fPhone,
		model.SetupFaxField: fFax, model.SetupPostcodeField: fPost, model.SetupOffsetXField: fX, model.SetupOffsetYField: fY, model.SetupNextNumberField: fNext}
	read := func() (model.LetterSetup, model.ValidationErrors) {
		ls := model.LetterSetup{Committee: comm.Text, Address: addr.Text, Phone: phone.Text, Fax: fax.Text, Postcode: post.Text}
		var errs model.ValidationErrors
		var err error
		if ls.OffsetX, err = model.ParseOffset(offX.Text); err != nil {
			errs = append(errs, model.ErrProblem(model.SetupOffsetXField, err))
		}
		if ls.OffsetY, err = model.ParseOffset(offY.Text); err != nil {
			errs = append(errs, model.ErrProblem(model.SetupOffsetYField, err))
		}
		if ls.NextNumber, err = model.ParseLetterNumber(next.Text); err != nil {
			errs = append(errs, model.ErrProblem(model.SetupNextNumberField, err))
		}
		return ls, errs
	}
	cur := s.data.Setup
	form.Check = func(put func(*kit.Field, string)) {
		ls, errs := read()
		errs = append(errs, model.CheckNextLetterNumber(s.host.Today().Year, ls.NextNumber, cur.NextNumber)...)
		report(append(errs, ls.Validate()...), byField, put)
	}
	form.Load(func() {
		comm.SetText(cur.Committee)
		addr.SetText(cur.Address)
		phone.SetText(cur.Phone)
		fax.SetText(cur.Fax)
		post.SetText(cur.Postcode)
		offX.SetText(model.OffsetText(cur.OffsetX))
		offY.SetText(model.OffsetText(cur.OffsetY))
		if cur.NextNumber > 0 {
			next.SetText(strconv.Itoa(cur.NextNumber))
		}
	})
	var dlg *kit.FormDialog
	form.OnSubmit = submitWith(s, form, byField, &dlg, func() func() error {
		ls, _ := read()
		return func() error { return s.svc.SaveLetterSetup(ls) }
	})
	intro := kit.NewWrapLabel(kit.L("这些内容印在介绍信上“党员原所在基层党委通讯地址”一栏，回执寄回给转出党组织的基层党委，请务必填写。地址和电话留空时，用“设置”中“支部信息”的地址和联系人电话。套打：在印好的介绍信纸上只打印填写的内容；先用普通纸试打一张，与印好的介绍信叠在一起对着光看，内容偏右就填负的左右偏移，偏下就填负的上下偏移（最多 ±{{.Max}} 毫米）。", map[string]any{"Max": model.MaxLetterOffset / 10}))
	// The committee's name and the address are long: a line each.
	body := container.NewVBox(intro, form.Grid(1, fComm, fAddr), form.Grid(2, fPhone, fFax, fPost), form.Grid(2, fX, fY), form.Grid(2, fNext))
	dlg = kit.ShowForm(s.host.Window(), "介绍信设置", form, body, fyne.NewSize(820, 620))
	if formShown != nil {
		formShown(form, fields)
	}
}
