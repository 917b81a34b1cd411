// Command branchledger is 支部台账, the branch ledger: with no subcommand it
// opens the desktop window; `branchledger help` lists the command-line tools.
package main

import (
	"log"
	"os"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	_ "branchledger/ui/posixlocale" // before Fyne's init: see the package comment

	"branchledger/storage"
	"branchledger/storage/activityfile"
	"branchledger/storage/backup"
	"branchledger/storage/datapkg"
	"branchledger/storage/duesfile"
	"branchledger/storage/findings"
	"branchledger/storage/recruitfile"
	"branchledger/storage/rosterfile"
	"branchledger/ui"
	"branchledger/ui/cli"
)

func main() {
	if len(os.Args) > 1 {
		useParentConsole()
	}
	os.Exit(cli.Run(os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, OpenWindow: openWindow, OpenWorkspace: openWorkspaceWindow}))
}

// openWindow runs the desktop app on the database at dbPath ("" = default).
func openWindow(dbPath string) int {
	a := app.NewWithID("cn.branchledger.app")
	ui.SetupApp(a)
	if dbPath == "" {
		p, err := storage.DefaultPath()
		if err != nil {
			file := &dataFile{}
			defer file.close()
			return ui.ShowStartupError(a, err, file.open)
		}
		dbPath = p
	}
	// Opening checks the whole file, a good part of a start-up on a large
	// branch; the UI's fonts load meanwhile on the other core.
	type opened struct {
		svc ui.Services
		err error
	}
	file := &dataFile{workspace: &workspaceOpener{a: a}}
	done := make(chan opened, 1)
	go func() {
		svc, err := file.open(dbPath)
		done <- opened{svc, err}
	}()
	ui.LoadFonts()
	o := <-done
	defer file.close()
	if o.err != nil {
		// A second instance, a damaged file: say so in a window, since a
		// Windows GUI program has no console to print to; the user may
		// make a new data file or open another from there.
		return ui.ShowStartupError(a, o.err, file.open)
	}
	win := ui.NewMainWindow(a, o.svc, file.path())
	file.workspace.parent = func() fyne.Window { return win }
	win.ShowAndRun()
	return 0
}

// dataFile is the data file the window works on. The window may close it and
// open another (恢复, 打开其他数据文件) through the Open and Close of the
// services it hands out; main closes whichever is open when the app ends.
type dataFile struct {
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
	if !store.ReadOnly() { // nothing changes in a read-only file, and nowhere to write
		go func() {
			if _, _, err := backup.Daily(store); err != nil {
				log.Printf("daily backup of %s: %v", store.Path(), err)
			}
		}()
	}
	return ui.Services{Roster: store, Branch: store, Files: rosterfile.New(store), Activities: activityfile.New(store),
		Dues: store, DuesFiles: duesfile.New(store), Findings: findings.New(store), Recruiting: recruitfile.New(store),
		Today: store.Today, Version: cli.Version, SQLiteVersion: storage.SQLiteVersion,
		Backups:    backup.NewService(store, cli.Version),
		Instructor: datapkg.Exporter{Store: store, AppVersion: cli.Version}, OpenWorkspace: f.workspace.opener(),
		Open: f.open, Close: f.close,
		File: store}, nil
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
