package ui

import (
	"log"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/storage/reason"
	"branchledger/ui/backup"
	"branchledger/ui/datafile"
	"branchledger/ui/filedialog"
	"branchledger/ui/kit"
)

// ShowStartupError tells the user, in a window, why the data file cannot be
// opened — a Windows GUI program has no console to print to — and returns
// the exit status once the app ends: 2, as the command line reports a
// database it cannot open. With open (not nil) the window also offers
// 新建数据文件 and 打开其他数据文件, and the main window opens on the file
// chosen (status 0 then). Call SetupApp first.
func ShowStartupError(a fyne.App, err error, open Opener) int {
	w, status := NewStartupErrorWindow(a, err, "", open)
	w.ShowAndRun()
	return status()
}

// NewStartupErrorWindow is ShowStartupError's window, for main to show
// through its start-up guard (ui/launch) and then run the app; status gives
// the exit status once the app has ended.
//
// path is the data file that could not be opened ("" if none was named):
// when a restore repairs what is wrong with it (damaged, cut short, empty —
// see backup.Repairable), the window offers 从备份恢复… too, and opens the
// main window on the restored file.
func NewStartupErrorWindow(a fyne.App, err error, path string, open Opener) (w fyne.Window, status func() int) {
	log.Printf("startup: %s", reason.Detail(err))
	w = a.NewWindow(lang.L("支部台账"))
	msg := kit.NewWrapLabel(lang.L("无法打开数据文件。") + "\n" + kit.SayErr(err))
	closeButton := widget.NewButton(lang.L("关闭"), w.Close)
	closeButton.Importance = widget.HighImportance
	buttons := container.NewHBox()
	code := 2
	if open != nil {
		files := filedialog.New(w, a.Preferences())
		start := func(path string, prepare func(string) error) {
			if prepare != nil {
				if err := prepare(path); err != nil {
					msg.SetText(lang.L("无法新建数据文件。") + "\n" + kit.SayErr(err))
					return
				}
			}
			svc, err := open(path)
			if err != nil {
				msg.SetText(lang.L("无法打开数据文件。") + "\n" + kit.SayErr(err))
				return
			}
			code = 0
			showMainWindow(a, svc, path)
			w.Close()
		}
		if path != "" && backup.Repairable(err) {
			// The message says to restore from a backup: offer it here.
			target := path
			restore := widget.NewButtonWithIcon(lang.L("从备份恢复…"), theme.HistoryIcon(), func() {
				backup.RestoreOver(w, files, target, func(err error) {
					if err != nil {
						log.Printf("startup restore: %s", reason.Detail(err))
						msg.SetText(lang.L("没有恢复。") + "\n" + kit.SayErr(err))
						return
					}
					start(target, nil)
				})
			})
			restore.Importance = widget.HighImportance
			buttons.Add(restore)
		}
		buttons.Add(widget.NewButtonWithIcon(lang.L("新建数据文件…"), theme.FileIcon(), func() {
			files.Save(lang.L("新建数据文件"), "支部台账"+datafile.Ext, filedialog.ByExtension(datafile.Ext), func(path string) {
				if !strings.HasSuffix(strings.ToLower(path), datafile.Ext) {
					path += datafile.Ext
				}
				start(path, datafile.CreateFile)
			})
		}))
		buttons.Add(widget.NewButtonWithIcon(lang.L("打开其他数据文件…"), theme.FolderOpenIcon(), func() {
			files.Open(lang.L("打开其他数据文件"), filedialog.ByExtension(datafile.Ext), func(path string) { start(path, nil) })
		}))
	}
	icon := widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon()))
	w.SetContent(container.NewPadded(container.NewBorder(nil,
		container.NewBorder(nil, nil, buttons, closeButton), icon, nil, msg)))
	w.Resize(fyne.NewSize(620, 240))
	w.CenterOnScreen()
	return w, func() int { return code }
}

// showMainWindow opens the main window on svc once the app is running
// (from the start-up error window), with the checks a start would run.
func showMainWindow(a fyne.App, svc Services, path string) {
	s := newShell(a, svc, path)
	s.win.Show()
	s.recheck()
	datafile.StartCheck(s, s.banner, s.svc.File)
}
