package cli

import (
	"fmt"

	"branchledger/storage/recruitfile"
	"branchledger/storage/xlsx"
)

func recruit(args []string, env Env) (int, error) {
	if len(args) == 0 {
		return 0, usageError("recruit 需要 import 或 export")
	}
	switch args[0] {
	case "import":
		return recruitImport(args[1:], env)
	case "export":
		return ExitOK, recruitExport(args[1:], env)
	}
	return 0, usageError("recruit 不支持 %q，应为 import 或 export", args[0])
}

// recruitImport reads a pipeline workbook with the roster import's
// behaviour: every refused row printed as `row N: <列>: <原因>`, the
// columns not imported as `columns not imported: …`, what was worked out
// (an old ID number upgraded) on stderr, nothing written while any row is
// refused unless --skip-invalid, then `imported N, rejected M`; exit 1
// when rows were refused and nothing was imported (no backup taken then).
func recruitImport(args []string, env Env) (int, error) {
	fs := newFlagSet("recruit import", env)
	dbPath := fs.String("db", "", "数据文件路径")
	dryRun := fs.Bool("dry-run", false, "只检查，不写入")
	skipInvalid := fs.Bool("skip-invalid", false, "跳过有问题的行，导入其余的行")
	pos, err := parse(fs, args, 1)
	if err != nil {
		return 0, err
	}
	store, err := openStore(*dbPath)
	if err != nil {
		return 0, err
	}
	defer store.Close()

	files := recruitfile.New(store)
	preview, err := files.PreviewImport(pos[0])
	if err != nil {
		return 0, err
	}
	for _, r := range preview.Rejected {
		fmt.Fprintln(env.Stdout, printable(fmt.Sprintf("row %d: %s: %s", r.Row, r.Field, r.Reason)))
	}
	if len(preview.Ignored) > 0 {
		fmt.Fprintf(env.Stdout, "columns not imported: %s\n", printableList(preview.Ignored))
	}
	for _, n := range preview.Notes {
		fmt.Fprintf(env.Stderr, "提示：第%d行：%s\n", n.Row, printable(n.Message))
	}
	rejected := preview.RejectedRows()
	valid := preview.Accepted()
	if rejected > 0 && !*skipInvalid {
		importedLine(env, *dryRun, 0, rejected)
		fmt.Fprintln(env.Stderr, "有行未通过检查，未写入任何数据；修改后重新导入，或加 --skip-invalid 跳过这些行")
		return ExitRejected, nil
	}
	if *dryRun {
		fmt.Fprintf(env.Stderr, "试运行：将新增 %d 人，更新 %d 人，%d 人无变化；未写入\n",
			len(preview.Add), len(preview.Update), preview.Unchanged)
	} else if valid > 0 {
		added, updated, err := files.CommitImport(preview)
		if err != nil {
			return 0, err
		}
		fmt.Fprintf(env.Stderr, "新增 %d 人，更新 %d 人，%d 人无变化（%s）\n", added, updated, preview.Unchanged, store.Path())
	}
	importedLine(env, *dryRun, valid, rejected)
	if valid == 0 && rejected > 0 {
		fmt.Fprintln(env.Stderr, "所有行都未通过检查，没有导入任何人")
		return ExitRejected, nil
	}
	return ExitOK, nil
}

func recruitExport(args []string, env Env) error {
	fs := newFlagSet("recruit export", env)
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
	n, err := recruitfile.New(store).ExportLedger(pos[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "exported %d people to %s\n", n, pos[0])
	said()
	return nil
}
