package cli

import (
	"fmt"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/demo"
)

func demoCmd(args []string, env Env) (int, error) {
	fs := newFlagSet("demo", env)
	dbPath := fs.String("db", "", "数据文件路径")
	n := fs.Int("members", 30, "党员人数")
	seed := fs.Int64("seed", 1, "随机种子（相同种子得到相同数据）")
	if _, err := parse(fs, args, 0); err != nil {
		return 0, err
	}
	if *n < 1 || *n > 100000 {
		return 0, usageError("--members 应在 1 到 100000 之间")
	}
	store, err := openStore(*dbPath)
	if err != nil {
		return 0, err
	}
	defer store.Close()
	// One transaction: a demo stopped half way leaves the file as it was,
	// empty, ready for the next try.
	err = store.InTransaction(func(tx *storage.Store) error { return demo.Fill(tx, *n, *seed, model.Today()) })
	if err != nil {
		return 0, err
	}
	fmt.Fprintf(env.Stdout, "demo: %d members in %s\n", *n, store.Path())
	return ExitOK, nil
}

func versionCmd(env Env) error {
	v, err := storage.SQLiteVersion()
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "branchledger %s (SQLite %s)\n", Version, v)
	return nil
}
