package kit

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2/widget"
)

// PlainText is what rt shows, as text to copy or export: a line for each
// heading, paragraph and list item (rt.String() leaves list items out and
// runs a heading into the paragraph after it).
func PlainText(rt *widget.RichText) string {
	var lines []string
	eachLine(rt.Segments, func(line []*widget.TextSegment) {
		var b strings.Builder
		for _, s := range line {
			b.WriteString(s.Text)
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
