package transfer

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

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

// In English the dues owed before a letter are said in English, on the
// form and in the question before issuing.
func TestIssueLetterWarnsInEnglish(t *testing.T) {
	useEnglish(t)
	svc := newFake()
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	forms := capture(t)
	h.declines = true
	ShowLetterForm(h, svc, 0, s.saved)
	f := (*forms)[0]
	f.set(t, "党员姓名", "王强（001X）")
	f.set(t, "接收党组织", "天水某公司党支部")
	lf := letterFormOf(t, f)
	want := "Oct 2026 – Nov 2026 unpaid: 2 months, ¥162.00 in all"
	if !strings.Contains(lf.warning.Text, want) || strings.Contains(lf.warning.Text, "尚未") {
		t.Errorf("warning %q, want %q", lf.warning.Text, want)
	}
	test.Tap(f.form.Save)
	if len(h.asked) != 1 || !strings.Contains(h.asked[0], want) || strings.Contains(h.asked[0], "党费") {
		t.Errorf("asked %q", h.asked)
	}
}
