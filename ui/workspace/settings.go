package workspace

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/storage/datapkg"
	ws "branchledger/storage/workspace"
	"branchledger/ui/filedialog"
	"branchledger/ui/kit"
)

// settingsTab is 密钥与设置: the instructor's name and the area reported
// for, the key pair (生成密钥, 导出公钥) and where the workspace file is.
type settingsTab struct {
	w          *Window
	content    fyne.CanvasObject
	instructor *widget.Entry
	area       *widget.Entry
	key        *kit.WrapLabel
	create     *widget.Button
	export     *widget.Button
	// language holds the 界面语言 card once OfferLanguages is called.
	language  *fyne.Container
	languages *widget.RadioGroup
	// keyForm and keyEntries are the 生成指导员密钥 dialog's, for tests.
	keyForm    *kit.Form
	keyEntries [2]*kit.Entry
	keyName    *kit.Entry
	saveKey    *widget.Button
}

func newSettingsTab(w *Window) *settingsTab {
	t := &settingsTab{w: w}
	t.instructor, t.area = widget.NewEntry(), widget.NewEntry()
	t.area.SetPlaceHolder(kit.L("如：中共兰州市安宁区委两新工委"))
	save := widget.NewButton(kit.L("保存"), func() {
		s, err := w.svc.Settings()
		if err != nil {
			w.showError("保存工作台设置", err)
			return
		}
		s.Instructor, s.Area = t.instructor.Text, t.area.Text
		if err := w.svc.SaveSettings(s); err != nil {
			w.showError("保存工作台设置", err)
		}
	})
	form := widget.NewForm(widget.NewFormItem(kit.L("党建指导员"), t.instructor), widget.NewFormItem(kit.L("报送单位（汇总表标题）"), t.area))
	t.key = kit.NewWrapLabel("")
	t.create = widget.NewButtonWithIcon(kit.L("生成指导员密钥…"), theme.ContentAddIcon(), t.newKey)
	t.export = widget.NewButtonWithIcon(kit.L("导出公钥…"), theme.DocumentSaveIcon(), t.exportKey)
	t.export.Importance = widget.HighImportance
	// The window's way to keep a copy of the private key, which the
	// command line's --save-private-key alone offered (review s4-11
	// newuser #7).
	t.saveKey = widget.NewButtonWithIcon(kit.L("另存私钥（加密）…"), theme.DocumentSaveIcon(), t.savePrivateKey)
	keyIntro := kit.NewWrapLabel(kit.L("各支部用您的公钥加密数据包，只有这个工作台（输入密码后）能打开。把公钥文件发给各支部，请他们在“设置 → 指导员”中载入，并电话核对指纹。私钥用您的密码加密保存在工作台文件里，密码丢失则无法打开加密给您的数据包。"))
	path := kit.NewWrapLabel(w.svc.Path())
	cards := container.NewVBox(
		widget.NewCard(kit.L("指导员"), "", container.NewVBox(form, container.NewHBox(save))),
		widget.NewCard(kit.L("指导员密钥"), "", container.NewVBox(keyIntro, t.key, container.NewHBox(t.create, t.export, t.saveKey))),
		widget.NewCard(kit.L("工作台文件"), "", container.NewVBox(path, wrappedLabel(kit.L("工作台文件与各支部的数据文件分开保存；备份时先关闭工作台，再复制这个文件。")))),
	)
	t.language = container.NewVBox()
	cards.Add(t.language)
	t.content = kit.NewScroll(container.NewPadded(cards))
	return t
}

// OfferLanguages shows 界面语言 under 密钥与设置: names are the languages as
// they call themselves, current the one in use; choose keeps the choice
// (the app's preference, the same as the branch window's 设置 → 界面语言),
// which takes effect the next time the app starts.
func (w *Window) OfferLanguages(names []string, current int, choose func(i int)) {
	t := w.settings
	restart := kit.NewWrapLabel("")
	restart.Importance = widget.WarningImportance
	group := widget.NewRadioGroup(names, nil)
	group.Horizontal = true
	if current >= 0 && current < len(names) {
		group.SetSelected(names[current])
	}
	group.OnChanged = func(name string) {
		for i, n := range names {
			if n == name {
				choose(i)
			}
		}
		// Said in both languages: the window is still in the old one.
		restart.SetText("关闭并重新打开工作台后生效。 Takes effect when the workspace is opened again.")
	}
	note := widget.NewLabel(kit.L("与支部窗口“设置 → 界面语言”是同一个设置。"))
	note.SizeName = theme.SizeNameCaptionText
	t.languages = group
	t.language.Objects = []fyne.CanvasObject{widget.NewCard(kit.L("界面语言"), "", container.NewVBox(group, note, restart))}
	t.language.Refresh()
}

func (t *settingsTab) load() {
	s, err := t.w.svc.Settings()
	if err != nil {
		t.w.showError("读取工作台设置", err)
		return
	}
	t.instructor.SetText(s.Instructor)
	t.area.SetText(s.Area)
	k, err := t.w.svc.PublicKey()
	switch {
	case err == ws.ErrNoKey:
		t.key.SetText(kit.L("还没有指导员密钥。"))
		t.create.Show()
		t.export.Disable()
		t.saveKey.Disable()
	case err != nil:
		t.key.SetText(err.Error())
	default:
		t.key.SetText(kit.L("公钥指纹：{{.F}}（请各支部电话核对）", map[string]any{"F": k.Fingerprint()}) + "\n" + k.Recipient)
		t.create.Hide()
		t.export.Enable()
		t.saveKey.Enable()
	}
}

// wrappedLabel is a label that wraps at the width it is given.
func wrappedLabel(text string) *kit.WrapLabel {
	l := kit.NewWrapLabel(text)
	return l
}

// savePrivateKey writes the private key as the workspace keeps it,
// encrypted with the instructor's passphrase, to a file the instructor
// keeps apart from the laptop (a second USB drive): losing the laptop must
// not make every package on every drive unreadable.
func (t *settingsTab) savePrivateKey() {
	t.w.files.Save(kit.L("另存私钥（加密）"), kit.L("指导员私钥（加密）")+".age", filedialog.ByExtension(".age"), t.savePrivateKeyTo)
}

func (t *settingsTab) savePrivateKeyTo(path string) {
	if err := t.w.svc.SavePrivateKey(path); err != nil {
		t.w.showError("另存私钥", err)
		return
	}
	kit.Inform(t.w.Win, "另存私钥", kit.L("私钥已另存，仍用您的密码加密：")+"\n"+path+"\n\n"+
		kit.L("请把它与电脑分开保管（如另一个U盘）。电脑丢失时，用它和密码仍能打开加密给您的数据包（age -d 加密码可解开）。"))
}

// newKey asks for a passphrase twice and makes the key pair. Sealing the
// private key with the passphrase takes seconds (scrypt, on purpose), so it
// runs in the background with a busy bar in the dialog.
func (t *settingsTab) newKey() {
	// The name goes into the public key file: a branch loading a key with
	// no name saw "（公钥未写姓名）" (review s4-11 newuser #2).
	name := kit.NewEntry()
	name.SetText(strings.TrimSpace(t.instructor.Text))
	p1, p2 := kit.NewPasswordEntry(), kit.NewPasswordEntry()
	form := kit.NewForm("生成密钥")
	f0 := form.Add("您的姓名", name).Validate(func(s string) string {
		if strings.TrimSpace(s) == "" {
			return kit.L("请填写您的姓名：支部载入公钥时会看到它")
		}
		return ""
	})
	f1 := form.Add("密码", p1).Validate(checkNewPassphrase)
	f2 := form.Add("再输入一次", p2).Validate(func(s string) string {
		if s != p1.Text {
			return kit.L("两次输入的密码不一样")
		}
		return ""
	})
	p1.OnChanged = func(string) { form.Refresh() } // the second field's check reads the first
	t.keyForm, t.keyEntries, t.keyName = form, [2]*kit.Entry{p1, p2}, name
	intro := kit.NewWrapLabel(kit.L("请设置一个只有您知道的密码（至少8个字符）。每次打开工作台导入数据包时要输入一次。"))
	busy := busyLine("正在生成密钥并用密码加密私钥，需要几秒钟…")
	var d *kit.FormDialog
	form.OnSubmit = func() {
		if t.w.busy {
			return
		}
		t.w.busy = true
		busy.Show()
		form.Save.Disable()
		pass, who := p1.Text, strings.TrimSpace(name.Text)
		var err error
		t.w.background(func() {
			var s ws.Settings
			if s, err = t.w.svc.Settings(); err == nil {
				s.Instructor = who
				if err = t.w.svc.SaveSettings(s); err == nil {
					_, err = t.w.svc.CreateKey(pass)
				}
			}
		}, func() {
			t.w.busy = false
			busy.Hide()
			if err != nil {
				form.SetError(err.Error())
				return
			}
			d.Hide()
			t.load()
			t.w.branches.load() // the first-run hint moves on to 导出公钥
		})
	}
	// The busy line on top: under the fields it was below the dialog's
	// fold, and the user saw only 生成密钥 greyed out for seconds.
	body := container.NewVBox(busy.Container, intro, form.Stacked(f0, f1, f2))
	busy.in = body
	d = kit.ShowForm(t.w.Win, "生成指导员密钥", form, body, fyne.NewSize(480, 500))
}

// checkNewPassphrase is the rule of storage/workspace.CheckPassphrase in
// the UI language.
func checkNewPassphrase(p string) string {
	switch {
	case strings.TrimSpace(p) == "":
		return kit.L("请设置密码")
	case utf8.RuneCountInString(p) < ws.MinPassphrase:
		return kit.L("密码至少{{.N}}个字符", map[string]any{"N": ws.MinPassphrase})
	}
	return ""
}

// busy is a line saying what slow work is under way, with a moving bar;
// hidden until the work starts. Put its Container into the layout: Fyne
// draws what is inside a *fyne.Container, not inside a type around one.
type busy struct {
	*fyne.Container
	bar *widget.ProgressBarInfinite // only while shown
	// in is the container the line is part of, laid out again when the
	// line comes and goes: Fyne does it on its own only when nothing
	// else changed after it (here the disabled button does), and the
	// line was drawn over the dialog's first lines or not at all.
	in *fyne.Container
}

// busyLine is a hidden busy line saying what.
//
// The bar exists only while the line is shown. Fyne 2.7.1 starts an
// infinite bar as soon as anything refreshes it, hidden or not, and hiding
// it does not stop it: its 60 ticks a second then repaint the window for
// as long as the program runs, which in 兼容模式 (software rendering) keeps
// a core busy (the branch window's 正在导出… bar did, review s4-10 attack
// #4; kit.ShowProgress). Without animations (launch.Still, 兼容模式) there
// is no bar: the words say it.
func busyLine(what string) *busy {
	l := kit.NewWrapLabel(kit.L(what))
	b := &busy{Container: container.NewVBox(l)}
	b.Container.Hide()
	return b
}

// Show shows the line and starts its bar.
func (b *busy) Show() {
	if b.bar == nil && fyne.CurrentApp().Settings().ShowAnimations() {
		b.bar = widget.NewProgressBarInfinite()
		b.Add(b.bar)
	}
	b.Container.Show()
	if b.bar != nil {
		b.bar.Refresh() // a bar starts moving when first refreshed
	}
	if b.in != nil {
		b.in.Refresh()
	}
}

// Hide stops the bar, drops it and hides the line.
func (b *busy) Hide() {
	if b.bar != nil {
		b.bar.Stop()
		b.Remove(b.bar)
		b.bar = nil
	}
	b.Container.Hide()
	if b.in != nil {
		b.in.Refresh()
	}
}

func (t *settingsTab) exportKey() {
	k, err := t.w.svc.PublicKey()
	if err != nil {
		t.w.showError("导出公钥", err)
		return
	}
	if k.Instructor == "" {
		kit.Inform(t.w.Win, "导出公钥", kit.L("请先在上面“党建指导员”中填写您的姓名并保存：它写进公钥文件，支部载入公钥时会看到。"))
		return
	}
	name := kit.L("指导员公钥") + "-" + k.Instructor
	t.w.files.Save(kit.L("导出公钥"), name+datapkg.PublicKeyExt, filedialog.ByExtension(datapkg.PublicKeyExt), func(path string) {
		if _, err := t.w.svc.ExportPublicKey(path); err != nil {
			t.w.showError("导出公钥", err)
			return
		}
		kit.Inform(t.w.Win, "导出公钥", kit.L("公钥已保存，指纹 {{.F}}：", map[string]any{"F": k.Fingerprint()})+"\n"+path)
	})
}
