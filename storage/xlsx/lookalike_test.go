package xlsx

import "testing"

// An ID number ending in a look-alike of X is refused naming the
// character, quoting the cell (review s13-attack #9).
func TestImportNamesALookalikeX(t *testing.T) {
	const body = "11010519460715311" // its check character is X
	for id, want := range map[string]string{
		body + "Х": "甲，单元格为“" + body + "Х”：公民身份号码最后一位是西里尔字母“Х”，不是字母 X；请删去后重新输入 X",
		body + "×": "甲，单元格为“" + body + "×”：公民身份号码最后一位是乘号“×”，不是字母 X；请删去后重新输入 X",
	} {
		rf := read(t, roster(t, [][]any{{"姓名", "公民身份号码", "入党时间", "转正时间", "人员类别"}, {"甲", id, "2010.07", "2011.07", "正式党员"}}))
		if len(rf.Members) != 0 || len(rf.Rejected) != 1 || rf.Rejected[0].Detail() != want {
			t.Errorf("%s: members %+v rejected %+v\nwant %s", id, rf.Members, rf.Rejected, want)
		}
	}
	if rf := read(t, roster(t, [][]any{{"姓名", "公民身份号码", "入党时间", "转正时间", "人员类别"}, {"甲", body + "X", "2010.07", "2011.07", "正式党员"}})); len(rf.Members) != 1 {
		t.Errorf("the real X refused: %+v", rf.Rejected)
	}
}
