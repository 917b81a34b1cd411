package kit

import (
	"strings"
	"testing"
	"time"

	"branchledger/model"
	"branchledger/ui/internal/langtest"
)

// A date with no day is "in May 2027" where the English sentence says "on"
// a day: "The committee's term ends on May 2027" (review s14-newuser #4).
// A whole date keeps "on", and Chinese is as the model wrote it.
func TestMonthOnlyDatesAreInNotOn(t *testing.T) {
	ends := "本届任期将于%s届满（不足%d个月），应做好换届准备"
	ended := "本届任期已于%s届满，应及时换届"
	month, day := model.MonthDate(2027, time.May), model.NewDate(2027, time.May, 20)
	if got := Say(model.Textf(ends, month, 6)); !strings.HasPrefix(got, "本届任期将于2027年5月届满") {
		t.Errorf("Chinese: %q", got)
	}
	langtest.Use(t, "en")
	for _, tc := range []struct {
		got, want string
	}{
		{Say(model.Textf(ends, month, 6)), "ends in May 2027 ("},
		{Say(model.Textf(ended, month)), "ended in May 2027:"},
		{Say(model.Textf(ends, day, 6)), "ends on 2027-05-20 ("},
		{Say(model.Textf(ended, day)), "ended on 2027-05-20:"},
	} {
		if !strings.Contains(tc.got, tc.want) {
			t.Errorf("%q, want %q in it", tc.got, tc.want)
		}
	}
}
