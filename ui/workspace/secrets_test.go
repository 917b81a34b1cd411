package workspace

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"branchledger/storage"
	"branchledger/storage/datapkg"
	ws "branchledger/storage/workspace"
)

// 生成指导员密钥 in the window: the same passphrase typed twice enables
// 生成密钥, which makes the key; both fields show without scrolling on a
// 1024×700 screen.
func TestKeyDialogMakesTheKey(t *testing.T) {
	a := test.NewTempApp(t)
	svc, err := ws.Open(filepath.Join(t.TempDir(), ws.FileName), ws.WithClock(clockAt(day, 16)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	w := New(a, svc)
	w.RunInLine()
	w.Win.Resize(fyne.NewSize(1024, 700))
	w.Win.Show()
	w.Tabs().SelectIndex(4)
	if !w.settings.saveKey.Disabled() {
		t.Error("另存私钥 is enabled before there is a key")
	}
	w.settings.newKey()
	f, p, name := w.settings.keyForm, w.settings.keyEntries, w.settings.keyName
	d := fyne.CurrentApp().Driver()
	bottom := d.AbsolutePositionForObject(p[1]).Y + p[1].Size().Height
	if save := d.AbsolutePositionForObject(f.Save).Y; bottom > save || p[1].Size().Height == 0 {
		t.Errorf("再输入一次 ends at y=%v, below the buttons at y=%v: it has to be scrolled to", bottom, save)
	}
	w.Win.Canvas().Focus(p[0])
	test.Type(p[0], "指导员的密码2026")
	w.Win.Canvas().Focus(p[1])
	test.Type(p[1], "指导员的密码2026")
	// The name goes into the public key file (review s4-11 newuser #2):
	// without it the key is not made.
	if !f.Save.Disabled() || !strings.Contains(f.Reason.Text, "姓名") {
		t.Errorf("no name: 生成密钥 enabled %v, reason %q", !f.Save.Disabled(), f.Reason.Text)
	}
	w.Win.Canvas().Focus(name)
	test.Type(name, "王建国")
	if f.Save.Disabled() {
		t.Fatalf("生成密钥 stays disabled: %q", f.Reason.Text)
	}
	test.Tap(f.Save)
	if has, _ := svc.HasKey(); !has {
		t.Fatalf("no key made: %q", f.Reason.Text)
	}
	if !svc.Unlocked() || !w.settings.create.Hidden || w.settings.export.Disabled() || w.settings.saveKey.Disabled() {
		t.Errorf("after the key: unlocked %v, 生成 hidden %v, 导出公钥 disabled %v, 另存私钥 disabled %v", svc.Unlocked(),
			w.settings.create.Hidden, w.settings.export.Disabled(), w.settings.saveKey.Disabled())
	}
	if k, _ := svc.PublicKey(); k.Instructor != "王建国" || w.settings.instructor.Text != "王建国" {
		t.Errorf("the key's name is %q, the field's %q", k.Instructor, w.settings.instructor.Text)
	}
	// 另存私钥 writes the key as the workspace keeps it: the passphrase
	// opens it, as age -d does (review s4-11 newuser #7).
	saved := filepath.Join(t.TempDir(), "私钥.age")
	w.settings.savePrivateKeyTo(saved)
	b, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := age.NewScryptIdentity("指导员的密码2026")
	r, err := age.Decrypt(bytes.NewReader(b), id)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(r)
	if !strings.HasPrefix(string(plain), "AGE-SECRET-KEY-1") {
		t.Errorf("the saved file holds %.20q…", plain)
	}
}

// Importing packages in the window asks, once for the batch, for the
// private key's passphrase and for the packages' passphrase; a wrong key
// passphrase keeps the dialog open, a wrong package passphrase refuses that
// package only, with one line.
func TestImportAsksForThePassphrasesOnce(t *testing.T) {
	a := test.NewTempApp(t)
	made, key := newWorkspace(t)
	path := made.Path()
	made.Close()
	svc, err := ws.Open(path, ws.WithClock(clockAt(day, 16)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })

	usb, _ := drive(t, 1, 5, key, day) // pa.blpkg, encrypted to the key
	dbs, err := ws.SampleBranches(t.TempDir(), 2, 5, day, clockAt(day, 9))
	if err != nil {
		t.Fatal(err)
	}
	for i, pass := range []string{"支部的密码12345", "另一个支部的密码"} {
		s, err := storage.Open(dbs[i], storage.WithClock(clockAt(day, 9)))
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(usb, "q"+string(rune('a'+i))+datapkg.Ext)
		if _, _, err := datapkg.Export(s, out, datapkg.ExportOptions{Passphrase: pass}, "0.1.0"); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}

	w := New(a, svc)
	w.RunInLine()
	w.Win.Resize(fyne.NewSize(1024, 700))
	w.Import([]string{usb})
	s := w.secrets
	if s == nil || s.key == nil || s.packages == nil {
		t.Fatalf("no dialog asking for both passphrases: %+v", s)
	}
	if len(w.ImportResults()) != 0 {
		t.Fatal("imported before the passphrases were given")
	}
	// The packages with a passphrase are named: each branch sets its own
	// (review s4-11 newuser #6).
	if s.files == nil || s.files.Text != "qa"+datapkg.Ext+"\nqb"+datapkg.Ext {
		t.Errorf("the dialog names %v", s.files)
	}
	w.Win.Canvas().Focus(s.key)
	test.Type(s.key, "wrong passphrase")
	w.Win.Canvas().Focus(s.packages)
	test.Type(s.packages, "支部的密码12345")
	test.Tap(s.form.Save)
	if svc.Unlocked() || len(w.ImportResults()) != 0 || !strings.Contains(s.form.Reason.Text, "指导员私钥密码") {
		t.Fatalf("wrong key passphrase: unlocked %v, %d results, reason %q", svc.Unlocked(), len(w.ImportResults()), s.form.Reason.Text)
	}
	s.key.SetText("指导员的密码2026")
	test.Tap(s.form.Save)
	res := w.ImportResults()
	if len(res) != 3 {
		t.Fatalf("%d lines: %+v", len(res), res)
	}
	var imported, refused []string
	for _, r := range res {
		if r.Outcome == ws.Imported {
			imported = append(imported, filepath.Base(r.File))
		} else {
			refused = append(refused, lineOf(r))
		}
	}
	if len(imported) != 2 || len(refused) != 1 || !strings.Contains(refused[0], "密码不对") || !strings.Contains(refused[0], "qb"+datapkg.Ext) ||
		!strings.Contains(refused[0], "请单独导入这个文件") {
		t.Errorf("imported %v, refused %q", imported, refused)
	}

	// The key is open for the session: the next batch asks for nothing.
	w.secrets = nil
	w.Import([]string{filepath.Join(usb, "pa"+datapkg.Ext)})
	if w.secrets != nil || len(w.ImportResults()) != 1 || w.ImportResults()[0].Outcome != ws.Unchanged {
		t.Errorf("second batch: asked %v, %+v", w.secrets != nil, w.ImportResults())
	}
}
