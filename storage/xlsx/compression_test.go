package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }

// A workbook whose sheet is stored with a compression Excel does not use
// (bzip2, method 12) is refused as such, in Chinese, not as a copy gone
// wrong with the zip reader's "unsupported compression algorithm" (review
// s8-7 attack #15 c, #11).
func TestCompressionExcelDoesNotUse(t *testing.T) {
	f := excelize.NewFile()
	_ = f.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "公民身份号码"})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	zw.RegisterCompressor(12, func(w io.Writer) (io.WriteCloser, error) { return nopWriteCloser{w}, nil })
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		method := zip.Deflate
		if strings.HasPrefix(zf.Name, "xl/worksheets/") {
			method = 12
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write(data)
	}
	_ = zw.Close()
	path := filepath.Join(t.TempDir(), "bzip2.xlsx")
	if err := os.WriteFile(path, out.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := ReadRosterFile(path, ReadOptions{})
	if err == nil || !strings.HasPrefix(err.Error(), "文件用了 Excel 不用的压缩方式，请在 Excel/WPS 中打开后另存再导入：") {
		t.Errorf("err = %v", err)
	}
}
