// Command branchledger is 支部台账, the branch ledger: with no subcommand it
// opens the desktop window; `branchledger help` lists the command-line tools.
package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"

	_ "branchledger/ui/posixlocale" // before Fyne's init: see the package comment

	"branchledger/storage"
	"branchledger/storage/activityfile"
	"branchledger/storage/backup"
	"branchledger/storage/datapkg"
	"branchledger/storage/duesfile"
	"branchledger/storage/findings"
	"branchledger/storage/recruitfile"
	"branchledger/storage/rosterfile"
	"branchledger/storage/transferfile"
	"branchledger/ui"
	"branchledger/ui/cli"
	"branchledger/ui/launch"
	"branchledger/ui/portable"
)

func main() {
	if len(os.Args) > 1 {
		useParentConsole()
	}
	os.Exit(cli.Run(os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, OpenWindow: openWindow, OpenWorkspace: openWorkspaceWindow}))
}

// appID is the Fyne app ID, as in FyneApp.toml.
const appID = "cn.branchledger.app"

// openWindow runs the desktop app on the database at dbPath ("" = default).
// Every step that needs the graphics driver goes through a launch.Guard, so
// that a PC without OpenGL 2.1 gets the compatibility mode or a message box,
// never an invisible program holding the data file.
func openWindow(dbPath string) int {
	var pathErr error
	if dbPath == "" {
		dbPath, pathErr = storage.DefaultPath()
	} else {
		pathErr = storage.CheckFolder(dbPath)
	}
	logDir := ""
	if dbPath != "" && pathErr == nil {
		logDir = filepath.Dir(dbPath)
	}
	guard := launch.New(logDir, os.Args[1:])
	if err := guard.Prepare(); err != nil {
		return guard.Fail(err)
	}
	a := portable.NewApp(appID, storage.PortableDir())
	if guard.Software() {
		// Every frame is painted on the CPU: no animations (launch.Still).
		a = launch.Still(a)
	}
	ui.SetupApp(a, guard.Software())
	file := &dataFile{software: guard.Software(), workspace: &workspaceOpener{a: a}}
	defer file.close()
	if pathErr != nil {
		return showStartupError(guard, a, pathErr, "", file.open)
	}
	// Opening checks the whole file, a good part of a start-up on a large
	// branch; the UI's fonts load meanwhile on the other core.
	type opened struct {
		svc ui.Services
		err error
	}
	done := make(chan opened, 1)
	go func() {
		svc, err := file.open(dbPath)
		done <- opened{svc, err}
	}()
	ui.LoadFonts()
	o := <-done
	if o.err != nil {
		// A second instance, a damaged file: say so in a window, since a
		// Windows GUI program has no console to print to; the user may
		// make a new data file or open another from there.
		return showStartupError(guard, a, o.err, dbPath, file.open)
	}
	guard.OnGiveUp(func() { _ = file.close() })
	launch.QuitOnSignal(launch.QuitGrace, func() { _ = file.close() })
	win := ui.NewMainWindow(a, o.svc, file.path())
	file.workspace.parent = func() fyne.Window { return win }
	file.workspace.dataPath = file.openPath
	if !guard.Show(win) {
		return guard.Fail(errNoWindow)
	}
	a.Run()
	return 0
}

// errNoWindow is the failure of a window Fyne could not make; Fyne has
// logged why.
var errNoWindow = errors.New("图形界面无法创建窗口（WGL/GLX 创建 OpenGL 环境失败，详见程序输出）")

// showStartupError shows why the data file cannot be opened, through the
// guard, and returns the window's exit status when the app ends (2, or 0
// when the user opened another data file from it).
func showStartupError(guard *launch.Guard, a fyne.App, err error, path string, open ui.Opener) int {
	w, status := ui.NewStartupErrorWindow(a, err, path, open)
	if !guard.Show(w) {
		return guard.Fail(fmt.Errorf("%w；要显示的错误是：%v", errNoWindow, err))
	}
	a.Run()
	return status()
}

// dataFile is the data file the window works on. The window may close it and
// open another (恢复, 打开其他数据文件) through the Open and Close of the
// services it hands out; main closes whichever is open when the app ends.
type dataFile struct {
	software bool // the window renders in software (兼容模式)

	mu    sync.Mutex
	store *storage.Store
	// workspace opens the instructor's workspace from the window.
	workspace *workspaceOpener
}

// open opens the store at path and builds the window's services over it.
func (f *dataFile) open(path string) (ui.Services, error) {
	store, err := storage.Open(path)
	if err != nil {
		return ui.Services{}, err
	}
	f.mu.Lock()
	f.store = store
	f.mu.Unlock()
	// The day's automatic backup, if due, while the window comes up; the
	// store's calls take turns on its one connection.
	var daily chan error
	if !store.ReadOnly() { // nothing changes in a read-only file, and nowhere to write
		daily = make(chan error, 1)
		go func() {
			_, _, err := backup.Daily(store)
			if err != nil {
				log.Printf("daily backup of %s: %v", store.Path(), err)
			}
			daily <- err // the window's banner says a failure
		}()
	}
	// Changes to many records at once (the bulk base setting, renaming the
	// branch with its members) are written after an automatic backup.
	bulk := backup.BulkGuard{Store: store}
	return ui.Services{Roster: store, Branch: bulk, Files: rosterfile.New(store), Activities: activityfile.New(store),
		Dues: bulk, DuesFiles: duesfile.New(store), Findings: findings.New(store), Recruiting: recruitfile.New(store), Transfers: transferfile.New(store),
		Today: store.Today, Version: cli.Version, SQLiteVersion: storage.SQLiteVersion,
		Backups:    backup.NewService(store, cli.Version),
		Instructor: datapkg.Exporter{Store: store, AppVersion: cli.Version}, OpenWorkspace: f.workspace.opener(),
		Open: f.open, Close: f.close,
		File: store, DailyBackup: daily, CompatNote: f.compatNote(store.Path()), SoftwareRendering: f.software, PortableDir: storage.PortableDir()}, nil
}

// compatNote is the note keeping this computer in 兼容模式 beside the data
// file at path, when the window is in that mode; "" otherwise.
func (f *dataFile) compatNote(path string) string {
	if !f.software {
		return ""
	}
	return launch.Note(filepath.Dir(path))
}

// openPath is the open data file's path, "" when none is open.
func (f *dataFile) openPath() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.store == nil {
		return ""
	}
	return f.store.Path()
}

// close closes the open store, if any.
func (f *dataFile) close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.store == nil {
		return nil
	}
	err := f.store.Close()
	f.store = nil
	return err
}

// path is the open store's absolute path.
func (f *dataFile) path() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.store.Path()
}
