package recruit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"branchledger/model"
	"branchledger/ui/internal/langtest"
	"branchledger/ui/kit"
)

// A person's buttons under the name all show whole at 1024 px in both
// languages: in one scrolling row English cut "Admission noti" at the
// pane's edge (review s14-attack8 #15); they now go on a second line.
func TestPersonButtonsShowWholeAt1024(t *testing.T) {
	for _, english := range []bool{false, true} {
		r := applicant(1, "王浩然", "110101199001011237", d(2026, 3, 1))
		svc := &fakeService{members: members(), recruits: []model.Recruit{r}}
		if english {
			langtest.Use(t, "en")
		}
		s, h := newTestScreen(t, svc)
		h.win.Resize(fyne.NewSize(1024-160, 700)) // the screen beside the navigation
		s.Show(1)
		h.win.Resize(fyne.NewSize(1024-160, 701))
		d := fyne.CurrentApp().Driver()
		page := d.AbsolutePositionForObject(s.page.content).X + s.page.content.Size().Width
		for _, text := range []string{"修改个人信息", "打印纪实表…", "发展对象公示…", "拟接收公示…"} {
			b := button(t, s.page.content, kit.L(text))
			right := d.AbsolutePositionForObject(b).X + b.Size().Width
			if b.Size().Width < b.MinSize().Width || right > page+0.5 {
				t.Errorf("english=%v: %q ends at %.0f, %.0f wide of %.0f, the page ends at %.0f", english, b.Text, right, b.Size().Width, b.MinSize().Width, page)
			}
		}
		test.NewTempApp(t)
	}
}
