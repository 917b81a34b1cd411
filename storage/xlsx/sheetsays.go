package xlsx

import (
	"slices"
	"strings"

	"branchledger/model"
)

// A roster is often split by what its people are: sheets 在职党员, 离退休党员,
// 流动党员, 失联党员, 停止党籍党员. Three of these are fields of the member's
// record (RULES.md §4: 党籍状态, 是否失联党员, 是否流动党员), which the sheet's
// rows seldom repeat: their people were stored 正常, not lost, not mobile,
// without a word, and a 停止党籍 sheet was set aside as people no longer on
// the roster, though 停止党籍 members are on it (review ra7 F4, F5). The
// sheet's name (or, failing it, its title) gives each of its rows the
// field, unless the row's own cell says it.

// sheetStatus is what a sheet's name or title says of all its people.
type sheetStatus struct {
	suspended, lost, mobile bool
	// from is the name or title that says it, for the notes:
	// 工作表名称“失联党员”.
	from model.Text
	// counts of the rows given each field by the sheet, and the rows whose
	// own cell said otherwise, for one note per sheet.
	gave, differ map[model.Field]model.TextList
}

// sheetStatusOf reads a sheet's name or title. 停止党籍 is read where no
// other word says the people left (停止党籍及除名人员 holds leavers), and
// none of the three after a word that denies it (未失联, 非流动党员,
// 恢复党籍) or makes them a part (含流动党员).
func sheetStatusOf(name string, from model.Text) sheetStatus {
	key := headingKey(name, false)
	says := func(w string) bool {
		at := strings.Index(key, w)
		if at < 0 {
			return false
		}
		before := key[:at]
		// 花名册（含流动党员）: the roster holds some, not only them.
		for _, w := range []string{"非", "无", "含", "包括", "其中"} {
			if strings.HasSuffix(before, w) {
				return false
			}
		}
		return !notLeft(before) && !strings.Contains(key[at:], "恢复")
	}
	st := sheetStatus{from: from}
	// 流动党员党支部, 失联党员管理党小组: an organisation's name, whose
	// members are members like any others (review atk D7: every member of
	// a sheet so named was refused for a 外出流向 it need not have).
	if orgName(key) || strings.HasSuffix(key, "党小组") {
		return st
	}
	st.suspended = slices.ContainsFunc(model.SuspendedWords, says) && leftWord(withoutSuspended(key)) == ""
	st.lost = says("失联")
	st.mobile = says("流动")
	return st
}

// any reports a sheet whose name says something of its people.
func (st *sheetStatus) any() bool { return st.suspended || st.lost || st.mobile }

// sheetSays gives the row what its sheet's name says of its people, where
// its own cell is blank; a cell that says otherwise is kept, and said.
func (r *rowMember) sheetSays() {
	st := &r.im.sheet.status
	if !st.any() {
		return
	}
	who := model.Textf("第%d行（%s）", r.row, r.who())
	given := func(f model.Field) bool { return r.shown[f] != "" || r.ticks[f] != nil || r.unreadable(f) }
	count := func(m *map[model.Field]model.TextList, f model.Field) {
		if *m == nil {
			*m = map[model.Field]model.TextList{}
		}
		(*m)[f] = append((*m)[f], who)
	}
	m := &r.m
	if st.suspended {
		switch {
		case !given(model.FieldStanding) && m.Standing == "":
			m.Standing = model.StandingSuspended
			count(&st.gave, model.FieldStanding)
		case m.Standing != model.StandingSuspended && !r.unreadable(model.FieldStanding):
			count(&st.differ, model.FieldStanding)
		}
	}
	for _, f := range []struct {
		on    bool
		field model.Field
		set   *bool
	}{{st.lost, model.FieldLostContact, &m.LostContact}, {st.mobile, model.FieldMobile, &m.Mobile}} {
		switch {
		case !f.on:
		case !given(f.field) && !*f.set:
			*f.set = true
			count(&st.gave, f.field)
		case !*f.set && !r.unreadable(f.field):
			count(&st.differ, f.field)
		}
	}
}

// statusNotes says, once per sheet, which rows its name gave a field and
// which rows' own cells said otherwise.
func (im *importer) statusNotes() {
	st := &im.sheet.status
	list := func(rows model.TextList) model.TextList {
		if len(rows) > 10 {
			return model.TextList{model.Textf("%s 等 %d 行", rows[:10], len(rows))}
		}
		return rows
	}
	note := func(format string, f model.Field, args ...any) {
		im.rd.rf.Notes = append(im.rd.rf.Notes, model.Note(im.sheet.Name, 0, f, format, args...))
	}
	for _, f := range []model.Field{model.FieldStanding, model.FieldLostContact, model.FieldMobile} {
		if rows := st.gave[f]; len(rows) > 0 {
			switch {
			case f == model.FieldStanding:
				note("%s说其中是停止党籍的党员：%s的党籍状态记为“停止党籍”（停止党籍的党员仍在册）", f, st.from, list(rows))
			case f == model.FieldLostContact && !im.h.has(model.FieldLostSince):
				// A 失联党员 has a 失联年月 (model.Member.Validate): one
				// already on the roster keeps the stored one; a new one is
				// refused for want of it.
				note("%s说其中是失联党员：%s记为失联党员；本表没有“失联年月”列，名册中还没有失联年月的人不能导入，请加上这一列后再导入", f, st.from, list(rows))
			case f == model.FieldLostContact:
				note("%s说其中是失联党员：%s记为失联党员", f, st.from, list(rows))
			case f == model.FieldMobile && !im.h.has(model.FieldMobileDestination):
				note("%s说其中是流动党员：%s记为流动党员；本表没有“外出流向”列，名册中还没有外出流向的人不能导入，请加上这一列后再导入", f, st.from, list(rows))
			default:
				note("%s说其中是流动党员：%s记为流动党员", f, st.from, list(rows))
			}
		}
		if rows := st.differ[f]; len(rows) > 0 {
			switch f {
			case model.FieldStanding:
				note("%s说其中是停止党籍的党员，%s的党籍状态却写的是别的：按各行所填导入，请核对", f, st.from, list(rows))
			case model.FieldLostContact:
				note("%s说其中是失联党员，%s的是否失联党员却为“否”：按各行所填导入，请核对", f, st.from, list(rows))
			case model.FieldMobile:
				note("%s说其中是流动党员，%s的是否流动党员却为“否”：按各行所填导入，请核对", f, st.from, list(rows))
			}
		}
	}
}
