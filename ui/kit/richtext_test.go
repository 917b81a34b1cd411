package kit

import (
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// A page of Markdown reads as written: no space between Chinese words
// beside a bold one, and the text copied from it (PlainText) is the page's
// whatever its width.
func TestMarkdownTextKeepsTheTextAsWritten(t *testing.T) {
	test.NewTempApp(t)
	m := NewMarkdownText("## 党费\n\n选中党员后用**为所选党员设置**批量填写，**提醒**是可以稍后处理的问题。\n\n- 列表**一项**说明\n")
	w := test.NewTempWindow(t, m)
	w.Resize(fyne.NewSize(200, 400))
	plain := m.PlainText()
	for _, want := range []string{"选中党员后用为所选党员设置批量填写，提醒是可以稍后处理的问题。", "列表一项说明"} {
		if !strings.Contains(plain, want) {
			t.Errorf("copied text %q lacks %q", plain, want)
		}
	}
	if en := NewMarkdownText("Use **Set for selected** to fill in"); !strings.Contains(en.PlainText(), "Use Set for selected to fill in") {
		t.Errorf("English: %q", en.PlainText())
	}
}

// A help page draws its lines by the rules of BreakLines at every width,
// its bold words flowing on the line (Fyne's RichText started lines of
// 帮助 → 组织关系 with ，and 、, review s9-8 #1); a list item's lines leave
// room for its bullet; the page is higher the narrower it is.
func TestMarkdownTextDrawsLinesByTheRules(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(cjkTheme{theme.DefaultTheme()})
	size := theme.TextSize()
	measure := func(s string) float32 { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width }
	bullet := fyne.MeasureText("•  ", size, fyne.TextStyle{Bold: true}).Width
	for _, text := range appSentences {
		for _, item := range []bool{false, true} {
			md := "**提醒**：" + text
			if item {
				md = "- " + md
			}
			m := NewMarkdownText(md)
			w := test.NewTempWindow(t, m)
			w.SetPadded(false)
			prev := float32(0)
			for _, width := range []float32{700, 467, 310, 233} {
				w.Resize(fyne.NewSize(width, 2000))
				lines := drawnRows(m)
				room := width - 2*theme.InnerPadding()
				if item {
					lines[0] = strings.TrimPrefix(lines[0], "•  ")
					room -= bullet
				}
				checkLines(t, "提醒："+text, lines, room, measure)
				if h := m.MinSize().Height; h < prev {
					t.Errorf("at %v the page is %v high, at a wider width %v", width, h, prev)
				} else {
					prev = h
				}
				if m.MinSize().Width > 2*theme.InnerPadding() {
					t.Errorf("the page asks %v wide", m.MinSize().Width)
				}
			}
		}
	}
}

// drawnRows are the lines of text drawn under o, top to bottom, the texts
// drawn at one height (a bold word and the text around it) joined.
func drawnRows(o fyne.CanvasObject) []string {
	type piece struct {
		x, y float32
		text string
	}
	var pieces []piece
	var visit func(o fyne.CanvasObject, at fyne.Position)
	visit = func(o fyne.CanvasObject, at fyne.Position) {
		if o == nil || !o.Visible() {
			return
		}
		pos := at.Add(o.Position())
		switch w := o.(type) {
		case *canvas.Text:
			pieces = append(pieces, piece{pos.X, pos.Y, w.Text})
		case *fyne.Container:
			for _, c := range w.Objects {
				visit(c, pos)
			}
		case fyne.Widget:
			if r := test.WidgetRenderer(w); r != nil {
				for _, c := range r.Objects() {
					visit(c, pos)
				}
			}
		}
	}
	visit(o, fyne.Position{})
	sort.SliceStable(pieces, func(i, j int) bool {
		if pieces[i].y != pieces[j].y {
			return pieces[i].y < pieces[j].y
		}
		return pieces[i].x < pieces[j].x
	})
	var rows []string
	for i, p := range pieces {
		if i > 0 && p.y == pieces[i-1].y {
			rows[len(rows)-1] += p.text
			continue
		}
		rows = append(rows, p.text)
	}
	return rows
}
