package rosterfile

import (
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// The workbook of refused rows carries the 所在党支部 its rows took from
// outside their cells (the sheet's name, as offered or as chosen; the
// title): re-imported unchanged, the person on two sheets with two
// branches is refused again for the same reason, and once the user makes
// the branches agree (and fixes the other refused row), both import with
// the branch they had. The copy used to add an empty 所在党支部 column,
// so the sheet name or title gave no branch any more and the clash
// imported clean, unfixed (review attack7 #12).
func TestRejectedRowsKeepTheBranchTheSheetGave(t *testing.T) {
	zhang, li := validID("19900307", "451"), validID("19920408", "462")
	head := []any{"姓名", "公民身份号码", "入党时间", "转正时间"}
	withBranch := []any{"姓名", "公民身份号码", "入党时间", "转正时间", "所在党支部"}
	cases := []struct {
		name   string
		sheets []string
		rows   [][][]any
		choice model.ImportChoice
	}{
		{"sheet names as branches", []string{"第一党支部", "第二党支部"}, [][][]any{
			{head, {"张三", zhang, "2015.06", "2016.06"}, {"李四", li, "2018.13", "2019.06"}},
			{head, {"张三", zhang, "2015.06", "2016.06"}},
		}, model.ImportChoice{}},
		{"sheet name beside a column", []string{"第一党支部", "汇总"}, [][][]any{
			{head, {"张三", zhang, "2015.06", "2016.06"}, {"李四", li, "2018.13", "2019.06"}},
			{withBranch, {"张三", zhang, "2015.06", "2016.06", "第二党支部"}},
		}, model.ImportChoice{}},
		{"titles", []string{"Sheet1", "Sheet2"}, [][][]any{
			{{"第一党支部党员花名册"}, head, {"张三", zhang, "2015.06", "2016.06"}, {"李四", li, "2018.13", "2019.06"}},
			{{"第二党支部党员花名册"}, head, {"张三", zhang, "2015.06", "2016.06"}},
		}, model.ImportChoice{}},
		{"sheet names chosen", []string{"第一党支部花名册", "第二党支部花名册"}, [][][]any{
			{head, {"张三", zhang, "2015.06", "2016.06"}, {"李四", li, "2018.13", "2019.06"}},
			{head, {"张三", zhang, "2015.06", "2016.06"}},
		}, model.ImportChoice{SheetNameBranch: []string{"第一党支部花名册", "第二党支部花名册"}}},
	}
	type refusal struct{ sheet, name string }
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			svc, _ := newService(t)
			path := writeSheets(t, c.sheets, c.rows...)
			p, err := svc.PreviewImportWith(path, c.choice)
			if err != nil {
				t.Fatal(err)
			}
			reasons := func(p model.ImportPreview) map[refusal]model.Rejection {
				got := map[refusal]model.Rejection{}
				for _, r := range p.Rejected {
					got[refusal{r.Sheet, r.Name}] = r
				}
				return got
			}
			before := reasons(p)
			want := []refusal{{c.sheets[0], "张三"}, {c.sheets[1], "张三"}, {c.sheets[0], "李四"}}
			if len(before) != 3 || len(p.Plan.Add) != 0 {
				t.Fatalf("first import refuses %+v, adds %+v; want 张三 on both sheets and 李四", p.Rejected, p.Plan.Add)
			}
			out := filepath.Join(t.TempDir(), "问题行.xlsx")
			if n, err := svc.WriteRejected(p, out, nil); err != nil || n != 3 {
				t.Fatalf("wrote %d rows: %v", n, err)
			}

			// Unchanged, the copy is refused as the file was.
			again, err := svc.PreviewImport(out)
			if err != nil {
				t.Fatal(err)
			}
			after := reasons(again)
			for _, k := range want {
				b, a := before[k], after[k]
				if a.Field != b.Field || a.Reason != b.Reason {
					t.Errorf("%v re-imported: %s %q, want %s %q", k, a.Field, a.Reason, b.Field, b.Reason)
				}
			}
			if len(after) != 3 || len(again.Plan.Add) != 0 {
				t.Errorf("unchanged copy refuses %+v, adds %+v", again.Rejected, again.Plan.Add)
			}

			// Fixed: 张三's second row says the first branch, 李四's date
			// is a month that exists.
			f, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			setCell(t, f, c.sheets[1], "张三", "所在党支部", "第一党支部")
			setCell(t, f, c.sheets[0], "李四", "入党时间", "2018.05")
			if err := f.Save(); err != nil {
				t.Fatal(err)
			}
			f.Close()
			fixed, err := svc.PreviewImport(out)
			if err != nil {
				t.Fatal(err)
			}
			if len(fixed.Rejected) != 0 {
				t.Fatalf("fixed copy refuses %+v", fixed.Rejected)
			}
			branches := map[string]string{}
			for _, m := range fixed.Plan.Add {
				branches[m.Name] = m.BranchName
			}
			if w := map[string]string{"张三": "第一党支部", "李四": "第一党支部"}; !maps.Equal(branches, w) {
				t.Errorf("fixed copy adds %v, want %v", branches, w)
			}
		})
	}
}

// setCell sets the cell of sheet under the heading in the row of the
// person named.
func setCell(t *testing.T, f *excelize.File, sheet, name, heading, value string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	col, row := -1, -1
	for r, cells := range rows {
		if i := slices.Index(cells, heading); i >= 0 && col < 0 {
			col = i
		}
		if slices.Contains(cells, name) {
			row = r
		}
	}
	if col < 0 || row < 0 {
		t.Fatalf("sheet %s: no %s column or no row of %s in %q", sheet, heading, name, rows)
	}
	ref, _ := excelize.CoordinatesToCellName(col+1, row+1)
	if err := f.SetCellStr(sheet, ref, value); err != nil {
		t.Fatal(err)
	}
}
