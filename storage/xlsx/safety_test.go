package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"branchledger/model"
	"branchledger/storage/internal/crashtest"
	"branchledger/storage/internal/faultfs"
)

// hostileTexts start as formulas would: Excel or WPS may turn them into live
// formulas when the cell is edited, unless the cell is kept text.
var hostileTexts = []string{"=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A9)", "=HYPERLINK(\"http://x\",\"点此\")"}

// keptText fails t unless every cell of the workbook whose text is
// formula-like is a text cell with the text format and the quote prefix,
// and counts them.
func keptText(t *testing.T, b []byte) int {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if !formulaLike(v) {
					continue
				}
				found++
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
					t.Errorf("%s!%s %q is a formula", sheet, cell, v)
				}
				id, _ := f.GetCellStyle(sheet, cell)
				st, err := f.GetStyle(id)
				if err != nil {
					t.Fatal(err)
				}
				xf := f.Styles.CellXfs.Xf[id]
				if st.NumFmt != 49 || xf.QuotePrefix == nil || !*xf.QuotePrefix {
					t.Errorf("%s!%s %q: number format %d, quote prefix %v; want text (49) with the quote prefix", sheet, cell, v, st.NumFmt, xf.QuotePrefix)
				}
			}
		}
	}
	return found
}

func TestFormulaLikeTextStaysTextInEveryExport(t *testing.T) {
	t.Run("roster", func(t *testing.T) {
		ms := demoRoster(t, 8)
		for i, h := range hostileTexts {
			ms[i].Name = h
			ms[i+1].Notes = h
		}
		var buf bytes.Buffer
		if err := WriteRoster(&buf, "=恶意支部", ms, today); err != nil {
			t.Fatal(err)
		}
		if n := keptText(t, buf.Bytes()); n < 2*len(hostileTexts) {
			t.Errorf("found %d formula-like cells, want at least %d", n, 2*len(hostileTexts))
		}
	})
	t.Run("activity ledger and record", func(t *testing.T) {
		acts := sampleActivities()
		acts[0].Activity.Topic = hostileTexts[0]
		acts[0].Activity.Place = hostileTexts[1]
		acts[1].Activity.Chair = hostileTexts[3]
		path := filepath.Join(t.TempDir(), "台账.xlsx")
		if err := WriteActivityLedgerFile(path, branch, 2026, acts, today); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(path)
		if n := keptText(t, b); n < 3 {
			t.Errorf("found %d formula-like cells, want at least 3", n)
		}
	})
	t.Run("dues register and summary", func(t *testing.T) {
		r := duesReport(8)
		r.Register.Rows[0].Name = hostileTexts[0]
		r.Register.Rows[1].Name = hostileTexts[2]
		r.BranchName = hostileTexts[4]
		var buf bytes.Buffer
		if err := WriteDues(&buf, r); err != nil {
			t.Fatal(err)
		}
		if n := keptText(t, buf.Bytes()); n < 2 {
			t.Errorf("found %d formula-like cells, want at least 2", n)
		}
	})
}

// One 2000-character note must not break the roster for everyone: every row
// stays within Excel's 409 points, the note's cell keeps the whole text
// (an import reads it back whole), and the whole note follows, legible, in
// rows across the table.
func TestLongNoteContinuesBelowItsRow(t *testing.T) {
	ms := demoRoster(t, 5)
	note := strings.Repeat("长备注测试文字", 286) // 2002 characters
	ms[2].Notes = note
	ms[3].Address = strings.Repeat("甘肃省兰州市城关区某某路某某号", 40)
	var buf bytes.Buffer
	if err := WriteRoster(&buf, branch, ms, today); err != nil {
		t.Fatalf("WriteRoster with a 2000-character note: %v", err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(RosterSheet)
	var continued []string
	for r := range rows {
		h, _ := f.GetRowHeight(RosterSheet, r+1)
		if h > maxRowHeight {
			t.Errorf("row %d is %v points tall", r+1, h)
		}
		if len(rows[r]) > 1 && rows[r][0] == "续" {
			continued = append(continued, rows[r][1])
		}
	}
	whole := strings.Join(continued, "")
	if !strings.Contains(whole, note) || !strings.Contains(whole, ms[3].Address) {
		t.Errorf("the continuation rows do not hold the whole note and address:\n%.200s…", whole)
	}
	if !strings.Contains(whole, ms[2].Name) {
		t.Errorf("the continuation does not name whose note it is")
	}
	notesCol := -1
	for i, h := range rows[headingRow-1] {
		if h == "备注" {
			notesCol = i
		}
	}
	found := false
	for _, row := range rows {
		if notesCol >= 0 && notesCol < len(row) && row[notesCol] == note {
			found = true
		}
	}
	if !found {
		t.Error("no member row holds the whole note in its 备注 cell")
	}
}

func TestLongTopicInActivityLedger(t *testing.T) {
	acts := sampleActivities()
	acts[1].Activity.Topic = strings.Repeat("议题很长", 500)
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	if err := WriteActivityLedgerFile(path, branch, 2026, acts, today); err != nil {
		t.Fatalf("ledger with a 2000-character topic: %v", err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(LedgerSheet)
	var continued string
	for r := range rows {
		if h, _ := f.GetRowHeight(LedgerSheet, r+1); h > maxRowHeight {
			t.Errorf("row %d is %v points tall", r+1, h)
		}
		if len(rows[r]) > 1 && rows[r][0] == "续" {
			continued += rows[r][1]
		}
	}
	if !strings.Contains(continued, acts[1].Activity.Topic) {
		t.Error("the long topic does not continue below its row")
	}
}

// Exports to a full disk or a write-protected drive fail with one Chinese
// sentence naming the file the user chose, not a hidden temporary file or
// the system's English, and leave nothing behind.
func TestExportToFullOrReadOnlyFolder(t *testing.T) {
	ms := demoRoster(t, 300)
	check := func(t *testing.T, dir, want string) {
		path := filepath.Join(dir, "花名册.xlsx")
		err := WriteRosterFile(path, branch, ms, today)
		if err == nil {
			t.Fatal("the export succeeded")
		}
		t.Logf("refused: %v", err)
		msg := err.Error()
		if !strings.HasPrefix(msg, "无法保存 "+path+"：") || !strings.Contains(msg, want) {
			t.Errorf("message %q should name %s and say %q", msg, path, want)
		}
		reason := strings.ReplaceAll(strings.TrimPrefix(msg, "无法保存 "+path+"："), "U盘", "")
		if strings.Contains(msg, ".tmp") || strings.ContainsAny(strings.ToLower(reason), "abcdefghijklmnopqrstuvwxyz") {
			t.Errorf("message %q shows a temporary file or English", msg)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Name() != "filler" {
				t.Errorf("left behind: %s", e.Name())
			}
		}
	}
	t.Run("full", func(t *testing.T) {
		dir := faultfs.Small(t, 1<<20)
		faultfs.Fill(t, dir, 16<<10)
		check(t, dir, "磁盘空间已满")
	})
	t.Run("read-only", func(t *testing.T) {
		check(t, faultfs.ReadOnly(t, t.TempDir()), "只读")
	})
}

// An export killed half way leaves a hidden temporary file; the next export
// of the same file removes it, and the file itself is always a whole
// workbook or absent.
func TestKilledExportLeavesNothingBehind(t *testing.T) {
	ms := demoRoster(t, 3000)
	crashtest.Run(t, crashtest.Plan{
		Kills: 8,
		Work: func(dir string, round int) error {
			return WriteRosterFile(filepath.Join(dir, "花名册.xlsx"), branch, ms, today)
		},
		Check: func(t *testing.T, dir string, round int, finished bool) {
			path := filepath.Join(dir, "花名册.xlsx")
			if _, err := os.Stat(path); err == nil {
				if _, err := ReadRosterFile(path, ReadOptions{Today: today}); err != nil {
					t.Fatalf("round %d: the exported file does not read back: %v", round, err)
				}
			}
			if err := WriteRosterFile(path, branch, ms[:3], today); err != nil {
				t.Fatalf("round %d: the next export: %v", round, err)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Fatalf("round %d: after the next export the folder holds %v", round, names)
			}
		},
	})
}

// The limits at entry keep every member field within one row of the
// printed roster: text at its limit needs no continuation.
func TestTextAtItsLimitFitsItsRow(t *testing.T) {
	ms := demoRoster(t, 1)
	m := &ms[0]
	m.Notes = strings.Repeat("备", model.TextLimits[model.FieldNotes])
	m.Address = strings.Repeat("址", model.TextLimits[model.FieldAddress])
	m.Post = strings.Repeat("岗", model.TextLimits[model.FieldPost])
	m.BranchName = strings.Repeat("支", model.TextLimits[model.FieldBranchName])
	m.Mobile, m.MobileDestination = true, strings.Repeat("流", model.TextLimits[model.FieldMobileDestination])
	cols := rosterColumns("", ms)
	texts, widths := []string{"1"}, []float64{serialWide}
	for _, pc := range cols {
		texts, widths = append(texts, pc.text(m)), append(widths, pc.width)
	}
	if over := overflowing(texts, widths); len(over) > 0 {
		for _, i := range over {
			t.Errorf("%s at its limit needs more than a row: %d lines", cols[i-1].label, textLines(texts[i], widths[i]))
		}
	}
}

// regbk rewrites a workbook's sheets and shared strings to declare GBK:
// encoded in GBK (as some Chinese tools write them) or, lying, left UTF-8.
func regbk(t *testing.T, b []byte, encode bool) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if strings.HasPrefix(f.Name, "xl/worksheets/") || f.Name == "xl/sharedStrings.xml" {
			text := string(data)
			if strings.HasPrefix(text, "<?xml") {
				text = text[strings.Index(text, "?>")+2:]
			}
			text = `<?xml version="1.0" encoding="GBK" standalone="yes"?>` + text
			data = []byte(text)
			if encode {
				if data, err = simplifiedchinese.GBK.NewEncoder().Bytes(data); err != nil {
					t.Fatal(err)
				}
			}
		}
		w, _ := zw.Create(f.Name)
		w.Write(data)
	}
	zw.Close()
	return out.Bytes()
}

// A workbook whose parts declare GBK reads as it was written, whether its
// bytes are GBK or (a wrong declaration) UTF-8.
func TestWorkbookDeclaringGBK(t *testing.T) {
	ms := demoRoster(t, 5)
	var buf bytes.Buffer
	if err := WriteRoster(&buf, branch, ms, today); err != nil {
		t.Fatal(err)
	}
	for name, encode := range map[string]bool{"GBK bytes": true, "UTF-8 bytes": false} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "gbk.xlsx")
			if err := os.WriteFile(path, regbk(t, buf.Bytes(), encode), 0o644); err != nil {
				t.Fatal(err)
			}
			rf, err := ReadRosterFile(path, ReadOptions{Today: today})
			if err != nil {
				t.Fatalf("ReadRosterFile: %v", err)
			}
			if len(rf.Members) != len(ms) {
				t.Fatalf("%d members read, want %d", len(rf.Members), len(ms))
			}
			for i := range ms {
				if rf.Members[i].Member.Name != ms[i].Name || rf.Members[i].Member.Address != ms[i].Address {
					t.Errorf("member %d read as %q %q, want %q %q", i, rf.Members[i].Member.Name, rf.Members[i].Member.Address, ms[i].Name, ms[i].Address)
				}
			}
		})
	}
}
