package xlsx

import (
	"bytes"
	"testing"
	"time"

	"branchledger/model"
)

// The printed register's 到本支部日期 is one the branch knows: a date typed,
// imported or from a 转入. The default — the day the member was added or
// imported — printed as a fact said every member of an imported roster
// arrived that day (review nu7-7: ten members of 1996–2012 all "arrived"
// 2026-12-02 on the PDF); it is left blank, and an import elsewhere takes
// its own default, as the checks treat this one.
func TestRegisterPrintsOnlyAStatedArrival(t *testing.T) {
	ms := demoRoster(t, 2)
	created := time.Date(2026, 12, 2, 9, 30, 0, 0, time.Local)
	ms[0].CreatedAt, ms[0].ArrivedOn = created, model.DateOf(created) // the import's default
	ms[1].CreatedAt, ms[1].ArrivedOn = created, model.NewDate(2019, 4, 15)
	var buf bytes.Buffer
	if err := WriteRoster(&buf, "第一党支部", ms, model.NewDate(2026, 12, 2)); err != nil {
		t.Fatal(err)
	}
	rf := read(t, buf.Bytes())
	if len(rf.Members) != 2 {
		t.Fatalf("read back %d members, rejected %v", len(rf.Members), rf.Rejected)
	}
	for i, want := range []string{"", "2019-04-15"} {
		shown := rf.Members[i].Shown[model.FieldArrivedOn]
		if shown != want {
			t.Errorf("%s: 到本支部日期 printed %q, want %q", ms[i].Name, shown, want)
		}
	}
}
