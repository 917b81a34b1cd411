package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// `dues bases import` reads every sheet that holds bases, and names the
// sheet in its lines as `roster import` does (review s6-7 attack #16 /
// newuser #7: the second branch's sheet was dropped, exit 0).
func TestDuesBasesImportEverySheet(t *testing.T) {
	db, ms := firstDayDB(t)
	f := excelize.NewFile()
	head := []any{"姓名", "公民身份号码", "计算基数"}
	_ = f.SetSheetName("Sheet1", "第一党支部")
	_, _ = f.NewSheet("第二党支部")
	for sheet, rows := range map[string][][]any{
		"第一党支部": {head, {ms[2].Name, ms[2].IDNumber, "5400"}, {ms[3].Name, ms[3].IDNumber, "5500"}},
		"第二党支部": {head, {ms[4].Name, ms[4].IDNumber, "5600"}, {"某某", ms[5].IDNumber, "5700"}},
	} {
		for i, r := range rows {
			ref, _ := excelize.CoordinatesToCellName(1, i+1)
			_ = f.SetSheetRow(sheet, ref, &r)
		}
	}
	book := filepath.Join(t.TempDir(), "基数.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	f.Close()
	r := run(t, "dues", "bases", "import", book, "--db", db)
	if r.status != ExitRejected || lastLine(r.stdout) != "imported 0, rejected 1" ||
		!strings.Contains(r.stdout, "row 3 (第二党支部): 姓名: 某某") || !strings.Contains(r.stderr, "读取了 2 个工作表：第一党支部、第二党支部") {
		t.Fatalf("two sheets: %+v", r)
	}
	r = run(t, "dues", "bases", "import", book, "--db", db, "--skip-invalid", "--dry-run")
	if r.status != ExitOK || lastLine(r.stdout) != "would import 3, rejected 1" ||
		!strings.Contains(r.stderr, "工作表“第二党支部”第 2 行 "+ms[4].Name+"：在职，基数 5600.00 元") {
		t.Errorf("dry run: %+v", r)
	}
}

// A template's 填写示例 sheet beside the bases: `--sheet` reads only the
// sheet named, as in `roster import` (review s6-7-late #8: no --sheet,
// the example's 张三 blocked the import).
func TestDuesBasesImportSheet(t *testing.T) {
	db, ms := firstDayDB(t)
	f := excelize.NewFile()
	head := []any{"姓名", "身份证号码", "计算基数"}
	_ = f.SetSheetName("Sheet1", "填写示例")
	_, _ = f.NewSheet("基数")
	for sheet, rows := range map[string][][]any{
		"填写示例": {head, {"张三", "110101199003070011", "5000"}},
		"基数":   {head, {ms[2].Name, ms[2].IDNumber, "5400"}, {ms[3].Name, ms[3].IDNumber, "5500"}},
	} {
		for i, r := range rows {
			ref, _ := excelize.CoordinatesToCellName(1, i+1)
			_ = f.SetSheetRow(sheet, ref, &r)
		}
	}
	book := filepath.Join(t.TempDir(), "基数.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	f.Close()
	// Without --sheet the 填写示例 sheet is left out, and said (review
	// s6-7-late #8).
	if r := run(t, "dues", "bases", "import", book, "--db", db, "--dry-run"); r.status != ExitOK ||
		lastLine(r.stdout) != "would import 2, rejected 0" || !strings.Contains(r.stderr, "工作表“填写示例”看来是表格模板的填写示例或说明，未导入") {
		t.Errorf("without --sheet: %+v", r)
	}
	r := run(t, "dues", "bases", "import", book, "--db", db, "--sheet", "基数")
	if r.status != ExitOK || lastLine(r.stdout) != "imported 2, rejected 0" || strings.Contains(r.stdout+r.stderr, "填写示例") {
		t.Errorf("--sheet 基数: %+v", r)
	}
	if r := run(t, "dues", "bases", "import", book, "--db", db, "--sheet", "没有"); r.status == ExitOK {
		t.Errorf("--sheet of no sheet: %+v", r)
	}
}

// `dues bases import --errors` naming the bases workbook itself is
// refused before anything is written, as `roster import` refuses it: the
// workbook of refused rows would replace the user's file.
func TestDuesBasesImportErrorsIsInput(t *testing.T) {
	db, ms := firstDayDB(t)
	f := excelize.NewFile()
	for i, r := range [][]any{{"姓名", "公民身份号码", "计算基数"}, {ms[2].Name, ms[2].IDNumber, "5400"}, {"某某", ms[3].IDNumber, "5500"}} {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		_ = f.SetSheetRow("Sheet1", ref, &r)
	}
	book := filepath.Join(t.TempDir(), "基数.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	f.Close()
	before, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, "dues", "bases", "import", book, "--db", db, "--errors", book)
	after, _ := os.ReadFile(book)
	if r.status == ExitOK || !strings.Contains(r.stderr, "就是要导入的基数表") || !bytes.Equal(before, after) {
		t.Fatalf("--errors is the input: %+v", r)
	}
}
