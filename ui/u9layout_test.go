package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// 活动 → 活动记录's counts line wraps in the room the buttons leave: with
// a meeting below quorum and an election short of its 4/5 it read "28
// activities, 27 entered late; 1 with too few for the electio", cut at the
// edge of a 1024 px English window, and pushed the table's last columns out
// of sight (review s14-attack8 #30).
func TestActivityCountsWrapAt1024(t *testing.T) {
	for _, l := range []Language{Chinese, English} {
		s := demoShell(t, l, 40)
		s.win.Resize(smallWindow)
		s.show("活动")
		a := s.activities
		line := lang.N("共 {{.N}} 次活动，补录 {{.Late}} 次", 128, map[string]any{"N": 128, "Late": 127}) +
			lang.L("；{{.N}} 次未达法定人数", map[string]any{"N": 12}) +
			lang.L("；{{.N}} 次选举未过{{.P}}%", map[string]any{"N": 11, "P": model.CurrentRules().Branch.ElectionQuorumPercent})
		a.summary.SetText(line)
		s.win.Resize(smallWindow)
		if min := s.win.Content().MinSize(); min.Width > smallWindow.Width {
			t.Errorf("%s: the 活动 screen needs %v px with the line %q", l, min.Width, line)
		}
		if l == English && !strings.Contains(line, "election") {
			t.Errorf("the line %q is not the English one", line)
		}
	}
}

// A new resolution's vote counts are empty fields showing 0: clicking into
// 赞成 and typing 12 gives 12, not "012" (review s14-newuser #13), and the
// field is as wide as a four-digit count. A count of 0 is read as 0.
func TestVoteCountsStartEmpty(t *testing.T) {
	f, row := newResolutionForm(t)
	for _, e := range []*kit.Entry{row.yes, row.no, row.abstain} {
		if e.Text != "" || e.PlaceHolder != "0" {
			t.Errorf("a new count reads %q (placeholder %q), want empty showing 0", e.Text, e.PlaceHolder)
		}
	}
	test.Type(row.yes, "12")
	if row.yes.Text != "12" {
		t.Errorf("typing 12 into 赞成 gives %q", row.yes.Text)
	}
	if got := f.typed().Resolutions[0]; got.Yes != 12 || got.No != 0 || got.Abstain != 0 {
		t.Errorf("read as %+v", got)
	}
	need := fyne.MeasureText("1234", theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
	if w := row.yes.Size().Width; w < need {
		t.Errorf("赞成 is %.0f px wide, a four-digit count needs %.0f", w, need)
	}
}

// 党员 on an empty roster says how members get onto it, in the table's
// place, in both languages: it was a bare table header (review s14-newuser
// #13). With members the table is back.
func TestEmptyRosterSaysHowToStart(t *testing.T) {
	for _, l := range []Language{Chinese, English} {
		s := demoShell(t, l, 0)
		s.win.Resize(smallWindow)
		s.show(screenRoster)
		r := s.roster
		if !r.emptyHint.Visible() || r.table.Visible() {
			t.Errorf("%s: empty roster: hint shown %v, table shown %v", l, r.emptyHint.Visible(), r.table.Visible())
		}
		card := r.emptyHint.Objects[0].(*widget.Card)
		said := card.Title + " " + card.Content.(*kit.WrapLabel).Text
		if !strings.Contains(said, lang.L("新增党员")) || !strings.Contains(said, lang.L("导入 Excel")) {
			t.Errorf("%s: the hint %q does not name the buttons above", l, said)
		}
		if l == English && hasHan(said) {
			t.Errorf("the English hint reads %q", said)
		}
	}
	s := demoShell(t, Chinese, 3)
	s.show(screenRoster)
	if s.roster.emptyHint.Visible() || !s.roster.table.Visible() {
		t.Error("with members the hint still shows, or the table does not")
	}
}

// A finding of two or three lines on 首页 has its icon on the first line,
// beside 严重, not in the middle of the row (u8's report).
func TestHomeFindingIconOnTheFirstLine(t *testing.T) {
	test.NewTempApp(t)
	f := model.Finding{Severity: model.Serious, Message: strings.Repeat("已连续7个月未参加组织生活，", 12)}
	h := &homeScreen{rows: []homeRow{{finding: &f}}}
	o := newHomeRow()
	h.updateRow(0, o)
	o.Resize(fyne.NewSize(600, 150))
	var icon *widget.Icon
	var sev *widget.Label
	walkObjects(o, func(c fyne.CanvasObject) {
		switch w := c.(type) {
		case *widget.Icon:
			icon = w
		case *widget.Label:
			if w.Text == lang.L(model.Serious.String()) {
				sev = w
			}
		}
	})
	if icon == nil || sev == nil {
		t.Fatal("no icon or severity in the row")
	}
	d := fyne.CurrentApp().Driver()
	iconMid := d.AbsolutePositionForObject(icon).Y + icon.Size().Height/2
	sevTop := d.AbsolutePositionForObject(sev).Y
	if iconMid > sevTop+sev.MinSize().Height {
		t.Errorf("the icon's middle is at %.0f px, below the severity's line (%.0f–%.0f)", iconMid, sevTop, sevTop+sev.MinSize().Height)
	}
}

// walkObjects visits o and every container's objects under it.
func walkObjects(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	if c, ok := o.(*fyne.Container); ok {
		for _, x := range c.Objects {
			walkObjects(x, f)
		}
	}
}
