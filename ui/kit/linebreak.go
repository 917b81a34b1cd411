package kit

import (
	"strings"
	"unicode"

	"github.com/go-text/typesetting/segmenter"
	ucd "github.com/go-text/typesetting/unicodedata"
)

// BreakLines breaks text into lines no wider than width, as measure says,
// where the Unicode line-breaking rules (UAX #14, go-text's segmenter, the
// one Fyne's own text shaping comes with) allow a break, tailored for
// Chinese (noBreakBefore): a line never starts with closing punctuation
// (，。、；：？！）」』》…), never ends with opening punctuation （「『《, a
// number or Latin word (35.57, 2026-11-30, Excel) is not split, nor a
// number from the unit after it (2026年, 14名). English breaks at spaces (and
// after a hyphen). Fyne 2.7.1 wraps Chinese at whatever character fills the
// line and Latin only at spaces (review s7-8 #17).
//
// A piece that alone is wider than the line (a long path) is cut where the
// line is full, between characters, as Fyne does. A "\n" always ends a
// line. The spaces where a line is broken are dropped, as Fyne drops them.
// With width <= 0 (not laid out yet) only "\n" breaks.
func BreakLines(text string, width float32, measure func(string) float32) []string {
	if width <= 0 || text == "" {
		return strings.Split(text, "\n")
	}
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		rs := []rune(strings.TrimSuffix(para, "\r"))
		for _, l := range breakParagraph(rs, width, func(from, to int) float32 { return measure(string(rs[from:to])) }) {
			lines = append(lines, strings.TrimRightFunc(string(rs[l[0]:l[1]]), unicode.IsSpace))
		}
	}
	return lines
}

// breakParagraph breaks text that holds no "\n" into lines, each given as
// its first rune and the rune after it (the spaces where a line is broken
// still at its end); measure is the width of text[from:to], which may mix
// styles (a bold word in a help page).
func breakParagraph(text []rune, width float32, measure func(from, to int) float32) [][2]int {
	fits := func(from, to int) bool {
		for to > from && unicode.IsSpace(text[to-1]) {
			to--
		}
		return measure(from, to) <= width
	}
	if len(text) == 0 || fits(0, len(text)) {
		return [][2]int{{0, len(text)}}
	}
	var lines [][2]int
	start := 0 // where the line being filled starts
	end := 0   // where the pieces that fit on it end
	at, untailored := breakOpportunities(text)
	for _, to := range at {
		if fits(start, to) {
			end = to
			continue
		}
		if end > start {
			lines = append(lines, [2]int{start, end})
			start = end
		}
		// The piece starts a line; if alone it is wider, cut it.
		for !fits(start, to) {
			c := cut(text, start, to, untailored, fits)
			lines = append(lines, [2]int{start, c})
			start = c
		}
		end = to
	}
	if start < len(text) {
		lines = append(lines, [2]int{start, len(text)})
	}
	return lines
}

// cut is where a line starting at start ends inside a piece (start, to)
// too wide for it: the last place that fits where UAX #14 alone would
// break (the space in "213.42 元"), else where no closing punctuation
// starts and no opening one ends the line, else the last character that
// fits (at least one).
func cut(text []rune, start, to int, untailored map[int]bool, fits func(int, int) bool) int {
	last, polite, rule := start+1, 0, 0
	for c := start + 1; c < to && fits(start, c); c++ {
		last = c
		if !closes(text[c]) && !opens(text[c-1]) {
			polite = c
		}
		if untailored[c] {
			rule = c
		}
	}
	switch {
	case rule > 0:
		return rule
	case polite > 0:
		return polite
	}
	return last
}

// closes tells punctuation that closes (，。）」…!?), which starts no line.
func closes(r rune) bool {
	switch ucd.LookupLineBreakClass(r) {
	case ucd.BreakCL, ucd.BreakCP, ucd.BreakEX, ucd.BreakIS, ucd.BreakNS, ucd.BreakIN:
		return true
	}
	return unicode.Is(unicode.Pf, r)
}

// opens tells punctuation that opens (（「《“), which ends no line.
func opens(r rune) bool {
	return ucd.LookupLineBreakClass(r) == ucd.BreakOP || unicode.Is(unicode.Pi, r)
}

// breakOpportunities are the places in text (a paragraph, no "\n") where a
// line may end, as rune offsets, the end of text last; untailored are
// UAX #14's own, before noBreakBefore took some away.
func breakOpportunities(text []rune) (at []int, untailored map[int]bool) {
	var seg segmenter.Segmenter
	seg.Init(text)
	lines := seg.LineIterator()
	untailored = map[int]bool{}
	for lines.Next() {
		l := lines.Line()
		end := l.Offset + len(l.Text)
		untailored[end] = true
		if end < len(text) && noBreakBefore(text[:end], text[end]) {
			continue
		}
		at = append(at, end)
	}
	if len(at) == 0 || at[len(at)-1] != len(text) {
		at = append(at, len(text))
	}
	return at, untailored
}

// noBreakBefore tailors UAX #14 for Chinese text (its default lets both
// break): a number stays with the Chinese character after it — a unit or
// measure word (2026年, 14名, 35.57元, also with a space between as the
// findings write them: 6 个月) — and the middle dot of a name (阿依古丽·买买提,
// GB/T 15834: 间隔号 does not start a line) stays with the word before it.
func noBreakBefore(before []rune, next rune) bool {
	prev := ' '
	for i := len(before) - 1; i >= 0; i-- {
		if !unicode.IsSpace(before[i]) {
			prev = before[i]
			break
		}
	}
	switch {
	case unicode.IsDigit(prev) && unicode.Is(unicode.Han, next):
		return true
	case next == '·' || next == '・' || next == '‧':
		return true
	}
	return false
}

// wordJoiner (U+2060) forbids a line break on either side of it and draws
// nothing.
const wordJoiner = "\u2060"

// KeepTogether is text with each of words, where it occurs, kept on one
// line by BreakLines: a word joiner between its characters. Chinese breaks
// between any two characters, and a term split reads as two words ("收缴 /
// 率95.9%", "离开 / 后）", review s13-look).
func KeepTogether(text string, words ...string) string {
	for _, w := range words {
		if rs := []rune(w); len(rs) > 1 {
			parts := make([]string, len(rs))
			for i, r := range rs {
				parts[i] = string(r)
			}
			text = strings.ReplaceAll(text, w, strings.Join(parts, wordJoiner))
		}
	}
	return text
}
