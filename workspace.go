package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"

	"branchledger/storage"
	"branchledger/storage/workspace"
	"branchledger/ui"
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
	ui.SetupApp(a)
	ui.LoadFonts()
	w, err := workspace.Open(path)
	if err != nil {
		return showStartupError(guard, a, err, "", nil)
	}
	var closeOnce sync.Once
	release := func() { closeOnce.Do(func() { _ = w.Close() }) }
	defer release()
	guard.OnGiveUp(release)
	win := wsui.New(a, w).Win
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
	path, err := workspace.DefaultPath()
	if err != nil {
		kit.Inform(o.window(), "打开指导员工作台", err.Error())
		return
	}
	if _, err := os.Stat(path); err != nil {
		// A secretary who clicked by chance is told what this is before a
		// file is made.
		kit.Confirm(o.window(), "打开指导员工作台", kit.L("指导员工作台供党建指导员汇总多个支部的数据包，与本支部的数据文件分开保存。将新建工作台文件：")+"\n"+path,
			"新建并打开", func() { o.show(path) })
		return
	}
	o.show(path)
}

func (o *workspaceOpener) show(path string) {
	w, err := workspace.Open(path)
	if err != nil {
		kit.Inform(o.window(), "打开指导员工作台", fmt.Sprint(err))
		return
	}
	win := wsui.New(o.a, w).Win
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
