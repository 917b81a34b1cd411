package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/demo"
	"branchledger/storage/recruitfile"
	"branchledger/ui/kit"
	"branchledger/ui/recruit"
	"branchledger/ui/transfer"
)

// 党费 → 收缴 opens with 1月 in view beside this month, in November and
// in December, in the window a 1366×768 laptop opens (windowSize) and
// maximised: aimed at the column after this month, with room for 99999.99
// in every month, the grid opened in December on 3月–12月 (issue 8, ui13
// #2). In English twelve months of "Overdue" and 全年实交 are wider than
// the window even maximised: there the grid opens on whole columns at its
// end, this month and 全年实交 in view (TestDuesGridOpensOnWholeColumns);
// the view ended inside "Paid this (year)" (review s13-look).
func TestCollectOpensWithJanuaryInView(t *testing.T) {
	defer func() { _ = useLanguage(Chinese) }()
	for _, tc := range []struct {
		l    Language
		size fyne.Size
	}{{Chinese, windowSize}, {Chinese, largeWindow}} {
		if err := useLanguage(tc.l); err != nil {
			t.Fatal(err)
		}
		size := tc.size
		for _, today := range []model.Date{model.NewDate(2026, time.November, 25), model.NewDate(2026, time.December, 2)} {
			s, _ := newStoreShellOn(t, today, func(st *storage.Store) {
				if err := demo.Fill(st, 14, 1, today); err != nil {
					t.Fatal(err)
				}
			})
			s.win.Resize(size)
			s.show(screenDues)
			c := s.dues.collect
			for _, m := range []int{1, int(today.Month)} {
				if !wholeInView(c.table, monthName(m)) {
					t.Errorf("%s %s at %v: 收缴 opens without %s in view", tc.l, today, size, monthName(m))
				}
			}
		}
	}
}

// valueEntryReading is the shown choose-or-type box whose options include
// option (an ethnicity's English name, say).
func valueEntryReading(s *shell, option string) *kit.SelectEntry {
	var out *kit.SelectEntry
	shown(s, func(o fyne.CanvasObject) {
		if e, ok := o.(*kit.SelectEntry); ok && slices.Contains(e.Offered(), option) {
			out = e
		}
	})
	return out
}

// tapButton taps the shown button reading text.
func tapButton(t *testing.T, s *shell, text string) {
	t.Helper()
	var b *widget.Button
	shown(s, func(o fyne.CanvasObject) {
		if w, ok := asButton(o); ok && w.Text == text && w.Visible() {
			b = w
		}
	})
	if b == nil {
		t.Fatalf("no %q button", text)
	}
	test.Tap(b)
}

// In English, 民族 in the member form, the applicant form and the transfer-
// in form shows GB 3304's romanisation — Han for a new person, a list of
// English names, none Chinese — and a name chosen is stored as the
// standard's Chinese name (藏族), a note typed as typed. The three forms
// showed 汉族 in the English UI (issue 8, ui13 #1).
func TestEthnicityFieldsInEnglish(t *testing.T) {
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = useLanguage(Chinese) }()
	checkBox := func(where string, e *kit.SelectEntry) {
		t.Helper()
		if e == nil {
			t.Fatalf("%s: no 民族 box offering Han", where)
		}
		if e.Text != "Han" {
			t.Errorf("%s: a new person's 民族 reads %q, want Han", where, e.Text)
		}
		for _, o := range e.Offered() {
			if han.MatchString(o) {
				t.Errorf("%s: 民族 offers %q in English", where, o)
			}
		}
		if len(e.Offered()) != len(model.CurrentEthnicities.Choices()) {
			t.Errorf("%s: 民族 offers %d entries, want %d", where, len(e.Offered()), len(model.CurrentEthnicities.Choices()))
		}
	}

	// The member form, through the store the form saves to.
	f := newFakeStore(testToday)
	f.profile = model.Profile{BranchName: testBranch, OrgName: "兰州新锐科技有限公司"}
	s := newTestShell(t, f)
	s.show(screenRoster)
	test.Tap(s.roster.addButton)
	form := s.roster.form
	eth := valueEntryReading(s, "Han")
	checkBox("member form", eth)
	in := func(f model.Field) fyne.CanvasObject { return form.fields[f].Input }
	fill(in(model.FieldName), "卓玛")
	fill(in(model.FieldIDNumber), validID("19880315", "242"))
	eth.SetText("")
	fill(eth, "zang") // typed, in any case
	fill(in(model.FieldJoinDate), "2012.6.20")
	fill(in(model.FieldFullDate), "2013年6月")
	if form.form.Save.Disabled() {
		t.Fatalf("save disabled: %s", form.form.Reason.Text)
	}
	test.Tap(form.form.Save)
	if len(f.members) != 1 || f.members[0].Ethnicity != "藏族" {
		t.Fatalf("the store received %+v, want 民族 藏族", f.members)
	}
	// Edited again, the record's 藏族 reads Zang; a registered note stays.
	form = showMemberForm(s, f.members[0])
	if got := form.values[model.FieldEthnicity].Text; got != "Zang" {
		t.Errorf("member form: a stored 藏族 reads %q, want Zang", got)
	}
	form.values[model.FieldEthnicity].SetText("纳西族（摩梭人）")
	if got := form.text(model.FieldEthnicity); got != "纳西族（摩梭人）" {
		t.Errorf("member form: a typed note is kept as %q", got)
	}
	form.dlg.Hide()

	// The applicant form, opened from 发展党员 → New applicant.
	rs, st := newStoreShell(t, func(*storage.Store) {})
	rs.svc.Recruiting = recruitfile.New(st)
	rs.screens = rs.registry()
	rs.show(recruit.Title)
	tapButton(t, rs, "New applicant")
	eth = valueEntryReading(rs, "Han")
	checkBox("applicant form", eth)
	// Its 学历 too was offered in Chinese.
	if valueEntryReading(rs, "University") == nil {
		t.Error("applicant form: 学历 does not offer University")
	}

	// The transfer-in form, opened from 组织关系 → Record a transfer in….
	ts, _, _, _ := newTransferShell(t)
	ts.show(transfer.Title)
	shown(ts, func(o fyne.CanvasObject) {
		if tabs, ok := o.(*container.AppTabs); ok {
			tabs.SelectIndex(1)
		}
	})
	tapButton(t, ts, "Record a transfer in…")
	checkBox("transfer-in form", valueEntryReading(ts, "Han"))
}

// 为所选党员设置 a category alone, or a base alone, for members who have
// neither yet (a branch's first hour): the dialog closes and the rows hold
// what was set, waiting for the rest, said in one line; 免交 asks for its
// approval in the dialog, under its own field, and saves. The category
// alone was refused ("请填写计算基数：…"), the base alone too ("尚无缴纳类别
// …"), and 免交 was refused on saving with nowhere to type the approval
// (issue 8, ui13 #3).
func TestBulkSetsCategoryOrBaseAlone(t *testing.T) {
	open := func(t *testing.T) (*duesBases, *storage.Store, []int) {
		s, st, _ := firstDayShell(t)
		b := basesOf(duesOf(t, s))
		var picked []int
		for i := range b.rows {
			if !b.rows[i].stored {
				b.rows[i].selected = true
				picked = append(picked, i)
			}
		}
		if len(picked) < 10 {
			t.Fatalf("%d members without a base", len(picked))
		}
		b.editSelected()
		return b, st, picked
	}
	stored := func(st *storage.Store) []model.DuesBase {
		bases, err := st.DuesBases(2026)
		if err != nil {
			t.Fatal(err)
		}
		return bases
	}

	t.Run("category alone", func(t *testing.T) {
		b, st, picked := open(t)
		before := len(stored(st))
		bd := b.bulkDlg
		bd.cat.SetSelected(string(model.DuesRetired))
		test.Tap(bd.form.Save)
		if bd.form.Reason.Text != "" {
			t.Fatalf("refused: %q", bd.form.Reason.Text)
		}
		for _, i := range picked {
			if r := b.rows[i]; r.base.Category != model.DuesRetired || !r.changed {
				t.Errorf("%s: category %q (edited %v), want 离退休 waiting for a base", r.name, r.base.Category, r.changed)
			}
		}
		if !strings.Contains(b.msg.Text, "缴纳类别已填入、尚未保存") || !strings.Contains(b.msg.Text, b.rows[picked[0]].name) {
			t.Errorf("the page says %q", b.msg.Text)
		}
		if n := len(stored(st)); n != before {
			t.Errorf("%d bases stored, want %d: no base of 0", n, before)
		}
		// A base typed for one of them then saves it as 离退休.
		test.Type(b.entries[picked[0]], "4000")
		test.Tap(b.saveButton)
		if n := len(stored(st)); n != before+1 {
			t.Errorf("%d bases stored after typing one, want %d", n, before+1)
		}
	})

	t.Run("base alone", func(t *testing.T) {
		b, st, picked := open(t)
		before := len(stored(st))
		bd := b.bulkDlg
		test.Type(bd.base, "5000")
		test.Tap(bd.form.Save)
		if bd.form.Reason.Text != "" {
			t.Fatalf("refused: %q", bd.form.Reason.Text)
		}
		if !strings.Contains(b.msg.Text, "还须选择缴纳类别") {
			t.Errorf("the page says %q", b.msg.Text)
		}
		// The category alone next: the base set before counts.
		b.editSelected()
		b.bulkDlg.cat.SetSelected(string(model.DuesEmployed))
		test.Tap(b.bulkDlg.form.Save)
		if b.bulkDlg.form.Reason.Text != "" {
			t.Fatalf("category after the base refused: %q", b.bulkDlg.form.Reason.Text)
		}
		bases := stored(st)
		if len(bases) != before+len(picked) {
			t.Fatalf("%d bases stored, want %d", len(bases), before+len(picked))
		}
		for _, x := range bases {
			if x.MemberID == b.rows[picked[0]].base.MemberID && (x.Category != model.DuesEmployed || x.Base != 500000) {
				t.Errorf("stored %+v, want 在职 5000.00", x)
			}
		}
	})

	t.Run("免交", func(t *testing.T) {
		b, st, picked := open(t)
		before := len(stored(st))
		bd := b.bulkDlg
		if !bd.approval.Disabled() {
			t.Error("批准情况 open before 免交 is chosen")
		}
		bd.cat.SetSelected(string(model.DuesExempt))
		if bd.approval.Disabled() || !bd.form.Save.Disabled() || !strings.Contains(bd.form.Reason.Text, "批准情况") {
			t.Fatalf("免交 without an approval: field disabled %v, save disabled %v, reason %q", bd.approval.Disabled(), bd.form.Save.Disabled(), bd.form.Reason.Text)
		}
		test.Type(bd.approval, "某某党委 2026-11-20 批复")
		test.Tap(bd.form.Save)
		if bd.form.Reason.Text != "" {
			t.Fatalf("refused: %q", bd.form.Reason.Text)
		}
		bases := stored(st)
		if len(bases) != before+len(picked) {
			t.Fatalf("%d bases stored, want %d", len(bases), before+len(picked))
		}
		for _, x := range bases {
			if x.Category == model.DuesExempt && x.Approval != "某某党委 2026-11-20 批复" {
				t.Errorf("免交 stored with approval %q", x.Approval)
			}
		}
	})
}

// 活动 → 活动记录 shows each topic whole, at 1024×700 and 1366×768, in
// both languages: the topic column takes the width the others leave and a
// long topic wraps in a taller row. At 15 characters wide a topic was cut
// with "…" beside empty room (issue 8, ui13 #4).
func TestActivityListShowsTopicsWhole(t *testing.T) {
	defer func() { _ = useLanguage(Chinese) }()
	long := "学习贯彻党的二十届四中全会精神，结合本公司安全生产和技术攻关实际，开展“我为群众办实事”专题研讨并部署第四季度重点工作"
	for _, l := range []Language{Chinese, English} {
		if err := useLanguage(l); err != nil {
			t.Fatal(err)
		}
		s, st, ms := firstDayShell(t)
		day := model.NewDate(testToday.Year, 11, 10)
		all, _ := st.Members()
		att := model.NewAttendance(model.DueMembers(model.KindThemeDay, day, all, nil))
		if _, err := st.SaveActivity(model.Activity{Kind: model.KindThemeDay, Date: day, Topic: long,
			Chair: ms[0].Name, Recorder: ms[1].Name, Attendance: att}); err != nil {
			t.Fatal(err)
		}
		s.dataChanged()
		s.show(screenActivities)
		a := s.activities
		for _, size := range []fyne.Size{smallWindow, largeWindow} {
			s.win.Resize(size)
			var topic *kit.WrapLabel
			walk(a.table, func(o fyne.CanvasObject) {
				lb, ok := o.(*kit.WrapLabel)
				if !ok || !lb.Visible() {
					return
				}
				if strings.HasPrefix(lb.Text, "学习贯彻") {
					topic = lb
				}
				// No cell cut either ("Committee me…" was).
				if strings.HasSuffix(lb.Text, "…") {
					t.Errorf("%s %v: the list cuts %q", l, size, lb.Text)
				}
			})
			if topic == nil {
				t.Fatalf("%s %v: the topic is not drawn in full (cut or missing)", l, size)
			}
			if topic.Text != long {
				t.Errorf("%s %v: the topic reads %q", l, size, topic.Text)
			}
			// Wrapped at its width, its lines fit the row.
			if need := topic.MinSize().Height; need > topic.Size().Height+0.5 {
				t.Errorf("%s %v: the topic needs %.0f px, its row gives %.0f", l, size, need, topic.Size().Height)
			}
			if end := fyne.CurrentApp().Driver().AbsolutePositionForObject(topic).X + topic.Size().Width; end > size.Width {
				t.Errorf("%s %v: the topic runs to x=%.0f, off the window", l, size, end)
			}
			// Every column in view: in English at 1024×700 the wider kinds
			// and headings pushed 附件 and 录入 off the right edge.
			var last *widget.Label
			walk(a.table, func(o fyne.CanvasObject) {
				if lb, ok := o.(*widget.Label); ok && lb.Visible() && lb.Text == lang.L("录入") {
					last = lb
				}
			})
			if last == nil {
				t.Errorf("%s %v: the last column's heading is not drawn", l, size)
			} else if end := fyne.CurrentApp().Driver().AbsolutePositionForObject(last).X + last.MinSize().Width; end > size.Width {
				t.Errorf("%s %v: the last column's heading runs to x=%.0f, off the window", l, size, end)
			}
		}
	}
}

// The 党费已交至 field of a member's page and of 为所选党员设置, at
// 1024×700 in both languages: the entry's example fits inside it, and the
// rule with what an empty field means is drawn whole under it. The whole
// hint was the entry's placeholder, cut off (issue 8, ui13 #5).
func TestOpeningHintIsReadWhole(t *testing.T) {
	defer func() { _ = useLanguage(Chinese) }()
	for _, l := range []Language{Chinese, English} {
		if err := useLanguage(l); err != nil {
			t.Fatal(err)
		}
		s, _, ms := firstDayShell(t)
		s.win.Resize(smallWindow)
		check := func(where string, entry *kit.Entry, rule string) {
			t.Helper()
			inner := entry.Size().Width - 2*theme.InnerPadding()
			if w := fyne.MeasureText(entry.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width; w > inner {
				t.Errorf("%s %s: the example %q is %.0f px in an entry of %.0f", l, where, entry.PlaceHolder, w, inner)
			}
			var hint *kit.WrapLabel
			shown(s, func(o fyne.CanvasObject) {
				if lb, ok := o.(*kit.WrapLabel); ok && lb.Visible() && strings.Contains(lb.Text, rule) {
					hint = lb
				}
			})
			if hint == nil {
				t.Fatalf("%s %s: no hint saying %q", l, where, rule)
			}
			if hint.Wrapping != fyne.TextWrapWord || hint.MinSize().Height > hint.Size().Height+0.5 {
				t.Errorf("%s %s: the hint %q is cut (wrapping %v, needs %.0f px, has %.0f)", l, where, hint.Text, hint.Wrapping, hint.MinSize().Height, hint.Size().Height)
			}
			if p := fyne.CurrentApp().Driver().AbsolutePositionForObject(hint); p.X+hint.Size().Width > smallWindow.Width || p.Y+hint.Size().Height > smallWindow.Height {
				t.Errorf("%s %s: the hint is off the window at %v", l, where, p)
			}
		}
		s.openMember(ms[0].ID)
		dt := s.roster.detail.dues
		dt.editOpening()
		check("member page", dt.openingEntry, lang.L("；不填表示未登记"))
		dt.form.TryCancel()

		b := basesOf(duesOf(t, s))
		b.rows[0].selected = true
		b.editSelected()
		check("为所选党员设置", b.bulkDlg.paidTo, lang.L("；不填则不修改"))
	}
}

// inViewOf reports whether o is drawn whole inside the visible part of
// the page scroll.
func inViewOf(page fyne.CanvasObject, o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	top, y := d.AbsolutePositionForObject(page).Y, d.AbsolutePositionForObject(o).Y
	return o.Visible() && y >= top-0.5 && y+o.Size().Height <= top+page.Size().Height+0.5
}

// 设置: saved with Enter from a field at the top of 支部基本信息, or with
// 组织生活设置's 保存 while the page shows its top, the form's 已保存 is
// in view, beside its 保存, at 1024×700 and 1366×768: it was drawn below
// the fold, and nothing in view said the profile was saved (issue 8, ui13
// #6).
func TestSettingsSavedIsInView(t *testing.T) {
	for _, size := range []fyne.Size{smallWindow, largeWindow} {
		s, _, _ := firstDayShell(t)
		s.win.Resize(size)
		s.show(screenSettings)
		page := s.settings.content
		p := s.settings.profile
		s.win.Canvas().Focus(p.orgAddress)
		test.Type(p.orgAddress, "1号")
		s.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if p.status.Text != "已保存" {
			t.Fatalf("%v: Enter in 单位地址 left %q beside 保存 (reason %q)", size, p.status.Text, p.form.Reason.Text)
		}
		if !inViewOf(page, p.status) || !inViewOf(page, p.save) {
			t.Errorf("%v: the profile's 已保存 and 保存 are out of view after saving", size)
		}

		m := s.settings.meetings
		page.(*kit.Scroll).ScrollToTop()
		m.groups.SetChecked(!m.groups.Checked)
		m.submit()
		if m.status.Text != "已保存" || !inViewOf(page, m.status) {
			t.Errorf("%v: 组织生活设置 says %q, in view %v", size, m.status.Text, inViewOf(page, m.status))
		}
	}
}

// In English the import preview says every refusal in English, also those
// the model gives as a fixed sentence (an ID number whose date of birth
// does not exist) or with numbers (a name of 42 characters): they were
// Chinese in the row list (issue 8, ui13 #7). What it quotes from the file
// and the names stay as written.
func TestImportRefusalsInEnglish(t *testing.T) {
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = useLanguage(Chinese) }()
	f := excelize.NewFile()
	defer f.Close()
	sh := f.GetSheetName(0)
	badBirth := "62010219871332" + "0013" // 1987-13-32
	long := strings.Repeat("乙五", 21)
	rows := [][]any{
		{"姓名", "公民身份号码", "性别", "人员类别", "加入党组织日期", "转为正式党员日期"},
		{"甲八", badBirth, "女", "正式党员", "2005-06-01", "2006-06-01"},
		{long, validID("19720101", "013"), "男", "正式党员", "2005-06-01", "2006-06-01"},
		{"甲一", validID("19800101", "013"), "男", "正式党员", "2005-06-01", "2006-06-01"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "花名册.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	s, _ := newStoreShell(t, func(*storage.Store) {})
	s.show(screenRoster)
	s.roster.previewImport(path)
	p := s.roster.preview
	if p == nil {
		t.Fatal("no preview")
	}
	reason := len(p.rejectedColumns()) - 1
	want := map[int]string{2: "The date of birth in the ID number", 3: "Too long (42 characters, at most"}
	for i, x := range p.p.Rejected {
		said := tableCell(p.rejected, i, reason)
		rest := strings.ReplaceAll(quoted.ReplaceAllString(said, ""), long, "")
		if chineseText.MatchString(rest) {
			t.Errorf("row %d: the refusal is Chinese in English: %q", x.Row, said)
		}
		if w, ok := want[x.Row]; ok && !strings.Contains(said, w) {
			t.Errorf("row %d says %q, want %q", x.Row, said, w)
		}
		delete(want, x.Row)
	}
	if len(want) > 0 {
		t.Errorf("rows not refused: %v (refused %+v)", want, p.p.Rejected)
	}
}
