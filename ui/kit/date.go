package kit

import (
	"reflect"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
)

// DatePlaceholder is the hint in every date entry: short, as a longer one
// was cut in the narrow date fields at 1024 px with a scroll bar under it
// (review s3-8 newuser #12); model.ParseDate reads this and many more forms
// (model.DateForms), which the message for a date it cannot read lists.
const DatePlaceholder = "如 1985.3.12"

// DateEntry is an entry for a date typed the ways people write one —
// 1985-03-12, 1985.3.12, 1985/3/12, 19850312, 1985年3月12日, or just the
// month, 1985.03 or 1985年3月 — read by model.ParseDate, the parser the
// importer uses too, with a calendar button to pick the day instead. When
// the user leaves it, what was typed is rewritten in the stored form
// (1985-03-12), which shows how it was read.
type DateEntry struct {
	Entry
	// Today is where the calendar opens when the entry is empty; nil is
	// the clock.
	Today func() model.Date

	picker   *widget.PopUp
	cal      *calendar
	needsDay bool // NeedDay
}

// NeedDay makes d a field that needs the day (an activity's, a payment's,
// a letter's): its calendar offers no 只填年月, which the field would then
// refuse (review s7-8 newuser #11), and text it cannot take is refused
// with the day forms only (model.ParseDay), not "1985.03 或 1985年3月".
func (d *DateEntry) NeedDay() *DateEntry {
	d.needsDay = true
	return d
}

// NewDateEntry returns an empty date entry.
func NewDateEntry() *DateEntry {
	d := &DateEntry{}
	d.ExtendBaseWidget(d)
	d.SetPlaceHolder(L(DatePlaceholder))
	button := &calendarButton{entry: d}
	button.Icon, button.OnTapped = theme.Icon(theme.IconNameCalendar), d.openPicker
	button.Importance = widget.LowImportance
	button.ExtendBaseWidget(button)
	d.ActionItem = button
	return d
}

// calendarButton is the date entry's calendar button. Tab leaves a date
// onto it, so Esc there cancels the form and Enter saves it, as they do in
// the entry (Esc did nothing, review s5-8 newuser #9; Enter did nothing,
// s8-8 #8); Space opens the calendar.
type calendarButton struct {
	widget.Button
	entry *DateEntry
}

func (b *calendarButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter:
		if passOn(b, b.entry.keys, ev) {
			return
		}
	}
	b.Button.TypedKey(ev)
}

// closePicker hides the calendar if it is shown, and reports whether it was.
func (d *DateEntry) closePicker() bool {
	if d.picker == nil || !d.picker.Visible() {
		return false
	}
	d.picker.Hide()
	return true
}

// Date reads the entry: the zero date when empty, an error (one Chinese
// sentence listing the forms accepted) when it cannot be read.
func (d *DateEntry) Date() (model.Date, error) {
	if d.needsDay {
		return model.ParseDay(d.Text)
	}
	return model.ParseDate(d.Text)
}

// SetDate shows a date in the stored form; the zero date empties the entry.
func (d *DateEntry) SetDate(v model.Date) { d.SetText(v.String()) }

// Enable enables the entry and its calendar button.
func (d *DateEntry) Enable() {
	d.ActionItem.(fyne.Disableable).Enable()
	d.Entry.Enable()
}

// Disable disables the entry and its calendar button.
func (d *DateEntry) Disable() {
	d.ActionItem.(fyne.Disableable).Disable()
	d.Entry.Disable()
}

// FocusLost rewrites a date that was read in the stored form, then tells
// the form the user left.
func (d *DateEntry) FocusLost() {
	if v, err := d.Date(); err == nil && v.String() != d.Text {
		d.SetText(v.String())
	}
	d.Entry.FocusLost()
}

func (d *DateEntry) today() model.Date {
	if d.Today != nil {
		return d.Today()
	}
	return model.Today()
}

// openPicker shows the calendar under the entry (above it when there is no
// room below), at the date typed or today.
func (d *DateEntry) openPicker() {
	c := fyne.CurrentApp().Driver().CanvasForObject(d)
	if c == nil {
		return
	}
	at, err := d.Date()
	if err != nil || at.IsZero() {
		at = d.today()
	}
	d.cal = newCalendar(at, d.today(), !d.needsDay, d.pick)
	d.picker = widget.NewPopUp(d.cal.content, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(d)
	size := d.picker.MinSize()
	below := pos.Add(fyne.NewPos(0, d.Size().Height))
	if below.Y+size.Height > c.Size().Height && pos.Y-size.Height >= 0 {
		below = pos.SubtractXY(0, size.Height)
	}
	d.picker.ShowAtPosition(below)
	// While a pop-up shows, keys go to the window's handler (nothing under
	// it has the focus), which a form dialog's Esc cancels: Esc closes the
	// calendar first (review s5-8 newuser #14: both closed at once).
	openPickers[c] = d
	if !isPickerKeys(c.OnTypedKey()) {
		k := &pickerKeys{c: c, before: c.OnTypedKey()}
		c.SetOnTypedKey(k.typed)
	}
}

// openPickers is the date entry whose calendar was opened last on each
// canvas, for Esc to close.
var openPickers = map[fyne.Canvas]*DateEntry{}

// pickerKeys is a canvas's key handler while calendars open on it: Esc
// closes the open calendar, and every other key goes on to what the
// canvas did before. It is put in once per handler it wraps, not once per
// opening: a calendar closed by picking a day or a tap outside it has no
// hook to take its handler out again, so one per opening piled up on a
// page (read-through s6 rtui #4). A form dialog puts its own handler in
// while it shows (keysWhileShown), and a calendar in it wraps that one.
type pickerKeys struct {
	c      fyne.Canvas
	before func(*fyne.KeyEvent)
}

func (k *pickerKeys) typed(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		if d := openPickers[k.c]; d != nil && d.closePicker() {
			delete(openPickers, k.c)
			return
		}
	}
	if k.before != nil {
		k.before(ev)
	}
}

// pickerKeysCode tells a pickerKeys handler from others: every method
// value of pickerKeys.typed runs the same code.
var pickerKeysCode = reflect.ValueOf((&pickerKeys{}).typed).Pointer()

func isPickerKeys(f func(*fyne.KeyEvent)) bool {
	return f != nil && reflect.ValueOf(f).Pointer() == pickerKeysCode
}

// pick puts the chosen date in the entry and counts as leaving it.
func (d *DateEntry) pick(v model.Date) {
	if d.picker != nil {
		d.picker.Hide()
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(d); c != nil && openPickers[c] == d {
		delete(openPickers, c)
	}
	d.SetDate(v)
	if d.keys != nil && d.keys.leave != nil {
		d.keys.leave()
	}
	if d.OnLeft != nil {
		d.OnLeft()
	}
}

// calendar is the date picker: year and month at the top, the days of the
// month by week (Monday first, as Chinese calendars print them), today and
// "this month only" at the bottom.
type calendar struct {
	content    fyne.CanvasObject
	year, mon  *widget.Select
	days       *fyne.Container
	shown      model.Date // the month shown (day 0)
	today      model.Date
	onPick     func(model.Date)
	years      []int
	dayButtons []*widget.Button // of the month shown, for tests
	monthOnly  *widget.Button   // 只填年月, nil where the day is needed
}

// calendarYears is how far back the year list reaches: birth dates of the
// oldest members.
const calendarFirstYear = 1920

func newCalendar(at, today model.Date, monthAllowed bool, onPick func(model.Date)) *calendar {
	c := &calendar{today: today, onPick: onPick, shown: model.MonthDate(at.Year, at.Month)}
	var years []string
	for y := today.Year + 1; y >= calendarFirstYear; y-- {
		c.years = append(c.years, y)
		years = append(years, L("{{.Y}}年", map[string]any{"Y": y}))
	}
	months := make([]string, len(monthNames))
	for i, m := range monthNames {
		months[i] = L(m)
	}
	c.year = widget.NewSelect(years, nil)
	c.mon = widget.NewSelect(months, nil)
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { c.show(c.shown.AddMonths(-1)) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { c.show(c.shown.AddMonths(1)) })
	prev.Importance, next.Importance = widget.LowImportance, widget.LowImportance
	c.days = container.NewGridWithColumns(7)
	todayButton := widget.NewButton(L("今天"), func() { onPick(today) })
	bottom := container.NewGridWithColumns(2, todayButton)
	if monthAllowed {
		c.monthOnly = widget.NewButton(L("只填年月"), func() { onPick(c.shown) })
		bottom.Add(c.monthOnly)
	}
	c.content = container.NewBorder(
		container.NewBorder(nil, nil, prev, next, container.NewGridWithColumns(2, c.year, c.mon)),
		bottom, nil, nil, c.days)
	c.show(c.shown)
	c.year.OnChanged = func(string) {
		if i := c.year.SelectedIndex(); i >= 0 && c.years[i] != c.shown.Year {
			c.show(model.MonthDate(c.years[i], c.shown.Month))
		}
	}
	c.mon.OnChanged = func(string) {
		if i := c.mon.SelectedIndex(); i >= 0 && time.Month(i+1) != c.shown.Month {
			c.show(model.MonthDate(c.shown.Year, time.Month(i+1)))
		}
	}
	return c
}

// monthNames are the month list's entries.
var monthNames = []string{"一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"}

// weekdays are the column heads, Monday first.
var weekdays = []string{"一", "二", "三", "四", "五", "六", "日"}

// show lays out the days of month m.
func (c *calendar) show(m model.Date) {
	m.Day = 0
	if m.Year < calendarFirstYear || m.Year > c.today.Year+1 {
		return
	}
	c.shown = m
	c.year.SetSelectedIndex(c.today.Year + 1 - m.Year)
	c.mon.SetSelectedIndex(int(m.Month) - 1)
	c.days.RemoveAll()
	for _, w := range weekdays {
		l := widget.NewLabel(L(w))
		l.Alignment = fyne.TextAlignCenter
		l.TextStyle.Bold = true
		c.days.Add(l)
	}
	first := time.Date(m.Year, m.Month, 1, 0, 0, 0, 0, time.UTC)
	for range (int(first.Weekday()) + 6) % 7 { // Monday is column 0
		c.days.Add(widget.NewLabel(""))
	}
	c.dayButtons = c.dayButtons[:0]
	n := first.AddDate(0, 1, -1).Day()
	for day := 1; day <= n; day++ {
		v := model.NewDate(m.Year, m.Month, day)
		b := widget.NewButton(strconv.Itoa(day), func() { c.onPick(v) })
		b.Importance = widget.LowImportance
		if v == c.today {
			b.Importance = widget.HighImportance
		}
		c.dayButtons = append(c.dayButtons, b)
		c.days.Add(b)
	}
	c.days.Refresh()
}
