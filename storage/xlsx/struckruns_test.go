package xlsx

import (
	"bytes"
	"regexp"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A name struck through as rich text — selected in the cell and struck, the
// cell's own format plain — is held back like a struck cell (review F45:
// stored as a current member); struck in part, it is refused saying so; the
// same name unstruck on another row is stored; the workbook of refused rows
// keeps the strike, so that it refuses the row again.
func TestNameStruckAsRichTextIsHeldBack(t *testing.T) {
	const (
		whole = "在表格中划了删除线，未导入；仍在册的请去掉删除线后再导入"
		part  = "姓名中有部分文字划了删除线，看不出此人是否已被划去，未导入；仍在册的请去掉删除线（改正的字请直接改写）后再导入"
	)
	struck := func(text string) excelize.RichTextRun {
		return excelize.RichTextRun{Text: text, Font: &excelize.Font{Strike: true}}
	}
	plain := func(text string) excelize.RichTextRun { return excelize.RichTextRun{Text: text} }
	for _, tt := range []struct {
		name    string
		runs    []excelize.RichTextRun // 赵丽华's 姓名, row 5
		stored  []string
		refused string
	}{
		{"all of it", []excelize.RichTextRun{struck("赵丽华")}, []string{"张三", "李四", "王五", "李明", "孙七"}, whole},
		{"all but a space", []excelize.RichTextRun{struck("赵丽华"), plain(" ")}, []string{"张三", "李四", "王五", "李明", "孙七"}, whole},
		{"one character", []excelize.RichTextRun{plain("赵"), struck("丽"), plain("华")}, []string{"张三", "李四", "王五", "李明", "孙七"}, part},
		{"runs, none struck", []excelize.RichTextRun{plain("赵丽"), plain("华")}, sixNames, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rows := plainSix()
			rows[3][0] = "赵丽华" // 王五's row: another 赵丽华, written plain
			data := withRichText(t, roster(t, rows), "名册", "A5", tt.runs)
			rf := read(t, data)
			want := slices.Clone(tt.stored)
			if i := slices.Index(want, "王五"); i >= 0 {
				want[i] = "赵丽华"
			}
			if got := storedNames(rf); !slices.Equal(got, want) {
				t.Errorf("stored %v, want %v", got, want)
			}
			for _, r := range rf.Rejected {
				if r.Row != 5 || r.Reason != tt.refused {
					t.Errorf("row %d refused: %s", r.Row, r.Reason)
				}
			}
			if tt.refused == "" {
				return
			}
			if len(rf.Rejected) != 1 {
				t.Fatalf("refused %d rows, want row 5", len(rf.Rejected))
			}
			again := read(t, errorsWorkbook(t, data))
			if got := storedNames(again); len(got) > 0 || len(again.Rejected) != 1 || again.Rejected[0].Reason != tt.refused {
				t.Errorf("the copy stored %v, refused %+v", got, again.Rejected)
			}
		})
	}
}

// withRichText is data with the cell ref of sheet set to runs.
func withRichText(t *testing.T, data []byte, sheet, ref string, runs []excelize.RichTextRun) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellRichText(sheet, ref, runs); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// So is a name struck in an inline string, the rich text kept in the cell
// itself (t="inlineStr", as openpyxl and other writers save it), not in
// the shared strings: it was stored (review look11).
func TestNameStruckInAnInlineStringIsHeldBack(t *testing.T) {
	const whole = "在表格中划了删除线，未导入；仍在册的请去掉删除线后再导入"
	data := editPart(t, roster(t, plainSix()), "xl/worksheets/sheet1.xml", func(sheet string) string {
		cell := regexp.MustCompile(`<c r="A5"[^>]*>.*?</c>`)
		if !cell.MatchString(sheet) {
			t.Fatal("no cell A5 in the sheet's XML")
		}
		return cell.ReplaceAllString(sheet, `<c r="A5" t="inlineStr"><is><r><rPr><strike/></rPr><t>赵丽华</t></r></is></c>`)
	})
	rf := read(t, data)
	if got, want := storedNames(rf), []string{"张三", "李四", "王五", "李明", "孙七"}; !slices.Equal(got, want) {
		t.Errorf("stored %v, want %v", got, want)
	}
	if len(rf.Rejected) != 1 || rf.Rejected[0].Row != 5 || rf.Rejected[0].Reason != whole {
		t.Fatalf("refused %+v, want row 5: %s", rf.Rejected, whole)
	}
	again := read(t, errorsWorkbook(t, data))
	if got := storedNames(again); len(got) > 0 || len(again.Rejected) != 1 || again.Rejected[0].Reason != whole {
		t.Errorf("the copy stored %v, refused %+v", got, again.Rejected)
	}
}
