package rosterfile

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

const fieldSamples = "../../../shared/samples/field"

// The shared workbooks of rosters as they really arrive (issue 7), each
// imported into a new data file and checked against what expected.json
// says a correct import makes of it: the counts, and named members' values.
func TestFieldSamples(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(fieldSamples, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var samples []struct {
		File   string                    `json:"file"`
		Expect string                    `json:"expect"`
		Values map[string]map[string]any `json:"values"`
	}
	if err := json.Unmarshal(raw, &samples); err != nil {
		t.Fatal(err)
	}
	for _, s := range samples {
		t.Run(s.File, func(t *testing.T) {
			svc, store := newService(t)
			p, err := svc.PreviewImport(filepath.Join(fieldSamples, s.File))
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprintf("imported %d, rejected %d", p.Accepted(), p.RejectedRows()); got != s.Expect {
				t.Fatalf("%s, want %s; rejected %+v", got, s.Expect, p.Rejected)
			}
			if _, _, err := svc.CommitImport(p); err != nil {
				t.Fatal(err)
			}
			stored, err := store.Members()
			if err != nil {
				t.Fatal(err)
			}
			byName := map[string]model.Member{}
			for _, m := range stored {
				byName[m.Name] = m
			}
			for name, fields := range s.Values {
				m, ok := byName[name]
				if !ok {
					t.Errorf("%s not imported (members: %v)", name, slices.Collect(maps.Keys(byName)))
					continue
				}
				for label, want := range fields {
					checkSampleValue(t, m, label, want)
				}
			}
			// Every ID number is stored as the 18 characters a person sees.
			for _, m := range stored {
				if utf8.RuneCountInString(m.IDNumber) != 18 || model.CleanText(m.IDNumber) != m.IDNumber {
					t.Errorf("%s: ID number %q", m.Name, m.IDNumber)
				}
			}
		})
	}
}

func checkSampleValue(t *testing.T, m model.Member, label string, want any) {
	t.Helper()
	if label == "姓名 length" {
		if n := utf8.RuneCountInString(m.Name); float64(n) != want.(float64) {
			t.Errorf("%q has %d characters, want %v", m.Name, n, want)
		}
		return
	}
	var field model.Field
	for _, fi := range model.MemberFields {
		if fi.Label == label {
			field = fi.Field
		}
	}
	if field == "" {
		t.Fatalf("expected.json names an unknown field %q", label)
	}
	text, monthOnly := strings.CutSuffix(want.(string), " (month precision)")
	if got := m.Text(field); got != text {
		t.Errorf("%s %s = %q, want %q", m.Name, label, got, text)
	}
	if monthOnly {
		d := map[model.Field]model.Date{model.FieldJoinDate: m.JoinDate, model.FieldFullDate: m.FullDate, model.FieldBirthDate: m.BirthDate}[field]
		if !d.MonthOnly() {
			t.Errorf("%s %s = %v, want a date known only to the month", m.Name, label, d)
		}
	}
}

// The sample of a system's template names the columns it does not import.
func TestFieldSampleNamesColumnsNotImported(t *testing.T) {
	svc, _ := newService(t)
	p, err := svc.PreviewImport(filepath.Join(fieldSamples, "heading_yu_zheng.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	ignored := p.Ignored()
	for _, want := range []string{"籍贯", "工作地"} {
		if !slices.Contains(ignored, want) {
			t.Errorf("columns not imported %q, want %s among them", ignored, want)
		}
	}
	if slices.Contains(ignored, "预/正") {
		t.Errorf("预/正 is 人员类别, not a column to leave out: %q", ignored)
	}
}

// Kind 8 (issue 7): a roster without a 人员类别 column. A 转正 date says
// 正式党员; without one, a member still within probation (with the longest
// extension, counted from 加入党组织日期) is 预备党员, and one past it is
// refused naming 转为正式党员日期. 性别 and 出生日期 come from the ID number.
func TestCategoryFollowsFromTheDates(t *testing.T) {
	id := func(birth string, seq int) string {
		first := fmt.Sprintf("620102%s%03d", birth, seq)
		return first + string(model.IDCheckChar(first))
	}
	path := writeSheet(t, [][]any{
		{"姓名", "公民身份号码", "入党时间", "转正时间"},
		{"正式", id("19800101", 11), "2010.07", "2011.07"},
		{"预备", id("19900101", 22), "2026.03", nil},
		{"延长中", id("19900101", 31), "2025-01-10", nil},
		{"已满", id("19700101", 42), "2003.10", nil},
	})
	svc, store := newService(t)
	p, err := svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rejected) != 1 || p.Rejected[0].Row != 5 || p.Rejected[0].Field != model.FieldFullDate || !strings.Contains(p.Rejected[0].Reason, "转为正式党员日期") {
		t.Fatalf("rejected %+v", p.Rejected)
	}
	if _, _, err := svc.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	ms, _ := store.Members()
	got := map[string]string{}
	for _, m := range ms {
		got[m.Name] = string(m.Category) + "/" + string(m.Sex) + "/" + m.BirthDate.String()
	}
	want := map[string]string{"正式": "正式党员/男/1980-01-01", "预备": "预备党员/女/1990-01-01", "延长中": "预备党员/男/1990-01-01"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
}

// A member already on the roster as 预备党员 whose 转正 date a file without
// 人员类别 gives becomes 正式党员; one the file leaves without a 转正 date
// keeps what the roster says.
func TestCategoryFromTheDatesUpdatesWhatTheFileSays(t *testing.T) {
	id := func(birth string, seq int) string {
		first := fmt.Sprintf("620102%s%03d", birth, seq)
		return first + string(model.IDCheckChar(first))
	}
	svc, store := newService(t)
	first := writeSheet(t, [][]any{
		{"姓名", "公民身份号码", "入党时间", "转正时间", "人员类别"},
		{"甲", id("19800101", 11), "2025.09", nil, "预备党员"},
		{"乙", id("19800101", 22), "2003.10", "2004.10", "正式党员"},
	})
	p, err := svc.PreviewImport(first)
	if err != nil || len(p.Rejected) > 0 {
		t.Fatalf("%v %+v", err, p.Rejected)
	}
	if _, _, err := svc.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	second := writeSheet(t, [][]any{
		{"姓名", "公民身份号码", "入党时间", "转正时间"},
		{"甲", id("19800101", 11), "2025.09", "2026.09"},
		{"乙", id("19800101", 22), "2003.10", nil},
	})
	p, err = svc.PreviewImport(second)
	if err != nil || len(p.Rejected) > 0 {
		t.Fatalf("%v %+v", err, p.Rejected)
	}
	if _, _, err := svc.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	ms, _ := store.Members()
	for _, m := range ms {
		if m.Category != model.CategoryFull {
			t.Errorf("%s is %s", m.Name, m.Category)
		}
	}
}

// A hidden sheet is left out by default, unless the roster is only there.
func TestHiddenSheets(t *testing.T) {
	id := func(seq int) string {
		first := fmt.Sprintf("620102%s%03d", "19800101", seq)
		return first + string(model.IDCheckChar(first))
	}
	write := func(hidden ...bool) string {
		f := excelize.NewFile()
		defer f.Close()
		for i, h := range hidden {
			name := fmt.Sprintf("名册%d", i+1)
			if i == 0 {
				_ = f.SetSheetName("Sheet1", name)
			} else {
				_, _ = f.NewSheet(name)
			}
			_ = f.SetSheetRow(name, "A1", &[]any{"姓名", "公民身份号码", "入党时间", "转正时间", "人员类别"})
			_ = f.SetSheetRow(name, "A2", &[]any{"党员" + name, id(11 + 2*i), "2010.07", "2011.07", "正式党员"})
			if h {
				_ = f.SetSheetVisible(name, false)
			}
		}
		path := filepath.Join(t.TempDir(), "名册.xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	for _, tt := range []struct {
		name   string
		hidden []bool
		want   int
	}{
		{"a visible and a hidden sheet", []bool{false, true}, 1},
		{"only hidden sheets", []bool{true}, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			svc, _ := newService(t)
			p, err := svc.PreviewImport(write(tt.hidden...))
			if err != nil {
				t.Fatal(err)
			}
			if p.Accepted() != tt.want {
				t.Errorf("accepted %d, want %d; sheets %+v", p.Accepted(), tt.want, p.Sheets)
			}
		})
	}
}
