package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// Limits on what is read. A branch roster has tens or hundreds of rows; the
// limits leave room for a whole county's list and stop a zip bomb or a wrong
// file from filling a laptop's memory.
const (
	// MaxFileSize is the largest .xlsx file read, in bytes as stored.
	MaxFileSize = 50 << 20
	// MaxDataRows is the most member rows one import takes.
	MaxDataRows = 100_000
	// maxUnzipped bounds all parts of a workbook unpacked. Every part is
	// kept in memory (no temporary files), so that the numeric-cell scan can
	// read the sheet XML that excelize already unpacked.
	maxUnzipped = 256 << 20
)

// oleSignature starts every OLE2 compound file: old .xls workbooks, and
// also .xlsx workbooks protected by a password (the encrypted package is
// wrapped in a compound file).
var oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// encryptedPackage is the stream name an encrypted .xlsx carries, as it is
// spelt (UTF-16LE) in the compound file's directory.
var encryptedPackage = utf16le("EncryptedPackage")

// readAllLimited reads r to the end, refusing more than MaxFileSize bytes.
func readAllLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("读取文件失败：%w", err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%w（超过 %d MB）", ErrTooLarge, MaxFileSize>>20)
	}
	return data, nil
}

// readFileLimited reads a file from disk, checking its size before reading.
func readFileLimited(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("无法打开文件 %s：%w", name, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > MaxFileSize {
		return nil, fmt.Errorf("%w（%d MB，超过 %d MB）：%s", ErrTooLarge, st.Size()>>20, MaxFileSize>>20, name)
	}
	return readAllLimited(f)
}

// openWorkbook tells apart the kinds of file people pick by mistake and opens
// a real workbook with size limits.
func openWorkbook(data []byte) (*excelize.File, error) {
	switch {
	case len(data) == 0:
		return nil, ErrEmptyFile
	case bytes.HasPrefix(data, oleSignature):
		if bytes.Contains(data, encryptedPackage) {
			return nil, ErrEncrypted
		}
		return nil, ErrOldXLS
	case !bytes.HasPrefix(data, []byte("PK")):
		return nil, ErrNotXLSX
	}
	// Read the zip directory first: it is cheap, and it tells a damaged copy
	// and an oversized workbook apart before excelize unpacks anything.
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w（%w）", ErrDamaged, err)
	}
	var unzipped uint64
	workbook := false
	for _, zf := range zr.File {
		// Each part is checked alone too, so that huge claimed sizes cannot
		// wrap the sum around.
		if zf.UncompressedSize64 > maxUnzipped || unzipped+zf.UncompressedSize64 > maxUnzipped {
			return nil, fmt.Errorf("%w（解压后超过 %d MB）", ErrTooLarge, maxUnzipped>>20)
		}
		unzipped += zf.UncompressedSize64
		workbook = workbook || strings.HasSuffix(strings.ToLower(zf.Name), "workbook.xml")
	}
	if !workbook {
		return nil, ErrNotXLSX // a zip, but not a workbook: .docx, .xlsb, a zipped folder
	}
	if err := checkParts(zr); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    maxUnzipped,
		UnzipXMLSizeLimit: maxUnzipped,
	})
	if err != nil {
		if f != nil {
			_ = f.Close()
		}
		return nil, fmt.Errorf("%w（%w）", ErrDamaged, err)
	}
	// Parts are read when first used, so this is in time for the sheets.
	f.CharsetTranscoder(declaredCharset)
	if len(f.GetSheetList()) == 0 {
		_ = f.Close()
		return nil, ErrNotXLSX
	}
	return f, nil
}

// checkParts unpacks every part once to check it against its checksum.
// excelize ignores read errors inside a part, so a damaged copy would
// otherwise give a sheet that silently ends early: half a roster.
func checkParts(zr *zip.Reader) error {
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err == nil {
			_, err = io.Copy(io.Discard, rc)
			if cerr := rc.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			return fmt.Errorf("%w（%s：%w）", ErrDamaged, zf.Name, err)
		}
	}
	return nil
}

// sheetXML returns the XML of a worksheet as excelize unpacked it, or nil
// when it cannot be found; callers then do without what it would tell.
func sheetXML(f *excelize.File, sheet string) []byte {
	wbPath := "xl/workbook.xml"
	var rootRels xmlRelationships
	if unmarshalPart(f, "_rels/.rels", &rootRels) {
		for _, r := range rootRels.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPath = resolvePart("", r.Target)
			}
		}
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if !unmarshalPart(f, wbPath, &wb) {
		return nil
	}
	rid := ""
	for _, s := range wb.Sheets {
		if strings.EqualFold(s.Name, sheet) {
			rid = s.RID
		}
	}
	var rels xmlRelationships
	dir, base := path.Split(wbPath)
	if rid == "" || !unmarshalPart(f, dir+"_rels/"+base+".rels", &rels) {
		return nil
	}
	for _, r := range rels.Rels {
		if r.ID == rid {
			if b, ok := f.Pkg.Load(resolvePart(dir, r.Target)); ok {
				data, _ := b.([]byte)
				return data
			}
		}
	}
	return nil
}

type xmlRelationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

// unmarshalPart decodes a small part of the package into v.
func unmarshalPart(f *excelize.File, name string, v any) bool {
	b, ok := f.Pkg.Load(name)
	if !ok {
		return false
	}
	data, ok := b.([]byte)
	return ok && xml.Unmarshal(data, v) == nil
}

// resolvePart turns a relationship target into a package path, the way
// excelize names its parts: absolute targets start at the package root.
func resolvePart(dir, target string) string {
	target = strings.ReplaceAll(target, "\\", "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return path.Clean(path.Join(dir, target))
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}
