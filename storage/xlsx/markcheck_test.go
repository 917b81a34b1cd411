package xlsx

import "testing"

// dittoMark and noneMark skip markKey for a cell holding an ideograph no
// mark word has; what they say is what the rules over markKey say.
func FuzzMarksSkipAgrees(f *testing.F) {
	for _, s := range append(append([]string{"丁健健", "（同上）", "同 上。", "〃", "【无】", "——", "0", "汉族", "第一党支部", "无党支部", "同上行", "DITTO"}, dittoWords...), noneWords...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		k := markKey(v)
		if got, want := dittoMark(v), dittoKey(k); got != want {
			t.Errorf("dittoMark(%q) = %v, the rule over %q says %v", v, got, k, want)
		}
		if got, want := noneMark(v), noneKey(k); got != want {
			t.Errorf("noneMark(%q) = %v, the rule over %q says %v", v, got, k, want)
		}
	})
}
