package xlsx

import (
	"regexp"
	"slices"
	"strconv"

	"branchledger/model"
)

// headCount is a line under a roster saying how many people it holds now:
// 合计：4人, 共计6名, 本支部原有6人，转出2人，现有4人, 在册党员4名. The
// count is the group's last number: 原有 (before) is not it.
var headCount = regexp.MustCompile(`(?:合计|总计|共计|总人数|人数合计|党员总数|党员人数|共有|现有|实有|在册|现在册|共)(?:党员|人数|人员|人)?(?:为|是)?[：:]?([0-9]{1,5}|[一二三四五六七八九十两]{1,3})(?:人|名|$)`)

// leftAmong is a clause after the count saying how many of them left:
// 合计：6人，其中转出2人 — four are on the roster (review ra9 S8).
var leftAmong = regexp.MustCompile(`其中(?:已|已经)?(?:转出|调出|调离|离开|去世|死亡|病故|出党|除名)(?:了)?([0-9]{1,3}|[一二三四五六七八九十两]{1,3})(?:人|名)`)

// stateCount is one line under the table that counts its people (headCount).
type stateCount struct {
	row   int
	text  string // the line as the sheet shows it
	count int
}

// tableCount reads a row of at most a few texts for the count of people a
// line under the table states, and reports whether it states one. A row of
// a member fills more cells and is passed over unread.
func tableCount(cells []string) (string, int, bool) {
	text, filled := "", 0
	for _, v := range cells {
		if t := model.TrimSpace(v); t != "" {
			if filled++; filled > 3 {
				return "", 0, false
			}
			text += t
		}
	}
	plain := spaceless(text)
	ms := headCount.FindAllStringSubmatch(plain, -1)
	if len(ms) == 0 {
		return "", 0, false
	}
	n, ok := countOf(ms[len(ms)-1][1])
	if !ok {
		return "", 0, false
	}
	if l := leftAmong.FindStringSubmatch(plain); l != nil {
		if left, ok := countOf(l[1]); ok && left <= n {
			n -= left
		}
	}
	return text, n, true
}

// countOf is a count in digits or Chinese numerals.
func countOf(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	n := chineseCount(s)
	return n, n > 0
}

// refuseOverCount refuses every row of the sheet stored from index
// members of the file's Members when a line under the table says it holds
// fewer people than were stored (合计：4人 under six rows; 原有6人，转出2人，
// 现有4人): some of them are no longer on the roster and the sheet does not
// say who — all six were stored as current members (review F28). A line
// above the last person (a group's 共3人) counts a group, not the table, and
// a count above what was stored (rows refused, or deleted) stores nothing
// wrong; neither refuses. The sheet's refusals, from index refused, stay in
// row order.
func (im *importer) refuseOverCount(members, refused int) {
	rf := im.rd.rf
	last := 0
	for _, m := range rf.Members[members:] {
		last = max(last, m.Row)
	}
	for _, r := range rf.Rejected[refused:] {
		last = max(last, r.Row)
	}
	stored := len(rf.Members) - members
	i := slices.IndexFunc(im.counts, func(c stateCount) bool { return c.row > last && c.count < stored })
	if i < 0 {
		return
	}
	c := im.counts[i]
	why := model.Textf("第%d行写着“%s”，表中却有%d人可导入，看不出哪些人已不在册，这一行未导入：请删去已不在册的人的行，或改正那一行的人数后再导入", c.row, c.text, stored)
	for _, m := range rf.Members[members:] {
		who := model.CutTyped(m.Member.Name)
		rf.Rejected = append(rf.Rejected, model.Rejection{Sheet: im.sheet.Name, Row: m.Row, Field: model.FieldName,
			Reason: why.String(), Text: why, Name: who, Value: who})
	}
	rf.Members = rf.Members[:members]
	// A note on the same line saying the rows import as they are (a
	// noteVague: 转出2人 without names) no longer holds.
	rf.Notes = slices.DeleteFunc(rf.Notes, func(n model.ImportNote) bool { return n.Sheet == im.sheet.Name && n.Row == c.row })
	slices.SortStableFunc(rf.Rejected[refused:], func(a, b model.Rejection) int { return a.Row - b.Row })
}
