package ui

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"branchledger/storage"
)

// renamedSheets is a roster workbook whose sheets are renamed in its
// workbook.xml to names Excel refuses (excelize will not write them).
func renamedSheets(t *testing.T, names ...string) string {
	t.Helper()
	f := excelize.NewFile()
	for i := 1; i < len(names); i++ {
		if _, err := f.NewSheet("S" + string(rune('0'+i))); err != nil {
			t.Fatal(err)
		}
	}
	_ = f.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "公民身份号码"})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if zf.Name == "xl/workbook.xml" {
			s := string(data)
			for i, n := range names {
				old := `name="Sheet1"`
				if i > 0 {
					old = `name="S` + string(rune('0'+i)) + `"`
				}
				s = strings.Replace(s, old, `name="`+n+`"`, 1)
			}
			data = []byte(s)
		}
		w, _ := zw.Create(zf.Name)
		_, _ = w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "名册.xlsx")
	if err := os.WriteFile(path, out.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// A file refused whole is said in the window's language, under a title
// that fits a file read but refused too, with no Go error in English
// inside the Chinese; two sheets of one name are not "only differing in
// case" (review s8-7 attack #11).
func TestWholeFileRefusalsInTheWindowsLanguage(t *testing.T) {
	truncated := func() string {
		data, err := os.ReadFile(reasonsWorkbook(t))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "半个.xlsx")
		_ = os.WriteFile(path, data[:len(data)/2], 0o600)
		return path
	}()
	files := map[string]string{
		"bad name":  renamedSheets(t, "一/二支部:[旧]"),
		"same name": renamedSheets(t, "第一党支部", "第一党支部"),
		"case":      renamedSheets(t, "Dept", "DEPT"),
		"truncated": truncated,
	}
	for _, tc := range []struct {
		lang  Language
		title string
		want  map[string]string
	}{
		{English, "This file was not imported", map[string]string{
			"bad name":  "The sheet name “一/二支部:[旧]” has characters Excel does not allow",
			"same name": "The workbook has two sheets named “第一党支部” (Excel does not allow this)",
			"case":      "differ only in case, “Dept” and “DEPT”",
			"truncated": "The file is damaged or incomplete (it may not have been copied completely). Copy it again, or open it in Excel/WPS, save it and import that (not a complete zip package)",
		}},
		{Chinese, "没有导入这个文件", map[string]string{
			"bad name":  "工作表名称“一/二支部:[旧]”含有 Excel 不允许的字符",
			"same name": "工作簿中有两个同名的工作表“第一党支部”（Excel 不允许这样）",
			"case":      "工作簿中有两个只差大小写的工作表名称“Dept”和“DEPT”",
			"truncated": "文件已损坏或不完整（可能没有拷贝完整），请重新拷贝，或在 Excel/WPS 中打开后另存再导入（不是完整的 zip 压缩包）",
		}},
	} {
		if err := useLanguage(tc.lang); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = useLanguage(Chinese) })
		for what, path := range files {
			s, _ := newStoreShell(t, func(*storage.Store) {})
			s.show(screenRoster)
			s.roster.previewImport(path)
			top := s.win.Canvas().Overlays().Top()
			if top == nil {
				t.Fatalf("%s: no dialog", what)
			}
			markup := test.RenderObjectToMarkup(top)
			if !strings.Contains(markup, tc.want[what]) || !strings.Contains(markup, tc.title) {
				t.Errorf("%v %s: the dialog does not say %q under %q:\n%s", tc.lang, what, tc.want[what], tc.title, markup)
			}
			if strings.Contains(markup, "zip:") || tc.lang == English && chineseText.MatchString(quoted.ReplaceAllString(markup, "")) {
				t.Errorf("%v %s: %s", tc.lang, what, markup)
			}
		}
	}
}
