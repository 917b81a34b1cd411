package xlsx

import (
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// declaredCharset decodes a workbook part that declares an encoding other
// than UTF-8 (some Chinese tools write encoding="GBK"). Excelize decodes by
// the declaration; but a part whose bytes are UTF-8 all the same — the
// declaration is wrong, as a converting tool may leave it — would turn every
// Chinese heading into nonsense, and the import would say it found no
// heading. GBK text is practically never valid UTF-8, so bytes that are
// valid UTF-8 are read as such, and others by the declared encoding.
func declaredCharset(label string, input io.Reader) (io.Reader, error) {
	data, err := io.ReadAll(input)
	if err != nil {
		return nil, err
	}
	if utf8.Valid(data) {
		return bytes.NewReader(data), nil
	}
	return charset.NewReaderLabel(label, bytes.NewReader(data))
}
