package xlsx

import "testing"

// leftSaying passes over a text without any of its words' first
// characters (leftSayingStarts): every word of leaving, and 关系 followed
// by a move, is still found, alone or inside a sentence.
func TestLeftSayingFindsEveryWordPastItsQuickCheck(t *testing.T) {
	texts := []string{"组织关系迁贵州", "2025年3月组织关系已调省里"}
	for _, w := range rowLeftWords {
		texts = append(texts, w, "2025年3月"+w+"，经支部核实")
	}
	for _, s := range texts {
		if leftSaying(s) == "" {
			t.Errorf("leftSaying(%q) found no word of leaving", s)
		}
	}
	for _, s := range []string{"张伟", "620102198503120117", "2010-06-15", "第一党支部", "车间主任"} {
		if w := leftSaying(s); w != "" {
			t.Errorf("leftSaying(%q) = %q, want none", s, w)
		}
	}
}
