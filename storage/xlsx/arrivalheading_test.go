package xlsx

import (
	"testing"

	"branchledger/model"
)

// 进入党支部日期 is when the member came onto the branch (到本支部日期), not
// 加入党组织日期: read as a second join date, every member who transferred
// in was refused, and alone it was stored as the join date (review ra9 L2,
// S16).
func TestArrivalHeadingsAreNotJoinDates(t *testing.T) {
	for _, heading := range []string{"进入党支部日期", "进入党支部时间", "进入本支部时间", "转入党支部时间"} {
		t.Run(heading, func(t *testing.T) {
			rows := [][]any{append(append([]any{}, hxHeading...), heading), append(hxMember("张三", "011"), "2015-03-01")}
			rf := read(t, roster(t, rows))
			if len(rf.Members) != 1 {
				t.Fatalf("stored %d, refused %+v", len(rf.Members), rf.Rejected)
			}
			m := rf.Members[0].Member
			if m.JoinDate != model.MonthDate(2003, 5) || m.ArrivedOn != model.NewDate(2015, 3, 1) {
				t.Errorf("加入党组织日期 %s, 到本支部日期 %s; want 2003-05 and 2015-03-01", m.JoinDate, m.ArrivedOn)
			}
		})
	}
}
