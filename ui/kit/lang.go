package kit

import "fyne.io/fyne/v2/lang"

// L translates a Chinese UI string (the message ID is the Chinese text) with
// optional template data, as lang.L does. The string test of this package
// finds the literals passed to it.
func L(zh string, data ...any) string { return lang.L(zh, data...) }
