package transfer

import (
	"testing"

	"branchledger/model"
	"branchledger/ui/internal/uistrings"
)

// uiStrings are every Chinese string the section shows through kit.L: the
// literals, and the model's words it translates (letter states, sexes,
// categories).
func uiStrings(t *testing.T) []string {
	extra := []string{Title, inNew, inReturn, string(model.SexMale), string(model.SexFemale),
		string(model.CategoryFull), string(model.CategoryProbationary)}
	extra = append(extra, model.MobileReasons...)
	extra = append(extra, model.MobileReportWays...)
	for _, st := range []model.LetterState{model.LetterPending, model.LetterReceiptLate, model.LetterExpired, model.LetterReceived, model.LetterWithdrawn, model.LetterReturned} {
		extra = append(extra, string(st))
	}
	return uistrings.Literals(t, uistrings.Spec{
		Calls:   []string{"L", "NewForm", "Add", "ShowForm", "Confirm", "Inform", "ShowError", "Progress", "SaveWorkbook", "ChooseFile", "emptyLabel"},
		Extra:   extra,
		Columns: []string{"detailRow"},
	})
}

func TestEveryTransferStringIsTranslated(t *testing.T) {
	uistrings.CheckTranslated(t, uiStrings(t))
}
