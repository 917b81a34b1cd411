package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2/lang"

	"branchledger/model"
)

// The checking half of the member form: reading the widgets into a record,
// running model's rules over it after every change, and saving.

// member reads the widgets into a normalised copy of the record and returns
// it with every problem found: unreadable dates first, then model's rules.
func (f *memberForm) member() (model.Member, model.ValidationErrors) {
	m := f.orig
	var errs model.ValidationErrors
	for _, fi := range model.MemberFields {
		if err := m.SetText(fi.Field, f.text(fi.Field)); err != nil {
			errs = append(errs, model.FieldError{Field: fi.Field, Message: err.Error()})
		}
	}
	m.Normalize()
	for _, e := range m.Validate(f.sh.svc.today(), f.sh.rules) {
		if errs.For(e.Field) == "" {
			errs = append(errs, e)
		}
	}
	for field, se := range f.serverErrs {
		if f.text(field) == se[1] && errs.For(field) == "" {
			errs = append(errs, model.FieldError{Field: field, Message: se[0]})
		}
	}
	return m, errs
}

// via is the 转入 event for a new member, with its problem if any.
func (f *memberForm) via(m model.Member) (*model.MembershipEvent, string) {
	if f.transferIn == nil || !f.transferIn.Checked {
		return nil, ""
	}
	d, err := model.ParseDate(f.viaDate.Text)
	if err != nil {
		return nil, err.Error()
	}
	e := model.MembershipEvent{Kind: model.EventTransferIn, Date: d, Note: strings.TrimSpace(f.viaNote.Text)}
	if err := e.Apply(&m, f.sh.svc.today()); err != nil {
		return nil, err.Error()
	}
	return &e, ""
}

func (f *memberForm) revalidate() {
	if f.summary == nil {
		return // still building
	}
	m, errs := f.member()
	var missing []string
	for _, fi := range model.MemberFields {
		msg := errs.For(fi.Field)
		if msg != "" && !f.showsMessage(fi.Field) {
			missing = append(missing, fieldLabel(fi.Field))
			msg = ""
		}
		setMessage(f.msgs[fi.Field], msg)
	}
	_, viaErr := f.via(m)
	if f.viaMsg != nil {
		setMessage(f.viaMsg, viaErr)
	}

	age := ""
	if y, ok := m.PartyAge(f.sh.svc.today()); ok {
		age = lang.L("党龄 {{.N}} 年", map[string]any{"N": y})
	} else if m.Category == model.CategoryProbationary {
		age = lang.L("预备党员尚无党龄")
	}
	setMessage(f.partyAge, age)

	switch {
	case len(errs) == 0 && viaErr == "":
		f.summary.SetText("")
		f.save.Enable()
	case len(missing) == len(errs) && viaErr == "":
		f.summary.SetText(lang.L("尚需填写：") + strings.Join(missing, lang.L("、")))
		f.save.Disable()
	case len(missing) > 0:
		f.summary.SetText(lang.L("请按红字提示更正；尚需填写：") + strings.Join(missing, lang.L("、")))
		f.save.Disable()
	default:
		f.summary.SetText(lang.L("请按红字提示更正后保存"))
		f.save.Disable()
	}
}

// showsMessage says whether a field's message is shown: once the field was
// touched or holds something, and always when editing a saved record. An
// untouched empty field of a new record is only counted in the summary, so
// that a fresh form is not a wall of red.
func (f *memberForm) showsMessage(field model.Field) bool {
	if !f.isNew || f.touched[field] {
		return true
	}
	switch t := f.text(field); field {
	case model.FieldLostContact, model.FieldMobile:
		return t == "是"
	default:
		return t != ""
	}
}

func (f *memberForm) submit() {
	m, errs := f.member()
	via, viaErr := f.via(m)
	if len(errs) > 0 || viaErr != "" {
		return
	}
	var err error
	if f.isNew {
		_, err = f.sh.svc.Roster.AddMember(m, via)
	} else {
		_, err = f.sh.svc.Roster.UpdateMember(m)
	}
	var ve model.ValidationErrors
	var fp fieldProblem
	if errors.As(err, &fp) {
		ve = model.ValidationErrors{{Field: fp.Field(), Message: fp.Error()}}
	}
	switch {
	case ve != nil || errors.As(err, &ve):
		for _, e := range ve {
			f.serverErrs[e.Field] = [2]string{e.Message, f.text(e.Field)}
			f.touched[e.Field] = true
		}
		f.revalidate()
		return
	case err != nil:
		f.sh.showError("保存党员信息", err)
		return
	}
	f.dlg.Hide()
	f.sh.dataChanged()
}

// fieldProblem is an error the store returns about one field that is not a
// model.ValidationErrors, such as an ID number already on the roster; it is
// shown under that field rather than in a dialog.
type fieldProblem interface {
	error
	Field() model.Field
}
