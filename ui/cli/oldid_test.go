package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// An old 15-digit ID number refused for something else is quoted as its
// cell shows it — the 15 digits the user can find in the sheet — not as
// the 18 digits it was upgraded to; where the upgrade is why two rows are
// the same person, the line says so (review fix13 #2).
func TestRosterImportQuotesOldIDAsItsCellShowsIt(t *testing.T) {
	const old, upgraded = "620102850312023", "620102198503120232"
	tests := []struct {
		name string
		rows [][]any
		want []string
	}{
		{"the same person in 15 and 18 digits", [][]any{
			{"乙", old, nil, "2010.07", "2011.07", "正式党员"},
			{"丙", upgraded, nil, "2010.07", "2011.07", "正式党员"},
		}, []string{
			"row 2: 公民身份号码: 乙，单元格为“" + old + "”：升级为18位 " + upgraded + " 后与第3行（丙）的身份证号码相同，分不清哪一行是对的，这几行都没有导入；请改正或删去不对的一行",
			"row 3: 公民身份号码: 丙，单元格为“" + upgraded + "”：与第2行（乙）的身份证号码相同，分不清哪一行是对的，这几行都没有导入；请改正或删去不对的一行",
		}},
		{"one old number twice", [][]any{
			{"乙", old, nil, "2010.07", "2011.07", "正式党员"},
			{"丙", old, nil, "2010.07", "2011.07", "正式党员"},
		}, []string{
			"row 2: 公民身份号码: 乙，单元格为“" + old + "”：升级为18位 " + upgraded + " 后与第3行（丙）的身份证号码相同，分不清哪一行是对的，这几行都没有导入；请改正或删去不对的一行",
			"row 3: 公民身份号码: 丙，单元格为“" + old + "”：升级为18位 " + upgraded + " 后与第2行（乙）的身份证号码相同，分不清哪一行是对的，这几行都没有导入；请改正或删去不对的一行",
		}},
		{"a birth date the number does not give", [][]any{
			{"甲", old, "1986-01-01", "2010.07", "2011.07", "正式党员"},
		}, []string{
			"row 2: 出生日期: 甲，单元格为“1986-01-01”：出生日期 1986-01-01 与身份证号码中的 1985-03-12 不一致",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeBook(t, "旧号码.xlsx", map[string][][]any{"名册": append([][]any{
				{"姓名", "公民身份号码", "出生日期", "入党时间", "转正时间", "人员类别"},
			}, tt.rows...)}, "名册")
			r := run(t, "roster", "import", path, "--db", filepath.Join(t.TempDir(), "b.db"))
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

// The note of an old 15-digit number on a row without a name says the
// row once (review s13-attack #12: 提示：第2行：第2行：15位的旧身份证号码…),
// also with the sheet when several are read.
func TestRosterImportOldIDNoteOnARowWithoutAName(t *testing.T) {
	const note = "15位的旧身份证号码 110105400628852 已按国家标准（GB 11643-1999）升级为18位 110105194006288529"
	rows := [][]any{
		{"姓名", "公民身份号码", "入党时间", "转正时间", "人员类别"},
		{nil, "110105400628852", "1965.07", "1966.07", "正式党员"},
	}
	for _, tt := range []struct {
		name   string
		sheets map[string][][]any
		order  []string
		want   string
	}{
		{"one sheet", map[string][][]any{"名册": rows}, []string{"名册"}, "提示：第2行：" + note},
		{"two sheets", map[string][][]any{"第一党支部": rows, "第二党支部": {rows[0], {"丙", "620102198503120232", "2010.07", "2011.07", "正式党员"}}},
			[]string{"第一党支部", "第二党支部"}, "提示：工作表“第一党支部”第2行：" + note},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := writeBook(t, "无名.xlsx", tt.sheets, tt.order...)
			r := run(t, "roster", "import", path, "--db", filepath.Join(t.TempDir(), "b.db"))
			var got []string
			for _, l := range strings.Split(r.stderr, "\n") {
				if strings.Contains(l, "15位的旧身份证号码") {
					got = append(got, l)
				}
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("lines %q, want %q", got, tt.want)
			}
		})
	}
}
