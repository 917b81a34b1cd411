package model

import (
	"strings"
	"testing"
)

// 民族 is one of the 56 of GB 3304-91, or what an ID card carries besides
// (穿青人, 其他, 外国血统, a note in brackets); anything else is refused
// naming the value, in forms as in the import (review s8-7 attack #2).
func TestKnownEthnicity(t *testing.T) {
	if n := len(GB3304_1991.Names); n != 56 {
		t.Fatalf("GB 3304-91 lists 56 nationalities, the table %d", n)
	}
	seen := map[string]bool{}
	for _, n := range GB3304_1991.Names {
		if seen[n] || !strings.HasSuffix(n, "族") {
			t.Errorf("%q repeated or not a 民族 name", n)
		}
		seen[n] = true
	}
	for s, want := range map[string]bool{
		"汉族": true, "基诺族": true, "柯尔克孜族": true, "穿青人": true, "其他": true, "外国血统": true,
		"纳西族（摩梭人）": true, "乌克兰（入籍）": true,
		"汉民": false, "中国": false, "汉": false, "中华民族": false, "汉族人": false, "摩梭人": false, "Han": false,
	} {
		if got := KnownEthnicity(s); got != want {
			t.Errorf("KnownEthnicity(%q) = %v, want %v", s, got, want)
		}
	}
	if got := NormalizeEthnicity("汉"); got != "汉族" {
		t.Errorf("NormalizeEthnicity(汉) = %q", got)
	}
	m := NewMember()
	m.Name, m.IDNumber, m.Sex, m.JoinDate, m.FullDate = "甲", "110101198001010010", SexMale, MonthDate(2008, 6), MonthDate(2009, 6)
	m.Ethnicity = "汉民"
	errs := m.Validate(NewDate(2026, 12, 1), CurrentRules())
	if len(errs) != 1 || errs[0].Field != FieldEthnicity || !strings.Contains(errs[0].Message, "“汉民”不是民族名称，应填写如“汉族”") {
		t.Errorf("errors %+v", errs)
	}
	m.Ethnicity = "穿青人"
	if errs := m.Validate(NewDate(2026, 12, 1), CurrentRules()); len(errs) != 0 {
		t.Errorf("穿青人: %+v", errs)
	}
}
