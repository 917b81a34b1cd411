package xlsx

import "strings"

// spaceless is strings.Join(strings.Fields(s), ""): s without its white
// space (unicode.IsSpace). The importer asks it of cells many times a row,
// and most cells have none: s itself is returned then, nothing allocated.
func spaceless(s string) string {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\v', '\f', '\r':
			return strings.Join(strings.Fields(s), "")
		case 0xc2: // U+0085, U+00A0
			if i+1 < len(s) && (s[i+1] == 0x85 || s[i+1] == 0xa0) {
				return strings.Join(strings.Fields(s), "")
			}
		case 0xe1: // U+1680
			if i+2 < len(s) && s[i+1] == 0x9a && s[i+2] == 0x80 {
				return strings.Join(strings.Fields(s), "")
			}
		case 0xe2: // U+2000–U+207F: the typographic spaces, U+2028, U+2029, U+202F, U+205F
			if i+1 < len(s) && (s[i+1] == 0x80 || s[i+1] == 0x81) {
				return strings.Join(strings.Fields(s), "")
			}
		case 0xe3: // U+3000
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 {
				return strings.Join(strings.Fields(s), "")
			}
		}
	}
	return s
}
