package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/storage"
)

// In English the import preview's list of columns not imported says its
// notes after the headings in English — "学历 (a second “Education”
// column)", "column H (no heading, e.g. “甘肃”)" — and the notes of a
// 同上 branch, a 外出流向 near home and a filled 外出流向 are English too;
// only the file's own words stay as the file has them (review s9-7 #6:
// "（重复的“学历”列）" was Chinese in the English UI).
func TestImportPreviewColumnNotesInEnglish(t *testing.T) {
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"姓名", "公民身份号码", "人员类别", "加入党组织日期", "转为正式党员日期", "学历", "学历", nil, "所在党支部", "外出流向"},
		{"张三", validID("19800101", "013"), "正式党员", "2005-06-01", "2006-06-01", "大学", "大学", "甘肃", "第一党支部", "本县城关镇"},
		{"李四", validID("19810202", "024"), "正式党员", "2005-06-01", "2006-06-01", "大专", "大专", nil, "同上", "广东省深圳市"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
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
	check := func(what, text string) {
		t.Helper()
		rest := quoted.ReplaceAllString(text, "")
		for _, w := range []string{"张三", "李四", "学历"} {
			rest = strings.ReplaceAll(rest, w, "")
		}
		if chineseText.MatchString(rest) {
			t.Errorf("%s in Chinese: %q", what, text)
		}
	}
	choices := textsOf(p.choices)
	for _, want := range []string{"学历 (a second “Education” column)", "column H (no heading, e.g. “甘肃”)"} {
		if !strings.Contains(choices, want) {
			t.Errorf("the columns not imported do not say %q: %q", want, choices)
		}
	}
	for _, line := range strings.Split(choices, "\n") {
		if strings.Contains(line, "Columns not imported") || strings.Contains(line, "not imported:") {
			check("columns not imported", line)
		}
	}
	if len(p.p.Notes) < 3 {
		t.Fatalf("%d notes, want the 同上, 本县城关镇 and 外出流向 ones: %+v", len(p.p.Notes), p.p.Notes)
	}
	var said []string
	for i := range p.p.Notes {
		said = append(said, tableCell(p.notes, i, 1))
		check("note", said[i])
	}
	if all := strings.Join(said, "\n"); !strings.Contains(all, "imported as the row above's (row 2), “第一党支部”") {
		t.Errorf("the 同上 note:\n%s", all)
	}
}
