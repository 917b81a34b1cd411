package xlsx

import (
	"slices"
	"testing"
)

// TestColumnWithoutHeadingIsNamed: a column whose heading cell is blank
// (or a space) but whose rows hold values is named among the columns not
// imported, by its letter and a value, instead of vanishing (review s3-7
// attack #15). A column without heading or values, and values hidden
// under a merge across columns, are not.
func TestColumnWithoutHeadingIsNamed(t *testing.T) {
	cases := []struct {
		name    string
		heading any
		rows    [][]any
		merges  [][2]string
		want    []string
	}{
		{"blank heading over branches", nil, [][]any{{"第一党支部"}, {"第一党支部"}}, nil, []string{"第C列（无标题，如“第一党支部”）"}},
		{"space heading", " ", [][]any{{nil}, {"第二党支部"}}, nil, []string{"第C列（无标题，如“第二党支部”）"}},
		{"long value cut", nil, [][]any{{"中共某某市某某区某某街道某某社区第一党支部"}}, nil, []string{"第C列（无标题，如“中共某某市某某区某某街道…”）"}},
		{"empty column", nil, [][]any{{nil}, {nil}}, nil, nil},
		{"right of the table", nil, [][]any{{nil, nil, "籍贯在外"}}, nil, []string{"第F列（无标题，如“籍贯在外”）"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows := [][]any{{"姓名", "公民身份号码", c.heading, "加入党组织日期"}}
			for i, extra := range c.rows {
				row := []any{[]string{"赵明远", "钱晓丽"}[i], idNumber([]string{"19800101", "19810202"}[i], []string{"011", "022"}[i])}
				row = append(row, extra[0], "2010.07")
				row = append(row, extra[1:]...)
				rows = append(rows, row)
			}
			rf := read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: rows, merges: c.merges}}}.bytes(t))
			if got := rf.Sheets[0].Ignored; !slices.Equal(got, c.want) {
				t.Errorf("columns not imported = %q, want %q", got, c.want)
			}
			if len(rf.Members) != len(c.rows) {
				t.Errorf("members = %d, want %d (rejected %v)", len(rf.Members), len(c.rows), rf.Rejected)
			}
		})
	}
	// A value under a merge across columns is shown nowhere: not named.
	rows := [][]any{{"姓名", "公民身份号码", "所在党支部", nil, "加入党组织日期"},
		{"赵明远", idNumber("19800101", "011"), "第一党支部", "藏起来的", "2010.07"}}
	rf := read(t, workbook{sheets: []sheetSpec{{name: "Sheet1", rows: rows, merges: [][2]string{{"C2", "D2"}}}}}.bytes(t))
	if got := rf.Sheets[0].Ignored; len(got) != 0 {
		t.Errorf("columns not imported = %q, want none (D2 lies under C2:D2)", got)
	}
}
