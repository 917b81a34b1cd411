package kit

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// MarkdownText is a page of Markdown (a help page) whose lines are broken
// by BreakLines' rules, as WrapLabel's are: Fyne's RichText wrapped Chinese
// at whatever character filled the line, starting lines with ，、） (帮助 →
// 组织关系 at 1024×700; review s9-8 #1). A paragraph's bold words flow on
// the line with the text around them.
//
// It draws a RichText of its Segments with a "\n" where each line ends,
// broken again whenever its width changes; like a wrapped RichText it asks
// for no width (only its padding) and is as high as its lines.
type MarkdownText struct {
	widget.BaseWidget
	// Segments are the page as parsed, without the line breaks drawn: read
	// them, do not change them.
	Segments []widget.RichTextSegment

	shown *widget.RichText
	width float32 // the width shown's lines were broken for
}

// NewMarkdownText is the page of Markdown md, without the spaces Markdown
// puts beside a bold word between Chinese characters (dropCJKSpaces).
func NewMarkdownText(md string) *MarkdownText {
	rt := widget.NewRichTextFromMarkdown(md)
	eachLine(rt.Segments, func(line []*widget.TextSegment) { dropCJKSpaces(line) })
	m := &MarkdownText{Segments: rt.Segments}
	m.ExtendBaseWidget(m)
	return m
}

// PlainText is what the page says, as text to copy or export: a line for
// each heading, paragraph and list item.
func (m *MarkdownText) PlainText() string { return PlainText(&widget.RichText{Segments: m.Segments}) }

// Shown is the page as drawn, a line for each line on screen (bullets
// left out).
func (m *MarkdownText) Shown() string {
	if m.shown == nil {
		return m.PlainText()
	}
	return PlainText(m.shown)
}

// CreateRenderer is a private method to Fyne which links this widget to
// its renderer.
func (m *MarkdownText) CreateRenderer() fyne.WidgetRenderer {
	m.ExtendBaseWidget(m)
	m.shown = widget.NewRichText()
	m.shown.Segments = m.Segments
	return &markdownRenderer{m}
}

// broken are m's Segments with a "\n" where each line ends at width: a
// copy of every text segment, the others (a list, a paragraph) rebuilt
// around the copies.
func (m *MarkdownText) broken(width float32) []widget.RichTextSegment {
	th := m.Theme()
	room := width - 2*th.Size(theme.SizeNameInnerPadding)
	// A list item's first line starts after its bullet ("• " and a space,
	// bold, as Fyne draws it); its other lines are given as little room.
	bullet := fyne.MeasureText("•  ", th.Size(theme.SizeNameText), fyne.TextStyle{Bold: true}).Width
	copies := map[*widget.TextSegment]*widget.TextSegment{}
	var visit func(segs []widget.RichTextSegment, room float32)
	visit = func(segs []widget.RichTextSegment, room float32) {
		var run []*widget.TextSegment
		end := func() {
			if len(run) > 0 {
				breakRun(run, room, th, copies)
			}
			run = nil
		}
		for _, s := range segs {
			switch s := s.(type) {
			case *widget.TextSegment:
				run = append(run, s)
				if !s.Inline() {
					end()
				}
			case *widget.ListSegment:
				end()
				for _, item := range s.Items {
					visit([]widget.RichTextSegment{item}, room-bullet)
				}
			case *widget.ParagraphSegment:
				end()
				visit(s.Texts, room)
			default:
				end()
			}
		}
		end()
	}
	visit(m.Segments, room)
	return replaced(m.Segments, copies)
}

// breakRun puts into copies a copy of each segment of run (the segments of
// one paragraph, one after another) with "\n" where its lines end at room.
func breakRun(run []*widget.TextSegment, room float32, th fyne.Theme, copies map[*widget.TextSegment]*widget.TextSegment) {
	var text []rune
	owner := []int{} // the segment of each rune
	for i, s := range run {
		for _, r := range s.Text {
			text = append(text, r)
			owner = append(owner, i)
		}
	}
	sizes := make([]float32, len(run))
	for i, s := range run {
		sizes[i] = th.Size(theme.SizeNameText)
		if s.Style.SizeName != "" {
			sizes[i] = th.Size(s.Style.SizeName)
		}
	}
	measure := func(from, to int) float32 {
		w := float32(0)
		for a := from; a < to; {
			b := a
			for b < to && owner[b] == owner[a] {
				b++
			}
			s := run[owner[a]]
			w += fyne.MeasureText(string(text[a:b]), sizes[owner[a]], s.Style.TextStyle).Width
			a = b
		}
		return w
	}
	ends := map[int]bool{} // the runes a line ends before
	if room > 0 {
		for _, l := range breakParagraph(text, room, measure) {
			if l[1] < len(text) {
				ends[l[1]] = true
			}
		}
	}
	parts := make([]strings.Builder, len(run))
	for i, r := range text {
		if ends[i] {
			// The line ends here: in the segment before, without the
			// spaces where it is broken (Fyne would draw them).
			p := &parts[owner[max(0, i-1)]]
			kept := strings.TrimRightFunc(p.String(), unicode.IsSpace)
			p.Reset()
			p.WriteString(kept + "\n")
		}
		parts[owner[i]].WriteRune(r)
	}
	for i, s := range run {
		c := *s
		c.Text = parts[i].String()
		copies[s] = &c
	}
}

// replaced are segs with each text segment in copies replaced by its copy,
// lists and paragraphs rebuilt around them.
func replaced(segs []widget.RichTextSegment, copies map[*widget.TextSegment]*widget.TextSegment) []widget.RichTextSegment {
	out := make([]widget.RichTextSegment, len(segs))
	for i, s := range segs {
		switch s := s.(type) {
		case *widget.TextSegment:
			out[i] = s
			if c := copies[s]; c != nil {
				out[i] = c
			}
		case *widget.ListSegment:
			l := *s
			l.Items = replaced(s.Items, copies)
			out[i] = &l
		case *widget.ParagraphSegment:
			p := *s
			p.Texts = replaced(s.Texts, copies)
			out[i] = &p
		default:
			out[i] = s
		}
	}
	return out
}

type markdownRenderer struct{ m *MarkdownText }

func (r *markdownRenderer) Destroy() {}

func (r *markdownRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.m.shown} }

// Layout breaks the lines again when the width changed: the page is then
// higher or lower, which the scroller sees in MinSize.
func (r *markdownRenderer) Layout(size fyne.Size) {
	m := r.m
	if size.Width != m.width {
		m.width = size.Width
		m.shown.Segments = m.broken(size.Width)
		m.shown.Refresh()
	}
	m.shown.Move(fyne.Position{})
	m.shown.Resize(size)
}

// MinSize is the RichText's height, but only its padding in width: the
// lines follow the width given.
func (r *markdownRenderer) MinSize() fyne.Size {
	min := r.m.shown.MinSize()
	min.Width = 2 * r.m.Theme().Size(theme.SizeNameInnerPadding)
	return min
}

func (r *markdownRenderer) Refresh() {
	m := r.m
	if m.width > 0 {
		m.shown.Segments = m.broken(m.width)
	} else {
		m.shown.Segments = m.Segments
	}
	m.shown.Refresh()
}
