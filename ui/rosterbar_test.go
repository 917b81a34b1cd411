package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// halfScreen is a window snapped to one half of a 1366×768 laptop screen.
var halfScreen = fyne.NewSize(683, 728)

// At half a 1366 px screen the 党员 list asks for no more width than that,
// and every control of its toolbar — search, 新增党员, 导入 Excel, 导出花名册,
// the five filters and the count — lies whole inside the window, none over
// another: the fixed row needed ~850 px (910 in English), so the window was
// forced wider or the buttons, two filters and the count were cut off out of
// reach (review s4-10 attack #2). In a full-width window it stays two lines.
func TestRosterToolbarFitsHalfAScreen(t *testing.T) {
	for _, l := range []Language{Chinese, English} {
		t.Run(string(l), func(t *testing.T) {
			s := demoShell(t, l, 40)
			s.show(screenRoster)
			r := s.roster
			controls := map[string]fyne.CanvasObject{
				"search": r.search, "新增党员": r.addButton, "导入 Excel": r.importButton, "导出花名册": r.exportButton,
				"在册": r.left, "类别": r.category, "党籍": r.standing, "流动": r.mobile, "失联": r.lost, "人数": r.count,
			}
			d := fyne.CurrentApp().Driver()
			rect := func(o fyne.CanvasObject) (fyne.Position, fyne.Size) {
				return d.AbsolutePositionForObject(o), o.Size()
			}
			for _, size := range []fyne.Size{halfScreen, largeWindow} {
				s.win.Resize(size)
				if min := s.win.Content().MinSize(); min.Width > size.Width {
					t.Errorf("at %v the 党员 screen needs %v px wide", size, min.Width)
				}
				width := s.win.Canvas().Size().Width
				for name, o := range controls {
					p, sz := rect(o)
					if sz.Width < o.MinSize().Width-0.5 || p.X < 0 || p.X+sz.Width > width+0.5 {
						t.Errorf("at %v %s is at x %.0f–%.0f (its least width %.0f), the window is %.0f wide", size, name, p.X, p.X+sz.Width, o.MinSize().Width, width)
					}
					for other, o2 := range controls {
						p2, sz2 := rect(o2)
						if name < other && p.X < p2.X+sz2.Width && p2.X < p.X+sz.Width && p.Y < p2.Y+sz2.Height && p2.Y < p.Y+sz.Height {
							t.Errorf("at %v %s and %s overlap", size, name, other)
						}
					}
				}
				if tp, _ := rect(r.table); tp.Y < rect2bottom(rect(r.count)) {
					t.Errorf("at %v the table starts above the count's bottom", size)
				}
			}
			// Full width: the buttons beside the search field, the count on the filters' line.
			s.win.Resize(largeWindow)
			sy, _ := rect(r.search)
			ey, _ := rect(r.exportButton)
			fy, _ := rect(r.left)
			cy, _ := rect(r.count)
			if sy.Y != ey.Y || fy.Y != cy.Y || fy.Y <= sy.Y {
				t.Errorf("at full width the toolbar is not two lines: search y %v, 导出 y %v, filters y %v, count y %v", sy.Y, ey.Y, fy.Y, cy.Y)
			}
		})
	}
}

func rect2bottom(p fyne.Position, s fyne.Size) float32 { return p.Y + s.Height }

// A filter set to a longer choice (全部（含已离开）) grows to show it whole,
// and the line makes room: the toolbar is laid out again, not left cutting
// the choice to "全部（含…".
func TestRosterFilterGrowsWithItsChoice(t *testing.T) {
	for _, size := range []fyne.Size{halfScreen, largeWindow} {
		s := demoShell(t, Chinese, 40)
		s.show(screenRoster)
		s.win.Resize(size)
		r := s.roster
		r.left.SetSelectedIndex(2)
		if got, want := r.left.Size().Width, r.left.MinSize().Width; got < want-0.5 {
			t.Errorf("at %v the filter showing %q is %.0f wide, it needs %.0f", size, r.left.Selected, got, want)
		}
		p, q := r.left.Position(), r.category.Position()
		if p.Y == q.Y && p.X+r.left.Size().Width > q.X {
			t.Errorf("at %v the filter runs into the next one", size)
		}
	}
}
