package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// checkLines shows a record's rule checks a line each, each in the colour
// of its own result: ✔ green, ✘ red, a rule that could not be applied
// plain. One label coloured by the worst result drew the passing "✔ …超过
// 半数，可以开会" red beside a failing election (review s13-newuser #8).
type checkLines struct {
	widget.BaseWidget
	// Text is the lines shown, joined by "\n".
	Text string
	box  *fyne.Container
}

func newCheckLines() *checkLines {
	c := &checkLines{box: container.NewVBox()}
	c.ExtendBaseWidget(c)
	return c
}

// set shows checks.
func (c *checkLines) set(checks []model.Check) {
	lines := make([]string, len(checks))
	c.box.Objects = c.box.Objects[:0]
	for i, ch := range checks {
		lines[i] = checkLine(ch)
		l := kit.NewWrapLabel(lines[i])
		switch {
		case !ch.OK:
			l.Importance = widget.DangerImportance
		case !ch.Unchecked:
			l.Importance = widget.SuccessImportance
		}
		c.box.Add(l)
	}
	c.Text = strings.Join(lines, "\n")
	c.box.Refresh()
	c.Refresh()
}

// lineImportance is how the line saying text is drawn, for tests.
func (c *checkLines) lineImportance(text string) (widget.Importance, bool) {
	for _, o := range c.box.Objects {
		if l := o.(*kit.WrapLabel); strings.Contains(l.Text, text) {
			return l.Importance, true
		}
	}
	return 0, false
}

// CreateRenderer is a private method to Fyne which links this widget to
// its renderer.
func (c *checkLines) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.box) }
