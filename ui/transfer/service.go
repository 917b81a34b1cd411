// Package transfer is the 组织关系 section of the window: the letters this
// branch issued (开具介绍信 with 党费交至 from the dues ledger, printing the
// form or its 套打 layout, 回执, 作废) and the 组织关系转接登记簿, incoming
// letters (转入, with the 回执 to send back), the mobile-member register
// (流动党员: stays away, reports, returns) and the members from elsewhere who
// take part here (流入党员). It depends on the narrow Service below and on the
// window through kit.Host, never on the database.
package transfer

import (
	"errors"

	"branchledger/model"
	"branchledger/ui/kit"
)

// Title is the section's name in the navigation.
const Title = "组织关系"

// formShown, when set (by tests), is told of every form the section opens
// with its fields, so that a test can fill them by label.
var formShown func(f *kit.Form, fields []*kit.Field)

// Service is what the section needs (implemented by *transferfile.Service).
type Service interface {
	// Overview is the section's records, the letters' setup and the
	// area's findings as of today.
	Overview() (model.TransferOverview, error)

	// DraftLetter is the letter a request would issue (number, 党费交至)
	// and the dues the member owes up to its month, writing nothing; it
	// refuses what IssueLetter refuses.
	DraftLetter(q model.LetterRequest) (model.TransferLetter, model.LetterDues, error)
	IssueLetter(q model.LetterRequest) (model.TransferLetter, error)
	RecordReceipt(id int64, rc model.LetterReceipt) (model.TransferLetter, error)
	WithdrawLetter(id int64, w model.LetterWithdrawal) (model.TransferLetter, error)
	// ExportLetter prints a letter: the full form, or the 套打 layout.
	ExportLetter(id int64, path string, overlay bool) error
	ExportRegister(year int, path string) (int, error)
	// LetterSetup is what letters print besides the letter, as saved.
	LetterSetup() (model.LetterSetup, error)
	SaveLetterSetup(ls model.LetterSetup) error
	// Profile gives the address and phone a letter prints when the
	// setup leaves them empty.
	Profile() (model.Profile, error)

	// RecordTransferIn records an incoming letter for a member coming
	// back (m nil) or a new member m.
	RecordTransferIn(in model.TransferIn, m *model.Member) (model.TransferIn, model.Member, error)
	// LedgerPaidTo is the last month the dues ledger records the member
	// paid to (0: none): a returning member's letter may not say less.
	LedgerPaidTo(memberID int64) (model.Month, error)
	ExportInReceipt(id int64, path string) error

	SaveMobile(mm model.MobileMember) (model.MobileMember, error)
	// PresentWhileAway is the member's latest presence (出席) at an
	// activity after from and before until (unset: no end); ok false
	// when none.
	PresentWhileAway(memberID int64, from, until model.Date) (p model.Presence, ok bool, err error)
	AddMobileReport(r model.MobileReport) (model.MobileReport, error)
	ExportMobileRegister(path string) (int, error)

	SaveInflow(im model.InflowMember) (model.InflowMember, error)
	ExportInflowRegister(path string) (int, error)
}

// showProblems puts a service's refusal under the fields it names, or
// beside 保存; it reports whether err was such a refusal.
func showProblems(form *kit.Form, byField map[model.Field]*kit.Field, err error) bool {
	var verrs model.ValidationErrors
	if !errors.As(err, &verrs) {
		return false
	}
	for _, e := range verrs {
		if f := byField[e.Field]; f != nil {
			form.SetServerError(f, kit.SayProblem(e))
		} else {
			form.SetError(kit.Word(e.Field.Label()) + kit.L("：") + kit.SayProblem(e))
		}
	}
	return true
}

// report puts a check's problems under their fields, or beside 保存.
func report(errs model.ValidationErrors, byField map[model.Field]*kit.Field, put func(f *kit.Field, message string)) {
	for _, e := range errs {
		if f := byField[e.Field]; f != nil {
			put(f, kit.SayProblem(e))
		} else {
			put(nil, kit.Word(e.Field.Label())+kit.L("：")+kit.SayProblem(e))
		}
	}
}

// isValidation is errors.As for a check's field problems.
func isValidation(err error, target *model.ValidationErrors) bool { return errors.As(err, target) }
