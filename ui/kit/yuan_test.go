package kit

import (
	"regexp"
	"testing"

	"branchledger/assets"
)

// An English sentence does not write ¥ before an argument: a money
// argument prints its own (translatedArg), and "¥%s" printed
// "153 months, ¥¥10840.88" (review s14-attack8 #35).
func TestEnglishPutsNoYuanBeforeAnArgument(t *testing.T) {
	en, err := assets.MessageMap("en")
	if err != nil {
		t.Fatal(err)
	}
	before := regexp.MustCompile(`¥%`)
	for k, v := range en {
		s, ok := v.(string)
		if ok && before.MatchString(s) {
			t.Errorf("%q → %q writes ¥ before an argument", k, s)
		}
	}
}
