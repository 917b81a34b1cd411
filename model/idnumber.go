package model

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// 公民身份号码 (citizen ID number), GB 11643-1999: 17 digits, the last of them
// giving the sex, then a check character by ISO 7064 MOD 11-2.
var (
	idWeights    = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	idCheckChars = "10X98765432"
)

// Errors an ID number can fail with; each message is shown to the user as is.
var (
	ErrIDLength   = errors.New("公民身份号码应为18位")
	ErrIDChars    = errors.New("公民身份号码前17位应为数字，最后一位为数字或X")
	ErrIDBirth    = errors.New("公民身份号码中的出生日期（第7–14位）不存在")
	ErrIDChecksum = errors.New("公民身份号码校验位不正确，请核对是否输错")
)

// IDInfo is what an ID number says about its holder.
type IDInfo struct {
	Number string // normalised: 18 characters, upper-case X
	Birth  Date
	Sex    Sex
}

// NormalizeIDNumber removes spaces and invisible characters (CleanText) and
// turns full-width digits and a lower-case x into the stored form. It does
// not validate, and does not upgrade a 15-digit number (UpgradeIDNumber).
func NormalizeIDNumber(s string) string {
	if isStoredIDForm(s) {
		return s // the common case, already in the stored form: no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range CleanText(s) {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + (r - '０'))
		case r == 'x' || r == 'ｘ' || r == 'Ｘ':
			b.WriteByte('X')
		case unicode.IsSpace(r) || r == '\'' || r == '‘' || r == '’':
			// padding, and the apostrophe Excel users type to force text
		case r == '-' || r == '－' || r == '‐' || r == '‑':
			// 510104-19740505-1096: the parts set apart, as with spaces
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isStoredIDForm reports whether s holds only what NormalizeIDNumber keeps
// as it is: ASCII digits and an upper-case X.
func isStoredIDForm(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && c != 'X' {
			return false
		}
	}
	return true
}

// UpgradeIDNumber turns an old 15-digit 公民身份号码 (issued before 1999:
// 6 digits of area, the birth date as YYMMDD, 3 of sequence) into its
// 18-digit form by the rule of GB 11643-1999: "19" goes before the
// two-digit year and the check character is computed. ok is false, and s is
// returned as given, for anything but 15 digits (after NormalizeIDNumber)
// holding a real date of birth.
func UpgradeIDNumber(s string) (string, bool) {
	n := NormalizeIDNumber(s)
	if len(n) != 15 || !IsDigits(n) {
		return s, false
	}
	first17 := n[:6] + "19" + n[6:]
	birth := Date{Year: atoi(first17[6:10]), Month: time.Month(atoi(first17[10:12])), Day: atoi(first17[12:14])}
	if birth.Validate() != nil {
		return s, false
	}
	return first17 + string(IDCheckChar(first17)), true
}

// StoredIDNumber is the form an ID number is stored and compared in:
// NormalizeIDNumber's, with an old 15-digit number upgraded to its 18-digit
// form by the national rule (UpgradeIDNumber). It does not validate.
func StoredIDNumber(s string) string {
	up, _ := UpgradeIDNumber(NormalizeIDNumber(s))
	return up
}

// ParseIDNumber validates an ID number and reads the birth date and sex from it.
func ParseIDNumber(s string) (IDInfo, error) {
	n := NormalizeIDNumber(s)
	if len(n) == 15 && IsDigits(n) {
		// An old 15-digit number is upgraded where it is read
		// (UpgradeIDNumber); one that was not, whose digits 9–12 still read
		// as a month and a day (0230), holds a date of birth that never
		// was, which is what is wrong with it. Otherwise it is most likely
		// an 18-digit number cut short (19850312…).
		month, day := atoi(n[8:10]), atoi(n[10:12])
		birth := Date{Year: 1900 + atoi(n[6:8]), Month: time.Month(month), Day: day}
		if month >= 1 && month <= 12 && day >= 1 && day <= 31 && birth.Validate() != nil {
			return IDInfo{}, &idError{kind: ErrIDBirth, msg: fmt.Sprintf("15位的旧公民身份号码中的出生日期（第7–12位“%s”，即19%s年%d月%d日）不存在，请核对",
				n[6:12], n[6:8], atoi(n[8:10]), atoi(n[10:12]))}
		}
		if birth.Validate() != nil {
			// Neither a whole 18-digit number nor an old 15-digit one: both
			// said, since 15-digit numbers are accepted and upgraded.
			return IDInfo{}, &TextError{Kind: ErrIDLength, Bare: true,
				Text: errorText("公民身份号码应为18位（现为15位）；若是15位的旧号码，其中的出生日期（第7–12位“%s”）不是有效日期，请核对", n[6:12])}
		}
	}
	if count := utf8.RuneCountInString(n); count != 18 {
		return IDInfo{}, &TextError{Kind: ErrIDLength, Text: errorText("公民身份号码应为18位（现为%d位）", count), Bare: true}
	}
	if err := idCharsError(n); err != nil {
		return IDInfo{}, err
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := n[i]
		if c < '0' || c > '9' {
			return IDInfo{}, ErrIDChars
		}
		sum += int(c-'0') * idWeights[i]
	}
	last := n[17]
	if (last < '0' || last > '9') && last != 'X' {
		return IDInfo{}, ErrIDChars
	}
	birth := Date{Year: atoi(n[6:10]), Month: time.Month(atoi(n[10:12])), Day: atoi(n[12:14])}
	if birth.Validate() != nil {
		return IDInfo{}, ErrIDBirth
	}
	if idCheckChars[sum%11] != last {
		return IDInfo{}, ErrIDChecksum
	}
	sex := SexMale
	if (n[16]-'0')%2 == 0 {
		sex = SexFemale
	}
	return IDInfo{Number: n, Birth: birth, Sex: sex}, nil
}

// IDCheckChar returns the check character for the first 17 digits of an ID
// number; used to make valid sample numbers.
func IDCheckChar(first17 string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return idCheckChars[sum%11]
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// idError is a problem of an ID number said in its own words, still
// matching the Err value of its kind (errors.Is).
type idError struct {
	kind error
	msg  string
}

func (e *idError) Error() string { return e.msg }
func (e *idError) Unwrap() error { return e.kind }

// xLookalikes are characters that look like the X an ID number may end
// with, and what they are: pasted from a web page or typed with another
// keyboard, the cell shows an X the rule says is allowed (review
// s13-attack #9).
var xLookalikes = map[rune]string{
	'Х': "西里尔字母", 'х': "西里尔字母", 'Χ': "希腊字母", 'χ': "希腊字母", '×': "乘号",
	'Ⅹ': "罗马数字", 'ⅹ': "罗马数字", '✕': "符号", '✖': "符号", '✗': "符号", '✘': "符号", '╳': "符号",
}

// idCharsError names the first character of the 18 of n that is not where
// it may be, when it looks like an X: the rule alone (最后一位为数字或X)
// does not tell the user what is wrong with a cell that shows one.
func idCharsError(n string) error {
	i := 0
	for _, r := range n {
		i++
		if r >= '0' && r <= '9' || i == 18 && r == 'X' {
			continue
		}
		what, ok := xLookalikes[r]
		switch {
		case !ok:
			return nil // said by the rule (ErrIDChars)
		case i == 18:
			return &TextError{Kind: ErrIDChars, Bare: true, Text: errorText("公民身份号码最后一位是%s“%s”，不是字母 X；请删去后重新输入 X", Term(what), string(r))}
		default:
			return &TextError{Kind: ErrIDChars, Bare: true, Text: errorText("公民身份号码第%d位是%s“%s”，应为数字", i, Term(what), string(r))}
		}
	}
	return nil
}
