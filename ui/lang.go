package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"branchledger/assets"
)

// SetupApp applies the theme with its Chinese font, the icon and the UI
// language chosen in the preferences. Call it once, before any window is made.
func SetupApp(a fyne.App) {
	a.Settings().SetTheme(NewTheme())
	a.SetIcon(assets.Icon)
	if err := useLanguage(NewPrefs(a.Preferences()).Language()); err != nil {
		fyne.LogError("loading translations", err)
	}
}

// fyneLocales are the languages Fyne v2.7.1 ships its own strings for
// (lang/translations/base.*.json in the fyne module), plus plain "zh".
var fyneLocales = []fyne.Locale{"en", "cs", "de", "el", "es", "fr", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh", "zh-Hans"}

// useLanguage makes l the UI language whatever the system's locale.
//
// Fyne's lang package has no setter for the language: after every
// AddTranslations* call it matches the system locale (on Windows the user's
// default locale, on Linux $LANG) against the languages it holds translations
// for. So instead of adding en.json as English and zh.json as Chinese, we add
// the chosen file under every language the matcher could pick: Fyne's own,
// and the system's. Whatever it picks then holds our strings. The files also
// carry Fyne's own strings (取消, 打开 in file dialogs), so the dialogs follow
// the chosen language too. Message IDs are the Chinese texts themselves
// (lang.L("新增党员")), so a string missing from a file still shows in Chinese.
func useLanguage(l Language) error {
	data, err := assets.Messages(string(l))
	if err != nil {
		return fmt.Errorf("translations for %q: %w", l, err)
	}
	sys := lang.SystemLocale()
	locales := append(fyneLocales[:len(fyneLocales):len(fyneLocales)], sys, fyne.Locale(sys.LanguageString()))
	for _, loc := range locales {
		if err := lang.AddTranslationsForLocale(data, loc); err != nil {
			return fmt.Errorf("translations for %q as %s: %w", l, loc, err)
		}
	}
	return nil
}
