package xlsx

import "testing"

func TestNotADateNamesTheDateItMayBe(t *testing.T) {
	err := notADate("40360")
	if err == nil || err.Error() != "单元格显示的是数字“40360”，不是日期；若是日期（2010年7月1日），请把单元格设为日期格式或直接写成 2010-07-01" {
		t.Errorf("got %v", err)
	}
}
