package rosterfile

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage"
)

var testToday = model.NewDate(2026, 11, 25)

const sample = "../../../shared/samples/roster_messy_example.xlsx"

func newService(t *testing.T) (*Service, *storage.Store) {
	t.Helper()
	store, err := storage.Open(filepath.Join(t.TempDir(), "b.db"), storage.WithClock(testToday.Time))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return New(store), store
}

func writeSheet(t *testing.T, rows [][]any) string {
	t.Helper()
	return writeSheets(t, []string{"Sheet1"}, rows)
}

// The shared sample gives 11 members and refuses sheet row 8; the same file
// a second time changes nothing.
func TestImportSampleTwice(t *testing.T) {
	svc, store := newService(t)
	p, err := svc.PreviewImport(sample)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Plan.Add) != 11 || p.RejectedRows() != 1 || p.Rejected[0].Row != 8 {
		t.Fatalf("preview adds %d, refuses %+v", len(p.Plan.Add), p.Rejected)
	}
	if ms, _ := store.Members(); len(ms) != 0 {
		t.Fatal("a preview wrote members")
	}
	if added, _, err := svc.CommitImport(p); err != nil || added != 11 {
		t.Fatalf("commit added %d: %v", added, err)
	}
	again, err := svc.PreviewImport(sample)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Plan.Add) != 0 || len(again.Plan.Update) != 0 || again.Plan.Unchanged != 11 {
		t.Errorf("second preview: %d to add, %d to update, %d unchanged", len(again.Plan.Add), len(again.Plan.Update), again.Plan.Unchanged)
	}
}

// An instructor's sheet of names, ID numbers and new phone numbers updates
// the members the roster has; a person it does not have cannot be added from
// such a sheet and is refused by row and field, as is a record the merge
// would leave incomplete.
func TestPartialSheetUpdatesKnownMembers(t *testing.T) {
	svc, store := newService(t)
	p, err := svc.PreviewImport(sample)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	first17 := "62010219900101001"
	newcomer := first17 + string(model.IDCheckChar(first17))
	path := writeSheet(t, [][]any{
		{"姓名", "身份证号码", "联系电话", "是否失联党员"},
		{"龙敏", "620421199611179303", "13800138000", "否"},
		{"新来的", newcomer, "13900139000", "否"},
		{"廖明", "622421197109249938", "17474598897", "是"},
	})
	p, err = svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Plan.Update) != 1 || p.Plan.Update[0].After.Phone != "13800138000" || len(p.Plan.Add) != 0 {
		t.Fatalf("plan: %d updates %+v, %d adds", len(p.Plan.Update), p.Plan.Update, len(p.Plan.Add))
	}
	refused := map[int]model.Field{}
	for _, r := range p.Rejected {
		if _, seen := refused[r.Row]; !seen {
			refused[r.Row] = r.Field
		}
	}
	if len(refused) != 2 || refused[4] != model.FieldLostSince {
		t.Errorf("refused rows %v, want row 3 (not on the roster, incomplete) and row 4 on 失联年月; all: %+v", refused, p.Rejected)
	}
	if _, ok := refused[3]; !ok {
		t.Errorf("row 3, a newcomer without join date or category, must be refused: %+v", p.Rejected)
	}
	if _, updated, err := svc.CommitImport(p); err != nil || updated != 1 {
		t.Fatalf("commit updated %d: %v", updated, err)
	}
	ms, _ := store.Members()
	if len(ms) != 11 {
		t.Errorf("%d members, want the 11 of the sample", len(ms))
	}
	for _, m := range ms {
		if m.Name == "龙敏" && m.Phone != "13800138000" {
			t.Errorf("龙敏's phone %q was not updated", m.Phone)
		}
		if m.Name == "廖明" && m.LostContact {
			t.Error("a refused row changed 廖明")
		}
	}
}

// A sheet named after its branch, the name pasted with an invisible
// character, gives 所在党支部 as the name shows, and so agrees with the
// profile's branch.
func TestSheetNameAsBranchIsCleaned(t *testing.T) {
	svc, store := newService(t)
	if err := store.SaveProfile(model.Profile{OrgName: "某公司", BranchName: "第一党支部"}); err != nil {
		t.Fatal(err)
	}
	first17 := "62010219800101011"
	path := writeSheets(t, []string{"第一党支部\u200b"}, [][]any{
		{"姓名", "公民身份号码", "入党时间", "转正时间", "人员类别"},
		{"赵一", first17 + string(model.IDCheckChar(first17)), "2010.07", "2011.07", "正式党员"},
	})
	p, err := svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Plan.Add) != 1 || p.Plan.Add[0].BranchName != "第一党支部" || p.OtherBranches != 0 {
		t.Errorf("adds %+v, other branches %d %q", p.Plan.Add, p.OtherBranches, p.OtherNames)
	}
}

// A roster with no 所在党支部 anywhere (no column, title or branch-like sheet
// name) counts the members left without one, and the profile's branch can
// be chosen for them (review s3-7 attack #4, new user #1: stored empty
// without a word).
func TestEmptyBranchesCountedAndProfileOffered(t *testing.T) {
	svc, store := newService(t)
	if err := store.SaveProfile(model.Profile{OrgName: "某公司", BranchName: "第一党支部"}); err != nil {
		t.Fatal(err)
	}
	first17 := "62010219800101011"
	path := writeSheet(t, [][]any{
		{"姓名", "公民身份号码", "入党时间", "转正时间", "人员类别"},
		{"赵一", first17 + string(model.IDCheckChar(first17)), "2010.07", "2011.07", "正式党员"},
	})
	// The file has no 所在党支部 column: its members are this branch's, and
	// the preview starts with 所在党支部一律填写 ticked (issue 8).
	p, err := svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if p.EmptyBranches != 1 || !p.Choice.ProfileBranch || len(p.Plan.Add) != 1 || p.Plan.Add[0].BranchName != "第一党支部" {
		t.Fatalf("empty branches %d, ticked %v, adds %+v", p.EmptyBranches, p.Choice.ProfileBranch, p.Plan.Add)
	}
	// Unticked, they are added without one.
	p, err = svc.PreviewImportWith(path, model.ImportChoice{})
	if err != nil {
		t.Fatal(err)
	}
	if p.EmptyBranches != 1 || p.Plan.Add[0].BranchName != "" {
		t.Errorf("unticked: empty %d, adds %+v", p.EmptyBranches, p.Plan.Add)
	}
}

// writeSheets saves a workbook of sheets in order, each a list of rows.
func writeSheets(t *testing.T, names []string, sheets ...[][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range names {
		if i == 0 {
			_ = f.SetSheetName("Sheet1", name)
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[i] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "名册.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func validID(birth, seq string) string {
	first17 := "620102" + birth + seq
	return first17 + string(model.IDCheckChar(first17))
}

// One sheet per year, each a copy of the roster then, both ticked: a
// person on both whose rows differ is refused on both, naming the other
// row, the two values and the latest sheet, so that --skip-invalid never
// stores the older copy; the latest sheet alone imports, as it does by
// default (review s3-7 new user #3; ra8 G1).
func TestSamePersonOnTwoSheetsIsHeldBackOnBoth(t *testing.T) {
	svc, _ := newService(t)
	head := []any{"姓名", "公民身份号码", "入党时间", "转正时间", "联系电话"}
	path := writeSheets(t, []string{"2024年", "2025年"},
		[][]any{head, {"邓亮", validID("19910303", "111"), "2020.05", "2021.05", "13700000001"}},
		[][]any{head, {"邓亮", validID("19910303", "111"), "2020.05", "2021.05", "13700000002"}, {"谢敏", validID("19930606", "222"), "2024.05", "2025.05", "13700000003"}})
	p, err := svc.PreviewImportWith(path, model.ImportChoice{Sheets: []string{"2024年", "2025年"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Plan.Add) != 1 || p.Plan.Add[0].Name != "谢敏" {
		t.Errorf("adds %+v, want 谢敏 alone", p.Plan.Add)
	}
	want := map[string]string{
		"2024年": "同一人也在工作表“2025年”第2行，两处的联系电话不同（这里为“13700000001”，那里为“13700000002”），分不清哪个是现在的情况，这几行都没有导入；如各工作表是不同时期的名册，只导入最新的一张（取消勾选其他工作表，或在命令行加 --sheet 2025年）",
		"2025年": "同一人也在工作表“2024年”第2行，两处的联系电话不同（这里为“13700000002”，那里为“13700000001”），分不清哪个是现在的情况，这几行都没有导入；如各工作表是不同时期的名册，只导入最新的一张（取消勾选其他工作表，或在命令行加 --sheet 2025年）",
	}
	if len(p.Rejected) != 2 {
		t.Fatalf("rejected %+v, want both of 邓亮's rows", p.Rejected)
	}
	for _, r := range p.Rejected {
		if r.Row != 2 || r.Name != "邓亮" || r.Reason != want[r.Sheet] {
			t.Errorf("rejection %+v", r)
		}
	}
	p, err = svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Plan.Add) != 2 || len(p.Rejected) != 0 {
		t.Errorf("the latest sheet alone: adds %d, rejected %+v", len(p.Plan.Add), p.Rejected)
	}
	for _, m := range p.Plan.Add {
		if m.Name == "邓亮" && m.Phone != "13700000002" {
			t.Errorf("邓亮's phone %q, want the latest sheet's", m.Phone)
		}
	}
}

// The roster sheet and a 流动党员 register that lists a member again are
// one member where they do not contradict each other: the register's
// 外出流向 and phone join the roster's row, said in a 提示; rows that do
// contradict are refused on both sheets, each naming the other's cell,
// and only sheets named as periods get the "import the latest" advice;
// the register's name is not offered as a 所在党支部 (review s9-7 #14:
// every mobile member was refused).
func TestSamePersonOnARosterAndARegisterSheet(t *testing.T) {
	id := validID("19850315", "915")
	roster := []any{"姓名", "性别", "公民身份号码", "人员类别", "入党时间", "转正时间"}
	register := []any{"姓名", "公民身份号码", "外出流向", "外出时间", "联系电话", "入党时间"}
	for _, tt := range []struct {
		name     string
		sheets   []string
		register []any // the register's row for the member
		phone    string
		joinDate string
		refusal  string // the roster row's refusal, "" when joined
	}{
		{name: "agreeing", sheets: []string{"第一党支部", "流动党员"},
			register: []any{"巳甲", id, "广东深圳", "2023-03", "13712345611"},
			phone:    "13712345611", joinDate: "2008-06-15"},
		{name: "a month beside the day", sheets: []string{"第一党支部", "流动党员"},
			register: []any{"巳甲", id, "广东深圳", "2023-03", "13712345611", "2008.06"},
			phone:    "13712345611", joinDate: "2008-06-15"},
		{name: "contradicting", sheets: []string{"第一党支部", "流动党员"},
			register: []any{"巳甲", id, "广东深圳", "2023-03", "13712345611", "2009.06"},
			refusal:  "同一人也在工作表“流动党员”第2行，两处的加入党组织日期不同（这里为“2008-06-15”，那里为“2009-06”），分不清哪个是现在的情况，这几行都没有导入；请改成一致后再导入"},
		{name: "contradicting periods", sheets: []string{"2024年", "2025年"},
			register: []any{"巳甲", id, "广东深圳", "2023-03", "13712345611", "2009.06"},
			refusal:  "同一人也在工作表“2025年”第2行，两处的加入党组织日期不同（这里为“2008-06-15”，那里为“2009-06”），分不清哪个是现在的情况，这几行都没有导入；如各工作表是不同时期的名册，只导入最新的一张（取消勾选其他工作表，或在命令行加 --sheet 2025年）"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			svc, _ := newService(t)
			path := writeSheets(t, tt.sheets,
				[][]any{roster, {"巳甲", "男", id, "正式党员", "2008-06-15", "2009-06-15"}, {"巳乙", "女", validID("19900101", "022"), "正式党员", "2012-06-15", "2013-06-15"}},
				[][]any{register[:len(tt.register)], tt.register})
			// Both sheets ticked: 2024年 sharing 巳甲 with 2025年 is
			// an earlier year's roster, left out by default (review ra9
			// S5); read with it, the contradiction is said.
			p, err := svc.PreviewImportWith(path, model.ImportChoice{Sheets: tt.sheets})
			if err != nil {
				t.Fatal(err)
			}
			var got *model.Member
			for i := range p.Plan.Add {
				if p.Plan.Add[i].Name == "巳甲" {
					got = &p.Plan.Add[i]
				}
			}
			if tt.refusal != "" {
				if got != nil || len(p.Rejected) != 2 {
					t.Fatalf("imported %+v, rejected %+v; want both rows refused", got, p.Rejected)
				}
				for _, r := range p.Rejected {
					if r.Sheet == tt.sheets[0] && (r.Reason != tt.refusal || r.Field != model.FieldJoinDate) {
						t.Errorf("refusal %q (%s), want %q", r.Reason, r.Field, tt.refusal)
					}
				}
				return
			}
			if got == nil || len(p.Rejected) != 0 || len(p.Plan.Add) != 2 {
				t.Fatalf("adds %+v, rejected %+v; want 巳甲 once", p.Plan.Add, p.Rejected)
			}
			if !got.Mobile || got.MobileDestination != "广东深圳" || got.Phone != tt.phone || got.JoinDate.String() != tt.joinDate || got.Category != model.CategoryFull {
				t.Errorf("巳甲 %+v", *got)
			}
			if !slices.ContainsFunc(p.Notes, func(n model.ImportNote) bool {
				return n.Message == "工作表“流动党员”的 1 人（巳甲）也在工作表“第一党支部”中：公民身份号码相同、所填不矛盾，是同一人，两处所填合在一起导入"
			}) {
				t.Errorf("the join not said: %v", p.Notes)
			}
			// The register's name is no branch to offer.
			for _, sh := range p.Sheets {
				if sh.Name == "流动党员" && sh.CanUseName {
					t.Errorf("流动党员 offered as a branch: %+v", sh)
				}
			}
		})
	}
}

// The count of members naming another branch is over the members to add
// or update, not rows the plan refuses (review s3-7 new user #5: "新增 6
// 人" beside "有 7 人的所在党支部…不同").
func TestOtherBranchesCountsOnlyMembersImported(t *testing.T) {
	svc, store := newService(t)
	if err := store.SaveProfile(model.Profile{OrgName: "某公司", BranchName: "第一党支部"}); err != nil {
		t.Fatal(err)
	}
	path := writeSheets(t, []string{"名册"}, [][]any{
		{"姓名", "公民身份号码", "所在党支部", "入党时间", "转正时间"},
		{"赵一", validID("19800101", "011"), "第三党支部", "2010.07", "2011.07"},
		{"钱二", validID("19800101", "022"), "第三党支部", "2010.07", nil},
	})
	p, err := svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Plan.Add) != 1 || p.RejectedRows() != 1 {
		t.Fatalf("adds %d, rejected %+v; want 钱二 refused for the 转正 date", len(p.Plan.Add), p.Rejected)
	}
	if p.OtherBranches != 1 {
		t.Errorf("other branches %d, want 1 (the member to add)", p.OtherBranches)
	}
}

// Members imported with another branch's name are corrected by importing
// the file again with 所在党支部 taken from the profile (review s3-8
// newuser #1: the box did nothing for members on the roster).
func TestProfileBranchCorrectsMembersOnTheRoster(t *testing.T) {
	svc, store := newService(t)
	if err := store.SaveProfile(model.Profile{OrgName: "某公司", BranchName: "中共某公司支部委员会"}); err != nil {
		t.Fatal(err)
	}
	first17 := "62010219800101011"
	path := writeSheet(t, [][]any{
		{"姓名", "公民身份号码", "入党时间", "转正时间", "人员类别", "所在党支部"},
		{"赵一", first17 + string(model.IDCheckChar(first17)), "2010.07", "2011.07", "正式党员", "某公司党支部"},
	})
	p, err := svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	p, err = svc.PreviewImportWith(path, model.ImportChoice{ProfileBranch: true})
	if err != nil {
		t.Fatal(err)
	}
	if p.OtherBranches != 1 || len(p.Plan.Update) != 1 || p.Plan.Unchanged != 0 {
		t.Fatalf("other %d, updates %+v, unchanged %d", p.OtherBranches, p.Plan.Update, p.Plan.Unchanged)
	}
	u := p.Plan.Update[0]
	if u.After.BranchName != "中共某公司支部委员会" || len(u.Changes) != 1 || u.Changes[0].Old != "某公司党支部" {
		t.Errorf("update %+v", u)
	}
}

// Re-importing the same roster after a first import with 所在党支部一律填写
// ticked opens with the box ticked: every member on the roster already has
// the profile's name, so the preview changes nothing instead of leading
// with every member reverting (review s6-8-newuser #12). A first import,
// or a roster that still holds another name, leaves the choice unticked.
func TestReimportKeepsTheProfileBranch(t *testing.T) {
	svc, store := newService(t)
	if err := store.SaveProfile(model.Profile{OrgName: "某公司", BranchName: "中共某公司支部委员会"}); err != nil {
		t.Fatal(err)
	}
	first17, second17 := "62010219800101011", "62010219810202021"
	rows := [][]any{
		{"姓名", "公民身份号码", "入党时间", "转正时间", "人员类别", "所在党支部"},
		{"赵一", first17 + string(model.IDCheckChar(first17)), "2010.07", "2011.07", "正式党员", "某公司党支部"},
		{"钱二", second17 + string(model.IDCheckChar(second17)), "2012.07", "2013.07", "正式党员", "某公司党支部"},
	}
	path := writeSheet(t, rows)
	p, err := svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if p.Choice.ProfileBranch {
		t.Fatal("a first import ticks the box by itself")
	}
	p, err = svc.PreviewImportWith(path, model.ImportChoice{ProfileBranch: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	p, err = svc.PreviewImport(path)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Choice.ProfileBranch || len(p.Plan.Update) != 0 || p.Plan.Unchanged != 2 || p.OtherBranches != 2 {
		t.Errorf("re-import: ticked %v, %d updates, %d unchanged, %d naming another branch",
			p.Choice.ProfileBranch, len(p.Plan.Update), p.Plan.Unchanged, p.OtherBranches)
	}
	// One member renamed back by hand: the roster no longer agrees, the
	// user decides again.
	ms, _ := store.Members()
	ms[0].BranchName = "某公司党支部"
	if _, err := store.UpdateMember(ms[0]); err != nil {
		t.Fatal(err)
	}
	if p, err = svc.PreviewImport(path); err != nil || p.Choice.ProfileBranch {
		t.Errorf("a roster with another name ticked the box: %v, %v", p.Choice.ProfileBranch, err)
	}
}
