package xlsx

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// A template with a long 填表说明 on top (22 lines) has its headings found
// on row 24; headings further down than the search refuse the file saying
// how far it looked and what to do (review s7-7 attack #15).
func TestHeadingsBelowLongInstructions(t *testing.T) {
	rows := [][]any{{"党员花名册"}}
	for i := 1; i <= 22; i++ {
		rows = append(rows, []any{fmt.Sprintf("%d. 填表说明第%d条", i, i)})
	}
	rows = append(rows, []any{"姓名", "公民身份号码", "加入党组织日期", "转为正式党员日期"},
		[]any{"癸一", idNumber("19800101", "011"), "2008.06", "2009.06"})
	rf := read(t, roster(t, rows))
	if len(rf.Members) != 1 || rf.Sheets[0].HeaderRow != 24 {
		t.Errorf("members %+v sheets %+v", rf.Members, rf.Sheets)
	}
	for i := 0; i < 30; i++ {
		rows = append([][]any{{"说明"}}, rows...)
	}
	_, err := ReadRoster(strings.NewReader(string(roster(t, rows))), ReadOptions{Today: today})
	if !errors.Is(err, ErrNoHeader) || !strings.Contains(err.Error(), "前 40 行中没有找到表头") || !strings.Contains(err.Error(), "请删去上方的说明行") {
		t.Errorf("err %v", err)
	}
}
