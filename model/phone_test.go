package model

import "testing"

// A phone written the way people group it is the same phone: a mobile
// number with dashes, dots or brackets is stored as its 11 digits, as one
// with spaces is (attack7 #10); a landline keeps the dash after its area
// code; what is not a phone stays as typed, for Validate to refuse.
func TestNormalizePhoneGroupedNumbers(t *testing.T) {
	tests := []struct{ in, want string }{
		{"137-1234-5610", "13712345610"},
		{"137 1234 5611", "13712345611"},
		{"137.1234.5612", "13712345612"},
		{"(137)1234-5613", "13712345613"},
		{"１３７－１２３４－５６１４", "13712345614"},
		{"137‐1234‐5615", "13712345615"},
		{"137–1234–5616", "13712345616"},
		{"0931-8123456", "0931-8123456"},
		{"0931－8123456转808", "0931-8123456转808"},
		{"137-1234-561", "137-1234-561"},   // 10 digits: not a mobile, refused as typed
		{"12-3456-78901", "12-3456-78901"}, // 11 digits, but no mobile starts 12
		{"电话 137-1234", "电话137-1234"},
	}
	for _, tt := range tests {
		if got := NormalizePhone(tt.in); got != tt.want {
			t.Errorf("NormalizePhone(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, ok := range []string{"137-1234-5610", "(137)1234-5613", "0931-8123456"} {
		m := Member{Phone: ok}
		m.Normalize()
		if !validPhone(m.Phone) {
			t.Errorf("%q normalised to %q is refused", ok, m.Phone)
		}
	}
}

// A mobile number with the +86 prefix and separators, as a phone's contacts
// copy it, is accepted like 139-1234-5678 and +86 13912345678.
func TestPlus86WithSeparators(t *testing.T) {
	for _, in := range []string{"+86 139-1234-5678", "+86 139 1234 5678", "+86-139-1234-5678", "+86 13912345678"} {
		got := NormalizePhone(in)
		if got != "+8613912345678" || !validPhone(got) {
			t.Errorf("NormalizePhone(%q) = %q, valid %v", in, got, validPhone(got))
		}
	}
}

// 0086 is the +86 prefix as dialled from a landline: a mobile after it is
// checked for its 11 digits as after +86, and a landline after either
// prefix keeps its domestic form (review s5-final attack #5).
func TestPrefix0086(t *testing.T) {
	for _, c := range []struct {
		in, want string
		valid    bool
	}{
		{"0086 139 1234 5678", "+8613912345678", true},
		{"0086-13912345678", "+8613912345678", true},
		{"0086 139 1234 567", "+861391234567", false},
		{"00861391234567", "+861391234567", false},
		{"0086 0931 1234567", "09311234567", true},
		{"+86 0931-1234567", "0931-1234567", true},
	} {
		got := NormalizePhone(c.in)
		if got != c.want || validPhone(got) != c.valid {
			t.Errorf("NormalizePhone(%q) = %q, valid %v; want %q, %v", c.in, got, validPhone(got), c.want, c.valid)
		}
	}
}

// A landline with its area code in brackets, as business cards and unit
// rosters print it, is that landline; a cell listing two numbers, or a
// number with a note in brackets, is kept as typed when each number is a
// phone (review s9-7 #4: all three refused the whole member).
func TestPhonesAsRostersWriteThem(t *testing.T) {
	tests := []struct {
		in, want string
		valid    bool
	}{
		{"(010)87654321", "010-87654321", true},
		{"（010）87654321", "010-87654321", true},
		{"(0931)-8123456", "0931-8123456", true},
		{"(0931)8123456转808", "0931-8123456转808", true},
		{"13712345680/13812345678", "13712345680/13812345678", true},
		{"137-1234-5680、(010)87654321", "13712345680、010-87654321", true},
		{"13712345680（本人）", "13712345680(本人)", true},
		{"0931-8123456(办)", "0931-8123456(办)", true},
		{"137 1234 5680（本人）/ 13812345678（家属）", "13712345680(本人)/13812345678(家属)", true},
		// Still refused: a number too short among two, a note alone, an
		// area code that is none.
		{"13712345680/1381234567", "13712345680/1381234567", false},
		{"(本人)", "(本人)", false},
		{"(110)87654321", "(110)87654321", false},
		{"13712345680/", "13712345680/", false},
	}
	for _, tt := range tests {
		got := NormalizePhone(tt.in)
		if got != tt.want {
			t.Errorf("NormalizePhone(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if validPhone(got) != tt.valid {
			t.Errorf("validPhone(%q) = %v, want %v", got, !tt.valid, tt.valid)
		}
	}
}
