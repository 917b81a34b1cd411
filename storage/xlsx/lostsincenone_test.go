package xlsx

import "testing"

// 否, 未失联, 不适用 in 失联年月 say the member is not lost, as a blank does:
// they were refused as dates that could not be read (review ra9 L9).
func TestLostSinceSayingNone(t *testing.T) {
	for _, v := range []string{"否", "未失联", "不适用"} {
		t.Run(v, func(t *testing.T) {
			rows := [][]any{append(append([]any{}, hxHeading...), "是否失联党员", "失联年月"), append(hxMember("张三", "011"), "否", v)}
			rf := read(t, roster(t, rows))
			if len(rf.Members) != 1 || rf.Members[0].Member.LostContact || !rf.Members[0].Member.LostSince.IsZero() {
				t.Errorf("stored %+v, refused %+v; want 张三 not lost, no 失联年月", rf.Members, rf.Rejected)
			}
		})
	}
}
