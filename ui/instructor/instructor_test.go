package instructor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/datapkg"
	"branchledger/storage/demo"
	"branchledger/ui/kit"
)

type host struct {
	t       *testing.T
	win     fyne.Window
	errs    []string
	chosen  string
	asked   []string
	openedW int
}

func (h *host) Window() fyne.Window                                       { return h.win }
func (h *host) ShowError(doing string, err error)                         { h.errs = append(h.errs, doing+"："+err.Error()) }
func (h *host) Background(work func(), then func())                       { work(); then() }
func (h *host) Confirm(_, msg string, onYes func())                       { h.asked = append(h.asked, msg); onYes() }
func (h *host) Progress(string, string) func()                            { return func() {} }
func (h *host) DataChanged()                                              {}
func (h *host) OnDataChanged(func())                                      {}
func (h *host) Today() model.Date                                         { return model.NewDate(2026, 11, 30) }
func (h *host) Members() []model.Member                                   { return nil }
func (h *host) OpenMember(int64)                                          {}
func (h *host) ChooseFile(_ string, _ []string, then func(string))        { then(h.chosen) }
func (h *host) SaveWorkbook(string, string, func(string) (string, error)) {}
func (h *host) OpenWorkspace()                                            { h.openedW++ }

// The secretary's round: load the key file the instructor handed over,
// compare the fingerprint, export; the package opens with the instructor's
// identity only.
func TestLoadKeyAndExportToIt(t *testing.T) {
	test.NewTempApp(t)
	s, err := storage.Open(filepath.Join(t.TempDir(), storage.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := demo.Fill(s, 5, 3, model.NewDate(2026, 11, 30)); err != nil {
		t.Fatal(err)
	}
	id, _ := age.GenerateX25519Identity()
	key := datapkg.PublicKey{Recipient: id.Recipient().String(), Instructor: "王建国"}
	keyFile := filepath.Join(t.TempDir(), "指导员公钥.txt")
	if err := datapkg.WritePublicKeyFile(keyFile, key); err != nil {
		t.Fatal(err)
	}
	h := &host{t: t, win: test.NewWindow(nil), chosen: keyFile}
	sec := New(h, datapkg.Exporter{Store: s, AppVersion: "0.1.0"})
	if !strings.Contains(sec.KeyText(), "尚未载入") || sec.clear.Disabled() == false {
		t.Errorf("before: %q", sec.KeyText())
	}
	sec.loadFile()
	if len(h.errs) > 0 || len(h.asked) != 1 || !strings.Contains(h.asked[0], key.Fingerprint()) {
		t.Fatalf("loading: %v %v", h.errs, h.asked)
	}
	if !strings.Contains(sec.KeyText(), "王建国") || !strings.Contains(sec.KeyText(), key.Fingerprint()) {
		t.Errorf("after: %q", sec.KeyText())
	}
	out := filepath.Join(t.TempDir(), "p"+datapkg.Ext)
	sec.Write(out, "")
	if len(h.errs) > 0 || !strings.Contains(sec.LastResult(), "党员 5 人") || !strings.Contains(sec.LastResult(), key.Fingerprint()) {
		t.Fatalf("export: %v %q", h.errs, sec.LastResult())
	}
	if k, _ := datapkg.Probe(out); k != datapkg.ForKey {
		t.Errorf("package kind %v", k)
	}
	p, err := datapkg.Open(out, datapkg.ReadOptions{Identities: []age.Identity{id}})
	if err != nil {
		t.Fatal(err)
	}
	p.Close()

	// A private key pasted by mistake is refused and says why.
	h.chosen = filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(h.chosen, []byte(id.String()+"\n"), 0o600)
	sec.loadFile()
	if len(h.errs) != 1 || !strings.Contains(h.errs[0], "这是私钥，不是公钥") {
		t.Errorf("private key: %v", h.errs)
	}
	sec.confirmClear()
	if !strings.Contains(sec.KeyText(), "尚未载入") {
		t.Errorf("after removal: %q", sec.KeyText())
	}
	sec.Write(out, "口令足够长2026")
	if k, _ := datapkg.Probe(out); k != datapkg.Passphrase || !strings.Contains(sec.LastResult(), "设有密码") {
		t.Errorf("passphrase export: %v %q", k, sec.LastResult())
	}
}

// labels is the text of the labels in the dialog on top of w.
func labels(w fyne.Window) string {
	var texts []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widget.Label:
			texts = append(texts, o.Text)
		case *kit.WrapLabel:
			texts = append(texts, o.Text)
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		}
	}
	if top := w.Canvas().Overlays().Top(); top != nil {
		walk(top)
	}
	return strings.Join(texts, "|")
}

// Choosing another branch's package on the USB drive in the save dialog is
// refused naming that branch, and the file stays; this branch's own package
// is replaced after a question in Chinese (review s4-11 newuser #1).
func TestExportNeverReplacesAnotherBranchsPackage(t *testing.T) {
	test.NewTempApp(t)
	open := func(org, branch string) *storage.Store {
		s, err := storage.Open(filepath.Join(t.TempDir(), storage.FileName))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		if err := demo.Fill(s, 3, 1, model.NewDate(2026, 11, 30)); err != nil {
			t.Fatal(err)
		}
		p, _ := s.Profile()
		p.OrgName, p.BranchName = org, branch
		if _, err := s.SaveProfileAligning(p); err != nil {
			t.Fatal(err)
		}
		return s
	}
	own := open("甘肃陇原会计师事务所", "中共甘肃陇原会计师事务所支部委员会")
	other := open("兰州市七里河区养老服务中心", "中共兰州市七里河区养老服务中心支部委员会")
	usb := t.TempDir()
	theirs := filepath.Join(usb, "七里河.blpkg")
	if _, err := datapkg.Write(other, theirs, datapkg.Protection{}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(theirs)

	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1024, 700))
	defer w.Close()
	h := &host{t: t, win: w}
	sec := New(h, datapkg.Exporter{Store: own, AppVersion: "0.1.0"})
	replaced := false
	sec.files.AskReplace(theirs, false, func() { replaced = true })
	if said := labels(w); replaced || !strings.Contains(said, "U盘上的 七里河.blpkg 是“中共兰州市七里河区养老服务中心支部委员会”的数据包，不能用本支部的数据覆盖") {
		t.Errorf("another branch's package: replaced %v, said %q %v", replaced, said, h.errs)
	}
	if after, _ := os.ReadFile(theirs); string(after) != string(before) {
		t.Error("the other branch's package changed")
	}

	mine := filepath.Join(usb, "mine.blpkg")
	if _, err := datapkg.Write(own, mine, datapkg.Protection{}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	w.Canvas().Overlays().Top().Hide()
	sec.files.AskReplace(mine, false, func() { sec.Write(mine, "") })
	if said := labels(w); !strings.Contains(said, "U盘上已有本支部的数据包 mine.blpkg") || strings.Contains(said, "Overwrite") {
		t.Errorf("own package: the question is %q", said)
	}
	yes := button(t, w, "替换数据包")
	test.Tap(yes)
	if !strings.Contains(sec.LastResult(), "党员 3 人") || len(h.errs) > 0 {
		t.Errorf("own package after yes: %q %v", sec.LastResult(), h.errs)
	}
}

// button is the button saying text in the dialog on top of w.
func button(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var find func(o fyne.CanvasObject)
	find = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widget.Button:
			if o.Text == text {
				found = o
			}
		case *kit.Button:
			if o.Text == text {
				found = &o.Button
			}
		case *fyne.Container:
			for _, c := range o.Objects {
				find(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				find(c)
			}
		}
	}
	if top := w.Canvas().Overlays().Top(); top != nil {
		find(top)
	}
	if found == nil {
		t.Fatalf("no %s button in %q", text, labels(w))
	}
	return found
}

// 粘贴公钥… takes the key out of the instructor's chat message as it was
// copied, words around it and all (review s4-11 newuser #8).
func TestPasteAKeyFromAChatMessage(t *testing.T) {
	a := test.NewTempApp(t)
	s, err := storage.Open(filepath.Join(t.TempDir(), storage.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, _ := age.GenerateX25519Identity()
	key := datapkg.PublicKey{Recipient: id.Recipient().String()}
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1024, 700))
	defer w.Close()
	h := &host{t: t, win: w}
	sec := New(h, datapkg.Exporter{Store: s, AppVersion: "0.1.0"})
	a.Clipboard().SetContent("王指导员的公钥：" + key.Recipient + " （指纹 " + key.Fingerprint() + "）")
	sec.paste()
	test.Tap(button(t, w, "下一步"))
	if len(h.errs) > 0 || len(h.asked) != 1 || !strings.Contains(h.asked[0], key.Fingerprint()) {
		t.Fatalf("pasting a chat message: errors %v, asked %v", h.errs, h.asked)
	}
	if !strings.Contains(sec.KeyText(), key.Fingerprint()) {
		t.Errorf("key set: %q", sec.KeyText())
	}
}

// A key pasted from a chat message carries no name: the key line and the
// export notice name the 党建指导员 of 支部基本信息, or say in the UI's
// language that no name is written — never "(no name in the key)" on
// every export (review s6-11 newuser #13). A clipboard without a key is
// not pasted in.
func TestPastedKeyWithoutANameTakesTheBranchsInstructor(t *testing.T) {
	a := test.NewTempApp(t)
	s, err := storage.Open(filepath.Join(t.TempDir(), storage.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, _ := age.GenerateX25519Identity()
	rec := id.Recipient().String()
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1024, 700))
	defer w.Close()
	h := &host{t: t, win: w}
	sec := New(h, datapkg.Exporter{Store: s, AppVersion: "0.1.0"})

	a.Clipboard().SetContent("陇原")
	sec.paste()
	var text *widget.Entry
	walkEntries(w.Canvas().Overlays().Top(), func(e *widget.Entry) { text = e })
	if text == nil || text.Text != "" {
		t.Fatalf("the paste box holds the clipboard's %q", text.Text)
	}
	text.SetText("王建国：各位书记好，这是我的公钥 " + rec + " ，指纹 " + datapkg.Fingerprint(rec))
	test.Tap(button(t, w, "下一步"))
	if len(h.asked) != 1 || !strings.Contains(h.asked[0], "（未写名字）") || strings.Contains(h.asked[0], "公钥未写姓名") {
		t.Fatalf("without a profile name: asked %q", h.asked)
	}
	if !strings.Contains(sec.KeyText(), "（未写名字）") {
		t.Errorf("key line %q", sec.KeyText())
	}

	p, _ := s.Profile()
	p.OrgName, p.BranchName, p.InstructorName = "甘肃陇原机械制造有限公司", "中共甘肃陇原机械制造有限公司支部委员会", "王建国"
	if err := s.SaveProfile(p); err != nil {
		t.Fatal(err)
	}
	sec.refresh()
	if !strings.Contains(sec.KeyText(), "王建国（按支部基本信息）") {
		t.Errorf("key line with the profile's instructor: %q", sec.KeyText())
	}
}

func walkEntries(o fyne.CanvasObject, f func(*widget.Entry)) {
	if e, ok := o.(*widget.Entry); ok {
		f(e)
		return
	}
	switch o := o.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			walkEntries(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			walkEntries(c, f)
		}
	}
}
