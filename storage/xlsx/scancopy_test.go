package xlsx

import (
	"bytes"
	"reflect"
	"testing"

	"branchledger/storage/demo"
)

// A sheet is scanned from the bytes excelize unpacked when they are the
// part's own (length and checksum), and from the package otherwise.
func TestScanUsesExcelizeCopyOnlyWhenItIsThePart(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteRoster(&buf, "第一党支部", demo.Members(5, 1, today, "第一党支部"), today); err != nil {
		t.Fatal(err)
	}
	bk, err := openWorkbook(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	defer bk.Close()
	s := bk.sheets[0]
	data, ok := bk.unpacked(s.part)
	if !ok {
		t.Fatal("excelize's copy of the sheet not used")
	}
	want, err := bk.scanSheet(s)
	if err != nil {
		t.Fatal(err)
	}
	// excelize keeps what it could unpack of a damaged part: a copy cut
	// short, or changed, is not the part.
	for _, bad := range [][]byte{data[:len(data)-10], append(bytes.Clone(data[:len(data)-1]), ' ')} {
		bk.f.Pkg.Store(s.part.Name, bad)
		if _, ok := bk.unpacked(s.part); ok {
			t.Errorf("a copy of %d bytes taken for the part of %d", len(bad), len(data))
		}
		got, err := bk.scanSheet(s)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("scanned from the package: %v, %+v; want %+v", err, got, want)
		}
	}
}
