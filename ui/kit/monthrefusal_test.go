package kit

import (
	"strings"
	"testing"

	"branchledger/model"
	"branchledger/ui/internal/langtest"
)

// A month that cannot be read (the transfer-in form's "Dues paid to", every
// month field) is refused in the UI language (review s8-8 #7: "26.9" was
// refused in Chinese in the English dialog).
func TestBadMonthRefusedInUILanguage(t *testing.T) {
	_, err := model.ParseFormMonth("26.9")
	if err == nil {
		t.Fatal("26.9 taken as a month")
	}
	if got := SayErr(err); got != "“26.9”：日期格式不正确（年月），应如 2026-10 或 2026年10月" {
		t.Errorf("in Chinese: %q", got)
	}
	langtest.Use(t, "en")
	if got := SayErr(err); got != "“26.9” is not a month; type it like 2026-10 or 2026年10月" {
		t.Errorf("in English: %q", got)
	}
}

// A date field that needs its day says the forms to type in the UI's
// language: no Chinese list in English (review s8-8-recheck #6).
func TestDayOnlyRefusedInUILanguage(t *testing.T) {
	_, err := model.ParseDay("2026.11")
	if err == nil {
		t.Fatal("2026.11 taken as a day")
	}
	if got := SayErr(err); !strings.HasSuffix(got, "如 2026-11-30、2026.11.30 或 2026年11月30日") {
		t.Errorf("in Chinese: %q", got)
	}
	langtest.Use(t, "en")
	if got := SayErr(err); !strings.HasSuffix(got, "2026-11-30, 2026.11.30 or 2026年11月30日") || strings.Contains(got, "或") {
		t.Errorf("in English: %q", got)
	}
}
