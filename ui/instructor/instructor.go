// Package instructor is the 指导员 part of 设置 in a branch's window: the
// party-building instructor's public key (loaded from the file the
// instructor hands over, or pasted, with its fingerprint to compare by
// phone), 导出数据包 for the instructor — encrypted to that key, or with a
// passphrase when there is none — and, for instructors, the way into the
// instructor's workspace, kept at the bottom where a secretary does not
// trip over it.
package instructor

import (
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/storage/datapkg"
	"branchledger/ui/filedialog"
	"branchledger/ui/kit"
)

// Service is the key and the export over the open data file
// (datapkg.Exporter).
type Service interface {
	InstructorKey() (datapkg.PublicKey, bool, error)
	SetInstructorKey(k datapkg.PublicKey) error
	ClearInstructorKey() error
	// Export writes a package to out, to the key set or, without one, with
	// passphrase ("" for none).
	Export(out, passphrase string) (datapkg.Manifest, datapkg.Kind, error)
	DefaultName() string
	// Replacing is the question to ask before out, a package already
	// there, is replaced, or why it must not be: another branch's.
	Replacing(out string) (model.Text, error)
}

// Host is what the section needs from the window.
type Host interface {
	kit.Host
	// OpenWorkspace opens the instructor's workspace in a window of its
	// own; nil when the app cannot (tests).
	OpenWorkspace()
}

// Section is the 指导员 card's content.
type Section struct {
	Content fyne.CanvasObject

	h     Host
	svc   Service
	files *filedialog.Dialogs
	key   *kit.WrapLabel
	clear *widget.Button
	// last is what the last export said, for tests.
	last string
}

// New builds the section over svc.
func New(h Host, svc Service) *Section {
	s := &Section{h: h, svc: svc, files: filedialog.New(h.Window(), fyne.CurrentApp().Preferences())}
	s.files.AskReplace = s.askReplace
	intro := kit.NewWrapLabel(kit.L("向党建指导员报送数据：导出数据包，拷到U盘交给指导员。载入指导员给的公钥后，数据包只有该指导员能打开，U盘丢失也不会泄露党员信息，导出时也不用输入密码。"))
	s.key = kit.NewWrapLabel("")
	load := widget.NewButtonWithIcon(kit.L("载入公钥文件…"), theme.FolderOpenIcon(), s.loadFile)
	paste := widget.NewButtonWithIcon(kit.L("粘贴公钥…"), theme.ContentPasteIcon(), s.paste)
	s.clear = widget.NewButtonWithIcon(kit.L("移除公钥"), theme.DeleteIcon(), s.confirmClear)
	export := widget.NewButtonWithIcon(kit.L("导出数据包…"), theme.UploadIcon(), s.export)
	export.Importance = widget.HighImportance

	note := kit.NewWrapLabel(kit.L("党建指导员使用：汇总多个支部的数据包、单位名录和上报汇总表。"))
	note.SizeName = theme.SizeNameCaptionText
	open := widget.NewButton(kit.L("打开指导员工作台…"), h.OpenWorkspace)
	open.Importance = widget.LowImportance
	workspace := container.NewBorder(nil, nil, nil, open, note)

	s.Content = container.NewVBox(intro, s.key,
		container.NewHBox(load, paste, s.clear), container.NewHBox(export),
		widget.NewSeparator(), workspace)
	s.refresh()
	return s
}

// refresh shows the key set, if any.
func (s *Section) refresh() {
	k, ok, err := s.svc.InstructorKey()
	switch {
	case err != nil:
		s.key.SetText(err.Error())
		s.clear.Disable()
	case !ok:
		s.key.SetText(kit.L("尚未载入指导员公钥：导出的数据包可以设密码保护，请把密码另行告诉指导员。"))
		s.clear.Disable()
	default:
		s.key.SetText(s.keyLine(k))
		s.clear.Enable()
	}
}

func (s *Section) keyLine(k datapkg.PublicKey) string {
	who := s.who(k)
	return kit.L("数据包加密给指导员 {{.Name}}　　公钥指纹：{{.Fingerprint}}", map[string]any{"Name": who, "Fingerprint": k.Fingerprint()})
}

// KeyText is the line about the key shown now, for tests.
func (s *Section) KeyText() string { return s.key.Text }

// LastResult is what the last export said, for tests.
func (s *Section) LastResult() string { return s.last }

func (s *Section) loadFile() {
	s.h.ChooseFile("载入指导员公钥", []string{datapkg.PublicKeyExt, ".pub", ".age"}, func(path string) {
		k, err := datapkg.ReadPublicKeyFile(path)
		if err != nil {
			s.h.ShowError("载入指导员公钥", err)
			return
		}
		s.confirmKey(k)
	})
}

func (s *Section) paste() {
	text := widget.NewMultiLineEntry()
	text.SetPlaceHolder("age1…")
	text.Wrapping = fyne.TextWrapBreak
	// Only a clipboard that holds a key is pasted in, not whatever it held
	// before (review s6-11 newuser #13: "陇原").
	if clip := fyne.CurrentApp().Clipboard().Content(); strings.Contains(strings.ToLower(clip), "age1") {
		text.SetText(clip)
	}
	msg := kit.NewWrapLabel("")
	msg.Importance = widget.DangerImportance
	var d dialog.Dialog
	intro := kit.NewWrapLabel(kit.L("把指导员发来的公钥粘贴到下面（整条消息也可以，其中以 age1 开头的那一串就是公钥）："))
	body := container.NewBorder(intro, msg, nil, nil, text)
	d = kit.NewCustomConfirm(kit.L("粘贴指导员公钥"), kit.L("下一步"), kit.L("取消"), body, func(ok bool) {
		if !ok {
			return
		}
		k, err := datapkg.ParsePublicKey(text.Text)
		if err != nil {
			s.h.ShowError("载入指导员公钥", err)
			return
		}
		s.confirmKey(k)
	}, s.h.Window())
	d.Resize(fyne.NewSize(560, 300))
	d.Show()
}

// who names the key's instructor: the name its file carries, else the
// 党建指导员 of 支部基本信息 (a key pasted from a chat message has none:
// review s6-11 newuser #13 showed "(no name in the key)" on every export),
// else that none is written.
func (s *Section) who(k datapkg.PublicKey) string {
	if k.Instructor != "" {
		return k.Instructor
	}
	if p, ok := s.svc.(interface{ ProfileInstructor() string }); ok {
		if name := p.ProfileInstructor(); name != "" {
			return kit.L("{{.Name}}（按支部基本信息）", map[string]any{"Name": name})
		}
	}
	return kit.L("（未写名字）")
}

// confirmKey asks the secretary to compare the fingerprint with the
// instructor by phone before the key is kept.
func (s *Section) confirmKey(k datapkg.PublicKey) {
	who := s.who(k)
	msg := kit.L("指导员：{{.Name}}\n公钥指纹：{{.Fingerprint}}\n\n请打电话请指导员念出他的指纹，一致再确认。此后导出的数据包都加密给这个公钥。",
		map[string]any{"Name": who, "Fingerprint": k.Fingerprint()})
	s.h.Confirm("核对公钥指纹", msg, func() {
		if err := s.svc.SetInstructorKey(k); err != nil {
			s.h.ShowError("保存指导员公钥", err)
			return
		}
		s.refresh()
	})
}

func (s *Section) confirmClear() {
	s.h.Confirm("移除指导员公钥", kit.L("移除后，导出的数据包不再加密给指导员（可以改设密码）。确定移除吗？"), func() {
		if err := s.svc.ClearInstructorKey(); err != nil {
			s.h.ShowError("移除指导员公钥", err)
			return
		}
		s.refresh()
	})
}

// export asks where to write the package; without a key it first asks for
// a passphrase (or an explicit choice of none).
func (s *Section) export() {
	_, ok, err := s.svc.InstructorKey()
	if err != nil {
		s.h.ShowError("导出数据包", err)
		return
	}
	if ok {
		s.saveAs("")
		return
	}
	s.askPassphrase(s.saveAs)
}

// askPassphrase asks for a passphrase typed twice; then gets it, or "" if
// the secretary chose not to protect the package.
func (s *Section) askPassphrase(then func(passphrase string)) {
	p1, p2 := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	intro := kit.NewWrapLabel(kit.L("没有载入指导员公钥。建议给数据包设一个密码（至少8个字符），把密码另行告诉指导员；也可以不加密。"))
	form := widget.NewForm(widget.NewFormItem(kit.L("密码"), p1), widget.NewFormItem(kit.L("再输入一次"), p2))
	var d dialog.Dialog
	plain := kit.NewButton(kit.L("不加密"), func() {
		d.Hide()
		s.h.Confirm("不加密导出", kit.L("不加密的数据包，任何拿到U盘的人都能看到党员的身份证号等信息。确定不加密吗？"), func() { then("") })
	})
	ok := kit.NewButton(kit.L("设密码并导出"), func() {
		switch {
		case len([]rune(p1.Text)) < 8:
			msg.SetText(kit.L("密码至少8个字符"))
		case p1.Text != p2.Text:
			msg.SetText(kit.L("两次输入的密码不一样"))
		default:
			d.Hide()
			then(p1.Text)
		}
	})
	ok.Importance = widget.HighImportance
	cancel := kit.NewButton(kit.L("取消"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(kit.L("导出数据包"), container.NewVBox(intro, form, msg,
		container.NewHBox(plain, layoutSpacer(), cancel, ok)), s.h.Window())
	d.Resize(fyne.NewSize(480, 0))
	kit.EnterEsc(s.h.Window(), d, ok.OnTapped, d.Hide)
	d.Show()
}

func layoutSpacer() fyne.CanvasObject { return container.NewStack() }

func (s *Section) saveAs(passphrase string) {
	s.files.Save(kit.L("导出数据包"), s.svc.DefaultName(), filedialog.ByExtension(datapkg.Ext), func(path string) {
		if filepath.Ext(path) == "" {
			path += datapkg.Ext
		}
		s.Write(path, passphrase)
	})
}

// askReplace is asked before a package is written over a file that is
// there: never over another branch's package (a USB drive goes round many
// branches), over this branch's own or one that cannot be told after a
// question in the UI's language (review s4-11 newuser #1).
func (s *Section) askReplace(path string, _ bool, replace func()) {
	q, err := s.svc.Replacing(path)
	switch {
	case errors.Is(err, datapkg.ErrOtherBranch):
		kit.Inform(s.h.Window(), "导出数据包", kit.SayErr(err))
		return
	case err != nil:
		s.h.ShowError("导出数据包", err)
		return
	}
	kit.Confirm(s.h.Window(), "导出数据包", kit.Say(q), "替换数据包", replace)
}

// Write exports the package to path in the background and says where it
// is and how it is protected.
func (s *Section) Write(path, passphrase string) {
	done := s.h.Progress("正在导出数据包…", filepath.Base(path))
	var m datapkg.Manifest
	var kind datapkg.Kind
	var err error
	s.h.Background(func() { m, kind, err = s.svc.Export(path, passphrase) }, func() {
		done()
		if err != nil {
			s.h.ShowError("导出数据包", err)
			return
		}
		var how string
		switch kind {
		case datapkg.ForKey:
			k, _, _ := s.svc.InstructorKey()
			how = s.keyLine(k)
		case datapkg.Passphrase:
			how = kit.L("数据包设有密码，请把密码另行告诉指导员。")
		default:
			how = kit.L("数据包没有加密。")
		}
		s.last = kit.L("已导出数据包：党员 {{.Members}} 人，活动记录 {{.Activities}} 条，党费记录 {{.Payments}} 笔。",
			map[string]any{"Members": m.Counts["members"], "Activities": m.Counts["activities"], "Payments": m.Counts["dues_payments"]}) +
			"\n" + how + "\n" + path
		kit.Inform(s.h.Window(), "导出数据包", s.last)
	})
}
