package kit

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// NewMarkdownText is the RichText of Markdown md, made to wrap long Chinese
// text well; every wrapped RichText of the window is made by it. Chinese
// (chinese: the UI language) breaks between any two characters: Fyne wraps
// a text segment without spaces as one word, and Chinese after a bold word
// (**提醒**是……) went whole to the next line, leaving the line half empty.
// Within each line of text it drops the spaces Markdown puts beside a bold
// word between Chinese characters, and starts every segment that continues a
// line with a zero-width space (see ZeroWidthSpace). Copy or export its
// text with PlainText, never through the segments.
func NewMarkdownText(md string, chinese bool) *widget.RichText {
	rt := widget.NewRichTextFromMarkdown(md)
	eachLine(rt.Segments, func(line []*widget.TextSegment) {
		dropCJKSpaces(line)
		for _, s := range line[1:] {
			if s.Text != "" {
				s.Text = string(ZeroWidthSpace) + s.Text
			}
		}
	})
	rt.Wrapping = fyne.TextWrapWord
	if chinese {
		rt.Wrapping = fyne.TextWrapBreak
	}
	return rt
}

// ZeroWidthSpace (U+200B) draws nothing and measures 0 px in the bundled
// fonts. Fyne 2.7.1 wraps a segment that begins where not one character
// fits on the line by putting each of its characters on a line of its own —
// a column of single characters down the page (帮助 → 组织关系 at 1024×700;
// review s7-8 newuser #10); with a character that always fits first, it
// breaks the line once and goes on at full width. Written as a number: it
// is never drawn, so the glyph test, which walks the ui code's string
// literals, has nothing to check.
const ZeroWidthSpace = rune(0x200b)

// PlainText is what rt shows, as text to copy or export: a line for each
// heading, paragraph and list item (rt.String() leaves list items out and
// runs a heading into the paragraph after it), without the zero-width
// spaces NewMarkdownText puts in.
func PlainText(rt *widget.RichText) string {
	var lines []string
	eachLine(rt.Segments, func(line []*widget.TextSegment) {
		var b strings.Builder
		for _, s := range line {
			b.WriteString(strings.ReplaceAll(s.Text, string(ZeroWidthSpace), ""))
		}
		lines = append(lines, b.String())
	})
	return strings.Join(lines, "\n")
}

// eachLine calls line with each run of text segments that one line of text
// goes on through: the inline segments (plain text, a bold word) one after
// another and the segment that ends them, within one paragraph or list item.
func eachLine(segs []widget.RichTextSegment, line func([]*widget.TextSegment)) {
	var run []*widget.TextSegment
	end := func() {
		if len(run) > 0 {
			line(run)
		}
		run = nil
	}
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.TextSegment:
			run = append(run, s)
			if !s.Inline() {
				end() // a heading, or the end of a paragraph
			}
		case *widget.ListSegment:
			end()
			eachLine(s.Items, line)
		case *widget.ParagraphSegment:
			end()
			eachLine(s.Texts, line)
		default:
			end()
		}
	}
	end()
}

// dropCJKSpaces removes from a line the spaces Fyne's Markdown puts before a
// bold word and between the parts of one (for English words), where both
// neighbours are Chinese characters or punctuation: "用 为所选党员设置" read
// as if a word were missing (review s6-8 newuser #9).
func dropCJKSpaces(line []*widget.TextSegment) {
	type at struct {
		seg int
		r   rune
	}
	var rs []at
	for i, s := range line {
		for _, r := range s.Text {
			rs = append(rs, at{i, r})
		}
	}
	kept := make([][]rune, len(line))
	for i, a := range rs {
		if a.r == ' ' && i > 0 && i+1 < len(rs) && CJK(rs[i-1].r) && CJK(rs[i+1].r) {
			continue
		}
		kept[a.seg] = append(kept[a.seg], a.r)
	}
	for i, s := range line {
		s.Text = string(kept[i])
	}
}

// CJK reports whether r is a Chinese character or Chinese punctuation
// (full-width forms, “” quotes, the ellipsis, the dash).
func CJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef) ||
		(r >= 0x2018 && r <= 0x201d) || r == 0x2026 || r == 0x2014
}
