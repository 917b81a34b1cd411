package backup

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/ui/kit"
)

// typeFocused types text into the input that has the focus.
func typeFocused(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	f := w.Canvas().Focused()
	if f == nil {
		t.Fatal("nothing has the focus")
	}
	test.Type(f, text)
}

// tabTo moves the focus with Tab until it is on o.
func tabTo(t *testing.T, w fyne.Window, o fyne.Focusable) {
	t.Helper()
	for range 20 {
		if w.Canvas().Focused() == o {
			return
		}
		w.Canvas().FocusNext()
	}
	t.Fatalf("Tab never reached %T", o)
}

func press(w fyne.Window, key fyne.KeyName) {
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: key})
}

// The two passphrase dialogs take Enter and Esc wherever the focus is: on
// their buttons, after Tab, Enter and Esc did nothing (Fyne's form dialog;
// u8's report). Two passphrases that differ still do not back up.
func TestPassphraseDialogsTakeEnterAndEscOnTheirButtons(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("背景"))
	w.Resize(fyne.NewSize(1024, 700))
	good := strings.Repeat("密", minPassphrase)

	var got []string
	d := askPassphrase(w, func(p string) { got = append(got, p) })
	typeFocused(t, w, good)
	w.Canvas().FocusNext()
	again, ok := w.Canvas().Focused().(*kit.Entry)
	if !ok {
		t.Fatalf("Tab from 密码 went to %T", w.Canvas().Focused())
	}
	typeFocused(t, w, good+"x")
	press(w, fyne.KeyReturn)
	if len(got) != 0 || len(w.Canvas().Overlays().List()) != 1 || !d.Form.Save.Disabled() {
		t.Fatalf("two different passphrases: backed up with %q, %d dialogs, 开始备份 disabled %v", got, len(w.Canvas().Overlays().List()), d.Form.Save.Disabled())
	}
	again.SetText(good)
	tabTo(t, w, d.Form.Save)
	press(w, fyne.KeyEnter)
	if len(got) != 1 || got[0] != good || len(w.Canvas().Overlays().List()) != 0 {
		t.Errorf("Enter on 开始备份: backed up with %q, %d dialogs open", got, len(w.Canvas().Overlays().List()))
	}

	opened := 0
	d = askExistingPassphrase(w, "a.blpkg", func(string) { opened++ })
	tabTo(t, w, d.Form.Cancel)
	press(w, fyne.KeyReturn)
	if opened != 0 || len(w.Canvas().Overlays().List()) != 0 {
		t.Errorf("Enter on 取消: opened %d, %d dialogs open", opened, len(w.Canvas().Overlays().List()))
	}
	d = askExistingPassphrase(w, "a.blpkg", func(string) { opened++ })
	tabTo(t, w, d.Form.Cancel)
	press(w, fyne.KeyEscape)
	if opened != 0 || len(w.Canvas().Overlays().List()) != 0 {
		t.Errorf("Esc on 取消: opened %d, %d dialogs open", opened, len(w.Canvas().Overlays().List()))
	}
	d = askExistingPassphrase(w, "a.blpkg", func(string) { opened++ })
	typeFocused(t, w, good)
	tabTo(t, w, d.Form.Save)
	press(w, fyne.KeyReturn)
	if opened != 1 || len(w.Canvas().Overlays().List()) != 0 {
		t.Errorf("Enter on 打开: opened %d, %d dialogs open", opened, len(w.Canvas().Overlays().List()))
	}
}
