package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2/lang"

	"branchledger/model"
	"branchledger/ui/kit"
)

// The checking half of the member form: reading the widgets into a record,
// running model's rules over it, and saving.

// member reads the widgets into a normalised copy of the record and returns
// it with every problem found: unreadable dates first, then model's rules.
func (f *memberForm) member() (model.Member, model.ValidationErrors) {
	m := f.orig
	var errs model.ValidationErrors
	for _, fi := range model.RecordFields {
		if err := m.SetText(fi.Field, f.text(fi.Field)); err != nil {
			errs = append(errs, model.ErrProblem(fi.Field, err))
		}
	}
	m.Normalize()
	for _, e := range m.Validate(f.sh.svc.today(), f.sh.rules) {
		if errs.For(e.Field) == "" {
			errs = append(errs, e)
		}
	}
	return m, errs
}

// via is the 转入 event for a new member, with its problem if any.
func (f *memberForm) via(m model.Member) (*model.MembershipEvent, string) {
	if f.transferIn == nil || !f.transferIn.Checked {
		return nil, ""
	}
	d, err := f.viaDate.Date()
	if err != nil {
		return nil, err.Error()
	}
	e := model.MembershipEvent{Kind: model.EventTransferIn, Date: d, Note: strings.TrimSpace(f.viaNote.Text)}
	if err := e.Apply(&m, f.sh.svc.today()); err != nil {
		return nil, err.Error()
	}
	return &e, ""
}

// check is the form's whole-record check, and shows 党龄 as it follows
// from what is typed.
func (f *memberForm) check(report func(fd *kit.Field, message string)) {
	m, errs := f.member()
	for _, e := range errs {
		report(f.fields[e.Field], kit.SayProblem(e))
	}
	if _, viaErr := f.via(m); viaErr != "" {
		report(f.viaField, viaErr)
	}
	age := ""
	if y, ok := m.PartyAge(f.sh.svc.today()); ok {
		age = lang.N("党龄 {{.N}} 年", y, map[string]any{"N": y})
	} else if m.Category == model.CategoryProbationary {
		age = lang.L("预备党员尚无党龄")
	}
	if f.partyAge != nil && f.partyAge.Text != age {
		f.partyAge.SetText(age)
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
			if fd := f.fields[e.Field]; fd != nil {
				f.form.SetServerError(fd, kit.SayProblem(e))
			} else {
				f.form.SetError(e.Error())
			}
		}
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
