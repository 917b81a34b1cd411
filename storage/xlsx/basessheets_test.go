package xlsx

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// basesBookOfSheets writes a workbook with a sheet of rows per name, in
// that order.
func basesBookOfSheets(t *testing.T, names []string, sheets map[string][][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range names {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			ref, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, ref, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "基数.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// Every sheet holding bases is read, as the roster import reads every
// sheet holding a roster; rows and refusals carry their sheet (review
// s6-7 attack #16: a second branch's sheet was ignored without a word).
func TestBasesEverySheet(t *testing.T) {
	head := []any{"姓名", "身份证号码", "计算基数"}
	id1, id2, id3 := idNumber("19800101", "011"), idNumber("19810202", "022"), idNumber("19820303", "033")
	path := basesBookOfSheets(t, []string{"第一党支部", "说明", "第二党支部"}, map[string][][]any{
		"第一党支部": {head, {"乙一", id1, 5400}, {"乙二", id2, 5500}},
		"说明":    {{"本表用于登记2026年党费计算基数"}},
		"第二党支部": {head, {"乙三", id3, 5600}, {"乙四", id1, 5700}, {"乙五", "", 5800}},
	})
	bf, err := ReadDuesBasesSheets(path, 2026, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(bf.Sheets, []string{"第一党支部", "第二党支部"}) || bf.Sheet != "第一党支部" || bf.HeaderRow != 1 {
		t.Errorf("sheets %v (first %q row %d)", bf.Sheets, bf.Sheet, bf.HeaderRow)
	}
	var got []string
	for _, r := range bf.Rows {
		got = append(got, r.Sheet+"|"+r.Name+"|"+r.Base.String())
	}
	// An ID on two sheets refuses both rows, each naming the other: the
	// user chooses which base holds (review s6-7-late #6).
	if want := []string{"第一党支部|乙二|5500.00", "第二党支部|乙三|5600.00"}; !slices.Equal(got, want) {
		t.Errorf("rows %v, want %v", got, want)
	}
	var lines []string
	for _, r := range bf.Rejected {
		lines = append(lines, r.Line(true))
	}
	text := strings.Join(lines, "\n")
	for _, want := range []string{"row 2 (第一党支部): 公民身份号码: 乙一，单元格为“" + id1 + "”：与工作表“第二党支部”第 3 行的身份证号码相同",
		"row 3 (第二党支部): 公民身份号码: 乙四，单元格为“" + id1 + "”：与工作表“第一党支部”第 2 行的身份证号码相同",
		"row 4 (第二党支部): 公民身份号码: 乙五：请填写公民身份号码"} {
		if !strings.Contains(text, want) {
			t.Errorf("refusals lack %q:\n%s", want, text)
		}
	}
	if len(bf.Rejected) != 3 || bf.Rejected[0].Sheet != "第一党支部" {
		t.Errorf("refusals:\n%s", text)
	}

	// A hidden sheet beside visible ones is not read, and said.
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_ = f.SetSheetVisible("第二党支部", false)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	bf, err = ReadDuesBasesSheets(path, 2026, nil)
	if err != nil || !slices.Equal(bf.Sheets, []string{"第一党支部"}) || len(bf.Rows) != 2 || len(bf.Notes) != 1 ||
		!strings.Contains(bf.Notes[0].Message, "隐藏的工作表“第二党支部”也有党费基数，未导入") {
		t.Errorf("hidden sheet: %+v %v", bf, err)
	}
}

// A sheet named twice is read once: read twice, every row was refused as
// a duplicate of itself (review s6-final attack #1).
func TestBasesSheetNamedTwiceIsReadOnce(t *testing.T) {
	head := []any{"姓名", "身份证号码", "计算基数"}
	path := basesBookOfSheets(t, []string{"基数"}, map[string][][]any{
		"基数": {head, {"乙一", idNumber("19800101", "011"), 5400}},
	})
	bf, err := ReadDuesBasesSheets(path, 2026, []string{"基数", "基数"})
	if err != nil {
		t.Fatal(err)
	}
	if len(bf.Rows) != 1 || len(bf.Rejected) != 0 || !slices.Equal(bf.Sheets, []string{"基数"}) {
		t.Errorf("sheets %v, rows %d, refused %d", bf.Sheets, len(bf.Rows), len(bf.Rejected))
	}
}

// A bases sheet too large to be one is said to be no bases sheet, not no
// roster: a stray space at XFD1048576 (a common accident) was refused as
// "不像是党员花名册" (review s14-attack8 #17).
func TestBasesFileTooLargeSaysBasesSheet(t *testing.T) {
	path := basesBookOfSheets(t, []string{"基数"}, map[string][][]any{
		"基数": {{"姓名", "身份证号码", "计算基数"}, {"乙一", idNumber("19800101", "011"), 5400}},
	})
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("基数", "XFD1048576", " "); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = ReadDuesBasesSheets(path, 2026, nil)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v, want ErrTooLarge", err)
	}
	if msg := err.Error(); strings.Contains(msg, "花名册") || !strings.Contains(msg, "党费基数表") {
		t.Errorf("message: %s", msg)
	}
}
