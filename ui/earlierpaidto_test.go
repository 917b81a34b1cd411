package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// 导入基数 and a member's 党费已交至… moving the month earlier make paid
// months owed: both name the member, from → to, and ask before saving
// (review s7-8 attack #11, #13), as 为所选党员设置 does.
func TestEarlierPaidToAsks(t *testing.T) {
	s, st, ms := firstDayShell(t)
	paper := model.MonthOfDate(testToday) - 1 // ms[1]'s, set by FirstDay
	stored := func() model.Month {
		t.Helper()
		o, err := st.DuesOpenings()
		if err != nil {
			t.Fatal(err)
		}
		return o[ms[1].ID]
	}
	var asked string
	var confirm func()
	s.confirmAs = func(_, message, _ string, onYes func()) { asked, confirm = message, onYes }

	// 导入基数: a sheet three months earlier.
	earlier := paper - 3
	f := excelize.NewFile()
	_ = f.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "公民身份号码", "缴纳类别", "计算基数", "党费已交至"})
	_ = f.SetSheetRow("Sheet1", "A2", &[]any{ms[1].Name, ms[1].IDNumber, "在职", "3800", earlier.Chinese()})
	book := filepath.Join(t.TempDir(), "基数.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	d := duesOf(t, s)
	d.previewImport(book)
	if d.basePreview == nil {
		t.Fatal("no preview")
	}
	test.Tap(d.basePreview.save)
	want := ms[1].Name + "（" + paper.Chinese() + " → " + earlier.Chinese() + "）"
	if !strings.Contains(asked, want) || !strings.Contains(asked, "将改早") || confirm == nil {
		t.Fatalf("导入 asked %q, want %q", asked, want)
	}
	if got := stored(); got != paper {
		t.Fatalf("党费已交至 %v before the answer", got)
	}
	confirm()
	if got := stored(); got != earlier {
		t.Fatalf("党费已交至 %v after confirming", got)
	}

	// The member page: back to paper (later: no question), then earlier.
	asked, confirm = "", nil
	s.openMember(ms[1].ID)
	md := s.roster.detail
	test.Tap(md.dues.edit)
	md.dues.openingEntry.SetText(paper.String())
	md.dues.openingEntry.FocusLost()
	test.Tap(md.dues.form.Save)
	if asked != "" || stored() != paper {
		t.Fatalf("moving later asked %q, stored %v", asked, stored())
	}
	s.openMember(ms[1].ID)
	md = s.roster.detail
	test.Tap(md.dues.edit)
	md.dues.openingEntry.SetText(earlier.String())
	md.dues.openingEntry.FocusLost()
	test.Tap(md.dues.form.Save)
	if !strings.Contains(asked, want) || confirm == nil {
		t.Fatalf("党费已交至… asked %q, want %q", asked, want)
	}
	if got := stored(); got != paper {
		t.Fatalf("党费已交至 %v before the answer", got)
	}
	confirm()
	if got := stored(); got != earlier {
		t.Fatalf("党费已交至 %v after confirming", got)
	}
}
