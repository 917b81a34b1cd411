package xlsx

import (
	"strings"
	"testing"

	"branchledger/model"
)

// Kind 4 (issue 7): the checks of how a cell is stored — a number that
// lost digits or a month, a logical value — run on every workbook the
// importer reads, Strict Open XML too, whose namespaces a reading of the
// XML by hand may not know.

// A Strict Open XML roster with an ID typed as a number — as Excel keeps
// it (6.2…E+17), as another program writes all 18 digits, and shown
// through the formats 0 and #,##0 — and 2003.10 typed into a number cell
// (kept as 2003.1): each row is refused for that cell, naming its field
// and what the cell shows, and none is imported.
func TestStrictNumberCellsAreRefusedNamingTheCell(t *testing.T) {
	id := idNumber("19871214", "351")
	tests := []struct {
		name  string
		cell  any
		field model.Field
		says  []string
	}{
		{"ID_as_Excel_keeps_it", numberCell("6.20102198712143E+17"), model.FieldIDNumber, []string{"存成了数字", "620102198712143000"}},
		{"ID_with_all_18_digits", numberCell(id), model.FieldIDNumber, []string{"存成了数字", id[:15] + "000"}},
		{"ID_in_format_0", fmtCell{v: id, numFmt: 1}, model.FieldIDNumber, []string{"存成了数字", id[:15] + "000"}},
		{"ID_in_format_#,##0", fmtCell{v: id, numFmt: 3}, model.FieldIDNumber, []string{"存成了数字", id[:15] + "000"}},
		{"2003.10_in_a_number_cell", numberCell("2003.1"), model.FieldJoinDate, []string{"2003.1", "1月还是10月"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			row := []any{"严勇", id, "2003.07", "正式党员", "2004.07"}
			if tc.field == model.FieldIDNumber {
				row[1] = tc.cell
			} else {
				row[2] = tc.cell
			}
			rf := read(t, strict(t, roster(t, [][]any{
				{"姓名", "公民身份号码", "入党时间", "人员类别", "转正时间"},
				row,
				{"廖明", idNumber("19710924", "993"), "2010.07", "正式党员", "2011.07"},
			})))
			if len(rf.Members) != 1 || rf.Members[0].Row != 3 {
				t.Fatalf("want only row 3 imported, got %d members: %v", len(rf.Members), rf.Rejected)
			}
			var got *model.Rejection
			for i := range rf.Rejected {
				if rf.Rejected[i].Row == 2 && rf.Rejected[i].Field == tc.field {
					got = &rf.Rejected[i]
				}
			}
			if got == nil {
				t.Fatalf("row 2 is not refused for %s: %v", tc.field.Label(), rf.Rejected)
			}
			for _, s := range tc.says {
				if !strings.Contains(got.Reason, s) {
					t.Errorf("row 2 %s: %q does not say %q", tc.field.Label(), got.Reason, s)
				}
			}
		})
	}
}

// idEndingIn000 is a valid ID number whose last three digits are 000 —
// what a number cell shows of any ID — so that only the cell's type tells
// text from a number.
func idEndingIn000(t *testing.T) string {
	t.Helper()
	for _, birth := range []string{"19800101", "19800102", "19800103", "19800104", "19800105", "19800106", "19800107", "19800108", "19800109", "19800110", "19800111", "19800112"} {
		for s := '1'; s <= '9'; s++ {
			if id := idNumber(birth, string(s)+"00"); strings.HasSuffix(id, "000") {
				return id
			}
		}
	}
	t.Fatal("no valid ID number ending in 000 among those tried")
	return ""
}

// A valid ID ending in 000 is text in one row and a number in the next:
// the text is imported, the number refused (its last three digits could
// have been anything), in a transitional and a Strict workbook alike.
func TestIDEndingIn000IsTextOrNumberByItsCellType(t *testing.T) {
	id := idEndingIn000(t)
	data := roster(t, [][]any{
		{"姓名", "公民身份号码", "入党时间", "人员类别", "转正时间"},
		{"龙敏", id, "2010.07", "正式党员", "2011.07"},
		{"蒋卫东", numberCell(id), "2010.07", "正式党员", "2011.07"},
	})
	for name, data := range map[string][]byte{"transitional": data, "strict": strict(t, data)} {
		t.Run(name, func(t *testing.T) {
			rf := read(t, data)
			if m := member(t, rf, 2); m.IDNumber != id {
				t.Errorf("row 2: ID %q, want %q", m.IDNumber, id)
			}
			if got := rejections(rf, 3)[model.FieldIDNumber]; !strings.Contains(got, "存成了数字") {
				t.Errorf("row 3: the ID stored as a number is not refused: %q (members %d)", got, len(rf.Members))
			}
		})
	}
}

// A logical value (TRUE) is no 民族 and is refused; the same word typed as
// text is not taken for one.
func TestLogicalCellIsToldFromTextByItsType(t *testing.T) {
	data := strict(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "民族", "入党时间", "人员类别", "转正时间"},
		{"龙敏", idNumber("19800101", "011"), true, "2010.07", "正式党员", "2011.07"},
		{"蒋卫东", idNumber("19800101", "021"), "TRUE", "2010.07", "正式党员", "2011.07"},
	}))
	rf := read(t, data)
	if got := rejections(rf, 2)[model.FieldEthnicity]; !strings.Contains(got, "逻辑值") {
		t.Errorf("row 2: the logical cell is not refused as one: %q", got)
	}
	if got := rejections(rf, 3)[model.FieldEthnicity]; strings.Contains(got, "逻辑值") {
		t.Errorf("row 3: text TRUE refused as a logical value: %q", got)
	}
}
