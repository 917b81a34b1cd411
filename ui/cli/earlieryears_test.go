package cli

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// One sheet per year of the same roster: only the newest year is imported,
// the earlier years named as not read with how many of their people the
// newest lacks; before, every sheet was read and those people — they
// left — stored as current members (review ra8 G1).
func TestRosterImportReadsTheNewestYearOnly(t *testing.T) {
	head := []any{"姓名", "公民身份号码", "所在党支部", "入党时间", "转正时间", "人员类别"}
	deng := []any{"邓亮", rosterID("19800101", 11), "第一党支部", "2010.07", "2011.07", "正式党员"}
	xie := []any{"谢敏", rosterID("19800101", 22), "第一党支部", "2010.07", "2011.07", "正式党员"}
	zhou := []any{"周红", rosterID("19800101", 33), "第一党支部", "2010.07", "2011.07", "正式党员"}
	path := writeBook(t, "名册.xlsx", map[string][][]any{
		"2024年党员名册": {head, deng, xie, zhou},
		"2025年党员名册": {head, deng, zhou},
	}, "2024年党员名册", "2025年党员名册")
	db := filepath.Join(t.TempDir(), "b.db")
	r := run(t, "roster", "import", path, "--db", db)
	if r.status != ExitOK || lastLine(r.stdout) != "imported 2, rejected 0" {
		t.Fatalf("status %d stdout:\n%s\nstderr:\n%s", r.status, r.stdout, r.stderr)
	}
	if want := "sheets not imported: 2024年党员名册（往年的名册，只导入最新的“2025年党员名册”；其中1人不在“2025年党员名册”中，没有导入）\n"; !strings.Contains(r.stdout, want) {
		t.Errorf("stdout:\n%s\nwant %s", r.stdout, want)
	}
	if want := "提示：工作表“2024年党员名册”看来是往年的名册，没有导入：只导入最新的“2025年党员名册”；其中1人不在“2025年党员名册”中（已离开），没有导入（确需导入时用 --sheet 列出要导入的每个工作表）\n"; !strings.Contains(r.stderr, want) {
		t.Errorf("stderr:\n%s\nwant %s", r.stderr, want)
	}
	s := openDB(t, db)
	ms, _ := s.Members()
	s.Close()
	var names []string
	for _, m := range ms {
		names = append(names, m.Name)
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"周红", "邓亮"}) {
		t.Errorf("members stored %q, want 邓亮 and 周红", names)
	}
}
