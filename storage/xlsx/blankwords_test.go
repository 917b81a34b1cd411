package xlsx

import (
	"fmt"
	"strings"
	"testing"

	"branchledger/model"
)

// 无, —, /, 暂无, 无电话 in 联系电话 and in a date the form may leave blank
// are the blank written out: read as blank, neither refused nor stored as
// the phone (issue 7: each refused the member as "联系电话格式不正确" or
// "无法识别日期"). 加入党组织日期, which every member has, still refuses 无.
func TestNoneWordsReadAsBlank(t *testing.T) {
	for i, v := range []string{"无", "—", "/", "-", "－", "暂无", "无电话", "暂无手机号", "没有联系电话", "（无）", "不详"} {
		t.Run(v, func(t *testing.T) {
			var date any = v
			if strings.ContainsAny(v, "电话手机") {
				date = nil // a phone's words, not a date's
			}
			rf := read(t, roster(t, [][]any{
				{"姓名", "公民身份号码", "人员类别", "所在党支部", "加入党组织日期", "转为正式党员日期", "联系电话", "到本支部日期", "出生日期"},
				{"钱二", idNumber("19900315", fmt.Sprintf("%03d", 2*i+2)), "预备党员", "第一党支部", "2026-03-01", date, v, date, date},
				{"孙三", idNumber("19800101", "011"), "正式党员", "第一党支部", v, "2001-07-01", "13712345678", nil, nil},
			}))
			m := member(t, rf, 2)
			if m.Phone != "" || !m.FullDate.IsZero() || !m.ArrivedOn.IsZero() || m.BirthDate != model.NewDate(1990, 3, 15) {
				t.Errorf("电话 %q 转正 %v 到本支部 %v 出生 %v; want blank, blank, blank, 1990-03-15 from the ID", m.Phone, m.FullDate, m.ArrivedOn, m.BirthDate)
			}
			if m.Category != model.CategoryProbationary {
				t.Errorf("category %q", m.Category)
			}
			if got := rejections(rf, 3)[model.FieldJoinDate]; got == "" {
				t.Errorf("加入党组织日期 %q was not refused", v)
			}
		})
	}
}

// NaN (another program's "no number") and a formula's error (#N/A,
// #VALUE!, #REF!), as an error cell or as its text, are refused naming the
// cell, in every field: not read as blank, not stored as text.
func TestErrorValuesRefusedNamingTheCell(t *testing.T) {
	for _, v := range []string{"NaN", "nan", "#N/A", "#VALUE!", "#REF!"} {
		t.Run("text "+v, func(t *testing.T) {
			rf := read(t, roster(t, [][]any{
				{"姓名", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期", "联系电话", "工作岗位", "到本支部日期"},
				{"赵一", idNumber("19800101", "011"), "正式党员", "2010-07-01", "2011-07-01", v, v, v},
			}))
			got := rejections(rf, 2)
			for f, ref := range map[model.Field]string{model.FieldPhone: "F2", model.FieldPost: "G2", model.FieldArrivedOn: "H2"} {
				if !strings.Contains(got[f], ref+"单元格") || !strings.Contains(got[f], v) {
					t.Errorf("%s: refused %q; want it to name %s and %s", f.Label(), got[f], ref, v)
				}
			}
			if len(rf.Members) != 0 {
				t.Errorf("imported %v", rf.Members)
			}
		})
	}
	for _, v := range []string{"#N/A", "#VALUE!", "#REF!"} {
		t.Run("error cell "+v, func(t *testing.T) {
			sheet := fmt.Sprintf(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+
				`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>联系电话</t></is></c></row>`+
				`<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" t="inlineStr"><is><t>2010-07-01</t></is></c><c r="D2" t="e"><f>VLOOKUP(A2,通讯录!A:B,2,0)</f><v>%s</v></c></row>`+
				`</sheetData></worksheet>`, v)
			rf := read(t, minimalPackage(t, sheet, fuzzShared))
			if got := rejections(rf, 2)[model.FieldPhone]; !strings.Contains(got, "D2单元格") || !strings.Contains(got, v) {
				t.Errorf("联系电话 refused %q; want it to name D2 and %s", got, v)
			}
		})
	}
}

// 无 in 手机 beside a 座机 under 联系电话 is the blank beside the landline:
// the landline is the phone, not refused as two numbers that differ; 无 in
// the 座机 is no second number.
func TestNoneBesideTheOtherPhone(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "入党时间", "转正时间", "联系电话", nil},
		{nil, nil, nil, nil, "手机", "座机"},
		{"丙一", idNumber("19800101", "011"), "2008.06", "2009.06", "无", "010-87654322"},
		{"丙二", idNumber("19800101", "022"), "2008.06", "2009.06", "13712345611", "无"},
	}, [2]string{"A1", "A2"}, [2]string{"B1", "B2"}, [2]string{"C1", "C2"}, [2]string{"D1", "D2"}, [2]string{"E1", "F1"}))
	if m := member(t, rf, 3); m.Phone != "010-87654322" {
		t.Errorf("丙一's phone %q, want the landline", m.Phone)
	}
	if m := member(t, rf, 4); m.Phone != "13712345611" {
		t.Errorf("丙二's phone %q, want the mobile", m.Phone)
	}
	for _, n := range rf.Notes {
		if n.Field == model.FieldPhone && n.Row >= 3 {
			t.Errorf("note %q", n.Message)
		}
	}
}
