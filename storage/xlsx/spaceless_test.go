package xlsx

import (
	"strings"
	"testing"
)

func TestSpacelessIsJoinFields(t *testing.T) {
	for _, s := range []string{"", "张三", " 张 三 ", "a\tb", "x\u00a0y", "x\u0085y", "\u1680", "a\u2003b", "a\u2028b", "a\u202fb", "a\u205fb",
		"第一\u3000党支部", "、。（）", "\u3001", "a\u2010b", "\u2070", "\xe2", "\xe3\x80", "\xc2", "\xff\xfe", "已转出（2020.1）", "a\vb\fc\rd"} {
		if got, want := spaceless(s), strings.Join(strings.Fields(s), ""); got != want {
			t.Errorf("spaceless(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzSpaceless(f *testing.F) {
	f.Add("第一 党支部\u3000")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := spaceless(s), strings.Join(strings.Fields(s), ""); got != want {
			t.Errorf("spaceless(%q) = %q, want %q", s, got, want)
		}
	})
}
