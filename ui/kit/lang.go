package kit

import (
	"sync"

	"fyne.io/fyne/v2/lang"

	"branchledger/assets"
)

// L translates a Chinese UI string (the message ID is the Chinese text) with
// optional template data, as lang.L does. The string test of this package
// finds the literals passed to it.
func L(zh string, data ...any) string { return lang.L(zh, data...) }

// N is L for a message that counts n things: English picks its "one" or
// "other" form ("1 automatic backup", "2 automatic backups").
func N(zh string, n int, data ...any) string { return lang.N(zh, n, data...) }

// known are the message IDs of the translation files.
var known = sync.OnceValue(func() map[string]bool {
	m, _ := assets.MessageMap("zh")
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
})

// shown is a dialog's title or button text in the UI language: translated
// when it is a message of the translation files (a Chinese literal such as
// "登记变动"), shown as given when the caller has put it together already
// (a translated phrase and a name), without lang.L logging a miss.
func shown(s string) string {
	if known()[s] {
		return lang.L(s)
	}
	return s
}
