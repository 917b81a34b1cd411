package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// Short content takes only its height; long content stops at max and
// scrolls.
func TestCappedScroll(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		content, want float32
	}{{50, 50}, {400, 200}} {
		r := canvas.NewRectangle(nil)
		r.SetMinSize(fyne.NewSize(10, tc.content))
		c := NewCappedScroll(r, 200)
		if got := c.MinSize().Height; got != tc.want {
			t.Errorf("content %v high: the part asks %v, want %v", tc.content, got, tc.want)
		}
	}
}
