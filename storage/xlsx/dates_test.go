package xlsx

import "testing"

func TestNotADateNamesTheDateItMayBe(t *testing.T) {
	tests := []struct {
		shown    string
		date1904 bool
		want     string
	}{
		{"40360", false, "单元格显示的是数字“40360”，不是日期；若是日期（2010年7月1日），请把单元格设为日期格式或直接写成 2010-07-01"},
		// Mac Excel's date system counts from 1904-01-01: 1,462 days later.
		{"38898", true, "单元格显示的是数字“38898”，不是日期；若是日期（2010年7月1日），请把单元格设为日期格式或直接写成 2010-07-01"},
		{"38152", true, "单元格显示的是数字“38152”，不是日期；若是日期（2008年6月15日），请把单元格设为日期格式或直接写成 2008-06-15"},
	}
	for _, tt := range tests {
		if err := notADate(tt.shown, tt.date1904); err == nil || err.Error() != tt.want {
			t.Errorf("%s (1904: %v): got %v", tt.shown, tt.date1904, err)
		}
	}
}
