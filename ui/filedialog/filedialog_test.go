package filedialog

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"branchledger/assets"
	"branchledger/ui/internal/uistrings"
	"branchledger/ui/kit"
	"branchledger/ui/portable"
)

func TestEveryStringIsTranslated(t *testing.T) {
	uistrings.CheckTranslated(t, uistrings.Literals(t, uistrings.Spec{Calls: []string{"L"}, Extra: placeZh()}))
}

func placeZh() []string {
	var out []string
	for _, zh := range placeNames {
		out = append(out, zh)
	}
	return out
}

// Fyne's own dialog names its places in English; a Chinese screen must not
// show "Home" or "Computer" (issue 8).
func TestPlacesAreInTheUILanguage(t *testing.T) {
	d, _, w := newDialogs(t)
	d.Open("导入花名册", Workbooks(), func(string) {})
	var texts []string
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	})
	if !slices.Contains(texts, "主文件夹") {
		t.Errorf("the places list does not show 主文件夹; labels: %q", texts)
	}
	for _, en := range []string{"Home", "Computer"} {
		if slices.Contains(texts, en) {
			t.Errorf("the Chinese dialog shows %q", en)
		}
	}
}

func TestWithExtension(t *testing.T) {
	for _, c := range []struct{ typed, want string }{
		{`C:\资料\名单`, `C:\资料\名单.xlsx`},
		{"/tmp/名单.xlsx", "/tmp/名单.xlsx"},
		{"/tmp/名单.XLSX", "/tmp/名单.XLSX"},
		{"/tmp/名单.2026", "/tmp/名单.2026.xlsx"},
		{"/tmp/名单.xls", "/tmp/名单.xls.xlsx"},
	} {
		if got := withExtension(c.typed, Workbooks()); got != c.want {
			t.Errorf("withExtension(%q) = %q, want %q", c.typed, got, c.want)
		}
	}
	if got := withExtension("/tmp/照片.JPG", Attachments()); got != "/tmp/照片.JPG" {
		t.Errorf("an attachment named .JPG became %q", got)
	}
}

func TestByExtension(t *testing.T) {
	for _, c := range []struct {
		exts []string
		want Filter
	}{
		{[]string{".xlsx", ".XLSX"}, Workbooks()},
		{WorkbookExts, WorkbooksToOpen()},
		{[]string{".jpg", ".PNG", ".pdf"}, Filter{Attachments().Description, []string{".jpg", ".png", ".pdf"}}},
		{[]string{"blpkg"}, Filter{"*.blpkg 文件", []string{".blpkg"}}},
		{[]string{".xlsx", ".blpkg"}, Filter{"*.xlsx; *.blpkg 文件", []string{".xlsx", ".blpkg"}}},
	} {
		got := ByExtension(c.exts...)
		if got.Description != c.want.Description || !slices.Equal(got.Extensions, c.want.Extensions) {
			t.Errorf("ByExtension(%q) = %+v, want %+v", c.exts, got, c.want)
		}
	}
}

// fyneDialog is the file dialog shown over w, with its name box (save only)
// and its confirm button.
func fyneDialog(t *testing.T, w fyne.Window) (name *widget.Entry, confirm *widget.Button) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is shown")
	}
	walk(top, func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *nameEntry: // the name box shown in place of Fyne's
			name = &o.Entry
		case *widget.Entry:
			if name == nil {
				name = o
			}
		case *widget.Button:
			if o.Importance == widget.HighImportance {
				confirm = o
			}
		case *kit.Button: // the app's own questions (kit.NewCustomConfirm)
			if o.Importance == widget.HighImportance {
				confirm = &o.Button
			}
		}
	})
	if confirm == nil {
		t.Fatal("the dialog has no confirm button")
	}
	return name, confirm
}

func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch o := o.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			walk(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			walk(c, f)
		}
	}
}

func newDialogs(t *testing.T) (*Dialogs, fyne.App, fyne.Window) {
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1024, 700))
	t.Cleanup(w.Close)
	d := New(w, a.Preferences())
	if d.native != nil {
		t.Skip("Fyne's dialog is not used here")
	}
	d.RunInLine()
	return d, a, w
}

func TestSaveAddsTheExtensionAndRemembersTheFolder(t *testing.T) {
	d, a, w := newDialogs(t)
	dir := t.TempDir()
	a.Preferences().SetString(lastFolderKey, dir)

	var got []string
	d.Save("导出花名册", "党员花名册.xlsx", Workbooks(), func(p string) { got = append(got, p) })
	name, save := fyneDialog(t, w)
	if name.Text != "党员花名册.xlsx" {
		t.Errorf("suggested name = %q", name.Text)
	}
	name.SetText("二支部 名单")
	test.Tap(save)

	want := filepath.Join(dir, "二支部 名单.xlsx")
	if len(got) != 1 || got[0] != want {
		t.Fatalf("saved to %q, want [%q]", got, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "二支部 名单")); err == nil {
		t.Error("the name as typed, without .xlsx, was left behind as an empty file")
	}
	if _, err := os.Stat(want); err == nil {
		t.Error("an empty file waits at the chosen path; the caller writes it")
	}
	sub := filepath.Join(dir, "U盘")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	d.remember(filepath.Join(sub, "x.xlsx"))
	if got := d.LastFolder(); got != sub {
		t.Errorf("LastFolder = %q, want %q", got, sub)
	}
	if err := os.Remove(sub); err != nil {
		t.Fatal(err)
	}
	if got := d.LastFolder(); got != "" {
		t.Errorf("LastFolder = %q after the folder went away (a USB drive pulled), want \"\"", got)
	}
}

// oldWorkbook is 名单.xlsx holding "old" in a new folder, which a's
// preferences give as the folder last used.
func oldWorkbook(t *testing.T, a fyne.App) string {
	t.Helper()
	dir := t.TempDir()
	a.Preferences().SetString(lastFolderKey, dir)
	old := filepath.Join(dir, "名单.xlsx")
	writeWorkbook(t, old)
	return old
}

// writeWorkbook writes a workbook as this app's exports are (one made in
// Excel is refused before any question: Replace).
func writeWorkbook(t *testing.T, path string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func TestSaveAsksBeforeReplacingUnderTheAddedExtension(t *testing.T) {
	d, a, w := newDialogs(t)
	old := oldWorkbook(t, a)
	before, _ := os.ReadFile(old)

	var got []string
	d.Save("导出花名册", "", Workbooks(), func(p string) { got = append(got, p) })
	name, save := fyneDialog(t, w)
	name.SetText("名单")
	test.Tap(save)
	if len(got) != 0 {
		t.Fatalf("saved to %q without asking to replace 名单.xlsx", got)
	}
	if b, _ := os.ReadFile(old); string(b) != string(before) {
		t.Errorf("名单.xlsx was changed (%d bytes) before the user agreed to replace it", len(b))
	}
	_, replace := fyneDialog(t, w) // the confirmation
	test.Tap(replace)
	if len(got) != 1 || got[0] != old {
		t.Errorf("after confirming, saved to %q, want [%q]", got, old)
	}
}

func TestOpenHandsOverThePath(t *testing.T) {
	d, a, w := newDialogs(t)
	dir := t.TempDir()
	a.Preferences().SetString(lastFolderKey, dir)
	file := filepath.Join(dir, "花名册.XLSX")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []string
	d.Open("导入花名册", Workbooks(), func(p string) { got = append(got, p) })
	// Fyne's dialog lists the folder; choose the one workbook by its name
	// (the grid view leaves the extension off).
	var item fyne.Tappable
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == "花名册" && item == nil {
			item = findTappableAbove(w, l)
		}
	})
	if item == nil {
		t.Fatal("the dialog does not list 花名册.XLSX in the last folder")
	}
	test.Tap(item)
	_, open := fyneDialog(t, w)
	test.Tap(open)
	if len(got) != 1 || got[0] != file {
		t.Errorf("opened %q, want [%q]", got, file)
	}
}

// findTappableAbove is the tappable widget in w's top overlay that holds o.
func findTappableAbove(w fyne.Window, o fyne.CanvasObject) fyne.Tappable {
	var found fyne.Tappable
	var search func(c fyne.CanvasObject, holder fyne.Tappable) bool
	search = func(c fyne.CanvasObject, holder fyne.Tappable) bool {
		if t, ok := c.(fyne.Tappable); ok {
			holder = t
		}
		if c == o {
			found = holder
			return true
		}
		switch c := c.(type) {
		case *fyne.Container:
			for _, k := range c.Objects {
				if search(k, holder) {
					return true
				}
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(c).Objects() {
				if search(k, holder) {
					return true
				}
			}
		}
		return false
	}
	search(w.Canvas().Overlays().Top(), nil)
	return found
}

// fakeNative stands in for the Windows dialogs.
type fakeNative struct {
	path, dir string
	err       error
	shown     chan struct{}
	release   chan struct{}
}

func (f *fakeNative) open(_, dir string, _ Filter) (string, error) {
	f.dir = dir
	close(f.shown)
	<-f.release
	return f.path, f.err
}

func (f *fakeNative) save(_, dir, _ string, _ Filter) (string, error) {
	return f.open("", dir, Filter{})
}

func TestNativeDialogCoversTheWindowWhileOpen(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1024, 700))
	defer w.Close()
	dir := t.TempDir()
	a.Preferences().SetString(lastFolderKey, dir)

	for _, c := range []struct {
		name      string
		path      string
		err       error
		wantPaths int
		wantError bool
	}{
		{"chosen", filepath.Join(dir, "花名册.xlsx"), nil, 1, false},
		{"cancelled", "", nil, 0, false},
		{"failed", "", errors.New("CommDlgExtendedError: 0x3002"), 0, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := &fakeNative{path: c.path, err: c.err, shown: make(chan struct{}), release: make(chan struct{})}
			d := &Dialogs{win: w, prefs: a.Preferences(), native: f}
			got := make(chan string, 1)
			d.Open("导入花名册", Workbooks(), func(p string) { got <- p })
			<-f.shown
			if f.dir != dir {
				t.Errorf("the dialog started in %q, want the last folder %q", f.dir, dir)
			}
			notice := w.Canvas().Overlays().Top()
			if notice == nil {
				t.Fatal("nothing covers the window while the system's dialog is open")
			}
			close(f.release)
			deadline := time.Now().Add(5 * time.Second)
			for w.Canvas().Overlays().Top() == notice && time.Now().Before(deadline) {
				time.Sleep(5 * time.Millisecond)
			}
			if w.Canvas().Overlays().Top() == notice {
				t.Fatal("the notice stays after the system's dialog closed")
			}
			select {
			case p := <-got:
				if c.wantPaths == 0 || p != c.path {
					t.Errorf("handed over %q, want %q", p, c.path)
				}
			case <-time.After(100 * time.Millisecond):
				if c.wantPaths != 0 {
					t.Errorf("the chosen path was not handed over")
				}
			}
			// The error dialog is shown from the dialog's own goroutine: on a
			// loaded machine it can take longer than the wait above.
			for c.wantError && w.Canvas().Overlays().Top() == nil && time.Now().Before(deadline) {
				time.Sleep(5 * time.Millisecond)
			}
			if shown := w.Canvas().Overlays().Top() != nil; shown != c.wantError {
				t.Errorf("an error dialog shown = %v, want %v", shown, c.wantError)
			}
			for w.Canvas().Overlays().Top() != nil {
				w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
			}
		})
	}
}

// A save to a write-protected drive fails when Fyne's dialog creates the
// file: the user reads that the place is read-only, in Chinese, and neither
// "file window" nor the system's English. The drive is a read-only tmpfs
// (root only).
func TestSaveToReadOnlyPlaceSaysSo(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a read-only drive needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("mount: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	_, err := os.Create(filepath.Join(dir, "花名册.xlsx"))
	if err == nil {
		t.Fatal("the read-only drive took a file")
	}
	title, text := errorText(err)
	if title != "无法保存到这个位置" || !strings.Contains(text, "只读") {
		t.Errorf("told %q: %q", title, text)
	}
	if latin := regexp.MustCompile(`[A-Za-z]{2,}`).FindString(title + text); latin != "" {
		t.Errorf("%q carries %q", text, latin)
	}
}

// Choosing an existing file in Fyne's save dialog and confirming its
// "Overwrite?" must not empty the file: the caller replaces it whole, and if
// the caller fails (or the name gets .xlsx added, as for the data file
// typed as "g.db") the file is as it was (review s3-7 attack #0: the roster
// being imported, and the data file, were emptied and deleted).
func TestSaveLeavesAnExistingFileWholeUntilTheCallerWrites(t *testing.T) {
	for _, c := range []struct{ existing, typed, handed string }{
		{"名单.xlsx", "名单.xlsx", "名单.xlsx"},
		{"g.db", "g.db", "g.db.xlsx"},
	} {
		d, a, w := newDialogs(t)
		dir := t.TempDir()
		a.Preferences().SetString(lastFolderKey, dir)
		old := filepath.Join(dir, c.existing)
		if err := os.WriteFile(old, []byte("the only copy"), 0o644); err != nil {
			t.Fatal(err)
		}
		if filepath.Ext(old) == ".xlsx" {
			writeWorkbook(t, old)
		}
		before, _ := os.ReadFile(old)
		var got []string
		d.Save("导出问题行", "", Workbooks(), func(p string) { got = append(got, p) })
		name, save := fyneDialog(t, w)
		name.SetText(c.typed)
		test.Tap(save)
		if c.handed == c.existing { // asked to replace it; g.db.xlsx is new
			_, overwrite := fyneDialog(t, w)
			test.Tap(overwrite)
		}
		if len(got) != 1 || got[0] != filepath.Join(dir, c.handed) {
			t.Errorf("%s: handed %q, want %q", c.typed, got, c.handed)
		}
		if b, err := os.ReadFile(old); err != nil || string(b) != string(before) {
			t.Errorf("%s: the existing file holds %q (%v) before the caller wrote anything", c.typed, b, err)
		}
	}
}

// In portable mode (preferences in the data folder) the system's dialogs are
// not used: Windows would record the USB drive's folders in the PC user's
// registry. Elsewhere they are.
func TestPortableModeKeepsToFynesDialog(t *testing.T) {
	a := test.NewTempApp(t)
	system := &fakeNative{}
	if nativeFor(a.Preferences(), system) != system {
		t.Error("the profile's preferences: the system's dialogs are not used")
	}
	prefs := portable.Open(filepath.Join(t.TempDir(), portable.PrefsFile))
	if got := nativeFor(prefs, system); got != nil {
		t.Errorf("portable mode uses the system's dialogs (%T), which leave the drive's folders in the registry", got)
	}
}

// The system's dialogs show no 以只读方式打开 box (nothing reads it: the file
// is never opened read-only) and add nothing to the PC's recent documents.
func TestSystemDialogFlags(t *testing.T) {
	for name, flags := range map[string]uint32{"open": openFlags, "save": saveFlags} {
		if flags&ofnHideReadOnly == 0 {
			t.Errorf("%s: the dialog shows a read-only box (OFN_HIDEREADONLY missing)", name)
		}
		if flags&ofnDontAddToRecent == 0 {
			t.Errorf("%s: the file chosen goes into the recent documents (OFN_DONTADDTORECENT missing)", name)
		}
		if flags&ofnNoChangeDir == 0 {
			t.Errorf("%s: the dialog changes the working directory", name)
		}
	}
	if openFlags&ofnFileMustExist == 0 || saveFlags&ofnOverwritePrompt == 0 {
		t.Error("open must ask for an existing file, save must confirm replacing one")
	}
	if got, want := filterString(Workbooks()), "Excel 工作簿\x00*.xlsx\x00\x00"; got != want {
		t.Errorf("filter = %q, want %q", got, want)
	}
}

// In portable mode the first dialog starts in the program's folder on the
// drive (review s4-10 newuser #3).
func TestPortableModeStartsInTheProgramsFolder(t *testing.T) {
	test.NewTempApp(t)
	prog := t.TempDir()
	os.Mkdir(filepath.Join(prog, "data"), 0o755)
	prefs := portable.Open(filepath.Join(prog, "data", portable.PrefsFile))
	d := &Dialogs{prefs: prefs}
	if got := d.LastFolder(); got != prog {
		t.Errorf("first folder %q, want the program's %q", got, prog)
	}
	other := t.TempDir()
	prefs.SetString(lastFolderKey, other)
	if got := d.LastFolder(); got != other {
		t.Errorf("after use: %q, want %q", got, other)
	}
}

// Replacing a file chosen in Fyne's dialog is asked in the UI's language
// (Fyne's own question is English "Overwrite?"), or decided by AskReplace
// when the caller knows more (review s4-11 newuser #1).
func TestSaveAsksBeforeReplacingInTheUILanguage(t *testing.T) {
	d, a, w := newDialogs(t)
	old := oldWorkbook(t, a)
	var got []string
	d.Save("导出花名册", "", Workbooks(), func(p string) { got = append(got, p) })
	name, save := fyneDialog(t, w)
	name.SetText("名单.xlsx")
	test.Tap(save)
	var texts []string
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	})
	if said := strings.Join(texts, "|"); !strings.Contains(said, "“名单.xlsx”已存在。要替换它吗？") || strings.Contains(said, "Overwrite") {
		t.Errorf("the question is %q", said)
	}
	if len(got) != 0 {
		t.Fatalf("saved to %q before the user agreed", got)
	}
	_, replace := fyneDialog(t, w)
	test.Tap(replace)
	if len(got) != 1 || got[0] != old {
		t.Errorf("after confirming, saved to %q, want [%q]", got, old)
	}

	var asked []string
	d.AskReplace = func(path string, system bool, replace func()) { asked = append(asked, path) }
	d.Save("导出数据包", "", Workbooks(), func(p string) { got = append(got, p) })
	name, save = fyneDialog(t, w)
	name.SetText("名单.xlsx")
	test.Tap(save)
	if len(asked) != 1 || asked[0] != old || len(got) != 1 {
		t.Errorf("AskReplace got %q, saved %q", asked, got)
	}
}

// The folder dialog (导入文件夹（U盘）…) is titled, sized and named in the
// UI's language as the file dialogs are (review s6-11 newuser #2: "打开
// 文件夹", Home / Computer, 510×370).
func TestFolderDialogIsLikeTheFileDialogs(t *testing.T) {
	d, a, w := newDialogs(t)
	dir := t.TempDir()
	a.Preferences().SetString(lastFolderKey, dir)
	var got []string
	d.Folder("选择U盘文件夹", func(p string) { got = append(got, p) })
	top := w.Canvas().Overlays().Top()
	var texts []string
	walk(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	})
	if !slices.Contains(texts, "选择U盘文件夹") {
		t.Errorf("the folder dialog is not titled 选择U盘文件夹; labels: %q", texts)
	}
	if !slices.Contains(texts, "主文件夹") {
		t.Errorf("the places list does not show 主文件夹; labels: %q", texts)
	}
	for _, en := range []string{"Home", "Computer", "打开 文件夹"} {
		if slices.Contains(texts, en) {
			t.Errorf("the Chinese folder dialog shows %q", en)
		}
	}
	var biggest fyne.Size
	walk(top, func(o fyne.CanvasObject) {
		if s := o.Size(); s.Width*s.Height > biggest.Width*biggest.Height && s.Width < 1024 {
			biggest = s
		}
	})
	if biggest.Width < dialogSize.Width-20 || biggest.Height < dialogSize.Height-20 {
		t.Errorf("the folder dialog is %v, want about %v like the file dialogs", biggest, dialogSize)
	}
	// Choosing the folder shown hands its path over and remembers it.
	_, open := fyneDialog(t, w)
	test.Tap(open)
	if len(got) != 1 || got[0] != dir {
		t.Errorf("chose %q, want [%q]", got, dir)
	}
	if a.Preferences().String(lastFolderKey) != dir {
		t.Errorf("last folder %q, want %q", a.Preferences().String(lastFolderKey), dir)
	}
}

// Fyne's dialog names the parent folder "(" + file.parent + ")" under an
// icon in an 80-pixel cell: "(上级目录)" wrapped its closing bracket onto a
// second line (review s6-8 newuser #10). The name fits on one line.
func TestParentFolderNameFitsOnOneLine(t *testing.T) {
	test.NewTempApp(t)
	const cell = 64 * 1.25 // Fyne 2.7.1 dialog/fileitem.go fileIconCellWidth
	for _, l := range []string{"zh", "en"} {
		m, err := assets.MessageMap(l)
		if err != nil {
			t.Fatal(err)
		}
		parent, _ := m["file.parent"].(map[string]any)
		name := "(" + fmt.Sprint(parent["other"]) + ")"
		if w := fyne.MeasureText(name, theme.TextSize(), fyne.TextStyle{}).Width; w > cell-2*theme.InnerPadding() {
			t.Errorf("%s: %q is %.1f wide, the cell has %.1f", l, name, w, cell-2*theme.InnerPadding())
		}
	}
}

// Whether the chosen file is there, and whether it is a workbook an export
// may replace, is read off the UI goroutine; a workbook made in Excel is
// then said at once, in the one place every window's save asks (read-
// through s6 rtui #3: kit.AskReplace read it on the UI goroutine, and the
// 替换？ question was written twice).
func TestSaveChecksTheFileInTheBackground(t *testing.T) {
	d, a, w := newDialogs(t)
	old := oldWorkbook(t, a)
	foreign := filepath.Join(filepath.Dir(old), "原表.xlsx")
	f := excelize.NewFile()
	f.SetAppProps(&excelize.AppProperties{Application: "Microsoft Excel"})
	if err := f.SaveAs(foreign); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var held []func()
	d.background = func(work, then func()) { held = append(held, func() { work(); then() }) }
	var got []string
	d.Save("导出花名册", "", Workbooks(), func(p string) { got = append(got, p) })
	name, save := fyneDialog(t, w)
	name.SetText("原表.xlsx")
	test.Tap(save)
	if len(held) != 1 || len(got) != 0 {
		t.Fatalf("before the check ran: %d checks waiting, saved to %q", len(held), got)
	}
	held[0]()
	var texts []string
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	})
	if said := strings.Join(texts, "|"); !strings.Contains(said, "原表.xlsx") || strings.Contains(said, "要替换它吗") || len(got) != 0 {
		t.Errorf("over a workbook made in Excel: said %q, saved to %q", said, got)
	}
}

// Esc cancels the file dialogs as it cancels every other dialog (review
// s8-8 #11): the open and folder dialogs (nothing has the focus) and the
// save dialog (its file name has it); then is not called.
func TestEscCancelsTheFileDialogs(t *testing.T) {
	d, _, w := newDialogs(t)
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	chosen := 0
	for name, show := range map[string]func(){
		"open":   func() { d.Open("导入花名册", Workbooks(), func(string) { chosen++ }) },
		"folder": func() { d.Folder("选择文件夹", func(string) { chosen++ }) },
		"save":   func() { d.Save("导出花名册", "名册.xlsx", Workbooks(), func(string) { chosen++ }) },
	} {
		show()
		if w.Canvas().Overlays().Top() == nil {
			t.Fatalf("%s: no dialog shown", name)
		}
		if f := w.Canvas().Focused(); f != nil {
			f.TypedKey(esc)
		} else {
			w.Canvas().OnTypedKey()(esc)
		}
		if w.Canvas().Overlays().Top() != nil {
			t.Errorf("%s: Esc left the dialog open", name)
		}
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}
	if chosen != 0 {
		t.Errorf("a cancelled dialog chose %d times", chosen)
	}
	// The window's keys are its own again.
	if w.Canvas().OnTypedKey() != nil {
		w.Canvas().OnTypedKey()(esc)
	}
}

// The workbooks a secretary may try to open are listed — an .xls roster
// too, which the reader then refuses saying to save it as .xlsx; the
// dialog listed .xlsx only and showed such a folder as empty (review
// s14-preview7 #16).
func TestWorkbooksToOpenListsEveryWorkbook(t *testing.T) {
	f := WorkbooksToOpen()
	for _, name := range []string{"花名册.xlsx", "党员花名册2019.xls", "宏.XLSM", "wps表格.et"} {
		if !f.matches(name) {
			t.Errorf("%s is not listed", name)
		}
	}
	if f.matches("说明.docx") {
		t.Errorf("a document is listed among workbooks")
	}
}
