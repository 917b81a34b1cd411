package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A row of buttons too wide for its room goes on to a second line and asks
// for that height; wide enough, it is one line again.
func TestFlowWrapsARowOfButtons(t *testing.T) {
	test.NewTempApp(t)
	a, b, c := widget.NewButton("打印纪实表…", nil), widget.NewButton("发展对象公示…", nil), widget.NewButton("拟接收公示…", nil)
	f := NewFlow(a, b, c)
	one := a.MinSize().Height
	wide := a.MinSize().Width + b.MinSize().Width + c.MinSize().Width + 10*8
	f.Resize(fyne.NewSize(wide, one))
	if f.MinSize().Height != one || b.Position().Y != 0 || c.Position().Y != 0 {
		t.Errorf("%.0f wide: %.0f high, b at %v, c at %v", wide, f.MinSize().Height, b.Position(), c.Position())
	}
	narrow := a.MinSize().Width + b.MinSize().Width + 8
	if narrow >= wide-c.MinSize().Width {
		t.Fatal("the narrow width holds all three")
	}
	f.Resize(fyne.NewSize(narrow, one))
	if f.MinSize().Height <= one || c.Position().Y <= 0 || c.Position().X != 0 {
		t.Errorf("%.0f wide: %.0f high, c at %v; want c on a second line", narrow, f.MinSize().Height, c.Position())
	}
	if w := f.MinSize().Width; w > b.MinSize().Width {
		t.Errorf("asks %.0f px, more than its widest button", w)
	}
}
