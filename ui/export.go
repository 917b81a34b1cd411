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
	"fyne.io/fyne/v2/widget"

	"branchledger/ui/filedialog"
)

// writeFunc writes a workbook at path and returns the sentence shown above
// the path when it is done, such as "已导出 3 名党员，文件保存在：".
type writeFunc func(path string) (summary string, err error)

// saveWorkbook asks where to save a workbook, suggesting defaultName, then
// writes it with write. doing names the action in the dialog's title and in
// error messages, such as "导出花名册".
func (s *shell) saveWorkbook(doing, defaultName string, write writeFunc) {
	s.files.Save(lang.L(doing), defaultName, filedialog.Workbooks(), func(path string) {
		s.writeWorkbook(doing, path, write)
	})
}

// writeWorkbook runs write off the UI goroutine, since a large workbook
// takes a while, and then offers to open the file, which is how a secretary
// gets to print it. Tests call it directly, past the file dialog.
func (s *shell) writeWorkbook(doing, path string, write writeFunc) {
	wait := s.progress("正在导出…", filepath.Base(path))
	s.background(func() {
		summary, err := write(path)
		fyne.Do(func() {
			wait.Hide()
			if err != nil {
				s.showError(doing, err)
				return
			}
			s.showSaved(summary, path)
		})
	})
}

// showSaved says what was written and where, and offers to open the file.
func (s *shell) showSaved(summary, path string) {
	where := widget.NewLabel(path)
	where.Selectable = true
	where.Wrapping = fyne.TextWrapBreak
	if summary == "" {
		summary = lang.L("文件保存在：")
	}
	var d dialog.Dialog
	open := widget.NewButton(lang.L("打开文件"), func() {
		// Hide first: hiding a dialog also removes any shown above it.
		d.Hide()
		if err := s.app.OpenURL(fileURL(path)); err != nil {
			s.showError("打开文件", err)
		}
	})
	open.Importance = widget.HighImportance
	closeButton := widget.NewButton(lang.L("关闭"), func() { d.Hide() })
	hint := widget.NewLabel(lang.L("打开后可在表格软件中直接打印。"))
	buttons := container.NewBorder(nil, nil, nil, container.NewHBox(closeButton, open))
	d = dialog.NewCustomWithoutButtons(lang.L("导出完成"), container.NewVBox(widget.NewLabel(summary), where, hint, buttons), s.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// chooseFile asks for a file of kind f to read and hands its path to then;
// the service reads the file itself. doing names the action in the dialog's
// title, such as "打开文件".
func (s *shell) chooseFile(doing string, f filedialog.Filter, then func(path string)) {
	s.files.Open(lang.L(doing), f, then)
}

// previewWorkbook reads the workbook at path off the UI goroutine with read,
// which writes nothing, and then hands what it found to show. A file that
// cannot be read is explained, not reported as a failure.
func previewWorkbook[P any](s *shell, path string, read func(path string) (P, error), show func(P)) {
	wait := s.progress("正在读取并检查文件…", filepath.Base(path))
	s.background(func() {
		p, err := read(path)
		fyne.Do(func() {
			wait.Hide()
			if err != nil {
				dialog.ShowInformation(lang.L("无法读取此文件"), err.Error(), s.win)
				return
			}
			show(p)
		})
	})
}

// chooseExport asks where to save the printable roster and writes it there.
func (r *rosterScreen) chooseExport() {
	branch := ""
	if p, err := r.sh.svc.Branch.Profile(); err == nil {
		branch = p.BranchName
	}
	r.sh.saveWorkbook("导出花名册", exportFileName(branch, r.sh.svc.today().String()), r.write)
}

// export writes the roster at path, past the file dialog.
func (r *rosterScreen) export(path string) { r.sh.writeWorkbook("导出花名册", path, r.write) }

func (r *rosterScreen) write(path string) (string, error) {
	n, err := r.sh.svc.Files.ExportRoster(path)
	return lang.L("已导出 {{.N}} 名党员，文件保存在：", map[string]any{"N": n}), err
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
