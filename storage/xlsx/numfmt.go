package xlsx

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// dateShown is what a cell's number format shows of a date: a date cell
// means what it shows, so "2008年6月" is June 2008 to the month, exactly as
// the same text typed by hand, not the 1st of June that Excel stores.
type dateShown struct {
	date             bool // the format shows the number as a date or a time
	year, month, day bool // which parts of a date it shows
	time             bool // it shows a time of day
	general          bool // General: the number as it is
}

// builtinDates are Excel's built-in number formats that show dates, read
// the way a Chinese (zh-CN) Excel or WPS shows them; 14 and 22 are the
// system's short date, which shows year, month and day everywhere.
var builtinDates = map[int]dateShown{
	14: {date: true, year: true, month: true, day: true},
	15: {date: true, year: true, month: true, day: true}, // d-mmm-yy
	16: {date: true, month: true, day: true},             // d-mmm
	17: {date: true, year: true, month: true},            // mmm-yy
	18: {date: true, time: true}, 19: {date: true, time: true}, 20: {date: true, time: true}, 21: {date: true, time: true},
	22: {date: true, year: true, month: true, day: true, time: true},
	27: {date: true, year: true, month: true}, // yyyy"年"m"月"
	28: {date: true, month: true, day: true},  // m"月"d"日"
	29: {date: true, month: true, day: true},
	30: {date: true, year: true, month: true, day: true}, // m/d/yy
	31: {date: true, year: true, month: true, day: true}, // yyyy"年"m"月"d"日"
	32: {date: true, time: true}, 33: {date: true, time: true}, 34: {date: true, time: true}, 35: {date: true, time: true},
	36: {date: true, year: true, month: true},
	45: {date: true, time: true}, 46: {date: true, time: true}, 47: {date: true, time: true},
	50: {date: true, year: true, month: true},
	51: {date: true, month: true, day: true},
	52: {date: true, year: true, month: true},
	53: {date: true, month: true, day: true},
	54: {date: true, month: true, day: true},
	55: {date: true, time: true}, 56: {date: true, time: true},
	57: {date: true, year: true, month: true},
	58: {date: true, month: true, day: true},
}

// styleDateShown reads what a cell style's number format shows, through
// excelize's style API: a built-in format by its number, a custom one by
// its code.
func styleDateShown(st *excelize.Style) dateShown {
	if st == nil {
		return dateShown{general: true}
	}
	if st.CustomNumFmt != nil {
		return formatDateShown(*st.CustomNumFmt)
	}
	if d, ok := builtinDates[st.NumFmt]; ok {
		return d
	}
	return dateShown{general: st.NumFmt == 0}
}

// formatDateShown reads a number format code (the first section, for
// positive numbers): which date and time parts it shows. Text in quotes,
// escaped characters, [brackets] (colours, locales, conditions) and the
// padding of _ and * are not format letters. An m is minutes after an h or
// before an s, as Excel reads it, else months.
func formatDateShown(code string) dateShown {
	if strings.EqualFold(strings.TrimSpace(code), "general") {
		return dateShown{general: true}
	}
	var d dateShown
	var letters []byte // the date and time letters in order, one per run
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == ';':
			i = len(code) // only the first section
			continue
		case c == '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(code)
			}
			continue
		case c == '\\' || c == '_' || c == '*':
			i++
			continue
		case c == '[':
			j := strings.IndexByte(code[i+1:], ']')
			if j < 0 {
				i = len(code)
				continue
			}
			inner := strings.ToLower(code[i+1 : i+1+j])
			if inner != "" && strings.Trim(inner, "hms") == "" {
				letters = append(letters, inner[0]) // elapsed time [h], [mm], [ss]
				d.time = true
			}
			i += j + 1
			continue
		}
		switch lc := c | 0x20; lc {
		case 'y', 'e', 'b': // years; e and bbbb are era and Buddhist years
			if lc == 'b' && !strings.HasPrefix(strings.ToLower(code[i:]), "bb") {
				continue
			}
			d.year = true
			letters = appendRun(letters, 'y')
		case 'd':
			d.day = true
			letters = appendRun(letters, 'd')
		case 'a':
			// aaa / aaaa: the weekday in Chinese; AM/PM and A/P: a time
			rest := strings.ToLower(code[i:])
			switch {
			case strings.HasPrefix(rest, "am/pm"):
				d.time = true
				i += 4
			case strings.HasPrefix(rest, "a/p"):
				d.time = true
				i += 2
			case strings.HasPrefix(rest, "aaa"):
				d.day = true
				for i+1 < len(code) && code[i+1]|0x20 == 'a' {
					i++
				}
			}
		case 'h', 's':
			d.time = true
			letters = appendRun(letters, lc)
		case 'm':
			letters = appendRun(letters, 'm')
		}
	}
	// Months or minutes: an m run right after an h or right before an s
	// is minutes.
	for k, l := range letters {
		if l != 'm' {
			continue
		}
		minutes := (k > 0 && letters[k-1] == 'h') || (k+1 < len(letters) && letters[k+1] == 's')
		if minutes {
			d.time = true
		} else {
			d.month = true
		}
	}
	d.date = d.year || d.month || d.day || d.time
	return d
}

// appendRun appends a letter unless the run of that letter continues
// ("yyyy" is one year).
func appendRun(letters []byte, l byte) []byte {
	if n := len(letters); n > 0 && letters[n-1] == l {
		return letters
	}
	return append(letters, l)
}
