package xlsx

import (
	"fmt"
	"testing"

	"branchledger/model"
)

// 性别 and 民族 as other systems export them, by code: 1/2 of GB/T 2261.1,
// 01–56 of GB 3304 (a number cell drops the leading zero); a code outside
// them is refused as before (review s9-7 #7: 1, 2 and 01 refused every
// member).
func TestSexAndEthnicityByCode(t *testing.T) {
	tests := []struct {
		sex, eth string
		wantSex  model.Sex
		wantEth  string
		refused  model.Field
	}{
		{"1", "01", model.SexMale, "汉族", ""},
		{"2", "03", model.SexFemale, "回族", ""},
		{"1", "4", model.SexMale, "藏族", ""},
		{"男", "56", model.SexMale, "基诺族", ""},
		{"2", "10", model.SexFemale, "朝鲜族", ""},
		{"3", "01", "", "", model.FieldSex},
		{"1", "57", "", "", model.FieldEthnicity},
		{"1", "00", "", "", model.FieldEthnicity},
	}
	rows := [][]any{{"姓名", "公民身份号码", "性别", "民族", "加入党组织日期", "转为正式党员日期"}}
	for i, tt := range tests {
		seq := fmt.Sprintf("%03d", 11+2*i) // odd: male
		if tt.wantSex == model.SexFemale {
			seq = fmt.Sprintf("%03d", 12+2*i)
		}
		rows = append(rows, []any{fmt.Sprintf("码%d", i), idNumber("19800101", seq), tt.sex, tt.eth, "2008.06", "2009.06"})
	}
	rf := read(t, roster(t, rows))
	for i, tt := range tests {
		t.Run(tt.sex+"|"+tt.eth, func(t *testing.T) {
			if tt.refused != "" {
				if got := rejections(rf, i+2); got[tt.refused] == "" {
					t.Errorf("not refused on %s: %v", tt.refused, got)
				}
				return
			}
			if m := member(t, rf, i+2); m.Sex != tt.wantSex || m.Ethnicity != tt.wantEth {
				t.Errorf("性别 %q 民族 %q; want %q %q", m.Sex, m.Ethnicity, tt.wantSex, tt.wantEth)
			}
		})
	}
}

// A line break in 工作岗位 parts the unit from the post: 某某公司⏎会计 is
// stored 某某公司 会计, not run together (review s9-7 #8); 家庭住址 broken
// by the cell's width stays one word.
func TestLineBreakInPostIsASpace(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "工作岗位", "家庭住址"},
		{"岗一", idNumber("19800101", "011"), "2008.06", "2009.06", "甘肃某某建材有限公司\n会计", "兰州市城关区\n东岗西路"},
		{"岗二", idNumber("19810101", "011"), "2008.06", "2009.06", "某某公司\r\n\n  副总经理 ", nil},
	}))
	if m := member(t, rf, 2); m.Post != "甘肃某某建材有限公司 会计" || m.Address != "兰州市城关区东岗西路" {
		t.Errorf("工作岗位 %q 家庭住址 %q", m.Post, m.Address)
	}
	if m := member(t, rf, 3); m.Post != "某某公司 副总经理" {
		t.Errorf("工作岗位 %q", m.Post)
	}
}

// 学历 研究生 says neither 博士 nor 硕士: kept as written, not stored as
// 硕士研究生 (review s10-attack7 #5: a doctor was stored as 硕士研究生);
// 硕士 and 博士 still read as their codes.
func TestBareGraduateEducationKeptAsWritten(t *testing.T) {
	rf := read(t, roster(t, [][]any{
		{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期", "学历"},
		{"研一", idNumber("19800101", "011"), "2008.06", "2009.06", "研究生"},
		{"研二", idNumber("19810101", "011"), "2008.06", "2009.06", "硕士"},
		{"研三", idNumber("19820101", "011"), "2008.06", "2009.06", "博士"},
	}))
	for row, want := range map[int]string{2: "研究生", 3: "硕士研究生", 4: "博士研究生"} {
		if m := member(t, rf, row); m.Education != want {
			t.Errorf("row %d: 学历 %q, want %q", row, m.Education, want)
		}
	}
}
