package ui

import (
	"math"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// cutTexts are the texts drawn under o that end in "…", cut to their
// cell.
func cutTexts(o fyne.CanvasObject) []string {
	var out []string
	walk(o, func(o fyne.CanvasObject) {
		if t, ok := o.(*canvas.Text); ok && strings.HasSuffix(t.Text, "…") {
			out = append(out, t.Text)
		}
	})
	return out
}

// inView reports whether a label reading text is drawn inside table's
// visible area (a table draws only the cells in view, and a few around).
func inView(table fyne.Widget, text string) bool {
	d := fyne.CurrentApp().Driver()
	tp, ts := d.AbsolutePositionForObject(table), table.Size()
	found := false
	walk(table, func(o fyne.CanvasObject) {
		l, ok := o.(*widget.Label)
		if !ok || l.Text != text {
			return
		}
		p := d.AbsolutePositionForObject(l)
		if p.X >= tp.X && p.X+l.Size().Width <= tp.X+ts.Width+1 {
			found = true
		}
	})
	return found
}

// The month grids show their words whole and this month without scrolling
// sideways, at 1024 px and in English too (review s5-8 newuser #11: the
// compliance calendar read "Before recor…" and a member's dues "To re…";
// s5-8 attack #16: English 收缴 did not show November at 1366 px).
func TestMonthGridsShowWordsWholeAndThisMonth(t *testing.T) {
	for _, l := range []Language{English, Chinese} {
		if err := useLanguage(l); err != nil {
			t.Fatal(err)
		}
		for _, size := range []fyne.Size{smallWindow, largeWindow} {
			s, _, ms := firstDayShell(t)
			s.win.Resize(size)
			now := monthName(int(testToday.Month))

			s.show(screenActivities)
			s.activities.showCalendar()
			if cut := cutTexts(s.activities.calendar); len(cut) > 0 {
				t.Errorf("%s %v: the compliance calendar shows %q", l, size, cut)
			}
			// Opened at this month, as 收缴 is (review s6-8 newuser #2,
			// s7-8 attack #7).
			if !inView(s.activities.calendar, now) {
				t.Errorf("%s %v: the compliance calendar does not show %s without scrolling", l, size, now)
			}

			s.show(screenDues)
			c := s.dues.collect
			if cut := cutTexts(c.table); len(cut) > 0 {
				t.Errorf("%s %v: the 收缴 grid shows %q", l, size, cut)
			}
			if !inView(c.table, now) {
				t.Errorf("%s %v: the 收缴 grid does not show %s without scrolling", l, size, now)
			}
			// Words start with a capital, as "Overdue" and "To record"
			// do ("paid" did).
			walk(c.table, func(o fyne.CanvasObject) {
				if w, ok := o.(*widget.Label); ok && w.Text != "" && w.Text[0] >= 'a' && w.Text[0] <= 'z' {
					t.Errorf("%s %v: the 收缴 grid shows %q", l, size, w.Text)
				}
			})

			s.openMember(ms[0].ID)
			dt := s.roster.detail.dues
			s.roster.detail.tabs.Select(dt.item)
			if cut := cutTexts(dt.table); len(cut) > 0 {
				t.Errorf("%s %v: a member's dues show %q", l, size, cut)
			}
			if !inView(dt.table, now) {
				t.Errorf("%s %v: a member's dues do not show %s without scrolling", l, size, now)
			}
		}
	}
	_ = useLanguage(Chinese)
}

// At 1024 px the 新增党员 form's refusals of an ID number and a date are
// read whole, in English and in Chinese, and the fields below them stay
// where they were (review s5-8 newuser #8: "An ID number has 18 characters
// (this one has …", "The date “1990.2.30” does not exist (1990-02 h…";
// in Chinese "“2026.1”分不清是 2026年1月还是10月…" is as long).
func TestFieldMessagesReadWhole(t *testing.T) {
	for _, c := range []struct {
		l    Language
		date string
	}{{English, "1990.2.30"}, {Chinese, "2026.1"}} {
		if err := useLanguage(c.l); err != nil {
			t.Fatal(err)
		}
		s, _, _ := firstDayShell(t)
		s.win.Resize(smallWindow)
		s.show(screenRoster)
		f := s.roster.addMember()
		d := fyne.CurrentApp().Driver()
		var watched []fyne.CanvasObject
		for _, fd := range []model.Field{model.FieldEducation, model.FieldJoinDate, model.FieldFullDate, model.FieldPhone, model.FieldAddress} {
			if fld := f.fields[fd]; fld != nil {
				watched = append(watched, fld.Input)
			}
		}
		before := make([]fyne.Position, len(watched))
		for i, o := range watched {
			before[i] = d.AbsolutePositionForObject(o)
		}
		typeAndLeave := func(fd model.Field, text string) {
			in := f.fields[fd].Input
			s.win.Canvas().Focus(in.(fyne.Focusable))
			test.Type(in.(fyne.Focusable), text)
			s.win.Canvas().Focus(f.fields[model.FieldName].Input.(fyne.Focusable))
		}
		typeAndLeave(model.FieldIDNumber, "11010119900101")
		typeAndLeave(model.FieldBirthDate, c.date)
		// The test canvas lays out again only when resized.
		s.win.Resize(fyne.NewSize(smallWindow.Width+1, smallWindow.Height))
		s.win.Resize(smallWindow)
		for _, fd := range []model.Field{model.FieldIDNumber, model.FieldBirthDate} {
			field := f.fields[fd]
			msg := field.MessageLabel()
			if field.Message() == "" {
				t.Fatalf("%s %s: no message", c.l, fd)
			}
			var lines []string
			walk(msg, func(o fyne.CanvasObject) {
				if tx, ok := o.(*canvas.Text); ok {
					lines = append(lines, tx.Text)
				}
			})
			// Lines break at spaces, or anywhere in Chinese.
			flat := func(s string) string { return strings.ReplaceAll(s, " ", "") }
			if got := strings.Join(lines, ""); flat(got) != flat(field.Message()) {
				t.Errorf("%s %s: the message reads %q, want %q", c.l, fd, got, field.Message())
			}
			if msg.Size().Height < msg.MinSize().Height {
				t.Errorf("%s %s: the message's last line is cut (%v of %v)", c.l, fd, msg.Size(), msg.MinSize())
			}
		}
		for i, o := range watched {
			if after := d.AbsolutePositionForObject(o); after != before[i] {
				t.Errorf("%s: a field moved from %v to %v when the messages appeared", c.l, before[i], after)
			}
		}
	}
	_ = useLanguage(Chinese)
}

// The 基数 grid's category column holds every category whole in the UI
// language (review s6-8 newuser #4: English "Self-employed" read
// "Self-em…" at 1024 px).
func TestBaseCategoryColumnHoldsEveryChoice(t *testing.T) {
	for _, l := range []Language{English, Chinese} {
		if err := useLanguage(l); err != nil {
			t.Fatal(err)
		}
		s, _, _ := firstDayShell(t)
		s.win.Resize(smallWindow)
		s.show(screenDues)
		b := basesOf(s.dues)
		b.showPage()
		var sel *kit.Select
		walk(b.body, func(o fyne.CanvasObject) {
			if w, ok := o.(*kit.Select); ok && sel == nil && len(w.Options) == len(model.DuesCategories) {
				sel = w
			}
		})
		if sel == nil {
			t.Fatal("no category choice in the grid")
		}
		for i := range sel.Options {
			sel.SetSelectedIndex(i)
			s.win.Resize(fyne.NewSize(smallWindow.Width+1, smallWindow.Height))
			s.win.Resize(smallWindow)
			if cut := cutTexts(sel); len(cut) > 0 {
				t.Errorf("%s: the category shows %q", l, cut)
			}
		}
	}
	_ = useLanguage(Chinese)
}

// Scrolled all the way right, the compliance calendar shows December whole
// at 1024×700 in both languages (review s6-8 newuser #2: it stopped at a
// half-cut 11月 / Oct, Fyne scrolling a table with a sticky column short
// of its end).
func TestCalendarScrollsToDecember(t *testing.T) {
	for _, l := range []Language{English, Chinese} {
		if err := useLanguage(l); err != nil {
			t.Fatal(err)
		}
		s, _, _ := firstDayShell(t)
		s.win.Resize(smallWindow)
		s.show(screenActivities)
		s.activities.showCalendar()
		cal := s.activities.calendar
		p := fyne.CurrentApp().Driver().AbsolutePositionForObject(cal)
		test.Scroll(s.win.Canvas(), p.Add(fyne.NewPos(cal.Size().Width-40, cal.Size().Height/2)), -20000, 0)
		if !inView(cal, monthName(12)) {
			t.Errorf("%s: scrolled to the end, the calendar does not show %s whole", l, monthName(12))
		}
	}
}

// The compliance calendar shows every kind's row whole at 1024×700, with
// the horizontal scroll bar below the last, in both languages (review
// s6-look #2, #15: ~6 rows tall, 民主评议 half under the scroll bar and
// 谈心谈话 only by an inner scroll, while the list below had room).
func TestCalendarShowsEveryRow(t *testing.T) {
	for _, l := range []Language{English, Chinese} {
		if err := useLanguage(l); err != nil {
			t.Fatal(err)
		}
		s, _, _ := firstDayShell(t)
		s.win.Resize(smallWindow)
		s.show(screenActivities)
		s.activities.showCalendar()
		a := s.activities
		cal := a.calendar
		row := max(cal.CreateCell().MinSize().Height, cal.CreateHeader().MinSize().Height)
		need := cal.CreateHeader().MinSize().Height + float32(len(a.calKinds))*(row+theme.Padding())
		if len(a.calKinds) < 7 {
			t.Fatalf("%s: the calendar has %d kinds", l, len(a.calKinds))
		}
		if h := cal.Size().Height; h < need+theme.ScrollBarSize() {
			t.Errorf("%s: the calendar is %.0f high, its %d rows need %.0f and the scroll bar %.0f", l, h, len(a.calKinds), need, theme.ScrollBarSize())
		}
	}
	_ = useLanguage(Chinese)
}

// At 1024×700 each row's rule in 党费 → 基数 takes at most two lines, in
// both languages: beside two buttons (年中调整…, 减免…) English had about
// 120 px for it and wrapped it to four or five (review s6-look #17). The
// two are one 调整… button's menu.
func TestBaseRulesHaveRoom(t *testing.T) {
	for _, l := range []Language{English, Chinese} {
		if err := useLanguage(l); err != nil {
			t.Fatal(err)
		}
		s, _, _ := firstDayShell(t)
		s.win.Resize(smallWindow)
		s.show(screenDues)
		b := basesOf(s.dues)
		b.showPage()
		s.win.Resize(fyne.NewSize(smallWindow.Width+1, smallWindow.Height))
		s.win.Resize(smallWindow)
		rules := 0
		walk(b.body, func(o fyne.CanvasObject) {
			c, ok := o.(*fyne.Container)
			if !ok {
				return
			}
			if _, ok := c.Layout.(*keepHeight); !ok {
				return
			}
			rule := c.Objects[0].(*kit.WrapLabel)
			rules++
			text := fyne.MeasureText(rule.Text, theme.TextSize(), rule.TextStyle).Width
			room := rule.Size().Width - 2*theme.InnerPadding()
			if lines := math.Ceil(float64(text / room)); lines > 2 {
				t.Errorf("%s: the rule %q takes %.0f lines in %.0f px", l, rule.Text, lines, room)
			}
		})
		if rules == 0 {
			t.Fatalf("%s: no rule in the grid", l)
		}
		var adjust *widget.Button
		walk(b.body, func(o fyne.CanvasObject) {
			if w, ok := o.(*widget.Button); ok && w.Text == lang.L("调整…") && adjust == nil {
				adjust = w
			}
		})
		if adjust == nil {
			t.Fatalf("%s: no 调整… button", l)
		}
		test.Tap(adjust)
		var items []string
		for _, it := range b.adjustMenu.Items {
			items = append(items, it.Label)
		}
		if !slices.Equal(items, []string{lang.L("年中调整…"), lang.L("减免…")}) {
			t.Errorf("%s: 调整… offers %q", l, items)
		}
	}
	_ = useLanguage(Chinese)
}
