package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// writeOrgs writes a workbook built in the test to a file and reads it as
// an organisation list.
func writeOrgs(t *testing.T, data []byte) (*OrgFile, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "单位名录.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return ReadOrgsFile(path)
}

// A county 台账 calls the coverage column 组建方式, 组建形式 or
// 是否建立党组织 (review s4-11 newuser #3).
func TestOrgListCommonCoverageHeadings(t *testing.T) {
	for _, heading := range []string{"组建方式", "组建形式", "是否建立党组织", "党组织建立情况"} {
		of, err := writeOrgs(t, workbook{sheets: []sheetSpec{{name: "名录", rows: [][]any{
			{"安宁区两新组织党建工作台账（2026年11月）"},
			{"序号", "单位名称", "统一社会信用代码", "单位类型", heading},
			{"1", "兰州晨光印务有限公司", "", "非公企业", "单独组建"},
		}}}}.bytes(t))
		if err != nil {
			t.Errorf("%s: %v", heading, err)
			continue
		}
		if len(of.Rows) != 1 || of.Rows[0].Org.Coverage != model.CoveredOwn {
			t.Errorf("%s: rows %+v", heading, of.Rows)
		}
	}
}

// When no heading row is found, the message shows the row that looks like
// one, says which required column it lacks and how that column may be
// headed, so that the user knows what to rename.
func TestOrgListWithoutHeadingSaysWhatItRead(t *testing.T) {
	_, err := writeOrgs(t, workbook{sheets: []sheetSpec{{name: "名录", rows: [][]any{
		{"安宁区两新组织党建工作台账（2026年11月）"},
		{"序号", "单位名称", "信用代码", "党组织情况说明", "备注"},
		{"1", "兰州晨光印务有限公司", "", "已建", ""},
	}}}}.bytes(t))
	if !errors.Is(err, ErrNoOrgHeader) {
		t.Fatalf("err = %v", err)
	}
	for _, want := range []string{"工作表“名录”第2行是：序号、单位名称、信用代码、党组织情况说明、备注", "；没有“党组织覆盖”列（表头也可写作：组织覆盖、覆盖方式、组建情况"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q:\n%s", want, err)
		}
	}
	if strings.Contains(err.Error(), "没有“单位名称”列") {
		t.Errorf("单位名称 is there: %s", err)
	}
}

// A list refused for its size speaks of a 单位名录, not of the roster the
// shared reader was written for (review s4-11 attack #6).
func TestOrgListTooLargeSpeaksOfTheList(t *testing.T) {
	_, err := writeOrgs(t, workbook{sheets: []sheetSpec{{name: "名录", rows: [][]any{
		{"单位名称", "党组织覆盖"},
	}}}, opts: func(f *excelize.File) {
		if err := f.SetCellStr("名录", "A1048576", "x"); err != nil {
			t.Fatal(err)
		}
	}}.bytes(t))
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), "花名册") || !strings.Contains(err.Error(), "单位名录") {
		t.Errorf("message: %s", err)
	}
}

// A workbook that names a sheet whose part is not in the file is damaged;
// the message says so, not that the headings are missing.
func TestOrgListMissingSheetIsDamaged(t *testing.T) {
	data := workbook{sheets: []sheetSpec{{name: "单位名录", rows: [][]any{
		{"单位名称", "党组织覆盖"}, {"兰州晨光印务有限公司", "单独组建"},
	}}}}.bytes(t)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/worksheets/") {
			continue
		}
		w, _ := zw.Create(f.Name)
		r, _ := f.Open()
		io.Copy(w, r)
		r.Close()
	}
	zw.Close()
	_, err = writeOrgs(t, buf.Bytes())
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "工作表“单位名录”") || errors.Is(err, ErrNoOrgHeader) {
		t.Errorf("err = %v", err)
	}
}

// A 统一社会信用代码 kept as a number has lost its last digits: the row
// says so and how to fix it, rather than counting the characters of
// "9.16201006604876E+17".
func TestOrgListNumericCreditCode(t *testing.T) {
	of, err := writeOrgs(t, workbook{sheets: []sheetSpec{{name: "名录", rows: [][]any{
		{"单位名称", "统一社会信用代码", "单位类型", "党组织覆盖"},
		{"兰州晨光印务有限公司", numberCell("9.16201006604876E+17"), "非公企业", "单独组建"},
	}}}}.bytes(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(of.Rows) != 1 || len(of.Rows[0].Problems) != 1 {
		t.Fatalf("rows %+v", of.Rows)
	}
	msg := of.Rows[0].Problems[0].Error()
	if !strings.Contains(msg, "是一个数字") || !strings.Contains(msg, "文本") || strings.Contains(msg, "20位") {
		t.Errorf("problem: %s", msg)
	}
}

// The usual county 统计表: a title and a line of notes, then a heading of
// two rows — 序号 … 党员数 merged down over both, and 党组织覆盖情况
// merged across 组建情况 / 未建原因 / 工作覆盖方式 (review s5-11 newuser #2).
func TestOrgListTwoRowMergedHeading(t *testing.T) {
	of, err := writeOrgs(t, workbook{sheets: []sheetSpec{{name: "名录", rows: [][]any{
		{"安宁区非公企业和社会组织党组织覆盖情况统计表"},
		{"填报单位：安宁区委组织部", nil, nil, nil, nil, nil, nil, nil, nil, "填报日期：2026年11月"},
		{"序号", "单位名称", "统一社会信用代码", "单位类别", "规模", "从业人员数", "党员数", "党组织覆盖情况", nil, nil},
		{nil, nil, nil, nil, nil, nil, nil, "组建情况", "未建原因", "工作覆盖方式"},
		{"1", "甘肃陇原机械制造有限公司", "", "非公企业", "规上", "120", "12", "单独组建", "", ""},
		{"2", "兰州金百合商贸有限公司", "", "非公企业", "规下", "30", "3", "未建", "符合条件未建", "党建指导员"},
	}, merges: [][2]string{{"A1", "J1"}, {"A3", "A4"}, {"B3", "B4"}, {"C3", "C4"}, {"D3", "D4"}, {"E3", "E4"}, {"F3", "F4"}, {"G3", "G4"}, {"H3", "J3"}}}}}.bytes(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(of.Rows) != 2 {
		t.Fatalf("rows %+v", of.Rows)
	}
	o, r := of.Rows[1].Org, of.Rows[1]
	if r.Row != 6 || len(r.Problems) > 0 || o.Name != "兰州金百合商贸有限公司" || o.Coverage != model.NotCovered ||
		o.Reason != model.ReasonEligible || o.Work != model.WorkInstructor || o.Staff != 30 || o.FullMembers != 3 || o.Scale != model.ScaleBelow {
		t.Errorf("row %+v", r)
	}
	if o := of.Rows[0].Org; o.Coverage != model.CoveredOwn || o.Type != model.OrgEnterprise {
		t.Errorf("first row %+v", o)
	}
}

// Every post of the list fits the report's 工作岗位 column on one line: a
// member's row is no taller than the others for it (review s6-11 newuser
// #7).
func TestUpwardPostsFitOneLine(t *testing.T) {
	for _, p := range model.Posts {
		if n := textLines(p, postWidth()); n != 1 {
			t.Errorf("%s takes %d lines in a column %v wide", p, n, postWidth())
		}
	}
}
