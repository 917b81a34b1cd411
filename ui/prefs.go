package ui

import "fyne.io/fyne/v2"

// Language is a UI language the app ships translations for.
type Language string

const (
	Chinese Language = "zh"
	English Language = "en"
)

// Keys and defaults of the stored preferences. Chinese is the default
// whatever the system locale: many secretaries run an English Windows.
const (
	prefLanguage        = "language"
	prefLanguageDefault = Chinese
)

// Prefs is a typed view of fyne.Preferences, one method pair per setting, so
// that keys and defaults live in one place.
type Prefs struct {
	p fyne.Preferences
}

// NewPrefs wraps the app's preferences.
func NewPrefs(p fyne.Preferences) Prefs { return Prefs{p: p} }

// Language is the chosen UI language.
func (s Prefs) Language() Language {
	switch l := Language(s.p.StringWithFallback(prefLanguage, string(prefLanguageDefault))); l {
	case Chinese, English:
		return l
	}
	return prefLanguageDefault
}

// SetLanguage stores the UI language; it takes effect at the next start.
func (s Prefs) SetLanguage(l Language) { s.p.SetString(prefLanguage, string(l)) }
