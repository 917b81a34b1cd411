package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/ui/filedialog"
)

// dataFileExt is the extension of a branch's data file.
const dataFileExt = ".db"

// dataFileButtons are 新建数据文件… and 打开其他数据文件… of 设置 → 数据文件:
// a second branch starts in a new file of its own (a copied file would
// carry the first branch's identity and confuse the instructor's
// workspace), and the window switches to it.
func (s *shell) dataFileButtons() fyne.CanvasObject {
	if s.svc.Open == nil || s.svc.Close == nil {
		return container.NewVBox()
	}
	newFile := widget.NewButtonWithIcon(lang.L("新建数据文件…"), theme.DocumentCreateIcon(), s.newDataFile)
	open := widget.NewButtonWithIcon(lang.L("打开其他数据文件…"), theme.FolderOpenIcon(), func() {
		s.files.Open(lang.L("打开其他数据文件"), filedialog.ByExtension(dataFileExt), func(path string) {
			s.SwitchFile(path, nil, nil)
		})
	})
	note := widget.NewLabel(lang.L("管理另一个支部，请新建数据文件，不要复制本文件：复制的文件带着本支部的标识，指导员汇总时会被当作同一个支部。"))
	note.Wrapping = fyne.TextWrapWord
	return container.NewVBox(note, container.NewHBox(newFile, open))
}

// newDataFile asks where the new branch's file goes and opens the window on
// it, an empty ledger with an identity of its own.
func (s *shell) newDataFile() {
	s.files.Save(lang.L("新建数据文件"), lang.L("新支部")+dataFileExt, filedialog.ByExtension(dataFileExt), func(path string) {
		if !strings.EqualFold(filepath.Ext(path), dataFileExt) {
			path += dataFileExt
		}
		if _, err := os.Stat(path); err == nil {
			s.showError("新建数据文件", errors.New("这个位置已有同名文件，请换一个文件名："+path))
			return
		}
		s.SwitchFile(path, nil, nil)
	})
}
