package ui

import (
	"testing"

	"branchledger/model"
)

// A member's 信息修改记录 reads English in the English window: the source of
// a bases import ("基数导入：bases.xlsx") says its kind and keeps the file's
// name, and a coded field's old and new values read as the page shows them
// (学历 硕士研究生 → "Master's degree"); names and files stay as stored
// (review s14-newuser #4).
func TestMemberEditsInEnglish(t *testing.T) {
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ got, want string }{
		{sourceText(model.SourceDuesImport + "：bases.xlsx"), "Bases imported: bases.xlsx"},
		{sourceText("roster.xlsx"), "roster.xlsx"},
		{changeValue(model.FieldEducation, "硕士研究生"), valueText("硕士研究生")},
		{changeValue(model.FieldName, "王志强"), "王志强"},
	} {
		if tc.got != tc.want {
			t.Errorf("%q, want %q", tc.got, tc.want)
		}
	}
	if got := changeValue(model.FieldEducation, "硕士研究生"); hasHan(got) {
		t.Errorf("学历 in Edits reads %q in English", got)
	}
	if err := useLanguage(Chinese); err != nil {
		t.Fatal(err)
	}
	if got := sourceText(model.SourceDuesImport + "：bases.xlsx"); got != "基数导入：bases.xlsx" {
		t.Errorf("Chinese source %q", got)
	}
}
