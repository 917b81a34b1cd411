package cli

import (
	"fmt"

	"branchledger/model"
	"branchledger/storage/activityfile"
	"branchledger/storage/findings"
	"branchledger/storage/xlsx"
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
	pos[1] = xlsx.WorkbookPath(pos[1])
	year, err := model.ParseYear(pos[0])
	if err != nil {
		return 0, usageError("%v", err)
	}
	store, err := openExisting(*dbPath)
	if err != nil {
		return 0, err
	}
	defer store.Close()
	said := replacedNote(env, pos[1])
	n, err := activityfile.New(store).ExportLedger(year, pos[1])
	if err != nil {
		return 0, err
	}
	fmt.Fprintf(env.Stdout, "exported %d activities of %d to %s\n", n, year, pos[1])
	said()
	return ExitOK, nil
}

// check prints every finding of the branch as of today — set-up,
// organisational life (with the compliance calendar of the year asked
// for: --year changes nothing else, and a year other than this one says
// so on stderr), dues, members' records; the same the home screen lists
// (storage/findings) — one per line as `严重: 【党费】…`, then `findings
// N`. Findings are the point of the command, not a failure: it exits 0
// whatever it finds.
func check(args []string, env Env) (int, error) {
	fs := newFlagSet("check", env)
	dbPath := fs.String("db", "", "数据文件路径")
	year := yearFlag(fs, "年份")
	if _, err := parse(fs, args, 0); err != nil {
		return 0, err
	}
	store, err := openExisting(*dbPath)
	if err != nil {
		return 0, err
	}
	defer store.Close()
	today := store.Today()
	if *year == 0 {
		*year = today.Year
	} else if *year != today.Year {
		// --year picks the compliance calendar's year only: the other
		// findings are where things stand today, not in that year, and
		// the output did not say so (s8-8-recheck: "--year filters only
		// the calendar").
		fmt.Fprintf(env.Stderr, "提示：--year %d 只决定组织生活合规日历（各月、各季度是否开展）的年份；其余各项（组织设置、党员参加组织生活、党费、党员信息、组织关系、发展党员）按今天（%s）检查\n", *year, today)
	}
	r, err := findings.Collect(store, today, *year)
	if err != nil {
		return 0, err
	}
	for _, f := range r.Findings {
		fmt.Fprintf(env.Stdout, "%s: 【%s】%s\n", f.Severity, f.About, f.Message)
	}
	fmt.Fprintf(env.Stdout, "findings %d\n", len(r.Findings))
	return ExitOK, nil
}
