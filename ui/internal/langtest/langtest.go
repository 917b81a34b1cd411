// Package langtest is the tests' way to show the window's texts in one
// language: it loads them as the shell does (uilang.Load) and puts Chinese
// back when the test ends.
package langtest

import (
	"testing"

	"branchledger/ui/internal/uilang"
)

// Use loads the UI strings of language ("zh" or "en") for the rest of the
// test; Chinese, the app's default, is loaded again when it ends.
func Use(t testing.TB, language string) {
	t.Helper()
	if err := uilang.Load(language); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := uilang.Load("zh"); err != nil {
			t.Error(err)
		}
	})
}
