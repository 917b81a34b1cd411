package rosterfile

import (
	"slices"
	"testing"

	"branchledger/model"
)

// A roster kept year by year, one sheet a year with mostly the same
// people: only the newest year is the roster. Every sheet was read and
// the people merged, so those missing from the newest sheet — they left —
// were stored as current members (review ra8 G1). The earlier years are
// left out by default, each said with how many of its people the newest
// lacks; sheets per branch, or years holding other people, are read as
// before.
func TestEarlierYearsRostersLeftOut(t *testing.T) {
	head := []any{"姓名", "公民身份号码", "入党时间", "转正时间", "所在党支部"}
	zhang := []any{"邓亮", validID("19800101", "011"), "2008.06", "2009.06", "第一党支部"}
	li := []any{"谢敏", validID("19800101", "033"), "2008.06", "2009.06", "第一党支部"}
	wang := []any{"周红", validID("19800101", "055"), "2008.06", "2009.06", "第一党支部"}
	zhao := []any{"吴刚", validID("19800101", "077"), "2008.06", "2009.06", "第一党支部"}
	sun := []any{"郑芳", validID("19800101", "099"), "2008.06", "2009.06", "第一党支部"}
	for _, c := range []struct {
		name     string
		sheets   []string
		rows     [][][]any
		added    []string
		earlier  map[string]int // sheet → people not on the newest
		newest   string
		notTaken []string // preview.NotImported
	}{
		{"years as names", []string{"2023", "2024", "2025"},
			[][][]any{{head, zhang, li, wang}, {head, zhang, li, wang, zhao, sun}, {head, zhang, wang, zhao}},
			[]string{"邓亮", "周红", "吴刚"}, map[string]int{"2023": 1, "2024": 2}, "2025",
			[]string{"2023（往年的名册，只导入最新的“2025”；其中1人不在“2025”中，没有导入）", "2024（往年的名册，只导入最新的“2025”；其中2人不在“2025”中，没有导入）"}},
		{"newest tab first", []string{"2025年党员名册", "2024年党员名册"},
			[][][]any{{head, zhang, wang}, {head, zhang, li, wang}},
			[]string{"邓亮", "周红"}, map[string]int{"2024年党员名册": 1}, "2025年党员名册",
			[]string{"2024年党员名册（往年的名册，只导入最新的“2025年党员名册”；其中1人不在“2025年党员名册”中，没有导入）"}},
		{"sheets per branch", []string{"第一党支部", "第二党支部"},
			[][][]any{{head, zhang, li}, {head, wang, zhao}},
			[]string{"邓亮", "谢敏", "周红", "吴刚"}, nil, "", nil},
		{"years of other people", []string{"2024", "2025"},
			[][][]any{{head, zhang, li}, {head, wang, zhao}},
			[]string{"邓亮", "谢敏", "周红", "吴刚"}, nil, "", nil},
		// review ra9 S5: half recurring, the other half had left.
		{"half of the people", []string{"2024", "2025"},
			[][][]any{{head, zhang, li}, {head, zhang, wang}},
			[]string{"邓亮", "周红"}, map[string]int{"2024": 1}, "2025",
			[]string{"2024（往年的名册，只导入最新的“2025”；其中1人不在“2025”中，没有导入）"}},
		{"three years, one recurring", []string{"2023年", "2024年", "2025年"},
			[][][]any{{head, zhang, li, wang, zhao}, {head, zhang, li, wang, zhao, sun}, {head, zhang, sun}},
			[]string{"邓亮", "郑芳"}, map[string]int{"2023年": 3, "2024年": 3}, "2025年",
			[]string{"2023年（往年的名册，只导入最新的“2025年”；其中3人不在“2025年”中，没有导入）", "2024年（往年的名册，只导入最新的“2025年”；其中3人不在“2025年”中，没有导入）"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			svc, _ := newService(t)
			p, err := svc.PreviewImport(writeSheets(t, c.sheets, c.rows...))
			if err != nil {
				t.Fatal(err)
			}
			var added []string
			for _, m := range p.Plan.Add {
				added = append(added, m.Name)
			}
			slices.Sort(added)
			want := slices.Clone(c.added)
			slices.Sort(want)
			if !slices.Equal(added, want) || len(p.Rejected) != 0 {
				t.Errorf("adds %q, want %q; refused %+v", added, want, p.Rejected)
			}
			for _, s := range p.Sheets {
				missing, isEarlier := c.earlier[s.Name]
				if s.Included == isEarlier {
					t.Errorf("sheet %s included %v", s.Name, s.Included)
				}
				if isEarlier && (s.Earlier != c.newest || s.EarlierMissing != missing) {
					t.Errorf("sheet %s: earlier than %q, %d missing; want %q, %d", s.Name, s.Earlier, s.EarlierMissing, c.newest, missing)
				}
			}
			if got := p.NotImported(); !slices.Equal(got, c.notTaken) {
				t.Errorf("sheets not imported %q\nwant %q", got, c.notTaken)
			}
			// Ticked, an earlier year is read as before.
			if c.newest != "" {
				p, err := svc.PreviewImportWith(writeSheets(t, c.sheets, c.rows...), model.ImportChoice{Sheets: c.sheets})
				if err != nil {
					t.Fatal(err)
				}
				if len(p.Plan.Add) <= len(c.added) {
					t.Errorf("all ticked: adds %d, want the earlier years' people too", len(p.Plan.Add))
				}
			}
		})
	}
}
