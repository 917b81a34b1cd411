package cli

import (
	"fmt"

	"branchledger/storage"
)

// verifyCmd checks a data file without changing it: SQLite's full
// integrity check, the schema check and the record counts. It prints the
// counts, one line per problem, then `problems N`; the status is 1 if there
// is any.
func verifyCmd(args []string, env Env) (int, error) {
	fs := newFlagSet("verify", env)
	dbPath := fs.String("db", "", "数据文件路径")
	if _, err := parse(fs, args, 0); err != nil {
		return 0, err
	}
	path := *dbPath
	if path == "" {
		p, err := storage.DefaultPath()
		if err != nil {
			return 0, err
		}
		path = p
	}
	v, err := storage.VerifyFile(path)
	if err != nil {
		return 0, err
	}
	fmt.Fprintf(env.Stderr, "检查 %s（数据文件第 %d 版）\n", v.Path, v.Version)
	for _, c := range v.Counts {
		fmt.Fprintf(env.Stderr, "%s：%d\n", c.Label, c.N)
	}
	for _, p := range v.Problems {
		fmt.Fprintln(env.Stdout, p)
	}
	fmt.Fprintf(env.Stdout, "problems %d\n", len(v.Problems))
	if !v.OK() {
		return ExitRejected, nil
	}
	return ExitOK, nil
}
