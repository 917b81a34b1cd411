package transfer

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// letterForm is the 开具介绍信 dialog.
type letterForm struct {
	host    kit.Host
	svc     Service
	onSaved func()
	issued  func(l model.TransferLetter) // before onSaved, in the section

	noCommittee *kit.WrapLabel // the setup has no sending 基层党委

	form      *kit.Form
	dlg       *kit.FormDialog
	members   []model.Member // those on the roster, as offered
	member    *kit.Select
	fixed     int64 // the member the form was opened for, 0 to choose
	to, comm  *kit.Entry
	reason    *kit.SelectEntry
	date      *kit.DateEntry
	days      *kit.Entry
	phone     *kit.Entry
	preview   *kit.WrapLabel
	warning   *kit.WrapLabel
	byField   map[model.Field]*kit.Field
	draftErr  string
	dues      model.LetterDues
	draftedAs model.LetterRequest
}

// lastLetterForm is the letter dialog last opened, for tests.
var lastLetterForm *letterForm

// ShowLetterForm opens the 开具介绍信 dialog, for member id or, with id 0,
// for a member to choose among those on the roster. The number and 党费交至
// are shown as they will be printed before the letter is issued, and a
// member who owes dues is named first. onSaved runs once the letter is
// issued; the dialog then offers to print it.
func ShowLetterForm(host kit.Host, svc Service, id int64, onSaved func()) {
	showLetterForm(host, svc, id, onSaved, nil)
}

// showLetterForm is ShowLetterForm telling issued, when not nil, which
// letter was issued before onSaved reloads the section.
func showLetterForm(host kit.Host, svc Service, id int64, onSaved func(), issued func(l model.TransferLetter)) {
	f := &letterForm{host: host, svc: svc, onSaved: onSaved, issued: issued, fixed: id, form: kit.NewForm("开具")}
	var names []string
	for _, m := range host.Members() {
		// The member the form is opened for is offered even when no longer
		// on the roster (a page read before the letter was issued
		// elsewhere): the check then says why no letter can be issued.
		if id == 0 && m.OnRoster || m.ID == id {
			f.members = append(f.members, m)
			names = append(names, memberChoice(&m))
		}
	}
	f.member = kit.NewSelect(names, func(string) { f.memberChosen() })
	f.to, f.comm, f.days, f.phone = kit.NewEntry(), kit.NewEntry(), kit.NewEntry(), kit.NewEntry()
	f.comm.SetPlaceHolder(kit.L("介绍信的抬头，如 中共××区委组织部"))
	f.reason = kit.NewSelectEntry(reasonChoices())
	f.date = kit.NewDateEntry().NeedDay()
	f.date.Today = host.Today
	f.date.OnChanged = func(string) { f.draft() }
	f.preview = kit.NewWrapLabel("")
	f.warning = kit.NewWrapLabel("")
	f.warning.Importance = widget.WarningImportance

	fMember := f.form.Add("党员姓名", f.member)
	fTo := f.form.Add("接收党组织", f.to)
	fComm := f.form.Add("接收党组织的基层党委", f.comm)
	fReason := f.form.Add("转出原因", f.reason)
	fDate := f.form.Add("开具日期", f.date)
	fDays := f.form.Add("有效期（天）", f.days)
	fPhone := f.form.Add("党员联系电话", f.phone)
	fields := []*kit.Field{fMember, fTo, fComm, fReason, fDate, fDays, fPhone}
	f.byField = map[model.Field]*kit.Field{
		model.LetterMemberField: fMember, model.LetterToOrgField: fTo, model.LetterToCommitteeField: fComm,
		model.LetterReasonField: fReason, model.LetterDateField: fDate, model.LetterValidDaysField: fDays, model.LetterPhoneField: fPhone,
	}
	f.form.Check = f.check
	f.form.OnSubmit = f.submit
	f.form.Load(func() {
		f.date.SetDate(host.Today())
		f.days.SetText(strconv.Itoa(model.CurrentTransferRules().ValidDaysDefault.N))
		if len(f.members) == 1 && id != 0 {
			f.member.SetSelectedIndex(0)
			f.phone.Fill(f.members[0].Phone)
		}
	})
	if id != 0 {
		f.member.Disable()
	}
	f.draft()
	intro := kit.NewWrapLabel(kit.L("介绍信写明党员的基本情况和去向；党费交至取自党费账（已交清的最后一个月），有效期最长{{.Max}}天。开具后，该党员离开本支部名册（不删除任何记录），回执寄回后在此登记。", map[string]any{"Max": model.CurrentTransferRules().ValidDaysMax.N}))
	// The 回执 goes back to the sending 基层党委: without it in the setup
	// its line prints blank, which the secretary should know beforehand.
	noCommittee := kit.NewWrapLabel(kit.L("介绍信设置中还没有填写转出党组织的基层党委：回执上的收件单位将留空。请先在“介绍信设置…”中填写。"))
	noCommittee.Importance = widget.WarningImportance
	noCommittee.Hide()
	f.noCommittee = noCommittee
	var setup model.LetterSetup
	var setupErr error
	host.Background(func() {
		// The setup alone: the whole overview (every register and the
		// checks) was read again only for it.
		setup, setupErr = svc.LetterSetup()
	}, func() {
		switch {
		case setupErr != nil:
			// Unread is not empty: say it could not be read, not that the
			// 基层党委 is missing.
			noCommittee.SetText(kit.L("无法读取介绍信设置，不能确定回执的收件单位：") + kit.SayErr(setupErr))
			noCommittee.Show()
		case setup.Committee == "":
			noCommittee.Show()
		}
	})
	// The organisations' names are long: a line each; the short fields
	// side by side below. The number, 党费交至 and the dues owed stay in
	// sight under the fields, out of their scroll: they are what the
	// secretary must read before issuing.
	fieldsBox := kit.NewScroll(container.NewVBox(intro, noCommittee, f.form.Grid(1, fMember, fTo, fComm), f.form.Grid(2, fReason, fDate, fDays, fPhone)))
	body := container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), f.preview, f.warning), nil, nil, fieldsBox)
	f.dlg = kit.ShowFormUnscrolled(host.Window(), "开具组织关系介绍信", f.form, body, fyne.NewSize(820, 600))
	lastLetterForm = f
	if formShown != nil {
		formShown(f.form, fields)
	}
}

// memberChoice is how a member is offered: the name and the ID number's
// last four characters, which tell namesakes apart.
func memberChoice(m *model.Member) string {
	tail := m.IDNumber
	if len(tail) > 4 {
		tail = tail[len(tail)-4:]
	}
	return m.Name + "（" + tail + "）"
}

func (f *letterForm) chosen() *model.Member {
	i := f.member.SelectedIndex()
	if i < 0 || i >= len(f.members) {
		return nil
	}
	return &f.members[i]
}

func (f *letterForm) memberChosen() {
	if m := f.chosen(); m != nil {
		// The phone follows the member unless the user typed one: a
		// letter must not carry the previously chosen member's number.
		f.phone.Fill(m.Phone)
	}
	f.draft()
}

// request reads the form; the validity's problem, if any, comes back.
func (f *letterForm) request() (model.LetterRequest, string) {
	q := model.LetterRequest{ToOrg: f.to.Text, ToCommittee: f.comm.Text, Reason: chosenReason(f.reason.Text), Phone: f.phone.Text}
	if m := f.chosen(); m != nil {
		q.MemberID = m.ID
	}
	q.Date, _ = f.date.Date()
	days, err := model.ParseValidDays(f.days.Text)
	q.ValidDays = days
	if err != nil {
		return q, kit.SayErr(err)
	}
	return q, ""
}

// check applies the letter's rules as the store will, with the draft's
// refusal (a 党费交至 the ledger cannot tell) beside 保存.
func (f *letterForm) check(put func(*kit.Field, string)) {
	m := f.chosen()
	if m == nil {
		put(f.byField[model.LetterMemberField], kit.L("请选择要转出的党员"))
		return
	}
	if _, err := f.date.Date(); err != nil {
		put(f.byField[model.LetterDateField], kit.SayErr(err))
	}
	q, daysErr := f.request()
	if daysErr != "" {
		put(f.byField[model.LetterValidDaysField], daysErr)
	}
	if _, err := model.NewLetter(q, m, "", 0, f.host.Today(), model.CurrentTransferRules()); err != nil {
		var errs model.ValidationErrors
		if errors.As(err, &errs) {
			report(errs, f.byField, put)
		} else {
			// A refusal of the member as a whole: the draft says the same.
			put(nil, kit.SayErr(err))
			return
		}
	}
	if f.draftErr != "" {
		put(nil, f.draftErr)
	}
}

// draft asks the service for the letter's number and 党费交至 as they would
// be printed, and whether the member owes dues, when the member or the date
// changes.
func (f *letterForm) draft() {
	m := f.chosen()
	q, _ := f.request()
	if m == nil || q.Date.IsZero() {
		f.preview.SetText(kit.L("选择党员后，这里显示介绍信的编号和党费交至。"))
		f.warning.Hide()
		f.draftErr = ""
		return
	}
	// The draft is about the member and the date; the rest of the form
	// need not be valid yet.
	probe := model.LetterRequest{MemberID: q.MemberID, ToOrg: "—", Date: q.Date, ValidDays: 1}
	var l model.TransferLetter
	var dues model.LetterDues
	var err error
	f.host.Background(func() { l, dues, err = f.svc.DraftLetter(probe) }, func() {
		f.draftedAs, f.dues, f.draftErr = probe, dues, ""
		switch {
		case err != nil && !isFieldProblem(err):
			f.draftErr = kit.SayErr(err)
			f.preview.SetText(f.draftErr)
			f.preview.Importance = widget.DangerImportance
			f.warning.Hide()
		case err != nil:
			f.preview.SetText("")
			f.warning.Hide()
		default:
			f.preview.Importance = widget.MediumImportance
			f.preview.SetText(kit.L("编号：{{.Number}}　　党费交至：{{.Paid}}（{{.Capital}}）", map[string]any{
				"Number": kit.Say(l.Numbered()), "Paid": kit.DateText(l.PaidTo.Date()), "Capital": model.CapitalYearMonth(l.PaidTo)}))
			var ws []string
			for _, t := range []model.Text{model.LostContactWarning(m), dues.WarningText(m.Name)} {
				if w := kit.Say(t); w != "" {
					ws = append(ws, w)
				}
			}
			if len(ws) > 0 {
				f.warning.SetText(strings.Join(ws, "\n"))
				f.warning.Show()
			} else {
				f.warning.Hide()
			}
		}
		f.preview.Refresh()
		f.form.Refresh()
	})
}

// isFieldProblem reports a refusal about a field the form shows itself.
func isFieldProblem(err error) bool {
	var errs model.ValidationErrors
	return errors.As(err, &errs)
}

func (f *letterForm) submit() {
	q, _ := f.request()
	m := f.chosen()
	issue := func() {
		var l model.TransferLetter
		var err error
		f.host.Background(func() { l, err = f.svc.IssueLetter(q) }, func() {
			if err != nil {
				if !showProblems(f.form, f.byField, err) {
					f.form.SetError(kit.SayErr(err))
				}
				return
			}
			f.dlg.Hide()
			if f.issued != nil {
				f.issued(l)
			}
			if f.onSaved != nil {
				f.onSaved()
			}
			kit.Confirm(f.host.Window(), "介绍信已开具", kit.L("{{.Number}}介绍信已开具，{{.Name}}已离开本支部名册（可在花名册“已离开”中查看）。现在保存介绍信以便打印？", map[string]any{
				"Number": kit.Say(l.Numbered()), "Name": l.Name}), "打印介绍信", func() { printLetter(f.host, f.svc, l, false) })
		})
	}
	if m != nil && f.dues.Owes() && f.draftedAs.MemberID == q.MemberID && f.draftedAs.Date == q.Date {
		f.host.Confirm(kit.L("党费尚未交清"), kit.Say(f.dues.WarningText(m.Name))+kit.L("。仍要开具介绍信吗？"), issue)
		return
	}
	issue()
}

// letterText is a letter's number and member, for titles.
func letterText(l *model.TransferLetter) string {
	return strings.TrimSpace(fmt.Sprintf("%s %s", kit.Say(l.Numbered()), l.Name))
}

// reasonChoices are the usual reasons (model.TransferReasons) in the UI
// language.
func reasonChoices() []string {
	out := make([]string, len(model.TransferReasons))
	for i, r := range model.TransferReasons {
		out[i] = reasonText(r)
	}
	return out
}

// reasonText is a reason in the UI language: a usual one translated, a
// typed one as it is.
func reasonText(r string) string {
	switch {
	case r == model.ReasonAway:
		return kit.L("外出{{.Months}}个月以上", map[string]any{"Months": model.CurrentMobileRules().TransferAfterMonths.N})
	case slices.Contains(model.TransferReasons, r):
		return kit.Word(r)
	}
	return r
}

// chosenReason is the reason the letter prints for what the reason field
// holds: a usual reason picked in another language is printed in Chinese,
// as the letter is.
func chosenReason(text string) string {
	for _, r := range model.TransferReasons {
		if text == reasonText(r) {
			return r
		}
	}
	return text
}
