package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The workbook of refused rows, partly fixed and refused again, has one
// 错误原因 column with the reasons that still hold: its own column gives
// way to the new one, not copied beside it as one of the file's columns;
// read as a roster, the app's column is left out without a word (review
// s13-attack #4).
func TestRefusedAgainKeepsOneReasonsColumn(t *testing.T) {
	id := idNumber("19800115", "311") // male
	for _, tc := range []struct {
		name   string
		title  bool
		merges [][2]string
	}{
		{"flat heading", false, nil},
		{"title and grouped heading", true, [][2]string{{"A1", "F1"}, {"A2", "A3"}, {"B2", "B3"}, {"C2", "C3"}, {"D2", "E2"}, {"F2", "F3"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := [][]any{
				{"姓名", "公民身份号码", "性别", "入党时间", "转正时间", "人员类别"},
				{"错一", id, "女", "八五年", "2004.05", "正式党员"},
			}
			head := 1
			if tc.title {
				rows = [][]any{
					{"第一党支部党员花名册"},
					{"姓名", "公民身份号码", "性别", "入党时间", nil, "人员类别"},
					{nil, nil, nil, "预备", "转正", nil},
					{"错一", id, "女", "八五年", "2004.05", "正式党员"},
				}
				head = 3
			}
			first := errorsWorkbook(t, roster(t, rows, tc.merges...))
			// The user fixes 性别, not the date.
			fixed := edit(t, first, "名册", "C"+itoa(head+1), "男")
			rf := read(t, fixed)
			if len(rf.Sheets) != 1 || len(rf.Sheets[0].Ignored) != 0 {
				t.Fatalf("sheets %+v", rf.Sheets)
			}
			second := errorsWorkbook(t, fixed)
			f, err := excelize.OpenReader(bytes.NewReader(second))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, _ := f.GetRows("名册")
			if len(got) != head+1 {
				t.Fatalf("rows %q", got)
			}
			top := got[min(head-1, 1)] // the first heading row, under the title
			if n := strings.Count(strings.Join(top, "|"), RejectedReasonHeading); n != 1 || top[len(top)-1] != RejectedReasonHeading {
				t.Errorf("headings %q: want one 错误原因, last", top)
			}
			reason := got[head][len(got[head])-1]
			if !strings.Contains(reason, "加入党组织日期") || strings.Contains(reason, "性别") || len(got[head]) != 7 {
				t.Errorf("refused row %q", got[head])
			}
		})
	}
}

// errorsWorkbook is the workbook of refused rows of a roster.
func errorsWorkbook(t *testing.T, data []byte) []byte {
	t.Helper()
	rf := read(t, data)
	var buf bytes.Buffer
	if _, err := WriteRejectedRows(&buf, data, rf.Rejected, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// edit sets one cell of a workbook to a text, as a user fixing it would.
func edit(t *testing.T, data []byte, sheet, ref, text string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellStr(sheet, ref, text); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func itoa(n int) string { return string(rune('0' + n)) }
