package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/storage/demo"
	"branchledger/ui/kit"
)

var testToday = model.NewDate(2026, time.November, 25)

const testBranch = "兰州新锐科技有限公司党支部"

// newTestShell builds the main window over a fake store, with background
// work run in line and every confirmation answered yes. The checks have
// been worked out, as NewMainWindow starts them.
func newTestShell(t *testing.T, f *fakeStore) *shell {
	t.Helper()
	a := test.NewTempApp(t)
	s := newShell(a, f.services(), "/data/branch.db")
	s.background = func(work func()) { work() }
	s.files.RunInLine()
	s.confirm = func(_, _ string, onYes func()) { onYes() }
	s.confirmDiscard = s.confirm
	t.Cleanup(s.win.Close)
	s.recheck()
	return s
}

// member is a valid full member with the given name and ID number.
func member(name, id string) model.Member {
	m := model.NewMember()
	m.Name, m.IDNumber, m.BranchName = name, id, testBranch
	m.JoinDate, m.FullDate = model.NewDate(2010, 7, 1), model.NewDate(2011, 7, 1)
	m.Normalize()
	return m
}

// validID makes a valid ID number for a birth date; odd seq is male.
func validID(birth string, seq string) string {
	first := "620102" + birth + seq
	return first + string(model.IDCheckChar(first))
}

// cellText is what the table shows in a data cell.
func cellText(o fyne.Widget, row, col int) string {
	t := tableOf(o)
	l := t.CreateCell()
	t.UpdateCell(widget.TableCellID{Row: row, Col: col}, l)
	text, _ := labelOf(l)
	return text
}

// labelOf is the text and look of a label, plain or wrapping (a
// kit.WrapLabel: the cells of text tables, wrapped lines).
func labelOf(o fyne.CanvasObject) (string, widget.Importance) {
	switch l := o.(type) {
	case *widget.Label:
		return l.Text, l.Importance
	case *kit.WrapLabel:
		return l.Text, l.Importance
	}
	return "", widget.MediumImportance
}

// rows is the number of data rows a table shows.
func rows(o fyne.Widget) int {
	r, _ := tableOf(o).Length()
	return r
}

// tableOf is the widget.Table of a table, or of a kit.StickyTable.
func tableOf(o fyne.Widget) *widget.Table {
	switch t := o.(type) {
	case *widget.Table:
		return t
	case *kit.StickyTable:
		return &t.Table
	}
	panic(fmt.Sprintf("%T is not a table", o))
}

func namesShown(r *rosterScreen) []string {
	var out []string
	for i := 0; i < rows(r.table); i++ {
		out = append(out, cellText(r.table, i, 0))
	}
	return out
}

func TestSearchNarrowsTheTable(t *testing.T) {
	ms := demo.Members(40, 7, testToday, testBranch)
	ms = append(ms, member("欧阳明华", validID("19800101", "123")), member("欧阳丽", validID("19850202", "124")))
	s := newTestShell(t, newFakeStore(testToday, ms...))
	s.show(screenRoster)
	r := s.roster
	if got := rows(r.table); got != 42 {
		t.Fatalf("table shows %d rows before searching, want 42", got)
	}

	test.Type(r.search, "欧阳")
	if got := namesShown(r); len(got) != 2 || !strings.HasPrefix(got[0], "欧阳") || !strings.HasPrefix(got[1], "欧阳") {
		t.Errorf("after typing 欧阳 the table shows %v, want the two 欧阳", got)
	}
	if r.count.Text != "共 2 人" {
		t.Errorf("count label %q, want 共 2 人", r.count.Text)
	}

	r.search.SetText(validID("19800101", "123")[:10])
	if got := namesShown(r); len(got) != 1 || got[0] != "欧阳明华" {
		t.Errorf("searching part of an ID number shows %v, want [欧阳明华]", got)
	}
}

func TestClickingAHeaderSorts(t *testing.T) {
	f := newFakeStore(testToday,
		member("张伟", validID("19800101", "123")),
		member("安然", validID("19810101", "124")),
		member("李娜", validID("19820101", "125")))
	s := newTestShell(t, f)
	s.show(screenRoster)
	r := s.roster

	header := r.table.CreateHeader().(*widget.Button)
	r.table.UpdateHeader(widget.TableCellID{Row: -1, Col: 0}, header)
	test.Tap(header)
	if got := strings.Join(namesShown(r), " "); got != "安然 李娜 张伟" {
		t.Errorf("after one click on 姓名: %s, want pinyin order 安然 李娜 张伟", got)
	}
	r.table.UpdateHeader(widget.TableCellID{Row: -1, Col: 0}, header)
	if header.Text != "姓名 ▲" {
		t.Errorf("sorted column heading %q, want 姓名 ▲", header.Text)
	}

	test.Tap(header)
	if got := strings.Join(namesShown(r), " "); got != "张伟 李娜 安然" {
		t.Errorf("after a second click: %s, want 张伟 李娜 安然", got)
	}
	r.table.UpdateHeader(widget.TableCellID{Row: -1, Col: 0}, header)
	if header.Text != "姓名 ▼" {
		t.Errorf("heading after second click %q, want 姓名 ▼", header.Text)
	}
}

func TestFilters(t *testing.T) {
	full := member("正式甲", validID("19800101", "123"))
	prob := member("预备乙", validID("19900101", "124"))
	prob.Category, prob.FullDate, prob.JoinDate = model.CategoryProbationary, model.Date{}, model.NewDate(2026, 3, 1)
	mobile := member("流动丙", validID("19850101", "125"))
	mobile.Mobile, mobile.MobileDestination = true, "广东省深圳市"
	left := member("转出丁", validID("19700101", "126"))
	left.OnRoster, left.LeftBy, left.LeftOn = false, model.EventTransferOut, model.NewDate(2025, 1, 1)
	s := newTestShell(t, newFakeStore(testToday, full, prob, mobile, left))
	s.show(screenRoster)
	r := s.roster

	check := func(what string, want ...string) {
		t.Helper()
		if got := strings.Join(namesShown(r), " "); got != strings.Join(want, " ") {
			t.Errorf("%s: table shows %q, want %q", what, got, strings.Join(want, " "))
		}
	}
	check("default view: on the roster only", "正式甲", "预备乙", "流动丙")
	r.category.SetSelectedIndex(2)
	check("预备党员", "预备乙")
	r.category.SetSelectedIndex(0)
	r.mobile.SetSelectedIndex(1)
	check("流动党员", "流动丙")
	r.mobile.SetSelectedIndex(0)
	r.left.SetSelectedIndex(1)
	check("已离开", "转出丁")
	if got := cellText(r.table, 0, len(r.columns)-1); got != "2025-01-01 转出" {
		t.Errorf("名册状态 of a member who left: %q", got)
	}
	r.left.SetSelectedIndex(2)
	check("全部", "正式甲", "预备乙", "流动丙", "转出丁")
}

// A leaving event takes the member out of the default view; nothing is
// deleted. (Transfers out go through a letter: ui/transfer's tests.)
func TestLeavingEventLeavesTheDefaultView(t *testing.T) {
	a, b := member("甲", validID("19800101", "123")), member("乙", validID("19810101", "124"))
	f := newFakeStore(testToday, a, b)
	s := newTestShell(t, f)
	s.show(screenRoster)
	r := s.roster

	r.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if r.detail == nil || r.detail.m.Name != "甲" {
		t.Fatalf("selecting the first row did not open 甲's page")
	}
	test.Tap(r.detail.eventButton)
	d := r.detail.eventDialog
	if strings.Contains(strings.Join(d.kind.Options, " "), string(model.EventTransferOut)) {
		t.Errorf("the event form offers a bare 转出: %v", d.kind.Options)
	}
	d.kind.SetSelected(string(model.EventDeath))
	if !d.record.Disabled() {
		t.Errorf("登记 enabled for a death without saying what happened")
	}
	test.Type(d.note, "因病去世")
	if d.record.Disabled() {
		t.Fatalf("登记 still disabled: %q", d.form.Reason.Text)
	}
	test.Tap(d.record)

	if got := strings.Join(namesShown(r), " "); got != "乙" {
		t.Errorf("在册 view after 甲 left shows %q, want 乙", got)
	}
	if r.detail.status.Text != "已于 2026-11-25 死亡，不在册" || rows(r.detail.eventsTable) != 1 {
		t.Errorf("甲's page: status %q, %d events; want the death", r.detail.status.Text, rows(r.detail.eventsTable))
	}
	if kinds := model.AvailableEvents(&r.detail.m); len(kinds) != 0 {
		t.Errorf("after a death the events on offer are %v, want none", kinds)
	}
	r.showList()
	r.left.SetSelectedIndex(1)
	if got := strings.Join(namesShown(r), " "); got != "甲" {
		t.Errorf("已离开 view shows %q, want 甲 (nothing is deleted)", got)
	}
}

func TestSelectingARowOpensTheMemberWithItsHistory(t *testing.T) {
	f := newFakeStore(testToday, member("甲", validID("19800101", "123")))
	f.changes = []model.FieldChange{
		{MemberID: 1, Field: model.FieldPhone, Old: "", New: "13800000000", At: time.Date(2025, 1, 1, 9, 0, 0, 0, time.Local), Source: "编辑"},
		{MemberID: 1, Field: model.FieldPost, Old: "农民工", New: "其他", At: time.Date(2026, 1, 1, 9, 0, 0, 0, time.Local), Source: "花名册.xlsx"},
	}
	s := newTestShell(t, f)
	s.show(screenRoster)
	s.roster.table.Select(widget.TableCellID{Row: 0, Col: 3})
	d := s.roster.detail
	if d == nil {
		t.Fatal("no member page")
	}
	if got := cellText(d.changesTable, 0, 1); got != "工作岗位" {
		t.Errorf("newest change first: row 0 is %q, want 工作岗位", got)
	}
	if d.partyAge.Text != "15 年" || cellLabelOf(d.content, d.partyAge) != "党龄" {
		t.Errorf("party age %q labelled %q, want 15 年 labelled 党龄", d.partyAge.Text, cellLabelOf(d.content, d.partyAge))
	}
	test.Tap(d.editButton)
	test.Type(d.form.entries[model.FieldPhone], "13912345678")
	test.Tap(d.form.form.Save)
	if m, _ := f.Member(1); m.Phone != "13912345678" {
		t.Errorf("phone after editing: %q", m.Phone)
	}
	if d != s.roster.detail || rows(d.changesTable) != 3 {
		t.Errorf("member page after edit shows %d changes, want 3", rows(d.changesTable))
	}
}

func asTable(t *testing.T, o fyne.CanvasObject) *widget.Table {
	t.Helper()
	tb, ok := o.(*widget.Table)
	if !ok {
		t.Fatalf("%T is not a table", o)
	}
	return tb
}

// cellLabelOf is the text of the label laid out beside o in a formColumns
// grid under root, or "".
func cellLabelOf(root fyne.CanvasObject, o fyne.CanvasObject) string {
	c, ok := root.(*fyne.Container)
	if !ok {
		if w, ok := root.(fyne.Widget); ok {
			for _, ch := range test.WidgetRenderer(w).Objects() {
				if got := cellLabelOf(ch, o); got != "" {
					return got
				}
			}
		}
		return ""
	}
	for i, ch := range c.Objects {
		if right, ok := ch.(*fyne.Container); ok && i > 0 && len(right.Objects) > 0 && right.Objects[0] == o {
			if left, ok := c.Objects[i-1].(*fyne.Container); ok && len(left.Objects) == 1 {
				if l, ok := left.Objects[0].(*widget.Label); ok {
					return l.Text
				}
			}
		}
		if got := cellLabelOf(ch, o); got != "" {
			return got
		}
	}
	return ""
}

// A cell is cut to its own width, which Fyne sets before each update: after
// the user drags a column's edge narrower the text is cut (not run into the
// next column), and wider it shows whole again.
func TestRosterCellFollowsItsColumnWidth(t *testing.T) {
	s := newTestShell(t, newFakeStore(testToday, demo.Members(3, 7, testToday, testBranch)...))
	s.show(screenRoster)
	col := -1
	for i, c := range s.roster.columns {
		if c.title == "所在党支部" {
			col = i
		}
	}
	if col < 0 {
		t.Fatal("no 所在党支部 column")
	}
	shown := func(width float32) string {
		l := s.roster.table.CreateCell().(*widget.Label)
		l.Resize(fyne.NewSize(width, 40))
		s.roster.table.UpdateCell(widget.TableCellID{Row: 0, Col: col}, l)
		return l.Text
	}
	narrow, wide := shown(80), shown(600)
	if !strings.HasSuffix(narrow, "…") || !strings.HasPrefix(testBranch, strings.TrimSuffix(narrow, "…")) {
		t.Errorf("in a narrow column: %q", narrow)
	}
	if wide != testBranch {
		t.Errorf("in a wide column: %q, want %q", wide, testBranch)
	}
}
