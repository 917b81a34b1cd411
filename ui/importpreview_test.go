package ui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"branchledger/model"
)

func TestImportPreviewWritesNothingUntilConfirmed(t *testing.T) {
	old := member("甲", validID("19800101", "123"))
	f := newFakeStore(testToday, old)
	before, _ := f.Member(1)
	after := before
	after.Phone = "13912345678"
	f.preview = model.ImportPreview{
		Sheet: "花名册", HeaderRow: 3,
		Rejected: []model.Rejection{
			{Row: 7, Field: model.FieldIDNumber, Reason: "公民身份号码应为18位（现为15位）"},
			{Row: 9, Field: model.FieldJoinDate, Reason: "请填写加入党组织日期"},
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
	if got := cellText(asTable(t, rejected), 0, 2); !strings.Contains(got, "18位") {
		t.Errorf("first rejection reason %q", got)
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
	if got := fileURL(`C:\Users\书记\党员花名册.xlsx`).String(); got != "file:///C:/Users/书记/党员花名册.xlsx" && got != `file:///C:\Users\书记\党员花名册.xlsx` {
		t.Errorf("fileURL of a Windows path = %q", got)
	}
	if got := fileURL("/home/书记/a b.xlsx").String(); got != "file:///home/书记/a b.xlsx" {
		t.Errorf("fileURL of a Linux path = %q", got)
	}
	markup := test.RenderObjectToMarkup(s.win.Canvas().Overlays().Top())
	if !strings.Contains(markup, "已导出 1 名党员") || !strings.Contains(markup, "打开文件") {
		t.Errorf("export dialog does not say what was written or offer to open it")
	}
}
