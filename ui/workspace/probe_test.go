package workspace

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// Choosing a USB folder walks it and reads each package's first bytes in
// the background, the window saying what it does meanwhile, and the import
// follows (read-through s6 rtws #4: on the UI goroutine, a slow drive froze
// the window).
func TestImportLooksForPackagesInTheBackground(t *testing.T) {
	a := test.NewTempApp(t)
	svc, key := newWorkspace(t)
	usb, _ := drive(t, 1, 2, key, day)
	w := New(a, svc)
	var held []func()
	w.background = func(work, then func()) { held = append(held, func() { work(); then() }) }
	w.Import([]string{usb})
	if got := w.ImportStatus(); got != "正在查找数据包…" || len(held) != 1 || !w.imports.folder.Disabled() {
		t.Fatalf("while the drive is read: status %q, %d background jobs, folder button disabled %v", got, len(held), w.imports.folder.Disabled())
	}
	w.Import([]string{usb}) // a second click meanwhile does nothing
	if len(held) != 1 {
		t.Fatalf("%d background jobs after a second click", len(held))
	}
	w.RunInLine()
	held[0]()
	if rs := w.ImportResults(); len(rs) != 1 || w.imports.folder.Disabled() {
		t.Errorf("%d packages imported, folder button disabled %v", len(rs), w.imports.folder.Disabled())
	}
}
