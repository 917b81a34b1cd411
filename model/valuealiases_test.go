package model

import "testing"

func TestEthnicitiesAreTheFiftySix(t *testing.T) {
	seen := make(map[string]bool)
	for _, e := range Ethnicities {
		if seen[e] {
			t.Errorf("%s listed twice", e)
		}
		seen[e] = true
	}
	if len(Ethnicities) != 56 || Ethnicities[0] != "汉族" {
		t.Errorf("%d ethnicities starting with %s, want the 56 of GB 3304 starting with 汉族", len(Ethnicities), Ethnicities[0])
	}
}

func TestNormalizeAsTyped(t *testing.T) {
	tests := []struct {
		name string
		fn   func(string) string
		in   string
		want string
	}{
		{"学历 大学本科", NormalizeEducation, "大学本科", "大学"},
		{"学历 本科", NormalizeEducation, " 本科 ", "大学"},
		{"学历 研究生 is most often 硕士", NormalizeEducation, "研究生", "硕士研究生"},
		{"学历 研究生（博士）", NormalizeEducation, "研究生（博士）", "博士研究生"},
		{"学历 高中", NormalizeEducation, "高中", "普通高中"},
		{"学历 技校", NormalizeEducation, "技校", "技工学校"},
		{"学历 unknown kept as typed", NormalizeEducation, "党校研究生", "党校研究生"},
		{"民族 汉", NormalizeEthnicity, "汉", "汉族"},
		{"民族 维吾尔", NormalizeEthnicity, "维吾尔", "维吾尔族"},
		{"民族 already 回族", NormalizeEthnicity, "回族", "回族"},
		{"民族 unknown kept", NormalizeEthnicity, "穿青人", "穿青人"},
		{"民族 empty", NormalizeEthnicity, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.fn(tt.in); got != tt.want {
				t.Errorf("%q → %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseCodedValues(t *testing.T) {
	tests := []struct {
		name string
		got  func() (string, bool)
		want string
		ok   bool
	}{
		{"性别 男性", func() (string, bool) { s, ok := ParseSex("男性"); return string(s), ok }, "男", true},
		{"性别 女", func() (string, bool) { s, ok := ParseSex(" 女 "); return string(s), ok }, "女", true},
		{"性别 empty comes from the ID number", func() (string, bool) { s, ok := ParseSex(""); return string(s), ok }, "", true},
		{"性别 M is not known", func() (string, bool) { s, ok := ParseSex("M"); return string(s), ok }, "", false},
		{"人员类别 正式", func() (string, bool) { c, ok := ParseCategory("正式"); return string(c), ok }, "正式党员", true},
		{"人员类别 预备党员", func() (string, bool) { c, ok := ParseCategory("预备党员"); return string(c), ok }, "预备党员", true},
		{"人员类别 积极分子 is not a member", func() (string, bool) { c, ok := ParseCategory("积极分子"); return string(c), ok }, "", false},
		{"党籍状态 停止", func() (string, bool) { s, ok := ParseStanding("停止"); return string(s), ok }, "停止党籍", true},
		{"党籍状态 正常", func() (string, bool) { s, ok := ParseStanding("正常"); return string(s), ok }, "正常", true},
		{"党籍状态 开除", func() (string, bool) { s, ok := ParseStanding("开除"); return string(s), ok }, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.got()
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %q, %v; want %q, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}
