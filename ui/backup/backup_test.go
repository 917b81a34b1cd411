package backup

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/storage"
	bk "branchledger/storage/backup"
	"branchledger/storage/datapkg"
	"branchledger/storage/demo"
	"branchledger/ui/internal/langtest"
	"branchledger/ui/kit"
)

// host is the window around the section: work runs in line, errors are
// kept, and SwitchFile closes and reopens the real store as main does.
type host struct {
	t        *testing.T
	win      fyne.Window
	store    *storage.Store
	errs     []string
	chosen   string // what ChooseFile answers
	switched []string
}

func (h *host) Window() fyne.Window                                { return h.win }
func (h *host) ShowError(doing string, err error)                  { h.errs = append(h.errs, doing+"："+err.Error()) }
func (h *host) Background(work func(), then func())                { work(); then() }
func (h *host) Confirm(_, _ string, onYes func())                  { onYes() }
func (h *host) Progress(string, string) func()                     { return func() {} }
func (h *host) DataChanged()                                       {}
func (h *host) OnDataChanged(func())                               {}
func (h *host) Today() model.Date                                  { return model.NewDate(2026, 11, 30) }
func (h *host) Members() []model.Member                            { return nil }
func (h *host) OpenMember(int64)                                   {}
func (h *host) ChooseFile(_ string, _ []string, then func(string)) { then(h.chosen) }
func (h *host) SaveWorkbook(string, string, func(string) (string, error)) {
	h.t.Fatal("the section saves no workbook")
}

func (h *host) SwitchFile(path string, prepare func() error, done func(error)) {
	h.switched = append(h.switched, path)
	if err := h.store.Close(); err != nil {
		h.t.Fatal(err)
	}
	err := prepare()
	s, oerr := storage.Open(path)
	if oerr != nil {
		h.t.Fatalf("reopening %s: %v", path, oerr)
	}
	h.store = s
	done(err)
}

// newSection is the section over a real data file with n demo members.
func newSection(t *testing.T, n int) (*Section, *host) {
	t.Helper()
	test.NewTempApp(t)
	s, err := storage.Open(filepath.Join(t.TempDir(), storage.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Fill(s, n, 5, model.NewDate(2026, 11, 30)); err != nil {
		t.Fatal(err)
	}
	h := &host{t: t, win: test.NewWindow(nil), store: s}
	h.win.Resize(fyne.NewSize(1024, 700))
	t.Cleanup(func() { h.store.Close(); h.win.Close() })
	return New(h, bk.NewService(s, "0.1.0")), h
}

func TestSectionListsBackupsAndSpace(t *testing.T) {
	sec, h := newSection(t, 4)
	if !sec.empty.Visible() || sec.list.Visible() {
		t.Error("no backups yet, but the list shows")
	}
	if _, err := bk.Take(h.store, storage.BackupImport); err != nil {
		t.Fatal(err)
	}
	sec.Refresh()
	if len(sec.backups) != 1 || sec.empty.Visible() {
		t.Fatalf("backups %v", sec.backups)
	}
	if !strings.Contains(sec.summary.Text, "自动备份 1 个") || !strings.Contains(sec.summary.Text, "KB") ||
		!strings.Contains(sec.summary.Text, storage.BackupsDir(h.store.Path())) {
		t.Errorf("summary %q", sec.summary.Text)
	}
	row := sec.newRow()
	sec.updateRow(0, row)
	if markup := test.RenderObjectToMarkup(row); !strings.Contains(markup, "导入前") {
		t.Errorf("row does not say why the backup was taken: %s", markup)
	}
}

// In English the count of backups agrees with its noun: "1 automatic
// backup", "2 automatic backups" (review s13-newuser #7: "1 automatic
// backups").
func TestSectionCountsBackupsInEnglish(t *testing.T) {
	sec, h := newSection(t, 4)
	langtest.Use(t, "en")
	for _, want := range []string{"1 automatic backup taking", "2 automatic backups taking"} {
		if _, err := bk.Take(h.store, storage.BackupImport); err != nil {
			t.Fatal(err)
		}
		sec.Refresh()
		if !strings.HasPrefix(sec.summary.Text, want) {
			t.Errorf("with %d backups the summary says %q, want %q…", len(sec.backups), sec.summary.Text, want)
		}
	}
}

// 恢复… on a backup: the preview shows both files; confirming backs the
// current file up, swaps the file and reopens the window on it.
func TestRestoreFromAnAutomaticBackup(t *testing.T) {
	sec, h := newSection(t, 6)
	b, err := bk.Take(h.store, storage.BackupImport)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range demo.Members(3, 77, h.Today(), "") {
		if _, err := h.store.AddMember(m, nil); err != nil {
			t.Fatal(err)
		}
	}
	sec.Refresh()
	sec.restore(b.Path)
	p := sec.preview
	if p == nil {
		t.Fatalf("no preview; errors %v", h.errs)
	}
	markup := test.RenderObjectToMarkup(p.content)
	for _, want := range []string{"备份时间", "当前数据文件", ">6<", ">9<", "党费交纳记录"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the preview does not show %q", want)
		}
	}
	if p.replace != nil || p.confirm.Disabled() {
		t.Error("the same branch's backup asks to replace another branch")
	}
	test.Tap(p.confirm)
	if len(h.switched) != 1 || h.switched[0] != h.store.Path() {
		t.Fatalf("the window was not reopened on the data file: %v; errors %v", h.switched, h.errs)
	}
	ms, _ := h.store.Members()
	if len(ms) != 6 {
		t.Errorf("%d members after restoring the backup of 6", len(ms))
	}
	bs, _ := bk.List(h.store.Path())
	if len(bs) != 2 || bs[0].Reason != storage.BackupRestore {
		t.Errorf("backups after the restore: %+v", bs)
	}
	if len(h.errs) != 0 {
		t.Errorf("errors: %v", h.errs)
	}
}

// Another branch's package with a passphrase: the passphrase is asked, and
// the restore waits for the box saying to replace.
func TestRestoreAnotherBranchsPackage(t *testing.T) {
	sec, h := newSection(t, 3)
	other, err := storage.Open(filepath.Join(t.TempDir(), storage.FileName))
	if err != nil {
		t.Fatal(err)
	}
	demo.Fill(other, 5, 9, h.Today())
	pkg := filepath.Join(t.TempDir(), "其他支部"+datapkg.Ext)
	if _, err := datapkg.Write(other, pkg, datapkg.Protection{Passphrase: "正确的密码很长"}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	other.Close()

	// A wrong passphrase is refused with a sentence, nothing changes.
	sec.open(pkg, "错误的密码也很长")
	if len(h.errs) != 1 || !strings.Contains(h.errs[0], "密码不对") {
		t.Fatalf("errors %v", h.errs)
	}
	h.chosen = pkg
	test.Tap(findButton(t, sec.Content, "从备份文件恢复…"))
	pass := findPasswordEntry(t, h.win)
	test.Type(pass, "正确的密码很长")
	pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter opens, as 打开 does
	p := sec.preview
	if p == nil || p.replace == nil {
		t.Fatalf("no preview asking to replace another branch; errors %v", h.errs)
	}
	if !p.confirm.Disabled() {
		t.Error("恢复 is enabled before the box is ticked")
	}
	p.replace.SetChecked(true)
	if p.confirm.Disabled() {
		t.Fatal("ticking the box does not enable 恢复")
	}
	test.Tap(p.confirm)
	ms, _ := h.store.Members()
	if len(ms) != 5 {
		t.Errorf("%d members after restoring the other branch's 5", len(ms))
	}
}

// 备份到… writes a package where the user chose.
func TestBackupToWritesAPackage(t *testing.T) {
	sec, h := newSection(t, 4)
	out := filepath.Join(t.TempDir(), "U盘备份"+datapkg.Ext)
	sec.writePackage(out, "")
	if len(h.errs) != 0 {
		t.Fatal(h.errs)
	}
	c, err := bk.Open(out, datapkg.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if c.Summary.Members() != 4 || time.Since(c.Taken) > time.Minute {
		t.Errorf("the package holds %+v", c.Summary)
	}
	if markup := overlays(h.win); !strings.Contains(markup, "备份完成") || !strings.Contains(markup, out) {
		t.Error("no message saying where the backup is")
	}
	// A folder that is not there: one sentence, no file.
	sec.writePackage(filepath.Join(t.TempDir(), "拔出的U盘", "x"+datapkg.Ext), "")
	if len(h.errs) != 1 || !strings.Contains(h.errs[0], "U盘是否已拔出") || strings.Contains(h.errs[0], ".tmp") {
		t.Errorf("errors %v", h.errs)
	}
}

func overlays(w fyne.Window) string {
	var b strings.Builder
	for _, o := range w.Canvas().Overlays().List() {
		b.WriteString(test.RenderObjectToMarkup(o))
	}
	return b.String()
}

func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}

func findPasswordEntry(t *testing.T, w fyne.Window) *kit.Entry {
	t.Helper()
	var found *kit.Entry
	for _, o := range w.Canvas().Overlays().List() {
		walk(o, func(o fyne.CanvasObject) {
			if e, ok := o.(*kit.Entry); ok && e.Password && found == nil {
				found = e
			}
		})
	}
	if found == nil {
		t.Fatal("no passphrase entry")
	}
	return found
}

// walk visits o and everything inside it, widgets' renderers included.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, child := range c.Objects {
			walk(child, f)
		}
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			walk(child, f)
		}
	}
}
