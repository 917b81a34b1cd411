package ui

import (
	"slices"
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

// cutAtEdge are the labels of table drawn across its right edge: a column
// the view ends inside ("全年实" of 全年实交, "Paid this (year)").
func cutAtEdge(table fyne.CanvasObject) []string {
	d := fyne.CurrentApp().Driver()
	right := d.AbsolutePositionForObject(table).X + table.Size().Width
	var out []string
	walk(table, func(o fyne.CanvasObject) {
		l, ok := o.(*widget.Label)
		if !ok || l.Text == "" {
			return
		}
		if p := d.AbsolutePositionForObject(l); p.X < right-1 && p.X+l.Size().Width > right+1 {
			out = append(out, l.Text)
		}
	})
	return out
}

// 收缴 opens with whole columns only: this month (November) in view, and
// at 1024 px 全年实交 whole beside it, never cut at the window's edge; when
// the months do not all fit, a line says the table scrolls (review
// s13-look: Jan–Apr hidden behind the pinned columns with nothing said,
// and 全年实交 / "Paid this year" cut).
func TestDuesGridOpensOnWholeColumns(t *testing.T) {
	for _, l := range []Language{Chinese, English} {
		for _, size := range []fyne.Size{smallWindow, largeWindow} {
			s := demoShell(t, l, 14)
			s.win.Resize(size)
			s.show(screenDues)
			c := s.dues.collect
			now := monthName(int(s.svc.today().Month))
			year := lang.L("全年实交")
			if !wholeInView(c.table, now) || !wholeInView(c.table, year) {
				t.Errorf("%s %v: %s whole %v, %s whole %v", l, size, now, wholeInView(c.table, now), year, wholeInView(c.table, year))
			}
			if cut := cutAtEdge(c.table); len(cut) > 0 {
				t.Errorf("%s %v: the view ends inside %q", l, size, cut)
			}
			allShown := wholeInView(c.table, monthName(1))
			if c.scrolled.Visible() == allShown {
				t.Errorf("%s %v: %s in view %v, the line saying the table scrolls shown %v", l, size, monthName(1), allShown, c.scrolled.Visible())
			}
		}
	}
}

// The roll's problems are said in English in the English UI: "X 请假，请填写
// 原因" stayed Chinese there (review s13-look), as did a name listed twice
// or off the roster on the day.
func TestAttendanceProblemsInEnglish(t *testing.T) {
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	s, _ := newActivityShell(t)
	test.Tap(s.activities.add)
	f := s.activities.form
	f.kind.SetSelected(string(model.KindGeneralMeeting))
	a := f.act
	a.Attendance = append(slices.Clone(a.Attendance), a.Attendance[1])
	a.Attendance[0].Status, a.Attendance[0].Reason = model.OnLeave, ""
	said := 0
	for _, e := range f.rules.Validate(&a, s.svc.today()) {
		if e.Field != model.ActivityAttendanceField {
			continue
		}
		said++
		got := kit.SayProblem(e)
		for _, name := range []string{a.Attendance[0].Name, a.Attendance[1].Name} {
			got = strings.ReplaceAll(got, name, "")
		}
		if hasHan(got) {
			t.Errorf("in English the roll's problem reads %q", kit.SayProblem(e))
		}
	}
	if said < 2 {
		t.Errorf("%d problems of the roll, want the missing reason and the name twice", said)
	}
}

// Each finding on 首页 gets the lines its message shows at the list's
// width, no more: a 严重 that fits on one line at 1366 px kept a tall empty
// second line (review s13-look). Tried at the window's sizes and at the
// width where each message just fits on one line.
func TestHomeFindingRowsAreAsTallAsTheirLines(t *testing.T) {
	for _, l := range []Language{Chinese, English} {
		s := demoShell(t, l, 14)
		s.win.Resize(largeWindow)
		s.show(screenHome)
		h := s.home
		msgOf := func(row fyne.CanvasObject) *kit.WrapLabel {
			return row.(*fyne.Container).Objects[1].(*fyne.Container).Objects[0].(*kit.WrapLabel)
		}
		check := func(width float32, only int) {
			t.Helper()
			h.fitRows(width)
			for i, r := range h.rows {
				if r.finding == nil || only >= 0 && i != only {
					continue
				}
				row := h.findingsList.CreateItem()
				h.updateRow(i, row)
				row.Resize(fyne.NewSize(width, 400))
				if shown := strings.Count(msgOf(row).Shown(), "\n") + 1; shown != h.rowLines[i] {
					t.Errorf("%s at %.0f px: %q shows %d lines in a row made for %d", l, width, r.finding.Message, shown, h.rowLines[i])
				}
			}
		}
		check(smallWindow.Width-160, -1)
		check(largeWindow.Width-160, -1)
		// Where the message just fits on one line.
		probe := h.findingsList.CreateItem()
		probe.Resize(fyne.NewSize(1000, 400))
		beside := 1000 - msgOf(probe).Size().Width
		for i, r := range h.rows {
			if r.finding == nil {
				continue
			}
			one := fyne.MeasureText(kit.FindingText(*r.finding), theme.TextSize(), fyne.TextStyle{}).Width
			check(one+2*theme.InnerPadding()+beside+2, i)
		}
	}
}
