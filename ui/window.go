package ui

import (
	"image/color"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/storage/reason"
	"branchledger/ui/datafile"
	"branchledger/ui/filedialog"
	"branchledger/ui/help"
	"branchledger/ui/kit"
	"branchledger/ui/recruit"
	"branchledger/ui/transfer"
)

// windowSize fits a 1366×768 laptop once the title bar and the Windows
// taskbar have taken their share of the height.
var windowSize = fyne.NewSize(1240, 680)

// shell is the main window: the navigation on the left, the current screen on
// the right, and what the screens share — services, preferences and the
// news that data changed.
type shell struct {
	app   fyne.App
	win   fyne.Window
	svc   Services
	prefs Prefs
	// files opens and saves files: the system's dialogs on Windows.
	files  *filedialog.Dialogs
	rules  model.Rules
	dbPath string

	// background runs slow service calls (reading or writing a workbook)
	// off the UI goroutine; tests replace it to run them in line.
	background func(func())
	// confirm asks before an action that cannot be taken back; tests
	// replace it to answer yes.
	confirm func(title, message string, onYes func())
	// confirmDiscard asks before throwing unsaved edits away (继续编辑 / 放弃修改).
	confirmDiscard func(title, message string, onYes func())
	// confirmAs is confirm with its own yes button (Chinese), for a
	// question whose answer 确认 would not say.
	confirmAs func(title, message, yes string, onYes func())

	screens []Screen
	// views holds each screen's view once it has been shown; nil until
	// then. Building every screen before the window appears cost a branch
	// of 20,000 members over a second.
	views   []fyne.CanvasObject
	nav     *widget.List
	current int // the screen shown, -1 before the first
	content *fyne.Container
	// root is the window's content: the navigation and content; layOut
	// lays out what changed in the window at once (settle.go); tests
	// replace it.
	root      *steadyRoot
	layOut    func()
	listeners []func()

	// members is the whole roster as the store returns it, read once per
	// data change for every screen that lists or counts members. It is
	// shared: a screen that reorders it works on a copy.
	members []model.Member
	// checks are the slow results several screens show, nil until the
	// first computation ends; version counts data changes and
	// checkedVersion is the one checks were worked out for.
	checks                  *checks
	version, checkedVersion int
	checkListeners          []func()

	home     *homeScreen
	roster   *rosterScreen
	settings *settingsScreen
	// activities is nil when the window has no activity service.
	activities *activitiesScreen
	// recruit is the 发展党员 section once shown; nil before.
	recruit *recruit.Screen
	// transfer is the 组织关系 section once shown; nil before.
	transfer *transfer.Screen
	// dues is nil when the window has no dues service.
	dues *duesScreen

	// banner says when the data file cannot be written (read-only,
	// damaged); hidden otherwise.
	banner *datafile.Banner

	help *help.View // nil until 帮助 is first shown
	// savedDialog is the last 导出完成 dialog, for tests; revealer, when
	// set, replaces opening a file's folder in the file manager.
	savedDialog dialog.Dialog
	revealer    func(path string) error

	// successor is the shell that took over the window when it switched
	// to another data file (SwitchFile); nil until then.
	successor *shell
}

// NewMainWindow builds the main window over the services; dbPath is shown in
// the settings. Call SetupApp first. The window holds the roster when it
// is returned; the slower checks (arrears, compliance, participation) fill
// in once the app runs.
func NewMainWindow(a fyne.App, svc Services, dbPath string) fyne.Window {
	s := newShell(a, svc, dbPath)
	// The checks start once the window is on screen: started earlier, they
	// would compete with its set-up for a small laptop's two cores.
	a.Lifecycle().SetOnStarted(func() {
		s.recheck()
		// The full integrity check too; writes wait for it.
		datafile.StartCheck(s, s.banner, s.svc.File)
		datafile.WatchDailyBackup(s.banner, s.svc.DailyBackup)
	})
	return s.win
}

func newShell(a fyne.App, svc Services, dbPath string) *shell {
	win := a.NewWindow(lang.L("支部台账"))
	s := buildShell(a, win, svc, dbPath)
	s.win.Resize(windowSize)
	s.win.SetMaster()
	return s
}

// buildShell fills win with the navigation and the screens over svc: for a
// new window, and again in the same window when it switches data files.
func buildShell(a fyne.App, win fyne.Window, svc Services, dbPath string) *shell {
	s := &shell{
		app:        a,
		win:        win,
		svc:        svc,
		prefs:      NewPrefs(a.Preferences()),
		rules:      model.CurrentRules(),
		dbPath:     dbPath,
		background: func(f func()) { go f() },
	}
	s.files = filedialog.New(s.win, a.Preferences())
	// Replacing a file is asked by the file dialogs (filedialog.Replace),
	// through the window's confirm, which tests answer.
	s.files.Ask = func(title, question, yes string, onYes func()) { s.confirmAs(title, question, yes, onYes) }
	s.confirm = func(title, message string, onYes func()) {
		kit.Confirm(s.win, title, message, "确认", onYes)
	}
	s.confirmDiscard = func(title, message string, onYes func()) {
		kit.ConfirmDiscard(s.win, title, message, onYes)
	}
	s.confirmAs = func(title, message, yes string, onYes func()) {
		kit.Confirm(s.win, title, message, yes, onYes)
	}
	s.screens = s.registry()
	s.views = make([]fyne.CanvasObject, len(s.screens))
	s.loadMembers()
	s.content = container.NewStack()
	s.nav = widget.NewList(
		func() int { return len(s.screens) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(nil), widget.NewLabel("党员花名册"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(s.screens[id].Icon)
			row.Objects[1].(*widget.Label).SetText(lang.L(s.screens[id].Title))
		})
	s.current = -1
	s.nav.OnSelected = s.navigate

	// The list is as narrow as its longest title; a fixed strut gives the
	// navigation a steady width that reads as a sidebar.
	strut := canvas.NewRectangle(color.Transparent)
	strut.SetMinSize(fyne.NewSize(150, 0))
	left := container.NewStack(strut, s.nav)
	s.banner = datafile.NewBanner(svc.File)
	s.root = newSteadyRoot(container.NewBorder(s.banner.Content, nil, container.NewHBox(left, widget.NewSeparator()), nil, s.content))
	s.layOut = func() { layOutNow(s.win.Canvas()) }
	s.win.SetContent(s.root)
	s.nav.Select(0)
	s.win.SetCloseIntercept(s.closeIntercept)
	s.refreshTitle()
	s.onDataChanged(s.refreshTitle)
	return s
}

// view is the i-th screen's view, built the first time it is shown: a
// screen nobody opens costs nothing, and the start screen alone stands
// between the start and a visible window.
func (s *shell) view(i int) fyne.CanvasObject {
	if s.views[i] == nil {
		s.views[i] = s.screens[i].View(s.win)
	}
	return s.views[i]
}

// show switches to the screen with the given title, building it if it is
// the first time.
func (s *shell) show(title string) {
	for i, sc := range s.screens {
		if sc.Title == title {
			s.nav.Select(i)
			return
		}
	}
}

// openMember shows a member's page on the roster screen.
func (s *shell) openMember(id int64) {
	s.show(screenRoster)
	s.roster.showMember(id)
}

// openRecruit shows a person's page in the 发展党员 section.
func (s *shell) openRecruit(id int64) {
	s.show(recruit.Title)
	if s.recruit != nil {
		s.recruit.Show(id)
	}
}

// openTransfers shows the 组织关系 section at what a finding of its area is
// about: the member's open letter or stay away, the members from elsewhere
// for a finding about them, else the member's page.
func (s *shell) openTransfers(f model.Finding) {
	s.show(transfer.Title)
	if s.transfer == nil {
		return
	}
	switch {
	case f.MemberID == 0:
		s.transfer.ShowInflow()
	case !s.transfer.ShowMember(f.MemberID):
		s.openMember(f.MemberID)
	}
}

// onDataChanged registers a screen's refresh, run after every write.
func (s *shell) onDataChanged(f func()) { s.listeners = append(s.listeners, f) }

// dataChanged rereads the roster, tells every screen built so far to reload
// what it shows, and starts the checks again.
func (s *shell) dataChanged() {
	s.loadMembers()
	for _, f := range s.listeners {
		f()
	}
	s.recheck()
}

func (s *shell) refreshTitle() {
	title := lang.L("支部台账")
	if s.svc.SoftwareRendering {
		title += lang.L("（兼容模式）")
	}
	if p, err := s.svc.Branch.Profile(); err == nil && p.BranchName != "" {
		title += " — " + p.BranchName
	}
	s.win.SetTitle(title)
}

// progress shows a busy indicator while a service works in the background;
// hide it when done.
func (s *shell) progress(title, detail string) dialog.Dialog {
	return kit.ShowProgress(s.win, title, detail)
}

// showError tells the user that doing (a Chinese phrase such as "保存党员信息")
// failed and why, and logs the detail.
func (s *shell) showError(doing string, err error) {
	// The sentence is for the user; SQLite's or the system's words, which
	// it leaves out, for whoever reads the log.
	log.Printf("%s: %s", doing, reason.Detail(err))
	kit.Inform(s.win, "操作未完成", lang.L(doing)+lang.L("时出错：")+err.Error())
}

// navigate shows screen id; leaving a screen with unsaved edits asks first
// and, on no, stays where it was.
func (s *shell) navigate(id widget.ListItemID) {
	if id == s.current {
		return
	}
	if s.current >= 0 {
		if sc := s.screens[s.current]; sc.Unsaved != nil && sc.Unsaved() {
			from := s.current
			s.nav.Select(from) // the list shows where we still are
			s.confirmDiscard(lang.L("放弃修改？"), lang.L("“{{.Screen}}”中填写的内容尚未保存，离开后将丢失。", map[string]any{"Screen": lang.L(sc.Title)}), func() {
				sc.Discard()
				s.nav.Select(id)
			})
			return
		}
	}
	from := s.current
	s.current = id
	show := func() {
		s.content.Objects = []fyne.CanvasObject{s.view(id)}
		s.content.Refresh()
		s.regrid(s.screens[id].Title)
		// 帮助 opens on the page of the screen the user came from.
		if s.screens[id].Title == help.Title && from >= 0 && s.help != nil {
			s.help.Show(s.screens[from].Title)
		}
	}
	if from < 0 { // the first screen, before the window is shown
		show()
		return
	}
	// Laid out at once, not at the next frame: the switch paints one
	// frame, not two (settle.go).
	s.settle(show)
}

// regrid brings the month grids of the screen shown to this month and
// their top row. Fyne 2.7.1 can keep a table's own offset apart from its
// scroller's (the scroller goes back to 0 without telling the table when
// the content fits for a moment), and a table scrolled before came back
// with its first rows a blank band that took no clicks (review s8-8 #3);
// scrolling sets both again.
func (s *shell) regrid(title string) {
	switch {
	case title == screenDues && s.dues != nil && s.dues.collect != nil && s.dues.collect.scrollToNow != nil:
		s.dues.collect.scrollToNow()
	case title == screenActivities && s.activities != nil && s.activities.scrollCalendar != nil:
		s.activities.scrollCalendar()
	}
}

// settle makes a change to the window and lays out what it changed at once
// rather than at the next frame (settle.go), with the window's minimum size
// left for the frame to see. Not under a dialog: its size is the frame's
// to fit.
func (s *shell) settle(change func()) {
	if s.win.Canvas().Overlays().Top() != nil {
		change()
		return
	}
	s.root.hold()
	defer s.root.release()
	change()
	if s.win.Canvas().Overlays().Top() == nil {
		s.layOut()
	}
}

// unsaved is the title of a screen with edits not yet saved, or "".
func (s *shell) unsaved() string {
	for _, sc := range s.screens {
		if sc.Unsaved != nil && sc.Unsaved() {
			return sc.Title
		}
	}
	return ""
}

// closeIntercept asks before closing the window over unsaved edits.
func (s *shell) closeIntercept() {
	title := s.unsaved()
	if title == "" {
		s.win.Close()
		return
	}
	s.confirmDiscard(lang.L("放弃修改？"), lang.L("“{{.Screen}}”中填写的内容尚未保存，关闭后将丢失。", map[string]any{"Screen": lang.L(title)}), s.win.Close)
}

// longDate shows a date in sentences: 2026年1月11日 in Chinese, 2026-01-11
// in English.
func (s *shell) longDate(d model.Date) string {
	if s.prefs.Language() == English {
		return d.String()
	}
	return d.Chinese()
}
