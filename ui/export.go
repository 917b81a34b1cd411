package ui

import (
	"errors"
	"path/filepath"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/ui/filedialog"
	"branchledger/ui/kit"
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

// countedWriteFunc is a writeFunc that tells progress how many of its rows
// it has written, and stops with progress's error.
type countedWriteFunc func(path string, progress func(done, total int) error) (summary string, err error)

// errCancelled is what progress answers once 取消 was pressed.
var errCancelled = errors.New("已取消")

// saveWorkbookCounted is saveWorkbook for a write that counts its rows:
// counting is the line for a count ({{.Done}} of {{.Total}}).
func (s *shell) saveWorkbookCounted(doing, defaultName, counting string, write countedWriteFunc) {
	s.files.Save(lang.L(doing), defaultName, filedialog.Workbooks(), func(path string) {
		s.writeWorkbookCounted(doing, path, counting, write)
	})
}

// writeWorkbookCounted is writeWorkbook with a bar that counts the rows and
// a 取消 that stops the write, leaving no file (and an old one as it was):
// 导出问题行 of 20,000 refused rows takes ten seconds and more, with only a
// moving bar and no way out (brief m7 #3). Tests call it directly.
func (s *shell) writeWorkbookCounted(doing, path, counting string, write countedWriteFunc) {
	wait := kit.ShowCountedProgress(s.win, "正在导出…", filepath.Base(path), counting)
	s.background(func() {
		summary, err := write(path, func(done, total int) error {
			if wait.Cancelled() {
				return errCancelled
			}
			fyne.Do(func() { wait.Set(done, total) })
			return nil
		})
		fyne.Do(func() {
			wait.Hide()
			switch {
			case errors.Is(err, errCancelled):
				// As asked: nothing written, nothing more to say.
			case err != nil:
				s.showError(doing, err)
			default:
				s.showSaved(summary, path)
			}
		})
	})
}

// showSaved says what was written and where, and offers to open the file
// (to print it) or the folder that holds it (to attach it to an e-mail or
// copy it to a USB drive). When the system cannot open either, it says so
// and where the file is.
func (s *shell) showSaved(summary, path string) {
	where := kit.NewWrapLabel(path)
	where.Selectable = true
	if summary == "" {
		summary = lang.L("文件保存在：")
	}
	var d dialog.Dialog
	openFile := kit.NewButtonWithIcon(lang.L("打开文件"), theme.FileIcon(), func() {
		// Hide first: hiding a dialog also removes any shown above it.
		d.Hide()
		kit.OpenLocal(s.win, "打开这个文件", path, path)
	})
	openFile.Importance = widget.HighImportance
	openFolder := kit.NewButtonWithIcon(lang.L("打开所在文件夹"), theme.FolderOpenIcon(), func() {
		d.Hide()
		s.reveal(path)
	})
	copyPath := kit.NewButtonWithIcon(lang.L("复制路径"), theme.ContentCopyIcon(), func() { s.app.Clipboard().SetContent(path) })
	copyPath.Importance = widget.LowImportance
	closeButton := kit.NewButton(lang.L("关闭"), func() { d.Hide() })
	hint := kit.NewWrapLabel(lang.L("打开后可在表格软件中直接打印。"))
	buttons := container.NewBorder(nil, nil, copyPath, container.NewHBox(closeButton, openFolder, openFile))
	d = dialog.NewCustomWithoutButtons(lang.L("导出完成"), container.NewVBox(widget.NewLabel(summary), where, hint, buttons), s.win)
	d.Resize(fyne.NewSize(640, 0))
	s.savedDialog = d
	d.Show()
	// Enter and Esc close it, as every other notice that a job is done
	// (导入完成) does; opening the file or its folder is a click (review
	// s5-8 newuser #10: only a click on 关闭 closed it).
	kit.EnterEsc(s.win, d, d.Hide, d.Hide)
}

// showOpenFailed says that the system could not open the file or folder
// (doing, a Chinese phrase) and repeats where the file is, so that the
// secretary can find it by hand.
func (s *shell) showOpenFailed(doing, path string, err error) {
	kit.OpenFailed(s.win, doing, path, err)
}

// reveal opens the folder that holds path in the system's file manager:
// Explorer with the file selected on Windows, the folder elsewhere; when
// the system cannot, it says so (kit.OpenLocal). Tests may replace it.
func (s *shell) reveal(path string) {
	if s.revealer != nil {
		if err := s.revealer(path); err != nil {
			s.showOpenFailed("打开文件夹", path, err)
		}
		return
	}
	kit.RevealLocal(s.win, path)
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
				// In the window's language, the file's names as they are;
				// titled for every refusal, a file read but of the wrong
				// year too (review s8-7 attack #11).
				kit.Inform(s.win, "没有导入这个文件", kit.SayErr(err))
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
	return lang.N("已导出 {{.N}} 名党员，文件保存在：", n, map[string]any{"N": n}), err
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
