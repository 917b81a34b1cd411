package cli

import (
	"fmt"
	"strconv"

	"branchledger/model"
	"branchledger/storage/duesfile"
)

func dues(args []string, env Env) (int, error) {
	if len(args) == 0 {
		return 0, usageError("dues 需要 calc 或 export")
	}
	switch args[0] {
	case "calc":
		return ExitOK, duesCalc(args[1:], env)
	case "export":
		return ExitOK, duesExport(args[1:], env)
	}
	return 0, usageError("dues 不支持 %q，应为 calc 或 export", args[0])
}

// duesCalc prints the monthly dues for a category and base, then the rule
// on stderr, so that scripts read the amount alone.
func duesCalc(args []string, env Env) error {
	fs := newFlagSet("dues calc", env)
	cat := fs.String("category", string(model.DuesEmployed), "缴纳类别")
	base := fs.String("base", "0", "月计算基数（元，最多两位小数）；农民党员为支部确定的金额")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	// A value the command cannot use is said in one line; the usage text is
	// for a command line that is wrong in itself.
	c, ok := model.ParseDuesCategory(*cat)
	if !ok {
		return fmt.Errorf("--category %q 不是缴纳类别，应为 在职、年薪制、个体、离退休、农民、学生、下岗失业、低保/救济、免交 之一", *cat)
	}
	b, err := model.ParseMoney(*base)
	if err != nil {
		return fmt.Errorf("--base：%w", err)
	}
	amount, rule, err := model.MonthlyDues(c, b)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, amount)
	fmt.Fprintln(env.Stderr, rule)
	return nil
}

func duesExport(args []string, env Env) error {
	fs := newFlagSet("dues export", env)
	dbPath := fs.String("db", "", "数据文件路径")
	pos, err := parse(fs, args, 2)
	if err != nil {
		return err
	}
	year, err := strconv.Atoi(pos[0])
	if err != nil || year < 1949 || year > 2200 {
		return usageError("年份 %q 不正确，应如 2026", pos[0])
	}
	store, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer store.Close()
	n, err := duesfile.New(store).ExportDues(year, pos[1])
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "exported dues %d for %d members to %s\n", year, n, pos[1])
	return nil
}
