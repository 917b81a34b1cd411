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
