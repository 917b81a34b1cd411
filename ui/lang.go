package ui

import (
	"fyne.io/fyne/v2"

	"branchledger/assets"
	"branchledger/ui/internal/uilang"
)

// SetupApp applies the theme with its Chinese font, the icon and the UI
// language chosen in the preferences. Call it once, before any window is made.
// software is 兼容模式 (launch.Guard.Software): the theme then costs less to
// paint on the CPU (NewSoftwareTheme).
func SetupApp(a fyne.App, software bool) {
	if software {
		a.Settings().SetTheme(NewSoftwareTheme())
	} else {
		a.Settings().SetTheme(NewTheme())
	}
	a.SetIcon(assets.Icon)
	if err := useLanguage(NewPrefs(a.Preferences()).Language()); err != nil {
		fyne.LogError("loading translations", err)
	}
}

// useLanguage makes l the UI language whatever the system's locale (see
// uilang.Load, which the tests of every ui package load their texts with).
func useLanguage(l Language) error {
	return uilang.Load(string(l))
}
