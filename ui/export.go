package ui

import (
	"net/url"
	"path/filepath"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// chooseExport asks where to save the printable roster and writes it there.
func (r *rosterScreen) chooseExport() {
	branch := ""
	if p, err := r.sh.svc.Branch.Profile(); err == nil {
		branch = p.BranchName
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			r.sh.showError("保存文件", err)
			return
		}
		if wc == nil {
			return // cancelled
		}
		// The dialog has created the file; the service writes it anew.
		_ = wc.Close()
		path := wc.URI().Path()
		if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
			_ = storage.Delete(wc.URI()) // the empty file under the name as typed
			path += ".xlsx"
		}
		r.sh.prefs.SetLastFolder(filepath.Dir(path))
		r.export(path)
	}, r.sh.win)
	d.SetFileName(exportFileName(branch, r.sh.svc.today().String()))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	r.sh.startIn(d)
	d.Show()
}

// exportFileName is the suggested name, such as 党员花名册_某某公司党支部_2026-11-25.xlsx.
func exportFileName(branch, date string) string {
	branch = unsafeInFileName.ReplaceAllString(strings.TrimSpace(branch), "")
	if branch == "" {
		return "党员花名册_" + date + ".xlsx"
	}
	return "党员花名册_" + branch + "_" + date + ".xlsx"
}

// unsafeInFileName are characters Windows refuses in file names.
var unsafeInFileName = regexp.MustCompile(`[\\/:*?"<>|\s]`)

// export writes the roster off the UI goroutine and offers to open the file,
// which is how a secretary gets to print it.
func (r *rosterScreen) export(path string) {
	wait := r.sh.progress("正在导出花名册…", filepath.Base(path))
	r.sh.background(func() {
		n, err := r.sh.svc.Files.ExportRoster(path)
		fyne.Do(func() {
			wait.Hide()
			if err != nil {
				r.sh.showError("导出花名册", err)
				return
			}
			r.showExported(path, n)
		})
	})
}

func (r *rosterScreen) showExported(path string, n int) {
	where := widget.NewLabel(path)
	where.Selectable = true
	where.Wrapping = fyne.TextWrapBreak
	msg := widget.NewLabel(lang.L("已导出 {{.N}} 名党员，文件保存在：", map[string]any{"N": n}))
	var d dialog.Dialog
	open := widget.NewButton(lang.L("打开文件"), func() {
		// Hide first: hiding a dialog also removes any shown above it.
		d.Hide()
		if err := r.sh.app.OpenURL(fileURL(path)); err != nil {
			r.sh.showError("打开文件", err)
		}
	})
	open.Importance = widget.HighImportance
	closeButton := widget.NewButton(lang.L("关闭"), func() { d.Hide() })
	hint := widget.NewLabel(lang.L("打开后可在表格软件中直接打印。"))
	buttons := container.NewBorder(nil, nil, nil, container.NewHBox(closeButton, open))
	d = dialog.NewCustomWithoutButtons(lang.L("导出完成"), container.NewVBox(msg, where, hint, buttons), r.sh.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// fileURL is a file:// URL for OpenURL, which hands it to the system
// (rundll32 FileProtocolHandler on Windows, xdg-open on Linux). The path is
// left unescaped: Windows may decode %-escapes in file URLs in the ANSI code
// page, which would garble a Chinese file name.
func fileURL(path string) *url.URL {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/Users/… → /C:/Users/…
	}
	return &url.URL{Scheme: "file", Opaque: "//" + p}
}
