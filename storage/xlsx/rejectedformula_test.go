package xlsx

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// withFormulas gives cells of sheet 名册 the formulas given, each with the
// value the cell holds as its saved result, as Excel and WPS write them
// (<c r="A3"><f>ROW()-2</f><v>1</v></c>, text as t="str").
func withFormulas(t *testing.T, data []byte, formulas map[string]string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	numeric := map[string]bool{}
	for ref, formula := range formulas {
		typ, _ := f.GetCellType("名册", ref)
		v, _ := f.GetCellValue("名册", ref, rawValues)
		if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			// excelize keeps a number as the formula's result, not text.
			if err := f.SetCellDefault("名册", ref, "0"); err != nil {
				t.Fatal(err)
			}
			formulas[ref] = formula + "\x00" + v
		} else {
			numeric[ref] = true
		}
		if err := f.SetCellFormula("名册", ref, strings.SplitN(formulas[ref], "\x00", 2)[0]); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return rewriteParts(t, buf.Bytes(), func(name, body string) string {
		if !strings.Contains(name, "worksheets/") {
			return body
		}
		for ref, formula := range formulas {
			cell := regexp.MustCompile(`(<c r="` + ref + `"[^>]*?)( t="str")(>.*?</f>)<v>0</v>`)
			if numeric[ref] {
				body = regexp.MustCompile(`(<c r="`+ref+`"[^>]*?) t="str"`).ReplaceAllString(body, `$1`)
			} else {
				text := strings.SplitN(formula, "\x00", 2)[1]
				body = cell.ReplaceAllString(body, `$1$2$3<v>`+text+`</v>`)
			}
		}
		return body
	})
}

// Kind 10 (review ra7 F48, the formula part): a roster whose cells are
// formulas — 序号 =ROW()-2, 年龄 =DATEDIF(…), 所在党支部 =$B$1, a date
// =DATE(2005,6,1) — hands its refused rows back in a workbook that,
// imported unchanged, is refused for the same rows and reasons, with no
// new refusal and nothing stored that the original refused, and that
// shows what the original showed: with their saved results (Excel, WPS)
// the values; without (other programs) the formulas, worked out when
// opened (=ROW()-2 gave #N/A in the copy, whose rows are not the
// original's); of a workbook calculated again when opened, each formula
// with its saved result, refused again for it (the copy held the values
// alone and stored two members the original refused).
func TestRejectedRowsKeepFormulaResults(t *testing.T) {
	a, b, c := idNumber("19850312", "013"), idNumber("19900606", "024"), idNumber("19880808", "035")
	base := roster(t, [][]any{
		{"所在党支部：", "第一党支部"},
		{"序号", "姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "人员类别", "所在党支部", "联系电话", "年龄"},
		{numberCell("1"), "周杰", a, dateCell(38504), dateCell(38869), "正式党员", "第一党支部", "123", numberCell("41")},
		{numberCell("2"), "吴敏", b, dateCell(40330), dateCell(40695), "正式党员", "第一党支部", "13712345678", numberCell("36")},
		{numberCell("3"), "郑凯", c, dateCell(40330), dateCell(40695), "正式党员", "第一党支部", "13712345679", numberCell("38")},
	})
	age := func(r string) string {
		return `DATEDIF(DATE(MID(C` + r + `,7,4),MID(C` + r + `,11,2),MID(C` + r + `,13,2)),DATE(2026,11,25),"y")`
	}
	saved := withFormulas(t, base, map[string]string{
		"A3": "ROW()-2", "A4": "ROW()-2", "A5": "ROW()-2", "D3": "DATE(2005,6,1)",
		"G3": "$B$1", "G4": "$B$1", "G5": "$B$1", "I3": age("3"), "I4": age("4"),
	})
	unsaved := rewriteParts(t, saved, func(name, body string) string {
		if strings.Contains(name, "worksheets/") {
			body = regexp.MustCompile(`(</f>)<v>[^<]*</v>`).ReplaceAllString(body, `$1`)
		}
		return body
	})
	recalc := rewriteParts(t, saved, func(name, body string) string {
		if name == "xl/workbook.xml" {
			body = regexp.MustCompile(`<calcPr[^>]*>`).ReplaceAllString(body, `<calcPr calcId="124519" fullCalcOnLoad="1">`)
		}
		return body
	})
	tests := []struct {
		name     string
		data     []byte
		refused  int    // rows the original refuses
		formulas bool   // whether the copy holds formulas
		reason   string // what the formula cells are refused for, if they are
	}{
		{"saved results", saved, 1, false, ""},
		{"no saved results", unsaved, 3, true, unsavedFormulaReason},
		{"calculated again when opened", recalc, 3, true, staleFormulaReason},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			original := read(t, tt.data)
			if len(original.RejectedRows()) != tt.refused {
				t.Fatalf("the original refuses %q", refusals(original))
			}
			if tt.reason != "" && !strings.Contains(strings.Join(refusals(original), "\n"), "周杰 所在党支部："+tt.reason) {
				t.Fatalf("the original refuses %q", refusals(original))
			}
			var out bytes.Buffer
			if _, err := WriteRejectedRows(&out, tt.data, original.Rejected, nil); err != nil {
				t.Fatal(err)
			}
			back := read(t, out.Bytes())
			if got, want := strings.Join(refusals(back), "\n"), strings.Join(refusals(original), "\n"); got != want {
				t.Errorf("the copy is refused for\n%s\nthe original for\n%s", got, want)
			}
			if len(back.Members) != 0 {
				t.Errorf("the copy stored %v", byName(back))
			}

			src, err := excelize.OpenReader(bytes.NewReader(tt.data), shownOptions)
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			cp, err := excelize.OpenReader(bytes.NewReader(out.Bytes()), shownOptions)
			if err != nil {
				t.Fatal(err)
			}
			defer cp.Close()
			// The copy's row 3 is the original's row 3 (周杰), refused in
			// each; with the other rows refused, they are copied in order.
			for _, ref := range []string{"A3", "D3", "G3", "I3", "A4", "G4", "I4"} {
				if tt.refused == 1 && ref[1] == '4' {
					continue
				}
				want, _ := src.GetCellValue("名册", ref)
				if f, _ := src.GetCellFormula("名册", ref); f != "" && want == "" {
					// no saved result: what Excel shows once it works it out
					if want, err = src.CalcCellValue("名册", ref); err != nil {
						t.Fatalf("%s: %v", ref, err)
					}
				}
				formula, _ := cp.GetCellFormula("名册", ref)
				got, _ := cp.GetCellValue("名册", ref)
				if formula != "" {
					if (got == "") != (tt.reason == unsavedFormulaReason) {
						t.Errorf("%s: =%s with the saved result %q; the original's is %q", ref, formula, got, want)
					}
					if got, err = cp.CalcCellValue("名册", ref); err != nil {
						t.Fatalf("%s =%s: %v", ref, formula, err)
					}
				}
				if (formula != "") != tt.formulas || got != want {
					t.Errorf("%s: the copy holds =%s showing %q; the original shows %q", ref, formula, got, want)
				}
			}
		})
	}
}
