package transfer

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"branchledger/assets"
	"branchledger/model"
)

// useEnglish loads the English strings under every locale Fyne's matcher
// could pick, as the shell does for the English UI, until the test ends.
func useEnglish(t *testing.T) {
	t.Helper()
	load := func(language string) {
		data, err := assets.Messages(language)
		if err != nil {
			t.Fatal(err)
		}
		sys := lang.SystemLocale()
		for _, loc := range []fyne.Locale{"en", "zh", "zh-Hans", sys, fyne.Locale(sys.LanguageString())} {
			if err := lang.AddTranslationsForLocale(data, loc); err != nil {
				t.Fatal(err)
			}
		}
	}
	load("en")
	t.Cleanup(func() { load("zh") })
}

// In English the usual reasons are offered in English, and the one picked
// is printed on the letter in Chinese; the months in the texts are the
// rule tables'.
func TestReasonsAndRulesInEnglish(t *testing.T) {
	useEnglish(t)
	choices := strings.Join(reasonChoices(), "|")
	away := model.CurrentMobileRules().TransferAfterMonths.N
	if !strings.Contains(choices, "Job change") || !strings.Contains(choices, "Away "+strconv.Itoa(away)+" months or more") || strings.Contains(choices, "工作") {
		t.Errorf("reasons offered in English: %s", choices)
	}
	for shown, printed := range map[string]string{"Job change": "工作变动", "Away " + strconv.Itoa(away) + " months or more": model.ReasonAway, "调岗": "调岗"} {
		if got := chosenReason(shown); got != printed {
			t.Errorf("%q picked prints %q, want %q", shown, got, printed)
		}
	}
	r, _ := model.ProbationTransferRulesOn(model.NewDate(2026, 11, 30))
	if got := probationText(model.NewDate(2026, 11, 30)); !strings.Contains(got, "up to "+strconv.Itoa(r.PostponeMonths.N)+" months") || !strings.Contains(got, "art. 35") {
		t.Errorf("probation text: %q", got)
	}
	if got := probationText(model.NewDate(2026, 1, 5)); strings.Contains(got, "wait") {
		t.Errorf("before the 2026 edition the discussion cannot wait: %q", got)
	}
}
