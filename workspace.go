package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"branchledger/storage"
	"branchledger/storage/workspace"
	"branchledger/ui"
	"branchledger/ui/filedialog"
	"branchledger/ui/kit"
	"branchledger/ui/launch"
	"branchledger/ui/portable"
	wsui "branchledger/ui/workspace"
)

// openWorkspaceWindow runs the app on the instructor's workspace at path
// (`branchledger --workspace PATH`), creating it if missing.
func openWorkspaceWindow(path string) int {
	guard := launch.New(filepath.Dir(path), os.Args[1:])
	if err := guard.Prepare(); err != nil {
		return guard.Fail(err)
	}
	a := portable.NewApp(appID, storage.PortableDir())
	if guard.Software() {
		a = launch.Still(a) // as in openWindow
	}
	ui.SetupApp(a, guard.Software())
	ui.LoadFonts()
	w, err := workspace.Open(path)
	if err != nil {
		return showStartupError(guard, a, err, "", nil)
	}
	var closeOnce sync.Once
	release := func() { closeOnce.Do(func() { _ = w.Close() }) }
	defer release()
	guard.OnGiveUp(release)
	launch.QuitOnSignal(launch.QuitGrace, release)
	win := newWorkspaceWindow(a, w).Win
	win.SetMaster()
	if !guard.Show(win) {
		return guard.Fail(errNoWindow)
	}
	a.Run()
	return 0
}

// workspaceOpener opens the default workspace from a branch window (设置 →
// 指导员) in a window of its own, once: a second request shows it again.
type workspaceOpener struct {
	mu  sync.Mutex
	a   fyne.App
	win fyne.Window
	// parent is the branch window, for the question and errors.
	parent func() fyne.Window
	// dataPath is the data file the branch window has open.
	dataPath func() string
}

// opener is open, or nil when there is no opener (the start-up error
// window's file).
func (o *workspaceOpener) opener() func() {
	if o == nil {
		return nil
	}
	return o.open
}

// window is the branch window the questions belong to.
func (o *workspaceOpener) window() fyne.Window {
	if o.parent != nil {
		return o.parent()
	}
	if ws := o.a.Driver().AllWindows(); len(ws) > 0 {
		return ws[0]
	}
	return nil
}

func (o *workspaceOpener) open() {
	o.mu.Lock()
	if o.win != nil {
		o.win.RequestFocus()
		o.mu.Unlock()
		return
	}
	o.mu.Unlock()
	path, err := o.defaultPath()
	if err != nil {
		kit.Inform(o.window(), "打开指导员工作台", err.Error())
		return
	}
	if _, err := os.Stat(path); err != nil {
		o.ask(path)
		return
	}
	o.show(path)
}

// defaultPath is workspace.FileName beside the data file the window has
// open (as README says), or beside the default data file.
func (o *workspaceOpener) defaultPath() (string, error) {
	if o.dataPath != nil {
		if p := o.dataPath(); p != "" {
			return filepath.Join(filepath.Dir(p), workspace.FileName), nil
		}
	}
	return workspace.DefaultPath()
}

// ask tells a secretary who clicked by chance what a workspace is before a
// file is made, and lets an instructor open the workspace file they have.
func (o *workspaceOpener) ask(path string) {
	win := o.window()
	msg := widget.NewLabel(kit.L("指导员工作台供党建指导员汇总多个支部的数据包，与本支部的数据文件分开保存。将新建工作台文件：") + "\n" + path)
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	create := widget.NewButton(kit.L("新建并打开"), func() { d.Hide(); o.show(path) })
	create.Importance = widget.HighImportance
	existing := widget.NewButton(kit.L("打开已有的工作台文件…"), func() {
		d.Hide()
		filedialog.New(win, o.a.Preferences()).Open(kit.L("打开指导员工作台"), filedialog.ByExtension(filepath.Ext(workspace.FileName)), o.show)
	})
	cancel := widget.NewButton(kit.L("取消"), func() { d.Hide() })
	buttons := container.NewBorder(nil, nil, existing, container.NewHBox(cancel, create))
	d = dialog.NewCustomWithoutButtons(kit.L("打开指导员工作台"), container.NewBorder(nil, buttons, nil, nil, msg), win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

func (o *workspaceOpener) show(path string) {
	w, err := workspace.Open(path)
	if err != nil {
		kit.Inform(o.window(), "打开指导员工作台", fmt.Sprint(err))
		return
	}
	win := newWorkspaceWindow(o.a, w).Win
	win.SetOnClosed(func() {
		if err := w.Close(); err != nil {
			log.Printf("close workspace: %v", err)
		}
		o.mu.Lock()
		o.win = nil
		o.mu.Unlock()
	})
	o.mu.Lock()
	o.win = win
	o.mu.Unlock()
	win.Show()
}

// newWorkspaceWindow is the workspace's window with 界面语言 in its
// 密钥与设置: the app's one language setting, as the branch window's.
func newWorkspaceWindow(a fyne.App, w *workspace.Workspace) *wsui.Window {
	win := wsui.New(a, w)
	prefs := ui.NewPrefs(a.Preferences())
	langs := []ui.Language{ui.Chinese, ui.English}
	current := 0
	for i, l := range langs {
		if l == prefs.Language() {
			current = i
		}
	}
	win.OfferLanguages([]string{"中文", "English"}, current, func(i int) { prefs.SetLanguage(langs[i]) })
	return win
}
