package xlsx

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A reason in the workbook of refused rows that names a row names it where
// it is in that workbook: 赵丽华's said 第8行的说明“注：赵丽华已转出” while the
// copy has the note right above her, in row 2 (review look10, nu8 N5). A
// row not copied is named as the original's (原表第8行).
func TestRefusedRowsWorkbookNamesRowsWhereTheyAre(t *testing.T) {
	twin := plainSix()
	twin[6][2] = twin[2][2] // 孙七 has 李四's ID number
	for _, tt := range []struct {
		name string
		rows [][]any
		who  string // the refused row whose reason is looked at
		want func(at map[string]int) string
	}{
		{"a note under the table", plainSix([]any{"注：赵丽华已转出"}), "赵丽华", func(at map[string]int) string {
			return fmt.Sprintf("第%d行的说明“注：赵丽华已转出”说此人已离开", at["注：赵丽华已转出"])
		}},
		{"another refused row", twin, "孙七", func(at map[string]int) string {
			return fmt.Sprintf("与第%d行（李四）的身份证号码相同", at["李四"])
		}},
		{"a count under the table", plainSix([]any{"合计：4人"}), "张三", func(at map[string]int) string {
			return fmt.Sprintf("第%d行写着“合计：4人”", at["合计：4人"])
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(errorsWorkbook(t, roster(t, tt.rows))))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows("名册")
			if err != nil {
				t.Fatal(err)
			}
			at, reason := map[string]int{}, ""
			for i, r := range rows {
				if len(r) == 0 {
					continue
				}
				at[r[0]] = i + 1
				if r[0] == tt.who {
					reason = r[len(r)-1]
				}
			}
			if want := tt.want(at); !strings.Contains(reason, want) {
				t.Errorf("%s's reason %q, want it to hold %q (rows %q)", tt.who, reason, want, rows)
			}
		})
	}
}

// A blank cell of a refused row is ruled like the others in the copy: left
// bare, the table printed with a gap where 赵丽华's 备注 is (review nu8 N6).
func TestRefusedRowsWorkbookRulesBlankCells(t *testing.T) {
	rows := append(remarkRoster([2]string{"张三", ""}, [2]string{"赵丽华", ""}), []any{"注：赵丽华已转出"})
	f, err := excelize.OpenReader(bytes.NewReader(errorsWorkbook(t, roster(t, rows))))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, _ := f.GetRows("名册")
	row := 0
	for i, r := range got {
		if len(r) > 0 && r[0] == "赵丽华" {
			row = i + 1
		}
	}
	if row == 0 {
		t.Fatalf("赵丽华 not in the copy: %q", got)
	}
	ref, _ := excelize.CoordinatesToCellName(len(hxHeading)+1, row) // her blank 备注
	id, _ := f.GetCellStyle("名册", ref)
	if st, _ := f.GetStyle(id); st == nil || len(st.Border) != 4 {
		t.Errorf("her blank 备注 %s has no box: %+v", ref, st)
	}
}

// A note line and another member's 备注 that name the same leaver put one
// note above her in the copy, not two (review look11).
func TestRefusedRowsWorkbookWritesANoteOnce(t *testing.T) {
	rows := append(remarkRoster([2]string{"张三", ""}, [2]string{"李明", "赵丽华已转出"}, [2]string{"赵丽华", ""}), []any{"注：赵丽华已转出"})
	f, err := excelize.OpenReader(bytes.NewReader(errorsWorkbook(t, roster(t, rows))))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, _ := f.GetRows("名册")
	notes := 0
	for _, r := range got {
		if len(r) > 0 && r[0] == "注：赵丽华已转出" {
			notes++
		}
	}
	if notes != 1 {
		t.Errorf("%d note lines in the copy, want 1: %q", notes, got)
	}
}

// renumbered names a row copied where it is in the copy, one not copied as
// the original's, a heading row and another sheet's row as they are.
func TestRenumbered(t *testing.T) {
	placed := map[int]int{14: 4, 9: 3}
	for reason, want := range map[string]string{
		"第14行的说明“注：赵丽华已转出”":      "第4行的说明“注：赵丽华已转出”",
		"与第9行（李四）的身份证号码相同":       "与第3行（李四）的身份证号码相同",
		"第12行写着“合计：4人”":          "原表第12行写着“合计：4人”",
		"第2行的说明":                 "第2行的说明",
		"同一人也在工作表“二支部”第14行，两处不同": "同一人也在工作表“二支部”第14行，两处不同",
	} {
		if got := renumbered(reason, placed, 2); got != want {
			t.Errorf("renumbered(%q) = %q, want %q", reason, got, want)
		}
	}
}

// Beside a copied note line the 错误原因 cell is ruled like the rest of the
// table (review look11: its right edge was open there).
func TestRefusedRowsWorkbookRulesTheReasonBesideANote(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(errorsWorkbook(t, roster(t, plainSix([]any{"注：赵丽华已转出"})))))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, _ := f.GetRows("名册")
	for i, r := range got {
		if len(r) == 0 || r[0] != "注：赵丽华已转出" {
			continue
		}
		ref, _ := excelize.CoordinatesToCellName(len(hxHeading)+1, i+1)
		id, _ := f.GetCellStyle("名册", ref)
		if st, _ := f.GetStyle(id); st == nil || len(st.Border) != 4 {
			t.Errorf("the 错误原因 cell %s beside the note has no box: %+v", ref, st)
		}
		return
	}
	t.Fatalf("no note line in the copy: %q", got)
}
