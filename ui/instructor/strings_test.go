package instructor

import (
	"testing"

	"branchledger/ui/internal/uistrings"
)

func TestEveryInstructorStringIsTranslated(t *testing.T) {
	uistrings.CheckTranslated(t, uistrings.Literals(t, uistrings.Spec{
		Calls: []string{"L", "ShowError", "Progress", "ChooseFile", "Confirm", "Inform"},
	}))
}
