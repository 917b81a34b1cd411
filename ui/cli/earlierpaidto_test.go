package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage"
)

// A bases workbook whose 党费已交至 is earlier than the member's stored
// one would make paid months owed (review s7-8 attack #11): the row is
// refused with a sentence naming the old and new month unless
// --allow-earlier-paid-up, which writes it and says so.
func TestDuesBasesImportEarlierPaidTo(t *testing.T) {
	db, ms := firstDayDB(t)
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	paper := model.MonthOfDate(s.Today()) - 1 // ms[1]'s, set by FirstDay
	s.Close()
	earlier := paper - 3
	f := excelize.NewFile()
	for i, r := range [][]any{{"姓名", "公民身份号码", "计算基数", "党费已交至"},
		{ms[1].Name, ms[1].IDNumber, "3800", earlier.Chinese()},
		{ms[2].Name, ms[2].IDNumber, "5400", ""}} {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		_ = f.SetSheetRow("Sheet1", ref, &r)
	}
	book := filepath.Join(t.TempDir(), "基数.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	f.Close()
	stored := func() model.Month {
		t.Helper()
		s, err := storage.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		o, err := s.DuesOpenings()
		if err != nil {
			t.Fatal(err)
		}
		return o[ms[1].ID]
	}
	want := "row 2: 党费已交至: " + ms[1].Name + "，单元格为“" + earlier.Chinese() + "”：党费已交至原为" + paper.Chinese() + "，表中的" + earlier.Chinese() + "更早"
	r := run(t, "dues", "bases", "import", book, "--db", db, "--dry-run")
	if r.status != ExitRejected || !strings.Contains(r.stdout, want) || !strings.Contains(r.stdout, "--allow-earlier-paid-up") ||
		lastLine(r.stdout) != "would import 0, rejected 1" {
		t.Fatalf("dry run without the flag: %+v", r)
	}
	r = run(t, "dues", "bases", "import", book, "--db", db, "--skip-invalid")
	if r.status != ExitOK || lastLine(r.stdout) != "imported 1, rejected 1" || stored() != paper {
		t.Fatalf("--skip-invalid: %+v, stored %v", r, stored())
	}
	r = run(t, "dues", "bases", "import", book, "--db", db, "--allow-earlier-paid-up")
	if r.status != ExitOK || lastLine(r.stdout) != "imported 2, rejected 0" || stored() != earlier ||
		!strings.Contains(r.stderr, "提示："+ms[1].Name+"的党费已交至将从"+paper.Chinese()+"改早为"+earlier.Chinese()) {
		t.Fatalf("--allow-earlier-paid-up: %+v, stored %v", r, stored())
	}
}
