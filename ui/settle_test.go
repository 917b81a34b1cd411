package ui

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// layOuts records the shell's lay-outs done at once (settle.go): the screen
// in the content area and the window's minimum size during each.
type layOuts struct {
	views []fyne.CanvasObject
	mins  []fyne.Size
}

func recordLayOuts(s *shell) *layOuts {
	l := &layOuts{}
	s.layOut = func() {
		l.views = append(l.views, s.content.Objects[0])
		l.mins = append(l.mins, s.root.MinSize())
	}
	return l
}

// A switch lays the new screen out before its frame (so that it paints
// once, not twice: in 兼容模式 each frame is 0.2–0.5 s of CPU), while the
// window's minimum size stays the old screen's until the frame, which fits
// the window to the new one as Fyne always did.
func TestScreenSwitchIsLaidOutBeforeItsFrame(t *testing.T) {
	s := demoShell(t, Chinese, 5)
	l := recordLayOuts(s)
	before := s.root.MinSize()
	s.show(screenSettings)
	if len(l.views) != 1 {
		t.Fatalf("switching to 设置 laid the window out at once %d times, want 1", len(l.views))
	}
	if l.views[0] != s.views[s.current] || s.screens[s.current].Title != screenSettings {
		t.Errorf("the lay-out ran before 设置 was in the window")
	}
	if l.mins[0] != before {
		t.Errorf("during the lay-out the window's minimum size was %v, want the old screen's %v", l.mins[0], before)
	}
	after := s.root.MinSize()
	if want := s.root.content.MinSize(); after != want {
		t.Errorf("after the switch the window's minimum size is %v, want the new screen's %v", after, want)
	}
	if after == before {
		t.Logf("设置 and 首页 need the same window (%v): the held size is not told apart", after)
	}

	// Under a dialog the next frame fits both; nothing is laid out early.
	dialog.ShowError(errors.New("x"), s.win)
	s.show(screenRoster)
	if len(l.views) != 1 {
		t.Errorf("a switch under a dialog was laid out at once")
	}
}

// What a background read brings (设置's 放假安排, a list filled after the
// screen first showed) is laid out at once too: one frame more, not two.
func TestBackgroundResultIsLaidOutAtOnce(t *testing.T) {
	s := demoShell(t, Chinese, 5)
	s.show(screenSettings)
	l := recordLayOuts(s)
	changed := false
	s.Background(func() {}, func() { changed = true })
	if !changed || len(l.views) != 1 {
		t.Errorf("after a background read: then ran %v, laid out at once %d times; want true, 1", changed, len(l.views))
	}
}
