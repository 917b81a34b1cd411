package cli

import (
	"fmt"
	"strconv"

	"branchledger/model"
	"branchledger/storage/activityfile"
	"branchledger/storage/recruitfile"
)

func activity(args []string, env Env) (int, error) {
	if len(args) == 0 || args[0] != "export" {
		return 0, usageError("activity 需要 export：branchledger activity export 年份 文件.xlsx")
	}
	fs := newFlagSet("activity export", env)
	dbPath := fs.String("db", "", "数据文件路径")
	pos, err := parse(fs, args[1:], 2)
	if err != nil {
		return 0, err
	}
	year, err := strconv.Atoi(pos[0])
	if err != nil || year < 1900 || year > 2200 {
		return 0, usageError("年份 %q 不正确，应为四位数字，如 2026", pos[0])
	}
	store, err := openStore(*dbPath)
	if err != nil {
		return 0, err
	}
	defer store.Close()
	n, err := activityfile.New(store).ExportLedger(year, pos[1])
	if err != nil {
		return 0, err
	}
	fmt.Fprintf(env.Stdout, "exported %d activities of %d to %s\n", n, year, pos[1])
	return ExitOK, nil
}

// check prints every compliance finding of the year, one per line, then
// `findings N`. Findings are the point of the command, not a failure: it
// exits 0 whatever it finds.
func check(args []string, env Env) (int, error) {
	fs := newFlagSet("check", env)
	dbPath := fs.String("db", "", "数据文件路径")
	year := fs.Int("year", model.Today().Year, "年份")
	if _, err := parse(fs, args, 0); err != nil {
		return 0, err
	}
	if *year < 1900 || *year > 2200 {
		return 0, usageError("--year %d 不正确", *year)
	}
	store, err := openStore(*dbPath)
	if err != nil {
		return 0, err
	}
	defer store.Close()
	c, err := activityfile.New(store).Compliance(*year)
	if err != nil {
		return 0, err
	}
	recruiting, err := recruitfile.New(store).Findings()
	if err != nil {
		return 0, err
	}
	c.Findings = append(c.Findings, recruiting...)
	for _, f := range c.Findings {
		fmt.Fprintf(env.Stdout, "%s: %s\n", f.Severity, f.Message)
	}
	fmt.Fprintf(env.Stdout, "findings %d\n", len(c.Findings))
	return ExitOK, nil
}
