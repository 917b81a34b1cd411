package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// In 兼容模式 because an earlier start ended while making its window (not
// the driver's own answer), 设置 says so, not "update the driver", and its
// button deletes the note so that the next start tries normal mode (review
// s7-10 F2: the only cure was a .txt file the window never mentioned).
func TestSettingsOffersToTryNormalModeAfterAnEndedStart(t *testing.T) {
	note := filepath.Join(t.TempDir(), "branchledger-兼容模式（办公室电脑）.txt")
	if err := os.WriteFile(note, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	f := newFakeStore(testToday)
	svc := f.services()
	svc.SoftwareRendering, svc.CompatNote = true, note
	s := newShell(test.NewTempApp(t), svc, "/数据/支部台账.db")
	defer s.win.Close()
	s.show(screenSettings)
	text := func() string {
		var out []string
		walk(s.content, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "兼容模式") || ok && strings.HasPrefix(l.Text, "下次启动") {
				out = append(out, l.Text)
			}
		})
		return strings.Join(out, "\n")
	}
	if got := text(); !strings.Contains(got, "意外退出") || strings.Contains(got, "更新显卡驱动") {
		t.Errorf("设置 says:\n%s", got)
	}
	var retry *widget.Button
	walk(s.content, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "下次启动时先试正常模式" {
			retry = b
		}
	})
	if retry == nil {
		t.Fatal("no button to try normal mode")
	}
	test.Tap(retry)
	if _, err := os.Stat(note); !os.IsNotExist(err) {
		t.Errorf("the note is still there: %v", err)
	}
	if got := text(); !strings.Contains(got, "下次启动支部台账时会先试正常模式") || !retry.Disabled() {
		t.Errorf("after the button, 设置 says %q (button disabled %v)", got, retry.Disabled())
	}

	// In 兼容模式 for the driver's answer, nothing to delete: no button.
	svc.CompatNote = ""
	s2 := newShell(test.NewTempApp(t), svc, "/数据/支部台账.db")
	defer s2.win.Close()
	s2.show(screenSettings)
	walk(s2.content, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "下次启动时先试正常模式" {
			t.Error("a button to try normal mode when the driver itself said no")
		}
	})
}
