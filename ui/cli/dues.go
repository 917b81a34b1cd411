package cli

import (
	"fmt"
	"strings"

	"branchledger/model"
	"branchledger/storage/duesfile"
	"branchledger/storage/xlsx"
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
	case "bases":
		if len(args) < 2 || args[1] != "import" {
			return 0, usageError("dues bases 需要 import：branchledger dues bases import 文件.xlsx")
		}
		return basesImport(args[2:], env)
	}
	return 0, usageError("dues 不支持 %q，应为 calc、export 或 bases import", args[0])
}

// basesImport reads a workbook of dues bases (姓名, 身份证号码, 计算基数,
// optionally 缴纳类别 and 党费已交至) for a year, as the window's 导入基数
// does, and prints it as `roster import` does: `row N: <字段>: <原因>` for
// each refusal, then `imported N, rejected M`. Exit 1 when rows were
// refused without --skip-invalid (nothing is written), 2 when the file or
// the data file cannot be read. A row whose 党费已交至 is earlier than the
// member's stored one is refused unless --allow-earlier-paid-up.
func basesImport(args []string, env Env) (int, error) {
	fs := newFlagSet("dues bases import", env)
	dbPath := fs.String("db", "", "数据文件路径")
	year := yearFlag(fs, "基数所属年份（默认今年）")
	dryRun := fs.Bool("dry-run", false, "只检查，不写入")
	skipInvalid := fs.Bool("skip-invalid", false, "跳过有问题的行，导入其余的行")
	errorsOut := fs.String("errors", "", "把未通过的行写入这个 .xlsx 文件（原样的列加“错误原因”），改正后可直接重新导入")
	sheets := sheetFlag(fs)
	allowEarlier := fs.Bool("allow-earlier-paid-up", false, "允许把党员已登记的党费已交至改为更早的月份（其间的月份将计为应交）；不加时这样的行不导入")
	pos, err := parse(fs, args, 1)
	if err != nil {
		return 0, err
	}
	if *errorsOut != "" {
		*errorsOut = xlsx.WorkbookPath(*errorsOut)
	}
	if *errorsOut != "" && sameFile(*errorsOut, pos[0]) {
		return 0, usageError("--errors %s 就是要导入的基数表，写入问题行会把它替换掉，请换一个文件名", *errorsOut)
	}
	// Bases are matched to the roster: on a new, empty data file every
	// row is refused as not on the roster, and a typo in --db made that
	// file and blamed the rows (review s14-attack8 #22). The path is
	// refused as the exports refuse it.
	store, err := openExisting(*dbPath)
	if err != nil {
		return 0, err
	}
	defer store.Close()
	if *year == 0 {
		*year = store.Today().Year
	}
	if err := model.CheckDuesYear(*year, store.Today()); err != nil {
		return 0, usageError("--year %s", sentence(err))
	}
	files := duesfile.New(store)
	p, err := files.PreviewBasesSheets(*year, pos[0], *sheets)
	if err != nil {
		return 0, err
	}
	// A 党费已交至 earlier than the member's makes paid months owed: the
	// row is refused unless the user says so (review s7-8 attack #11).
	if *allowEarlier {
		for _, o := range p.EarlierMoves() {
			fmt.Fprintf(env.Stderr, "提示：%s的党费已交至将从%s改早为%s（--allow-earlier-paid-up），其间的月份将计为应交或待补录\n",
				printable(o.Name), o.From.Chinese(), o.To.Chinese())
		}
	} else {
		p = p.WithoutEarlier("；确需改早请加 --allow-earlier-paid-up")
	}
	// Rows of several sheets are named by their sheet, as roster
	// import names them: `row N (SHEET): …`.
	multi := len(p.Sheets) > 1
	if multi {
		fmt.Fprintf(env.Stderr, "读取了 %d 个工作表：%s\n", len(p.Sheets), printable(strings.Join(p.Sheets, "、")))
	}
	rows := map[[2]any]bool{}
	for _, r := range p.Rejected {
		rows[[2]any{r.Sheet, r.Row}] = true
		fmt.Fprintln(env.Stdout, r.Line(multi))
	}
	if len(p.Ignored) > 0 {
		fmt.Fprintf(env.Stdout, "columns not imported: %s\n", printableList(p.Ignored))
	}
	for _, n := range p.Notes {
		fmt.Fprintln(env.Stderr, noteLine(n, multi))
	}
	rejected := len(rows)
	if *errorsOut != "" {
		if rejected == 0 {
			fmt.Fprintf(env.Stderr, "没有未通过的行，未生成 %s\n", *errorsOut)
		} else {
			n, err := files.WriteRejectedBases(p, *errorsOut)
			if err != nil {
				return 0, err
			}
			fmt.Fprintf(env.Stderr, "已将 %d 行未通过的行写入 %s：改正标红的单元格（原因见“错误原因”列）后可直接重新导入\n", n, *errorsOut)
		}
	}
	if rejected > 0 && !*skipInvalid {
		if *dryRun && len(p.Bases) > 0 {
			// A dry run says what the rows that pass would write, so
			// that "imported 0" is not all the user learns (review
			// s6-8-newuser #8).
			for _, line := range model.BasePreviewLines(p) {
				fmt.Fprintln(env.Stderr, "试运行："+line)
			}
			fmt.Fprintf(env.Stderr, "试运行：加 --skip-invalid 时将跳过 %d 行，写入%d年基数 %d 人（其中 %d 人有变化），登记党费已交至 %d 人；未写入\n",
				rejected, p.Year, len(p.Bases), p.Changed, p.NewOpenings())
		}
		importedLine(env, *dryRun, 0, rejected)
		fmt.Fprintln(env.Stderr, "有行未通过检查，未写入任何数据；修改后重新导入，或加 --skip-invalid 跳过这些行")
		return ExitRejected, nil
	}
	if len(p.Bases) == 0 && rejected > 0 {
		// --skip-invalid with every row refused: nothing to write, and
		// nothing was imported (as roster import says it).
		importedLine(env, *dryRun, 0, rejected)
		fmt.Fprintln(env.Stderr, "所有行都未通过检查，没有导入任何基数")
		return ExitRejected, nil
	}
	if len(p.Bases) == 0 {
		// Headings and no rows (an empty template picked by mistake):
		// nothing imported is no success, as roster import says it
		// (review s13-attack8 #15).
		importedLine(env, *dryRun, 0, 0)
		fmt.Fprintln(env.Stderr, "没有导入任何基数：文件中没有读到党员的基数（表头下的行都是空的）")
		return ExitRejected, nil
	}
	if *dryRun {
		// What would be written, a line per member, as the window's
		// preview lists it.
		for _, line := range model.BasePreviewLines(p) {
			fmt.Fprintln(env.Stderr, "试运行："+line)
		}
		fmt.Fprintf(env.Stderr, "试运行：%d年基数 %d 人（其中 %d 人有变化），登记党费已交至 %d 人；未写入\n", p.Year, len(p.Bases), p.Changed, p.NewOpenings())
	} else {
		if err := files.CommitBases(p); err != nil {
			return 0, err
		}
		fmt.Fprintf(env.Stderr, "%d年基数 %d 人（其中 %d 人有变化），登记党费已交至 %d 人（%s）\n", p.Year, len(p.Bases), p.Changed, p.NewOpenings(), store.Path())
	}
	importedLine(env, *dryRun, len(p.Bases), rejected)
	return ExitOK, nil
}

// duesCalc prints the monthly dues for a category and base, then the rule
// on stderr, so that scripts read the amount alone.
func duesCalc(args []string, env Env) error {
	fs := newFlagSet("dues calc", env)
	cat := fs.String("category", string(model.DuesEmployed), "缴纳类别")
	base := fs.String("base", "", "月计算基数（元，最多两位小数）；农民党员为支部确定的金额")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	// A value the command cannot use is said in one line; the usage text is
	// for a command line that is wrong in itself.
	c, ok := model.ParseDuesCategory(*cat)
	if !ok {
		return fmt.Errorf("--category %q 不是缴纳类别，应为 在职、年薪制、个体、离退休、农民、学生、下岗失业、低保/救济、免交 之一", *cat)
	}
	// Without a base the dues of a category that pays by one are no
	// number to print: 0.00 could be copied (review s8-7 newuser #9).
	if strings.TrimSpace(*base) == "" {
		if c.HasBase() {
			return fmt.Errorf("缺少 --base（%s的月计算基数，元）", c)
		}
		*base = "0"
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
	pos[1] = xlsx.WorkbookPath(pos[1])
	year, err := model.ParseYear(pos[0])
	if err != nil {
		return usageError("%v", err)
	}
	store, err := openExisting(*dbPath)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := model.CheckDuesYear(year, store.Today()); err != nil {
		return usageError("%s", sentence(err))
	}
	said := replacedNote(env, pos[1])
	n, err := duesfile.New(store).ExportDues(year, pos[1])
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "exported dues %d for %d members to %s\n", year, n, pos[1])
	said()
	return nil
}

// sentence is err's sentence without its kind ("党费："), for a line that
// names the argument it is about.
func sentence(err error) string {
	if t, ok := model.SentenceOf(err); ok {
		return t.String()
	}
	return err.Error()
}
