package xlsx

import (
	"slices"
	"strings"
	"unicode/utf8"

	"branchledger/model"
)

// A printed roster often keeps its leavers at the bottom, under a row
// that says so: 已转出党员, 以下为已故党员, 出党人员, 停止党籍人员. The people
// under it are no members on the roster, as those on a sheet named 已转出
// are not (leftWord): read as members, a transferred or deceased person
// joined the roster an inspection reads (review s13-attack #16). They are
// left out, as such a sheet is, and named, so that one still here can be
// moved above the row; a leaver is recorded in the window (转出, 去世 …).

// leftSectionNegations, before a word of leaving, say the rows under it
// have not left: 以下人员组织关系未转出, 不含已转出人员; 待转出, 拟转出 and
// 撤销转出 say they are still here (review s13-reattack #8).
var leftSectionNegations = []string{"未", "没", "不", "尚未", "暂未", "没有", "不含", "不包括", "除", "待", "拟", "撤销", "正在", "申请"}

// sectionOnlyWords are the words of leftWords a sheet's name may say its
// people left by, but a group row may not: 流动党员（离开本地外出）,
// 历史遗留…待接转 are members (review s13-reattack #8).
var sectionOnlyWords = map[string]bool{"离开": true, "历史": true, "减少": true}

// leftSection is a row saying the people under it have left the roster,
// up to the next group row: row, its text and the word that says so;
// those under it (第4行（节二）). A group row that says nothing of
// leaving is kept with an empty word: it ends the one above.
type leftSection struct {
	row    int
	title  string
	word   string
	people model.TextList
	at     int // where among the sheet's notes its note goes: in row order with the other group rows'
}

// leftSectionRow reads row n as a row whose one text, merged across the
// table or alone in its first column as a group's title is
// (header.sectionRow), says the people under it have left the roster:
// the text and the word of leftWords (the sheet names' rule) that says
// it, not negated. A row that is a group's title or a remark of another
// kind is none; so is a member's row, whatever its 备注 says (saysLeft
// reads that).
func (h header) leftSectionRow(sr *sheetReader, n int, cells []string) (title, word string, ok bool) {
	first, count := firstText(cells)
	// A note saying the people below left (注：以下党员已转出, 说明：以下为
	// 已故党员) is such a row too: as a footer line it was passed over in
	// silence and the leavers under it stored as current members (review
	// s13-reattack #9). Only one speaking of 以下: a note about one person
	// (注：某某已于2025年3月转出) heads no rows.
	noteBelow := false
	for _, p := range []string{"注：", "注:", "说明：", "说明:", "备注：", "备注:"} {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(first), p); ok && slices.ContainsFunc([]string{"以下", "下面", "下列"}, func(w string) bool { return strings.HasPrefix(strings.TrimSpace(rest), w) }) {
			noteBelow = true
		}
	}
	if count != 1 || footerLine(cells) && !noteBelow || utf8.RuneCountInString(first) > 40 {
		return "", "", false
	}
	col := slices.IndexFunc(cells, func(c string) bool { return strings.TrimSpace(c) != "" })
	if col > 0 && !sr.mergedAcross(col+1, n) {
		return "", "", false
	}
	title = model.CleanLine(first)
	// A row naming an organisation (历史文化学院党支部, 注销登记科党支部)
	// heads that branch's members, whatever word its name holds (review
	// s13-reattack #15).
	// Unless its remark says its people left: 第二党支部（已转出）,
	// 原第三党支部（已撤销，党员已转出） (review s13-reattack #17).
	if name, ok := groupTitleOf(title); ok && (orgName(groupRemark.ReplaceAllString(name, "")) || strings.HasSuffix(name, "小组")) &&
		sectionLeftWord(groupRemark.FindString(title)) == "" {
		return "", "", false
	}
	if word = sectionLeftWord(title); word == "" {
		return "", "", false
	}
	return title, word, true
}

// sectionLeftWord is the word of leftWords that text says, "" if none or
// if one is negated: 不含已转出党员 says no one below has left, though
// 出党 is in it too.
func sectionLeftWord(text string) string {
	// A group of members that counts some leavers among them
	// (离退休党员（含已故党员1名）) or people on their way (转出中) is no
	// row of leavers: its people are members.
	if strings.Contains(text, "含") && !strings.Contains(text, "不含") || strings.Contains(text, "中") && !strings.Contains(text, "中共") && !strings.Contains(text, "中国") {
		return ""
	}
	said := ""
	for _, w := range leftWords {
		if sectionOnlyWords[w] {
			continue
		}
		for from := 0; ; {
			i := strings.Index(text[from:], w)
			if i < 0 {
				break
			}
			at := from + i
			before := strings.TrimSuffix(text[:at], "已")
			if slices.ContainsFunc(leftSectionNegations, func(n string) bool { return strings.HasSuffix(before, n) }) {
				return ""
			}
			if said == "" {
				said = w
			}
			from = at + len(w)
		}
	}
	return said
}

// leftAt is the section saying row n's people have left, nil when the
// row is under none (or under a group row that ended it).
func (im *importer) leftAt(n int) *leftSection {
	var at *leftSection
	for i := range im.lefts {
		if im.lefts[i].row > n {
			break
		}
		at = &im.lefts[i]
	}
	if at == nil || at.word == "" {
		return nil
	}
	return at
}

// leftNotes names, for each section saying its people have left, whom it
// left out.
func (im *importer) leftNotes() {
	// Last first: each goes where the notes were when its row was read,
	// which the ones before it do not move.
	for i := len(im.lefts) - 1; i >= 0; i-- {
		s := im.lefts[i]
		if s.word == "" {
			continue
		}
		n := model.Note(im.sheet.Name, s.row, "", "分组行“%s”：写着“%s”，是分组的标题，不是党员，未导入", s.title, s.word)
		if len(s.people) > 0 {
			n = model.Note(im.sheet.Name, s.row, "",
				"分组行“%s”：写着“%s”，其下各行（到下一个分组行为止）看来已不在花名册上，未予导入（见未通过的行）：%s；离开的党员请在窗口中登记，仍在册的请移到这一行之上后再导入",
				s.title, s.word, s.people)
		}
		im.rd.rf.Notes = slices.Insert(im.rd.rf.Notes, min(s.at, len(im.rd.rf.Notes)), n)
	}
}
