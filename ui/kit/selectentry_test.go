package kit

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"branchledger/ui/internal/langtest"
)

// An empty SelectEntry says that a value may be chosen or typed, in the UI
// language, as a Select says 请选择: empty, the 学历 and 工作岗位 boxes said
// nothing (review s9-8 #9).
func TestEmptySelectEntrySaysChooseOrType(t *testing.T) {
	test.NewTempApp(t)
	if got := NewSelectEntry([]string{"大学本科"}).PlaceHolder; got != "请选择或填写" {
		t.Errorf("Chinese: placeholder %q", got)
	}
	langtest.Use(t, "en")
	if got := NewSelectEntry([]string{"大学本科"}).PlaceHolder; got != "Choose or type" {
		t.Errorf("English: placeholder %q", got)
	}
}
