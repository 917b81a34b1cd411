package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/ui/kit"
)

func TestImportPreviewWritesNothingUntilConfirmed(t *testing.T) {
	old := member("甲", validID("19800101", "123"))
	f := newFakeStore(testToday, old)
	before, _ := f.Member(1)
	after := before
	after.Phone = "13912345678"
	f.preview = model.ImportPreview{
		Sheet: "花名册", HeaderRow: 3,
		Sheets: []model.ImportSheet{{Name: "花名册", Included: true, HeaderRow: 3, Rows: 4}},
		Rejected: []model.Rejection{
			{Sheet: "花名册", Row: 7, Field: model.FieldIDNumber, Reason: "公民身份号码应为18位（现为17位）", Name: "张三", Value: "62010219850312013"},
			{Sheet: "花名册", Row: 9, Field: model.FieldJoinDate, Reason: "请填写加入党组织日期", Name: "李四"},
		},
		Plan: model.ImportPlan{
			Source: "花名册.xlsx",
			Add:    []model.Member{member("新人", validID("19950505", "131"))},
			Update: []model.ImportUpdate{{Before: before, After: after, Changes: model.DiffMembers(&before, &after)}},
		},
	}
	s := newTestShell(t, f)
	s.show(screenRoster)
	r := s.roster

	r.previewImport("/home/secretary/花名册.xlsx")
	p := r.preview
	if p == nil {
		t.Fatal("no preview shown")
	}
	if !strings.Contains(p.summary.Text, "新增 1 人，更新 1 人") || !strings.Contains(p.summary.Text, "2 行未通过") {
		t.Errorf("summary %q", p.summary.Text)
	}
	rejected := p.tabs.Items[0].Content
	if p.tabs.SelectedIndex() != 0 || rows(asTable(t, rejected)) != 2 {
		t.Errorf("the rejected rows are not what the preview opens on")
	}
	// The row, whose it is, the field, what the cell shows, and why.
	table := asTable(t, rejected)
	if got := []string{cellText(table, 0, 0), cellText(table, 0, 1), cellText(table, 0, 2), cellText(table, 0, 3), cellText(table, 0, 4)}; got[0] != "7" || got[1] != "张三" ||
		got[2] != "公民身份号码" || got[3] != "62010219850312013" || !strings.Contains(got[4], "18位") {
		t.Errorf("first rejection %q", got)
	}
	updates := asTable(t, p.tabs.Items[1].Content)
	if rows(updates) != 1 || cellText(updates, 0, 2) != "联系电话" || cellText(updates, 0, 4) != "13912345678" {
		t.Errorf("update table: %d rows, %q → %q", rows(updates), cellText(updates, 0, 2), cellText(updates, 0, 4))
	}
	if !strings.Contains(p.confirm.Text, "跳过") {
		t.Errorf("confirm button %q does not say rejected rows are skipped", p.confirm.Text)
	}
	if len(f.committed) != 0 || len(f.members) != 1 {
		t.Fatalf("something was written before confirming")
	}

	test.Tap(p.confirm)
	if len(f.committed) != 1 {
		t.Fatalf("CommitImport called %d times, want 1", len(f.committed))
	}
	if got := strings.Join(namesShown(r), " "); got != "甲 新人" {
		t.Errorf("roster after import shows %q", got)
	}
}

func TestImportWithNothingToDoCannotBeConfirmed(t *testing.T) {
	f := newFakeStore(testToday)
	f.preview = model.ImportPreview{Sheet: "Sheet1", Plan: model.ImportPlan{Unchanged: 12}}
	s := newTestShell(t, f)
	s.show(screenRoster)
	s.roster.previewImport("x.xlsx")
	if !s.roster.preview.confirm.Disabled() {
		t.Error("确认导入 enabled with nothing to add or update")
	}
}

func TestUnreadableImportFileShowsTheServicesSentence(t *testing.T) {
	f := newFakeStore(testToday)
	f.previewErr = errors.New("此文件不是 Excel 工作簿（.xlsx），请在 Excel 中另存为 .xlsx 后再导入")
	s := newTestShell(t, f)
	s.show(screenRoster)
	s.roster.previewImport("x.xls")
	if s.roster.preview != nil {
		t.Error("a preview was shown for an unreadable file")
	}
	if !strings.Contains(test.RenderObjectToMarkup(s.win.Canvas().Overlays().Top()), "另存为") {
		t.Error("the service's sentence is not shown")
	}
}

func TestExportFileName(t *testing.T) {
	for _, c := range []struct{ branch, want string }{
		{"兰州新锐科技有限公司党支部", "党员花名册_兰州新锐科技有限公司党支部_2026-11-25.xlsx"},
		{"", "党员花名册_2026-11-25.xlsx"},
		{"A/B 联合党支部", "党员花名册_AB联合党支部_2026-11-25.xlsx"},
	} {
		if got := exportFileName(c.branch, "2026-11-25"); got != c.want {
			t.Errorf("exportFileName(%q) = %q, want %q", c.branch, got, c.want)
		}
	}
}

func TestExportOffersToOpenTheFile(t *testing.T) {
	f := newFakeStore(testToday, member("甲", validID("19800101", "123")))
	s := newTestShell(t, f)
	s.show(screenRoster)
	s.roster.export("/home/secretary/党员花名册.xlsx")
	if len(f.exported) != 1 {
		t.Fatalf("ExportRoster called %d times", len(f.exported))
	}
	markup := test.RenderObjectToMarkup(s.win.Canvas().Overlays().Top())
	if !strings.Contains(markup, "已导出 1 名党员") || !strings.Contains(markup, "打开文件") {
		t.Errorf("export dialog does not say what was written or offer to open it")
	}
}

// A roster of one sheet per branch: the preview lists the sheets; unticking
// one plans again without it, and a sheet's name may stand for 所在党支部.
func TestImportPreviewSheetsCanBeUnticked(t *testing.T) {
	f := newFakeStore(testToday)
	f.preview = model.ImportPreview{
		Sheets: []model.ImportSheet{
			{Name: "第一党支部", Included: true, HeaderRow: 1, Rows: 2, CanUseName: true, BranchFromName: true, Ignored: []string{"籍贯"}},
			{Name: "第二党支部", Included: true, HeaderRow: 1, Rows: 1, CanUseName: true, BranchFromName: true, Ignored: []string{"籍贯", "工作地"}},
			{Name: "旧名册", Hidden: true, HeaderRow: 1, Rows: 30},
		},
		Rejected: []model.Rejection{{Sheet: "第二党支部", Row: 3, Field: model.FieldIDNumber, Reason: "公民身份号码应为18位（现为3位）", Name: "孙三", Value: "123"}},
		Plan:     model.ImportPlan{Add: []model.Member{member("赵一", validID("19800101", "011"))}},
	}
	s := newTestShell(t, f)
	s.show(screenRoster)
	s.roster.previewImport("/home/secretary/两个支部.xlsx")
	p := s.roster.preview
	markup := textsOf(p.choices)
	for _, want := range []string{"第一党支部（第1行为表头，2 行）", "旧名册（第1行为表头，30 行），隐藏的工作表", "以工作表名称作为所在党支部", "未导入的列：籍贯、工作地"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the preview does not show %q", want)
		}
	}
	if table := asTable(t, p.tabs.Items[0].Content); cellText(table, 0, 0) != "第二党支部" || cellText(table, 0, 1) != "3" {
		t.Errorf("a refused row of a roster of several sheets names its sheet: %q %q", cellText(table, 0, 0), cellText(table, 0, 1))
	}
	// Untick 第二党支部.
	checks := findChecks(p.choices)
	second := checks["第二党支部（第1行为表头，1 行）"]
	if second == nil {
		t.Fatalf("no box for 第二党支部 among %v", keys(checks))
	}
	test.Tap(second)
	if len(f.choices) != 1 || strings.Join(f.choices[0].Sheets, ",") != "第一党支部" || strings.Join(f.choices[0].SheetNameBranch, ",") != "第一党支部,第二党支部" {
		t.Fatalf("choices %+v", f.choices)
	}
	if p.p.RejectedRows() != 0 || !strings.Contains(p.tabs.Items[0].Text, "（0）") {
		t.Errorf("the rows of the unticked sheet are still listed: %+v, tab %q", p.p.Rejected, p.tabs.Items[0].Text)
	}
}

// Members naming another branch than the profile's: the preview says so and
// offers the profile's name.
func TestImportPreviewOffersTheProfilesBranch(t *testing.T) {
	f := newFakeStore(testToday)
	f.preview = model.ImportPreview{
		Sheets:        []model.ImportSheet{{Name: "Sheet1", Included: true, HeaderRow: 1, Rows: 2}},
		ProfileBranch: "中共示例公司支部委员会", OtherBranches: 2, OtherNames: []string{"第一党支部"},
		Plan: model.ImportPlan{Add: []model.Member{member("赵一", validID("19800101", "011"))}},
	}
	s := newTestShell(t, f)
	s.show(screenRoster)
	s.roster.previewImport("x.xlsx")
	p := s.roster.preview
	if !strings.Contains(textsOf(p.choices), "有 2 人的所在党支部（第一党支部）与本支部名称“中共示例公司支部委员会”不同") {
		t.Error("the preview does not say that members name another branch")
	}
	box := findChecks(p.choices)["所在党支部一律填写“中共示例公司支部委员会”"]
	if box == nil {
		t.Fatal("no offer of the profile's branch")
	}
	test.Tap(box)
	if len(f.choices) != 1 || !f.choices[0].ProfileBranch {
		t.Errorf("choices %+v", f.choices)
	}
}

// Members the file gives no 所在党支部: the preview says so and offers the
// profile's name (review s3-7 new user #1).
func TestImportPreviewOffersTheProfilesBranchForEmptyOnes(t *testing.T) {
	f := newFakeStore(testToday)
	f.preview = model.ImportPreview{
		Sheets:        []model.ImportSheet{{Name: "Sheet1", Included: true, HeaderRow: 1, Rows: 1, CanUseName: true}},
		ProfileBranch: "中共示例公司支部委员会", EmptyBranches: 1,
		Plan: model.ImportPlan{Add: []model.Member{member("赵一", validID("19800101", "011"))}},
	}
	s := newTestShell(t, f)
	s.show(screenRoster)
	s.roster.previewImport("x.xlsx")
	p := s.roster.preview
	if !strings.Contains(textsOf(p.choices), "有 1 人的所在党支部为空（文件中没有）") {
		t.Error("the preview does not say that members have no branch")
	}
	box := findChecks(p.choices)["所在党支部一律填写“中共示例公司支部委员会”"]
	if box == nil {
		t.Fatal("no offer of the profile's branch")
	}
	test.Tap(box)
	if len(f.choices) != 1 || !f.choices[0].ProfileBranch {
		t.Errorf("choices %+v", f.choices)
	}
}

// 导出问题行 writes the refused rows where the user chose and says what to
// do with the file.
func TestImportPreviewExportsRefusedRows(t *testing.T) {
	f := newFakeStore(testToday)
	f.preview = model.ImportPreview{
		Sheets:   []model.ImportSheet{{Name: "Sheet1", Included: true, HeaderRow: 1, Rows: 1}},
		Rejected: []model.Rejection{{Sheet: "Sheet1", Row: 2, Field: model.FieldIDNumber, Reason: "x"}},
	}
	s := newTestShell(t, f)
	s.show(screenRoster)
	s.roster.previewImport("x.xlsx")
	p := s.roster.preview
	if p.export.Disabled() {
		t.Fatal("导出问题行 disabled with a refused row")
	}
	s.writeWorkbookCounted("导出问题行", "/home/secretary/x_问题行.xlsx", rejectedCounting, p.writeRejected(p.p))
	if len(f.rejectedOut) != 1 || f.rejectedOut[0] != "/home/secretary/x_问题行.xlsx" {
		t.Fatalf("WriteRejected calls %q", f.rejectedOut)
	}
	if markup := test.RenderObjectToMarkup(s.win.Canvas().Overlays().Top()); !strings.Contains(markup, "已导出 1 行未通过的行") {
		t.Error("the dialog does not say what was exported")
	}
}

// textsOf is the text of every label and box in o, one per line.
func textsOf(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *kit.WrapLabel:
			b.WriteString(w.Text + "\n")
		case *widget.Check:
			b.WriteString(w.Text + "\n")
		case *kit.Check:
			b.WriteString(w.Text + "\n")
		case *container.Scroll:
			walk(w.Content)
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

func findChecks(o fyne.CanvasObject) map[string]*kit.Check {
	out := map[string]*kit.Check{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *kit.Check:
			out[w.Text] = w
		case *container.Scroll:
			walk(w.Content)
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

func keys(m map[string]*kit.Check) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// tableCell is the text one cell of t shows (its full text when cut).
func tableCell(t *widget.Table, row, col int) string {
	l := t.CreateCell()
	t.UpdateCell(widget.TableCellID{Row: row, Col: col}, l)
	text, _ := labelOf(l)
	return text
}

// Ticking 所在党支部一律填写 shows at once what it will do: the members to
// add with the profile's name, and members on the roster who carry the
// file's other name counted and listed as updates (review s3-8 newuser
// #1: the preview did not change, and a re-import updated nobody).
func TestImportPreviewProfileBranchShowsAndCorrects(t *testing.T) {
	s, st := newStoreShell(t, func(st *storage.Store) {
		if err := st.SaveProfile(model.Profile{OrgName: "某公司", BranchName: "中共某公司支部委员会"}); err != nil {
			t.Fatal(err)
		}
	})
	book := func(rows ...[]any) string {
		f := excelize.NewFile()
		_ = f.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "公民身份号码", "入党时间", "转正时间", "人员类别", "所在党支部"})
		for i, r := range rows {
			_ = f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+2), &r)
		}
		path := filepath.Join(t.TempDir(), "名册.xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	one := []any{"赵一", validID("19800101", "011"), "2010.07", "2011.07", "正式党员", "某公司党支部"}
	two := []any{"钱二", validID("19810101", "021"), "2012.07", "2013.07", "正式党员", "某公司党支部"}
	s.show(screenRoster)
	s.roster.previewImport(book(one))
	p := s.roster.preview
	col := slices.Index(addFields, model.FieldBranchName)
	if got := tableCell(p.adds, 0, col); got != "某公司党支部" {
		t.Fatalf("before ticking, 所在党支部 %q", got)
	}
	box := findChecks(p.choices)["所在党支部一律填写“中共某公司支部委员会”"]
	if box == nil {
		t.Fatal("no offer of the profile's branch")
	}
	test.Tap(box)
	if got := tableCell(p.adds, 0, col); !strings.HasPrefix(got, "中共某公司支部") {
		t.Errorf("after ticking, the member to add shows 所在党支部 %q", got)
	}
	// Imported without the box: 赵一 keeps the file's name on the roster.
	test.Tap(box)
	test.Tap(p.confirm)
	if ms, _ := st.Members(); len(ms) != 1 || ms[0].BranchName != "某公司党支部" {
		t.Fatalf("imported %+v", ms)
	}
	// The file again, with one more member: ticking the box corrects 赵一.
	s.roster.previewImport(book(one, two))
	p = s.roster.preview
	test.Tap(findChecks(p.choices)["所在党支部一律填写“中共某公司支部委员会”"])
	if len(p.p.Plan.Update) != 1 || !strings.Contains(p.summary.Text, "更新 1 人") {
		t.Fatalf("after ticking on a re-import: %q", p.summary.Text)
	}
	shown := ""
	for r := range len(p.changes) {
		shown += tableCell(p.updates, r, 0) + "|" + tableCell(p.updates, r, 3) + "|" + tableCell(p.updates, r, 4) + "\n"
	}
	if !strings.Contains(shown, "赵一|某公司党支部|中共某公司支部") {
		t.Errorf("updates listed:\n%s", shown)
	}
	test.Tap(p.confirm)
	for _, m := range func() []model.Member { ms, _ := st.Members(); return ms }() {
		if m.BranchName != "中共某公司支部委员会" {
			t.Errorf("%s keeps 所在党支部 %q", m.Name, m.BranchName)
		}
	}
}

// The preview names every sheet it did not import: one whose name says its
// people left is listed unticked with why, and sheets without a roster's
// headings are named with theirs (review s3-7 attack #17, new user #2).
func TestImportPreviewNamesSheetsNotImported(t *testing.T) {
	f := newFakeStore(testToday)
	f.preview = model.ImportPreview{
		Sheets: []model.ImportSheet{
			{Name: "在册党员", Included: true, HeaderRow: 1, Rows: 4},
			{Name: "已转出党员", HeaderRow: 1, Rows: 2, Left: "转出"},
		},
		Skipped: []model.SkippedSheet{{Name: "统计", Reason: "没有找到花名册的表头：需要“姓名”和“公民身份号码”两列"}},
		Plan:    model.ImportPlan{Add: []model.Member{member("赵一", validID("19800101", "011"))}},
	}
	s := newTestShell(t, f)
	s.show(screenRoster)
	s.roster.previewImport("/home/secretary/名册.xlsx")
	p := s.roster.preview
	markup := textsOf(p.choices)
	for _, want := range []string{"已转出党员（第1行为表头，2 行），名称含“转出”，看来是已不在册的人员，默认不导入",
		"未读取的工作表：统计（没有找到花名册的表头：需要“姓名”和“公民身份号码”两列）"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the preview does not show %q in %s", want, markup)
		}
	}
	if box := findChecks(p.choices)["已转出党员（第1行为表头，2 行），名称含“转出”，看来是已不在册的人员，默认不导入"]; box == nil || box.Checked {
		t.Errorf("the sheet of members who left is not offered unticked: %v", box)
	}
}

// Esc cancels the preview after a box of it was ticked (it has focus then,
// and the window's keys do not reach the dialog) (review s6-8 newuser #11).
func TestImportPreviewEscAfterTickingABox(t *testing.T) {
	f := newFakeStore(testToday)
	f.preview = model.ImportPreview{
		Sheets:        []model.ImportSheet{{Name: "Sheet1", Included: true, HeaderRow: 1, Rows: 2}},
		ProfileBranch: "中共示例公司支部委员会", OtherBranches: 2, OtherNames: []string{"第一党支部"},
		Plan: model.ImportPlan{Add: []model.Member{member("赵一", validID("19800101", "011"))}},
	}
	s := newTestShell(t, f)
	s.show(screenRoster)
	s.roster.previewImport("x.xlsx")
	p := s.roster.preview
	box := findChecks(p.choices)["所在党支部一律填写“中共示例公司支部委员会”"]
	if box == nil {
		t.Fatal("no offer of the profile's branch")
	}
	if s.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no preview shown")
	}
	s.win.Canvas().Focus(box)
	test.Tap(box)
	focused := s.win.Canvas().Focused()
	if focused == nil {
		focused = box
	}
	focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if s.win.Canvas().Overlays().Top() != nil {
		t.Error("Esc on the ticked box left the preview open")
	}
	if len(f.choices) != 1 || !f.choices[0].ProfileBranch {
		t.Errorf("choices %+v", f.choices)
	}
}

// A workbook of 12 sheets (one per branch) leaves the preview's tables
// room for several rows at both window sizes: the sheet list scrolls in a
// few rows' height (review s8-7 attack #19: one row of 将新增 at 1366×768,
// none at 1024×700, the bottom sentence drawn over the headings).
func TestImportPreviewManySheetsLeaveTheTablesRoom(t *testing.T) {
	for _, size := range []fyne.Size{largeWindow, smallWindow} {
		f := newFakeStore(testToday)
		for i := 1; i <= 12; i++ {
			name := fmt.Sprintf("第%d党支部", i)
			f.preview.Sheets = append(f.preview.Sheets, model.ImportSheet{Name: name, Included: true, HeaderRow: 1, Rows: 1,
				CanUseName: true, BranchFromName: true, NameBranch: name})
			f.preview.Plan.Add = append(f.preview.Plan.Add, member(fmt.Sprintf("十二%d", i), validID("19800101", fmt.Sprintf("%03d", i))))
		}
		s := newTestShell(t, f)
		s.win.Resize(size)
		s.show(screenRoster)
		s.roster.previewImport("/home/secretary/十二个支部.xlsx")
		p := s.roster.preview
		p.tabs.SelectIndex(2)
		rowH := widget.NewLabel("十二1").MinSize().Height
		if h := p.adds.Size().Height; h < 5*rowH {
			t.Errorf("window %v: the table of members to add is %.0f high, less than 5 rows of %.0f", size, h, rowH)
		}
		if !strings.Contains(textsOf(p.choices), "第12党支部（第1行为表头，1 行）") {
			t.Errorf("window %v: the twelfth sheet is not listed", size)
		}
	}
}

// A roster without a 所在党支部 column is this branch's: the preview opens
// with 所在党支部一律填写 ticked and the members to add showing the
// profile's name, so that importing as offered does not store them with
// none (issue 8: the box started unticked).
func TestImportPreviewTicksTheProfilesBranchWhenTheFileHasNone(t *testing.T) {
	s, st := newStoreShell(t, func(st *storage.Store) {
		if err := st.SaveProfile(model.Profile{OrgName: "某公司", BranchName: "中共某公司支部委员会"}); err != nil {
			t.Fatal(err)
		}
	})
	f := excelize.NewFile()
	_ = f.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "公民身份号码", "入党时间", "转正时间", "人员类别"})
	_ = f.SetSheetRow("Sheet1", "A2", &[]any{"赵一", validID("19800101", "011"), "2010.07", "2011.07", "正式党员"})
	path := filepath.Join(t.TempDir(), "名册.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	s.show(screenRoster)
	s.roster.previewImport(path)
	p := s.roster.preview
	box := findChecks(p.choices)["所在党支部一律填写“中共某公司支部委员会”"]
	if box == nil || !box.Checked {
		t.Fatalf("the profile's branch is not ticked: %v", box)
	}
	if got := tableCell(p.adds, 0, slices.Index(addFields, model.FieldBranchName)); !strings.HasPrefix(got, "中共某公司支部") {
		t.Errorf("the member to add shows 所在党支部 %q", got)
	}
	test.Tap(p.confirm)
	if ms, _ := st.Members(); len(ms) != 1 || ms[0].BranchName != "中共某公司支部委员会" {
		t.Errorf("imported %+v", ms)
	}
}

// At 1024×700, in both languages, the table of members to add shows every
// column and every value whole: no Fem…, Full mem… or 中共甘肃陇原机… in
// English, and 联系电话 within sight in Chinese (review s8-8 #5).
func TestImportPreviewShowsMembersToAddWholeAt1024(t *testing.T) {
	for _, l := range []Language{Chinese, English} {
		t.Run(string(l), func(t *testing.T) {
			s := demoShell(t, l, 14)
			s.win.Resize(smallWindow)
			s.show(screenRoster)
			var p model.ImportPreview
			p.File = "名册.xlsx"
			p.Plan.Add = s.members[:8]
			v := showImportPreview(s, p)
			v.tabs.SelectIndex(2)
			d := fyne.CurrentApp().Driver()
			right := d.AbsolutePositionForObject(v.adds).X + v.adds.Size().Width
			shown := map[string]bool{}
			eachLabel(v.adds, func(lbl fyne.CanvasObject, text string) {
				if text == "" {
					return
				}
				shown[text] = true
				if strings.Contains(text, "…") {
					t.Errorf("the table shows %q cut", text)
				}
				if x := d.AbsolutePositionForObject(lbl).X + lbl.Size().Width; x > right+1 {
					t.Errorf("%q ends at %.0f, past the table's edge at %.0f", text, x, right)
				}
			})
			for _, f := range addFields {
				if !shown[lang.L(f.Label())] {
					t.Errorf("the heading %q is out of sight", lang.L(f.Label()))
				}
			}
			for _, m := range p.Plan.Add[:3] {
				for _, f := range []model.Field{model.FieldSex, model.FieldCategory, model.FieldPhone} {
					if text := fieldValue(&m, f); !shown[text] {
						t.Errorf("%s's %s %q is not shown whole", m.Name, f, text)
					}
				}
			}
		})
	}
}

// A box changed while the preview is planned again: 确认导入 and Enter wait
// for the plan of what the boxes show; a second box changed meanwhile adds
// to the first instead of undoing it; a plan overtaken by a later change is
// never shown (review s14-preview7 #1: a sheet unticked just before
// 确认导入 was imported with the rest).
func TestImportPreviewWaitsForThePlanOfTheBoxes(t *testing.T) {
	f := newFakeStore(testToday)
	f.preview = model.ImportPreview{
		Sheets: []model.ImportSheet{
			{Name: "第一党支部", Included: true, HeaderRow: 1, Rows: 2, CanUseName: true, BranchFromName: true},
			{Name: "第二党支部", Included: true, HeaderRow: 1, Rows: 1, CanUseName: true, BranchFromName: true},
			{Name: "第三党支部", Included: true, HeaderRow: 1, Rows: 1, CanUseName: true, BranchFromName: true},
		},
		Plan: model.ImportPlan{Add: []model.Member{member("赵一", validID("19800101", "011"))}},
	}
	s := newTestShell(t, f)
	s.show(screenRoster)
	s.roster.previewImport("/home/secretary/三个支部.xlsx")
	p := s.roster.preview
	var queued []func()
	s.background = func(work func()) { queued = append(queued, work) }

	checks := findChecks(p.choices)
	test.Tap(checks["第二党支部（第1行为表头，1 行）"])
	if !p.confirm.Disabled() {
		t.Errorf("确认导入 is enabled while the preview is planned again")
	}
	p.enter()
	test.Tap(p.confirm)
	if len(f.committed) != 0 {
		t.Fatalf("imported while the plan was being worked out: %+v", f.committed)
	}
	test.Tap(checks["第三党支部（第1行为表头，1 行）"])
	if len(queued) != 2 {
		t.Fatalf("%d replans queued, want 2", len(queued))
	}
	// The newer plan ends first, then the older.
	queued[1]()
	queued[0]()
	if got := strings.Join(p.p.Choice.Sheets, ","); got != "第一党支部" {
		t.Errorf("the preview shows the plan for sheets %q, want 第一党支部 (both boxes unticked)", got)
	}
	if p.confirm.Disabled() {
		t.Fatalf("确认导入 stays disabled once the plan is shown")
	}
	test.Tap(p.confirm)
	for _, work := range queued[2:] {
		work()
	}
	if len(f.committed) != 1 || strings.Join(f.committed[0].Choice.Sheets, ",") != "第一党支部" {
		t.Errorf("imported %+v, want the plan for 第一党支部 alone", f.committed)
	}
}

// A 党委's roster — six sheets, 60 branch names, 25 columns not imported,
// 12 sheets without a roster — kept the tables, the 所在党支部一律填写 box and
// the buttons out of the window at 1024×700 (review s14-preview7 #7): the
// lists are cut to their first names and how many, the sheets skipped for
// one reason are named together, and the top part scrolls.
func TestImportPreviewOfACrowdedWorkbookKeepsItsTablesAt1024(t *testing.T) {
	for _, l := range []Language{Chinese, English} {
		t.Run(string(l), func(t *testing.T) {
			s := demoShell(t, l, 14)
			s.win.Resize(smallWindow)
			s.show(screenRoster)
			var p model.ImportPreview
			p.File = "党委名册.xlsx"
			p.ProfileBranch = "机关第一党支部"
			p.Plan.Add = s.members[:8]
			for i, name := range []string{"机关", "生产", "销售", "研发", "后勤", "离退休"} {
				p.Sheets = append(p.Sheets, model.ImportSheet{Name: name, Included: true, HeaderRow: 1, Rows: 30 + i})
			}
			p.Sheets[0].Ignored = []string{}
			for i := range 25 {
				p.Sheets[0].Ignored = append(p.Sheets[0].Ignored, fmt.Sprintf("附加信息第%d项", i+1))
			}
			for i := range 12 {
				p.Skipped = append(p.Skipped, model.SkippedSheet{Name: fmt.Sprintf("说明%d", i+1), Reason: "没有找到表头（姓名、公民身份号码等）"})
			}
			for i := range 60 {
				p.OtherNames = append(p.OtherNames, fmt.Sprintf("甘肃陇原机械制造有限公司机关第%d党支部（联合党支部）", i+1))
			}
			p.OtherBranches = 180
			v := showImportPreview(s, p)
			d := fyne.CurrentApp().Driver()
			bottom := s.win.Canvas().Size().Height
			for name, o := range map[string]fyne.CanvasObject{"the tables": v.tabs, "确认导入": v.confirm} {
				if y := d.AbsolutePositionForObject(o).Y; y < 0 || y+o.Size().Height > bottom+1 || o.Size().Height < 1 {
					t.Errorf("%s at y=%.0f, %.0f high, out of the %.0f px window", name, y, o.Size().Height, bottom)
				}
			}
			if h := v.tabs.Size().Height; h < 150 {
				t.Errorf("the tables keep %.0f px", h)
			}
			text := textsOf(v.choices)
			if n := strings.Count(text, lang.L("没有找到表头（姓名、公民身份号码等）")); n != 1 {
				t.Errorf("the skipped sheets' one reason is said %d times", n)
			}
			if strings.Contains(text, "第60党支部") || !strings.Contains(text, "60") {
				t.Errorf("the 60 branch names are not cut to a few and a count: %.300s", text)
			}
		})
	}
}

// The bases preview of a retirees' sheet with 32 old 15-digit IDs: its
// notes go to a tab of their own, with their rows, and the tables and 导入
// stay in the 1024×700 window; refused rows of several sheets name the
// sheet in a column of its own, not glued before a row number cut to
// “在职 …” (review s14-preview7 #6, #8).
func TestBasesPreviewKeepsItsTablesAt1024(t *testing.T) {
	s := demoShell(t, Chinese, 14)
	s.win.Resize(smallWindow)
	s.show(screenDues)
	var p model.BasePreview
	p.Year = testToday.Year
	p.Sheets = []string{"离退休人员", "在职"}
	for i := range 32 {
		p.Notes = append(p.Notes, model.ImportNote{Sheet: "离退休人员", Row: i + 2,
			Message: fmt.Sprintf("党员%d：15位的旧身份证号码 110105500101003 已按国家标准（GB 11643-1999）升级为18位 11010519500101003X", i)})
	}
	p.Rejected = []model.Rejection{{Sheet: "离退休人员", Row: 12, Field: model.FieldIDNumber, Reason: "公民身份号码校验位不正确，请核对是否输错", Value: "620104200108170292"}}
	d := duesOf(t, s)
	d.showBasePreview(p)
	v := d.basePreview
	dr := fyne.CurrentApp().Driver()
	bottom := s.win.Canvas().Size().Height
	for name, o := range map[string]fyne.CanvasObject{"the tables": v.tabs, "导入": v.save} {
		if y := dr.AbsolutePositionForObject(o).Y; y < 0 || y+o.Size().Height > bottom+1 {
			t.Errorf("%s at y=%.0f, %.0f high, out of the %.0f px window", name, y, o.Size().Height, bottom)
		}
	}
	if h := v.tabs.Size().Height; h < 150 {
		t.Errorf("the tables keep %.0f px", h)
	}
	if strings.Contains(v.summary.Text, "15位") {
		t.Errorf("the notes are still in the summary")
	}
	if len(v.tabs.Items) != 3 || !strings.Contains(v.tabs.Items[2].Text, "32") {
		t.Fatalf("no tab of the 32 notes: %d tabs", len(v.tabs.Items))
	}
	notes := asTable(t, v.tabs.Items[2].Content)
	if got := cellText(notes, 0, 0); got != "离退休人员 第2行" {
		t.Errorf("the first note is placed %q, want 离退休人员 第2行", got)
	}
	if got, row := cellText(v.rejected, 0, 0), cellText(v.rejected, 0, 1); got != "离退休人员" || row != "12" {
		t.Errorf("the refused row shows sheet %q, row %q", got, row)
	}
}

// A sheet named as long as Excel allows: the offer to take its name goes
// on its own line and the dialog stays inside the 1024×700 window, the
// branch it would record readable (review s14-preview7 #20).
func TestImportPreviewLongSheetNamesStayInTheWindow(t *testing.T) {
	s := demoShell(t, English, 14)
	s.win.Resize(smallWindow)
	s.show(screenRoster)
	var p model.ImportPreview
	p.File = "名册.xlsx"
	p.Plan.Add = s.members[:3]
	long := "中共甘肃陇原机械制造有限公司第一党支部花名册"
	p.Sheets = []model.ImportSheet{
		{Name: long, Included: true, HeaderRow: 1, Rows: 3, CanUseName: true, NameBranch: "中共甘肃陇原机械制造有限公司第一党支部"},
		{Name: "中共甘肃陇原机械制造有限公司第二党支部党员名册备份", Hidden: true, HeaderRow: 1, Rows: 3},
	}
	v := showImportPreview(s, p)
	d := fyne.CurrentApp().Driver()
	right := s.win.Canvas().Size().Width
	for text, c := range findChecks(v.choices) {
		if x := d.AbsolutePositionForObject(c).X + c.MinSize().Width; x > right+1 {
			t.Errorf("%q ends at %.0f, past the %.0f px window", text, x, right)
		}
	}
}

// 导出问题行 counts the rows as they are copied, and 取消 stops the copy:
// nothing is written and nothing more is said. Of 20,000 refused rows the
// export took ten seconds and more under a bar that only moved, with no way
// out (brief m7 #3).
func TestExportRefusedRowsCountsAndCancels(t *testing.T) {
	const total = 20000
	f := newFakeStore(testToday)
	f.preview = model.ImportPreview{
		Sheets:   []model.ImportSheet{{Name: "Sheet1", Included: true, HeaderRow: 1, Rows: total}},
		Rejected: []model.Rejection{{Sheet: "Sheet1", Row: 2, Field: model.FieldIDNumber, Reason: "x"}},
	}
	s := newTestShell(t, f)
	s.show(screenRoster)
	s.roster.previewImport("x.xlsx")
	p := s.roster.preview
	var shownThen string
	var stopped error
	f.writeRejected = func(progress func(done, total int) error) error {
		for done := 0; done <= total; done += 250 {
			if err := progress(done, total); err != nil {
				stopped = err
				return err
			}
			if done == 5000 {
				top := s.win.Canvas().Overlays().Top()
				shownThen = test.RenderObjectToMarkup(top)
				var cancel *widget.Button
				walk(top, func(o fyne.CanvasObject) {
					if b, ok := asButton(o); ok && b.Text == "取消" {
						cancel = b
					}
				})
				if cancel == nil {
					t.Fatal("the progress has no 取消")
				}
				test.Tap(cancel)
			}
		}
		return nil
	}
	s.writeWorkbookCounted("导出问题行", "/home/secretary/x_问题行.xlsx", rejectedCounting, p.writeRejected(p.p))
	if !strings.Contains(shownThen, "已复制 5000 / 20000 行") {
		t.Errorf("the progress shows:\n%s", shownThen)
	}
	if stopped == nil {
		t.Fatal("取消 did not stop the copy")
	}
	if len(f.rejectedOut) != 0 {
		t.Errorf("written after 取消: %q", f.rejectedOut)
	}
	if top := test.RenderObjectToMarkup(s.win.Canvas().Overlays().Top()); strings.Contains(top, "已复制") || strings.Contains(top, "导出完成") || strings.Contains(top, "时出错") {
		t.Errorf("after 取消 the window shows:\n%s", top)
	}
}
