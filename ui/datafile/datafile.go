// Package datafile is the window's part about the data file itself: the
// banner that says when the file is read-only or damaged (writes are then
// refused by the store), and, in 设置, 检查数据文件, 新建数据文件 and
// 打开其他数据文件.
package datafile

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/storage"
	"branchledger/ui/kit"
)

// File is the open data file (implemented by *storage.Store).
type File interface {
	Path() string
	// ReadOnly: the file cannot be written; the store refuses writes.
	ReadOnly() bool
	// InUse: read-only because another program holds the file open.
	InUse() bool
	// StartCheck runs the full integrity check in the background and calls
	// done (on any goroutine) with its result; writes wait for it.
	StartCheck(done func(error))
	// Verify runs the integrity check, the schema check and the counts.
	Verify(ctx context.Context) (storage.Verification, error)
}

// Host is what the section needs from the window.
type Host interface {
	kit.Host
	// SwitchFile closes the data file and reopens the window on path,
	// running prepare (if not nil) in between (see ui's shell.SwitchFile).
	SwitchFile(path string, prepare func() error, done func(error))
	// SaveFile asks where to save a new file named like name, with one of
	// exts, and hands the path to then.
	SaveFile(title, name string, exts []string, then func(path string))
}

// Ext is a data file's extension.
const Ext = ".db"

// Banner is the line above the screens that says the file cannot be
// written, and why: read-only, or found damaged by the integrity check; and
// that the day's automatic backup failed. It takes no room while all is
// well.
type Banner struct {
	Content *fyne.Container
	text    *kit.WrapLabel
	backup  *kit.WrapLabel // the day's automatic backup failed; hidden otherwise
}

// NewBanner makes the banner for f (nil: none, as in tests of other
// screens) and shows at once whether the file is read-only.
func NewBanner(f File) *Banner {
	b := &Banner{text: kit.NewWrapLabel(""), backup: kit.NewWrapLabel("")}
	b.text.Importance = widget.DangerImportance
	b.text.Hide()
	b.backup.Importance = widget.WarningImportance
	b.backup.Hide()
	icon := widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
	b.Content = container.NewBorder(nil, widget.NewSeparator(), icon, nil, container.NewVBox(b.text, b.backup))
	b.Content.Hide()
	switch {
	case f != nil && f.InUse():
		b.show(lang.L("只读：数据文件正被另一个程序占用（例如网盘同步、备份或杀毒软件正在读取它）。现在可以查看和导出，不能修改；请关闭那个程序或等它完成后，重新打开支部台账。"))
	case f != nil && f.ReadOnly():
		b.show(lang.L("只读：数据文件是只读的（文件设为只读，或U盘有写保护）。可以查看和导出，不能修改；要修改，请把它复制到可以写入的位置（例如“文档”文件夹）后再打开。"))
	}
	return b
}

func (b *Banner) show(text string) {
	b.text.SetText(text)
	b.text.Show()
	b.Content.Show()
}

// BackupFailed says that the day's automatic backup, made when the file
// was opened, did not succeed, and why (err, a sentence for users): a
// program without a console has no other way to say it, and a user who
// trusts the daily backups must know the day there was none. The reason is
// said in the UI language.
func (b *Banner) BackupFailed(err error) {
	// The reason says what to do about it (storage's backupError).
	b.backup.SetText(lang.L("今天的自动备份没有做成：{{.Reason}}。数据文件本身没有受影响；下次打开程序时会再备份，也可以在“设置”→“备份与恢复”中备份到U盘。", map[string]any{"Reason": strings.TrimRight(kit.SayErr(err), "。.")}))
	b.backup.Show()
	b.Content.Show()
}

// WatchDailyBackup shows in b the failure of the day's automatic backup
// whose result daily delivers (nil: no backup is made, nothing to watch).
func WatchDailyBackup(b *Banner, daily <-chan error) {
	if daily == nil {
		return
	}
	go func() {
		if err := <-daily; err != nil {
			fyne.Do(func() { b.BackupFailed(err) })
		}
	}()
}

// StartCheck starts f's integrity check once the window is up; if it finds
// damage, the banner says so and a dialog tells the user what to do.
func StartCheck(h kit.Host, b *Banner, f File) {
	if f == nil {
		return
	}
	f.StartCheck(func(err error) {
		if err == nil {
			return
		}
		fyne.Do(func() {
			b.show(lang.L("数据文件已损坏，为避免损坏扩大，软件已停止写入。请在“设置”中用“恢复”从备份恢复，或把文件交给技术人员检查。"))
			h.ShowError("检查数据文件", err)
		})
	})
}

// Section is the 数据文件 part of 设置 below the path: what the last check
// said and the three actions.
type Section struct {
	Content fyne.CanvasObject
	h       Host
	f       File
	result  *kit.WrapLabel
}

// New makes the section for the window's file f.
func New(h Host, f File) *Section {
	s := &Section{h: h, f: f, result: kit.NewWrapLabel("")}
	if f.ReadOnly() {
		s.result.SetText(lang.L("这个数据文件是只读的：可以查看和导出，不能修改。"))
	}
	check := widget.NewButtonWithIcon(lang.L("检查数据文件"), theme.SearchIcon(), s.verify)
	create := widget.NewButtonWithIcon(lang.L("新建数据文件…"), theme.FileIcon(), s.create)
	open := widget.NewButtonWithIcon(lang.L("打开其他数据文件…"), theme.FolderOpenIcon(), s.open)
	s.Content = container.NewVBox(container.NewHBox(check, create, open), s.result)
	return s
}

// verify runs 检查数据文件 in the background and shows its findings.
func (s *Section) verify() {
	var v storage.Verification
	var err error
	done := s.h.Progress("正在检查数据文件…", s.f.Path())
	s.h.Background(func() {
		v, err = s.f.Verify(context.Background())
	}, func() {
		done()
		if err != nil {
			s.h.ShowError("检查数据文件", err)
			return
		}
		text := Report(v)
		s.result.SetText(text)
		title := lang.L("数据文件完好")
		if !v.OK() {
			title = lang.L("数据文件有问题")
		}
		msg := kit.NewWrapLabel(text)
		d := kit.NewCustom(title, lang.L("关闭"), container.NewVScroll(msg), s.h.Window())
		d.Resize(fyne.NewSize(560, 360))
		d.Show()
	})
}

// Report says what a verification found, in the user's language: the
// problems one a line, or that the file is sound, then the counts.
func Report(v storage.Verification) string {
	var b strings.Builder
	if v.OK() {
		b.WriteString(lang.L("检查完毕，没有发现问题。"))
	} else {
		b.WriteString(lang.N("发现 {{.N}} 个问题：", len(v.Problems), map[string]any{"N": len(v.Problems)}))
		for _, p := range v.Problems {
			b.WriteString("\n" + p)
		}
	}
	for _, c := range v.Counts {
		b.WriteString(fmt.Sprintf("\n%s：%d", lang.L(c.Label), c.N))
	}
	return b.String()
}

// create asks where to make a new data file and reopens the window on it.
func (s *Section) create() {
	s.h.SaveFile(lang.L("新建数据文件"), "支部台账"+Ext, []string{Ext}, func(path string) {
		if !strings.HasSuffix(strings.ToLower(path), Ext) {
			path += Ext
		}
		if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
			s.h.ShowError("新建数据文件", fmt.Errorf("%w：%s", storage.ErrExists, path))
			return
		}
		s.h.Confirm(lang.L("新建数据文件"), fmt.Sprintf(lang.L("将关闭当前的数据文件，在 %s 新建一个空的数据文件并打开它。当前的数据文件保持不变，以后可以用“打开其他数据文件”再打开。"), path), func() {
			s.h.SwitchFile(path, func() error { return CreateFile(path) }, nil)
		})
	})
}

// CreateFile makes a new data file at path while the window holds none (an
// empty file a save dialog may have made is replaced; one with records
// never: storage.ErrExists).
func CreateFile(path string) error {
	st, err := storage.Create(path)
	if err != nil {
		return err
	}
	return st.Close()
}

// open asks for another data file and reopens the window on it.
func (s *Section) open() {
	s.h.ChooseFile("打开其他数据文件", []string{Ext}, func(path string) {
		if fi, err := os.Stat(path); err == nil && fi.Size() == 0 {
			s.h.ShowError("打开其他数据文件", fmt.Errorf("%w：%s", storage.ErrEmptyFile, path))
			return
		} else if errors.Is(err, os.ErrNotExist) {
			s.h.ShowError("打开其他数据文件", fmt.Errorf("找不到文件 %s", path))
			return
		}
		s.h.SwitchFile(path, nil, nil)
	})
}
