package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"branchledger/model"
)

// At 1024×700 the message under 新增党员's 出生日期 for "0000-00-00" is read
// whole, in both languages: every line of it drawn inside the space the
// message has, none under the field below (review s13-attack8 #5: "…请写成
// 1985-03-12、1985.03 或" and only the top half of "1985年3月 这样的日期").
func TestBirthDateMessageShowsWholeAt1024(t *testing.T) {
	for _, l := range []Language{Chinese, English} {
		t.Run(string(l), func(t *testing.T) {
			if err := useLanguage(l); err != nil {
				t.Fatal(err)
			}
			defer func() { _ = useLanguage(Chinese) }()
			s, _, _ := firstDayShell(t)
			size := fyne.NewSize(1024, 700)
			s.win.Resize(size)
			s.show(screenRoster)
			f := s.roster.addMember()
			field := f.fields[model.FieldBirthDate]
			in := field.Input.(fyne.Focusable)
			s.win.Canvas().Focus(in)
			test.Type(in, "0000-00-00")
			s.win.Canvas().Focus(f.fields[model.FieldName].Input.(fyne.Focusable))
			// The test canvas lays out again only when resized.
			s.win.Resize(fyne.NewSize(size.Width+1, size.Height))
			s.win.Resize(size)

			msg := field.MessageLabel()
			if !strings.Contains(field.Message(), "0000-00-00") {
				t.Fatalf("出生日期 says %q", field.Message())
			}
			d := fyne.CurrentApp().Driver()
			top := d.AbsolutePositionForObject(msg).Y
			bottom := top + msg.Size().Height
			var drawn []string
			var below float32 // the lowest edge of a drawn line
			var visit func(o fyne.CanvasObject)
			visit = func(o fyne.CanvasObject) {
				if tx, ok := o.(*canvas.Text); ok && tx.Text != "" {
					drawn = append(drawn, tx.Text)
					below = max(below, d.AbsolutePositionForObject(tx).Y+tx.MinSize().Height)
					return
				}
				walkChildren(o, visit)
			}
			walkChildren(msg, visit)
			flat := func(s string) string { return strings.ReplaceAll(s, " ", "") }
			if got := strings.Join(drawn, ""); flat(got) != flat(field.Message()) {
				t.Errorf("the message reads %q, want %q", got, field.Message())
			}
			if len(drawn) < 2 {
				t.Logf("the message fits one line: %q", drawn)
			}
			if below > bottom+0.5 {
				t.Errorf("the message's last line ends at y=%v, below its space (%v–%v): %q", below, top, bottom, drawn)
			}
			// No input of the form starts inside the message's space.
			x0, x1 := d.AbsolutePositionForObject(msg).X, d.AbsolutePositionForObject(msg).X+msg.Size().Width
			for fd, other := range f.fields {
				p := d.AbsolutePositionForObject(other.Input)
				if other == field || p.X >= x1 || p.X+other.Input.Size().Width <= x0 {
					continue
				}
				if p.Y > top && p.Y < below {
					t.Errorf("%s (y=%v) lies over the message (%v–%v)", fd, p.Y, top, below)
				}
			}
		})
	}
}
