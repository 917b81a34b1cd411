package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"branchledger/model"
)

// A dues year later than next year is refused in one line, nothing
// written: --year 2099 (meant 2026) stored fourteen bases for 2099, and
// `dues export 2099` wrote a register "缺2099年基数" for everyone (review
// s13-attack8 #14). Next year is still taken, as the window offers it.
// Checked on the real clock, as the command runs.
func TestDuesYearLaterThanNextYearIsRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	if r := run(t, "demo", "--members", "5", "--db", db); r.status != ExitOK {
		t.Fatalf("demo: %+v", r)
	}
	next := model.Today().Year + 1
	late := strconv.Itoa(next + 1)
	out := filepath.Join(dir, "党费.xlsx")
	r := run(t, "dues", "export", late, out, "--db", db)
	want := late + "年晚于" + strconv.Itoa(next) + "年，是否输错了年份？"
	// One line, then where the command's usage is, as for a year 20x6.
	if first, _, _ := strings.Cut(r.stderr, "\n"); r.status == ExitOK || !strings.Contains(first, want) {
		t.Errorf("dues export %s: %+v, want a line saying %q", late, r, want)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("dues export %s wrote %s", late, out)
	}
	if r := run(t, "dues", "export", strconv.Itoa(next), out, "--db", db); r.status != ExitOK {
		t.Errorf("dues export %d (next year): %+v", next, r)
	}

	r = run(t, "dues", "bases", "import", filepath.Join(dir, "基数.xlsx"), "--year", late, "--db", db)
	if r.status == ExitOK || !strings.Contains(r.stderr, "--year "+want) {
		t.Errorf("dues bases import --year %s: %+v, want %q", late, r, want)
	}
}
