package kit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/assets"
)

// cjkTheme draws with the app's bundled Chinese font, as the window does,
// so the widths measured are the real ones.
type cjkTheme struct{ fyne.Theme }

func (cjkTheme) Font(fyne.TextStyle) fyne.Resource { return assets.CJKFont }

// drawnLines are the lines of text drawn under o, top to bottom.
func drawnLines(o fyne.CanvasObject) []string {
	var lines []string
	walkText(o, func(s string) { lines = append(lines, s) })
	return lines
}

// A wrapped label in the window, at the widths a dialog or a screen gives
// it, draws its lines by the rules: none starts with closing or ends with
// opening punctuation, numbers and words stay whole, English breaks at
// spaces (Fyne's own label started lines with "，" and split 2026年).
func TestWrapLabelDrawsLinesByTheRules(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(cjkTheme{theme.DefaultTheme()})
	size := theme.TextSize()
	measure := func(s string) float32 { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width }
	pad := 2 * theme.InnerPadding()
	for _, text := range appSentences {
		l := NewWrapLabel(text)
		w := test.NewTempWindow(t, l)
		w.SetPadded(false)
		for _, width := range []float32{160, 233, 310, 467, 600} {
			w.Resize(fyne.NewSize(width, 600))
			lines := drawnLines(l)
			if len(lines) < 2 && measure(text) > width-pad {
				t.Fatalf("at %v %q drawn on one line", width, text)
			}
			checkLines(t, text, lines, width-pad, measure)
			if l.Text != text {
				t.Errorf("Text became %q", l.Text)
			}
			if want := float32(len(lines)) * fyne.MeasureText("M", size, fyne.TextStyle{}).Height; l.MinSize().Height < want {
				t.Errorf("at %v the label asks %v high for %d lines", width, l.MinSize().Height, len(lines))
			}
		}
	}
}

// Like a wrapped Label, it lets the window be narrow: it asks only for its
// padding in width, and is higher the narrower it is.
func TestWrapLabelFollowsTheWidth(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(cjkTheme{theme.DefaultTheme()})
	l := NewWrapLabel(appSentences[1])
	below := widget.NewLabel("下一项")
	w := test.NewTempWindow(t, container.NewVBox(l, below))
	w.Resize(fyne.NewSize(800, 600))
	if min := l.MinSize().Width; min > 2*theme.InnerPadding() {
		t.Errorf("the label asks %v wide", min)
	}
	wide := l.MinSize().Height
	w.Resize(fyne.NewSize(300, 600))
	if l.MinSize().Height <= wide {
		t.Errorf("at 300 px the label asks %v high, at 800 %v", l.MinSize().Height, wide)
	}
	w.Content().Refresh()
	if y := below.Position().Y; y < l.MinSize().Height {
		t.Errorf("the next item is at %v, over the label's %v", y, l.MinSize().Height)
	}
}

func TestWrapLabelShowsWhatIsSet(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(cjkTheme{theme.DefaultTheme()})
	l := NewWrapLabel("")
	l.Importance = widget.DangerImportance
	l.TextStyle.Bold = true
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(200, 300))
	l.SetText(appSentences[4])
	if got := strings.Join(drawnLines(l), ""); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(appSentences[4], " ", "") {
		t.Errorf("drawn %q", got)
	}
	var styled bool
	for _, o := range test.WidgetRenderer(l.shown).Objects() {
		if rt, ok := o.(*widget.RichText); ok {
			for _, c := range test.WidgetRenderer(rt).Objects() {
				if txt, ok := c.(*canvas.Text); ok && txt.TextStyle.Bold && txt.Color == theme.Color(theme.ColorNameError) {
					styled = true
				}
			}
		}
	}
	if !styled {
		t.Error("the text is not drawn bold in the error colour")
	}
	// Unwrapped, it is a Label that truncates.
	l.Wrapping, l.Truncation = fyne.TextWrapOff, fyne.TextTruncateEllipsis
	l.SetText(appSentences[0])
	l.Refresh()
	if lines := drawnLines(l); len(lines) != 1 || !strings.HasSuffix(lines[0], "…") {
		t.Errorf("unwrapped it draws %q", lines)
	}
}
