package recruit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"branchledger/model"
	"branchledger/ui/internal/langtest"
	"branchledger/ui/kit"
)

// The arrangement is offered in the UI language and stored in Chinese, and
// the line beside 添加 names every field still empty at once (review s6-8
// newuser #5: English showed 放假/上班; #6: "Still to fill in" named the
// date only once the arrangement was chosen).
func TestHolidayFormInEnglishNamesWhatIsMissing(t *testing.T) {
	test.NewTempApp(t)
	langtest.Use(t, "en")
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

// The 日期 hint of the holiday row is read whole at 1024×700 (the card is
// about 820 px wide there), in both languages: English showed
// "e.g. 2027-02-10 or 2027.2." with the entry's scroll bar under it
// (review s6-8 newuser #6, s6-look #20 and #24).
func TestHolidayDateHintIsReadWhole(t *testing.T) {
	for _, english := range []bool{false, true} {
		test.NewTempApp(t)
		if english {
			langtest.Use(t, "en")
		}
		h := &fakeHost{}
		hol := NewHolidays(h, &fakeService{})
		h.win = test.NewTempWindow(t, hol.Content())
		h.win.Resize(fyne.NewSize(820, 700))
		d := hol.date
		need := fyne.MeasureText(d.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
		if d.ActionItem != nil {
			need += d.ActionItem.MinSize().Width + theme.Padding()
		}
		if have := d.Size().Width; have < need {
			t.Errorf("english=%v: the date entry is %.0f wide, its hint %q needs %.0f", english, have, d.PlaceHolder, need)
		}
	}
}
