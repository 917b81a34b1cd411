package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Text pasted from phone contacts, chat apps and web pages carries
// characters nobody sees: zero-width spaces, direction marks, byte-order
// marks, soft hyphens, variation selectors, stray control characters. Kept,
// they make an ID number that shows 18 characters count 19, and a name that
// search cannot find. Every text that enters a record — the importers, the
// forms, the dues-base import — goes through CleanText or CleanLine, so
// that what is stored is what the person saw.

// CleanText returns s without invisible characters, with the spaces that
// look like a space made one, and without spaces at either end. What it
// removes: every Unicode format character (category Cf: U+200B–U+200F,
// U+202A–U+202E, U+2060–U+2064, U+2066–U+206F, U+FEFF, U+00AD, U+061C,
// U+180E …), variation selectors (U+FE00–U+FE0F, U+180B–U+180F,
// U+E0100–U+E01EF), the other characters Unicode says to show as nothing
// (Default_Ignorable_Code_Point: the Hangul fillers U+115F, U+1160, U+3164,
// U+FFA0, the combining grapheme joiner U+034F, U+17B4–U+17B5 …), the braille
// blank U+2800, and control characters other than line breaks and tabs;
// U+FFFD (what an unreadable byte became) is removed too. What it changes: no-break and
// typographic spaces (U+00A0, U+2000–U+200A, U+202F, U+205F) become an
// ASCII space, a tab becomes a space, CR LF, a lone CR and the Unicode
// line and paragraph separators (U+2028, U+2029) become LF, and the
// look-alikes of ideographs (Kangxi radicals, compatibility ideographs)
// become the ideographs they show (lookalikeIdeograph).
// Line breaks inside the text are kept (an address or a note may have them);
// the ideographic space U+3000 inside the text is kept as typed.
func CleanText(s string) string {
	if isClean(s) {
		return TrimSpace(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case r == '\t' || isLookalikeSpace(r):
			b.WriteByte(' ')
		case r == '\n' || r == 0x2028 || r == 0x2029:
			b.WriteByte('\n')
		case lookalikeIdeograph(r):
			b.WriteString(norm.NFKC.String(string(r)))
		case invisible(r):
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// TrimSpace is strings.TrimSpace, without decoding the first and last
// characters when both are ideographs (U+4000–U+9FFF), as a Chinese
// cell's nearly always are: strings.TrimSpace decodes them to ask
// unicode.IsSpace whenever s starts with a character that is not ASCII.
func TrimSpace(s string) string {
	if n := len(s); n >= 3 && s[0] >= 0xe4 && s[0] <= 0xe9 && s[1]&0xc0 == 0x80 && s[2]&0xc0 == 0x80 &&
		s[n-3] >= 0xe4 && s[n-3] <= 0xe9 && s[n-2]&0xc0 == 0x80 && s[n-1]&0xc0 == 0x80 {
		return s
	}
	return strings.TrimSpace(s)
}

// CleanLine is CleanText for a field that holds one line (a branch name, a
// post, a destination): line breaks, which a cell wrapped with Alt+Enter
// carries, are removed next to Chinese characters and become a space
// between other words, and runs of spaces (U+3000 too) become one ASCII
// space.
func CleanLine(s string) string {
	s = CleanText(s)
	if !strings.ContainsAny(s, "\n ") {
		return s
	}
	lines := strings.Split(s, "\n")
	var b strings.Builder
	for i, l := range lines {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			continue
		}
		if i > 0 && b.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(l)
			if !isHan(last) && !isHan(first) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// isClean reports whether s has nothing CleanText would remove or change
// inside it: the common case, checked without allocating.
func isClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < 0x80:
			if c < 0x20 && c != '\n' || c == 0x7f {
				return false
			}
			i++
		case c >= 0xe4 && c <= 0xe9 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80:
			// U+4000–U+9FFF, the ideographs of nearly every Chinese
			// word: never removed or changed, no need to decode.
			i += 3
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == '\r' || r == '\t' || isLookalikeSpace(r) || invisible(r) || r == 0x2028 || r == 0x2029 || lookalikeIdeograph(r) {
				return false
			}
			i += size
		}
	}
	return true
}

// invisible reports the characters CleanText removes.
func invisible(r rune) bool {
	switch {
	case r == utf8.RuneError:
		return true
	case r < 0x20 || (r >= 0x7f && r < 0xa0):
		return r != '\n' && r != '\t' && r != '\r'
	case r < 0xa0:
		return false
	case r >= 0x2070 && r < 0xfe00:
		// CJK, kana, hangul, symbols: nearly every character of a Chinese
		// roster falls here. The only invisible ones in between are the
		// braille blank and the Hangul filler, which chat apps use for a
		// "blank" name.
		return r == 0x2800 || r == 0x3164
	case r >= 0xfe00 && r <= 0xfe0f, r >= 0xe0100 && r <= 0xe01ef:
		return true // variation selectors
	}
	// Format characters, and the other characters Unicode says to show as
	// nothing (Default_Ignorable_Code_Point) that are not Cf: the Hangul
	// fillers U+115F, U+1160, U+FFA0, the combining grapheme joiner U+034F,
	// the Khmer inherent vowels U+17B4–U+17B5, the Mongolian variation
	// selectors U+180B–U+180F.
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) ||
		unicode.Is(unicode.Variation_Selector, r)
}

// isLookalikeSpace reports the spaces that show as an ordinary space.
// lookalikeIdeograph reports a character that looks like a CJK ideograph
// but is another code point — a Kangxi radical (U+2F00–U+2FD5: ⼀ for 一),
// a compatibility ideograph (U+F900–U+FAFF, U+2F800–U+2FA1F) — as text
// copied out of a PDF or an OCR run carries them; NFKC maps each to the
// ideograph it shows, so that 第⼀党支部 is 第一党支部.
func lookalikeIdeograph(r rune) bool {
	if !(r >= 0x2f00 && r <= 0x2fd5 || r >= 0xf900 && r <= 0xfaff || r >= 0x2f800 && r <= 0x2fa1f) {
		return false
	}
	return norm.NFKC.String(string(r)) != string(r)
}

func isLookalikeSpace(r rune) bool {
	return r == 0xa0 || (r >= 0x2000 && r <= 0x200a) || r == 0x202f || r == 0x205f
}

func isHan(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

// IsDigits reports whether s is one or more ASCII digits (no sign, no
// space: "-1" is not a number of a letter, a postcode or an ID).
func IsDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// HalfWidthDigits turns the full-width digits ０–９ (U+FF10–U+FF19, as a
// Chinese input method's full-width mode types them) into 0–9, so that
// ４号 or 第３党支部 reads as 4号, 第3党支部. Everything else is left as it
// is: full-width letters, points, signs and spaces, and the Chinese
// numerals (三, 〇); s itself, nothing allocated, when it has no
// full-width digit.
func HalfWidthDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + (r - '０')
		}
		return r
	}, s)
}

// halfWidthNumber turns the full-width digits, point, comma and signs of
// a number typed with a Chinese input method into ASCII: "５４００．５０"
// reads as 5400.50, as the roster reads full-width digits in ID numbers
// and dates.
func halfWidthNumber(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．' || r == '。':
			return '.'
		case r == '－':
			return '-'
		case r == '＋':
			return '+'
		}
		return r
	}, s)
}
