package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// Kind 10 with kind 3 (review s13-attack #17): a date a conditional format
// shows as 2003年10月 — its own format yyyy-mm-dd — is read to the month;
// the workbook of refused rows, which has no conditional formats, holds it
// in the format the rule showed it through, so that it shows 2003年10月
// there too and, the row fixed, is stored to the month as the original
// fixed would be. It showed 2003-10-01 and that made-up day was stored.
func TestRejectedRowsKeepWhatConditionalFormatsShow(t *testing.T) {
	id := idNumber("19800101", "011") // a man's
	data := workbook{sheets: []sheetSpec{{name: "名册", rows: [][]any{
		{"姓名", "性别", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期"},
		{"条一", "女", id, "正式党员", fmtCell{v: "37895", code: "yyyy-mm-dd"}, fmtCell{v: "38261", code: "yyyy-mm-dd"}},
	}}}, opts: func(f *excelize.File) {
		code := `yyyy"年"m"月"`
		dxf, err := f.NewConditionalStyle(&excelize.Style{CustomNumFmt: &code})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetConditionalFormat("名册", "E2:F2", []excelize.ConditionalFormatOptions{{Type: "cell", Criteria: ">", Format: &dxf, Value: "0"}}); err != nil {
			t.Fatal(err)
		}
	}}.bytes(t)
	original := read(t, data)
	if got := rejections(original, 2)[model.FieldSex]; got == "" {
		t.Fatalf("row 2 not refused for 性别: %q", refusals(original))
	}
	out := rejectedCopyShows(t, data, original, map[string]string{"E2": "2003年10月", "F2": "2004年10月"})
	fixed := read(t, setCells(t, out, map[string]string{"B2": "男"}))
	m := member(t, fixed, 2)
	if m.JoinDate != model.MonthDate(2003, 10) || m.FullDate != model.MonthDate(2004, 10) {
		t.Errorf("fixed and imported: 加入党组织日期 %s, 转为正式党员日期 %s; want 2003-10, 2004-10", m.JoinDate, m.FullDate)
	}
}

// A value a conditional format hides (;;;) is hidden in the copy too, by
// its own format: read as the blank the user saw, as in the original.
func TestRejectedRowsKeepWhatConditionalFormatsHide(t *testing.T) {
	id := idNumber("19800101", "011")
	data := workbook{sheets: []sheetSpec{{name: "名册", rows: [][]any{
		{"姓名", "性别", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期", "联系电话"},
		{"条一", "女", id, "正式党员", "2003-10", "2004-10", "13712345678"},
	}}}, opts: func(f *excelize.File) {
		code := ";;;"
		dxf, err := f.NewConditionalStyle(&excelize.Style{CustomNumFmt: &code})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetConditionalFormat("名册", "G2", []excelize.ConditionalFormatOptions{{Type: "cell", Criteria: ">", Format: &dxf, Value: "0"}}); err != nil {
			t.Fatal(err)
		}
	}}.bytes(t)
	original := read(t, data)
	var out bytes.Buffer
	if _, err := WriteRejectedRows(&out, data, original.Rejected, nil); err != nil {
		t.Fatal(err)
	}
	fixedOriginal := member(t, read(t, setCells(t, data, map[string]string{"B2": "男"})), 2)
	fixedCopy := member(t, read(t, setCells(t, out.Bytes(), map[string]string{"B2": "男"})), 2)
	if fixedOriginal.Phone != "" || fixedCopy.Phone != fixedOriginal.Phone {
		t.Errorf("fixed copy stores 联系电话 %q, the fixed original %q", fixedCopy.Phone, fixedOriginal.Phone)
	}
}

// Kind 10 (review s13-attack #10, re-run on 7a8b722: holds since
// be41585): a refused person whose 姓名 and 公民身份号码 are formulas
// without saved results comes back in the workbook of refused rows as
// that person — still refused for the formulas — never as a line without
// a name that the re-import joined to the member above (回六 was stored
// with 工作岗位 会计司机 and 回七 was gone).
func TestRejectedFormulaPersonIsNoContinuation(t *testing.T) {
	male, other := idNumber("19800101", "011"), idNumber("19800715", "311")
	data := workbook{sheets: []sheetSpec{{name: "名册", rows: [][]any{
		{"姓名", "性别", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期", "工作岗位", "家庭住址"},
		{"回六", "女", male, "正式党员", "2003-05", "2004-05", "会计", "兰州市城关区"},
		{nil, "男", nil, "正式党员", "2003-05", "2004-05", "司机", "兰州市西固区"},
	}}}, opts: func(f *excelize.File) {
		for ref, v := range map[string]string{"A3": "回七", "C3": other} {
			if err := f.SetCellFormula("名册", ref, `"`+v+`"`); err != nil {
				t.Fatal(err)
			}
		}
	}}.bytes(t)
	original := read(t, data)
	if len(original.RejectedRows()) != 2 {
		t.Fatalf("refused %q", refusals(original))
	}
	var out bytes.Buffer
	if _, err := WriteRejectedRows(&out, data, original.Rejected, nil); err != nil {
		t.Fatal(err)
	}
	fixed := setCells(t, out.Bytes(), map[string]string{"B2": "男"})
	back := read(t, fixed)
	if len(back.Members) != 1 {
		t.Fatalf("members %+v", back.Members)
	}
	if m := back.Members[0].Member; m.Name != "回六" || m.Post != "会计" || m.Address != "兰州市城关区" {
		t.Errorf("stored %s 工作岗位 %q 家庭住址 %q, want 回六 会计 兰州市城关区", m.Name, m.Post, m.Address)
	}
	if got := rejections(back, 3)[model.FieldName]; !strings.Contains(got, unsavedFormulaReason) {
		t.Errorf("row 3 姓名: %q, want the formula refusal", got)
	}
}

// rejectedCopyShows writes the workbook of original's refused rows of data
// and checks that sheet 名册 of the copy shows, cell by cell, what want
// says (as the source showed it); it returns the copy.
func rejectedCopyShows(t *testing.T, data []byte, original *RosterFile, want map[string]string) []byte {
	t.Helper()
	var out bytes.Buffer
	if _, err := WriteRejectedRows(&out, data, original.Rejected, nil); err != nil {
		t.Fatal(err)
	}
	cp, err := excelize.OpenReader(bytes.NewReader(out.Bytes()), shownOptions)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	for ref, w := range want {
		if got, _ := cp.GetCellValue("名册", ref); got != w {
			t.Errorf("the copy's %s shows %q, want %q as the source showed", ref, got, w)
		}
	}
	return out.Bytes()
}

// A date shown through a conditional format whose rule the import cannot
// work out (a formula) is refused in the original; the workbook of refused
// rows keeps the rule (review s13-reattack #10): without it the copy showed
// 2003-10-01 where the original showed 2003年10月, its 错误原因 asked to
// clear a rule the copy lacked, and the copy fixed for 性别 stored the
// made-up day 2003-10-01 without a word. The rule's relative reference
// keeps pointing at the cell's own row in the copy.
func TestRejectedRowsKeepRulesNotWorkedOut(t *testing.T) {
	id := idNumber("19800101", "011") // a man's
	for _, tc := range []struct{ name, formula string }{
		{"=TRUE", "TRUE"},
		{"relative to the row: =$B3=\"女\"", `$B3="女"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := workbook{sheets: []sheetSpec{{name: "名册", rows: [][]any{
				{"姓名", "性别", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期"},
				{"条零", "男", idNumber("19800101", "033"), "正式党员", "2003-05", "2004-05"},
				{"条一", "女", id, "正式党员", fmtCell{v: "37895", code: "yyyy-mm-dd"}, fmtCell{v: "38261", code: "yyyy-mm-dd"}},
			}}}, opts: func(f *excelize.File) {
				code := `yyyy"年"m"月"`
				dxf, err := f.NewConditionalStyle(&excelize.Style{CustomNumFmt: &code})
				if err != nil {
					t.Fatal(err)
				}
				if err := f.SetConditionalFormat("名册", "E3:F3", []excelize.ConditionalFormatOptions{{Type: "formula", Criteria: tc.formula, Format: &dxf}}); err != nil {
					t.Fatal(err)
				}
			}}.bytes(t)
			original := read(t, data)
			if got := rejections(original, 3)[model.FieldJoinDate]; !strings.Contains(got, conditionalFormatReason) {
				t.Fatalf("row 3 加入党组织日期: %q, want the conditional format refusal", got)
			}
			var out bytes.Buffer
			if _, err := WriteRejectedRows(&out, data, original.Rejected, nil); err != nil {
				t.Fatal(err)
			}
			cp, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			defer cp.Close()
			rules, err := cp.GetConditionalFormats("名册")
			if err != nil {
				t.Fatal(err)
			}
			want := strings.ReplaceAll(tc.formula, "3", "2") // row 3 of the original is row 2 of the copy
			for _, ref := range []string{"E2", "F2"} {
				r := rules[ref]
				if len(r) != 1 || r[0].Type != "formula" || r[0].Criteria != want || r[0].Format == nil {
					t.Fatalf("the copy's %s has rules %+v, want the formula %s", ref, r, want)
				}
			}
			// excelize's GetConditionalStyle misses a differential
			// format's own number format: read as the import reads it.
			bk, err := openWorkbook(out.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			defer bk.Close()
			if df := bk.pkg.dxfs[*rules["E2"][0].Format]; df == nil || df.code != `yyyy"年"m"月"` {
				t.Errorf("the copy's rule shows through %+v, want yyyy\"年\"m\"月\"", df)
			}
			fixed := read(t, setCells(t, out.Bytes(), map[string]string{"B2": "男"}))
			if len(fixed.Members) != 0 || !strings.Contains(rejections(fixed, 2)[model.FieldJoinDate], conditionalFormatReason) {
				t.Errorf("the copy fixed for 性别: members %+v, refusals %q; want refused again for the rule", fixed.Members, refusals(fixed))
			}
		})
	}
}
