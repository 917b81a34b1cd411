package xlsx

import (
	"iter"
	"slices"
	"strings"
	"unicode"

	"branchledger/model"
)

// A roster says its people left in three places: a sheet's name or title
// (已转出党员, leftWord), a group row or a note over rows (以下党员已转出,
// sectionLeftWord) and a member's own 备注 or the brackets after a name
// (已故, leftSaying). Each kept its own list, and the lists drifted: 已过世
// in a group row refused the people under it, in a member's 备注 it
// stored the member as current (brief k7 #5). One table says, word by
// word, where it is read, and why not elsewhere.

// leavingPlace is where on a sheet a word of leaving is read.
type leavingPlace uint8

const (
	inSheetName leavingPlace = 1 << iota // a sheet's name or title (leftWord)
	inGroupRow                           // a group row or a note over rows or naming people (sectionLeftWord)
	inRemark                             // a member's 备注, or the brackets after a name (leftSaying)
	// inComment is a note (批注) on a member's row: it reads the words of
	// 备注 (leftSaying), and those a note on a person says of that person
	// though a 备注 speaks of other things with them (commentLeftWord).
	inComment

	everywhere = inSheetName | inGroupRow | inRemark | inComment
)

// leavingWords are the words saying people left the roster, in the order
// they are looked for: the first said is the one a message quotes.
// 离退休 is none: retired members are members.
var leavingWords = []struct {
	word string
	in   leavingPlace
}{
	// A remark quotes 已转出 whole (备注中写着“已转出”); a group row or a
	// sheet quotes 转出.
	{"已转出", inRemark | inComment},
	{"转出", everywhere}, {"调出", everywhere}, {"迁出", everywhere}, {"转走", everywhere},
	{"去世", everywhere}, {"逝世", everywhere}, {"病故", everywhere}, {"亡故", everywhere}, {"死亡", everywhere}, {"已故", everywhere},
	{"出党", everywhere}, {"除名", everywhere}, {"开除", everywhere},
	// In 备注 it is the member's 党籍状态, not a leaving (suspendedByNotes);
	// so it is in a group row or a note where it is the only word
	// (leaverNote.suspends) and a sheet's name (sheetStatusOf).
	{"停止党籍", inSheetName | inGroupRow},
	// The other ways to write it (model.SuspendedWords): a group row or a
	// sheet 停籍党员 stored its people 正常 (review ra8 G7).
	{"中止党籍", inSheetName | inGroupRow}, {"暂停党籍", inSheetName | inGroupRow}, {"停籍", inSheetName | inGroupRow},
	{"党籍停止", inSheetName | inGroupRow}, {"党籍中止", inSheetName | inGroupRow}, {"党籍暂停", inSheetName | inGroupRow},
	{"退党", everywhere}, {"劝退", everywhere},
	// In 备注 they speak of other things as often (手机号已注销, 党费减少).
	{"注销", inSheetName | inGroupRow}, {"减少", inSheetName | inGroupRow},
	// A group row 流动党员（离开本地外出）, 历史遗留…待接转 heads members
	// (review s13-reattack #8); a sheet named so holds leavers.
	{"离开", inSheetName}, {"历史", inSheetName},
	{"调离", everywhere}, {"转至", everywhere}, {"转往", everywhere},
	// review s13-hx #12: 已过世, 自行脱党人员, 已出国定居, 已被取消预备
	// 党员资格 were read as members; in 备注 too (brief k7 #5).
	// review ra7 F33: 刘芳（病逝） was stored as the name, as 病逝 in 备注.
	{"病逝", everywhere},
	{"过世", everywhere}, {"脱党", everywhere}, {"出国定居", everywhere}, {"取消预备党员资格", everywhere},
	// review s14-reattack7 #17: 已离世, 已辞世, 已牺牲, 已迁走, 组织关系已移
	// 交, 已转移组织关系, 已移居国外, 已交回组织关系, 已划转党员, 已减员 —
	// rows and sheets — were read as current members. 移交, 划转 and 减员
	// in 备注 speak of papers and dues as often (档案已移交, 党费划转).
	{"离世", everywhere}, {"辞世", everywhere}, {"牺牲", everywhere}, {"已殁", everywhere}, {"迁走", everywhere},
	{"移交", inSheetName | inGroupRow}, {"转移组织关系", everywhere}, {"移居国外", everywhere}, {"交回组织关系", everywhere},
	{"划转", inSheetName | inGroupRow}, {"减员", inSheetName | inGroupRow},
	// Words of moving that may name a place here (转到本支部: towardsHere)
	// (review s13-hx #12: 已转到外单位 was passed over as a group row; a
	// sheet named 调往外地党员 was imported as current members until brief
	// k7). 迁至, 迁往 in 备注 are as often a household's move (户口迁至…);
	// the remark reads 关系迁至 (leftRelation).
	{"转到", everywhere}, {"转去", everywhere}, {"调走", everywhere}, {"调往", everywhere},
	{"迁至", inSheetName | inGroupRow}, {"迁往", inSheetName | inGroupRow},
	// 已离开本单位 is said with its 已 (离开本地外出 is a mobile member);
	// 不在本… names no place left for — in 备注 or a sheet's name, 不在本地
	// is a mobile member.
	{"已离开", inGroupRow}, {"不在本", inGroupRow},
	// review s14-reattack7 re-check #1: 已转离本支部, 不在册党员 — a sheet
	// so named was imported as current members until brief k7.
	{"转离", everywhere}, {"不在册", everywhere},
	// review ra7 F6, F21, F30, F36: 不再在册人员, 非在册党员, 已不是本支部
	// 党员, 离开本支部党员, 已身故, 故去, the misspelling 去逝, 不予转正 (the
	// probation ends, and with it the membership), 组织关系转回原籍 — rows,
	// titles and sheets — were read as current members. 清退 in 备注 is as
	// often a refund (多缴党费已清退).
	{"不再在册", everywhere}, {"非在册", everywhere}, {"已不是本支部", everywhere}, {"离开本支部", everywhere},
	{"身故", everywhere}, {"故去", everywhere}, {"去逝", everywhere}, {"不予转正", everywhere}, {"转回原籍", everywhere},
	// A 批注 on a member's row saying 原党员 or 已清退 speaks of the person
	// (review wd D4: it was passed over).
	{"清退", inSheetName | inGroupRow | inComment},
	// 注销 alone in 备注 is as often a phone's (手机号已注销); the party
	// membership's is a leaving (review ra7 F1). 原党员 heads former
	// members (review ra7 F30).
	{"党籍已注销", everywhere}, {"注销党籍", everywhere}, {"原党员", inSheetName | inGroupRow | inComment},
	// review wd D5, F21, F30: 原在册党员, 离职党员, 已离职人员, 退出人员,
	// 组织关系在外单位的党员 — group rows, titles and sheets — were read as
	// current members. 离职待转 (left the job, the membership waiting to
	// be moved) and 退出现役 (a veteran) name people still here; in 备注
	// 离职 and 退出 speak of jobs and posts as often (退出支委).
	{"原在册", inSheetName | inGroupRow}, {"离职", inSheetName | inGroupRow}, {"退出", inSheetName | inGroupRow},
	{"关系在外", inSheetName | inGroupRow},
	// review ra8 G7: 取消预备资格 (the probationary member is no longer
	// one) and 介绍信已开出 (the transfer letter issued: RULES.md §5) in
	// 备注 were read as current members.
	{"取消预备资格", everywhere}, {"取消其预备党员资格", everywhere},
	{"介绍信已开出", everywhere}, {"介绍信已开具", everywhere}, {"介绍信已开", everywhere}, {"已开介绍信", everywhere}, {"已开具介绍信", everywhere}, {"已开出介绍信", everywhere},
	{"已开具组织关系介绍信", everywhere}, {"已开组织关系介绍信", everywhere},
	// review ra9 S6: 备注 已不在本支部, 关系不在我支部 were stored as current
	// members (不在本地 alone is a mobile member: 不在本 stays the group
	// rows' and sheets').
	{"不在本支部", inRemark | inComment}, {"不在我支部", inRemark | inComment},
}

// aloneLeavingWords say, as the whole of a 备注 or a 批注, that the
// person left: 流出, 已流出 (组织关系流出 is leftRelation's). Within more
// words — 流出党员, 流出地 — or in a 状态 column they are a mobile member
// (notesStatus, statusStates) (review ra8 G7).
var aloneLeavingWords = []string{"流出", "已流出"}

// aloneLeaving is the word of aloneLeavingWords remark is, "" if none.
func aloneLeaving(remark string) string {
	k := strings.TrimRight(leavingText(remark), "。.；;")
	if slices.Contains(aloneLeavingWords, k) {
		return k
	}
	return ""
}

// withoutSuspended is s without its words of 停止党籍: what else a group
// row or a sheet's name says of its people (停止党籍及除名人员).
func withoutSuspended(s string) string {
	for _, w := range model.SuspendedWords {
		s = strings.ReplaceAll(s, w, "")
	}
	return s
}

// notLeftAfter are what, just after a word of leaving, says it is none:
// 离职待转, 退出现役.
// 调离原岗位, 调出车间 are a change of job in the unit (review ra8 G11);
// 外出党员, 流出党员 are mobile members, not a 出党.
var notLeftAfter = map[string][]string{"离职": {"待"}, "退出": {"现役", "待"}, "调离": jobPlaces, "调出": jobPlaces, "出党": {"员"}}

// jobPlaces are the posts inside a unit a member is moved from: 调离原岗位.
var jobPlaces = []string{"原岗", "原职", "原工作岗位", "原部门", "原科室", "原车间", "原班组", "岗位", "工作岗位", "领导岗位", "领导职务", "部门", "科室", "车间", "班组", "一线"}

// notLeftBy reports text after a word of leaving w that says it is none
// (notLeftAfter).
func notLeftBy(w, after string) bool {
	return slices.ContainsFunc(notLeftAfter[w], func(n string) bool { return strings.HasPrefix(after, n) })
}

// leavingWordsIn are the words of leavingWords read in place, in order.
func leavingWordsIn(place leavingPlace) []string {
	var out []string
	for _, w := range leavingWords {
		if w.in&place != 0 {
			out = append(out, w.word)
		}
	}
	return out
}

// The words each reader looks for, worked out once.
var (
	leftWords      = leavingWordsIn(inSheetName)
	groupLeftWords = leavingWordsIn(inGroupRow)
	rowLeftWords   = leavingWordsIn(inRemark)
	// commentWords are the words a 批注 reads besides rowLeftWords.
	commentWords = slices.DeleteFunc(leavingWordsIn(inComment), func(w string) bool { return slices.Contains(rowLeftWords, w) })
	anyLeftWords = leavingWordsIn(everywhere)
)

// indexesOf yields the byte index of each w in s, left to right, each
// found after the end of the one before (none within it): where every
// reader of the words of leaving looks at what stands around a word.
func indexesOf(s, w string) iter.Seq[int] {
	return func(yield func(int) bool) {
		if w == "" {
			return
		}
		for from := 0; ; {
			i := strings.Index(s[from:], w)
			if i < 0 || !yield(from+i) {
				return
			}
			from += i + len(w)
		}
	}
}

// towardsUs reports the text after a word of moving (towardsHere: 转至,
// 调往 …; movingInto: 转入) pointing back at this branch or unit: 转至本支
// 部, 调往我单位, 转入本支部 say the person came or stays, not that they
// left.
func towardsUs(after string) bool {
	return strings.HasPrefix(after, "本") || strings.HasPrefix(after, "我")
}

// notLeftWord is a word of notLeftWords; yet says a leaving yet to come.
type notLeftWord struct {
	word string
	yet  bool
}

// notLeftWords, just before a word of leaving (an 已 between them or not),
// say the leaving did not happen — 未转出, 不含已转出人员, 撤销转出 — or is
// yet to come (yet) — 待转出, 拟转出, 将转出, 申请转出: the people are still
// here. The same in every place (brief k7 #5: a 备注 拟转出 refused a
// member a group row 拟转出党员 kept).
var notLeftWords = []notLeftWord{
	{"未", false}, {"没", false}, {"不", false}, {"不是", false}, {"并非", false}, {"不属于", false}, {"尚未", false}, {"暂未", false},
	{"没有", false}, {"不含", false}, {"不包括", false}, {"除", false}, {"撤销", false},
	{"待", true}, {"拟", true}, {"将", true}, {"即将", true}, {"计划", true}, {"准备", true}, {"正在", true}, {"申请", true},
}

// notLeft reports text ending in a word of notLeftWords, an 已 or 已经
// after it or not: what comes just before a word of leaving.
func notLeft(before string) bool {
	before = strings.TrimSuffix(strings.TrimSuffix(before, "已"), "已经")
	return slices.ContainsFunc(notLeftWords, func(n notLeftWord) bool { return strings.HasSuffix(before, n.word) })
}

// notLeftIn reports text holding a word of notLeftWords anywhere (yet: one
// of a leaving yet to come): between a name and its word of leaving (李四
// 拟于2026年1月转出). 不幸 (李四已不幸去世) says it happened.
func notLeftIn(text string, yet bool) bool {
	text = strings.ReplaceAll(text, "不幸", "")
	return slices.ContainsFunc(notLeftWords, func(n notLeftWord) bool { return (n.yet || !yet) && strings.Contains(text, n.word) })
}

// Words of leaving are written spaced out (已 转 出, 已　去世) or in
// traditional characters (已轉出, 已過世) as often as not in rosters typed
// by hand or converted from Taiwan and Hong Kong templates: they were
// stored as current members (review F40). leavingText is what every reader
// looks for the words in.

// traditionalOf maps the traditional forms of the characters of the words
// of leaving (and of the words read around them: 本支部, 关系, 手续办理中,
// 父亲, 社区党委) to their simplified ones.
var traditionalOf = func() map[rune]rune {
	const pairs = "轉转調调遷迁過过黨党開开勸劝註注銷销減减離离歷历脫脱國国預预備备員员資资辭辞犧牺歿殁" +
		"關关係系組组織织劃划冊册經经沒没暫暂擬拟將将計计準准請请來来進进單单區区會会從从辦办續续親亲紹绍" +
		"聯联動动務务職职現现發发對对積积極极團团屬属愛爱兒儿媽妈爺爷號号為为與与復复還还處处鄉乡鎮镇縣县" +
		"學学醫医機机隊队屆届歸归喪丧"
	m := map[rune]rune{}
	rs := []rune(pairs)
	for i := 0; i+1 < len(rs); i += 2 {
		m[rs[i]] = rs[i+1]
	}
	return m
}()

// runeSet is a set of characters of the Basic Multilingual Plane, asked
// of every character of a cell: a bit each, no map lookup.
type runeSet [0x10000 / 64]uint64

func (rs *runeSet) add(r rune) {
	if r < 0x10000 {
		rs[r>>6] |= 1 << (r & 63)
	}
}

func (rs *runeSet) has(r rune) bool { return r < 0x10000 && rs[r>>6]&(1<<(r&63)) != 0 }

// any reports s holding one of the set's characters.
func (rs *runeSet) any(s string) bool {
	for _, r := range s {
		if rs.has(r) {
			return true
		}
	}
	return false
}

// traditionalChars are the keys of traditionalOf.
var traditionalChars = func() *runeSet {
	var rs runeSet
	for t := range traditionalOf {
		rs.add(t)
	}
	return &rs
}()

// leavingText is s as the words of leaving are looked for in it: the
// spaces inside a line dropped, a line break read as the end of a clause
// (；), traditional characters simplified. s itself when it has none of
// them, as most cells: nothing allocated.
func leavingText(s string) string {
	if spaceless(s) == s && !traditionalChars.any(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune('；')
		case unicode.IsSpace(r):
		default:
			if t, ok := traditionalOf[r]; ok {
				r = t
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}
