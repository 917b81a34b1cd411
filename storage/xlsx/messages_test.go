package xlsx

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// Damage in the shared-string table is the table's, not a sheet's: one
// Chinese sentence naming the part and the string where reading stopped,
// no English XML error (attack7 #14).
func TestSharedStringDamageNamesThePart(t *testing.T) {
	head := `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>姓名</t></si><si><t>身份证号码</t></si><si><t>入党时间</t></si>`
	tests := []struct{ name, sst, want string }{
		{"unescaped &", head + `<si><t>张&8三</t></si></sst>`, "第4项时出错：含有无法识别的符号"},
		{"invalid UTF-8", head + "<si><t>张\xff三</t></si></sst>", "第4项时出错：含有无法识别的字符"},
		{"an undefined entity", head + `<si><t>张&nbsp;三</t></si></sst>`, "第4项时出错：含有无法识别的符号"},
		{"cut short", head + `<si><t>张三`, "第4项时出错：内容在此处中断"},
		{"an element closed by another", head + `<si><t>张三</si></sst>`, "第4项时出错"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadRoster(bytes.NewReader(minimalPackage(t, fuzzSheet, tt.sst)), ReadOptions{Today: today})
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("got %v, want refused as damaged", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, "文字表 xl/sharedStrings.xml 读到"+tt.want) {
				t.Errorf("message %q, want it to name the table and say %q", msg, tt.want)
			}
			if strings.Contains(msg, "XML syntax") || strings.Contains(msg, "工作表") {
				t.Errorf("message %q blames a sheet or is not Chinese", msg)
			}
		})
	}
}

// In a workbook of the 1904 date system a serial shown as a number is hinted
// at as the date it is in that system (attack7 #6).
func TestSerialHintFollowsTheDateSystem(t *testing.T) {
	for _, tt := range []struct {
		date1904 bool
		serial   string
		want     string
	}{
		{false, "39614", "2008-06-15"},
		{true, "38152", "2008-06-15"},
	} {
		wb := workbook{sheets: []sheetSpec{{name: "Sheet1", rows: [][]any{
			{"姓名", "公民身份号码", "加入党组织日期", "人员类别"},
			{"孙立军", idNumber("19680302", "011"), numberCell(tt.serial), "预备党员"},
		}}}}
		if tt.date1904 {
			wb.opts = func(f *excelize.File) {
				yes := true
				if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
					t.Fatal(err)
				}
			}
		}
		got := rejections(read(t, wb.bytes(t)), 2)[model.FieldJoinDate]
		if !strings.Contains(got, "直接写成 "+tt.want) {
			t.Errorf("1904 system %v, serial %s: %q, want the hint %s", tt.date1904, tt.serial, got, tt.want)
		}
	}
}

// A sheet past the size limit is named, and its size never reads as the
// limit itself ("48 MB，超过 48 MB") (attack7 #14).
func TestOversizedSheetMessage(t *testing.T) {
	sheet := strings.Replace(sheetXMLWith(5, 0, ""), "</sheetData>", "</sheetData>"+strings.Repeat("<!-- -->", (maxSheetPart+4096)/8), 1)
	_, err := ReadRoster(bytes.NewReader(minimalPackage(t, sheet, fuzzShared)), ReadOptions{Today: today})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "工作表“名册”的内容解压后有 48.1 MB，超过一个工作表 48 MB 的上限") {
		t.Errorf("got %v", err)
	}
	if err != nil && strings.Contains(err.Error(), "xl/worksheets") {
		t.Errorf("names an internal part: %v", err)
	}
}
