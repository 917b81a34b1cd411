package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// isCleanByRune is isClean as it was before its fast path for ideographs:
// every rune decoded and asked.
func isCleanByRune(s string) bool {
	for _, r := range s {
		if r < 0x80 {
			if r < 0x20 && r != '\n' || r == 0x7f {
				return false
			}
			continue
		}
		if r == '\r' || r == '\t' || isLookalikeSpace(r) || invisible(r) || r == 0x2028 || r == 0x2029 || lookalikeIdeograph(r) {
			return false
		}
	}
	return true
}

func TestIsCleanFastPathAgrees(t *testing.T) {
	for _, s := range []string{"", "张三", "第一党支部", "丁健健\u200b", "\u4000\u9fff", "\u3400\u3164", "\u2f00", "\uf900", "\ufa08",
		"\xe4\xb8", "\xe4\xb8\xff", "\xe9\x80\x80", "\xe4", "a\u00a0", "\ufffd", "\ufeff张", "甘肃省兰州市西津东路233号", "a\tb", "x\ry"} {
		if got, want := isClean(s), isCleanByRune(s); got != want {
			t.Errorf("isClean(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzIsClean(f *testing.F) {
	f.Add("张三\u200b")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isClean(s), isCleanByRune(s); got != want {
			t.Errorf("isClean(%q) = %v, want %v (valid UTF-8 %v)", s, got, want, utf8.ValidString(s))
		}
	})
}

func FuzzTrimSpace(f *testing.F) {
	for _, s := range []string{"张三", " 张三 ", "张\u3000", "\u3000张", "丁健健", "\xe4\xb8", "张\xe4\xb8\xad\xad", "\xb8\xad张", "a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := TrimSpace(s), strings.TrimSpace(s); got != want {
			t.Errorf("TrimSpace(%q) = %q, want %q", s, got, want)
		}
	})
}
