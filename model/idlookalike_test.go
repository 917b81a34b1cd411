package model

import (
	"errors"
	"testing"
)

// An ID number whose X is a look-alike (Cyrillic Х, ×, Greek Χ …) is
// refused naming the character: the cell shows an X, and the rule alone
// (最后一位为数字或X) does not say what is wrong (review s13-attack #9).
func TestIDNumberLookalikeXIsNamed(t *testing.T) {
	const body = "11010519460715311" // its check character is X
	tests := []struct {
		name, id, want string
	}{
		{"Cyrillic Х last", body + "Х", "公民身份号码最后一位是西里尔字母“Х”，不是字母 X；请删去后重新输入 X"},
		{"multiplication sign last", body + "×", "公民身份号码最后一位是乘号“×”，不是字母 X；请删去后重新输入 X"},
		{"Greek Χ last", body + "Χ", "公民身份号码最后一位是希腊字母“Χ”，不是字母 X；请删去后重新输入 X"},
		{"Cyrillic х inside", "1101051946071531х1", "公民身份号码第17位是西里尔字母“х”，应为数字"},
		{"another letter: the rule", body + "Y", ErrIDChars.Error()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseIDNumber(tt.id)
			if !errors.Is(err, ErrIDChars) || err.Error() != tt.want {
				t.Errorf("ParseIDNumber(%q) = %v, want %s", tt.id, err, tt.want)
			}
		})
	}
	if info, err := ParseIDNumber(body + "X"); err != nil || info.Number != body+"X" {
		t.Errorf("the real X: %+v %v", info, err)
	}
}
