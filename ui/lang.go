package ui

import (
	"encoding/json"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"branchledger/assets"
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
	m, err := assets.MessageMap(string(l))
	if err != nil {
		return fmt.Errorf("translations for %q: %w", l, err)
	}
	data, err := json.Marshal(withEveryPluralForm(m))
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

// pluralForms are CLDR's plural categories. go-i18n asks for the one the
// locale's rule picks for a count.
var pluralForms = []string{"zero", "one", "two", "few", "many", "other"}

// withEveryPluralForm gives every counted message (a plural object, or a
// text with {{.N}} that lang.N may be asked for) all six plural forms, the
// missing ones copied from "other". The chosen language's strings are loaded
// under every locale the matcher could pick (see useLanguage), whose plural
// rules ask for forms the file does not have — "one" from a Chinese text on
// an English system, "few" from an English text on a Russian one — and go-i18n
// then logs a translation failure instead of showing the text.
func withEveryPluralForm(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		switch v := v.(type) {
		case string:
			if !strings.Contains(k, "{{.N}}") {
				out[k] = v
				continue
			}
			forms := make(map[string]any, len(pluralForms))
			for _, f := range pluralForms {
				forms[f] = v
			}
			out[k] = forms
		case map[string]any:
			// go-i18n picks the form by the plural rule of the locale
			// the matcher chose, which is the system's (see useLanguage),
			// not the chosen language's: on a Chinese Windows every count
			// is "other", and English would say "1 findings". So the
			// text chooses by its own count, whichever form is asked for.
			text, _ := v["other"].(string)
			if one, ok := v["one"].(string); ok && one != text {
				text = `{{if eq (printf "%v" .N) "1"}}` + one + `{{else}}` + text + `{{end}}`
			}
			forms := make(map[string]any, len(pluralForms))
			for _, f := range pluralForms {
				forms[f] = text
			}
			out[k] = forms
		default:
			out[k] = v
		}
	}
	return out
}
