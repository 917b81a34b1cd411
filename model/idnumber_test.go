package model

import (
	"errors"
	"testing"
)

// Cases from GB 11643-1999 as summarised in RULES.md §4.
func TestParseIDNumber(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		birth   Date
		sex     Sex
		wantErr error
	}{
		{"valid_male", "622421197109249938", "622421197109249938", NewDate(1971, 9, 24), SexMale, nil},
		{"valid_female", "620503197706068044", "620503197706068044", NewDate(1977, 6, 6), SexFemale, nil},
		{"check_X_upper", "11010519491231002X", "11010519491231002X", NewDate(1949, 12, 31), SexFemale, nil},
		{"check_x_lower_is_stored_upper", "11010519491231002x", "11010519491231002X", NewDate(1949, 12, 31), SexFemale, nil},
		{"padded_and_fullwidth", " ６２２４２１１９７１０９２４９９３８ ", "622421197109249938", NewDate(1971, 9, 24), SexMale, nil},
		{"wrong_check_digit", "622421197109249937", "", Date{}, "", ErrIDChecksum},
		{"excel_lost_digits", "620503198712143000", "", Date{}, "", ErrIDChecksum},
		{"too_short_15_digit_old_id", "620421710924993", "", Date{}, "", ErrIDLength},
		{"letters", "62042119710924993A", "", Date{}, "", ErrIDChars},
		{"impossible_birth_date", "620421197102309938", "", Date{}, "", ErrIDBirth},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := ParseIDNumber(tt.in)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("ParseIDNumber(%q) error = %v, want %v", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseIDNumber(%q): %v", tt.in, err)
			}
			if info.Number != tt.want || info.Birth != tt.birth || info.Sex != tt.sex {
				t.Errorf("got %+v, want number %s birth %s sex %s", info, tt.want, tt.birth, tt.sex)
			}
		})
	}
}

func TestIDCheckCharMatchesParse(t *testing.T) {
	first17 := "62010519900101001"
	id := first17 + string(IDCheckChar(first17))
	if _, err := ParseIDNumber(id); err != nil {
		t.Fatalf("an ID built with IDCheckChar must parse: %v", err)
	}
}
