package cli

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A sheet named as a branch whose title is a template's placeholder: the
// notes say the sheet's name was taken and the title was not — no longer
// also that 所在党支部 was left empty, beside members stored with the
// sheet's name (review s13-attack #5). Where the name gives no branch,
// the title note still says it is left empty.
func TestRosterImportTitleNoteAgreesWithSheetName(t *testing.T) {
	const title = "中共某某公司第一党支部党员花名册"
	tests := []struct {
		sheet, branch string
		want          []string // lines of the notes
		notWant       string
	}{
		{"第一党支部", "第一党支部", []string{
			"提示：工作表“第一党支部”没有“所在党支部”列，以工作表名称作为所在党支部",
			"提示：没有“所在党支部”列：表格标题“" + title + "”是表格模板中代填的名称，没有作为所在党支部"},
			"留空"},
		{"Sheet1", "", []string{
			"提示：没有“所在党支部”列：表格标题“" + title + "”是表格模板中代填的名称，没有作为所在党支部；所在党支部留空"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.sheet, func(t *testing.T) {
			path := writeBook(t, "名册.xlsx", map[string][][]any{tt.sheet: {
				{title},
				{"姓名", "公民身份号码", "入党时间", "转正时间", "人员类别"},
				{"子一", rosterID("19800115", 311), "2003.05", "2004.05", "正式党员"},
			}}, tt.sheet)
			db := filepath.Join(t.TempDir(), "a.db")
			r := run(t, "roster", "import", path, "--db", db)
			lines := strings.Split(r.stderr, "\n")
			for _, w := range tt.want {
				if !slices.Contains(lines, w) {
					t.Errorf("stderr:\n%s\nwant the line\n%s", r.stderr, w)
				}
			}
			if r.status != ExitOK || tt.notWant != "" && strings.Contains(r.stderr, tt.notWant) {
				t.Fatalf("status %d stderr:\n%s", r.status, r.stderr)
			}
			s := openDB(t, db)
			defer s.Close()
			if ms, _ := s.Members(); len(ms) != 1 || ms[0].BranchName != tt.branch {
				t.Errorf("stored %+v, want 所在党支部 %q", ms, tt.branch)
			}
		})
	}
}
