package xlsx

import (
	"regexp"
	"strings"
	"testing"

	"branchledger/model"
)

// Kind 10 with kind 3 (review s13-attack #19): an ISO 8601 date cell
// (t="d", as SheetJS- and openpyxl-style writers make them) whose format
// says nothing of dates (General) is read as the date to the day; the
// copy holds it as that date in a format showing it to the day. It held
// the serial in General, which showed 37909 and was refused as a number.
// One in a month's format stays to the month (be41585).
func TestRejectedRowsKeepISODateCellsWithoutADateFormat(t *testing.T) {
	id := idNumber("19800101", "011")
	data := roster(t, [][]any{
		{"姓名", "性别", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期"},
		{"日二", "女", id, "正式党员", numberCell("37909"), fmtCell{v: "38261", code: `yyyy"年"m"月"`}},
	})
	data = rewriteParts(t, data, func(name, body string) string {
		if !strings.Contains(name, "worksheets/") {
			return body
		}
		body = regexp.MustCompile(`(<c r="E2"[^>]*)><v>37909</v>`).ReplaceAllString(body, `$1 t="d"><v>2003-10-15T00:00:00</v>`)
		return regexp.MustCompile(`(<c r="F2"[^>]*)><v>38261</v>`).ReplaceAllString(body, `$1 t="d"><v>2004-10-01</v>`)
	})
	original := read(t, data)
	if got := rejections(original, 2); len(got) != 1 || got[model.FieldSex] == "" {
		t.Fatalf("row 2 refused for %q, want 性别 alone", refusals(original))
	}
	out := rejectedCopyShows(t, data, original, map[string]string{"E2": "2003-10-15", "F2": "2004年10月"})
	fixed := read(t, setCells(t, out, map[string]string{"B2": "男"}))
	m := member(t, fixed, 2)
	if m.JoinDate != model.NewDate(2003, 10, 15) || m.FullDate != model.MonthDate(2004, 10) {
		t.Errorf("fixed and imported: 加入党组织日期 %s, 转为正式党员日期 %s; want 2003-10-15, 2004-10", m.JoinDate, m.FullDate)
	}
}
