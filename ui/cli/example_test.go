package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// A template's 填写示例 sheet is not imported as members unless named,
// and said; its 示例 row, named with --sheet, is refused, not a member
// (review s6-7-late #9, s6-7 attack #17).
func TestRosterImportTemplateExample(t *testing.T) {
	head := []any{"序号", "姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"}
	path := writeBook(t, "模板.xlsx", map[string][][]any{
		"填写示例": {head, {"示例", "张三", "110101199003070011", "2015.06", "2016.06", "XX党支部"}},
		"党员":   {head, {"1", "乙一", rosterID("19800101", 11), "2008.06", "2009.06", "第一党支部"}},
	}, "填写示例", "党员")
	r := run(t, "roster", "import", path, "--db", filepath.Join(t.TempDir(), "a.db"))
	if r.status != ExitOK || lastLine(r.stdout) != "imported 1, rejected 0" ||
		!strings.Contains(r.stderr, "提示：工作表“填写示例”看来是表格模板的填写示例或说明，没有作为党员导入") {
		t.Errorf("default: status %d stdout:\n%s\nstderr:\n%s", r.status, r.stdout, r.stderr)
	}
	r = run(t, "roster", "import", path, "--db", filepath.Join(t.TempDir(), "b.db"), "--sheet", "填写示例", "--sheet", "党员")
	if r.status != ExitRejected || !strings.Contains(r.stdout, "row 2 (填写示例): 姓名: 张三：这一行像是表格模板的填写示例（序号为“示例”），未导入") {
		t.Errorf("--sheet 填写示例: status %d stdout:\n%s\nstderr:\n%s", r.status, r.stdout, r.stderr)
	}
}

// --sheet names a sheet case aside, as Excel does (review s6-final
// attack #3).
func TestRosterImportSheetCaseAside(t *testing.T) {
	head := []any{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"}
	path := writeBook(t, "名册.xlsx", map[string][][]any{
		"Branch1": {head, {"乙一", rosterID("19800101", 11), "2008.06", "2009.06", "第一党支部"}},
		"Branch2": {head, {"乙二", rosterID("19800101", 22), "2008.06", "2009.06", "第二党支部"}},
	}, "Branch1", "Branch2")
	r := run(t, "roster", "import", path, "--db", filepath.Join(t.TempDir(), "a.db"), "--sheet", "branch2")
	if r.status != ExitOK || lastLine(r.stdout) != "imported 1, rejected 0" {
		t.Errorf("--sheet branch2: status %d stdout:\n%s\nstderr:\n%s", r.status, r.stdout, r.stderr)
	}
}

// A file whose every sheet is left out imports nobody: exit 1, not a
// success (review s7-7 attack #4); 样表, a template's only sheet, filled
// in, is read.
func TestRosterImportEverySheetLeftOut(t *testing.T) {
	head := []any{"序号", "姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "所在党支部"}
	row := []any{"1", "乙一", rosterID("19800101", 11), "2008.06", "2009.06", "第一党支部"}
	path := writeBook(t, "示例.xlsx", map[string][][]any{"填写示例": {head, row}}, "填写示例")
	r := run(t, "roster", "import", path, "--db", filepath.Join(t.TempDir(), "a.db"), "--dry-run")
	if r.status != ExitRejected || !strings.Contains(r.stderr, "没有导入任何人：文件中的工作表都没有作为党员导入") {
		t.Errorf("only 填写示例: status %d stdout:\n%s\nstderr:\n%s", r.status, r.stdout, r.stderr)
	}
	// An empty template (headings, 序号 printed down, nobody filled in):
	// nothing read is no success (review s8-7 newuser #8).
	path = writeBook(t, "空表.xlsx", map[string][][]any{"党员": {head, {"1"}, {"2"}, {"3"}}}, "党员")
	r = run(t, "roster", "import", path, "--db", filepath.Join(t.TempDir(), "c.db"))
	if r.status != ExitRejected || !strings.Contains(r.stderr, "没有导入任何人：文件中没有读到党员（表头下的行都是空的）") {
		t.Errorf("empty template: status %d stdout:\n%s\nstderr:\n%s", r.status, r.stdout, r.stderr)
	}
	path = writeBook(t, "样表.xlsx", map[string][][]any{"样表": {head, row}}, "样表")
	r = run(t, "roster", "import", path, "--db", filepath.Join(t.TempDir(), "b.db"), "--dry-run")
	if r.status != ExitOK || lastLine(r.stdout) != "would import 1, rejected 0" {
		t.Errorf("样表: status %d stdout:\n%s\nstderr:\n%s", r.status, r.stdout, r.stderr)
	}
}
