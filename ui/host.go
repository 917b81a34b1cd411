package ui

import (
	"errors"

	"fyne.io/fyne/v2"

	"branchledger/model"
	"branchledger/ui/filedialog"
	"branchledger/ui/kit"
)

// The shell is the Host of every section of the window (ui/recruit,
// ui/transfer, ui/backup …): these methods are what a section may ask of it.
var _ kit.Host = (*shell)(nil)

// Window is the main window.
func (s *shell) Window() fyne.Window { return s.win }

// ShowError tells the user that doing failed and why.
func (s *shell) ShowError(doing string, err error) { s.showError(doing, err) }

// Background runs work off the UI goroutine, then then on it, and lays out
// at once what then changed (settle.go): a screen whose content arrives
// after its first frame paints once more, not twice.
func (s *shell) Background(work func(), then func()) {
	s.background(func() {
		work()
		fyne.Do(func() { s.settle(then) })
	})
}

// Confirm asks before an action that cannot be undone.
func (s *shell) Confirm(title, message string, onYes func()) { s.confirm(title, message, onYes) }

// Progress shows a busy indicator until the returned function is called.
func (s *shell) Progress(title, detail string) func() { return s.progress(title, detail).Hide }

// DataChanged reloads every screen after a write.
func (s *shell) DataChanged() { s.dataChanged() }

// OnDataChanged registers a refresh run after every write.
func (s *shell) OnDataChanged(f func()) { s.onDataChanged(f) }

// Today is the date rules are checked on.
func (s *shell) Today() model.Date { return s.svc.today() }

// Members is the roster as last read.
func (s *shell) Members() []model.Member { return s.members }

// OpenMember shows a member's page.
func (s *shell) OpenMember(id int64) { s.openMember(id) }

// SaveWorkbook asks where to save a workbook and writes it there.
func (s *shell) SaveWorkbook(doing, defaultName string, write func(path string) (string, error)) {
	s.saveWorkbook(doing, defaultName, write)
}

// ChooseFile asks for a file to read.
func (s *shell) ChooseFile(doing string, exts []string, then func(path string)) {
	s.chooseFile(doing, filedialog.ByExtension(exts...), then)
}

// OpenWorkspace opens the instructor's workspace in a window of its own
// (设置 → 指导员), when main gave the window the means to.
func (s *shell) OpenWorkspace() {
	if s.svc.OpenWorkspace == nil {
		s.showError("打开指导员工作台", errNoWorkspace)
		return
	}
	s.svc.OpenWorkspace()
}

// errNoWorkspace: a window built without the means to open a workspace
// (tests of other screens).
var errNoWorkspace = errors.New("这个窗口不能打开指导员工作台")

// SaveFile asks where to save a new file (not a workbook: a data file).
func (s *shell) SaveFile(title, name string, exts []string, then func(path string)) {
	s.files.Save(title, name, filedialog.ByExtension(exts...), then)
}
