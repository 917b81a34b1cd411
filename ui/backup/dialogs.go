package backup

import (
	"strconv"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/storage"
	bk "branchledger/storage/backup"
	"branchledger/storage/datapkg"
	"branchledger/ui/kit"
)

// minPassphrase is the shortest passphrase accepted for a backup.
const minPassphrase = datapkg.MinPassphrase

// askPassphrase asks whether to protect a backup with a passphrase; then
// gets "" for none. It is a kit.Form, as every form of the app: Enter
// backs up and Esc cancels wherever the focus is, also on the dialog's
// buttons, where Fyne's form dialog did nothing (u8's report).
func askPassphrase(win fyne.Window, then func(passphrase string)) *kit.FormDialog {
	pass, again := kit.NewPasswordEntry(), kit.NewPasswordEntry()
	form := kit.NewForm("开始备份")
	passF := form.Add("密码", pass).Validate(func(s string) string {
		if s != "" && utf8.RuneCountInString(s) < minPassphrase {
			return kit.L("密码至少要 {{.N}} 个字符", map[string]any{"N": minPassphrase})
		}
		return ""
	})
	againF := form.Add("再输一次", again)
	form.Check = func(report func(*kit.Field, string)) {
		if again.Text != pass.Text {
			report(againF, kit.L("两次输入的密码不一样"))
		}
	}
	note := kit.NewWrapLabel(kit.L("可以设置密码：U盘丢失时，别人打不开这个备份。不设密码就留空。忘记密码就无法恢复，请把密码记在安全的地方。"))
	var d *kit.FormDialog
	form.OnSubmit = func() {
		d.Hide()
		then(pass.Text)
	}
	d = kit.ShowForm(win, kit.L("备份到…"), form, container.NewVBox(note, form.Grid(1, passF, againF)), fyne.NewSize(520, 340))
	return d
}

// askExistingPassphrase asks for the passphrase of the package named name,
// a kit.Form as askPassphrase is.
func askExistingPassphrase(win fyne.Window, name string, then func(passphrase string)) *kit.FormDialog {
	pass := kit.NewPasswordEntry()
	form := kit.NewForm("打开")
	passF := form.Add("密码", pass).Validate(func(s string) string {
		if s == "" {
			return kit.L("请输入密码")
		}
		return ""
	})
	note := kit.NewWrapLabel(kit.L("{{.File}} 设有密码，请输入备份时设置的密码。", map[string]any{"File": name}))
	var d *kit.FormDialog
	form.OnSubmit = func() {
		d.Hide()
		then(pass.Text)
	}
	d = kit.ShowForm(win, kit.L("输入密码"), form, container.NewVBox(note, form.Grid(1, passF)), fyne.NewSize(480, 260))
	return d
}

// previewRows are the lines of the restore preview: a label, and the value
// for a summary (the backup's or the current file's).
var previewRows = []struct {
	label string
	value func(s storage.Summary) string
}{
	{"单位名称", func(s storage.Summary) string { return s.OrgName }},
	{"支部名称", func(s storage.Summary) string { return s.BranchName }},
	{"党员（含已离开）", func(s storage.Summary) string { return strconv.Itoa(s.Members()) }},
	{"活动记录", func(s storage.Summary) string { return strconv.Itoa(s.Activities()) }},
	{"党费交纳记录", func(s storage.Summary) string { return strconv.Itoa(s.Payments()) }},
	{"数据文件版本", func(s storage.Summary) string { return strconv.Itoa(s.SchemaVersion) }},
}

// kindNames say what kind of file a candidate is.
var kindNames = map[datapkg.Kind]string{
	datapkg.DataFile:   "数据文件：自动备份或复制的文件",
	datapkg.Plain:      "数据包：未加密",
	datapkg.Passphrase: "数据包：有密码",
	datapkg.ForKey:     "数据包：加密给指导员",
}

// preview is the restore preview's content and state, kept for tests.
type preview struct {
	dlg     *dialog.CustomDialog
	content fyne.CanvasObject
	confirm *kit.Button
	replace *widget.Check // nil unless the backup is another branch's
}

// showPreview shows the backup beside the current file and asks before
// restoring; another branch's backup needs the box ticked first. onRestore
// gets whether the user said to replace another branch's data; onCancel runs
// when the user cancels.
func showPreview(win fyne.Window, c *bk.Candidate, current storage.Summary, onRestore func(replaceOther bool), onCancel func()) *preview {
	p := &preview{}
	// One grid per row, so that each row is as tall as its own text.
	rows := container.NewVBox(
		container.NewGridWithColumns(3, widget.NewLabel(""), boldLabel(kit.L("备份")), boldLabel(kit.L("当前数据文件"))),
		container.NewGridWithColumns(3, widget.NewLabel(kit.L("备份时间")),
			widget.NewLabel(c.Taken.Local().Format("2006-01-02 15:04")), widget.NewLabel(kit.L("现在"))),
	)
	for _, r := range previewRows {
		b, cur := r.value(c.Summary), r.value(current)
		bl := kit.NewWrapLabel(b)
		if b != cur {
			bl.Importance = widget.WarningImportance
		}
		cl := kit.NewWrapLabel(cur)
		rows.Add(container.NewGridWithColumns(3, widget.NewLabel(kit.L(r.label)), bl, cl))
	}
	source := kit.NewWrapLabel(kit.L("文件：{{.File}}（{{.Kind}}）", map[string]any{"File": c.Source, "Kind": kit.L(kindNames[c.Kind])}))
	note := kit.NewWrapLabel(kit.L("恢复会用备份中的数据替换当前数据文件。替换之前，当前数据文件会先自动备份，需要时可以再恢复回来。恢复后窗口会重新打开。"))
	body := container.NewVBox(source, rows, note)

	p.confirm = kit.NewButtonWithIcon(kit.L("恢复"), theme.ConfirmIcon(), nil)
	p.confirm.Importance = widget.HighImportance
	other := c.Check(current, false) != nil
	if other {
		warn := kit.NewWrapLabel(kit.L("这是另一个支部的备份，恢复后当前支部的数据会被替换为它的数据。"))
		warn.Importance = widget.DangerImportance
		p.replace = widget.NewCheck(kit.L("我确认要用另一个支部的数据替换当前数据文件"), func(on bool) {
			if on {
				p.confirm.Enable()
			} else {
				p.confirm.Disable()
			}
		})
		p.confirm.Disable()
		// Above the figures: the first thing read, and never scrolled away.
		body.Objects = append([]fyne.CanvasObject{body.Objects[0], warn, p.replace}, body.Objects[1:]...)
	}
	cancel := kit.NewButtonWithIcon(kit.L("取消"), theme.CancelIcon(), nil)
	p.content = container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, p.confirm), nil, nil, kit.NewScroll(body))
	p.dlg = dialog.NewCustomWithoutButtons(kit.L("恢复数据"), p.content, win)
	cancel.OnTapped = func() { p.dlg.Hide(); onCancel() }
	p.confirm.OnTapped = func() {
		p.dlg.Hide()
		onRestore(p.replace != nil && p.replace.Checked)
	}
	// Tall enough for the figures and the note at 1366×768, the warning
	// too when there is one; within the window, the body scrolls.
	height := float32(560)
	if other {
		height = 640
	}
	p.dlg.Resize(fitIn(win, fyne.NewSize(720, height)))
	kit.EnterEsc(win, p.dlg, func() {
		if !p.confirm.Disabled() {
			p.confirm.OnTapped()
		}
	}, cancel.OnTapped)
	p.dlg.Show()
	return p
}

// fitIn keeps a dialog inside the window at 1024×700.
func fitIn(win fyne.Window, size fyne.Size) fyne.Size {
	c := win.Canvas().Size()
	if c.Width <= 0 || c.Height <= 0 {
		return size
	}
	return fyne.NewSize(min(size.Width, c.Width-24), min(size.Height, c.Height-24))
}

func boldLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}

// showDone says an action is done and where its file is, with a way to open
// the folder.
func showDone(win fyne.Window, title, message, path string) {
	msg := kit.NewWrapLabel(message)
	where := kit.NewWrapLabel(path)
	where.Selectable = true
	var d dialog.Dialog
	open := kit.NewButtonWithIcon(kit.L("打开所在文件夹"), theme.FolderOpenIcon(), func() {
		d.Hide()
		kit.RevealLocal(win, path)
	})
	d = kit.NewCustom(title, kit.L("关闭"), container.NewVBox(msg, where, open), win)
	d.Resize(fitIn(win, fyne.NewSize(560, 0)))
	d.Show()
}
