package recruit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The 设置 card at 1366×768 is about 1040 px wide: the 日期 hint must show
// whole in its third of the form, and no empty frame stands above the form
// while the user has added no day.
func TestHolidayDateHintFitsAndNoEmptyFrame(t *testing.T) {
	test.NewTempApp(t)
	h := &fakeHost{}
	hol := NewHolidays(h, &fakeService{})
	h.win = test.NewTempWindow(t, widget.NewCard("放假安排", "", hol.Content()))
	h.win.Resize(fyne.NewSize(1040, 900))
	e := hol.date
	text := fyne.MeasureText(e.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width
	room := e.Size().Width - e.ActionItem.MinSize().Width - 4*theme.InnerPadding()
	if text > room {
		t.Errorf("date hint %q is %.0f px wide, the entry leaves %.0f", e.PlaceHolder, text, room)
	}
	if hol.listBox.Visible() {
		t.Error("the empty list's 160 px frame is shown above the form")
	}
}

// A day typed and not added counts as unsaved (设置 asks before leaving);
// Discard empties the form.
func TestHolidayTypedIsUnsavedUntilDiscarded(t *testing.T) {
	test.NewTempApp(t)
	h := &fakeHost{}
	hol := NewHolidays(h, &fakeService{})
	h.win = test.NewTempWindow(t, hol.Content())
	if hol.Dirty() {
		t.Fatal("an empty form is unsaved")
	}
	test.Type(hol.date, "2027-02-10")
	if !hol.Dirty() {
		t.Fatal("a date typed and not added is not unsaved")
	}
	hol.Discard()
	if hol.Dirty() || hol.date.Text != "" {
		t.Errorf("after Discard: dirty %v, date %q", hol.Dirty(), hol.date.Text)
	}
}

// laterHost runs background work's results only when asked (run), as the
// window does after its next frame.
type laterHost struct {
	fakeHost
	pending []func()
}

func (h *laterHost) Background(work func(), then func()) {
	work()
	h.pending = append(h.pending, then)
}

// 设置 shows the card filled in its first frame: the years the calendar
// knows are there when the card is built, not after a background read (a
// second frame of 设置, a third of a second of CPU in 兼容模式).
func TestHolidayCardIsFilledWhenBuilt(t *testing.T) {
	test.NewTempApp(t)
	h := &laterHost{}
	hol := NewHolidays(h, &fakeService{})
	if got := hol.known.Text; !strings.Contains(got, "已有放假安排的年份：20") {
		t.Errorf("the card when built says %q, want the known years", got)
	}
	if len(h.pending) != 0 {
		t.Errorf("building the card left %d background results to show", len(h.pending))
	}
}
