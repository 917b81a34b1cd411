package backup

import (
	"errors"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"

	"branchledger/storage"
	bk "branchledger/storage/backup"
	"branchledger/storage/datapkg"
	"branchledger/ui/filedialog"
	"branchledger/ui/kit"
)

// Repairable reports whether the data file could not be opened for a
// reason a restore repairs: it is damaged or cut short, empty, or its
// structure was changed by another program. (A file in use, a newer
// version's or another program's is not for a restore to replace.)
func Repairable(err error) bool {
	return errors.Is(err, storage.ErrDamaged) || errors.Is(err, storage.ErrEmptyFile) || errors.Is(err, storage.ErrSchemaChanged)
}

// RestoreOver is 从备份恢复 for the data file at target that cannot be
// opened (see Repairable), from the start-up window: it asks for a backup
// or package (and its passphrase), checks it, says what it holds and, on
// confirmation, puts it in place of target, keeping a copy of the unusable
// file beside it (bk.StageDamaged). then gets nil once the restored file is
// in place, or the error that stopped the restore (target unchanged);
// nothing is called if the user cancels.
func RestoreOver(win fyne.Window, files *filedialog.Dialogs, target string, then func(error)) {
	files.Open(kit.L("恢复备份"), filedialog.ByExtension(datapkg.Ext, ".db", ".bak"), func(path string) {
		kind, err := datapkg.Probe(path)
		if err != nil {
			then(err)
			return
		}
		if kind == datapkg.Passphrase {
			askExistingPassphrase(win, filepath.Base(path), func(passphrase string) {
				restoreOver(win, path, passphrase, target, then)
			})
			return
		}
		restoreOver(win, path, "", target, then)
	})
}

// restoreOver checks the backup at path and asks before restoring it over
// target; it returns the question, for tests.
func restoreOver(win fyne.Window, path, passphrase, target string, then func(error)) *kit.Dialog {
	// Unpacked beside the data file: no copy of the branch's records in the
	// system's temporary folder, and staging is a rename.
	c, err := bk.Open(path, datapkg.ReadOptions{Passphrase: passphrase, TempDir: filepath.Dir(target)})
	if err != nil {
		then(err)
		return nil
	}
	s := c.Summary
	when := kit.L("时间不详")
	if !c.Taken.IsZero() {
		when = c.Taken.Local().Format("2006-01-02 15:04")
	}
	msg := kit.L("用 {{.When}} 的备份（{{.Branch}}，党员 {{.Members}} 人，活动记录 {{.Activities}} 条，党费交纳记录 {{.Payments}} 条）替换无法打开的数据文件 {{.File}}？原文件会保留一份副本在它旁边。",
		map[string]any{"When": when, "Branch": s.BranchName, "Members": s.Members(),
			"Activities": s.Activities(), "Payments": s.Payments(), "File": target})
	d := kit.NewCustomConfirm(kit.L("从备份恢复"), kit.L("恢复"), kit.L("取消"), kit.NewWrapLabel(msg), func(ok bool) {
		defer c.Close()
		if !ok {
			return
		}
		st, err := bk.StageDamaged(target, c, time.Now())
		if err == nil {
			err = st.Commit()
		}
		then(err)
	}, win)
	d.Resize(kit.FitIn(win, fyne.NewSize(480, 0)))
	d.Show()
	return d
}
