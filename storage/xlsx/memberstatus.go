package xlsx

import "branchledger/model"

// categoryStatus reads a 人员类别 cell that classes the member by their
// work or by being away (在职党员, 离退休党员, 流动党员: a dues register's
// 党员类别) and reports whether it did. Such a cell says neither 正式 nor
// 预备: 人员类别 then follows from the dates as for a cell saying 党员
// (the sheet's note lists the rows); what it does say is read once the row
// is (settleStatus). Every row was refused for it (review ra7 F17).
func (r *rowMember) categoryStatus(v string) bool {
	st, ok := model.ParseMemberStatus(v)
	if ok {
		r.status = &st
	}
	return ok
}

// settleStatus gives the row what its 党员类别 cell says besides: a 工作岗位
// where the row has none (离退休党员 → 离退休人员), 流动党员 where the row
// gives where the member went — without a 外出流向 the record would be
// refused, so it is said instead, to be registered on the member's page.
// A 是否流动党员 cell of the row says it itself.
func (r *rowMember) settleStatus() {
	st := r.status
	if st == nil {
		return
	}
	m := &r.m
	v := r.shown[model.FieldCategory]
	heading := model.Term(model.FieldCategory.Label())
	if c, ok := r.im.h.column(model.FieldCategory); ok && r.im.h.headingAt(c) != "" {
		heading = model.Term(r.im.h.headingAt(c))
	}
	if st.Post != "" && m.Post == "" {
		m.Post = st.Post
		r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, model.FieldPost, "%s：%s为%s，工作岗位记为%s", r.who(), heading, quote(v), quote(st.Post)))
	}
	if !st.Mobile || r.shown[model.FieldMobile] != "" || m.Mobile {
		return
	}
	if m.MobileDestination == "" {
		r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, model.FieldMobile, "%s：%s为%s，但文件中没有外出流向，未记为流动党员；请在其页面登记外出流向", r.who(), heading, quote(v)))
		return
	}
	m.Mobile = true
	r.notes = append(r.notes, model.Note(r.im.sheet.Name, r.row, model.FieldMobile, "%s：%s为%s，记为流动党员", r.who(), heading, quote(v)))
}
