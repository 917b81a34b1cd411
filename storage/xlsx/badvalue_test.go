package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"hash/crc32"
	"regexp"
	"strings"
	"testing"
)

// TestDamagedCellValuesRefuseTheFile: a cell whose stored value cannot be
// what any spreadsheet shows — a shared-string index past the table's end
// or not a number, a TRUE/FALSE cell holding 7 — refuses the whole file
// naming the cell, instead of importing an empty or another member's text
// (review s3-7 attack #21).
func TestDamagedCellValuesRefuseTheFile(t *testing.T) {
	good := workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{
		{"姓名", "公民身份号码", "所在党支部", "加入党组织日期", "转为正式党员日期"},
		{"赵明远", idNumber("19800101", "011"), "第一党支部", "2010.07", "2011.07"},
		{"钱晓丽", idNumber("19810202", "022"), "第一党支部", "2010.07", "2011.07"},
	}}}}.bytes(t)
	read(t, good) // the file as written imports
	cases := []struct {
		name, cell, with, want string
	}{
		{"index past the end", `<c r="C2"[^>]*>.*?</c>`, `<c r="C2" t="s"><v>99999</v></c>`, "C2 引用了文字表的第100000项"},
		{"negative index", `<c r="C3"[^>]*>.*?</c>`, `<c r="C3" t="s"><v>-1</v></c>`, "C3 的文字编号“-1”不正确"},
		{"index not a number", `<c r="C2"[^>]*>.*?</c>`, `<c r="C2" t="s"><v>abc</v></c>`, "C2 的文字编号“abc”不正确"},
		{"boolean of 7", `<c r="C2"[^>]*>.*?</c>`, `<c r="C2" t="b"><v>7</v></c>`, "C2 是“是/否”单元格，却存着“7”"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := rezip(t, good, "xl/worksheets/sheet1.xml", func(h *zip.FileHeader, body []byte) []byte {
				re := regexp.MustCompile(c.cell)
				if !re.Match(body) {
					t.Fatalf("no %s in the sheet", c.cell)
				}
				body = re.ReplaceAll(body, []byte(c.with))
				h.UncompressedSize64, h.CRC32 = uint64(len(body)), crc32.ChecksumIEEE(body)
				return body
			})
			rf, err := ReadRoster(bytes.NewReader(data), ReadOptions{Today: today})
			if err == nil {
				t.Fatalf("imported %d members, want the file refused", len(rf.Members))
			}
			if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "工作表“Sheet1”") {
				t.Errorf("error = %v, want ErrDamaged naming %q", err, c.want)
			}
		})
	}
}
