package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/ui/help"
	"branchledger/ui/kit"
)

// wrappedText is a text the window wraps: what it says and the lines it
// is drawn in.
type wrappedText struct {
	source string
	lines  []string
}

// wrappedTexts are the wrapped texts drawn in the window now: every
// kit.WrapLabel, kit.MarkdownText (a help page) and every wrapping RichText (a wrapped widget.Label draws
// through one), each line the texts drawn at one
// height, left to right.
func wrappedTexts(s *shell) []wrappedText {
	var out []wrappedText
	shown(s, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *kit.WrapLabel:
			if w.Wrapping != fyne.TextWrapOff {
				out = append(out, wrappedText{w.Text, drawnLinesOf(w)})
			}
		case *kit.MarkdownText:
			out = append(out, wrappedText{w.PlainText(), drawnLinesOf(w)})
		case *widget.RichText:
			if w.Wrapping != fyne.TextWrapOff {
				out = append(out, wrappedText{kit.PlainText(w), drawnLinesOf(w)})
			}
		}
	})
	return out
}

// drawnLinesOf are the lines of text drawn under o, top to bottom.
func drawnLinesOf(o fyne.CanvasObject) []string {
	type piece struct {
		x, y float32
		text string
	}
	var pieces []piece
	var visit func(o fyne.CanvasObject, at fyne.Position)
	visit = func(o fyne.CanvasObject, at fyne.Position) {
		pos := at.Add(o.Position())
		if t, ok := o.(*canvas.Text); ok && o.Visible() {
			pieces = append(pieces, piece{pos.X, pos.Y, t.Text})
			return
		}
		walkChildren(o, func(c fyne.CanvasObject) { visit(c, pos) })
	}
	walkChildren(o, func(c fyne.CanvasObject) { visit(c, fyne.Position{}) })
	slices.SortStableFunc(pieces, func(a, b piece) int {
		return cmp.Or(cmp.Compare(a.y, b.y), cmp.Compare(a.x, b.x))
	})
	var lines []string
	for i, p := range pieces {
		if i > 0 && p.y == pieces[i-1].y {
			lines[len(lines)-1] += p.text
			continue
		}
		lines = append(lines, p.text)
	}
	return lines
}

// walkChildren calls f with what o draws directly: a container's objects,
// a widget's renderer's.
func walkChildren(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	var kids []fyne.CanvasObject
	switch w := o.(type) {
	case *fyne.Container:
		kids = w.Objects
	case fyne.Widget:
		if r := test.WidgetRenderer(w); r != nil {
			kids = r.Objects()
		}
	}
	for _, c := range kids {
		if c.Visible() {
			f(c)
		}
	}
}

// closingMarks start no line of Chinese text (GB/T 15834, 标点符号用法).
const closingMarks = "、。，；：）」』”！？》"

// badBreaks are the places where a wrapped text's lines are broken
// against the rules of Chinese text: a line starting with closing
// punctuation, a number on one line and its unit (年, 个月, 元 …) on the
// next. A break the text holds ("\n") is the writer's, not the wrapping's.
func badBreaks(w wrappedText) []string {
	var bad []string
	source := w.source
	for i := 1; i < len(w.lines); i++ {
		a := strings.TrimRightFunc(w.lines[i-1], unicode.IsSpace)
		b := strings.TrimLeftFunc(w.lines[i], unicode.IsSpace)
		if a == "" || b == "" || !(strings.Contains(source, a+b) || strings.Contains(source, a+" "+b)) {
			continue // not a break of the wrapping
		}
		last, _ := lastRune(a)
		first := []rune(b)[0]
		switch {
		case strings.ContainsRune(closingMarks, first):
			bad = append(bad, fmt.Sprintf("a line starts with %q: %q / %q", first, a, b))
		case unicode.IsDigit(last) && unicode.Is(unicode.Han, first):
			bad = append(bad, fmt.Sprintf("a number is split from its unit: %q / %q", a, b))
		}
	}
	return bad
}

func lastRune(s string) (rune, bool) {
	r := []rune(s)
	if len(r) == 0 {
		return 0, false
	}
	return r[len(r)-1], true
}

// The wrapped texts of every screen, tab, member page, form and dialog
// (views) and of every help page, in both languages at both window sizes,
// are broken into lines by the rules of Chinese text: Fyne's wrapping
// started lines with ，、）and put a number on one line and its unit on the
// next (issue 8 §3, review s9-8 #1: 首页; s13-attack8 #8: a lone "。" line in
// 组织关系 → 转入's empty state, "党费从2 / 026年10月起" in 已登记转入).
func TestWrappedTextsOfEveryScreenBreakByTheRules(t *testing.T) {
	for _, l := range []Language{Chinese, English} {
		t.Run(string(l), func(t *testing.T) {
			s := demoShell(t, l, 40)
			for _, size := range []fyne.Size{smallWindow, largeWindow} {
				s.win.Resize(size)
				for _, v := range append(views(t, s), helpViews(s)...) {
					v.open()
					s.win.Content().Refresh()
					for _, w := range wrappedTexts(s) {
						for _, b := range badBreaks(w) {
							t.Errorf("%s at %v: %s", v.name, size, b)
						}
					}
					if v.close != nil {
						v.close()
					}
				}
			}
		})
	}
}

// No screen, tab, form or dialog (views) wraps text with a plain Label:
// Fyne's wrapping splits Chinese at whatever character fills the line, so
// every wrapped label is a kit.WrapLabel (issue 8 §2–3, review
// s13-attack8 #8). The Label a WrapLabel draws through does not wrap.
func TestEveryWrappedLabelIsAWrapLabel(t *testing.T) {
	for _, l := range []Language{Chinese, English} {
		t.Run(string(l), func(t *testing.T) {
			s := demoShell(t, l, 40)
			s.win.Resize(smallWindow)
			seen := 0
			for _, v := range views(t, s) {
				v.open()
				inner := map[fyne.CanvasObject]bool{}
				shown(s, func(o fyne.CanvasObject) {
					switch w := o.(type) {
					case *kit.WrapLabel:
						seen++
						for _, c := range test.WidgetRenderer(w).Objects() {
							inner[c] = true
						}
					case *widget.Label:
						if w.Wrapping != fyne.TextWrapOff && !inner[w] {
							t.Errorf("%s: a plain Label wraps %q", v.name, w.Text)
						}
					}
				})
				if v.close != nil {
					v.close()
				}
			}
			if seen == 0 {
				t.Error("no WrapLabel seen: the walk sees nothing")
			}
		})
	}
}

// helpViews are the help pages, each a view.
func helpViews(s *shell) []view {
	var out []view
	for _, title := range help.Titles() {
		out = append(out, view{name: "帮助/" + title, open: func() { s.showHelp(title) }})
	}
	return out
}
