package workspace

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	ws "branchledger/storage/workspace"
)

// animatingApp is the test app whose driver keeps the animations started
// and not stopped: while one runs, the window is repainted every frame,
// which in 兼容模式 (software rendering) keeps a core busy.
type animatingApp struct {
	fyne.App
	driver *animatingDriver
}

func (a *animatingApp) Driver() fyne.Driver { return a.driver }

type animatingDriver struct {
	fyne.Driver
	running map[*fyne.Animation]bool
}

func (d *animatingDriver) StartAnimation(a *fyne.Animation) {
	d.running[a] = true
	d.Driver.StartAnimation(a)
}

func (d *animatingDriver) StopAnimation(a *fyne.Animation) {
	delete(d.running, a)
	d.Driver.StopAnimation(a)
}

// moving counts the animations that never end by themselves (a moving
// bar, a blinking cursor) started since the test began.
func (d *animatingDriver) moving() (n int) {
	for a := range d.running {
		if a.RepeatCount == fyne.AnimationRepeatForever {
			n++
		}
	}
	return n
}

// The moving bar under 生成指导员密钥 moves only while the key is made:
// it ran from the moment the dialog opened, hidden, and went on after the
// work, repainting the window 60 times a second for as long as the program
// was open, which in 兼容模式 keeps a core busy (the branch window's
// 正在导出… bar did the same, review s4-10 attack #4).
func TestTheKeyDialogsBarMovesOnlyWhileTheKeyIsMade(t *testing.T) {
	a := test.NewTempApp(t)
	d := &animatingDriver{Driver: a.Driver(), running: map[*fyne.Animation]bool{}}
	fyne.SetCurrentApp(&animatingApp{App: a, driver: d})
	svc, err := ws.Open(filepath.Join(t.TempDir(), ws.FileName), ws.WithClock(clockAt(day, 16)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	w := New(a, svc)
	var done func()
	w.background = func(work func(), then func()) { work(); done = then }
	w.Win.Resize(fyne.NewSize(1024, 700))
	w.Win.Show()
	w.Tabs().SelectIndex(4)
	w.settings.newKey()
	f, p, name := w.settings.keyForm, w.settings.keyEntries, w.settings.keyName
	w.Win.Canvas().Focus(p[0])
	test.Type(p[0], "指导员的密码2026")
	w.Win.Canvas().Focus(p[1])
	test.Type(p[1], "指导员的密码2026")
	w.Win.Canvas().Focus(name)
	test.Type(name, "王建国")
	w.Win.Canvas().Unfocus() // a focused field's cursor blinks on its own
	if n := d.moving(); n != 0 {
		t.Errorf("%d animation(s) running while the form waits for 生成密钥", n)
	}
	test.Tap(f.Save)
	if done == nil {
		t.Fatalf("the key is not being made: %q", f.Reason.Text)
	}
	w.Win.Canvas().(test.WindowlessCanvas).Capture() // drawn while the work runs
	// The line is in the dialog and in view: it was below the fold under
	// the fields, and, put in as the type around its container, not drawn.
	var line fyne.CanvasObject
	for _, o := range w.Win.Canvas().Overlays().List() {
		walk(o, func(o fyne.CanvasObject) {
			if text, ok := labelText(o); ok && strings.HasPrefix(text, "正在生成密钥") {
				line = o
			}
		})
	}
	drv := fyne.CurrentApp().Driver()
	if line == nil {
		t.Error("the dialog does not draw the line saying the key is being made")
	} else if y, save := drv.AbsolutePositionForObject(line).Y, drv.AbsolutePositionForObject(f.Save).Y; y < 0 || y+line.Size().Height > save {
		t.Errorf("the line saying the key is being made is at y=%v, not above the buttons at y=%v", y, save)
	}
	if d.moving() == 0 {
		t.Fatal("no moving bar while the key is made: the test no longer sees the animation")
	}
	done()
	if n := d.moving(); n != 0 {
		t.Errorf("%d animation(s) still running after the key was made: the window is repainted every frame", n)
	}
}
