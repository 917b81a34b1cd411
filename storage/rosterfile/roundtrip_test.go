package rosterfile

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/demo"
)

// A roster exported by `roster export` (or 导出花名册) and imported into a
// new data file — a secretary moving to another laptop, an instructor
// collecting a branch's roster — gives every member back as they were, in
// every field the export carries. The new file is opened months later, so a
// field the export left out and the import filled in with its own day (as
// 到本支部日期 was) shows as a difference.
func TestExportedRosterImportsBackAsItWas(t *testing.T) {
	const home = "中共兰州示例科技有限公司支部委员会"
	tests := []struct {
		name string
		edit func(i int, m *model.Member)
	}{
		{"one branch: 所在党支部 from the title", func(int, *model.Member) {}},
		{"two branches: 所在党支部 printed", func(i int, m *model.Member) {
			if i%2 == 0 {
				m.BranchName = "中共兰州示例科技有限公司第二支部委员会"
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from := openAt(t, testToday)
			if err := from.SaveProfile(model.Profile{OrgName: "兰州示例科技有限公司", BranchName: home,
				OrgAddress: "兰州市城关区庆阳路1号", ContactPhone: "0931-8123456"}); err != nil {
				t.Fatal(err)
			}
			want := map[string]model.Member{}
			for i, m := range demo.Members(24, 7, testToday, home) {
				switch i % 6 {
				case 1: // month-only dates, as old records give them
					m.JoinDate = model.MonthDate(m.JoinDate.Year, m.JoinDate.Month)
					if !m.FullDate.IsZero() {
						m.FullDate = model.MonthDate(m.FullDate.Year, m.FullDate.Month)
					}
				case 2:
					m.LostContact, m.LostSince = true, model.MonthDate(2025, time.May)
					m.Mobile, m.MobileDestination = false, ""
				case 3:
					m.Mobile, m.MobileDestination = true, "广东省深圳市南山区"
					m.LostContact, m.LostSince = false, model.Date{}
					m.Notes = "2020年由某某公司支部转入\n组织关系已接收"
				}
				// Half came onto the branch on a day the record states;
				// the others on the day they were entered (AddMember's).
				if i%2 == 0 {
					m.ArrivedOn = model.NewDate(2024, time.Month(1+i%12), 1+i)
					if m.ArrivedOn.Before(m.JoinDate) {
						m.ArrivedOn = m.JoinDate
					}
				}
				tt.edit(i, &m)
				added, err := from.AddMember(m, nil)
				if err != nil {
					t.Fatalf("member %d: %v", i, err)
				}
				want[added.IDNumber] = added
			}
			file := filepath.Join(t.TempDir(), "花名册.xlsx")
			if n, err := New(from).ExportRoster(file); err != nil || n != len(want) {
				t.Fatalf("exported %d members: %v", n, err)
			}

			to := New(openAt(t, model.NewDate(2027, time.March, 9)))
			preview, err := to.PreviewImport(file)
			if err != nil {
				t.Fatal(err)
			}
			if preview.RejectedRows() > 0 {
				t.Fatalf("own export refused: %v", preview.Rejected)
			}
			if added, _, err := to.CommitImport(preview); err != nil || added != len(want) {
				t.Fatalf("imported %d of %d: %v", added, len(want), err)
			}
			got, err := to.store.Members()
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("%d members after the import, want %d", len(got), len(want))
			}
			for _, fi := range model.RecordFields {
				t.Run(fi.Label, func(t *testing.T) {
					for _, g := range got {
						w := want[g.IDNumber]
						if a, b := g.Text(fi.Field), w.Text(fi.Field); a != b {
							t.Errorf("%s: %q after the round trip, was %q", w.Name, strings.ReplaceAll(a, "\n", "⏎"), strings.ReplaceAll(b, "\n", "⏎"))
						}
					}
				})
			}
		})
	}
}

// openAt opens a new data file under t.TempDir() whose today is day.
func openAt(t *testing.T, day model.Date) *storage.Store {
	t.Helper()
	store, err := storage.Open(filepath.Join(t.TempDir(), "b.db"), storage.WithClock(day.Time))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}
