package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"branchledger/storage"
	"branchledger/storage/backup"
	"branchledger/storage/datapkg"
)

// backupCmd writes a data package of the data file: `backup OUT [--db PATH]
// [--passphrase-file F]`. OUT is the package's path or a folder to put it in.
func backupCmd(args []string, env Env) (int, error) {
	fs := newFlagSet("backup", env)
	dbPath := fs.String("db", "", "数据文件路径")
	passFile := fs.String("passphrase-file", "", "密码文件（第一行是密码）")
	pos, err := parse(fs, args, 1)
	if err != nil {
		return 0, err
	}
	passphrase, err := readPassphrase(*passFile)
	if err != nil {
		return 0, err
	}
	store, err := openStore(*dbPath)
	if err != nil {
		return 0, err
	}
	defer store.Close()
	out := pos[0]
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		sum, err := store.Summary()
		if err != nil {
			return 0, err
		}
		out = filepath.Join(out, datapkg.FileName(sum.BranchName, store.Now()))
	} else if filepath.Ext(out) == "" {
		out += datapkg.Ext
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

// readPassphrase reads the first line of a passphrase file; "" with no file.
func readPassphrase(name string) (string, error) {
	if name == "" {
		return "", nil
	}
	f, err := os.Open(name)
	if err != nil {
		return "", fmt.Errorf("无法读取密码文件 %s：%w", name, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, 4096))
	if err != nil {
		return "", fmt.Errorf("无法读取密码文件 %s：%w", name, err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
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
	c, err := backup.Open(from, datapkg.ReadOptions{Passphrase: passphrase})
	if err != nil {
		return 0, err
	}
	defer c.Close()
	printSummary(env, "backup ", c.Summary, c.Taken)

	target, err := filepath.Abs(*dbPath)
	if err != nil {
		return 0, err
	}
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
	case errors.Is(err, storage.ErrDamaged) || errors.Is(err, storage.ErrSchemaChanged):
		fmt.Fprintf(env.Stderr, "当前数据文件无法使用（%v），恢复后它的副本保留在旁边\n", err)
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
	fmt.Fprintln(env.Stdout)
	return ExitOK, nil
}

func printSummary(env Env, label string, s storage.Summary, taken time.Time) {
	when := ""
	if !taken.IsZero() {
		when = " of " + taken.Local().Format("2006-01-02 15:04")
	}
	fmt.Fprintf(env.Stdout, "%s%s: %s %s, members %d, activities %d, dues payments %d\n",
		label, when, s.OrgName, s.BranchName, s.Members(), s.Activities(), s.Payments())
}
