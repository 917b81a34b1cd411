package cli

import (
	"fmt"
	"os"

	"branchledger/storage"
	"branchledger/storage/backup"
	"branchledger/storage/rosterfile"
)

func rosterImport(args []string, env Env) (int, error) {
	fs := newFlagSet("roster import", env)
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

	files := rosterfile.New(store)
	preview, err := files.PreviewImport(pos[0])
	if err != nil {
		return 0, err
	}
	for _, r := range preview.Rejected {
		fmt.Fprintf(env.Stdout, "row %d: %s: %s\n", r.Row, r.Field.Label(), r.Reason)
	}
	rejected := preview.RejectedRows()
	valid := preview.Accepted()
	if rejected > 0 && !*skipInvalid {
		fmt.Fprintf(env.Stdout, "imported 0, rejected %d\n", rejected)
		fmt.Fprintln(env.Stderr, "有行未通过检查，未写入任何数据；修改后重新导入，或加 --skip-invalid 跳过这些行")
		return ExitRejected, nil
	}
	if *dryRun {
		fmt.Fprintf(env.Stderr, "试运行：将新增 %d 人，更新 %d 人，%d 人无变化；未写入\n",
			len(preview.Plan.Add), len(preview.Plan.Update), preview.Plan.Unchanged)
	} else {
		added, updated, err := files.CommitImport(preview)
		if err != nil {
			return 0, err
		}
		fmt.Fprintf(env.Stderr, "新增 %d 人，更新 %d 人，%d 人无变化（%s）\n", added, updated, preview.Plan.Unchanged, store.Path())
	}
	fmt.Fprintf(env.Stdout, "imported %d, rejected %d\n", valid, rejected)
	return ExitOK, nil
}

func rosterExport(args []string, env Env) error {
	fs := newFlagSet("roster export", env)
	dbPath := fs.String("db", "", "数据文件路径")
	pos, err := parse(fs, args, 1)
	if err != nil {
		return err
	}
	store, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer store.Close()
	n, err := rosterfile.New(store).ExportRoster(pos[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "exported %d members to %s\n", n, pos[0])
	return nil
}

// openStore opens the database named by --db, or the default one.
func openStore(dbPath string) (*storage.Store, error) {
	if dbPath == "" {
		p, err := storage.DefaultPath()
		if err != nil {
			return nil, err
		}
		dbPath = p
	}
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
