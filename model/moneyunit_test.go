package model

import "testing"

// An amount in 万 is refused for its unit, not for its decimals (review
// s7-7 attack #9).
func TestParseMoneyInWan(t *testing.T) {
	for _, in := range []string{"0.54万", "0.54万元", "1万"} {
		_, err := ParseMoney(in)
		if err == nil || err.Error() != "金额格式不正确：“"+in+"”带单位“万”，请写成以元为单位的金额，如 5400" {
			t.Errorf("ParseMoney(%q): %v", in, err)
		}
	}
}
