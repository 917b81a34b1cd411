package xlsx

import (
	"testing"

	"branchledger/model"
)

// What a number format shows of a date, read from its code the way Excel
// reads it (issue 7 §3): the format, not a guess, decides the precision.
func TestFormatDateShown(t *testing.T) {
	tests := []struct {
		code                   string
		date, year, month, day bool
	}{
		{`yyyy"年"m"月"`, true, true, true, false},
		{`yyyy"年"m"月"d"日"`, true, true, true, true},
		{"yyyy-mm", true, true, true, false},
		{"yyyy.mm", true, true, true, false},
		{"yyyy/m", true, true, true, false},
		{"yyyy-mm-dd", true, true, true, true},
		{"yyyy/m/d h:mm", true, true, true, true},
		{"[$-804]yyyy\"年\"m\"月\";@", true, true, true, false},
		{"[DBNum1][$-804]yyyy\"年\"m\"月\"", true, true, true, false},
		{`m"月"d"日"`, true, false, true, true},
		{"mmm-yy", true, true, true, false},
		{"yyyy", true, true, false, false},
		{"h:mm", true, false, false, false},
		{"mm:ss", true, false, false, false},
		{"General", false, false, false, false},
		{"0.00", false, false, false, false},
		{"@", false, false, false, false},
		{`0"年"`, false, false, false, false},
		{`#,##0.00;[Red]-#,##0.00`, false, false, false, false},
		{`yyyy\-mm`, true, true, true, false},
		{"e年m月", true, true, true, false},
		{"yyyy年m月d日 aaaa", true, true, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			d := formatDateShown(tt.code)
			if d.date != tt.date || d.year != tt.year || d.month != tt.month || d.day != tt.day {
				t.Errorf("formatDateShown(%q) = %+v, want date %v year %v month %v day %v", tt.code, d, tt.date, tt.year, tt.month, tt.day)
			}
		})
	}
}

// Built-in formats: 57 is yyyy"年"m"月" in a Chinese Excel; 14 is the
// short date.
func TestBuiltinDateFormats(t *testing.T) {
	for id, want := range map[int][3]bool{14: {true, true, true}, 57: {true, true, false}, 58: {false, true, true}, 17: {true, true, false}, 31: {true, true, true}} {
		d := builtinDates[id]
		if got := [3]bool{d.year, d.month, d.day}; got != want {
			t.Errorf("built-in %d: %v, want %v", id, got, want)
		}
	}
	if _, ok := builtinDates[0]; ok {
		t.Error("General is not a date")
	}
}

func TestNumericYearMonth(t *testing.T) {
	tests := []struct {
		in   string
		want model.Date
		err  bool
	}{
		{"1985.03", model.MonthDate(1985, 3), false},
		{"1985.12", model.MonthDate(1985, 12), false},
		{"1985.2", model.MonthDate(1985, 2), false},
		{"1985.0299999999999", model.MonthDate(1985, 3), false},
		{"1985.1", model.Date{}, true},
		{"1985.13", model.Date{}, true},
	}
	for _, tt := range tests {
		got, err := numericYearMonth(tt.in)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("numericYearMonth(%q) = %v, %v", tt.in, got, err)
		}
	}
}
