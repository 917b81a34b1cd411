// Package workspace is the instructor's workspace window (指导员工作台): the
// branches side by side, importing data packages from a USB drive, the
// organisation list (单位名录) and its coverage figures, the upward report,
// and the instructor's key and settings. It opens on its own file (see
// storage/workspace), in a window of its own, from `branchledger
// --workspace PATH` or from a branch window's 设置 → 指导员.
package workspace

import (
	"errors"
	"log"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/storage/datapkg"
	ws "branchledger/storage/workspace"
	"branchledger/storage/xlsx"
	"branchledger/ui/filedialog"
	"branchledger/ui/kit"
)

// Service is the workspace (*storage/workspace.Workspace).
type Service interface {
	Path() string
	Today() model.Date
	Settings() (ws.Settings, error)
	SaveSettings(s ws.Settings) error

	HasKey() (bool, error)
	CreateKey(passphrase string) (datapkg.PublicKey, error)
	Unlock(passphrase string) error
	Unlocked() bool
	PublicKey() (datapkg.PublicKey, error)
	ExportPublicKey(path string) (datapkg.PublicKey, error)
	SavePrivateKey(path string) error

	Branches() ([]ws.Branch, error)
	Branch(id int64) (ws.Branch, error)
	Findings(branchID int64) ([]model.Finding, error)
	Members(branchID int64) ([]model.Member, error)
	Activities(branchID int64) ([]ws.ActivityLine, error)
	Dues(branchID int64) ([]ws.DuesLine, error)
	// SharedMembers are the people on the rolls of several branches.
	SharedMembers() ([]model.SharedMember, error)
	RemoveBranch(id int64) error
	Import(path string, o ws.ImportOptions) ws.Result
	// ImportAll imports files in order, progress after each.
	ImportAll(files []string, o ws.ImportOptions, progress func(done, total int, r ws.Result)) []ws.Result

	Orgs() ([]model.Organisation, error)
	SaveOrg(o model.Organisation) (model.Organisation, error)
	DeleteOrg(id int64) error
	LinkOrgs(branchID int64, orgIDs []int64) error
	Coverage() (ws.CoverageReport, error)
	PreviewOrgFile(path string) (ws.OrgImport, error)
	CommitOrgImport(p ws.OrgImport) (added, updated, linked int, err error)

	WriteReport(path string) (*xlsx.UpwardReport, error)
}

// Window is the workspace's window with its tabs.
type Window struct {
	Win   fyne.Window
	svc   Service
	files *filedialog.Dialogs
	// background runs slow work off the UI goroutine; tests run it in line.
	background func(work func(), then func())
	// confirmFunc, when set, answers the window's questions (tests).
	confirmFunc func(title, message string, onYes func())

	tabs *container.AppTabs
	// stale marks the tabs to load again when next shown.
	stale    []bool
	branches *branchesTab
	imports  *importsTab
	orgs     *orgsTab
	coverage *coverageTab
	settings *settingsTab
	// busy: a passphrase is being stretched; a second click waits.
	busy bool
	// secrets is the passphrase dialog last shown, for tests.
	secrets *secrets
	// linking is the 设置覆盖单位 dialog's list last shown, for tests.
	linking *widget.CheckGroup
	// linkingNote is that dialog's line about too many units, for tests.
	linkingNote *kit.WrapLabel
}

// Size fits a 1366×768 laptop, as the branch window does.
var Size = fyne.NewSize(1240, 680)

// New builds the workspace window over svc.
func New(a fyne.App, svc Service) *Window {
	win := a.NewWindow(kit.L("指导员工作台") + " — " + filepath.Base(svc.Path()))
	w := &Window{Win: win, svc: svc, files: filedialog.New(win, a.Preferences())}
	// Replacing a file is asked by the file dialogs (filedialog.Replace: a
	// workbook the export would refuse is said at once).
	w.files.Ask = func(title, question, yes string, onYes func()) {
		if w.confirmFunc != nil {
			w.confirmFunc(title, question, onYes)
			return
		}
		kit.Confirm(w.Win, title, question, yes, onYes)
	}
	w.background = func(work func(), then func()) {
		go func() {
			work()
			fyne.Do(then)
		}()
	}
	w.branches = newBranchesTab(w)
	w.imports = newImportsTab(w)
	w.orgs = newOrgsTab(w)
	w.coverage = newCoverageTab(w)
	w.settings = newSettingsTab(w)
	w.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(kit.L("支部一览"), theme.ListIcon(), w.branches.content),
		container.NewTabItemWithIcon(kit.L("导入数据包"), theme.DownloadIcon(), w.imports.content),
		container.NewTabItemWithIcon(kit.L("单位名录"), theme.StorageIcon(), w.orgs.content),
		container.NewTabItemWithIcon(kit.L("覆盖率"), theme.InfoIcon(), w.coverage.content),
		container.NewTabItemWithIcon(kit.L("密钥与设置"), theme.SettingsIcon(), w.settings.content),
	)
	w.stale = make([]bool, len(w.tabs.Items))
	w.tabs.OnSelected = func(*container.TabItem) { w.loadShown() }
	win.SetContent(w.tabs)
	win.Resize(Size)
	w.refresh()
	return w
}

// RunInLine makes background work run at once on the calling goroutine:
// for tests.
func (w *Window) RunInLine() {
	w.background = func(work func(), then func()) { work(); then() }
	w.files.RunInLine()
}

// Tabs are the window's tabs, for tests and screenshots.
func (w *Window) Tabs() *container.AppTabs { return w.tabs }

// refresh reloads the tab shown and marks the others to be reloaded when
// they are shown: opening the window reads only the branches.
func (w *Window) refresh() {
	for i := range w.stale {
		w.stale[i] = true
	}
	w.loadShown()
}

// loadShown loads the tab shown if it is out of date.
func (w *Window) loadShown() {
	i := w.tabs.SelectedIndex()
	if i < 0 || !w.stale[i] {
		return
	}
	w.stale[i] = false
	[]func(){w.branches.load, func() {}, w.orgs.load, w.coverage.load, w.settings.load}[i]()
}

// showError says that doing failed and why.
func (w *Window) showError(doing string, err error) {
	log.Printf("%s: %v", doing, err)
	kit.Inform(w.Win, "操作未完成", kit.L(doing)+kit.L("时出错：")+err.Error())
}

// progress shows a busy indicator until the returned function is called.
func (w *Window) progress(title, detail string) func() {
	return kit.ShowProgress(w.Win, title, detail).Hide
}

// confirm asks before an action.
func (w *Window) confirm(title, message string, onYes func()) {
	if w.confirmFunc != nil {
		w.confirmFunc(title, message, onYes)
		return
	}
	kit.Confirm(w.Win, title, message, "确认", onYes)
}

// secrets is the dialog that asks, once for a batch of packages, for what
// opening them needs: the private key's passphrase (once per session) and
// the passphrase the branches set on their packages.
type secrets struct {
	form          *kit.Form
	key, packages *kit.Entry     // nil when not asked
	files         *widget.Label  // the packages with a passphrase, nil when none
	intro         *kit.WrapLabel // what the passphrase is for, nil when none
	busy          *busy
	dlg           *kit.FormDialog
}

// askSecrets runs then with the packages' passphrase ("" when none is
// needed) once the private key is open. needKey: some package is
// encrypted to the instructor; locked: the files that have a passphrase,
// named in the question (each branch sets its own: the instructor must
// know whose it is, review s4-11 newuser #6). The key's passphrase is checked here (scrypt takes seconds:
// a busy bar shows meanwhile); a wrong package passphrase is found by the
// import, which refuses those packages only.
func (w *Window) askSecrets(needKey bool, locked []string, then func(passphrase string)) {
	if needKey {
		has, err := w.svc.HasKey()
		if err != nil {
			w.showError("解开指导员私钥", err)
			return
		}
		needKey = has && !w.svc.Unlocked()
	}
	if !needKey && len(locked) == 0 {
		then("")
		return
	}
	s := &secrets{form: kit.NewForm("确定")}
	w.secrets = s
	var lines []fyne.CanvasObject
	var fields []*kit.Field
	required := func(v string) string {
		if v == "" {
			return kit.L("请输入密码")
		}
		return ""
	}
	if needKey {
		intro := kit.NewWrapLabel(kit.L("数据包是加密给您的。请输入指导员私钥的密码（本次打开工作台只问一次）。"))
		lines = append(lines, intro)
		s.key = kit.NewPasswordEntry()
		fields = append(fields, s.form.Add("指导员私钥密码", s.key).Validate(required))
	}
	if len(locked) > 0 {
		// The passphrase may be left empty: an instructor without one
		// branch's passphrase still imports the rest (review s5-11
		// newuser #9).
		// No space after the number: Fyne wraps at spaces and put the
		// number alone on the first line (review s6-11 newuser #3).
		intro := kit.NewWrapLabel(kit.N("{{.N}}个数据包设有密码（支部导出时设置，另行告诉您的）。密码不对的数据包不导入，其他照常导入；不知道密码可留空，这些数据包先不导入。", len(locked), map[string]any{"N": len(locked)}))
		s.intro = intro
		names := locked
		if len(names) > 4 {
			names = append(slices.Clone(names[:3]), kit.L("等 {{.N}} 个", map[string]any{"N": len(locked)}))
		}
		// One file a line, cut with an ellipsis: a wrapped label would ask
		// for its height at the narrowest width.
		s.files = widget.NewLabel(strings.Join(names, "\n"))
		s.files.Truncation = fyne.TextTruncateEllipsis
		s.files.TextStyle = fyne.TextStyle{Bold: true}
		lines = append(lines, intro, s.files)
		s.packages = kit.NewPasswordEntry()
		fields = append(fields, s.form.Add("数据包密码", s.packages))
	}
	s.busy = busyLine("正在核对密码，需要几秒钟…")
	s.form.OnSubmit = func() {
		pass := ""
		if s.packages != nil {
			pass = s.packages.Text
		}
		if s.key == nil {
			s.dlg.Hide()
			then(pass)
			return
		}
		if w.busy {
			return
		}
		w.busy = true
		s.busy.Show()
		s.form.Save.Disable()
		key := s.key.Text
		var err error
		w.background(func() { err = w.svc.Unlock(key) }, func() {
			w.busy = false
			s.busy.Hide()
			if err != nil {
				s.form.SetServerError(fields[0], kit.L("密码不对，无法解开指导员私钥"))
				if !errors.Is(err, ws.ErrWrongPassphrase) {
					s.form.SetError(err.Error())
				}
				return
			}
			s.dlg.Hide()
			then(pass)
		})
	}
	body := container.NewVBox(append(append([]fyne.CanvasObject{s.busy.Container}, lines...), s.form.Stacked(fields...))...)
	s.busy.in = body
	s.dlg = kit.ShowForm(w.Win, "输入密码", s.form, body, fyne.NewSize(560, 420+float32(min(len(locked), 4))*20))
}

// saveWorkbook asks where to save a workbook and writes it.
func (w *Window) saveWorkbook(doing, name string, write func(path string) (string, error)) {
	w.files.Save(kit.L(doing), name, filedialog.Workbooks(), func(path string) { w.writeWorkbook(doing, path, write) })
}

// writeWorkbook writes a workbook off the UI goroutine and says where it is.
func (w *Window) writeWorkbook(doing, path string, write func(path string) (string, error)) {
	done := w.progress("正在导出…", filepath.Base(path))
	var summary string
	var err error
	w.background(func() { summary, err = write(path) }, func() {
		done()
		if err != nil {
			w.showError(doing, err)
			return
		}
		where := kit.NewWrapLabel(path)
		open := kit.NewButtonWithIcon(kit.L("打开所在文件夹"), theme.FolderOpenIcon(), func() {
			kit.RevealLocal(w.Win, path)
		})
		d := kit.NewCustom(kit.L(doing), kit.L("关闭"), container.NewVBox(widget.NewLabel(summary), where, open), w.Win)
		d.Show()
	})
}
