package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Screen is one section of the left navigation, as in fyne_demo's tutorial
// index: adding 活动, 党费, 发展党员 or 报表 is one entry here and one file.
type Screen struct {
	Title string // Chinese, translated with lang.L when shown
	Icon  fyne.Resource
	View  func(w fyne.Window) fyne.CanvasObject
}

// Titles of the screens other screens link to.
const (
	screenHome     = "首页"
	screenRoster   = "党员"
	screenSettings = "设置"
)

func (s *shell) registry() []Screen {
	return []Screen{
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
		}},
	}
}
