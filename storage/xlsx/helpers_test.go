package xlsx

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// today is the date every test reads rosters on.
var today = model.NewDate(2026, 11, 25)

// samplePath is the shared messy roster, kept beside the repository.
const samplePath = "../../../shared/samples/roster_messy_example.xlsx"

// idNumber makes a valid ID number for a birth date (YYYYMMDD) and a
// three-digit sequence whose last digit gives the sex (odd = male).
func idNumber(birth, seq string) string {
	first17 := "620102" + birth + seq
	return first17 + string(model.IDCheckChar(first17))
}

// numberCell is a cell stored as a number with the raw value given, the
// way Excel writes it in the sheet XML ("6.20503198712143E+17").
type numberCell string

// dateCell is a date-formatted cell holding an Excel date serial.
type dateCell int

// fmtCell is a number cell shown through a number format: a built-in one
// by its number, or a custom format code.
type fmtCell struct {
	v      string
	numFmt int
	code   string
}

// workbook builds an .xlsx in memory from rows of cells (string for text,
// numberCell, dateCell, nil for empty) with the given merged ranges.
type workbook struct {
	sheets []sheetSpec
	opts   func(f *excelize.File)
}

type sheetSpec struct {
	name   string
	rows   [][]any
	merges [][2]string
	hidden bool
	// hiddenCols are the columns (letters) hidden on the sheet
	hiddenCols []string
}

func (wb workbook) bytes(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	for i, sh := range wb.sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sh.rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				switch v := v.(type) {
				case nil:
				case string:
					err = f.SetCellStr(sh.name, ref, v)
				case bool:
					err = f.SetCellBool(sh.name, ref, v)
				case numberCell:
					err = f.SetCellDefault(sh.name, ref, string(v))
				case dateCell:
					if err = f.SetCellDefault(sh.name, ref, fmt.Sprint(int(v))); err == nil {
						err = f.SetCellStyle(sh.name, ref, ref, dateStyle)
					}
				case fmtCell:
					st := &excelize.Style{NumFmt: v.numFmt}
					if v.code != "" {
						st = &excelize.Style{CustomNumFmt: &v.code}
					}
					var id int
					if id, err = f.NewStyle(st); err == nil {
						if err = f.SetCellDefault(sh.name, ref, v.v); err == nil {
							err = f.SetCellStyle(sh.name, ref, ref, id)
						}
					}
				default:
					t.Fatalf("cell %s: unsupported %T", ref, v)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, m := range sh.merges {
			if err := f.MergeCell(sh.name, m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
		for _, c := range sh.hiddenCols {
			if err := f.SetColVisible(sh.name, c, false); err != nil {
				t.Fatal(err)
			}
		}
		if sh.hidden {
			if err := f.SetSheetVisible(sh.name, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	if wb.opts != nil {
		wb.opts(f)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// read imports a workbook built in the test.
func read(t testing.TB, data []byte) *RosterFile {
	t.Helper()
	rf, err := ReadRoster(bytes.NewReader(data), ReadOptions{Today: today})
	if err != nil {
		t.Fatalf("ReadRoster: %v", err)
	}
	return rf
}

// member returns the imported member of sheet row n.
func member(t testing.TB, rf *RosterFile, n int) model.Member {
	t.Helper()
	for _, m := range rf.Members {
		if m.Row == n {
			return m.Member
		}
	}
	t.Fatalf("row %d was not imported; rejected: %v", n, rf.Rejected)
	return model.Member{}
}

// rejections returns the reasons row n was rejected, by field (the first
// sheet's row n when the workbook has several).
func rejections(rf *RosterFile, n int) map[model.Field]string {
	out := make(map[model.Field]string)
	for _, r := range rf.Rejected {
		if r.Row == n {
			out[r.Field] += r.Reason
		}
	}
	return out
}

// storedAndRefused checks that rf stored the members named stored, in
// row order, and refused the rows of refused and no others, each for its
// reason (a row's reasons run together); refused nil: no row refused.
func storedAndRefused(t testing.TB, rf *RosterFile, stored []string, refused map[int]string) {
	t.Helper()
	if got := storedNames(rf); !slices.Equal(got, stored) {
		t.Errorf("stored %v, want %v", got, stored)
	}
	got := map[int]string{}
	for _, r := range rf.Rejected {
		got[r.Row] += r.Reason
	}
	for row, reason := range got {
		if _, ok := refused[row]; !ok {
			t.Errorf("row %d refused %q, want it stored", row, reason)
		}
	}
	for row, want := range refused {
		if got[row] != want {
			t.Errorf("row %d refused\n%q, want\n%q", row, got[row], want)
		}
	}
}
