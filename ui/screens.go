package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"branchledger/ui/help"
	"branchledger/ui/recruit"
	"branchledger/ui/transfer"
)

// Screen is one section of the left navigation, as in fyne_demo's tutorial
// index: adding 活动, 党费, 发展党员 or 报表 is one entry here and one file.
type Screen struct {
	Title string // Chinese, translated with lang.L when shown
	Icon  fyne.Resource
	View  func(w fyne.Window) fyne.CanvasObject
	// Unsaved, when set, reports edits not yet saved on the screen, and
	// Discard throws them away: leaving the screen or closing the window
	// asks first.
	Unsaved func() bool
	Discard func()
}

// Titles of the screens other screens link to.
const (
	screenHome       = "首页"
	screenRoster     = "党员"
	screenSettings   = "设置"
	screenActivities = "活动"
)

func (s *shell) registry() []Screen {
	screens := []Screen{
		{Title: screenHome, Icon: theme.HomeIcon(), View: func(w fyne.Window) fyne.CanvasObject {
			s.home = newHomeScreen(s)
			return s.home.content
		}},
		{Title: screenRoster, Icon: theme.AccountIcon(), View: func(w fyne.Window) fyne.CanvasObject {
			s.roster = newRosterScreen(s)
			return s.roster.content
		}},
		{Title: screenSettings, Icon: theme.SettingsIcon(), View: func(w fyne.Window) fyne.CanvasObject {
			s.settings = newSettingsScreen(s)
			return s.settings.content
		},
			Unsaved: func() bool { return s.settings != nil && s.settings.unsaved() },
			Discard: func() { s.settings.discard() },
		},
	}
	if s.svc.Activities != nil {
		activities := Screen{Title: screenActivities, Icon: theme.ListIcon(), View: func(w fyne.Window) fyne.CanvasObject {
			s.activities = newActivitiesScreen(s)
			return s.activities.content
		},
			// A plan topic typed and not added (加入计划).
			Unsaved: func() bool { return s.activities != nil && strings.TrimSpace(s.activities.planTopic.Text) != "" },
			Discard: func() { s.activities.planTopic.SetText("") },
		}
		screens = slices.Insert(screens, 2, activities)
	}
	if s.svc.Dues != nil {
		dues := Screen{Title: screenDues, Icon: theme.StorageIcon(), View: func(w fyne.Window) fyne.CanvasObject {
			s.dues = newDuesScreen(s)
			return s.dues.content
		},
			Unsaved: func() bool { return s.dues != nil && s.dues.unsaved() },
			Discard: func() { s.dues.discard() },
		}
		screens = slices.Insert(screens, len(screens)-1, dues)
	}
	if s.svc.Recruiting != nil {
		screens = slices.Insert(screens, len(screens)-1, Screen{Title: recruit.Title, Icon: theme.DocumentCreateIcon(), View: func(w fyne.Window) fyne.CanvasObject {
			s.recruit = recruit.NewScreen(s, s.svc.Recruiting)
			return s.recruit.Content()
		}})
	}
	if s.svc.Transfers != nil {
		screens = slices.Insert(screens, len(screens)-1, Screen{Title: transfer.Title, Icon: theme.MailSendIcon(), View: func(w fyne.Window) fyne.CanvasObject {
			s.transfer = transfer.NewScreen(s, s.svc.Transfers)
			return s.transfer.Content()
		}})
	}
	// 帮助 comes last, after 设置: added here, after the sections that go
	// before 设置.
	screens = append(screens, Screen{Title: help.Title, Icon: theme.HelpIcon(), View: func(w fyne.Window) fyne.CanvasObject {
		s.help = help.NewView(help.About{Version: s.svc.Version, DataFile: s.dbPath, SQLite: s.svc.SQLiteVersion, Software: s.svc.SoftwareRendering})
		return s.help.Content
	}})
	return screens
}

// showHelp opens the help page of a screen (its Chinese title) or 关于.
func (s *shell) showHelp(topic string) {
	s.show(help.Title)
	s.help.Show(topic)
}
