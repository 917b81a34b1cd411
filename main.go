// Command branchledger is 支部台账, the branch ledger: with no subcommand it
// opens the desktop window; `branchledger help` lists the command-line tools.
package main

import (
	"os"

	"fyne.io/fyne/v2/app"

	_ "branchledger/ui/posixlocale" // before Fyne's init: see the package comment

	"branchledger/storage"
	"branchledger/storage/activityfile"
	"branchledger/storage/duesfile"
	"branchledger/storage/findings"
	"branchledger/storage/rosterfile"
	"branchledger/ui"
	"branchledger/ui/cli"
)

func main() {
	if len(os.Args) > 1 {
		useParentConsole()
	}
	os.Exit(cli.Run(os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, OpenWindow: openWindow}))
}

// openWindow runs the desktop app on the database at dbPath ("" = default).
func openWindow(dbPath string) int {
	a := app.NewWithID("cn.branchledger.app")
	ui.SetupApp(a)
	if dbPath == "" {
		p, err := storage.DefaultPath()
		if err != nil {
			return ui.ShowStartupError(a, err)
		}
		dbPath = p
	}
	// Opening checks the whole file, a good part of a start-up on a large
	// branch; the UI's fonts load meanwhile on the other core.
	type opened struct {
		store *storage.Store
		err   error
	}
	done := make(chan opened, 1)
	go func() {
		st, err := storage.Open(dbPath)
		done <- opened{st, err}
	}()
	ui.LoadFonts()
	o := <-done
	store, err := o.store, o.err
	if err != nil {
		// A second instance, a damaged file: say so in a window, since a
		// Windows GUI program has no console to print to.
		return ui.ShowStartupError(a, err)
	}
	defer store.Close()
	svc := ui.Services{Roster: store, Branch: store, Files: rosterfile.New(store), Activities: activityfile.New(store),
		Dues: store, DuesFiles: duesfile.New(store), Findings: findings.New(store), Today: store.Today}
	ui.NewMainWindow(a, svc, store.Path()).ShowAndRun()
	return 0
}
