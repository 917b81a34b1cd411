package model

import (
	"strings"
	"testing"
	"time"
)

// Setting a member's 党费已交至 earlier than the stored month makes paid
// months owed; only that is a move to ask about (review s7-8 attack #11).
func TestMovesEarlier(t *testing.T) {
	oct, mar := MonthOf(2026, time.October), MonthOf(2026, time.March)
	for _, c := range []struct {
		name    string
		old     Month
		had     bool
		to      Month
		earlier bool
	}{
		{"earlier", oct, true, mar, true},
		{"cleared", oct, true, 0, true},
		{"same", oct, true, oct, false},
		{"later", mar, true, oct, false},
		{"none stored", 0, false, mar, false},
	} {
		if got := MovesEarlier(c.old, c.had, c.to); got != c.earlier {
			t.Errorf("%s: MovesEarlier(%v, %v, %v) = %v", c.name, c.old, c.had, c.to, got)
		}
	}
}

// A bases preview refuses, without the user's say, the rows that move a
// 党费已交至 earlier, and keeps the others as they were.
func TestBasePreviewWithoutEarlier(t *testing.T) {
	oct, mar, nov := MonthOf(2026, time.October), MonthOf(2026, time.March), MonthOf(2026, time.November)
	p := BasePreview{Year: 2026, Sheets: []string{"Sheet1"},
		Bases: []DuesBase{{MemberID: 1}, {MemberID: 2}, {MemberID: 3}},
		Names: []string{"张伟", "王芳", "李娜"},
		Rows: []BasePreviewRow{{Sheet: "Sheet1", Row: 2, PaidTo: mar, Was: oct, Changed: true},
			{Sheet: "Sheet1", Row: 3, PaidTo: nov, Was: oct, Changed: true}, {Sheet: "Sheet1", Row: 4, Changed: true}},
		Openings: []DuesOpening{{MemberID: 1, PaidTo: mar}, {MemberID: 2, PaidTo: nov}}, Changed: 3}
	moves := p.EarlierMoves()
	if len(moves) != 1 || moves[0].Name != "张伟" || moves[0].Text().String() != "张伟（2026年10月 → 2026年3月）" {
		t.Fatalf("moves %+v", moves)
	}
	q := p.WithoutEarlier("；加旗标")
	if len(q.Bases) != 2 || q.Names[0] != "王芳" || len(q.Openings) != 1 || q.Openings[0].MemberID != 2 || q.Changed != 2 ||
		len(q.Rejected) != 1 || q.Rejected[0].Row != 2 || q.Rejected[0].Field != FieldDuesPaidTo ||
		!strings.HasPrefix(q.Rejected[0].Reason, "党费已交至原为2026年10月，表中的2026年3月更早") || !strings.HasSuffix(q.Rejected[0].Reason, "；加旗标") {
		t.Fatalf("without earlier: %+v", q)
	}
	if len(p.Bases) != 3 || len(p.Rejected) != 0 {
		t.Errorf("the preview itself changed: %+v", p)
	}
}

// A bases file counts as registering a 党费已交至 only where the month
// differs from the member's stored one (review s13-newuser #9: the same
// file imported again said 登记党费已交至 1 人).
func TestNewOpeningsCountsOnlyChanges(t *testing.T) {
	oct, nov := MonthOf(2026, 10), MonthOf(2026, 11)
	for _, c := range []struct {
		name string
		rows []BasePreviewRow
		want int
	}{
		{"none_given", []BasePreviewRow{{Was: oct}, {}}, 0},
		{"same_as_stored", []BasePreviewRow{{PaidTo: oct, Was: oct}}, 0},
		{"first_time", []BasePreviewRow{{PaidTo: oct}}, 1},
		{"moved", []BasePreviewRow{{PaidTo: nov, Was: oct}, {PaidTo: oct, Was: oct}}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := (BasePreview{Rows: c.rows}).NewOpenings(); got != c.want {
				t.Errorf("NewOpenings() = %d, want %d", got, c.want)
			}
		})
	}
}
