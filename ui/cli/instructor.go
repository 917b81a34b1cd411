package cli

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/term"

	"branchledger/model"
	"branchledger/storage/atomicfile"
	"branchledger/storage/datapkg"
	"branchledger/storage/workspace"
	"branchledger/storage/xlsx"
)

// packageCmd is `package export FILE [--db PATH] [--recipient-file KEY |
// --passphrase-file F]`: the secretary's 导出数据包 for the instructor.
func packageCmd(args []string, env Env) (int, error) {
	if len(args) == 0 || args[0] != "export" {
		return 0, usageError("package 需要 export")
	}
	fs := newFlagSet("package export", env)
	dbPath := fs.String("db", "", "数据文件路径")
	keyFile := fs.String("recipient-file", "", "指导员公钥文件")
	passFile := fs.String("passphrase-file", "", "密码文件（第一行是密码）")
	replace := fs.Bool("replace", false, "替换已有的同名数据包")
	pos, err := parse(fs, args[1:], 1)
	if err != nil {
		return 0, err
	}
	var o datapkg.ExportOptions
	if *keyFile != "" {
		k, err := datapkg.ReadPublicKeyFile(*keyFile)
		if err != nil {
			return 0, err
		}
		o.Key = &k
	}
	if o.Passphrase, err = readNewPassphrase(*passFile); err != nil {
		return 0, err
	}
	store, err := openExisting(*dbPath)
	if err != nil {
		return 0, err
	}
	defer store.Close()
	out, err := packagePath(pos[0], store, datapkg.ExportName, *replace)
	if err != nil {
		return 0, err
	}
	m, kind, err := datapkg.Export(store, out, o, Version)
	if err != nil {
		return 0, err
	}
	var how string
	switch kind {
	case datapkg.ForKey:
		k := o.Key
		if k == nil {
			sk, _, _ := store.InstructorKey()
			k = &datapkg.PublicKey{Recipient: sk.Recipient, Instructor: sk.Instructor}
		}
		how = "encrypted to the instructor's key " + k.Fingerprint()
	case datapkg.Passphrase:
		how = "encrypted with the passphrase"
	default:
		how = "unencrypted"
		fmt.Fprintln(env.Stderr, "注意：没有设置指导员公钥，也没有给出密码，数据包没有加密，其中的身份证号等信息任何人都能看到。")
	}
	fmt.Fprintf(env.Stdout, "package %s: %s %s, members %d, activities %d, dues payments %d (%s)\n",
		out, m.OrgName, m.BranchName, m.Counts["members"], m.Counts["activities"], m.Counts["dues_payments"], how)
	return ExitOK, nil
}

// aggregate is the instructor's commands over a workspace.
func aggregate(args []string, env Env) (int, error) {
	if len(args) == 0 {
		return 0, usageError("aggregate 需要 key、import、orgs、list 或 report")
	}
	switch args[0] {
	case "key":
		return ExitOK, aggregateKey(args[1:], env)
	case "import":
		return aggregateImport(args[1:], env)
	case "orgs":
		if len(args) < 2 || args[1] != "import" {
			return 0, usageError("aggregate orgs 需要 import")
		}
		return aggregateOrgs(args[2:], env)
	case "list":
		return ExitOK, aggregateList(args[1:], env)
	case "report":
		return ExitOK, aggregateReport(args[1:], env)
	}
	return 0, usageError("aggregate 不支持 %q", args[0])
}

// openWorkspace opens the workspace named by --workspace, or the default.
func openWorkspace(path string) (*workspace.Workspace, error) {
	if path == "" {
		p, err := workspace.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	return workspace.Open(path)
}

// keyPassphrase reads the private key's passphrase from file, or asks for
// it on the terminal without echo (twice when confirm, for a new key).
func keyPassphrase(file string, confirm bool, env Env) (string, error) {
	if file != "" {
		return readPassphrase(file)
	}
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return "", errors.New("需要指导员私钥的密码：请用 --passphrase-file 给出，或在终端中运行以输入密码")
	}
	ask := func(prompt string) (string, error) {
		fmt.Fprint(env.Stderr, prompt)
		b, err := term.ReadPassword(fd)
		fmt.Fprintln(env.Stderr)
		return strings.TrimRight(string(b), "\r\n"), err
	}
	p, err := ask("指导员私钥密码 / passphrase: ")
	if err != nil || !confirm {
		return p, err
	}
	again, err := ask("再输入一次 / again: ")
	if err != nil {
		return "", err
	}
	if again != p {
		return "", errors.New("两次输入的密码不一致")
	}
	return p, nil
}

// aggregateKey is `aggregate key --workspace PATH [--passphrase-file F]
// [--instructor NAME] [--save-private-key FILE [--replace]]`:
// the workspace and its key pair are made if missing; the public key file's
// text is printed (a branch can load it as it is).
func aggregateKey(args []string, env Env) (err error) {
	fs := newFlagSet("aggregate key", env)
	path := fs.String("workspace", "", "工作台文件路径")
	passFile := fs.String("passphrase-file", "", "密码文件（第一行是密码）")
	name := fs.String("instructor", "", "指导员姓名（写入公钥文件）")
	saveKey := fs.String("save-private-key", "", "把用密码加密的私钥另存到此文件（备份）")
	replace := fs.Bool("replace", false, "替换已有的私钥文件")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	if *path == "" {
		if *path, err = workspace.DefaultPath(); err != nil {
			return err
		}
	}
	if *saveKey != "" {
		// The command's own input files are never the backup's target,
		// --replace or not: the passphrase would be lost (review s5-final
		// attack #4).
		for _, in := range []struct{ flag, file string }{{"--passphrase-file", *passFile}, {"--workspace", *path}} {
			if in.file != "" && (sameFile(*saveKey, in.file) || filepath.Clean(*saveKey) == filepath.Clean(in.file)) {
				return usageError("--save-private-key %s 就是本命令的 %s，保存私钥会把它替换掉，请换一个文件名", *saveKey, in.flag)
			}
		}
		// What can never hold the key (a folder, a FIFO, /dev/null, a
		// name Windows refuses) is said at once, not after --replace
		// (review s6-11 attack #6).
		if err := atomicfile.CheckTarget(*saveKey); err != nil {
			return err
		}
		// An existing file is replaced only when asked, as `package
		// export` and `backup` do (review s5-11 attack #8).
		if _, err := os.Lstat(*saveKey); err == nil && !*replace {
			return fmt.Errorf("%s 已经存在，私钥没有保存；要替换它，请加 --replace，或换一个文件名", *saveKey)
		}
	}
	// A workspace this run creates is removed again when the run fails
	// (no passphrase given, a refused backup target): a refused first
	// `aggregate key` leaves nothing behind (review s5-final attack #4).
	if _, serr := os.Lstat(*path); errors.Is(serr, os.ErrNotExist) {
		defer func() {
			if err != nil {
				for _, p := range []string{*path, *path + "-journal", *path + "-wal", *path + "-shm"} {
					_ = os.Remove(p)
				}
			}
		}()
	}
	w, err := openWorkspace(*path)
	if err != nil {
		return err
	}
	defer w.Close()
	if *name != "" {
		s, err := w.Settings()
		if err != nil {
			return err
		}
		s.Instructor = *name
		if err := w.SaveSettings(s); err != nil {
			return err
		}
	}
	has, err := w.HasKey()
	if err != nil {
		return err
	}
	if !has {
		p, err := keyPassphrase(*passFile, true, env)
		if err != nil {
			return err
		}
		if msg := workspace.CheckPassphrase(p); msg != "" {
			return errors.New(msg)
		}
		if _, err := w.CreateKey(p); err != nil {
			return err
		}
		fmt.Fprintf(env.Stderr, "已在 %s 生成指导员密钥；私钥用密码加密保存在工作台中，请记住密码。\n", w.Path())
	}
	if *saveKey != "" {
		if err := w.SavePrivateKey(*saveKey); err != nil {
			return err
		}
		fmt.Fprintf(env.Stderr, "已把用密码加密的私钥保存到 %s（请妥善保管；age -d 加密码可解开）\n", *saveKey)
	}
	k, err := w.PublicKey()
	if err != nil {
		return err
	}
	fmt.Fprint(env.Stdout, datapkg.PublicKeyText(k))
	return nil
}

// aggregateImport is `aggregate import FILE_OR_DIR... --workspace PATH
// [--passphrase-file F]`.
func aggregateImport(args []string, env Env) (int, error) {
	fs := newFlagSet("aggregate import", env)
	path := fs.String("workspace", "", "工作台文件路径")
	passFile := fs.String("passphrase-file", "", "指导员私钥的密码文件")
	pkgPassFile := fs.String("package-passphrase-file", "", "设有密码的数据包的密码文件")
	asNew := fs.Bool("as-new", false, "把疑似复制的数据包作为新支部导入")
	same := fs.Bool("same-branch", false, "把疑似复制的数据包仍按同一支部更新")
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return 0, usageError("参数有误：%v", err)
		}
		if len(fs.Args()) == 0 {
			break
		}
		pos, args = append(pos, fs.Args()[0]), fs.Args()[1:]
	}
	if len(pos) == 0 {
		return 0, usageError("aggregate import 需要至少一个数据包或文件夹")
	}
	// A named file that is not a plain file (a FIFO, a device) is one
	// refused package, as a text named .blpkg is, not the end of the run
	// (review s5-final attack #7); Packages refuses it as a whole.
	var named, odd []string
	for _, p := range pos {
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() && !fi.Mode().IsRegular() {
			odd = append(odd, p)
			continue
		}
		named = append(named, p)
	}
	files, err := workspace.Packages(named)
	if err != nil {
		return 0, err
	}
	if len(files)+len(odd) == 0 {
		// "packages 0, refused 0" alone read as if something had been
		// looked at (review s6-11 newuser #1).
		fmt.Fprintf(env.Stderr, "提示：%s 中没有数据包（以 %s 结尾的文件）\n", printable(strings.Join(named, "、")), datapkg.Ext)
	}
	// A passphrase file given is read now, whether a package needs it or
	// not: a misspelt name is said at once, as --package-passphrase-file's.
	var keyPass string
	if *passFile != "" {
		if keyPass, err = readPassphrase(*passFile); err != nil {
			return 0, err
		}
	}
	w, err := openWorkspace(*path)
	if err != nil {
		return 0, err
	}
	defer w.Close()
	// A damaged workspace is said once, not once for every package.
	if err := w.CheckBeforeWrite(); err != nil {
		return 0, err
	}
	o := workspace.ImportOptions{AsNew: *asNew, SameBranch: *same}
	if o.Passphrase, err = readPassphrase(*pkgPassFile); err != nil {
		return 0, err
	}
	if needsKey(files) {
		has, err := w.HasKey()
		if err != nil {
			return 0, err
		}
		if has {
			p := keyPass
			if *passFile == "" {
				if p, err = keyPassphrase("", false, env); err != nil {
					return 0, err
				}
			}
			if err := w.Unlock(p); err != nil {
				return 0, err
			}
		}
	}
	// Each line as its package is done: a long import shows its progress,
	// and what was committed before an interruption is on record.
	refused := len(odd)
	for _, p := range odd {
		fmt.Fprintf(env.Stdout, "refused %s: 不是普通文件，不是数据包\n", printable(p))
	}
	w.ImportAll(files, o, func(_, _ int, r workspace.Result) {
		switch r.Outcome {
		case workspace.Imported, workspace.Replaced, workspace.Unchanged:
			note := ""
			if r.Unencrypted && r.Outcome != workspace.Unchanged {
				note = " (unencrypted)" // as `package export` says it
			}
			if r.Outcome == workspace.Unchanged && r.Err != nil {
				// Older than a package of the same import: no refusal.
				note = "：" + r.Reason()
			}
			if r.LinkedOrg != "" {
				note += " (" + strings.TrimPrefix(workspace.LinkNote(r.LinkedOrg), "；") + ")"
			}
			fmt.Fprintf(env.Stdout, "%s %s%s\n", r.Outcome, printable(r.Branch), printable(note))
		default:
			refused++
			reason := r.Reason() // the line names the file already
			switch {
			case r.Outcome == workspace.HeldBack:
				reason += "（命令行：加 --as-new 作为新支部导入，或 --same-branch 按同一支部更新）"
			case errors.Is(r.Err, datapkg.ErrNeedPassphrase), errors.Is(r.Err, datapkg.ErrWrongPassphrase):
				reason += "（命令行：用 --package-passphrase-file 给出支部设的数据包密码）"
			case errors.Is(r.Err, datapkg.ErrNoKey):
				reason += "（请支部在 设置 → 指导员 中核对公钥指纹是否与本工作台的一致，重新载入公钥后再导出）"
			}
			fmt.Fprintf(env.Stdout, "refused %s: %s\n", printable(r.File), printable(reason))
		}
	})
	fmt.Fprintf(env.Stdout, "packages %d, refused %d\n", len(files)+len(odd), refused)
	if refused > 0 {
		return ExitRejected, nil
	}
	return ExitOK, nil
}

// needsKey reports whether any of files is encrypted to a key.
func needsKey(files []string) bool {
	for _, f := range files {
		if k, err := datapkg.Probe(f); err == nil && k == datapkg.ForKey {
			return true
		}
	}
	return false
}

// aggregateOrgs is `aggregate orgs import FILE.xlsx --workspace PATH
// [--dry-run] [--skip-invalid]`, the same preview-then-commit as the
// window's.
func aggregateOrgs(args []string, env Env) (int, error) {
	fs := newFlagSet("aggregate orgs import", env)
	path := fs.String("workspace", "", "工作台文件路径")
	dryRun := fs.Bool("dry-run", false, "只检查，不写入")
	skipInvalid := fs.Bool("skip-invalid", false, "跳过有问题的行，导入其余的行")
	pos, err := parse(fs, args, 1)
	if err != nil {
		return 0, err
	}
	of, err := xlsx.ReadOrgsFile(pos[0])
	if err != nil {
		return 0, err
	}
	w, err := openWorkspace(*path)
	if err != nil {
		return 0, err
	}
	defer w.Close()
	p, err := w.PlanOrgImport(pos[0], of.Rows)
	if err != nil {
		return 0, err
	}
	for _, r := range p.Rejected {
		fmt.Fprintf(env.Stdout, "row %d: %s\n", r.Row, printable(strings.Join(r.Reasons, "；")))
	}
	if len(p.Rejected) > 0 && !*skipInvalid {
		importedLine(env, *dryRun, 0, len(p.Rejected))
		fmt.Fprintln(env.Stderr, "有行未通过检查，未写入任何数据；修改后重新导入，或加 --skip-invalid 跳过这些行")
		return ExitRejected, nil
	}
	if *dryRun {
		fmt.Fprintf(env.Stderr, "试运行：将新增 %d 个单位，更新 %d 个，%d 个无变化；未写入\n", len(p.Add), len(p.Update), p.Unchanged)
	} else {
		added, updated, linked, err := w.CommitOrgImport(p)
		if err != nil {
			return 0, err
		}
		fmt.Fprintf(env.Stderr, "新增 %d 个单位，更新 %d 个，%d 个无变化（%s）\n", added, updated, p.Unchanged, w.Path())
		if linked > 0 {
			fmt.Fprintf(env.Stderr, "已按单位名称把 %d 个支部关联到单位名录中同名的单位\n", linked)
		}
	}
	importedLine(env, *dryRun, len(p.Add)+len(p.Update)+p.Unchanged, len(p.Rejected))
	return ExitOK, nil
}

// aggregateList is `aggregate list --workspace PATH`: one line per branch
// with its key figures, tab-separated.
func aggregateList(args []string, env Env) error {
	fs := newFlagSet("aggregate list", env)
	path := fs.String("workspace", "", "工作台文件路径")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	w, err := openWorkspace(*path)
	if err != nil {
		return err
	}
	defer w.Close()
	bs, err := w.Branches()
	if err != nil {
		return err
	}
	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	fmt.Fprintln(out, "branch\tsnapshot\tfull\tprobationary\tactivities held/due\tlife 3m+/6m+\tdues 3m+/6m+\tdues due\tdues paid\tserious\twarnings")
	today := w.Today()
	for _, b := range bs {
		g := b.Figures
		taken := b.SnapshotOn.String()
		if b.Stale(today) {
			taken += " (old)"
		}
		fmt.Fprintf(out, "%s\t%s\t%d\t%d\t%d/%d\t%d/%d\t%d/%d\t%s\t%s\t%d\t%d\n", printable(b.Label()), taken, g.Full, g.Probationary,
			g.SlotsHeld, g.SlotsDue, g.LifeAtWarn(), g.LifeSerious, g.DuesAtWarn(), g.DuesSerious, g.DuesDue, g.DuesPaid, g.Serious, g.Warnings)
	}
	cov, err := w.Coverage()
	if err != nil {
		return err
	}
	for _, c := range append(cov.Types, cov.Total) {
		label := string(c.Type)
		if label == "" {
			label = "合计"
		}
		typed := ""
		if c.Typed > 0 {
			typed = fmt.Sprintf(", %d of them organised by the list alone (no branch linked)", c.Typed)
		}
		fmt.Fprintf(out, "coverage %s: organised %s, own %s, work %s (%d in scope%s)\n", label, c.Organised(), c.OwnRate(), c.WorkRate(), c.InScope, typed)
	}
	// A member belongs to one branch: the people on the rolls of several
	// (review s5-11 newuser #8).
	shared, err := w.SharedMembers()
	if err != nil {
		return err
	}
	for _, f := range model.CheckSharedMembers(shared) {
		fmt.Fprintf(out, "shared members: %s\n", printable(f.Message))
	}
	return nil
}

// aggregateReport is `aggregate report OUT.xlsx --workspace PATH`.
func aggregateReport(args []string, env Env) error {
	fs := newFlagSet("aggregate report", env)
	path := fs.String("workspace", "", "工作台文件路径")
	pos, err := parse(fs, args, 1)
	if err != nil {
		return err
	}
	if pos[0] == "-" {
		return usageError("aggregate report 需要一个 .xlsx 文件名（不能写到标准输出）")
	}
	pos[0] = xlsx.WorkbookPath(pos[0])
	w, err := openWorkspace(*path)
	if err != nil {
		return err
	}
	defer w.Close()
	r, err := w.WriteReport(pos[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "report %s: branches %d, organisations %d, members %d\n", pos[0], len(r.Branches), len(r.Orgs), len(r.Members))
	return nil
}
