package xlsx

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage/demo"
)

const branch = "中共兰州示例科技有限公司支部委员会"

// demoRoster is a roster with what the print must carry: month-only dates,
// lost-contact and mobile members with their details, notes over two lines,
// an ID number ending in X.
func demoRoster(t testing.TB, n int) []model.Member {
	t.Helper()
	ms := demo.Members(n, 42, today, branch)
	for i := range ms {
		m := &ms[i]
		switch i % 10 {
		case 1:
			if m.Category == model.CategoryFull {
				m.JoinDate = model.MonthDate(m.JoinDate.Year, m.JoinDate.Month)
				m.FullDate = model.MonthDate(m.FullDate.Year, m.FullDate.Month)
			}
		case 2:
			m.LostContact, m.LostSince = true, model.MonthDate(2025, time.May)
			m.Mobile, m.MobileDestination = false, ""
		case 3:
			m.Mobile, m.MobileDestination = true, "广东省深圳市南山区"
			m.LostContact, m.LostSince = false, model.Date{}
		case 4:
			m.Notes = "2020年由某某公司支部转入\n党费已交至2026年10月"
			m.Address = "甘肃省兰州市城关区东岗西路街道某某小区3号楼2单元501室"
		case 5:
			m.IDNumber = idNumberWithX(t, strings.ReplaceAll(m.BirthDate.String(), "-", ""), m.Sex == model.SexMale)
		}
		if errs := m.Validate(today, model.CurrentRules()); len(errs) > 0 {
			t.Fatalf("demo member %d invalid: %v", i, errs)
		}
	}
	return ms
}

func TestWriteRosterReadsBack(t *testing.T) {
	tests := []struct {
		name       string
		edit       func(ms []model.Member)
		branchCol  bool
		memberRows int
	}{
		{"one branch: 所在党支部 only in the title", func([]model.Member) {}, false, 40},
		{"members of several branches: 所在党支部 printed", func(ms []model.Member) {
			for i := range ms {
				if i%2 == 0 {
					ms[i].BranchName = "中共兰州示例科技有限公司第二支部委员会"
				}
			}
		}, true, 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := demoRoster(t, tt.memberRows)
			tt.edit(want)
			var buf bytes.Buffer
			if err := WriteRoster(&buf, branch, want, today); err != nil {
				t.Fatal(err)
			}
			rf := read(t, buf.Bytes())
			if len(rf.Rejected) > 0 {
				t.Fatalf("own export rejected: %v", rf.Rejected)
			}
			if len(rf.Members) != len(want) {
				t.Fatalf("read back %d members, want %d", len(rf.Members), len(want))
			}
			hasBranch := false
			for _, f := range rf.Sheets[0].Columns {
				hasBranch = hasBranch || f == model.FieldBranchName
			}
			if hasBranch != tt.branchCol {
				t.Errorf("所在党支部 column printed: %v, want %v", hasBranch, tt.branchCol)
			}
			for i, got := range rf.Members {
				if got.Row != firstRow+i {
					t.Errorf("member %d on row %d, want %d", i, got.Row, firstRow+i)
				}
				for _, fi := range model.MemberFields {
					if g, w := got.Member.Text(fi.Field), want[i].Text(fi.Field); g != w {
						t.Errorf("member %d %s: read back %q, wrote %q", i, fi.Label, g, w)
					}
				}
			}
		})
	}
}

func TestWriteRosterPrintSetup(t *testing.T) {
	ms := demoRoster(t, 12)
	var buf bytes.Buffer
	if err := WriteRoster(&buf, branch, ms, today); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := RosterSheet
	if got := f.GetSheetList(); len(got) != 1 || got[0] != "党员花名册" {
		t.Fatalf("sheets %v, want [党员花名册]", got)
	}

	layout, err := f.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if *layout.Orientation != "landscape" || *layout.Size != 9 || *layout.FitToWidth != 1 || *layout.FitToHeight != 0 {
		t.Errorf("page: %s size %d fit %d×%d, want A4 (9) landscape, 1 page wide, any number tall",
			*layout.Orientation, *layout.Size, *layout.FitToWidth, *layout.FitToHeight)
	}
	props, _ := f.GetSheetProps(sheet)
	if props.FitToPage == nil || !*props.FitToPage {
		t.Error("fit to page is off, so Excel ignores the fit to width")
	}
	margins, _ := f.GetPageMargins(sheet)
	if *margins.Left > 0.3 || *margins.Right > 0.3 {
		t.Errorf("margins %v/%v, want narrow", *margins.Left, *margins.Right)
	}
	hf, _ := f.GetHeaderFooter(sheet)
	if !strings.Contains(hf.OddFooter, "第 &P 页 / 共 &N 页") {
		t.Errorf("footer %q has no page numbers", hf.OddFooter)
	}
	titles := false
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet && dn.RefersTo == "'党员花名册'!$3:$3" {
			titles = true
		}
	}
	if !titles {
		t.Errorf("no print titles for the heading row: %+v", f.GetDefinedName())
	}
	panes, _ := f.GetPanes(sheet)
	if !panes.Freeze || panes.YSplit != headingRow || panes.XSplit != 2 {
		t.Errorf("panes %+v, want the headings and 序号/姓名 frozen", panes)
	}

	if got, _ := f.GetCellValue(sheet, "A1"); got != branch+"党员花名册" {
		t.Errorf("title %q", got)
	}
	info, _ := f.GetCellValue(sheet, "A2")
	if !strings.Contains(info, "2026年11月25日") || !strings.Contains(info, "党员 12 名") {
		t.Errorf("info line %q lacks the date or the count", info)
	}
	if merged, _ := f.GetMergeCells(sheet); len(merged) != 2 {
		t.Errorf("title and info lines merged across: %v", merged)
	}

	// Find the columns by their headings, taken from model.MemberFields.
	headings, _ := f.GetRows(sheet)
	col := func(label string) string {
		for i, h := range headings[headingRow-1] {
			if h == label {
				name, _ := excelize.ColumnNumberToName(i + 1)
				return name
			}
		}
		t.Fatalf("no column %s in %v", label, headings[headingRow-1])
		return ""
	}
	idCol := col(model.FieldIDNumber.Label())
	// A heading too long for its column breaks in the middle, not before
	// its last character (转为正式党员日 / 期, review look10).
	col(model.FieldJoinDate.Label())
	col("转为正式\n党员日期")
	for _, c := range []string{idCol, col(model.FieldPhone.Label())} {
		for row := firstRow; row < firstRow+len(ms); row++ {
			ref := c + strconv.Itoa(row)
			typ, _ := f.GetCellType(sheet, ref)
			if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
				t.Errorf("%s is a %v cell, want text", ref, typ)
			}
			styleID, _ := f.GetCellStyle(sheet, ref)
			if st, _ := f.GetStyle(styleID); st.NumFmt != 49 || len(st.Border) != 4 {
				t.Errorf("%s: number format %d, %d borders; want 49 (@) and a thin box", ref, st.NumFmt, len(st.Border))
			}
		}
	}
	if w, _ := f.GetColWidth(sheet, idCol); w != model.FieldIDNumber.Info().Width {
		t.Errorf("ID column width %v, want the model's %v", w, model.FieldIDNumber.Info().Width)
	}
	notesRow := firstRow + 4 // demoRoster puts two lines of notes on member 4
	if h, _ := f.GetRowHeight(sheet, notesRow); h <= minRow {
		t.Errorf("row %d with two lines of notes is %v pt tall", notesRow, h)
	}
	if h, _ := f.GetRowHeight(sheet, firstRow); h < minRow {
		t.Errorf("row %d is %v pt tall, want at least %v", firstRow, h, float64(minRow))
	}
}

func TestRowHeight(t *testing.T) {
	widths := []float64{5, 8, 20}
	tests := []struct {
		name  string
		texts []string
		lines int
	}{
		{"short text: one line", []string{"1", "张三", "甘肃省兰州市"}, 1},
		{"address of 16 characters in a 20-wide column: two lines", []string{"1", "张三", "甘肃省兰州市城关区东岗西路八号"}, 2},
		{"a line break", []string{"1", "张三", "甲\n乙"}, 2},
		{"digits are narrower than characters", []string{"1", "张三", "12345678901234567890"}, 2},
		{"long name", []string{"1", "阿卜杜热合曼·买买提", ""}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := max(minRow, float64(tt.lines)*lineHeight+rowPadding)
			if got := rowHeight(tt.texts, widths); got < want || got >= want+1 {
				t.Errorf("rowHeight = %v, want %v (%d lines)", got, want, tt.lines)
			}
		})
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "花名册.xlsx")
	// An earlier export: a workbook of this app, which a write may replace.
	if err := WriteRosterFile(p, branch, demoRoster(t, 2), today); err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(p)
	boom := errors.New("disk full")
	err := WriteFileAtomic(p, func(w io.Writer) error {
		_, _ = w.Write([]byte("half"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("got %v, want the writer's error", err)
	}
	if got, _ := os.ReadFile(p); string(got) != string(good) {
		t.Errorf("a failed write replaced the file with %.20q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}

	if err := WriteRosterFile(p, branch, demoRoster(t, 3), today); err != nil {
		t.Fatal(err)
	}
	rf, err := ReadRosterFile(p, ReadOptions{Today: today})
	if err != nil || len(rf.Members) != 3 {
		t.Fatalf("written file reads back as %v, %v", rf, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "没有这个文件夹", "a.xlsx"), func(io.Writer) error { return nil }); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
}
