package xlsx

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// FuzzReadRosterLayout builds rosters of one to eight rows whose layout the
// fuzzer picks — rows without 姓名 and 公民身份号码 (text carried on, or
// other values), 姓名 and 公民身份号码 merged down over the next row, tick
// columns 正式 | 预备 under 党员类别 with ticks, crosses and other text —
// and reads them. The importer never panics; every member's 姓名 and ID
// number are its own row's (a merged one's in each row it covers); its
// 工作岗位 starts with its row's own text and holds the text of no row but
// its own and those joined to it — beside a 工作单位 column (on rosters of
// an even number of rows) it starts with its row's unit and holds its own
// post (review s9-7 #2); its 人员类别 is the one ticked column's, or none
// ticked.
func FuzzReadRosterLayout(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7}, "技术部")
	f.Add([]byte{0x10, 0x21, 0x02, 0x33, 0x44, 0x15, 0x26, 0x07}, "√")
	f.Add([]byte{0xff, 0x80, 0x7f, 0x01}, "×")
	f.Add([]byte{0x04, 0x01, 0x12}, "会计") // odd: no 工作单位 column
	f.Fuzz(func(t *testing.T, layout []byte, text string) {
		if len(layout) == 0 || len(layout) > 8 || len(text) > 100 {
			return
		}
		fx := excelize.NewFile()
		defer fx.Close()
		sh := "Sheet1"
		_ = fx.SetSheetRow(sh, "A1", &[]any{"姓名", "公民身份号码", "党员类别", nil, "加入党组织日期", "工作岗位", "转为正式党员日期"})
		_ = fx.SetSheetRow(sh, "A2", &[]any{nil, nil, "正式", "预备"})
		for _, m := range [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "D1"}, {"E1", "E2"}, {"F1", "F2"}, {"G1", "G2"}} {
			_ = fx.MergeCell(sh, m[0], m[1])
		}
		unit := len(layout)%2 == 0
		if unit {
			_ = fx.SetCellStr(sh, "H1", "工作单位")
			_ = fx.MergeCell(sh, "H1", "H2")
		}
		marks := []string{"", "√", "×", text, "●"}
		posts := map[int]string{} // row → the 工作岗位 written in it
		for i, b := range layout {
			r := i + 3
			ref := func(c int) string { s, _ := excelize.CoordinatesToCellName(c, r); return s }
			post := fmt.Sprintf("岗%d", r)
			if b&0x08 != 0 {
				post += text
			}
			if b&0x01 == 0 { // a member's row
				_ = fx.SetCellStr(sh, ref(1), fmt.Sprintf("党员%d", r))
				_ = fx.SetCellStr(sh, ref(2), idNumber("19850312", fmt.Sprintf("%03d", 100+r)))
				_ = fx.SetCellStr(sh, ref(5), "2010-06-15")
				_ = fx.SetCellStr(sh, ref(7), "2011-06-15")
			} else if b&0x02 != 0 { // no 姓名 or ID, but a date of its own
				_ = fx.SetCellStr(sh, ref(5), "2012-01-01")
			}
			_ = fx.SetCellStr(sh, ref(3), marks[int(b>>4)%len(marks)])
			_ = fx.SetCellStr(sh, ref(4), marks[int(b>>5)%len(marks)])
			_ = fx.SetCellStr(sh, ref(6), post)
			posts[r] = post
			if unit {
				_ = fx.SetCellStr(sh, ref(8), fmt.Sprintf("单位%d", r))
			}
		}
		// Merged once every value is written: excelize writes a value set
		// into a merged cell to the merge's first cell.
		for i, b := range layout {
			if r := i + 3; b&0x04 != 0 && i+1 < len(layout) && b&0x01 == 0 { // 姓名 and ID merged over the next row
				_ = fx.MergeCell(sh, fmt.Sprintf("A%d", r), fmt.Sprintf("A%d", r+1))
				_ = fx.MergeCell(sh, fmt.Sprintf("B%d", r), fmt.Sprintf("B%d", r+1))
			}
		}
		buf, err := fx.WriteToBuffer()
		if err != nil {
			return
		}
		rf, err := ReadRoster(bytes.NewReader(buf.Bytes()), ReadOptions{Today: today})
		if err != nil {
			return
		}
		shown, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		defer shown.Close()
		for _, im := range rf.Members {
			m, r := im.Member, im.Row
			if m.Name != fmt.Sprintf("党员%d", r) || m.IDNumber != idNumber("19850312", fmt.Sprintf("%03d", 100+r)) {
				t.Errorf("row %d: name %q, ID %q", r, m.Name, m.IDNumber)
			}
			own := model.CleanText(posts[r])
			switch {
			case unit && (!strings.HasPrefix(m.Post, fmt.Sprintf("单位%d", r)) || !strings.Contains(m.Post, own)):
				t.Errorf("row %d: 工作岗位 %q, the row's own unit 单位%d and post %q", r, m.Post, r, own)
			case !unit && !strings.HasPrefix(m.Post, own):
				t.Errorf("row %d: 工作岗位 %q, the row's own %q", r, m.Post, own)
			}
			for n, p := range posts {
				if n != r && n < r && p != "" && strings.Contains(m.Post, fmt.Sprintf("岗%d", n)) && !strings.Contains(posts[r], fmt.Sprintf("岗%d", n)) {
					t.Errorf("row %d: 工作岗位 %q holds row %d's", r, m.Post, n)
				}
			}
			ticked := func(col string) bool {
				v, _ := shown.GetCellValue(sh, fmt.Sprintf("%s%d", col, r))
				yes, mark := model.ParseMark(text)
				return v == "√" || v == "●" || (v == text && mark && yes)
			}
			switch {
			case ticked("C") && !ticked("D") && m.Category != model.CategoryFull:
				t.Errorf("row %d: 正式 ticked, category %q", r, m.Category)
			case ticked("D") && !ticked("C") && m.Category != model.CategoryProbationary:
				t.Errorf("row %d: 预备 ticked, category %q", r, m.Category)
			case ticked("C") && ticked("D"):
				t.Errorf("row %d: both ticked, imported as %q", r, m.Category)
			}
		}
	})
}
