package kit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A Markdown text reads as written: no space between Chinese words beside
// a bold one; every segment that goes on a line starts with a zero-width
// space (Fyne 2.7.1's wrapping bug), and the text copied or exported from
// it (PlainText) carries none.
func TestMarkdownTextWrapsWithoutCarryingZeroWidthSpaces(t *testing.T) {
	test.NewTempApp(t)
	rt := NewMarkdownText("## 党费\n\n选中党员后用**为所选党员设置**批量填写，**提醒**是可以稍后处理的问题。\n\n- 列表**一项**说明\n", true)
	if rt.Wrapping != fyne.TextWrapBreak {
		t.Errorf("Chinese wraps %v, want between any two characters", rt.Wrapping)
	}
	continued := 0
	walkSegments(rt.Segments, func(ts *widget.TextSegment, first bool) {
		if !first && ts.Text != "" {
			continued++
			if !strings.HasPrefix(ts.Text, string(ZeroWidthSpace)) {
				t.Errorf("segment %q continues a line without a zero-width space first", ts.Text)
			}
		}
	})
	if continued < 4 {
		t.Errorf("%d segments continue a line; the text has at least 4", continued)
	}
	plain := PlainText(rt)
	if strings.ContainsRune(plain, ZeroWidthSpace) {
		t.Errorf("copied text carries zero-width spaces: %q", plain)
	}
	for _, want := range []string{"选中党员后用为所选党员设置批量填写，提醒是可以稍后处理的问题。", "列表一项说明"} {
		if !strings.Contains(plain, want) {
			t.Errorf("copied text %q lacks %q", plain, want)
		}
	}
	if en := NewMarkdownText("Use **Set for selected** to fill in", false); en.Wrapping != fyne.TextWrapWord || !strings.Contains(PlainText(en), "Use Set for selected to fill in") {
		t.Errorf("English: wrap %v, %q", en.Wrapping, PlainText(en))
	}
}

// walkSegments calls fn with each text segment of segs, and whether it
// starts its line (the first of a paragraph or item, or after one that ends
// one).
func walkSegments(segs []widget.RichTextSegment, fn func(*widget.TextSegment, bool)) {
	first := true
	var walk func(widget.RichTextSegment)
	walk = func(s widget.RichTextSegment) {
		switch s := s.(type) {
		case *widget.TextSegment:
			fn(s, first)
			first = !s.Inline()
		case *widget.ListSegment:
			for _, it := range s.Items {
				first = true
				walk(it)
			}
			first = true
		case *widget.ParagraphSegment:
			first = true
			for _, x := range s.Texts {
				walk(x)
			}
			first = true
		default:
			first = true
		}
	}
	for _, s := range segs {
		walk(s)
	}
}
