package kit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A cell shows its whole text when it fits, and otherwise the longest
// beginning that fits with "…": never wider than the cell, never cut more
// than needed, and the same when shown again (from the cache).
func TestSetCellTextCutsOnlyWhatDoesNotFit(t *testing.T) {
	test.NewTempApp(t)
	size := theme.TextSize()
	pad := 2 * theme.InnerPadding()
	width := func(s string) float32 { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width }
	const long = "兰州新锐科技有限公司党支部"
	cell := width("兰州新锐科技") + pad + 1
	for _, tc := range []struct {
		text  string
		width float32
		cut   bool
	}{
		{"王建国", cell, false},
		{"", cell, false},
		{long, width(long) + pad, false},
		{long, cell, true},
		{"Non-public economic organisation staff", cell, true},
		{long, pad, true}, // nothing fits: only "…"
	} {
		for range 2 {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis // a reused cell keeps no old style
			SetCellText(l, tc.text, tc.width)
			if l.Truncation != fyne.TextTruncateOff {
				t.Fatalf("%q: Fyne's own truncation left on", tc.text)
			}
			if !tc.cut {
				if l.Text != tc.text {
					t.Errorf("%q in %.0f: shown as %q, want it whole", tc.text, tc.width, l.Text)
				}
				continue
			}
			kept, ok := strings.CutSuffix(l.Text, "…")
			if !ok || !strings.HasPrefix(tc.text, kept) {
				t.Fatalf("%q in %.0f: shown as %q, want a beginning and …", tc.text, tc.width, l.Text)
			}
			if w := width(l.Text); w > tc.width-pad && kept != "" {
				t.Errorf("%q in %.0f: %q is %.0f wide, over the %.0f inside the cell", tc.text, tc.width, l.Text, w, tc.width-pad)
			}
			if next := []rune(tc.text)[len([]rune(kept))]; width(kept+string(next)+"…") <= tc.width-pad {
				t.Errorf("%q in %.0f: cut to %q though one more character fits", tc.text, tc.width, l.Text)
			}
		}
	}
}
