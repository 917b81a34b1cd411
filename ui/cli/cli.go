// Package cli is the command-line face of 支部台账: the same import, export and
// sample-data code paths as the window, for instructors' batch work and for
// automated checks. It does not import Fyne, so it builds and tests without cgo;
// opening the window is handed back to main.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"branchledger/model"
)

// Version is the app's version; a test keeps it equal to FyneApp.toml's.
const Version = "0.1.0"

// Exit statuses.
const (
	ExitOK       = 0
	ExitRejected = 1 // rows were refused, or verify found problems
	ExitFailed   = 2 // unreadable input, a locked or damaged database, bad usage
)

// Env is what a command may touch besides its arguments.
type Env struct {
	Stdout, Stderr io.Writer
	// OpenWindow starts the desktop app on the database at dbPath ("" means
	// the default location) and returns the exit status when it closes.
	OpenWindow func(dbPath string) int
	// OpenWorkspace starts the desktop app on the instructor's workspace
	// at path (--workspace) and returns the exit status when it closes.
	OpenWorkspace func(path string) int
}

const usage = `用法 / usage:
  branchledger [--db PATH]                         打开窗口 / open the window
  branchledger --workspace PATH                    打开指导员工作台 / open the instructor's workspace
  branchledger roster import FILE.xlsx [--db PATH] [--dry-run] [--skip-invalid]
                        [--errors OUT.xlsx] [--sheet NAME]... [--sheet-as-branch NAME]...
                        [--use-profile-branch[=false]]
  branchledger roster export FILE.xlsx [--db PATH]
  branchledger activity export YEAR FILE.xlsx [--db PATH]
  branchledger check [--year Y] [--db PATH]        --year: 合规日历的年份 / the compliance calendar's year only
  branchledger dues calc --category 在职 --base 5400
  branchledger dues export YEAR FILE.xlsx [--db PATH]
  branchledger dues bases import FILE.xlsx [--db PATH] [--year Y] [--dry-run] [--skip-invalid]
                        [--errors OUT.xlsx] [--sheet NAME]... [--allow-earlier-paid-up]
  branchledger recruit import FILE.xlsx [--db PATH] [--dry-run] [--skip-invalid]
  branchledger recruit export FILE.xlsx [--db PATH]
  branchledger transfer out --member ID_NUMBER --to ORGANISATION --date YYYY-MM-DD
                            [--valid-days N] [--committee C] [--reason R] [--phone P]
                            [--letter OUT.xlsx [--overlay]] [--db PATH]
  branchledger transfer receipt --letter N|YEAR-N --date YYYY-MM-DD [--org O] [--handler H] [--db PATH]
  branchledger transfer letter N|YEAR-N OUT.xlsx [--year Y] [--overlay] [--db PATH]   重新打印介绍信
  branchledger transfer list [--year Y] [--db PATH]      介绍信列表和下一个编号
  branchledger transfer export YEAR OUT.xlsx [--db PATH]
  branchledger backup OUT [--db PATH] [--passphrase-file F] [--replace]
  branchledger restore FILE --db PATH [--passphrase-file F] [--replace-branch]
  branchledger package export FILE [--db PATH] [--recipient-file KEY | --passphrase-file F] [--replace]
  branchledger aggregate key --workspace PATH [--passphrase-file F] [--instructor NAME] [--save-private-key FILE [--replace]]
  branchledger aggregate import FILE_OR_DIR... --workspace PATH [--passphrase-file F]
                          [--package-passphrase-file F] [--as-new | --same-branch]
  branchledger aggregate orgs import FILE.xlsx --workspace PATH [--dry-run] [--skip-invalid]
  branchledger aggregate list --workspace PATH
  branchledger aggregate report OUT.xlsx --workspace PATH
  branchledger verify [--db PATH]
  branchledger demo --members N [--db PATH]
  branchledger version
`

// debugEnv, set to anything, lets a command print the log's technical
// detail to stderr (BRANCHLEDGER_DEBUG=1 branchledger verify …).
const debugEnv = "BRANCHLEDGER_DEBUG"

// Run carries out one command line and returns the process exit status.
func Run(args []string, env Env) int {
	cmd, rest := "", args
	if len(args) > 0 && (!strings.HasPrefix(args[0], "-") || isHelp(args[0])) {
		cmd, rest = args[0], args[1:]
	}
	if cmd != "" && os.Getenv(debugEnv) == "" {
		// A command's output is its lines and one Chinese sentence on
		// failure; the log's detail (SQLite's English behind a damaged
		// file, say) is for a developer who asks for it.
		prev := log.Writer()
		log.SetOutput(io.Discard)
		defer log.SetOutput(prev)
	}
	if len(rest) > 0 && isHelp(rest[0]) && commandUsage(cmd) != "" {
		// roster --help, dues -h: the command's usage, as for help roster
		// (a command with subcommands took the word for one).
		fmt.Fprint(env.Stdout, commandUsage(cmd))
		return ExitOK
	}
	var err error
	status := ExitOK
	switch cmd {
	case "":
		var dbPath, wsPath string
		fs := newFlagSet("branchledger", env)
		fs.StringVar(&dbPath, "db", "", "数据文件路径 / database file")
		fs.StringVar(&wsPath, "workspace", "", "指导员工作台文件 / instructor's workspace")
		if _, err = parse(fs, rest, 0); err == nil {
			switch {
			case wsPath != "" && dbPath != "":
				err = usageError("--db 和 --workspace 只能选一个")
			case wsPath != "" && env.OpenWorkspace != nil:
				return env.OpenWorkspace(wsPath)
			default:
				return env.OpenWindow(dbPath)
			}
		}
	case "roster":
		status, err = roster(rest, env)
	case "activity":
		status, err = activity(rest, env)
	case "check":
		status, err = check(rest, env)
	case "dues":
		status, err = dues(rest, env)
	case "recruit":
		status, err = recruit(rest, env)
	case "transfer":
		status, err = transfer(rest, env)
	case "backup":
		status, err = backupCmd(rest, env)
	case "restore":
		status, err = restoreCmd(rest, env)
	case "package":
		status, err = packageCmd(rest, env)
	case "aggregate":
		status, err = aggregate(rest, env)
	case "verify":
		status, err = verifyCmd(rest, env)
	case "demo":
		status, err = demoCmd(rest, env)
	case "version":
		err = versionCmd(env)
	default:
		if isHelp(cmd) {
			if len(rest) > 0 && commandUsage(rest[0]) != "" {
				fmt.Fprint(env.Stdout, commandUsage(rest[0])) // help transfer
			} else {
				fmt.Fprint(env.Stdout, usage)
			}
			return ExitOK
		}
		err = usageError("未知命令 %q", cmd)
	}
	if errors.Is(err, flag.ErrHelp) {
		// "roster import -h" asks for the usage; it is not a mistake.
		if u := commandUsage(cmd); u != "" {
			fmt.Fprint(env.Stdout, u)
		} else {
			fmt.Fprint(env.Stdout, usage)
		}
		return ExitOK
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "错误："+printableLines(err.Error()))
		var ue *usageErr
		if errors.As(err, &ue) {
			// A mistake in a command's arguments is its one line and where
			// its usage is, not the usage of every command.
			if commandUsage(cmd) != "" {
				fmt.Fprintf(env.Stderr, "see: branchledger help %s\n", cmd)
			} else {
				fmt.Fprint(env.Stderr, usage)
			}
		}
		return ExitFailed
	}
	return status
}

// commandUsage is the part of the usage about command cmd (its lines and
// their continuations), or "" for a word that is not a command.
func commandUsage(cmd string) string {
	if cmd == "" || strings.HasPrefix(cmd, "-") {
		return ""
	}
	var b strings.Builder
	in := false
	for _, ln := range strings.Split(usage, "\n") {
		switch {
		case strings.HasPrefix(ln, "  branchledger "):
			in = ln == "  branchledger "+cmd || strings.HasPrefix(ln, "  branchledger "+cmd+" ")
		case !strings.HasPrefix(ln, "   "):
			in = false
		}
		if in {
			b.WriteString(ln + "\n")
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "用法 / usage:\n" + b.String()
}

func roster(args []string, env Env) (int, error) {
	if len(args) == 0 {
		return 0, usageError("roster 需要 import 或 export")
	}
	switch args[0] {
	case "import":
		return rosterImport(args[1:], env)
	case "export":
		return ExitOK, rosterExport(args[1:], env)
	}
	return 0, usageError("roster 不支持 %q，应为 import 或 export", args[0])
}

// isHelp says whether a word asks for the usage: the Unix spellings and
// the /? that a Windows user types in cmd.
func isHelp(word string) bool {
	switch word {
	case "help", "-h", "-help", "--help", "/?", "/h", "/help":
		return true
	}
	return false
}

// flagError turns the flag package's English into one Chinese sentence that
// names the option; -h/--help passes through as flag.ErrHelp.
func flagError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return flag.ErrHelp
	}
	msg := err.Error()
	for _, f := range []struct{ prefix, format string }{
		{"flag provided but not defined: ", "没有 %s 这个选项"},
		{"flag needs an argument: ", "选项 %s 后面缺少值"},
		{"bad flag syntax: ", "选项 %s 的写法不对"},
	} {
		if rest, ok := strings.CutPrefix(msg, f.prefix); ok {
			return usageError(f.format, dashed(rest))
		}
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		// invalid value "x" for flag -year: parse error
		if value, flagName, ok := strings.Cut(rest, " for flag "); ok {
			flagName, why, _ := strings.Cut(flagName, ": ")
			if strings.ContainsFunc(why, func(r rune) bool { return r > 0x2e7f }) {
				// Our own flag's sentence (yearFlag), not strconv's English.
				return usageError("选项 %s 的值 %s 不正确：%s", dashed(flagName), value, why)
			}
			return usageError("选项 %s 的值 %s 不正确", dashed(flagName), value)
		}
	}
	return usageError("参数有误：%v", err)
}

// emptyPathFlag refuses --db or --workspace given with an empty value
// (--db= , --db ""): taken as "not given", it sent an import into the
// default data file (review s3-final #8).
func emptyPathFlag(fs *flag.FlagSet) error {
	var err error
	fs.Visit(func(f *flag.Flag) {
		if (f.Name == "db" || f.Name == "workspace") && strings.TrimSpace(f.Value.String()) == "" && err == nil {
			err = usageError("选项 --%s 的值是空的：请写出文件的路径，或不写这个选项（使用默认的文件）", f.Name)
		}
	})
	return err
}

// dashed writes a long option the way the usage text does (--db, not the
// flag package's -db).
func dashed(name string) string {
	bare := strings.TrimLeft(name, "-")
	if len(bare) > 1 {
		return "--" + bare
	}
	return "-" + bare
}

type usageErr struct{ msg string }

func (e *usageErr) Error() string { return e.msg }

func usageError(format string, a ...any) error { return &usageErr{fmt.Sprintf(format, a...)} }

// yearFlag defines --name, a year of records read by model.ParseYear (so
// --year ２０２６ is 2026, as the positional years are), 0 when not given.
func yearFlag(fs *flag.FlagSet, usage string) *int {
	y := new(int)
	fs.Func("year", usage, func(s string) error {
		v, err := model.ParseYear(s)
		if err != nil {
			return fmt.Errorf("应为 %d 至 %d 之间的四位数字，如 2026", model.FirstRecordYear, model.LastRecordYear)
		}
		*y = v
		return nil
	})
	return y
}

func newFlagSet(name string, env Env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported once, in Chinese, by Run
	return fs
}

// parse reads flags that may stand before, between or after the positional
// arguments ("roster import FILE --db PATH"), and wants exactly n positionals.
func parse(fs *flag.FlagSet, args []string, n int) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, flagError(err)
		}
		if err := emptyPathFlag(fs); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if len(pos) != n {
		return nil, usageError("%s 需要 %d 个参数，收到 %d 个", fs.Name(), n, len(pos))
	}
	return pos, nil
}
