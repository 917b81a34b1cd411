package ui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"branchledger/model"
)

// files is an Opener over fake stores by path, which records what was
// opened and closed, as main's opener over storage would see it.
type files struct {
	stores  map[string]*fakeStore
	failing map[string]error // paths that cannot be opened
	open    string           // the path open now, "" when none
	log     []string
}

func (fs *files) opener(path string) (Services, error) {
	fs.log = append(fs.log, "open "+path)
	if err := fs.failing[path]; err != nil {
		return Services{}, err
	}
	if fs.open != "" {
		return Services{}, errors.New("opened " + path + " while " + fs.open + " is still open")
	}
	fs.open = path
	svc := fs.stores[path].services()
	svc.Open = fs.opener
	svc.Close = func() error {
		fs.log = append(fs.log, "close "+path)
		fs.open = ""
		return nil
	}
	return svc, nil
}

func newSwitchingShell(t *testing.T) (*shell, *files) {
	t.Helper()
	a := branchStore("甲支部", member("张三", validID("19800101", "001")))
	b := branchStore("乙支部", member("李四", validID("19810101", "003")), member("王五", validID("19820101", "005")))
	fs := &files{stores: map[string]*fakeStore{"/data/a.db": a, "/data/b.db": b}, failing: map[string]error{}}
	svc, err := fs.opener("/data/a.db")
	if err != nil {
		t.Fatal(err)
	}
	s := newShell(test.NewTempApp(t), svc, "/data/a.db")
	s.background = func(work func()) { work() }
	s.confirm = func(_, _ string, onYes func()) { onYes() }
	s.confirmDiscard = s.confirm
	t.Cleanup(s.win.Close)
	s.recheck()
	return s, fs
}

func branchStore(name string, ms ...model.Member) *fakeStore {
	f := newFakeStore(testToday, ms...)
	f.profile.BranchName = name
	return f
}

// switchTo runs SwitchFile and returns the error done was given.
func switchTo(t *testing.T, s *shell, path string, prepare func() error) error {
	t.Helper()
	called := false
	var got error
	s.SwitchFile(path, prepare, func(err error) { called, got = true, err })
	if !called {
		t.Fatal("SwitchFile did not call done")
	}
	return got
}

// The window closes its file before the next is prepared and opened, and
// then shows the other branch as if it had started on it.
func TestSwitchFileReopensTheWindowOnAnotherFile(t *testing.T) {
	s, fs := newSwitchingShell(t)
	var order []string
	prepare := func() error {
		order = append(order, "prepare while open="+fs.open)
		return nil
	}
	if err := switchTo(t, s, "/data/b.db", prepare); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(fs.log, ", "); got != "open /data/a.db, close /data/a.db, open /data/b.db" {
		t.Errorf("files: %s", got)
	}
	if len(order) != 1 || order[0] != "prepare while open=" {
		t.Errorf("prepare ran %v, want once with no file open", order)
	}
	ns := s.successor
	if ns == nil {
		t.Fatal("no new shell took over the window")
	}
	if ns.win != s.win || s.win.Content() == nil || ns.dbPath != "/data/b.db" {
		t.Fatalf("the new shell has window %v and path %q", ns.win, ns.dbPath)
	}
	if s.win.Title() != "支部台账 — 乙支部" || ns.home.title.Text != "乙支部" {
		t.Errorf("window %q, home %q: want the other branch", s.win.Title(), ns.home.title.Text)
	}
	if len(ns.members) != 2 {
		t.Errorf("the window lists %d members, want the other file's 2", len(ns.members))
	}
	ns.show(screenSettings)
	if !strings.Contains(test.RenderObjectToMarkup(ns.settings.content), "/data/b.db") {
		t.Error("设置 does not show the new data file's path")
	}
	// A later switch goes through the new shell's services.
	if err := switchTo(t, ns, "/data/a.db", nil); err != nil || ns.successor.home.title.Text != "甲支部" {
		t.Errorf("switching back: %v", err)
	}
}

// A failed preparation (a restore that could not rename its file) leaves
// the window on the file it had, and says why.
func TestSwitchFileKeepsTheOldFileWhenPrepareFails(t *testing.T) {
	s, fs := newSwitchingShell(t)
	err := switchTo(t, s, "/data/b.db", func() error { return errors.New("无法替换数据文件") })
	if err == nil || !strings.Contains(err.Error(), "无法替换数据文件") {
		t.Errorf("done got %v", err)
	}
	if got := strings.Join(fs.log, ", "); got != "open /data/a.db, close /data/a.db, open /data/a.db" {
		t.Errorf("files: %s", got)
	}
	if ns := s.successor; ns == nil || ns.dbPath != "/data/a.db" || ns.home.title.Text != "甲支部" {
		t.Fatal("the window is not back on the old file")
	}
	assertDialogSays(t, s, "无法替换数据文件")
}

// A file that cannot be opened (damaged, in use) sends the window back to
// the old one.
func TestSwitchFileKeepsTheOldFileWhenTheNewOneCannotBeOpened(t *testing.T) {
	s, fs := newSwitchingShell(t)
	fs.failing["/data/b.db"] = errors.New("数据文件已损坏：/data/b.db")
	err := switchTo(t, s, "/data/b.db", nil)
	if err == nil || s.successor == nil || s.successor.dbPath != "/data/a.db" {
		t.Fatalf("err %v, the window is not back on the old file", err)
	}
	assertDialogSays(t, s, "数据文件已损坏")
}

// When neither file opens, the window says so instead of showing screens
// over a closed file.
func TestSwitchFileWithNoFileLeftSaysWhy(t *testing.T) {
	s, fs := newSwitchingShell(t)
	fs.failing["/data/b.db"] = errors.New("数据文件已损坏：/data/b.db")
	fs.failing["/data/a.db"] = errors.New("数据文件正由另一个支部台账程序使用")
	if err := switchTo(t, s, "/data/b.db", nil); err == nil {
		t.Fatal("no error")
	}
	if s.successor != nil {
		t.Error("a shell took over without a file")
	}
	markup := test.RenderObjectToMarkup(s.win.Content())
	for _, want := range []string{"无法打开数据文件", "已损坏", "另一个支部台账程序"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the window does not say %q", want)
		}
	}
}

// A window without an opener (tests of other screens) refuses to switch.
func TestSwitchFileWithoutOpener(t *testing.T) {
	s := newTestShell(t, newFakeStore(testToday))
	if err := switchTo(t, s, "/data/b.db", nil); !errors.Is(err, errCannotSwitch) {
		t.Errorf("got %v", err)
	}
}

// assertDialogSays checks that a dialog over the window holds text.
func assertDialogSays(t *testing.T, s *shell, text string) {
	t.Helper()
	for _, o := range s.win.Canvas().Overlays().List() {
		if strings.Contains(test.RenderObjectToMarkup(o), text) {
			return
		}
	}
	t.Errorf("no dialog says %q", text)
}

// In portable mode 设置 says so (the review of the Windows build found it
// showing the how-to for portable use while portable mode was on), and only
// for a data file that is in the portable folder.
func TestSettingsSayWhetherPortableModeIsOn(t *testing.T) {
	for _, c := range []struct {
		dir, db string
		on      bool
	}{
		{"/usb/data", "/usb/data/branchledger.db", true},
		{"/usb/data", "/home/x/other.db", false},
		{"/usb/data", "/usb/data-old/branchledger.db", false},
		{"", "/data/branch.db", false},
	} {
		f := newFakeStore(model.NewDate(2026, 11, 30))
		svc := f.services()
		svc.PortableDir = c.dir
		s := newShell(test.NewTempApp(t), svc, c.db)
		s.show(screenSettings)
		markup := test.RenderObjectToMarkup(s.settings.content)
		if on := strings.Contains(markup, "便携模式已开启"); on != c.on {
			t.Errorf("folder %q, file %q: says portable mode is on: %v, want %v", c.dir, c.db, on, c.on)
		}
		if c.on && !strings.Contains(markup, c.dir) {
			t.Errorf("folder %q: the settings do not name it", c.dir)
		}
		s.win.Close()
	}
}

// In compatibility mode 设置 says what it means and how it ends, not only
// the title (review s3-10 newuser #8).
func TestSettingsExplainCompatibilityMode(t *testing.T) {
	for _, software := range []bool{false, true} {
		f := newFakeStore(model.NewDate(2026, 11, 30))
		svc := f.services()
		svc.SoftwareRendering = software
		s := newShell(test.NewTempApp(t), svc, "/data/branch.db")
		s.show(screenSettings)
		markup := test.RenderObjectToMarkup(s.settings.content)
		if said := strings.Contains(markup, "兼容模式：") && strings.Contains(markup, "更新显卡驱动"); said != software {
			t.Errorf("software rendering %v: explained %v", software, said)
		}
		s.win.Close()
	}
}
