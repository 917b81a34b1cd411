package ui

import (
	"sync"

	"fyne.io/fyne/v2/lang"

	"branchledger/assets"
	"branchledger/model"
)

// knownWords are the message IDs of the translation files: the Chinese words
// the UI knows how to say in English.
var knownWords = sync.OnceValue(func() map[string]bool {
	m, err := assets.MessageMap(string(Chinese))
	out := make(map[string]bool, len(m))
	if err == nil {
		for k := range m {
			out[k] = true
		}
	}
	return out
})

// valueText shows a value of the domain — a category, a status, an activity
// kind, 是 or 否 — in the UI language. Values the translation files do not
// list (names, free text typed by the user) are shown as they are, without
// asking lang.L, which would log every miss.
func valueText(s string) string {
	if s == "" || !knownWords()[s] {
		return s
	}
	return lang.L(s)
}

// translatedFields are the member fields whose values are words of the
// domain rather than the user's text. 民族 is shown in English by the
// romanisation GB 3304 gives each name (assets/translations/en/
// ethnicity.json: 汉族 Han, 藏族 Zang …), the spelling the standard itself
// sets for use in other scripts (review s9-8 #13).
var translatedFields = map[model.Field]bool{
	model.FieldSex: true, model.FieldCategory: true, model.FieldStanding: true, model.FieldEthnicity: true,
	model.FieldLostContact: true, model.FieldMobile: true, model.FieldEducation: true, model.FieldPost: true,
}

// fieldValue is a member's field as shown in the UI language.
func fieldValue(m *model.Member, f model.Field) string {
	if translatedFields[f] {
		return valueText(m.Text(f))
	}
	return m.Text(f)
}
