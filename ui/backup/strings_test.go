package backup

import (
	"testing"

	"branchledger/ui/internal/uistrings"
)

func TestEveryBackupStringIsTranslated(t *testing.T) {
	var extra []string
	for _, n := range reasonNames {
		extra = append(extra, n)
	}
	for _, n := range kindNames {
		extra = append(extra, n)
	}
	for _, r := range previewRows {
		extra = append(extra, r.label)
	}
	uistrings.CheckTranslated(t, uistrings.Literals(t, uistrings.Spec{
		Calls: []string{"L", "ShowError", "Progress", "ChooseFile"},
		Extra: extra,
	}))
}
