package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// With an old 15-digit ID number in the cell, the lines speak of the
// number the user sees: the sex is its 15th digit (not the 17th of the
// 18 digits it was upgraded to), and a rename quotes the 15 digits with
// the upgrade after them (review s13-attack #7).
func TestRosterImportSpeaksOfTheOld15Digits(t *testing.T) {
	const old, upgraded = "110105430415311", "110105194304153112" // 15th digit 1: male
	head := []any{"姓名", "公民身份号码", "性别", "入党时间", "转正时间", "人员类别"}
	tests := []struct {
		name     string
		onRoster []any // a member imported first, nil for none
		row      []any
		stdout   string // the row's line
		stderr   string // a line of the notes
	}{
		{"sex against the 15th digit", nil,
			[]any{"癸七", old, "女", "1965.07", "1966.07", "正式党员"},
			"row 2: 性别: 癸七，单元格为“女”：性别与身份证号码不一致（15位号码的第15位表示男）", ""},
		{"sex against an 18-digit number: the 17th", nil,
			[]any{"癸七", upgraded, "女", "1965.07", "1966.07", "正式党员"},
			"row 2: 性别: 癸七，单元格为“女”：性别与身份证号码不一致（号码第17位表示男）", ""},
		{"a rename quotes the 15 digits", []any{"甲子", upgraded, "男", "1965.07", "1966.07", "正式党员"},
			[]any{"乙丑", old, "男", "1965.07", "1966.07", "正式党员"}, "",
			"提示：身份证号码 " + old + "（升级为18位 " + upgraded + "）在名册中是“甲子”，文件中的姓名为“乙丑”：将改名为“乙丑”；如不是同一人，请核对这一行的身份证号码"},
		{"a rename of an 18-digit number quotes it as is", []any{"甲子", upgraded, "男", "1965.07", "1966.07", "正式党员"},
			[]any{"乙丑", upgraded, "男", "1965.07", "1966.07", "正式党员"}, "",
			"提示：身份证号码 " + upgraded + " 在名册中是“甲子”，文件中的姓名为“乙丑”：将改名为“乙丑”；如不是同一人，请核对这一行的身份证号码"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "b.db")
			if tt.onRoster != nil {
				first := writeBook(t, "名册.xlsx", map[string][][]any{"名册": {head, tt.onRoster}}, "名册")
				if r := run(t, "roster", "import", first, "--db", db); r.status != ExitOK {
					t.Fatalf("status %d stderr:\n%s", r.status, r.stderr)
				}
			}
			path := writeBook(t, "旧号码.xlsx", map[string][][]any{"名册": {head, tt.row}}, "名册")
			r := run(t, "roster", "import", path, "--db", db, "--dry-run")
			var rows []string
			for _, l := range strings.Split(r.stdout, "\n") {
				if strings.HasPrefix(l, "row ") {
					rows = append(rows, l)
				}
			}
			if got := strings.Join(rows, "\n"); got != tt.stdout {
				t.Errorf("row lines\n%s\nwant\n%s", got, tt.stdout)
			}
			if tt.stderr != "" && !strings.Contains(r.stderr, tt.stderr+"\n") {
				t.Errorf("stderr\n%s\nwant the line\n%s", r.stderr, tt.stderr)
			}
		})
	}
}
