package xlsx

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// A roster that keeps its leavers often says so in a column of its own
// rather than in 备注: 状态 已转出, 在册情况 不在册, 是否在册 否, 减少原因
// 组织关系转出, 转出时间 2024-05-01. No field answers to such a column, and
// it was set aside as "not imported" while its rows were stored as current
// members (review ra7 F15). It is still not imported — the record has no
// such field — but a row it says has left is held back as its 备注 would
// hold it.

// leavingHow is what a column about leaving says by its heading.
type leavingHow uint8

const (
	// leavingStatus: 状态, 党员状态, 变动情况 — a value saying the person
	// left (leftSaying) says so; 在职, 正常, 转入 say nothing of it.
	leavingStatus leavingHow = iota + 1
	// leavingOnRoster: 在册, 是否在册, 在册情况 — 否 or 不在册 says the
	// person left; 是, 在册 that they are here.
	leavingOnRoster
	// leavingDetail: 转出时间, 去世日期, 离开日期, 减少原因, 是否转出 —
	// the heading names the leaving, and any value but a none mark, a no,
	// or a denial (未转出) says it happened.
	leavingDetail
	// leavingDestination: 去向, 党员去向, 组织关系去向 — where the person
	// (or the membership) went: a place or a branch says the person left
	// for it; a none mark, 本支部, 在册, 正常 that they are here, and
	// 外出务工, 流动 that they are a mobile member (statusColumns) (review
	// ra8 G4: named as not imported, the leavers were stored).
	leavingDestination
)

// leavingOf reads a heading no field answers to.
func leavingOf(heading string) leavingHow {
	key := headingKey(heading, true)
	switch {
	case key == "":
		return 0
	case strings.Contains(key, "在册"):
		return leavingOnRoster
	case leftWord(key) != "" && !strings.Contains(key, "转入"):
		return leavingDetail
	case strings.HasSuffix(key, "状态") || strings.Contains(key, "变动") || strings.Contains(key, "异动") || strings.Contains(key, "增减"):
		return leavingStatus
	case strings.HasSuffix(key, "状况") || key == "现状" || key == "情况" || strings.HasPrefix(key, "党籍") || key == "组织关系":
		// 党籍情况, 党籍状况, 现状, 组织关系 holding 已转出 were named as
		// not imported and the person stored (review ra9 S10).
		return leavingStatus
	case strings.Contains(key, "去向"):
		return leavingDestination
	}
	return 0
}

// hereWords say in a column about leaving that the member is here, as 正常
// and 在册 do (model.ParseStanding).
var hereWords = []string{"在职", "在岗", "未减少", "无变动", "无变化"}

// onRosterNo are the marks in an 在册 column saying the person is not.
var onRosterNo = []string{"否", "不是", "N", "NO", "FALSE", "×", "✗", "✘", "╳", "☒"}

// stayingWords in a 去向 column say the person is here: no place left for.
var stayingWords = []string{"本支部", "本单位", "本党支部", "在册", "正常", "无变化", "未变", "不变", "转入", "调入"}

// destinationMobileWords in a 去向 column say where a mobile member went
// to work or study, the membership staying here.
var destinationMobileWords = []string{"流动", "流出", "外出", "务工", "打工", "经商", "求学", "上学"}

// says reports whether v, in a column of this kind, says the person left.
func (how leavingHow) says(v string) bool {
	k := markKey(v)
	if k == "" {
		return false
	}
	// 正常, 在册 in a 减少原因 or 状态 column: no reduction, the member is
	// here (review ra8 G13).
	if st, ok := model.ParseStanding(k); ok && st == model.StandingNormal || slices.Contains(hereWords, k) {
		return false
	}
	switch how {
	case leavingOnRoster:
		if slices.Contains(onRosterNo, k) {
			return true
		}
		if noneKey(k) {
			return false
		}
	case leavingDetail:
		if yes, ok := model.ParseMark(k); ok {
			return yes
		}
		return !noneKey(k) && !notLeftIn(k, false)
	case leavingDestination:
		if yes, ok := model.ParseMark(k); ok && !yes || noneKey(k) || notLeftIn(k, false) {
			return false
		}
		here := func(w string) bool { return strings.Contains(k, w) }
		return leftSaying(k) != "" || !slices.ContainsFunc(stayingWords, here) && !slices.ContainsFunc(destinationMobileWords, here)
	}
	return leftSaying(k) != ""
}

// withLeavingColumns marks the columns set aside whose heading is about
// leaving, so that the preview says what they are read for.
func (h header) withLeavingColumns() header {
	for i, c := range h.ignored {
		if c.said.IsZero() && c.tick == "" {
			if how := leavingOf(c.heading); how != 0 {
				h.ignored[i].leaving = how
				h.ignored[i].said = model.Textf("%s（不导入，只用来看是否已离开）", c.heading)
			}
		}
	}
	return h
}

// lateHeadingEnds end the headings of a column about leaving as a branch
// adds one below its table's heading (转出时间, 减少原因, 组织关系去向): a
// value of one (已转出) ends with none of them.
var lateHeadingEnds = []string{"时间", "日期", "年月", "原因", "去向", "去处", "情况", "状态", "地点", "单位"}

// withLateHeadings reads, as columns about leaving, the columns without a
// heading in which a row under the header gives one: 转出时间 written
// later in a row of its own under the table's heading (or beside a
// member's cells) over the values of the people who left. The column was
// named as having no heading and the leavers under it stored as current
// members (review ra8 G3). The column is read whole: a value above its
// heading cannot be told from one under it, and says the person left as
// well.
func (h header) withLateHeadings(rows []streamRow) header {
	first := h.first + h.rows
	for _, row := range rows {
		if row.n < first {
			continue
		}
		for c, v := range row.cells[:min(len(row.cells), maxColumns)] {
			if c < len(h.headed) && h.headed[c] || v == "" {
				continue
			}
			heading := model.CleanLine(v)
			how := leavingOf(heading)
			key := headingKey(heading, true)
			if how == 0 || utf8.RuneCountInString(key) > 12 || !slices.ContainsFunc(lateHeadingEnds, func(e string) bool { return strings.HasSuffix(key, e) }) {
				continue
			}
			for len(h.headed) <= c {
				h.headed = append(h.headed, false)
			}
			h.headed[c], h.width = true, max(h.width, c+1)
			name, _ := excelize.ColumnNumberToName(c + 1)
			h.ignored = append(h.ignored, column{index: c, heading: heading, leaving: how, late: row.n,
				said: model.Textf("%s（第%d行%s列后加的标题，不导入，只用来看是否已离开）", heading, row.n, name)})
		}
	}
	slices.SortFunc(h.ignored, func(a, b column) int { return a.index - b.index })
	return h
}

// lateHeading reports whether column c (0-based) of row n holds a heading
// withLateHeadings read: no group's title, and no value of the member
// beside it.
func (h header) lateHeading(c, n int) bool {
	return slices.ContainsFunc(h.ignored, func(col column) bool { return col.late == n && col.index == c })
}

// leavingColumns refuses the row when a column about leaving says the
// person left, unless its 姓名 or 备注 has already said so.
func (r *rowMember) leavingColumns(cells []string) {
	if r.unreadable(model.FieldName) || r.unreadable(model.FieldNotes) {
		return
	}
	for _, c := range r.im.h.ignored {
		if c.leaving == 0 {
			continue
		}
		if v := model.CleanLine(cell(cells, c.index)); c.leaving.says(v) && !r.im.h.lateHeading(c.index, r.row) {
			r.reject(model.FieldName, model.Textf("“%s”列（%s）为%s，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请改正这一格后再导入",
				c.heading, cellRef(c.index+1, r.row), quote(v)))
			return
		}
	}
	r.statusColumns(cells)
}

// strayLeaving refuses the row when a value in a column without any
// heading says the person left (已转出, 已故 typed right of the table):
// named as a column without a heading, the person was stored as a current
// member (review ra8 G3).
func (r *rowMember) strayLeaving(strays []stray) {
	if r.unreadable(model.FieldName) {
		return
	}
	for _, s := range strays {
		if w := leftSaying(s.value); w != "" {
			r.reject(model.FieldName, model.Textf("%s格（这一列没有标题）为%s，写着“%s”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请删去这一格后再导入",
				cellRef(s.col+1, r.row), quote(s.value), w))
			return
		}
	}
}

// statusStates are the states a 状态 or 在册 column may give that the
// record keeps in fields of its own, with the columns that take them.
var statusStates = []struct {
	words []string
	field model.Field
	why   func(heading, ref, value string) model.Text // the refusal
	given func(*model.Member) bool
}{
	{lostWords, model.FieldLostContact, func(h, ref, v string) model.Text {
		return model.Textf("“%s”列（%s）为%s，这一列不导入：请把它填入“是否失联党员”和“失联年月”列后再导入", h, ref, v)
	}, func(m *model.Member) bool { return m.LostContact }},
	// In a column of states 流出, 外出 alone or in more words are a
	// mobile member's (in 备注, 流出 alone is a leaving: aloneLeaving); so
	// are 务工, 经商 in a 去向 column.
	{append(slices.Concat(mobileWords, destinationMobileWords), "在外"), model.FieldMobile, func(h, ref, v string) model.Text {
		return model.Textf("“%s”列（%s）为%s，这一列不导入：请把它填入“是否流动党员”和“外出流向”列后再导入", h, ref, v)
	}, func(m *model.Member) bool { return m.Mobile }},
}

// statusColumns refuses the row when a 状态 or 在册 column gives a state
// the record keeps in a field of its own — 失联, 流动 — that the row's own
// columns do not: the column is not imported, and the member was stored
// 否, 否 without a word (review ra7 F49). 停止党籍 (停籍, 中止党籍) is the
// 党籍状态 it gives (suspendedByColumn).
func (r *rowMember) statusColumns(cells []string) {
	for _, c := range r.im.h.ignored {
		if c.leaving != leavingStatus && c.leaving != leavingOnRoster && c.leaving != leavingDestination {
			continue
		}
		v := model.CleanLine(cell(cells, c.index))
		if v == "" {
			continue
		}
		if !strings.ContainsAny(v, "未非不否无") && r.suspendedByColumn(c, v) {
			return
		}
		// Read as a 备注 is (notesStatusWord): 无法联系, 联系不上 were
		// passed over for their 无 and 不 (review ra8 G6); 未失联, 非流动
		// 党员, 曾流动 say nothing of now.
		for _, st := range statusStates {
			if notesStatusWord(leavingText(v), st.words, nil) == "" || st.given(&r.m) {
				continue
			}
			r.reject(st.field, st.why(c.heading, cellRef(c.index+1, r.row), quote(v)))
			// The cell that says it, for the preview's 单元格内容 (the
			// field's own column is blank or absent).
			r.rejected[len(r.rejected)-1].Value = v
			return
		}
	}
}

// suspendedByColumn reads 停止党籍 (and 停籍, 中止党籍: model.SuspendedWords)
// in a 状态 or 在册 column v as the member's 党籍状态, as the 党籍状态
// column's own cell would be read: such rows were refused, or stored 正常
// without a word (review ra8 G14). A 党籍状态 cell saying otherwise refuses
// the row naming both. It reports whether the row was refused.
func (r *rowMember) suspendedByColumn(c column, v string) bool {
	if r.m.Standing == model.StandingSuspended || r.unreadable(model.FieldStanding) ||
		!slices.ContainsFunc(append(slices.Clip(model.SuspendedWords), "停止"), func(w string) bool { return strings.Contains(v, w) }) {
		return false
	}
	ref := cellRef(c.index+1, r.row)
	if s := r.shown[model.FieldStanding]; s != "" {
		r.reject(model.FieldStanding, model.Textf("“%s”列（%s）为%s，党籍状态却为%s：请改正其中之一后再导入", c.heading, ref, quote(v), quote(s)))
		return true
	}
	r.m.Standing = model.StandingSuspended
	r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, model.FieldStanding, "%s：“%s”列（%s）为%s，党籍状态记为“停止党籍”", r.who(), c.heading, ref, quote(v)))
	return false
}
