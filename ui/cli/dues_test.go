package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage"
)

func TestDuesCalc(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--category", "在职", "--base", "5400"}, "81.00"},
		{[]string{"--base", "3000"}, "15.00"},
		{[]string{"--base", "3000.01"}, "30.00"},
		{[]string{"--category", "离退休", "--base", "5000.01"}, "50.00"},
		{[]string{"--category", "学生"}, "0.20"},
		{[]string{"--category", "农民", "--base", "0.5"}, "0.50"},
		// full-width digits, as the roster and the forms take them (issue 7 §11)
		{[]string{"--category", "在职", "--base", "５４００"}, "81.00"},
		{[]string{"--base", "３０００．０１"}, "30.00"},
	} {
		r := run(t, append([]string{"dues", "calc"}, c.args...)...)
		if r.status != ExitOK || r.stdout != c.want+"\n" || r.stderr == "" {
			t.Errorf("%v: %+v, want %s", c.args, r, c.want)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--base", "-5"}, "负数"},
		{[]string{"--base", "5400.123"}, "两位小数"},
		{[]string{"--category", "公务员", "--base", "1"}, "不是缴纳类别"},
		{[]string{"--category", "农民", "--base", "2"}, "0.20 至 1.00"},
		// no base for a category that pays by one (review s8-7 newuser #9)
		{[]string{"--category", "在职"}, "缺少 --base（在职的月计算基数，元）"},
		{[]string{}, "缺少 --base"},
	} {
		r := run(t, append([]string{"dues", "calc"}, c.args...)...)
		if r.status != ExitFailed || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: %+v, want %q", c.args, r, c.want)
		}
		// A value the command cannot use is one line, without the usage.
		if lines := strings.Count(strings.TrimSpace(r.stderr), "\n") + 1; lines != 1 || strings.Contains(r.stderr, "用法") {
			t.Errorf("%v: stderr of %d lines, want one:\n%s", c.args, lines, r.stderr)
		}
	}
}

func TestDemoAndDuesExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	if r := run(t, "demo", "--members", "40", "--db", db); r.status != ExitOK {
		t.Fatalf("demo: %+v", r)
	}
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	today := model.Today()
	ar, err := s.DuesArrears(today)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	var warn, serious int
	for _, a := range ar {
		switch a.Severity {
		case model.Warning:
			warn++
		case model.Serious:
			serious++
		}
	}
	if warn == 0 || serious == 0 {
		t.Errorf("demo arrears: %d warnings, %d serious: %+v", warn, serious, ar)
	}
	out := filepath.Join(dir, "党费.xlsx")
	r := run(t, "dues", "export", "2026", out, "--db", db)
	if r.status != ExitOK || !strings.HasPrefix(r.stdout, "exported dues 2026") {
		t.Fatalf("export: %+v", r)
	}
	// Said once, on stdout, as the other exports say it (review s3-8
	// newuser #9: the same line again in Chinese on stderr).
	if r.stderr != "" {
		t.Errorf("export also said on stderr: %q", r.stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 {
		t.Errorf("sheets %v", got)
	}
	if r := run(t, "dues", "export", "20x6", out, "--db", db); r.status != ExitFailed {
		t.Errorf("bad year: %+v", r)
	}
}
