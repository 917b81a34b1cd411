package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"branchledger/storage"
	"branchledger/storage/atomicfile"
	"branchledger/storage/backup"
	"branchledger/storage/datapkg"
	"branchledger/storage/reason"
)

// backupCmd writes a data package of the data file: `backup OUT [--db PATH]
// [--passphrase-file F] [--replace]`. OUT is the package's path or a folder
// to put it in. The data file must exist; an older package at OUT is
// replaced only with --replace, and nothing else there ever is.
func backupCmd(args []string, env Env) (int, error) {
	fs := newFlagSet("backup", env)
	dbPath := fs.String("db", "", "数据文件路径")
	passFile := fs.String("passphrase-file", "", "密码文件（第一行是密码）")
	replace := fs.Bool("replace", false, "替换已有的同名数据包")
	pos, err := parse(fs, args, 1)
	if err != nil {
		return 0, err
	}
	passphrase, err := readNewPassphrase(*passFile)
	if err != nil {
		return 0, err
	}
	store, err := openExisting(*dbPath)
	if err != nil {
		return 0, err
	}
	defer store.Close()
	out, err := packagePath(pos[0], store, datapkg.FileName, *replace)
	if err != nil {
		return 0, err
	}
	m, err := backup.NewService(store, Version).BackupTo(out, passphrase)
	if err != nil {
		return 0, err
	}
	how := "unencrypted"
	if passphrase != "" {
		how = "encrypted with the passphrase"
	}
	fmt.Fprintf(env.Stdout, "backup %s: members %d, activities %d, dues payments %d (%s)\n",
		out, m.Counts["members"], m.Counts["activities"], m.Counts["dues_payments"], how)
	return ExitOK, nil
}

// packagePath is where a package of store goes for the command line's OUT:
// in a folder, under the name name gives it now; a path without extension
// gets datapkg.Ext. An older package there is replaced only with replace;
// anything else there, the data file itself included, is refused.
func packagePath(out string, store *storage.Store, name func(branch string, at time.Time) string, replace bool) (string, error) {
	fi, serr := os.Stat(out)
	if serr != nil && (strings.HasSuffix(out, "/") || strings.HasSuffix(out, string(filepath.Separator))) {
		// "usb/" names a folder; without it the package would be "usb/.blpkg".
		return "", fmt.Errorf("找不到文件夹 %s：请先建好这个文件夹，或写出数据包的文件名", out)
	}
	switch {
	case serr == nil && !fi.IsDir() && !fi.Mode().IsRegular():
		// A FIFO or a device: refused, not written beside it as
		// "fifo.blpkg" (review s4-final attack #5).
		return "", atomicfile.CheckTarget(out)
	case serr == nil && fi.IsDir():
		sum, err := store.Summary()
		if err != nil {
			return "", err
		}
		out = filepath.Join(out, name(sum.BranchName, store.Now()))
	case !strings.EqualFold(filepath.Ext(out), datapkg.Ext):
		// A package is a .blpkg: an import finds only those in a folder,
		// and only by the name can an encrypted one be told from another
		// age file (review s4-final attack #4: "p1.pkg" was written, then
		// refused as "not a package").
		out += datapkg.Ext
	}
	exists, err := datapkg.CheckTarget(out, store.Path())
	if err != nil {
		return "", err
	}
	if !exists {
		return out, nil
	}
	// Never another branch's package, even with --replace (review s4-11
	// newuser #1: a USB drive holds many branches' packages).
	sum, err := store.Summary()
	if err != nil {
		return "", err
	}
	question, err := datapkg.Replacing(out, sum)
	if err != nil {
		return "", err
	}
	if !replace {
		return "", fmt.Errorf("%s 已经存在：%s要替换它，请加 --replace", out, question.String())
	}
	return out, nil
}

// readNewPassphrase is readPassphrase for protecting a new package: at
// least datapkg.MinPassphrase characters, as in the window.
func readNewPassphrase(name string) (string, error) {
	p, err := readPassphrase(name)
	if err == nil && p != "" && utf8.RuneCountInString(p) < datapkg.MinPassphrase {
		return "", fmt.Errorf("密码文件 %s 中的密码太短：至少要 %d 个字符", name, datapkg.MinPassphrase)
	}
	return p, err
}

// readPassphrase reads the first line of a passphrase file; "" with no file.
func readPassphrase(name string) (string, error) {
	if name == "" {
		return "", nil
	}
	f, err := os.Open(name)
	if err != nil {
		return "", reason.Wrap("无法读取密码文件 "+name, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, 4096))
	if err != nil {
		return "", reason.Wrap("无法读取密码文件 "+name, err)
	}
	// Windows Notepad starts a UTF-8 file with a byte-order mark, which is
	// no part of the passphrase (review s3-11 attack #9).
	line, _, _ := strings.Cut(strings.TrimPrefix(string(b), "\ufeff"), "\n")
	line = strings.TrimSuffix(line, "\r")
	if line == "" {
		return "", fmt.Errorf("密码文件 %s 的第一行是空的", name)
	}
	return line, nil
}

// restoreCmd replaces the data file by a backup or package: `restore FILE
// --db PATH [--passphrase-file F] [--replace-branch]`.
func restoreCmd(args []string, env Env) (int, error) {
	fs := newFlagSet("restore", env)
	dbPath := fs.String("db", "", "数据文件路径")
	passFile := fs.String("passphrase-file", "", "密码文件（第一行是密码）")
	replace := fs.Bool("replace-branch", false, "允许用另一个支部的备份替换")
	pos, err := parse(fs, args, 1)
	if err != nil {
		return 0, err
	}
	if *dbPath == "" {
		return 0, usageError("restore 需要 --db 指明要恢复到哪个数据文件")
	}
	passphrase, err := readPassphrase(*passFile)
	if err != nil {
		return 0, err
	}
	from := pos[0]
	if kind, err := datapkg.Probe(from); err != nil {
		return 0, err
	} else if kind == datapkg.Passphrase && passphrase == "" {
		return 0, fmt.Errorf("%w：%s（用 --passphrase-file 给出密码）", datapkg.ErrNeedPassphrase, from)
	}
	target, err := filepath.Abs(*dbPath)
	if err != nil {
		return 0, reason.Wrap("数据文件路径不正确："+*dbPath, err)
	}
	// The backup is unpacked beside the data file (not in the system's
	// temporary folder): staging it is then a rename, and a kill leaves no
	// copy of the branch's records anywhere the next open does not clear.
	if real, err := filepath.EvalSymlinks(target); err == nil {
		target = real
	}
	dir := filepath.Dir(target)
	made := false
	if !exists(dir) {
		// A new laptop's folder, made for the restore.
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return 0, reason.Wrap(fmt.Sprintf("无法创建文件夹 %s，没有恢复", dir), err)
		}
		made = true
	}
	c, err := backup.Open(from, datapkg.ReadOptions{Passphrase: passphrase, TempDir: dir})
	if err != nil {
		if made {
			os.Remove(dir)
		}
		return 0, err
	}
	defer c.Close()
	printSummary(env, "backup", c.Summary, c.Taken)

	var st *backup.Staged
	if _, serr := os.Lstat(target); errors.Is(serr, os.ErrNotExist) {
		// A new laptop: the data file is made from the backup.
		if st, err = backup.StageNew(target, c); err != nil {
			return 0, err
		}
		if err := st.Commit(); err != nil {
			return 0, err
		}
		fmt.Fprintf(env.Stdout, "restored %s into %s\n", from, target)
		return ExitOK, nil
	}
	store, err := storage.Open(target)
	switch {
	case err == nil:
		cur, serr := store.Summary()
		if serr != nil {
			store.Close()
			return 0, serr
		}
		printSummary(env, "current", cur, time.Time{})
		st, err = backup.Stage(store, c, *replace)
		if cerr := store.Close(); err == nil && cerr != nil {
			st.Discard()
			err = cerr
		}
	case replaceable(err):
		// A file a restore is for: damaged, cut short, empty, changed by
		// another program. It is kept aside as it is (unless empty).
		fmt.Fprintf(env.Stderr, "当前数据文件 %s %s，将用备份替换它\n", target, unusable(err))
		st, err = backup.StageDamaged(target, c, time.Now())
	default:
		return 0, err
	}
	if err != nil {
		return 0, err
	}
	if err := st.Commit(); err != nil {
		return 0, err
	}
	fmt.Fprintf(env.Stdout, "restored %s into %s", from, target)
	if st.Before.Path != "" {
		fmt.Fprintf(env.Stdout, "; the file it replaced is backed up as %s", st.Before.Path)
	}
	if st.Damaged() != "" {
		fmt.Fprintf(env.Stdout, "; the damaged file is kept as %s", st.Damaged())
	}
	fmt.Fprintln(env.Stdout)
	return ExitOK, nil
}

// replaceable reports whether storage.Open refused a data file that a
// restore may replace: one that holds nothing usable of this app's — damaged
// or cut short, empty, or changed by another program — as opposed to a
// file in use, a newer version's, or another program's.
func replaceable(err error) bool {
	return errors.Is(err, storage.ErrDamaged) || errors.Is(err, storage.ErrSchemaChanged) || errors.Is(err, storage.ErrEmptyFile)
}

// unusable says in a few words what is wrong with a replaceable file.
func unusable(err error) string {
	switch {
	case errors.Is(err, storage.ErrEmptyFile):
		return "是空的（0字节）"
	case errors.Is(err, storage.ErrSchemaChanged):
		return "的结构被别的程序改动过"
	}
	return "已损坏或不完整"
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func printSummary(env Env, label string, s storage.Summary, taken time.Time) {
	when := ""
	if !taken.IsZero() {
		when = " of " + taken.Local().Format("2006-01-02 15:04")
	}
	fmt.Fprintf(env.Stdout, "%s%s: %s %s, members %d, activities %d, dues payments %d\n",
		label, when, s.OrgName, s.BranchName, s.Members(), s.Activities(), s.Payments())
}
