package recruit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"branchledger/model"
	"branchledger/ui/internal/langtest"
	"branchledger/ui/kit"
)

// In the 新增入党申请人 dialog at 1024×700 every date field shows its hint
// whole, in both languages: in English the long label "Expected to leave
// the unit on" left its date entry showing "e.g. 1985-03" (ui10 item 7).
func TestApplicantFormDatesReadWholeAt1024(t *testing.T) {
	for _, english := range []bool{false, true} {
		svc := &fakeService{members: members()}
		if english {
			langtest.Use(t, "en")
		}
		s, h := newTestScreen(t, svc)
		h.win.Resize(fyne.NewSize(1024, 700))
		s.editPerson(model.Recruit{})
		form := topForm(t, h.win)
		for _, fd := range form.fields {
			d, ok := fd.Input.(*kit.DateEntry)
			if !ok {
				continue
			}
			need := fyne.MeasureText(d.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
			if d.ActionItem != nil {
				need += d.ActionItem.MinSize().Width + theme.Padding()
			}
			if have := d.Size().Width; have < need {
				t.Errorf("english=%v: %s is %.0f wide, its hint %q needs %.0f", english, fd.Label, have, d.PlaceHolder, need)
			}
		}
		test.NewTempApp(t)
	}
}

// The search's hint reads whole at 1024 px in both languages: in a grid of
// two beside the stage list it had half the room, and English showed
// "Search name or ID numbe" (review s13-look).
func TestSearchHintReadsWholeAt1024(t *testing.T) {
	for _, english := range []bool{false, true} {
		svc := &fakeService{members: members()}
		if english {
			langtest.Use(t, "en")
		}
		s, h := newTestScreen(t, svc)
		h.win.Resize(fyne.NewSize(1024-160, 700)) // the screen beside the navigation
		need := fyne.MeasureText(s.search.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
		if s.search.ActionItem != nil {
			need += s.search.ActionItem.MinSize().Width + theme.Padding()
		}
		if have := s.search.Size().Width; have < need {
			t.Errorf("english=%v: the search is %.0f wide, its hint %q needs %.0f", english, have, s.search.PlaceHolder, need)
		}
		test.NewTempApp(t)
	}
}
