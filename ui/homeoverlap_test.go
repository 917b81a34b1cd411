package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// placedText is a text drawn on screen with its place in the window.
type placedText struct {
	text string
	pos  fyne.Position
	size fyne.Size
}

// placedTexts are the texts drawn under o, with their places relative to o.
func placedTexts(o fyne.CanvasObject) []placedText {
	var out []placedText
	var visit func(o fyne.CanvasObject, at fyne.Position)
	visit = func(o fyne.CanvasObject, at fyne.Position) {
		if o == nil || !o.Visible() {
			return
		}
		at = at.Add(o.Position())
		switch w := o.(type) {
		case *canvas.Text:
			if w.Text != "" {
				out = append(out, placedText{w.Text, at, w.MinSize()})
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				visit(c, at)
			}
		case fyne.Widget:
			if r := test.WidgetRenderer(w); r != nil {
				for _, c := range r.Objects() {
					visit(c, at)
				}
			}
		}
	}
	visit(o, fyne.Position{})
	return out
}

// overlaps are the pairs of texts under o drawn over each other.
func overlaps(o fyne.CanvasObject) []string {
	ts := placedTexts(o)
	var out []string
	for i, a := range ts {
		for _, b := range ts[i+1:] {
			if a.pos.X < b.pos.X+b.size.Width-1 && b.pos.X < a.pos.X+a.size.Width-1 &&
				a.pos.Y < b.pos.Y+b.size.Height-1 && b.pos.Y < a.pos.Y+a.size.Height-1 {
				out = append(out, fmt.Sprintf("%q at %v over %q at %v", a.text, a.pos, b.text, b.pos))
			}
		}
	}
	return out
}

// Home draws no text over another, with findings and with none: after the
// profile was saved and nothing was found, "没有发现问题。" was drawn over
// the 组织设置 heading (review s7-8 newuser #1).
func TestHomeDrawsNoTextOverAnother(t *testing.T) {
	for _, l := range []Language{Chinese, English} {
		if err := useLanguage(l); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = useLanguage(Chinese) })
		s, _, _ := firstDayShell(t)
		h := s.home
		for _, state := range []string{"some findings", "none"} {
			if state == "none" {
				h.setupFindings = nil
				s.checks = &checks{}
				h.showChecks()
			}
			for _, size := range []fyne.Size{smallWindow, largeWindow} {
				s.win.Resize(size)
				if state == "none" && len(h.findings) != 0 {
					t.Fatalf("%d findings", len(h.findings))
				}
				for _, o := range overlaps(h.content) {
					t.Errorf("%s, %s at %v: %s", l, state, size, o)
				}
			}
		}
	}
}
