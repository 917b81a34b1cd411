package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/transferfile"
	"branchledger/storage/xlsx"
)

func transfer(args []string, env Env) (int, error) {
	if len(args) == 0 {
		return 0, usageError("transfer 需要 out、receipt、letter、list 或 export")
	}
	switch args[0] {
	case "out":
		return transferOut(args[1:], env)
	case "receipt":
		return transferReceipt(args[1:], env)
	case "letter":
		return transferLetter(args[1:], env)
	case "list":
		return transferList(args[1:], env)
	case "export":
		return ExitOK, transferExport(args[1:], env)
	}
	return 0, usageError("transfer 不支持 %q，应为 out、receipt、letter、list 或 export", args[0])
}

// refused reports a refusal of the rules — bad input that changed nothing —
// on one line, with exit status ExitRejected; anything else is an error.
func refused(env Env, err error) (int, error) {
	var ve model.ValidationErrors
	if errors.As(err, &ve) || errors.Is(err, model.ErrTransfer) || errors.Is(err, model.ErrEvent) ||
		errors.Is(err, storage.ErrNotFound) || errors.Is(err, storage.ErrNoBranchName) {
		fmt.Fprintln(env.Stderr, "错误："+err.Error())
		return ExitRejected, nil
	}
	return 0, err
}

// transferOut issues a transfer letter for the member with an ID number:
// the 转出 is recorded, and the letter written with --letter; it prints
// `letter N: <姓名> → <接收党组织>, 党费交至 YYYY年M月`. A member who owes
// dues is named on stderr before the line.
func transferOut(args []string, env Env) (int, error) {
	fs := newFlagSet("transfer out", env)
	dbPath := fs.String("db", "", "数据文件路径")
	idNumber := fs.String("member", "", "党员的公民身份号码")
	to := fs.String("to", "", "接收党组织")
	committee := fs.String("committee", "", "接收党组织的基层党委（介绍信的抬头）")
	reason := fs.String("reason", "", "转出原因")
	date := fs.String("date", "", "开具日期 YYYY-MM-DD")
	phone := fs.String("phone", "", "党员联系电话（默认为花名册中的电话）")
	validText := fs.String("valid-days", strconv.Itoa(model.CurrentTransferRules().ValidDaysDefault.N), "有效期（天）")
	letter := fs.String("letter", "", "写出介绍信的 Excel 文件")
	overlay := fs.Bool("overlay", false, "写出套打版式（只打印填写内容）")
	if _, err := parse(fs, args, 0); err != nil {
		return 0, err
	}
	switch {
	case strings.TrimSpace(*idNumber) == "":
		return 0, usageError("transfer out 需要 --member 公民身份号码")
	case strings.TrimSpace(*to) == "":
		return 0, usageError("transfer out 需要 --to 接收党组织")
	case strings.TrimSpace(*date) == "":
		return 0, usageError("transfer out 需要 --date 开具日期")
	}
	day, err := model.ParseDay(*date)
	if err != nil {
		return refused(env, model.ValidationErrors{{Field: model.LetterDateField, Message: err.Error()}})
	}
	validDays, err := validDaysOption(*validText)
	if err != nil {
		return refused(env, err)
	}
	if *letter != "" {
		*letter = xlsx.WorkbookPath(*letter)
		// Checked before anything is issued: a letter that cannot be
		// written must not leave the member transferred out.
		if err := checkWritable(*letter); err != nil {
			return 0, fmt.Errorf("无法写出介绍信文件 %s（%v），未开具介绍信", *letter, err)
		}
	}
	store, err := openExisting(*dbPath)
	if err != nil {
		return 0, err
	}
	defer store.Close()
	m, err := memberByIDNumber(store, *idNumber)
	if err != nil {
		return refused(env, err)
	}
	svc := transferfile.New(store)
	q := model.LetterRequest{MemberID: m.ID, ToOrg: *to, ToCommittee: *committee, Reason: *reason, Date: day, ValidDays: validDays, Phone: *phone}
	_, dues, err := svc.DraftLetter(q)
	if err != nil {
		return refused(env, err)
	}
	if w := model.LostContactWarning(&m); !w.IsZero() {
		fmt.Fprintln(env.Stderr, "提醒："+w.String())
	}
	if w := dues.Warning(m.Name); w != "" {
		fmt.Fprintln(env.Stderr, "提醒："+w)
	}
	// What the window says above the letter form: the 回执 goes back to
	// the sending 基层党委, which the letter then leaves blank.
	if setup, err := svc.LetterSetup(); err == nil && setup.Committee == "" {
		fmt.Fprintln(env.Stderr, "提醒：介绍信设置中还没有填写转出党组织的基层党委：回执上的收件单位将留空（在窗口“组织关系 → 介绍信设置…”中填写）")
	}
	l, err := svc.IssueLetter(q)
	if err != nil {
		return refused(env, err)
	}
	fmt.Fprintf(env.Stdout, "letter %d: %s → %s, 党费交至 %s\n", l.Number, l.Name, l.ToOrg, l.PaidTo.Chinese())
	if *letter != "" {
		if err := svc.ExportLetter(l.ID, *letter, *overlay); err != nil {
			return 0, fmt.Errorf("%s介绍信已开具，但写出文件失败（可用 branchledger transfer letter %d-%d 文件.xlsx 或在窗口“组织关系”中重新打印）：%w",
				l.NumberText(), l.Year, l.Number, err)
		}
		fmt.Fprintf(env.Stderr, "介绍信已写出：%s\n", *letter)
	}
	return ExitOK, nil
}

// validDaysOption reads --valid-days: a whole number of days within the
// rules' limit, else one sentence naming the option.
func validDaysOption(s string) (int, error) {
	maxDays := model.CurrentTransferRules().ValidDaysMax.N
	n, err := model.ParseValidDays(s)
	if err != nil || n < 1 {
		return 0, model.ValidationErrors{{Field: model.LetterValidDaysField,
			Message: fmt.Sprintf("--valid-days %q 不正确，有效期天数应为1–%d天的整数", s, maxDays)}}
	}
	return n, nil
}

// checkWritable says whether a file can be written at path: its folder
// exists and takes a new file, and path is not a folder.
func checkWritable(path string) error {
	// A folder, a FIFO, a device, another extension or a workbook made in
	// Excel is refused as every workbook export refuses it.
	if err := xlsx.CheckWorkbookTarget(path); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".branchledger-check-*")
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("文件夹 %s 不存在", filepath.Dir(path))
		}
		return fmt.Errorf("文件夹 %s 不能写入", filepath.Dir(path))
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

// memberByIDNumber finds the member with an ID number, on the roster or
// not; an unknown number is storage.ErrNotFound naming it.
func memberByIDNumber(store *storage.Store, idNumber string) (model.Member, error) {
	want := model.StoredIDNumber(idNumber)
	ms, err := store.Members()
	if err != nil {
		return model.Member{}, err
	}
	for _, m := range ms {
		if m.IDNumber == want {
			return m, nil
		}
	}
	return model.Member{}, fmt.Errorf("%w：花名册中没有公民身份号码为 %s 的党员", storage.ErrNotFound, strings.TrimSpace(idNumber))
}

// transferReceipt records the 回执 of a letter: --letter N (the latest year
// with that number) or YEAR-N.
func transferReceipt(args []string, env Env) (int, error) {
	fs := newFlagSet("transfer receipt", env)
	dbPath := fs.String("db", "", "数据文件路径")
	number := fs.String("letter", "", "介绍信编号：N 或 年份-N")
	date := fs.String("date", "", "回执日期 YYYY-MM-DD")
	org := fs.String("org", "", "接收党组织（默认为介绍信上的）")
	handler := fs.String("handler", "", "经办人")
	if _, err := parse(fs, args, 0); err != nil {
		return 0, err
	}
	if strings.TrimSpace(*number) == "" {
		return 0, usageError("transfer receipt 需要 --letter 介绍信编号")
	}
	year, n, err := letterNumber(*number, "--letter")
	if err != nil {
		return 0, err
	}
	if strings.TrimSpace(*date) == "" {
		return 0, usageError("transfer receipt 需要 --date 回执日期")
	}
	day, err := model.ParseDay(*date)
	if err != nil {
		return refused(env, model.ValidationErrors{{Field: model.ReceiptDateField, Message: err.Error()}})
	}
	store, err := openExisting(*dbPath)
	if err != nil {
		return 0, err
	}
	defer store.Close()
	svc := transferfile.New(store)
	l, err := svc.FindLetter(year, n)
	if err != nil {
		return refused(env, err)
	}
	l, err = svc.RecordReceipt(l.ID, model.LetterReceipt{Date: day, Org: *org, Handler: *handler})
	if err != nil {
		return refused(env, err)
	}
	fmt.Fprintf(env.Stdout, "receipt %d: %s → %s, %s\n", l.Number, l.Name, l.Receipt.Org, l.Receipt.Date)
	return ExitOK, nil
}

// letterNumber reads N or YEAR-N, given as what (--letter, 介绍信编号).
func letterNumber(s, what string) (year, n int, err error) {
	s = strings.TrimSpace(s)
	y, num, hasYear := strings.Cut(s, "-")
	if !hasYear {
		num, y = s, ""
	}
	n, err = strconv.Atoi(num)
	if err != nil || n < 1 || !model.IsDigits(num) || hasYear && !model.IsDigits(y) {
		return 0, 0, usageError("%s %q 应为编号 N 或 年份-N（如 3 或 2026-3）", what, s)
	}
	if y != "" {
		if year, err = model.ParseYear(y); err != nil {
			return 0, 0, usageError("%s %q 的年份不正确", what, s)
		}
	}
	return year, n, nil
}

func transferExport(args []string, env Env) error {
	fs := newFlagSet("transfer export", env)
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
	said := replacedNote(env, pos[1])
	n, err := transferfile.New(store).ExportRegister(year, pos[1])
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "exported %d transfers to %s\n", n, pos[1])
	said()
	return nil
}

// transferLetter prints an issued letter again: `transfer letter N|YEAR-N
// OUT.xlsx [--year Y] [--overlay]` (N alone: the year given by --year, else
// the latest year with that number). A withdrawn letter is refused.
func transferLetter(args []string, env Env) (int, error) {
	fs := newFlagSet("transfer letter", env)
	dbPath := fs.String("db", "", "数据文件路径")
	yearOpt := yearFlag(fs, "介绍信的年份")
	overlay := fs.Bool("overlay", false, "写出套打版式（只打印填写内容）")
	pos, err := parse(fs, args, 2)
	if err != nil {
		return 0, err
	}
	pos[1] = xlsx.WorkbookPath(pos[1])
	year, n, err := letterNumber(pos[0], "介绍信编号")
	if err != nil {
		return 0, err
	}
	if *yearOpt != 0 {
		if year != 0 && year != *yearOpt {
			return 0, usageError("介绍信编号 %s 与 --year %d 的年份不一致", pos[0], *yearOpt)
		}
		year = *yearOpt
	}
	if err := checkWritable(pos[1]); err != nil {
		return 0, fmt.Errorf("无法写出介绍信文件 %s（%v）", pos[1], err)
	}
	store, err := openExisting(*dbPath)
	if err != nil {
		return 0, err
	}
	defer store.Close()
	svc := transferfile.New(store)
	l, err := svc.FindLetter(year, n)
	if err != nil {
		return refused(env, err)
	}
	if err := svc.ExportLetter(l.ID, pos[1], *overlay); err != nil {
		return refused(env, err)
	}
	fmt.Fprintf(env.Stdout, "letter %d: %s → %s, %s\n", l.Number, l.Name, l.ToOrg, pos[1])
	return ExitOK, nil
}

// transferList lists a year's letters (--year; this year when not given), one a
// line — number, date, member → receiving organisation, state as of today —
// and then the number the year's next letter takes.
func transferList(args []string, env Env) (int, error) {
	fs := newFlagSet("transfer list", env)
	dbPath := fs.String("db", "", "数据文件路径")
	yearOpt := yearFlag(fs, "年份（默认为今年）")
	if _, err := parse(fs, args, 0); err != nil {
		return 0, err
	}
	store, err := openExisting(*dbPath)
	if err != nil {
		return 0, err
	}
	defer store.Close()
	year := store.Today().Year
	if *yearOpt != 0 {
		year = *yearOpt
	}
	svc := transferfile.New(store)
	ls, err := svc.Letters(year)
	if err != nil {
		return 0, err
	}
	today, rules := store.Today(), model.CurrentTransferRules()
	for i := range ls {
		l := &ls[i]
		fmt.Fprintf(env.Stdout, "%s\t%s\t%s → %s\t%s\n", l.NumberText(), l.Date, l.Name, l.ToOrg, l.State(today, rules))
	}
	next, err := svc.NextLetterNumber(year)
	if err != nil {
		return 0, err
	}
	fmt.Fprintf(env.Stdout, "%d年已开具 %d 份；下一个编号：（%d）第%d号\n", year, len(ls), year, next)
	return ExitOK, nil
}
