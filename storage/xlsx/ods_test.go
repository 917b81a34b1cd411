package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"testing"
)

// An OpenDocument spreadsheet (.ods, as LibreOffice or WPS save it), even
// renamed .xlsx, is named for what it is, not guessed to be text, a web
// page or CSV (review s3-7 new user #6). Another zip still gets ErrNotXLSX.
func TestOpenDocumentSpreadsheetIsNamed(t *testing.T) {
	zipOf := func(parts ...[2]string) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, p := range parts {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: p[0], Method: zip.Store})
			if err != nil {
				t.Fatal(err)
			}
			_, _ = w.Write([]byte(p[1]))
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	ods := zipOf([2]string{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, [2]string{"content.xml", "<office:document-content/>"})
	if _, err := ReadRoster(bytes.NewReader(ods), ReadOptions{Today: today}); !errors.Is(err, ErrODS) {
		t.Errorf(".ods: error %v, want ErrODS", err)
	}
	odt := zipOf([2]string{"mimetype", "application/vnd.oasis.opendocument.text"}, [2]string{"content.xml", "<office:document-content/>"})
	if _, err := ReadRoster(bytes.NewReader(odt), ReadOptions{Today: today}); !errors.Is(err, ErrNotXLSX) {
		t.Errorf(".odt: error %v, want ErrNotXLSX", err)
	}
}
