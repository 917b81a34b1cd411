package recruit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"branchledger/assets"
	"branchledger/model"
	"branchledger/ui/kit"
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

// The arrangement is offered in the UI language and stored in Chinese, and
// the line beside 添加 names every field still empty at once (review s6-8
// newuser #5: English showed 放假/上班; #6: "Still to fill in" named the
// date only once the arrangement was chosen).
func TestHolidayFormInEnglishNamesWhatIsMissing(t *testing.T) {
	test.NewTempApp(t)
	useEnglish(t)
	h := &fakeHost{}
	hol := NewHolidays(h, &fakeService{})
	h.win = test.NewTempWindow(t, hol.Content())
	if why := hol.form.Reason.Text; !strings.Contains(why, "Date") || !strings.Contains(why, "Arrangement") {
		t.Errorf("the untouched form says %q", why)
	}
	var kind *kit.Select
	for fd := range hol.form.Problems() {
		if s, ok := fd.Input.(*kit.Select); ok {
			kind = s
		}
	}
	if kind == nil {
		t.Fatal("no arrangement field among the missing")
	}
	for _, o := range kind.Options {
		if strings.ContainsAny(o, "放假上班") {
			t.Errorf("English offers %q", o)
		}
	}
	kind.SetSelectedIndex(0)
	if kind.Selected != "Day off" || kind.Value() != string(model.DayOff) {
		t.Errorf("chosen %q, stored %q", kind.Selected, kind.Value())
	}
}
