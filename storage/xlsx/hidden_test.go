package xlsx

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Rows and columns hidden in the sheet (by Hide or a filter) are read like
// the others, and the import says so, as it does for a hidden sheet: the
// user did not see them on screen (attack7 #13).
func TestHiddenRowsAndColumnsAreNamed(t *testing.T) {
	tests := []struct {
		name       string
		hideRows   []int
		hideCols   []string
		want       []string // in the sheet's notes
		wantAbsent string
	}{
		{"one hidden row", []int{4}, nil, []string{"第4行（党员4）在表格中是隐藏的，也照常读入了"}, "列“"},
		{"a hidden column", nil, []string{"D"}, []string{"D列“联系电话”在表格中是隐藏的，也照常读入了"}, "行（"},
		{"rows and columns", []int{3, 5}, []string{"B", "D"}, []string{"第3行（党员3）、第5行（党员5）", "B列“公民身份号码”、D列“联系电话”"}, ""},
		{"many hidden rows are counted", []int{2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, nil, []string{"第11行（党员11） 等 12 行"}, "第12行（"},
		{"a hidden column with no heading is not named", nil, []string{"F"}, nil, "隐藏"},
		{"nothing hidden", nil, nil, nil, "隐藏"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := [][]any{{"姓名", "公民身份号码", "加入党组织日期", "联系电话", "人员类别"}}
			for r := 2; r <= 13; r++ {
				rows = append(rows, []any{fmt.Sprintf("党员%d", r), idNumber(fmt.Sprintf("1980%02d%02d", 1+r%12, 1+r%28), fmt.Sprintf("%03d", r)), "2010.07", fmt.Sprintf("137123456%02d", r), "正式党员"})
			}
			f, err := excelize.OpenReader(bytes.NewReader(workbook{sheets: []sheetSpec{{name: "Sheet1", rows: rows}}}.bytes(t)))
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range tt.hideRows {
				if err := f.SetRowVisible("Sheet1", r, false); err != nil {
					t.Fatal(err)
				}
			}
			for _, c := range tt.hideCols {
				if err := f.SetColVisible("Sheet1", c, false); err != nil {
					t.Fatal(err)
				}
			}
			buf, err := f.WriteToBuffer()
			if err != nil {
				t.Fatal(err)
			}
			rf := read(t, buf.Bytes())
			var notes []string
			for _, n := range rf.Notes {
				notes = append(notes, n.Message)
			}
			all := strings.Join(notes, "\n")
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("notes %q, want %q", all, w)
				}
			}
			if tt.wantAbsent != "" && strings.Contains(all, tt.wantAbsent) {
				t.Errorf("notes %q, want nothing with %q", all, tt.wantAbsent)
			}
		})
	}
}

// A hidden row after rows left empty is named, and only it: excelize's row
// iterator, which says which rows are hidden, passes the empty rows with
// the options of the row after them; a Strict Open XML workbook reads the
// same.
func TestHiddenRowAfterEmptyRowsIsNamedAlone(t *testing.T) {
	rows := [][]any{{"姓名", "公民身份号码", "加入党组织日期", "人员类别"}}
	for _, r := range []int{2, 3, 4, 5, 6} {
		if r == 3 || r == 4 {
			rows = append(rows, nil)
			continue
		}
		rows = append(rows, []any{fmt.Sprintf("党员%d", r), idNumber("19800101", fmt.Sprintf("%03d", r)), "2010.07", "正式党员"})
	}
	f, err := excelize.OpenReader(bytes.NewReader(workbook{sheets: []sheetSpec{{name: "Sheet1", rows: rows}}}.bytes(t)))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetRowVisible("Sheet1", 5, false); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"transitional": buf.Bytes(), "strict": strict(t, buf.Bytes())} {
		t.Run(name, func(t *testing.T) {
			rf := read(t, data)
			var hidden []string
			for _, n := range rf.Notes {
				if strings.Contains(n.Message, "隐藏") {
					hidden = append(hidden, n.Message)
				}
			}
			if len(hidden) != 1 || !strings.HasPrefix(hidden[0], "第5行（党员5）在表格中是隐藏的") {
				t.Errorf("hidden-row notes: %q, want row 5 alone", hidden)
			}
			if len(rf.Members) != 3 {
				t.Errorf("%d members, want 3", len(rf.Members))
			}
		})
	}
}
