package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

// A worksheet part written in UTF-16 (the package rules allow it, Excel
// opens it) is refused saying the encoding is not read and to re-save the
// file in Excel or WPS — not as a damaged file to copy again (review
// s13-attack #8). Either byte order, with or without the byte-order mark.
func TestUTF16SheetIsRefusedSayingTheEncoding(t *testing.T) {
	data := roster(t, [][]any{{"姓名", "公民身份号码", "入党时间", "转正时间", "人员类别"},
		{"甲", idNumber("19800101", "011"), "2010.07", "2011.07", "正式党员"}})
	encode := func(order binary.AppendByteOrder, bom bool) func(*zip.FileHeader, []byte) []byte {
		return func(_ *zip.FileHeader, body []byte) []byte {
			text := strings.Replace(string(body), `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
			var out []byte
			units := utf16.Encode([]rune(text))
			if bom {
				units = append([]uint16{0xFEFF}, units...)
			}
			for _, u := range units {
				out = order.AppendUint16(out, u)
			}
			return out
		}
	}
	const want = "文件的表格结构不规范（可能由其他程序生成），无法确认每个单元格都能正确读出，请在 Excel/WPS 中打开后另存再导入（工作表“名册”以 UTF-16 编码保存，本程序只能读 UTF-8 编码的表格）"
	for name, change := range map[string]func(*zip.FileHeader, []byte) []byte{
		"little-endian with BOM": encode(binary.LittleEndian, true),
		"big-endian with BOM":    encode(binary.BigEndian, true),
		"little-endian, no BOM":  encode(binary.LittleEndian, false),
	} {
		_, err := ReadRoster(bytes.NewReader(rezip(t, data, "xl/worksheets/sheet1.xml", change)), ReadOptions{Today: today})
		if !errors.Is(err, ErrIrregular) || errors.Is(err, ErrDamaged) || err.Error() != want {
			t.Errorf("%s: %v\nwant %s", name, err, want)
		}
	}
}
