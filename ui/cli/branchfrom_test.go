package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// A 所在党支部 no cell holds — the sheet's name, the title, a group row
// taken for it — is quoted in a refusal from where it is, not as
// 单元格为“第一党支部”, which sent the user looking for a cell that is not
// there (review fix13 #4).
func TestRosterImportQuotesABranchFromWhereItIs(t *testing.T) {
	zhang := rosterID("19900307", 451)
	head := []any{"姓名", "公民身份号码", "入党时间", "转正时间"}
	row := []any{"张三", zhang, "2015.06", "2016.06"}
	tests := []struct {
		name   string
		sheets []string
		rows   [][][]any
		args   []string
		want   []string
	}{
		{"sheet names", []string{"第一党支部", "第二党支部"}, [][][]any{{head, row}, {head, row}}, nil, []string{
			"row 2 (第一党支部): 所在党支部: 张三，工作表名称“第一党支部”：同一人也在工作表“第二党支部”第2行，两处的所在党支部不同（这里为“第一党支部”，那里为“第二党支部”），分不清哪个是现在的情况，这几行都没有导入；请改成一致后再导入",
			"row 2 (第二党支部): 所在党支部: 张三，工作表名称“第二党支部”：同一人也在工作表“第一党支部”第2行，两处的所在党支部不同（这里为“第二党支部”，那里为“第一党支部”），分不清哪个是现在的情况，这几行都没有导入；请改成一致后再导入",
		}},
		{"sheet names chosen", []string{"第一党支部花名册", "第二党支部花名册"}, [][][]any{{head, row}, {head, row}},
			[]string{"--sheet-as-branch", "第一党支部花名册", "--sheet-as-branch", "第二党支部花名册"}, []string{
				"row 2 (第一党支部花名册): 所在党支部: 张三，工作表名称“第一党支部花名册”：同一人也在工作表“第二党支部花名册”第2行，两处的所在党支部不同（这里为“第一党支部”，那里为“第二党支部”），分不清哪个是现在的情况，这几行都没有导入；请改成一致后再导入",
				"row 2 (第二党支部花名册): 所在党支部: 张三，工作表名称“第二党支部花名册”：同一人也在工作表“第一党支部花名册”第2行，两处的所在党支部不同（这里为“第二党支部”，那里为“第一党支部”），分不清哪个是现在的情况，这几行都没有导入；请改成一致后再导入",
			}},
		{"titles", []string{"Sheet1", "Sheet2"}, [][][]any{{{"第一党支部党员花名册"}, head, row}, {{"第二党支部党员花名册"}, head, row}}, nil, []string{
			"row 3 (Sheet1): 所在党支部: 张三，标题“第一党支部党员花名册”：同一人也在工作表“Sheet2”第3行，两处的所在党支部不同（这里为“第一党支部”，那里为“第二党支部”），分不清哪个是现在的情况，这几行都没有导入；请改成一致后再导入",
			"row 3 (Sheet2): 所在党支部: 张三，标题“第二党支部党员花名册”：同一人也在工作表“Sheet1”第3行，两处的所在党支部不同（这里为“第二党支部”，那里为“第一党支部”），分不清哪个是现在的情况，这几行都没有导入；请改成一致后再导入",
		}},
		{"group rows", []string{"Sheet1", "Sheet2"}, [][][]any{{head, {"第一党支部"}, row}, {head, {"第二党支部"}, row}}, nil, []string{
			"row 3 (Sheet1): 所在党支部: 张三，分组行“第一党支部”：同一人也在工作表“Sheet2”第3行，两处的所在党支部不同（这里为“第一党支部”，那里为“第二党支部”），分不清哪个是现在的情况，这几行都没有导入；请改成一致后再导入",
			"row 3 (Sheet2): 所在党支部: 张三，分组行“第二党支部”：同一人也在工作表“Sheet1”第3行，两处的所在党支部不同（这里为“第二党支部”，那里为“第一党支部”），分不清哪个是现在的情况，这几行都没有导入；请改成一致后再导入",
		}},
		{"a column", []string{"Sheet1", "Sheet2"}, [][][]any{
			{append(head[:4:4], "所在党支部"), append(row[:4:4], "第一党支部")},
			{append(head[:4:4], "所在党支部"), append(row[:4:4], "第二党支部")},
		}, nil, []string{
			"row 2 (Sheet1): 所在党支部: 张三，单元格为“第一党支部”：同一人也在工作表“Sheet2”第2行，两处的所在党支部不同（这里为“第一党支部”，那里为“第二党支部”），分不清哪个是现在的情况，这几行都没有导入；请改成一致后再导入",
			"row 2 (Sheet2): 所在党支部: 张三，单元格为“第二党支部”：同一人也在工作表“Sheet1”第2行，两处的所在党支部不同（这里为“第二党支部”，那里为“第一党支部”），分不清哪个是现在的情况，这几行都没有导入；请改成一致后再导入",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sheets := map[string][][]any{}
			for i, name := range tt.sheets {
				sheets[name] = tt.rows[i]
			}
			path := writeBook(t, "两个支部.xlsx", sheets, tt.sheets...)
			r := run(t, append([]string{"roster", "import", path, "--db", filepath.Join(t.TempDir(), "b.db")}, tt.args...)...)
			var lines []string
			for _, l := range strings.Split(r.stdout, "\n") {
				if strings.HasPrefix(l, "row ") {
					lines = append(lines, l)
				}
			}
			if got, want := strings.Join(lines, "\n"), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("lines\n%s\nwant\n%s", got, want)
			}
		})
	}
}
