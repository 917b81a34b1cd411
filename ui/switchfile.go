package ui

import (
	"errors"
	"fmt"
	"log"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/ui/datafile"
	"branchledger/ui/kit"
)

// errCannotSwitch is returned by SwitchFile for a window whose services
// cannot open another file (tests of other screens).
var errCannotSwitch = errors.New("这个窗口不能切换数据文件")

// SwitchFile closes the window's data file, runs prepare (if not nil) while
// nothing holds the file, and opens the window on the data file at path, as
// if the app had just started on it. Restoring a backup renames the restored
// file into place in prepare; opening another data file has none.
//
// If prepare fails, or path cannot be opened, the window opens again on the
// file it had and the error is shown. done, if not nil, is called on the UI
// goroutine at the end with what went wrong (nil when the window shows path).
// Call it on the UI goroutine; the slow part runs in the background behind a
// progress dialog, and the old screens are dropped.
func (s *shell) SwitchFile(path string, prepare func() error, done func(error)) {
	finish := func(err error) {
		if done != nil {
			done(err)
		}
	}
	if s.svc.Open == nil || s.svc.Close == nil {
		finish(errCannotSwitch)
		return
	}
	wait := s.progress("正在打开数据文件…", filepath.Base(path))
	old, oldPath := s.svc, s.dbPath
	// Results of checks still being worked out on the old file are
	// dropped: they would arrive in screens that are going away.
	s.version++
	s.background(func() {
		svc, opened, err := reopen(old, oldPath, path, prepare)
		fyne.Do(func() {
			wait.Hide()
			switch {
			case opened == "":
				s.showDeadEnd(err)
			default:
				ns := buildShell(s.app, s.win, svc, opened)
				ns.background, ns.confirm, ns.confirmDiscard = s.background, s.confirm, s.confirmDiscard
				s.successor = ns
				ns.recheck()
				datafile.StartCheck(ns, ns.banner, ns.svc.File)
				datafile.WatchDailyBackup(ns.banner, ns.svc.DailyBackup)
				if err != nil {
					ns.showError("打开数据文件", err)
				}
			}
			finish(err)
		})
	})
}

// reopen does SwitchFile's work off the UI goroutine: it returns the
// services of the file it opened and that file's path, or "" if it could
// open neither the new file nor the old one; err says what went wrong.
func reopen(old Services, oldPath, path string, prepare func() error) (Services, string, error) {
	if err := old.Close(); err != nil {
		// The file may still be held; opening it again is the best chance
		// of keeping the window usable.
		log.Printf("switch data file: close %s: %v", oldPath, err)
	}
	var err error
	if prepare != nil {
		err = prepare()
	}
	if err == nil {
		svc, oerr := old.Open(path)
		if oerr == nil {
			return svc, path, nil
		}
		err = oerr
	}
	svc, oerr := old.Open(oldPath)
	if oerr != nil {
		return Services{}, "", fmt.Errorf("%w；原来的数据文件也无法打开：%w", err, oerr)
	}
	return svc, oldPath, err
}

// showDeadEnd replaces the window's content with why no data file is open,
// as the start-up error window does; closing the window ends the app.
func (s *shell) showDeadEnd(err error) {
	log.Printf("switch data file: %v", err)
	msg := kit.NewWrapLabel(lang.L("无法打开数据文件。") + "\n" + err.Error())
	closeButton := widget.NewButton(lang.L("关闭"), s.win.Close)
	closeButton.Importance = widget.HighImportance
	icon := widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon()))
	s.win.SetContent(container.NewPadded(container.NewBorder(nil,
		container.NewBorder(nil, nil, nil, closeButton), icon, nil, msg)))
	s.win.SetTitle(lang.L("支部台账"))
}
