package ui

import (
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ShowStartupError tells the user, in a window, why the data file cannot be
// opened — a Windows GUI program has no console to print to — and returns
// the exit status once the window is closed: 2, as the command line reports a
// database it cannot open. Call SetupApp first.
func ShowStartupError(a fyne.App, err error) int {
	NewStartupErrorWindow(a, err).ShowAndRun()
	return 2
}

// NewStartupErrorWindow is ShowStartupError's window, for main to show
// through its start-up guard (ui/launch) and then run the app.
func NewStartupErrorWindow(a fyne.App, err error) fyne.Window {
	log.Printf("startup: %v", err)
	w := a.NewWindow(lang.L("支部台账"))
	msg := widget.NewLabel(lang.L("无法打开数据文件。") + "\n" + err.Error())
	msg.Wrapping = fyne.TextWrapWord
	closeButton := widget.NewButton(lang.L("关闭"), w.Close)
	closeButton.Importance = widget.HighImportance
	icon := widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon()))
	w.SetContent(container.NewPadded(container.NewBorder(nil,
		container.NewBorder(nil, nil, nil, closeButton), icon, nil, msg)))
	w.Resize(fyne.NewSize(560, 220))
	w.CenterOnScreen()
	return w
}
