package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/backup"
	"branchledger/storage/rosterfile"
	"branchledger/storage/xlsx"
)

func rosterImport(args []string, env Env) (code int, err error) {
	// An import holds every row of the workbook, and then every member
	// made of them, until it ends: at the collector's usual pace (GOGC
	// 100) the heap of a 20,000-row roster was gone over 26 times. Letting
	// it grow twice as far between collections makes that 13, and the
	// command's CPU time some 6% less, for about 10 MB more at the peak
	// (205 → 215 MB); the command's process ends with the import.
	defer debug.SetGCPercent(debug.SetGCPercent(200))
	fs := newFlagSet("roster import", env)
	dbPath := fs.String("db", "", "数据文件路径")
	dryRun := fs.Bool("dry-run", false, "只检查，不写入")
	skipInvalid := fs.Bool("skip-invalid", false, "跳过有问题的行，导入其余的行")
	errorsOut := fs.String("errors", "", "把未通过的行写入这个 .xlsx 文件（原样的列加“错误原因”），改正后可直接重新导入")
	profileBranch := fs.Bool("use-profile-branch", false, "所在党支部一律填写本支部名称（设置中的支部名称）；不给出时与窗口中的导入预览默认相同，=false 按文件填写")
	sheets := sheetFlag(fs)
	var nameBranch []string
	fs.Func("sheet-as-branch", "以这个工作表的名称作为所在党支部（该表没有“所在党支部”列时；可重复；给出时只用于所列的工作表）", func(s string) error {
		nameBranch = append(nameBranch, s)
		return nil
	})
	pos, err := parse(fs, args, 1)
	if err != nil {
		return 0, err
	}
	if *errorsOut != "" {
		*errorsOut = xlsx.WorkbookPath(*errorsOut)
	}
	if *errorsOut != "" && sameFile(*errorsOut, pos[0]) {
		return 0, usageError("--errors %s 就是要导入的花名册，写入问题行会把它替换掉，请换一个文件名", *errorsOut)
	}
	// A data file this run creates is removed again when nothing was
	// imported into it: a refused file leaves no empty roster behind.
	if path, perr := dataPath(*dbPath); perr == nil && !*dryRun {
		if _, serr := os.Stat(path); errors.Is(serr, os.ErrNotExist) {
			defer func() {
				if err != nil || code != ExitOK {
					for _, p := range []string{path, path + "-journal", path + "-wal", path + "-shm"} {
						_ = os.Remove(p)
					}
				}
			}()
		}
	}
	store, done, err := openForImport(*dbPath, *dryRun)
	if err != nil {
		return 0, err
	}
	defer done()

	files := rosterfile.New(store)
	choice := model.ImportChoice{Sheets: *sheets, SheetNameBranch: nameBranch, ProfileBranch: *profileBranch}
	// Without the flag the file imports as the window's preview offers it
	// (one rule, in rosterfile): a roster without 所在党支部 went in with
	// the branch from the window and without one from here.
	preview, err := files.PreviewImportOffered(pos[0], choice)
	if flagGiven(fs, "use-profile-branch") {
		preview, err = files.PreviewImportWith(pos[0], choice)
	}
	if err != nil {
		return 0, err
	}
	for _, want := range append(slices.Clip(*sheets), nameBranch...) {
		// Named as the user sees it (rosterfile matches it so).
		same := func(name string) bool { _, ok := xlsx.SheetNamed([]string{name}, want); return ok }
		i := slices.IndexFunc(preview.Sheets, func(s model.ImportSheet) bool { return same(s.Name) })
		// Said with the reason the sheet was not read: its headings may be
		// there but not readable as a header, not missing.
		if k := slices.IndexFunc(preview.Skipped, func(s model.SkippedSheet) bool { return same(s.Name) }); i < 0 && k >= 0 {
			return 0, fmt.Errorf("工作表“%s”%s", want, preview.Skipped[k].Reason)
		}
		if i < 0 {
			var names []string
			for _, s := range preview.Sheets {
				names = append(names, model.CleanLine(s.Name))
			}
			for _, s := range preview.Skipped {
				names = append(names, model.CleanLine(s.Name))
			}
			return 0, fmt.Errorf("没有名为“%s”的工作表；文件中的工作表：%s", want, strings.Join(names, "、"))
		}
		if s := preview.Sheets[i]; slices.Contains(nameBranch, want) && !s.CanUseName {
			if s.NameWhy != "" {
				return 0, fmt.Errorf("工作表名称“%s”%s，不能作为所在党支部；请在 Excel 或 WPS 中把工作表改名为党支部的名称（如“第一党支部”）后再导入", want, s.NameWhy)
			}
			return 0, fmt.Errorf("工作表“%s”已有“所在党支部”列（或标题写明了支部），不能再以工作表名称作为所在党支部", want)
		}
	}
	multi := preview.MultiSheet()
	for _, r := range preview.Rejected {
		fmt.Fprintln(env.Stdout, printable(r.Line(multi)))
	}
	if ignored := preview.Ignored(); len(ignored) > 0 {
		fmt.Fprintf(env.Stdout, "columns not imported: %s\n", printableList(ignored))
	}
	if sheets := preview.NotImported(); len(sheets) > 0 {
		fmt.Fprintf(env.Stdout, "sheets not imported: %s\n", printableList(sheets))
	}
	importNotes(env, preview, !flagGiven(fs, "use-profile-branch"))

	rejected := preview.RejectedRows()
	valid := preview.Accepted()
	if *errorsOut != "" {
		if rejected == 0 {
			fmt.Fprintf(env.Stderr, "没有未通过的行，未生成 %s\n", *errorsOut)
		} else {
			n, err := files.WriteRejected(preview, *errorsOut, nil)
			if err != nil {
				return 0, err
			}
			fmt.Fprintf(env.Stderr, "已将 %d 行未通过的行写入 %s：改正标红的单元格（原因见“错误原因”列）后可直接重新导入\n", n, *errorsOut)
		}
	}
	if rejected > 0 && !*skipInvalid {
		importedLine(env, *dryRun, 0, rejected)
		fmt.Fprintln(env.Stderr, "有行未通过检查，未写入任何数据；修改后重新导入，或加 --skip-invalid 跳过这些行")
		return ExitRejected, nil
	}
	paid := ""
	if n := len(preview.Plan.Openings); n > 0 {
		paid = fmt.Sprintf("；%d 人登记党费已交至", n)
	}
	if *dryRun {
		fmt.Fprintf(env.Stderr, "试运行：将新增 %d 人，更新 %d 人，%d 人无变化%s；未写入\n",
			len(preview.Plan.Add), len(preview.Plan.Update), preview.Plan.Unchanged, paid)
	} else if valid > 0 {
		added, updated, err := files.CommitImport(preview)
		if err != nil {
			return 0, err
		}
		fmt.Fprintf(env.Stderr, "新增 %d 人，更新 %d 人，%d 人无变化%s（%s）\n", added, updated, preview.Plan.Unchanged, paid, store.Path())
	}
	importedLine(env, *dryRun, valid, rejected)
	if valid == 0 && rejected > 0 {
		fmt.Fprintln(env.Stderr, "所有行都未通过检查，没有导入任何人")
		return ExitRejected, nil
	}
	// Every sheet left out (a template's 样表 taken for examples, a sheet
	// of people who left): nothing imported is no success (review s7-7
	// attack #4).
	if valid == 0 && len(preview.Sheets) > 0 && !slices.ContainsFunc(preview.Sheets, func(s model.ImportSheet) bool { return s.Included }) {
		fmt.Fprintln(env.Stderr, "没有导入任何人：文件中的工作表都没有作为党员导入（原因见上面的提示）；确需导入时用 --sheet 列出要导入的工作表")
		return ExitRejected, nil
	}
	// An empty template picked by mistake: no member read is no success
	// either (review s8-7 newuser #8).
	if valid == 0 && rejected == 0 {
		fmt.Fprintln(env.Stderr, "没有导入任何人：文件中没有读到党员（表头下的行都是空的）")
		return ExitRejected, nil
	}
	return ExitOK, nil
}

// importNotes tells, on stderr, what the import worked out or chose without
// refusing anything: sheets left out, sheet names taken for 所在党支部,
// branch names other than the profile's (and, when offered decided
// 所在党支部一律填写本支部, that it did), fields worked out, ID numbers
// upgraded.
func importNotes(env Env, p model.ImportPreview, offered bool) {
	multi := p.MultiSheet()
	for _, s := range p.Sheets {
		s.Name = printable(s.Name) // a file's sheet names are untrusted
		switch {
		case !s.Included && s.Example && !s.Hidden:
			fmt.Fprintf(env.Stderr, "提示：工作表“%s”看来是表格模板的填写示例或说明，没有作为党员导入（确需导入时用 --sheet 列出要导入的每个工作表）\n", s.Name)
		case s.Included && s.Example:
			fmt.Fprintf(env.Stderr, "提示：工作表“%s”看来是表格模板的填写示例或说明，按所选作为党员导入\n", s.Name)
		case !s.Included && s.Earlier != "" && !s.Hidden:
			fmt.Fprintf(env.Stderr, "提示：工作表“%s”看来是往年的名册，没有导入：只导入最新的“%s”；其中%d人不在“%s”中（已离开），没有导入（确需导入时用 --sheet 列出要导入的每个工作表）\n", s.Name, printable(s.Earlier), s.EarlierMissing, printable(s.Earlier))
		case !s.Included && s.LeftTitle != "" && !s.Hidden:
			fmt.Fprintf(env.Stderr, "提示：工作表“%s”的标题“%s”含“%s”，看来是已不在册的人员，没有作为在册党员导入（确需导入时用 --sheet 列出要导入的每个工作表）\n", s.Name, printable(s.LeftTitle), s.Left)
		case s.Included && s.LeftTitle != "":
			fmt.Fprintf(env.Stderr, "提示：工作表“%s”的标题“%s”含“%s”，按所选作为在册党员导入\n", s.Name, printable(s.LeftTitle), s.Left)
		case !s.Included && s.Left != "" && !s.Hidden:
			fmt.Fprintf(env.Stderr, "提示：工作表“%s”的名称含“%s”，看来是已不在册的人员，没有作为在册党员导入（确需导入时用 --sheet 列出要导入的每个工作表）\n", s.Name, s.Left)
		case s.Included && s.Left != "":
			fmt.Fprintf(env.Stderr, "提示：工作表“%s”的名称含“%s”，按所选作为在册党员导入\n", s.Name, s.Left)
		case !s.Included && s.Hidden:
			fmt.Fprintf(env.Stderr, "提示：工作表“%s”是隐藏的，没有导入（需要时加 --sheet %s）\n", s.Name, s.Name)
		case !s.Included:
			fmt.Fprintf(env.Stderr, "提示：工作表“%s”没有导入\n", s.Name)
		case s.BranchFromName && s.NameBranch != s.Name:
			fmt.Fprintf(env.Stderr, "提示：工作表“%s”没有“所在党支部”列，以工作表名称作为所在党支部，记为“%s”\n", s.Name, printable(s.NameBranch))
		case s.BranchFromName:
			fmt.Fprintf(env.Stderr, "提示：工作表“%s”没有“所在党支部”列，以工作表名称作为所在党支部\n", s.Name)
		case s.CanUseName && multi && s.NameBranch != s.Name:
			fmt.Fprintf(env.Stderr, "提示：工作表“%s”没有“所在党支部”列；如其中的党员都在“%s”，加 --sheet-as-branch %s\n", s.Name, printable(s.NameBranch), s.Name)
		case s.CanUseName && multi:
			fmt.Fprintf(env.Stderr, "提示：工作表“%s”没有“所在党支部”列；如应以工作表名称作为所在党支部，加 --sheet-as-branch %s\n", s.Name, s.Name)
		}
	}
	for _, n := range p.Notes {
		fmt.Fprintln(env.Stderr, noteLine(n, multi))
	}
	// The roster knows a member by ID number: a row that gives another
	// name renames them, which may be another person's row (a refused
	// duplicate fixed up in the --errors workbook).
	for _, u := range p.Plan.Update {
		if u.Before.Name != u.After.Name {
			fmt.Fprintf(env.Stderr, "提示：身份证号码 %s在名册中是“%s”，文件中的姓名为“%s”：将改名为“%s”；如不是同一人，请核对这一行的身份证号码\n",
				idAsFileShows(p.Notes, u.After.IDNumber), printable(u.Before.Name), printable(u.After.Name), printable(u.After.Name))
		}
	}
	if offered && p.Choice.ProfileBranch && p.EmptyBranches > 0 {
		fmt.Fprintf(env.Stderr, "提示：%d 人的所在党支部为空（文件中没有），一律填写本支部名称“%s”；如不是本支部的党员，加 --use-profile-branch=false\n", p.EmptyBranches, p.ProfileBranch)
	}
	if offered && p.Choice.ProfileBranch && p.OtherBranches > 0 {
		fmt.Fprintf(env.Stderr, "提示：%d 人的所在党支部（%s）与本支部名称“%s”不同，名册中的党员都已是本支部名称，按本支部名称填写；如应按文件填写，加 --use-profile-branch=false\n",
			p.OtherBranches, strings.Join(p.OtherNames, "、"), p.ProfileBranch)
	}
	if p.EmptyBranches > 0 && !p.Choice.ProfileBranch {
		hint := ""
		if p.ProfileBranch != "" {
			hint = fmt.Sprintf("；如都属本支部，加 --use-profile-branch 一律填写“%s”", p.ProfileBranch)
		}
		fmt.Fprintf(env.Stderr, "提示：%d 人的所在党支部为空（文件中没有）%s\n", p.EmptyBranches, hint)
	}
	if p.OtherBranches > 0 && !p.Choice.ProfileBranch {
		fmt.Fprintf(env.Stderr, "提示：%d 人的所在党支部（%s）与本支部名称“%s”不同；如应一律填写本支部名称，加 --use-profile-branch\n",
			p.OtherBranches, strings.Join(p.OtherNames, "、"), p.ProfileBranch)
	}
}

func rosterExport(args []string, env Env) error {
	fs := newFlagSet("roster export", env)
	dbPath := fs.String("db", "", "数据文件路径")
	pos, err := parse(fs, args, 1)
	if err != nil {
		return err
	}
	pos[0] = xlsx.WorkbookPath(pos[0])
	store, err := openExisting(*dbPath)
	if err != nil {
		return err
	}
	defer store.Close()
	said := replacedNote(env, pos[0])
	n, err := rosterfile.New(store).ExportRoster(pos[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "exported %d members to %s\n", n, pos[0])
	said()
	return nil
}

// openStore opens the database named by --db, or the default one; a path
// where nothing is yet gets a new data file (an import, demo).
func openStore(dbPath string) (*storage.Store, error) {
	dbPath, err := dataPath(dbPath)
	if err != nil {
		return nil, err
	}
	return open(dbPath)
}

// openForImport is openStore for an import; for a dry run (which writes
// nothing, not even a new empty data file) on a --db where there is no file
// yet, it checks against an empty ledger in a temporary folder, removed by
// done.
func openForImport(dbPath string, dryRun bool) (store *storage.Store, done func(), err error) {
	path, err := dataPath(dbPath)
	if err != nil {
		return nil, nil, err
	}
	if _, serr := os.Stat(path); !dryRun || !errors.Is(serr, os.ErrNotExist) {
		s, err := open(path)
		if err != nil {
			return nil, nil, err
		}
		return s, func() { s.Close() }, nil
	}
	dir, err := os.MkdirTemp("", "branchledger-dry-run-")
	if err != nil {
		return nil, nil, err
	}
	s, err := storage.Open(filepath.Join(dir, storage.FileName))
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	return s, func() { s.Close(); os.RemoveAll(dir) }, nil
}

// openExisting is openStore for the commands that only read the data file
// (exports, check, backup): a path where nothing is — a typo in --db — is
// refused rather than made into an empty ledger, whose backup would then
// replace a good one.
func openExisting(dbPath string) (*storage.Store, error) {
	dbPath, err := dataPath(dbPath)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(dbPath); errors.Is(err, os.ErrNotExist) {
		abs, _ := filepath.Abs(dbPath)
		return nil, fmt.Errorf("找不到数据文件 %s（这个命令不新建数据文件，请检查路径）", abs)
	}
	return open(dbPath)
}

// dataPath is the --db path, refused when its folder does not exist
// (storage.CheckFolder: a typing slip must not make folders and an empty
// ledger), or the default one.
func dataPath(dbPath string) (string, error) {
	if dbPath != "" {
		return dbPath, storage.CheckFolder(dbPath)
	}
	return storage.DefaultPath()
}

// open opens the data file at dbPath and takes the day's automatic backup.
func open(dbPath string) (*storage.Store, error) {
	store, err := storage.Open(dbPath)
	if err != nil {
		return nil, err
	}
	// The day's automatic backup, as the window takes it: a script that
	// changes the file every day gets its backups too.
	if _, _, err := backup.Daily(store); err != nil {
		fmt.Fprintf(os.Stderr, "警告：今天的自动备份没有完成：%v\n", err)
	}
	return store, nil
}

// sameFile reports whether a and b name one existing file.
func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// sheetFlag is --sheet NAME of the imports (roster, dues bases): only the
// sheets named are read; repeatable. nil when not given.
func sheetFlag(fs *flag.FlagSet) *[]string {
	var sheets []string
	fs.Func("sheet", "只导入这个工作表（可重复）", func(s string) error {
		sheets = append(sheets, s)
		return nil
	})
	return &sheets
}

// idAsFileShows is an ID number as the file shows it: an old 15-digit
// number the import upgraded (its note names both) is quoted as its 15
// digits with the upgrade after it — the 18 digits alone are a number the
// user cannot find in the sheet (review s13-attack #7). A plain number
// has a space after it, as the line reads before the next word.
func idAsFileShows(notes []model.ImportNote, id string) string {
	if len(id) != 18 || !strings.HasPrefix(id[6:], "19") {
		return id + " "
	}
	old := id[:6] + id[8:17]
	for _, n := range notes {
		if n.Field == model.FieldIDNumber && slices.Contains(n.Text.Args, any(old)) && slices.Contains(n.Text.Args, any(id)) {
			return fmt.Sprintf("%s（升级为18位 %s）", old, id)
		}
	}
	return id + " "
}

// flagGiven reports whether the flag name was on the command line, as
// --name or --name=false: for a flag whose absence means the window's
// default rather than its zero value.
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}
