package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// A sheet formatted down to its last row — one formatted empty cell in row
// 1,048,576, as formatting a whole column leaves it — holds no more than
// its members: it is bound by its last row holding a value, not by its
// formatting, a merge reaching far down or the range its <dimension>
// claims (review D8: ten members were refused as 文件太大). The rows past
// the last value are cut off before excelize loads the sheet, which would
// otherwise make every row up to the last one (100 MB and more). A sheet
// with a value past the bound is still refused, naming the row.
func TestFormattingPastTheLastRowIsNotTooLarge(t *testing.T) {
	rows := [][]any{{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "人员类别", "所在党支部", "联系电话"}}
	for i := range 10 {
		phone := fmt.Sprintf("137123456%02d", i)
		if i == 3 {
			phone = "123" // refused: the workbook of refused rows loads the sheet
		}
		rows = append(rows, []any{"党员" + string(rune('甲'+i)), idNumber("19800101", fmt.Sprintf("%02d1", i)), "2010-07-01", "2011-07-01", "正式党员", "第一党支部", phone})
	}
	base := roster(t, rows)
	sheet := func(edit func(string) string) []byte {
		return rewriteParts(t, base, func(name, body string) string {
			if strings.Contains(name, "worksheets/") {
				return edit(body)
			}
			return body
		})
	}
	tests := []struct {
		name     string
		data     []byte
		tooLarge string // the refusal, if refused
	}{
		{"a formatted empty cell in the last row", sheet(func(b string) string {
			return strings.Replace(b, "</sheetData>", `<row r="1048576" s="1" customFormat="1" ht="20" customHeight="1"><c r="A1048576" s="1"/><c r="XFD1048576" s="1"/></row></sheetData>`, 1)
		}), ""},
		{"formatted empty rows past the bound", sheet(func(b string) string {
			return strings.Replace(b, "</sheetData>", `<row r="200000" s="1" customFormat="1"/><row r="300001"><c r="B300001" s="1"/></row><row r="1048576" hidden="1"/></sheetData>`, 1)
		}), ""},
		{"a merge reaching row 400000", sheet(func(b string) string {
			return strings.Replace(b, "</sheetData>", `</sheetData><mergeCells count="1"><mergeCell ref="H5:H400000"/></mergeCells>`, 1)
		}), ""},
		{"a dimension to the last row", sheet(func(b string) string {
			return regexp.MustCompile(`<dimension ref="[^"]*"`).ReplaceAllString(b, `<dimension ref="A1:Z1048576"`)
		}), ""},
		{"a value past the bound", sheet(func(b string) string {
			return strings.Replace(b, "</sheetData>", `<row r="300001"><c r="A300001" t="inlineStr"><is><t>合计</t></is></c></row></sheetData>`, 1)
		}), "工作表“名册”用到了第300001行，超过 300000 行"},
		{"a formula past the bound", sheet(func(b string) string {
			return strings.Replace(b, "</sheetData>", `<row r="1048576"><c r="A1048576"><f>1+1</f></c></row></sheetData>`, 1)
		}), "工作表“名册”用到了第1048576行，超过 300000 行"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			rf, err := ReadRoster(bytes.NewReader(tt.data), ReadOptions{Today: today})
			if tt.tooLarge != "" {
				if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), tt.tooLarge) {
					t.Fatalf("err %v, want %s", err, tt.tooLarge)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(rf.Members) != 9 || len(rf.RejectedRows()) != 1 {
				t.Fatalf("members %d, refused %q", len(rf.Members), refusals(rf))
			}
			var out bytes.Buffer
			if _, err := WriteRejectedRows(&out, tt.data, rf.Rejected, nil); err != nil {
				t.Fatal(err)
			}
			runtime.ReadMemStats(&after)
			if got := (after.TotalAlloc - before.TotalAlloc) >> 20; got > 60 {
				t.Errorf("reading and handing back the sheet allocated %d MB", got)
			}
			if back := read(t, out.Bytes()); strings.Join(refusals(back), "\n") != strings.Join(refusals(rf), "\n") {
				t.Errorf("the copy is refused for %q, the original for %q", refusals(back), refusals(rf))
			}
		})
	}
}
