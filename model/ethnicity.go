package model

import "strings"

// EthnicityRules are the names a 民族 may take, from one edition of the
// standard that lists them.
type EthnicityRules struct {
	Document  string
	Effective Date
	// Names are the nationalities the standard lists, in its numeric-code
	// order (汉族 01 … 基诺族 56).
	Names []string
	// Registered are the further entries a 居民身份证 may carry for people
	// of no listed nationality, as the registration rules of the Ministry
	// of Public Security write them: 穿青人 and 革家人 (Guizhou), 僜人
	// (Tibet), 其他 for an unidentified group, and 外国血统 for a citizen
	// of foreign descent (the 97/98 entries household registers use beside
	// the 56). GB 3304 itself lists only the 56.
	Registered []string
}

// GB3304_1991 is GB 3304-91 《中国各民族名称的罗马字母拼写法和代码》
// (issued 1991-08-30, in force 1992-04-01, replacing GB 3304-82), table 3
// (by numeric code).
var GB3304_1991 = EthnicityRules{
	Document:  "GB 3304-91 中国各民族名称的罗马字母拼写法和代码",
	Effective: NewDate(1992, 4, 1),
	Names: []string{
		"汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
		"满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
		"佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
		"达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
		"塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
		"独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
	},
	Registered: []string{"穿青人", "革家人", "僜人", "其他", "外国血统", "外国血统中国籍人士"},
}

// CurrentEthnicities is the edition in force.
var CurrentEthnicities = GB3304_1991

// Ethnicities are the 56 民族 of GB 3304, 汉族 first.
var Ethnicities = CurrentEthnicities.Names

// KnownEthnicity reports whether s (as NormalizeEthnicity leaves it) is a
// 民族 an ID card may carry: one of the standard's names or a registered
// entry, or one of those followed by a bracketed note the registration
// rules allow (纳西族（摩梭人）, a naturalised citizen's 乌克兰（入籍）).
// Blank is not checked here: 民族 may be left for later.
func KnownEthnicity(s string) bool {
	r := CurrentEthnicities
	base := s
	if i := strings.IndexAny(s, "（("); i > 0 && (strings.HasSuffix(s, "）") || strings.HasSuffix(s, ")")) {
		base = s[:i]
		if note := strings.Trim(s[i:], "（()）"); note == "入籍" {
			return true
		}
	}
	for _, list := range [][]string{r.Names, r.Registered} {
		for _, n := range list {
			if n == base {
				return true
			}
		}
	}
	return false
}

// EthnicityByCode is the 民族 of a numeric code of the edition in force
// (01 汉族 … 56 基诺族), as other systems' exports write it; a code typed
// into a number cell has lost its leading zero (1). ok is false for
// anything else.
func EthnicityByCode(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 0 || len(s) > 2 || !IsDigits(s) {
		return "", false
	}
	n := int(s[0] - '0')
	if len(s) == 2 {
		n = n*10 + int(s[1]-'0')
	}
	if n < 1 || n > len(CurrentEthnicities.Names) {
		return "", false
	}
	return CurrentEthnicities.Names[n-1], true
}

// Choices are the entries a form offers for 民族: the standard's names in
// its order, then the registered entries.
func (r EthnicityRules) Choices() []string {
	return append(append([]string(nil), r.Names...), r.Registered...)
}
