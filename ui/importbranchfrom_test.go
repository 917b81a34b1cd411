package ui

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/storage"
)

// The preview's 单元格内容 of a refused 所在党支部 that the sheet's name
// gave says so — 工作表名称：第一党支部, Sheet name: 第一党支部 — rather
// than show it as a cell's content (review fix13 #4).
func TestImportPreviewSaysWhereABranchNoCellHoldsIs(t *testing.T) {
	f := excelize.NewFile()
	id := validID("19900307", "451")
	for i, sheet := range []string{"第一党支部", "第二党支部"} {
		if i == 0 {
			_ = f.SetSheetName("Sheet1", sheet)
		} else if _, err := f.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
		_ = f.SetSheetRow(sheet, "A1", &[]any{"姓名", "公民身份号码", "入党时间", "转正时间"})
		_ = f.SetSheetRow(sheet, "A2", &[]any{"张三", id, "2015.06", "2016.06"})
	}
	path := filepath.Join(t.TempDir(), "两个支部.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	for _, tt := range []struct {
		language   Language
		first, sec string
	}{
		{Chinese, "工作表名称：第一党支部", "工作表名称：第二党支部"},
		{English, "Sheet name: 第一党支部", "Sheet name: 第二党支部"},
	} {
		if err := useLanguage(tt.language); err != nil {
			t.Fatal(err)
		}
		s, _ := newStoreShell(t, func(*storage.Store) {})
		s.show(screenRoster)
		s.roster.previewImport(path)
		p := s.roster.preview
		if p == nil || len(p.p.Rejected) != 2 {
			t.Fatalf("preview %+v", p)
		}
		value := len(p.rejectedColumns()) - 2 // 单元格内容, before 原因
		if got := tableCell(p.rejected, 0, value); got != tt.first {
			t.Errorf("%v: row 1 shows %q, want %q", tt.language, got, tt.first)
		}
		if got := tableCell(p.rejected, 1, value); got != tt.sec {
			t.Errorf("%v: row 2 shows %q, want %q", tt.language, got, tt.sec)
		}
	}
}
