package kit

import (
	"strings"
	"testing"
)

// A sentence telling the user to record someone who left names where:
// 离开的党员请在窗口中登记 left a secretary, already in the window, asking
// which (review nu7-4). The person's page has 登记变动 (去世, 出党 …) and
// 开具介绍信 (转出); a transfer in is recorded under 组织关系 → 转入.
func TestLeaverSentencesNameWhereToRecord(t *testing.T) {
	n := 0
	for _, f := range importFormats(t) {
		if !strings.Contains(f, "在窗口中") {
			continue
		}
		for _, w := range []string{"离开的", "离开后", "登记转入"} {
			if strings.Contains(f, w) {
				t.Errorf("%q says 在窗口中 without naming the place", f)
			}
		}
	}
	for _, f := range importFormats(t) {
		if strings.Contains(f, "请在其个人页“登记变动”或“开具介绍信”") {
			n++
		}
	}
	if n < 10 {
		t.Errorf("%d sentences name the person's page, want the leavers' (at least 10)", n)
	}
}
