// Package backup is the 备份与恢复 part of 设置: the automatic backups beside
// the data file and the space they take, 备份到… (a data package onto a USB
// drive, with a passphrase if wanted) and 恢复 (from an automatic backup or a
// package) with a preview of what would replace what. The window reopens on
// the restored file through the Host's SwitchFile.
package backup

import (
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/storage"
	bk "branchledger/storage/backup"
	"branchledger/storage/datapkg"
	"branchledger/ui/filedialog"
	"branchledger/ui/kit"
)

// Service is the backups of the open data file (*storage/backup.Service).
type Service interface {
	DataPath() string
	BackupsDir() string
	Backups() ([]bk.Backup, error)
	// BackupTo writes a data package to out, with a passphrase unless "".
	BackupTo(out, passphrase string) (datapkg.Manifest, error)
	Probe(path string) (datapkg.Kind, error)
	// Open reads and checks a backup or package for a restore.
	Open(path, passphrase string) (*bk.Candidate, error)
	Current() (storage.Summary, error)
	// Stage backs the current file up and writes the restored one beside
	// it; its Commit renames it into place once the file is closed.
	Stage(c *bk.Candidate, replaceOther bool) (*bk.Staged, error)
}

// Host is what the section needs from the window.
type Host interface {
	kit.Host
	// SwitchFile closes the data file, runs prepare, and reopens the
	// window on path (see ui's shell.SwitchFile).
	SwitchFile(path string, prepare func() error, done func(error))
}

// Section is the 备份与恢复 card's content.
type Section struct {
	Content fyne.CanvasObject

	h       Host
	svc     Service
	files   *filedialog.Dialogs
	backups []bk.Backup
	list    *widget.List
	summary *kit.WrapLabel // how many backups, how much space
	empty   *widget.Label
	// preview is the restore preview last shown, for tests.
	preview *preview
}

// reasonNames say in the UI why an automatic backup was taken.
var reasonNames = map[storage.BackupReason]string{
	storage.BackupDaily:   "每日自动备份",
	storage.BackupImport:  "导入前",
	storage.BackupBulk:    "批量修改前",
	storage.BackupRestore: "恢复前",
	storage.BackupUpgrade: "升级前",
}

// New builds the section over svc; it lists the backups at once.
func New(h Host, svc Service) *Section {
	s := &Section{h: h, svc: svc, files: filedialog.New(h.Window(), fyne.CurrentApp().Preferences())}
	intro := kit.NewWrapLabel(kit.L("每天第一次打开数据文件时（如果数据有改动），以及每次导入、恢复和升级之前，软件都会自动备份到数据文件旁的 backups 文件夹：保留今天的全部备份、最近 {{.Days}} 天每天一份和最近 {{.Months}} 个月每月一份。备份到U盘请用“备份到…”。",
		map[string]any{"Days": bk.KeepDays, "Months": bk.KeepMonths}))
	s.summary = kit.NewWrapLabel("")
	openFolder := widget.NewButtonWithIcon(kit.L("打开备份文件夹"), theme.FolderOpenIcon(), s.openFolder)
	s.empty = widget.NewLabel(kit.L("还没有自动备份。"))
	s.list = widget.NewList(func() int { return len(s.backups) }, s.newRow, s.updateRow)
	// A list has no height of its own; five rows say enough and the list
	// scrolls for the rest.
	strut := canvas.NewRectangle(nil)
	strut.SetMinSize(fyne.NewSize(0, 5*s.rowHeight()))
	backupTo := widget.NewButtonWithIcon(kit.L("备份到…"), theme.DocumentSaveIcon(), s.backupTo)
	backupTo.Importance = widget.HighImportance
	restoreFile := widget.NewButtonWithIcon(kit.L("从备份文件恢复…"), theme.HistoryIcon(), s.chooseRestore)
	s.Content = container.NewVBox(
		intro,
		container.NewBorder(nil, nil, nil, openFolder, s.summary),
		container.NewStack(strut, s.list, s.empty),
		container.NewHBox(backupTo, restoreFile),
	)
	s.Refresh()
	// Imports and restores add backups.
	h.OnDataChanged(s.Refresh)
	return s
}

func (s *Section) rowHeight() float32 {
	return widget.NewLabel("2026").MinSize().Height + theme.Padding()
}

func (s *Section) newRow() fyne.CanvasObject {
	restore := widget.NewButton(kit.L("恢复…"), nil)
	return container.NewBorder(nil, nil, nil, restore, widget.NewLabel(""))
}

func (s *Section) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	b := s.backups[id]
	row := o.(*fyne.Container)
	row.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s    %s    %s",
		b.Taken.Format("2006-01-02 15:04"), kit.L(reasonNames[b.Reason]), sizeText(b.Size)))
	row.Objects[1].(*widget.Button).OnTapped = func() { s.restore(b.Path) }
}

// Refresh lists the backups again.
func (s *Section) Refresh() {
	bs, err := s.svc.Backups()
	if err != nil {
		s.summary.SetText(err.Error())
		return
	}
	s.backups = bs
	s.summary.SetText(kit.N("自动备份 {{.N}} 个，共占用 {{.Size}}，保存在：{{.Dir}}", len(bs),
		map[string]any{"N": len(bs), "Size": sizeText(bk.Space(bs)), "Dir": s.svc.BackupsDir()}))
	if len(bs) == 0 {
		s.empty.Show()
		s.list.Hide()
	} else {
		s.empty.Hide()
		s.list.Show()
	}
	s.list.Refresh()
}

// sizeText is a size in KB or MB, as a file manager shows it.
func sizeText(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%.0f KB", float64(n)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

func (s *Section) openFolder() {
	dir := s.svc.BackupsDir()
	kit.OpenLocal(s.h.Window(), "打开备份文件夹", dir, dir)
}

// backupTo asks where to put a package (a USB drive), then whether to set a
// passphrase, and writes it.
func (s *Section) backupTo() {
	cur, err := s.svc.Current()
	if err != nil {
		s.h.ShowError("备份数据", err)
		return
	}
	name := datapkg.FileName(cur.BranchName, time.Now())
	s.files.Save(kit.L("备份到…"), name, filedialog.ByExtension(datapkg.Ext), func(path string) {
		askPassphrase(s.h.Window(), func(passphrase string) { s.writePackage(path, passphrase) })
	})
}

// writePackage writes the package in the background and says where it is.
func (s *Section) writePackage(path, passphrase string) {
	done := s.h.Progress("正在备份…", filepath.Base(path))
	var m datapkg.Manifest
	var err error
	s.h.Background(func() { m, err = s.svc.BackupTo(path, passphrase) }, func() {
		done()
		if err != nil {
			s.h.ShowError("备份数据", err)
			return
		}
		msg := kit.L("已备份：党员 {{.Members}} 人，活动记录 {{.Activities}} 条，党费记录 {{.Payments}} 条。文件保存在：",
			map[string]any{"Members": m.Counts["members"], "Activities": m.Counts["activities"], "Payments": m.Counts["dues_payments"]})
		if passphrase != "" {
			msg = kit.L("已用密码保护。") + msg
		}
		showDone(s.h.Window(), kit.L("备份完成"), msg, path)
	})
}

// chooseRestore asks for a backup or package file and restores it.
func (s *Section) chooseRestore() {
	s.h.ChooseFile("恢复备份", []string{datapkg.Ext, ".db", ".bak"}, s.restore)
}

// restore reads the file at path (asking for its passphrase if it has one),
// previews it beside the current file and restores it on confirmation.
func (s *Section) restore(path string) {
	kind, err := s.svc.Probe(path)
	if err != nil {
		s.h.ShowError("恢复备份", err)
		return
	}
	if kind == datapkg.Passphrase {
		askExistingPassphrase(s.h.Window(), filepath.Base(path), func(passphrase string) { s.open(path, passphrase) })
		return
	}
	s.open(path, "")
}

// open checks the file in the background and shows the preview.
func (s *Section) open(path, passphrase string) {
	done := s.h.Progress("正在检查备份…", filepath.Base(path))
	var c *bk.Candidate
	var cur storage.Summary
	var err error
	s.h.Background(func() {
		if c, err = s.svc.Open(path, passphrase); err != nil {
			return
		}
		if cur, err = s.svc.Current(); err != nil {
			c.Close()
		}
	}, func() {
		done()
		if err != nil {
			s.h.ShowError("恢复备份", err)
			return
		}
		s.preview = showPreview(s.h.Window(), c, cur, func(replaceOther bool) { s.commit(c, replaceOther) }, func() { c.Close() })
	})
}

// commit backs up the current file, writes the restored one beside it and
// reopens the window on it.
func (s *Section) commit(c *bk.Candidate, replaceOther bool) {
	done := s.h.Progress("正在恢复…", filepath.Base(c.Source))
	var st *bk.Staged
	var err error
	s.h.Background(func() { st, err = s.svc.Stage(c, replaceOther) }, func() {
		done()
		if err != nil {
			c.Close()
			s.h.ShowError("恢复备份", err)
			return
		}
		win, source, taken := s.h.Window(), c.Source, c.Taken
		s.h.SwitchFile(st.Target, st.Commit, func(err error) {
			c.Close()
			if err != nil {
				// The window has said why and is back on the old file; the
				// restored copy, if never renamed into place, goes.
				st.Discard()
				return
			}
			args := map[string]any{"When": taken.Local().Format("2006-01-02 15:04"), "File": filepath.Base(source)}
			if st.Before.Path == "" && st.Damaged() != "" {
				// The file was damaged: kept as a copy, not backed up.
				showDone(win, kit.L("恢复完成"), kit.L("已恢复 {{.When}} 的数据（来自 {{.File}}）。原来的数据文件已损坏，它的副本保留在：", args), st.Damaged())
				return
			}
			msg := kit.L("已恢复 {{.When}} 的数据（来自 {{.File}}）。恢复前的数据文件已自动备份：", args)
			showDone(win, kit.L("恢复完成"), msg, st.Before.Path)
		})
	})
}
