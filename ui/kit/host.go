// Package kit holds what every screen and section of the window shares: the
// Host a section gets from the window, the date entry that reads dates as
// people type them, form fields that are checked when the user leaves them,
// a form's save and cancel with Enter and Esc, dialogs that ask before
// throwing typed work away, and a scroll container the mouse wheel moves
// wherever the pointer is. It must not import package ui (the shell): the
// shell implements Host and sections depend only on this package.
package kit

import (
	"fyne.io/fyne/v2"

	"branchledger/model"
)

// Host is what a section of the window (ui/recruit, ui/transfer, ui/backup,
// ui/workspace …) needs from the window around it. The shell in package ui
// implements it; a section's tests use a fake. Texts given as "doing" or
// titles are Chinese and translated by the host.
type Host interface {
	// Window is the main window, for dialogs.
	Window() fyne.Window

	// ShowError tells the user that doing (a Chinese phrase such as
	// "保存发展对象") failed and why, as one sentence, and logs the detail.
	ShowError(doing string, err error)

	// Background runs work off the UI goroutine and then, back on it (via
	// fyne.Do), then. work must not touch widgets. Tests run both in line.
	Background(work func(), then func())

	// Confirm asks a yes/no question before an action that cannot be
	// undone; onYes runs only on yes. Enter answers yes, Esc no.
	Confirm(title, message string, onYes func())

	// Progress shows a busy indicator titled title (Chinese) with detail (a
	// file name, say) until the returned function is called.
	Progress(title, detail string) (done func())

	// DataChanged tells every screen that data was written: the roster is
	// read again, screens reload and the findings are worked out again.
	DataChanged()
	// OnDataChanged registers f to run on the UI goroutine after every
	// DataChanged.
	OnDataChanged(f func())

	// Today is the calendar date rules are checked on (the store's clock).
	Today() model.Date

	// Members is the whole roster as last read, including those who left;
	// shared, so callers must not change it in place.
	Members() []model.Member

	// OpenMember shows a member's page on the 党员 screen.
	OpenMember(id int64)

	// SaveWorkbook asks where to save an Excel workbook, suggesting
	// defaultName, writes it with write off the UI goroutine, and then says
	// where the file is and offers to open its folder. doing names the
	// action for errors ("导出发展党员名册"); write returns the sentence shown
	// above the path ("已导出 3 人，文件保存在："), "" for a plain one.
	SaveWorkbook(doing, defaultName string, write func(path string) (summary string, err error))

	// ChooseFile asks for a file to read with one of exts (".xlsx") and
	// hands its path to then; doing names the action for errors.
	ChooseFile(doing string, exts []string, then func(path string))
}
