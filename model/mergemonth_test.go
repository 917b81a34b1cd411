package model

import "testing"

// A re-imported date given as a month alone keeps the stored day of that
// month, and so is no change; another month, or a day, replaces it
// (review s9-7 #13).
func TestMergeImportedMonthKeepsTheStoredDay(t *testing.T) {
	for _, tt := range []struct {
		name      string
		stored    Date
		incoming  Date
		want      Date
		unchanged bool
	}{
		{"2003年10月 over 2003-10-15", NewDate(2003, 10, 15), MonthDate(2003, 10), NewDate(2003, 10, 15), true},
		{"2003年11月 over 2003-10-15", NewDate(2003, 10, 15), MonthDate(2003, 11), MonthDate(2003, 11), false},
		{"2003-10-20 over 2003-10-15", NewDate(2003, 10, 15), NewDate(2003, 10, 20), NewDate(2003, 10, 20), false},
		{"2003-10-15 over 2003年10月", MonthDate(2003, 10), NewDate(2003, 10, 15), NewDate(2003, 10, 15), false},
		{"2003年10月 over nothing", Date{}, MonthDate(2003, 10), MonthDate(2003, 10), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			old := Member{Name: "甲", JoinDate: tt.stored, FullDate: tt.stored}
			in := Member{Name: "甲", JoinDate: tt.incoming, FullDate: tt.incoming}
			got := MergeImported(&old, &in, []Field{FieldJoinDate, FieldFullDate})
			if got.JoinDate != tt.want || got.FullDate != tt.want {
				t.Errorf("入党 %v 转正 %v; want %v", got.JoinDate, got.FullDate, tt.want)
			}
			if changes := DiffMembers(&old, &got); (len(changes) == 0) != tt.unchanged {
				t.Errorf("changes %v; unchanged should be %v", changes, tt.unchanged)
			}
		})
	}
}
