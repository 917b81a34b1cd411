package xlsx

import (
	"errors"
	"strings"
	"testing"
)

// A table, a blank row, then a second heading with one more column over
// more people: the second heading was taken for the sheet's, and the people
// above it dropped without a word (review ra9 S4). The sheet is not read,
// and the refusal names the ID number above the headings.
func TestPeopleAboveTheHeadingsTakenAreNotDropped(t *testing.T) {
	rows := [][]any{hxHeading, hxMember("张三", "011"), hxMember("李四", "021"), {}}
	rows = append(rows, append(append([]any{}, hxHeading...), "到本支部日期"), append(hxMember("王五", "031"), "2015-03-01"),
		append(hxMember("赵丽华", "041"), "2016-03-01"), append(hxMember("李明", "051"), "2017-03-01"))
	_, err := ReadRoster(strings.NewReader(string(roster(t, rows))), ReadOptions{Today: today})
	const want = "C2格是公民身份号码，却在表头（第5行）之上"
	if !errors.Is(err, ErrNoHeader) || !strings.Contains(err.Error(), want) {
		t.Fatalf("err %v, want ErrNoHeader saying %q", err, want)
	}
}
