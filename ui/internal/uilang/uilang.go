// Package uilang loads the UI's strings of one language into Fyne's lang
// package. The shell (ui.useLanguage) and every package's tests load them
// the same way through it, so that a test sees the texts as the window does.
package uilang

import (
	"encoding/json"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"branchledger/assets"
)

// fyneLocales are the languages Fyne v2.7.1 ships its own strings for
// (lang/translations/base.*.json in the fyne module), plus plain "zh".
var fyneLocales = []fyne.Locale{"en", "cs", "de", "el", "es", "fr", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh", "zh-Hans"}

// Load makes language ("zh" or "en") the UI language whatever the system's
// locale.
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
func Load(language string) error {
	m, err := assets.MessageMap(language)
	if err != nil {
		return fmt.Errorf("translations for %q: %w", language, err)
	}
	data, err := json.Marshal(WithEveryPluralForm(m))
	if err != nil {
		return fmt.Errorf("translations for %q: %w", language, err)
	}
	sys := lang.SystemLocale()
	locales := append(fyneLocales[:len(fyneLocales):len(fyneLocales)], sys, fyne.Locale(sys.LanguageString()))
	for _, loc := range locales {
		if err := lang.AddTranslationsForLocale(data, loc); err != nil {
			return fmt.Errorf("translations for %q as %s: %w", language, loc, err)
		}
	}
	return nil
}

// pluralForms are CLDR's plural categories. go-i18n asks for the one the
// locale's rule picks for a count.
var pluralForms = []string{"zero", "one", "two", "few", "many", "other"}

// WithEveryPluralForm gives every counted message (a plural object, or a
// text with {{.N}} that lang.N may be asked for) all six plural forms, the
// missing ones copied from "other". The chosen language's strings are loaded
// under every locale the matcher could pick (see Load), whose plural rules
// ask for forms the file does not have — "one" from a Chinese text on an
// English system, "few" from an English text on a Russian one — and go-i18n
// then logs a translation failure instead of showing the text.
func WithEveryPluralForm(m map[string]any) map[string]any {
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
			// the matcher chose, which is the system's (see Load), not
			// the chosen language's: on a Chinese Windows every count
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
