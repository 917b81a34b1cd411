package cli

import (
	"fmt"
	"strings"
	"unicode"
)

// printable returns s with every character a terminal would act on rather
// than show (C0 and C1 controls such as CR and ESC, DEL, and format
// characters such as bidi overrides and zero-width spaces) written as a
// visible escape (\r, \x1b, \u202e). File names on a USB drive and texts
// from a package are untrusted: printed raw, a CR and an escape sequence
// can rewrite a "refused" line into a fake "imported" one (review s5-11
// attack #1).
func printable(s string) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == unicode.ReplacementChar:
			b.WriteRune(r)
		case unsafeRune(r) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) ||
		r == '\u2028' || r == '\u2029'
}

// printableLines is printable for a text of several lines: its line breaks
// stay, everything else a terminal acts on is escaped.
func printableLines(s string) string {
	ls := strings.Split(s, "\n")
	for i, l := range ls {
		ls[i] = printable(l)
	}
	return strings.Join(ls, "\n")
}

// printableList is names from a file (columns, sheets) as one line.
func printableList(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = printable(n)
	}
	return strings.Join(out, ", ")
}
