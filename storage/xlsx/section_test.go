package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// A printed roster without a 所在党支部 column that groups its members under
// rows naming their branch (merged across the table) gives each member the
// branch of the row above them, says so, and does not read those rows as
// members; a branch taken from the title is said too (review s5-7 attack
// #5).
func TestSectionRowsNameTheBranch(t *testing.T) {
	head := []any{"序号", "姓名", "公民身份号码", "人员类别", "加入党组织日期"}
	rf := read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{
		{"某单位联合党支部党员花名册"},
		head,
		{"第一党支部"},
		{"1", "戌一", idNumber("19800101", "011"), "正式党员", "2008-06-01"},
		{"2", "戌二", idNumber("19800101", "022"), "正式党员", "2008-06-01"},
		{"第二党支部"},
		{"3", "戌三", idNumber("19800101", "033"), "正式党员", "2008-06-01"},
	}, merges: [][2]string{{"A1", "E1"}, {"A3", "E3"}, {"A6", "E6"}}}}}.bytes(t))
	if len(rf.Rejected) != 0 || len(rf.Members) != 3 {
		t.Fatalf("members %d, rejected %+v", len(rf.Members), rf.Rejected)
	}
	for row, want := range map[int]string{4: "第一党支部", 5: "第一党支部", 7: "第二党支部"} {
		if got := member(t, rf, row).BranchName; got != want {
			t.Errorf("row %d: 所在党支部 %q, want %q", row, got, want)
		}
	}
	said := map[int]bool{}
	for _, n := range rf.Notes {
		if strings.Contains(n.Message, "分组行") {
			said[n.Row] = true
		}
	}
	if !said[3] || !said[6] {
		t.Errorf("notes %+v: want the section rows 3 and 6 named", rf.Notes)
	}

	rf = read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{
		{"中共华东精密机械有限公司支部委员会党员花名册"},
		head,
		{"1", "丙子", idNumber("19800101", "011"), "正式党员", "2008-06-01"},
	}}}}.bytes(t))
	if got := member(t, rf, 3).BranchName; got != "中共华东精密机械有限公司支部委员会" {
		t.Errorf("title branch %q", got)
	}
	titled := false
	for _, n := range rf.Notes {
		titled = titled || strings.Contains(n.Message, "按表格标题“中共华东精密机械有限公司支部委员会党员花名册”记为“中共华东精密机械有限公司支部委员会”")
	}
	if !titled {
		t.Errorf("notes %+v: want the title's branch said", rf.Notes)
	}
}

// A heading merged down into the first member's row (人员类别 D1:D2) does
// not hide the header: a row holding an ID number is a member's, and the
// merged heading's text is no value of it (review s5-7 attack #8).
func TestHeadingMergedIntoFirstDataRow(t *testing.T) {
	rf := read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{
		{"姓名", "公民身份号码", "所在党支部", "人员类别", "加入党组织日期", "转为正式党员日期"},
		{"甲申", idNumber("19800101", "011"), "第一党支部", nil, "2008-06-01", "2009-06-01"},
		{"乙酉", idNumber("19800101", "033"), "第一党支部", "预备党员", "2025-06-01", nil},
	}, merges: [][2]string{{"D1", "D2"}}}}}.bytes(t))
	if len(rf.Rejected) != 0 {
		t.Fatalf("rejected %+v", rf.Rejected)
	}
	if m := member(t, rf, 2); m.Category != "正式党员" || m.BranchName != "第一党支部" {
		t.Errorf("row 2: %q %q", m.Category, m.BranchName)
	}
	if m := member(t, rf, 3); m.Category != "预备党员" {
		t.Errorf("row 3: %q", m.Category)
	}
}

// A workbook that lists a worksheet whose part is missing is damaged, and
// is refused as such naming the sheet, not told it has no header (review
// s5-7 attack #6a).
func TestMissingWorksheetPartIsDamage(t *testing.T) {
	data := workbook{sheets: []sheetSpec{{name: "名册", rows: [][]any{
		{"姓名", "公民身份号码"}, {"甲申", idNumber("19800101", "011")},
	}}}}.bytes(t)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		if zf.Name == "xl/worksheets/sheet1.xml" {
			continue
		}
		if err := zw.Copy(zf); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = ReadRoster(bytes.NewReader(buf.Bytes()), ReadOptions{Today: today})
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "工作表“名册”") {
		t.Errorf("err %v, want ErrDamaged naming the sheet", err)
	}
}

// A group's title row — a 党小组 or a branch, numbered or with a count,
// merged across the table or alone in its first column — is never read as
// a member, whether or not the sheet has a 所在党支部 column. Without the
// column an organisation's title gives the branch of the rows under it
// and a 党小组's does not; with it, the column does (review s5 final
// attack #2).
func TestGroupTitleRowsAreNoMembers(t *testing.T) {
	id1, id2, id3 := idNumber("19800101", "011"), idNumber("19800101", "031"), idNumber("19800101", "033")
	rf := read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{
		{"姓名", "性别", "身份证号码", "入党时间", "转正时间", "党员类别", "所在党支部"},
		{"第一党小组"},
		{"甲一", "男", id1, "2008-06-01", "2009-06-01", "正式党员", "第一党支部"},
		{"第二党支部"},
		{"甲二", "男", id2, "2008-06-01", "2009-06-01", "正式党员", "第二党支部"},
		{"一、第三党小组"},
		{"甲三", "男", id3, "2008-06-01", "2009-06-01", "正式党员", "第二党支部"},
	}, merges: [][2]string{{"A2", "G2"}, {"A4", "G4"}}}}}.bytes(t))
	if len(rf.Rejected) != 0 || len(rf.Members) != 3 {
		t.Fatalf("members %d, rejected %+v", len(rf.Members), rf.Rejected)
	}
	for row, want := range map[int]string{3: "第一党支部", 5: "第二党支部", 7: "第二党支部"} {
		if got := member(t, rf, row).BranchName; got != want {
			t.Errorf("with the column, row %d: 所在党支部 %q, want %q", row, got, want)
		}
	}
	said := map[int]string{}
	for _, n := range rf.Notes {
		if strings.Contains(n.Message, "分组行") {
			said[n.Row] = n.Message
		}
	}
	for _, row := range []int{2, 4, 6} {
		if !strings.Contains(said[row], "不是党员") {
			t.Errorf("row %d: note %q, want it said to be a group's title", row, said[row])
		}
	}

	head := []any{"序号", "姓名", "公民身份号码", "人员类别", "加入党组织日期"}
	rf = read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{
		head,
		{"第一党支部"},
		{"一、第一党小组"},
		{"1", "乙一", id1, "正式党员", "2008-06-01"},
		{"第二党小组（3人）"},
		{"2", "乙二", id2, "正式党员", "2008-06-01"},
		{"（二）第二党支部（机关）"},
		{"3", "乙三", id3, "正式党员", "2008-06-01"},
	}, merges: [][2]string{{"A2", "E2"}, {"A7", "E7"}}}}}.bytes(t))
	if len(rf.Rejected) != 0 || len(rf.Members) != 3 {
		t.Fatalf("members %d, rejected %+v", len(rf.Members), rf.Rejected)
	}
	for row, want := range map[int]string{4: "第一党支部", 6: "第一党支部", 8: "第二党支部（机关）"} {
		if got := member(t, rf, row).BranchName; got != want {
			t.Errorf("without the column, row %d: 所在党支部 %q, want %q", row, got, want)
		}
	}
}

func TestGroupTitleOf(t *testing.T) {
	for text, want := range map[string]string{
		"第一党小组": "第一党小组", "一、第一党小组": "第一党小组", "第二党小组（3人）": "第二党小组",
		"3. 第三党小组(共5名)": "第三党小组", "（二）机关党总支": "机关党总支", "第一党支部（机关）": "第一党支部（机关）",
		"第三组": "第三组", "张三": "", "备注：另有2人转出": "", "2024年党员花名册": "",
	} {
		got, ok := groupTitleOf(text)
		if ok != (want != "") || got != want {
			t.Errorf("groupTitleOf(%q) = %q %v, want %q", text, got, ok, want)
		}
	}
}

// A roster without a 人员类别 column that groups its members under titles
// of their kind (一、正式党员（2人）, 二、预备党员（1人）) gives each the
// category of the title above; a kind that gives none (三、离退休党员) ends
// it; the workbook of refused rows writes the title again, so that the
// fixed copy reads the same (review s6-7 attack #5: the titles were passed
// over and the members refused for want of the category they state).
func TestCategorySectionRows(t *testing.T) {
	data := roster(t, [][]any{
		{"序号", "姓名", "公民身份号码", "加入党组织日期"},
		{"一、正式党员（2人）"},
		{"1", "辛一", idNumber("19800101", "011"), "2008-06-01"},
		{"2", "辛二", idNumber("19800101", "031"), "2008-13-01"},
		{"二、预备党员（1人）"},
		{"3", "辛三", idNumber("19800101", "051"), "2026-06-01"},
		{"三、离退休党员"},
		{"4", "辛四", idNumber("19800101", "071"), "2000-06-01"},
	}, [2]string{"A2", "D2"}, [2]string{"A5", "D5"}, [2]string{"A7", "D7"})
	rf := read(t, data)
	if m := member(t, rf, 3); m.Category != model.CategoryFull {
		t.Errorf("row 3: %q", m.Category)
	}
	if m := member(t, rf, 6); m.Category != model.CategoryProbationary {
		t.Errorf("row 6: %q", m.Category)
	}
	if got := rejections(rf, 4); got[model.FieldJoinDate] == "" || got[model.FieldCategory] != "" {
		t.Errorf("row 4: %v", got)
	}
	for _, m := range rf.Members {
		if m.Row == 8 && m.Member.Category != "" {
			t.Errorf("row 8 under 离退休党员 given %q", m.Member.Category)
		}
	}
	var buf bytes.Buffer
	if _, err := WriteRejectedRows(&buf, data, rf.Rejected, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	if v, _ := f.GetCellValue(sheet, "A2"); v != "一、正式党员（2人）" {
		t.Fatalf("A2 %q: the title is not written above the refused row", v)
	}
	_ = f.SetCellStr(sheet, "D3", "2008-12-01")
	fixed, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	again := read(t, fixed.Bytes())
	if m := member(t, again, 3); m.Name != "辛二" || m.Category != model.CategoryFull {
		t.Errorf("re-imported: %s %q", m.Name, m.Category)
	}
}

// A group row's note quotes the row as it shows and the branch as it is
// stored: a no-break space inside 第二 党支部 is dropped from the stored
// name, and the note said “第二 党支部” was stored (review s13-attack #15).
func TestGroupRowNoteQuotesTheBranchAsStored(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"序号", "姓名", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期"},
		{"\u200e二、第二\u00a0党支部\u200f"},
		{"1", "名二", idNumber("19800101", "011"), "正式党员", "2003-05", "2004-05"},
	}, [2]string{"A2", "F2"}))
	if got := member(t, rf, 3).BranchName; got != "第二党支部" {
		t.Errorf("所在党支部 %q, want 第二党支部", got)
	}
	const want = "分组行“第二 党支部”：其下各行（到下一个分组行为止）的所在党支部记为“第二党支部”"
	var said []string
	for _, n := range rf.Notes {
		if n.Row == 2 {
			said = append(said, n.Message)
		}
	}
	if len(said) != 1 || said[0] != want {
		t.Errorf("notes on row 2 %q, want %q", said, want)
	}
}
