package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A bases import names the roster it matches against: with --db mistyped
// it made a new, empty data file and refused every row as "花名册中没有这个
// 身份证号码的党员", blaming the rows for the path (review s14-attack8 #22).
// It now refuses the path as check and the exports do, and makes nothing.
func TestBasesImportRefusesAMissingDataFile(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "nonexist.db")
	for _, dry := range []bool{false, true} {
		args := []string{"dues", "bases", "import", filepath.Join(dir, "基数.xlsx"), "--db", typo}
		if dry {
			args = append(args, "--dry-run")
		}
		r := run(t, args...)
		if r.status == ExitOK || !strings.Contains(r.stderr, "找不到数据文件") || !strings.Contains(r.stderr, "不新建数据文件") {
			t.Errorf("dry-run %v: %d %s%s", dry, r.status, r.stdout, r.stderr)
		}
		if _, err := os.Stat(typo); !os.IsNotExist(err) {
			t.Fatalf("dry-run %v: %s was made (%v)", dry, typo, err)
		}
	}
}

// A workbook export over an existing workbook of this app replaces it, as
// the window does after asking; the command has no one to ask, and said
// nothing (review s14-attack8 #32): it now says the file was replaced, and
// says nothing when there was none.
func TestExportSaysItReplacedAWorkbook(t *testing.T) {
	db := demoFile(t, "3")
	dir := t.TempDir()
	year := strconv.Itoa(time.Now().Year())
	for _, c := range []struct {
		name string
		args func(out string) []string
	}{
		{"dues", func(out string) []string { return []string{"dues", "export", year, out, "--db", db} }},
		{"roster", func(out string) []string { return []string{"roster", "export", out, "--db", db} }},
		{"activity", func(out string) []string { return []string{"activity", "export", year, out, "--db", db} }},
	} {
		out := filepath.Join(dir, c.name+".xlsx")
		first := run(t, c.args(out)...)
		if first.status != ExitOK || strings.Contains(first.stderr, "替换") {
			t.Errorf("%s, new file: %d %s%s", c.name, first.status, first.stdout, first.stderr)
		}
		again := run(t, c.args(out)...)
		if again.status != ExitOK || !strings.Contains(again.stderr, out+" 原已存在") || !strings.Contains(again.stderr, "已用新导出的内容替换") {
			t.Errorf("%s, over the last export: %d %s%s", c.name, again.status, again.stdout, again.stderr)
		}
	}
}
