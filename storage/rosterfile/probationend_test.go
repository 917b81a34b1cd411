package rosterfile

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// 入党时间 over 预备期开始 | 预备期满 (预备期起 | 预备期止), as official
// rosters have it: 预备期开始 is the 加入党组织日期; 预备期满 is where
// probation ends, which is no 转正 date (probation may be extended, 转正
// voted later), so it is not stored as one, and it is named among the
// columns not imported — but no 正式党员 with both dates filled is refused
// (brief loud #4). Where the sheet says neither 人员类别 nor 转正, 预备期满
// gives the category: still ahead, 预备党员; passed, and past even the
// longest extension from joining, 正式党员. Every such 正式党员 was refused:
// “正式党员请填写转为正式党员日期”, or without 人员类别 “应已转正”.
func TestProbationEndUnderJoinDate(t *testing.T) {
	type want struct {
		name     string
		category model.Category
		full     model.Date // zero: blank
	}
	cases := []struct {
		name    string
		cat     bool   // the sheet has a 人员类别 column
		full    bool   // … and a 转正时间 column
		sub     [2]any // the sub-headings under 入党时间
		rows    [][]any
		want    []want
		refused map[int]string // sheet row → refusal
	}{
		{"人员类别 column, no 转正 column", true, false, [2]any{"预备期开始", "预备期满"},
			[][]any{
				{"1", "甲一", validID("19800415", "311"), "正式党员", "2003.05", "2004.05"},
				{"2", "甲二", validID("19900415", "322"), "预备党员", "2026.05", "2027.05"},
			},
			[]want{{"甲一", model.CategoryFull, model.Date{}}, {"甲二", model.CategoryProbationary, model.Date{}}}, nil},
		{"no 人员类别, no 转正: 预备期满 gives the category", false, false, [2]any{"预备期开始", "预备期满"},
			[][]any{
				{"1", "乙一", validID("19800415", "311"), "2003.05", "2004.05"},
				{"2", "乙二", validID("19900415", "322"), "2026.05", "2027.05"},
				{"3", "乙三", validID("19900415", "333"), "2026-03-01", nil},
			},
			[]want{{"乙一", model.CategoryFull, model.Date{}}, {"乙二", model.CategoryProbationary, model.Date{}}, {"乙三", model.CategoryProbationary, model.Date{}}}, nil},
		{"预备期起 | 预备期止", false, false, [2]any{"预备期起", "预备期止"},
			[][]any{{"1", "丙一", validID("19800415", "311"), "2003.05", "2004.05"}},
			[]want{{"丙一", model.CategoryFull, model.Date{}}}, nil},
		{"a 转正时间 column is the 转正", false, true, [2]any{"预备期开始", "预备期满"},
			[][]any{{"1", "丁一", validID("19800415", "311"), "2003.05", "2004.05", "2004.08"}},
			[]want{{"丁一", model.CategoryFull, model.MonthDate(2004, 8)}}, nil},
		{"ended within the longest extension: left to the dates", false, false, [2]any{"预备期开始", "预备期满"},
			[][]any{{"1", "戊一", validID("19900415", "311"), "2025.06", "2026.06"}},
			[]want{{"戊一", model.CategoryProbationary, model.Date{}}}, nil},
		{"预备期满 before 预备期开始: refused", false, false, [2]any{"预备期开始", "预备期满"},
			[][]any{{"1", "己一", validID("19800415", "311"), "2004.05", "2003.05"}},
			nil, map[int]string{3: "“预备期满”为2003年5月，不晚于加入党组织日期2004年5月：请核对后再导入"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			head := []any{"序号", "姓名", "公民身份号码"}
			under := []any{nil, nil, nil}
			if tc.cat {
				head, under = append(head, "人员类别"), append(under, nil)
			}
			at := len(head)
			head, under = append(head, "入党时间", nil), append(under, tc.sub[0], tc.sub[1])
			if tc.full {
				head, under = append(head, "转正时间"), append(under, nil)
			}
			path := writeGrouped(t, append([][]any{head, under}, tc.rows...), at, len(head))
			svc, store := newService(t)
			p, err := svc.PreviewImport(path)
			if err != nil {
				t.Fatal(err)
			}
			var said []string
			for _, r := range p.Rejected {
				said = append(said, r.Reason)
				if w, ok := tc.refused[r.Row]; !ok || !strings.Contains(r.Reason, w) {
					t.Errorf("row %d refused: %s (want %q)", r.Row, r.Reason, w)
				}
			}
			for _, r := range p.Plan.Refused {
				t.Errorf("refused when planned: %+v", r)
			}
			if len(p.Rejected) != len(tc.refused) {
				t.Errorf("refused %q, want %v", said, tc.refused)
			}
			var ignored []string
			for _, sh := range p.Sheets {
				ignored = append(ignored, sh.Ignored...)
			}
			if len(ignored) != 1 || ignored[0] != tc.sub[1] {
				t.Errorf("columns not imported %q, want %s alone", ignored, tc.sub[1])
			}
			if _, _, err := svc.CommitImport(p); err != nil {
				t.Fatal(err)
			}
			stored, err := store.Members()
			if err != nil {
				t.Fatal(err)
			}
			byName := map[string]model.Member{}
			for _, m := range stored {
				byName[m.Name] = m
			}
			for _, w := range tc.want {
				m, ok := byName[w.name]
				if !ok {
					t.Errorf("%s not stored", w.name)
					continue
				}
				if m.Category != w.category || m.FullDate != w.full {
					t.Errorf("%s: %s 转正 %v, want %s %v", w.name, m.Category, m.FullDate, w.category, w.full)
				}
			}
			if len(stored) != len(tc.want) {
				t.Errorf("stored %d members, want %d", len(stored), len(tc.want))
			}
		})
	}
}

// writeGrouped saves a roster whose first two rows are its headings: the
// group heading in column group (0-based) merged over the two columns
// under it, every other heading merged down over both rows, up to width.
func writeGrouped(t *testing.T, rows [][]any, group, width int) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	for c := 0; c < width; c++ {
		switch {
		case c == group:
			a, _ := excelize.CoordinatesToCellName(c+1, 1)
			b, _ := excelize.CoordinatesToCellName(c+2, 1)
			_ = f.MergeCell("Sheet1", a, b)
		case c == group+1:
		default:
			a, _ := excelize.CoordinatesToCellName(c+1, 1)
			b, _ := excelize.CoordinatesToCellName(c+1, 2)
			_ = f.MergeCell("Sheet1", a, b)
		}
	}
	path := filepath.Join(t.TempDir(), "名册.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}
