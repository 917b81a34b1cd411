package ui

import (
	"testing"

	"branchledger/model"
)

// Every 民族 the standard lists, and every entry the registration rules add,
// reads in English by its GB 3304 romanisation on the roster and the member
// page; in Chinese it stays as typed (review s9-8 #13).
func TestEthnicityInTheUILanguage(t *testing.T) {
	names := append(append([]string(nil), model.CurrentEthnicities.Names...), model.CurrentEthnicities.Registered...)
	for _, tc := range []struct {
		l    Language
		want map[string]string
	}{
		{Chinese, map[string]string{"汉族": "汉族", "藏族": "藏族", "穿青人": "穿青人"}},
		{English, map[string]string{"汉族": "Han", "藏族": "Zang", "维吾尔族": "Uygur", "基诺族": "Jino", "穿青人": "Chuanqing", "其他": "Other"}},
	} {
		if err := useLanguage(tc.l); err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			got := fieldValue(&model.Member{Ethnicity: name}, model.FieldEthnicity)
			if want, ok := tc.want[name]; ok && got != want {
				t.Errorf("%v: %s shows %q, want %q", tc.l, name, got, want)
			}
			if tc.l == English && han.MatchString(got) {
				t.Errorf("English: %s shows %q", name, got)
			}
		}
		// A note the registration rules allow stays as typed: it is data.
		if got := fieldValue(&model.Member{Ethnicity: "纳西族（摩梭人）"}, model.FieldEthnicity); got != "纳西族（摩梭人）" {
			t.Errorf("%v: 纳西族（摩梭人） shows %q", tc.l, got)
		}
	}
	_ = useLanguage(Chinese)
}
