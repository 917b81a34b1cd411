package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"branchledger/model"
	"branchledger/storage/rosterfile"
)

// `roster import` fills in 所在党支部 as the window's import preview offers
// it (rosterfile.PreviewImport): a file without the column on a data file
// whose profile names the branch gives the members that branch, and a
// re-import of a file naming old branch names keeps the names the roster
// was corrected to. The command line stored them without a branch, or
// reverted the roster to the file's names, where the window did not.
// --use-profile-branch=false keeps the file's.
func TestRosterImportFillsTheBranchAsTheWindowOffers(t *testing.T) {
	const home = "中共兰州示例科技有限公司支部委员会"
	zhao, qian := rosterID("19800101", 11), rosterID("19800101", 22)
	head := []any{"姓名", "公民身份号码", "入党时间", "转正时间", "人员类别"}
	noBranch := [][]any{head, {"赵一", zhao, "2010.07", "2011.07", "正式党员"}, {"钱二", qian, "2010.07", "2011.07", "正式党员"}}
	oldNames := [][]any{append(head[:5:5], "所在党支部"),
		{"赵一", zhao, "2010.07", "2011.07", "正式党员", "第一党支部"}, {"钱二", qian, "2010.07", "2011.07", "正式党员", "第一党支部"}}
	tests := []struct {
		name    string
		rows    [][]any
		before  bool // the same file imported before with --use-profile-branch
		args    []string
		want    string
		windows bool // the window's first preview offers want too
		note    string
	}{
		{"no 所在党支部 column", noBranch, false, nil, home, true, "一律填写本支部名称“" + home + "”"},
		{"no 所在党支部 column, kept empty", noBranch, false, []string{"--use-profile-branch=false"}, "", false, "2 人的所在党支部为空"},
		{"other names, first import", oldNames, false, nil, "第一党支部", true, "与本支部名称“" + home + "”不同；如应一律填写本支部名称，加 --use-profile-branch"},
		{"other names, re-import after they were corrected", oldNames, true, nil, home, true, "按本支部名称填写"},
		{"other names, re-import keeping the file's", oldNames, true, []string{"--use-profile-branch=false"}, "第一党支部", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "b.db")
			s := openDB(t, db)
			if err := s.SaveProfile(model.Profile{OrgName: "兰州示例科技有限公司", BranchName: home,
				OrgAddress: "兰州市城关区庆阳路1号", ContactPhone: "0931-8123456"}); err != nil {
				t.Fatal(err)
			}
			s.Close()
			path := writeBook(t, "名册.xlsx", map[string][][]any{"名册": tt.rows}, "名册")
			if tt.before {
				if r := run(t, "roster", "import", path, "--db", db, "--use-profile-branch"); r.status != ExitOK {
					t.Fatalf("first import: %d %s", r.status, r.stderr)
				}
			}

			// What the window's preview would import, asked of the same file.
			s = openDB(t, db)
			p, err := rosterfile.New(s).PreviewImport(path)
			s.Close()
			if err != nil {
				t.Fatal(err)
			}
			// The box 所在党支部一律填写 as the window opens with it.
			ticked := p.Choice.ProfileBranch

			r := run(t, append([]string{"roster", "import", path, "--db", db}, tt.args...)...)
			if r.status != ExitOK {
				t.Fatalf("status %d\n%s\n%s", r.status, r.stdout, r.stderr)
			}
			if tt.note != "" && !strings.Contains(r.stderr, tt.note) {
				t.Errorf("stderr does not say %q:\n%s", tt.note, r.stderr)
			}
			s = openDB(t, db)
			ms, _ := s.Members()
			s.Close()
			for _, m := range ms {
				if m.BranchName != tt.want {
					t.Errorf("%s: 所在党支部 %q, want %q", m.Name, m.BranchName, tt.want)
				}
			}
			if tt.windows && ticked != (tt.want == home) {
				t.Errorf("the window's preview opens with 所在党支部一律填写 ticked: %v; the command line stored %q", ticked, tt.want)
			}
		})
	}
}
