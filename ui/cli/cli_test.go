package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"branchledger/storage"
)

const sample = "../../../shared/samples/roster_messy_example.xlsx"

type result struct {
	status         int
	stdout, stderr string
}

func run(t *testing.T, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	status := Run(args, Env{Stdout: &out, Stderr: &errOut, OpenWindow: func(string) int {
		t.Fatal("a command must not open the window")
		return 0
	}})
	return result{status, out.String(), errOut.String()}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func memberCount(t *testing.T, db string) int {
	t.Helper()
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ms, err := s.Members()
	if err != nil {
		t.Fatal(err)
	}
	return len(ms)
}

// The sample roster has 12 rows of members, one of them with an ID number that
// Excel stored as a number (sheet row 8).
func TestRosterImportRefusesWholeFileWithoutSkipInvalid(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	r := run(t, "roster", "import", sample, "--db", db)
	if r.status != ExitRejected {
		t.Fatalf("exit status %d, want 1; stderr %s", r.status, r.stderr)
	}
	if !regexp.MustCompile(`(?m)^row 8: 公民身份号码: .*数字`).MatchString(r.stdout) {
		t.Errorf("want a line for row 8 naming the ID number stored as a number, got:\n%s", r.stdout)
	}
	if got := lastLine(r.stdout); got != "imported 0, rejected 1" {
		t.Errorf("last line %q, want %q", got, "imported 0, rejected 1")
	}
	if n := memberCount(t, db); n != 0 {
		t.Errorf("%d members written; a refused import must write nothing", n)
	}
}

func TestRosterImportSkipInvalidThenAgainMakesNoDuplicates(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	r := run(t, "roster", "import", sample, "--db", db, "--skip-invalid")
	if r.status != ExitOK || lastLine(r.stdout) != "imported 11, rejected 1" {
		t.Fatalf("status %d, stdout:\n%s\nstderr: %s", r.status, r.stdout, r.stderr)
	}
	if n := memberCount(t, db); n != 11 {
		t.Fatalf("%d members after import, want 11", n)
	}
	r = run(t, "roster", "import", "--skip-invalid", "--db", db, sample)
	if r.status != ExitOK || lastLine(r.stdout) != "imported 11, rejected 1" {
		t.Fatalf("second import: status %d, stdout:\n%s", r.status, r.stdout)
	}
	if n := memberCount(t, db); n != 11 {
		t.Errorf("%d members after importing the same file twice, want 11", n)
	}
}

func TestRosterImportDryRunWritesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	r := run(t, "roster", "import", sample, "--db", db, "--dry-run", "--skip-invalid")
	if r.status != ExitOK || lastLine(r.stdout) != "would import 11, rejected 1" {
		t.Fatalf("status %d, stdout:\n%s", r.status, r.stdout)
	}
	if n := memberCount(t, db); n != 0 {
		t.Errorf("dry run wrote %d members", n)
	}
}

func TestRosterImportUnreadableInputExits2WithOneLine(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"notes.xlsx": []byte("这不是表格，只是文字"),
		"empty.xlsx": nil,
		"old.xls":    append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...),
	}
	for name, content := range files {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
			r := run(t, "roster", "import", path, "--db", filepath.Join(dir, "b.db"))
			if r.status != ExitFailed {
				t.Fatalf("status %d, want 2", r.status)
			}
			if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); len(lines) != 1 || lines[0] == "" {
				t.Errorf("want one clear line on stderr, got %q", r.stderr)
			}
		})
	}
	r := run(t, "roster", "import", filepath.Join(dir, "missing.xlsx"), "--db", filepath.Join(dir, "b.db"))
	if r.status != ExitFailed {
		t.Errorf("a missing file: status %d, want 2", r.status)
	}
}

func TestRosterExportWritesWhatWasImported(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	if r := run(t, "demo", "--members", "40", "--db", db); r.status != ExitOK {
		t.Fatalf("demo: %d %s", r.status, r.stderr)
	}
	out := filepath.Join(dir, "花名册.xlsx")
	r := run(t, "roster", "export", out, "--db", db)
	if r.status != ExitOK {
		t.Fatalf("export: %d %s", r.status, r.stderr)
	}
	// Export holds the active roster; importing it into a fresh database must
	// give the same people back with nothing refused.
	db2 := filepath.Join(dir, "c.db")
	r = run(t, "roster", "import", out, "--db", db2)
	if r.status != ExitOK {
		t.Fatalf("re-import of the export: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Members()
	s.Close()
	active := 0
	for _, m := range ms {
		if m.OnRoster {
			active++
		}
	}
	if n := memberCount(t, db2); n != active {
		t.Errorf("re-imported %d members, the active roster has %d", n, active)
	}
}

func TestDemoRefusesADatabaseWithMembers(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	if r := run(t, "demo", "--members", "5", "--db", db); r.status != ExitOK {
		t.Fatalf("demo: %d %s", r.status, r.stderr)
	}
	if r := run(t, "demo", "--members", "5", "--db", db); r.status != ExitFailed {
		t.Errorf("demo on a database with members: status %d, want 2", r.status)
	}
	if n := memberCount(t, db); n != 5 {
		t.Errorf("%d members, want the first 5 only", n)
	}
}

func TestVersionMatchesFyneAppToml(t *testing.T) {
	r := run(t, "version")
	if r.status != ExitOK || !regexp.MustCompile(`^branchledger \S+ \(SQLite 3\.\d+\.\d+\)\n$`).MatchString(r.stdout) {
		t.Fatalf("version printed %q (status %d, %s)", r.stdout, r.status, r.stderr)
	}
	toml, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^\s*Version\s*=\s*"` + regexp.QuoteMeta(Version) + `"`).Match(toml) {
		t.Errorf("cli.Version %s differs from FyneApp.toml; keep them equal", Version)
	}
}

func TestNoSubcommandOpensTheWindow(t *testing.T) {
	var got string
	status := Run([]string{"--db", "x.db"}, Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{},
		OpenWindow: func(p string) int { got = p; return 0 }})
	if status != 0 || got != "x.db" {
		t.Errorf("window opened with %q, status %d", got, status)
	}
}

func TestBadUsage(t *testing.T) {
	for _, args := range [][]string{{"rooster"}, {"roster"}, {"roster", "import"}, {"demo", "--members", "0"}, {"roster", "export", "a.xlsx", "--nope"}} {
		if r := run(t, args...); r.status != ExitFailed || !strings.Contains(r.stderr, "错误") {
			t.Errorf("%v: status %d, stderr %q", args, r.status, r.stderr)
		}
	}
}

// A Windows user types /? and a Unix user --help, before or after a command:
// each is a request for the usage (status 0 on stdout) — after a command,
// that command's — never an error.
func TestHelpSpellingsPrintUsage(t *testing.T) {
	for _, args := range [][]string{
		{"help"}, {"-h"}, {"--help"}, {"-help"}, {"/?"},
		{"roster", "import", "-h"}, {"dues", "calc", "--help"}, {"--help", "--db", "x.db"},
	} {
		r := run(t, args...)
		want := "branchledger roster import" // the whole usage, or the command's
		if args[0] == "dues" {
			want = "branchledger dues calc"
		}
		if r.status != ExitOK || !strings.Contains(r.stdout, want) || r.stderr != "" {
			t.Errorf("%q: status %d, stderr %q, stdout starts %.40q; want the usage and status 0",
				args, r.status, r.stderr, r.stdout)
		}
	}
}

// The flag package's English ("flag provided but not defined: -dbx") must
// reach the user as one Chinese sentence naming the option as typed in the usage.
func TestFlagMistakesAreChineseSentences(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"roster", "export", "x.xlsx", "--dbx", db}, "错误：没有 --dbx 这个选项"},
		{[]string{"roster", "export", "x.xlsx", "--db"}, "错误：选项 --db 后面缺少值"},
		{[]string{"dues", "bases", "import", "x.xlsx", "--year", "abc", "--db", db}, `错误：选项 --year 的值 "abc" 不正确：应为 1949 至 2200 之间的四位数字，如 2026`},
	} {
		r := run(t, c.args...)
		first := strings.SplitN(r.stderr, "\n", 2)[0]
		if r.status != ExitFailed || first != c.want {
			t.Errorf("%q: status %d, first line %q; want %q", c.args, r.status, first, c.want)
		}
		if strings.Contains(r.stderr, "flag") {
			t.Errorf("%q: Go's flag English reached the user: %q", c.args, r.stderr)
		}
	}
}

// An empty --db (--db= or --db "") is a mistake, not "the default file":
// an import went into the default data file (review s3-final #8).
func TestEmptyPathOptionIsRefused(t *testing.T) {
	for _, args := range [][]string{
		{"verify", "--db="},
		{"roster", "export", filepath.Join(t.TempDir(), "x.xlsx"), "--db", ""},
		{"aggregate", "list", "--workspace="},
	} {
		r := run(t, args...)
		if r.status == ExitOK || !strings.Contains(r.stderr, "的值是空的") {
			t.Errorf("%q: status %d, %q; want a refusal naming the empty option", args, r.status, r.stderr)
		}
	}
}

// Years are read one way everywhere: full-width digits too, in --year and
// in the export commands, and the same refusal naming the range (review
// s3-final #9).
func TestYearsAreReadOneWay(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "y.db")
	if r := run(t, "demo", "--members", "3", "--db", db); r.status != ExitOK {
		t.Fatalf("demo: %d %s", r.status, r.stderr)
	}
	for _, args := range [][]string{
		{"check", "--year", "２０２６", "--db", db},
		{"dues", "export", "２０２６", filepath.Join(dir, "d.xlsx"), "--db", db},
		{"activity", "export", "２０２６", filepath.Join(dir, "a.xlsx"), "--db", db},
		{"transfer", "export", "２０２６", filepath.Join(dir, "t.xlsx"), "--db", db},
	} {
		if r := run(t, args...); r.status != ExitOK {
			t.Errorf("%q: status %d, %s", args, r.status, r.stderr)
		}
	}
	for _, args := range [][]string{
		{"dues", "export", "1948", filepath.Join(dir, "d2.xlsx"), "--db", db},
		{"activity", "export", "1948", filepath.Join(dir, "a2.xlsx"), "--db", db},
		{"transfer", "export", "1948", filepath.Join(dir, "t2.xlsx"), "--db", db},
		{"check", "--year", "1948", "--db", db},
	} {
		r := run(t, args...)
		if r.status != ExitFailed || !strings.Contains(r.stderr, "应为 1949 至 2200 之间的四位数字") {
			t.Errorf("%q: status %d, %q; want the one rule said", args, r.status, r.stderr)
		}
	}
}

// A command with subcommands followed by --help prints its usage, as help
// roster does (review s3-final #10).
func TestCommandHelpAfterACommandWithSubcommands(t *testing.T) {
	for _, cmd := range []string{"roster", "dues", "transfer", "aggregate", "recruit", "activity"} {
		for _, h := range []string{"--help", "-h", "/?"} {
			r := run(t, cmd, h)
			if r.status != ExitOK || !strings.Contains(r.stdout, "branchledger "+cmd) || strings.Contains(r.stderr, "错误") {
				t.Errorf("%s %s: status %d, stdout %q, stderr %q", cmd, h, r.status, r.stdout, r.stderr)
			}
		}
	}
}

// A --db whose folder does not exist is refused by every command as the
// window refuses it, not made into folders and an empty ledger (review s3-10
// attack #8; the check had been the window's only).
func TestMissingFolderInDbIsRefusedOnTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "打错的文件夹", "台账.db")
	for _, args := range [][]string{
		{"demo", "--members", "3", "--db", typo},
		{"check", "--db", typo},
	} {
		r := run(t, args...)
		if r.status == ExitOK || !strings.Contains(r.stderr, "不存在") {
			t.Errorf("%v: status %d, stderr %q", args, r.status, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "打错的文件夹")); err == nil {
		t.Error("the folder was made")
	}
}
