package kit

import (
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// CountedProgress is a dialog for slow work that can count how far it got
// and may be stopped: a bar, a line "done / total", and 取消. Unlike
// ShowProgress's moving bar it repaints only when told a new count, so it
// costs nothing in 兼容模式 between reports.
type CountedProgress struct {
	dlg       *dialog.CustomDialog
	bar       *widget.ProgressBar
	line      *widget.Label
	cancel    *Button
	counting  string // the line for a count, with {{.Done}} and {{.Total}}
	cancelled atomic.Bool
}

// ShowCountedProgress shows the dialog titled title (translated here) with
// detail (a file name) and a line saying the work is starting. counting
// is the Chinese message for a count ({{.Done}} of {{.Total}}), translated
// as the count comes.
func ShowCountedProgress(win fyne.Window, title, detail, counting string) *CountedProgress {
	p := &CountedProgress{bar: widget.NewProgressBar(), line: widget.NewLabel(L("正在读取…")), counting: counting}
	p.cancel = NewButton(L("取消"), func() {
		// The work stops at its next count; until then the dialog says
		// so, and what it finished meanwhile is not thrown away unsaid.
		p.cancelled.Store(true)
		p.cancel.Disable()
		p.line.SetText(L("正在取消…"))
	})
	body := container.NewVBox(widget.NewLabel(detail), p.bar, p.line, container.NewHBox(layout.NewSpacer(), p.cancel))
	p.dlg = dialog.NewCustomWithoutButtons(shown(title), body, win)
	p.dlg.Resize(fyne.NewSize(420, 0))
	p.dlg.Show()
	EnterEsc(win, p.dlg, nil, p.Cancel)
	return p
}

// Set shows that done of total are done; on the UI goroutine. None done
// yet is the file being read, all done the new one being saved: each
// takes seconds of its own. A count after 取消 leaves the line saying it
// is cancelling.
func (p *CountedProgress) Set(done, total int) {
	if total <= 0 {
		return
	}
	p.bar.SetValue(float64(done) / float64(total))
	switch {
	case p.cancelled.Load():
	case done == 0:
		p.line.SetText(L("正在读取…"))
	case done >= total:
		p.line.SetText(L("正在保存文件…"))
	default:
		p.line.SetText(L(p.counting, map[string]any{"Done": done, "Total": total}))
	}
}

// Cancelled reports whether 取消 was pressed; safe from any goroutine.
func (p *CountedProgress) Cancelled() bool { return p.cancelled.Load() }

// Hide closes the dialog.
func (p *CountedProgress) Hide() { p.dlg.Hide() }

// Cancel is 取消 (Esc too).
func (p *CountedProgress) Cancel() {
	if !p.cancel.Disabled() {
		p.cancel.OnTapped()
	}
}
