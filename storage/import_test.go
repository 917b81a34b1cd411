package storage

import (
	"errors"
	"strings"
	"testing"

	"branchledger/model"
)

func countRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.Raw("SELECT count(*) FROM " + table).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// A roster file with 姓名, 公民身份号码, 联系电话 and 家庭住址 only: one new
// member, one whose phone changed and whose address cell is empty, one the
// same as stored.
func TestPlanImport(t *testing.T) {
	s := openTest(t)
	stored := addMembers(t, s, 3)

	changed := model.Member{Name: stored[0].Name, IDNumber: stored[0].IDNumber, Phone: "13800001111"}
	same := model.Member{Name: stored[1].Name, IDNumber: strings.ToLower(stored[1].IDNumber), Phone: stored[1].Phone, Address: stored[1].Address}
	newcomer := newMember(10)
	columns := []model.Field{model.FieldName, model.FieldIDNumber, model.FieldPhone, model.FieldAddress}

	plan, err := s.PlanImport("2026年花名册.xlsx", []model.Member{changed, same, newcomer}, columns)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Source != "2026年花名册.xlsx" || len(plan.Add) != 1 || len(plan.Update) != 1 || plan.Unchanged != 1 {
		t.Fatalf("plan: source %q, %d add, %d update, %d unchanged; want 1, 1, 1", plan.Source, len(plan.Add), len(plan.Update), plan.Unchanged)
	}
	if plan.Add[0].IDNumber != newcomer.IDNumber || !plan.Add[0].OnRoster {
		t.Errorf("add %+v", plan.Add[0])
	}
	u := plan.Update[0]
	if u.Before.ID != stored[0].ID || u.After.ID != stored[0].ID {
		t.Errorf("update of member %d/%d, want %d", u.Before.ID, u.After.ID, stored[0].ID)
	}
	if len(u.Changes) != 1 || u.Changes[0].Field != model.FieldPhone || u.Changes[0].Old != stored[0].Phone || u.Changes[0].New != "13800001111" {
		t.Errorf("changes %+v, want only the phone", u.Changes)
	}
	if u.After.Address != stored[0].Address {
		t.Errorf("the empty address cell erased %q", stored[0].Address)
	}
	// A plan writes nothing.
	if n := countRows(t, s, "members"); n != 3 {
		t.Errorf("%d members after planning, want 3", n)
	}
	if got, _ := s.Member(stored[0].ID); got.Phone != stored[0].Phone {
		t.Errorf("planning changed the phone to %q", got.Phone)
	}
}

func TestApplyImportThenSameFileAgainChangesNothing(t *testing.T) {
	s := openTest(t)
	stored := addMembers(t, s, 2)
	file := []model.Member{newMember(0), newMember(1), newMember(2), newMember(3)}
	file[1].Post = "非公有制经济组织管理人员"

	plan, err := s.PlanImport("花名册.xlsx", file, allColumns())
	if err != nil {
		t.Fatal(err)
	}
	added, updated, err := s.ApplyImport(plan)
	if err != nil || added != 2 || updated != 1 {
		t.Fatalf("ApplyImport: %d added, %d updated, %v; want 2 and 1", added, updated, err)
	}
	ms, _ := s.Members()
	if len(ms) != 4 || ms[1].Post != "非公有制经济组织管理人员" || !ms[3].OnRoster {
		t.Errorf("after import: %+v", ms)
	}
	history, _ := s.MemberChanges(stored[1].ID)
	if len(history) != 1 || history[0].Source != "花名册.xlsx" || history[0].Field != model.FieldPost {
		t.Errorf("history of the updated member: %+v", history)
	}
	var rec importRow
	s.db.Last(&rec)
	if rec.Source != "花名册.xlsx" || rec.Added != 2 || rec.Updated != 1 || rec.Unchanged != 1 {
		t.Errorf("import record %+v", rec)
	}

	again, err := s.PlanImport("花名册.xlsx", file, allColumns())
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Add) != 0 || len(again.Update) != 0 || again.Unchanged != 4 {
		t.Errorf("same file again: %d add, %d update, %d unchanged; want 0, 0, 4", len(again.Add), len(again.Update), again.Unchanged)
	}
}

// Someone who left is still known by their number: a roster listing them
// again (last term's file) neither adds a second record nor changes theirs
// — the row is refused, saying when and how they left (review s7-7 attack
// #14; it was an update, counted as 更新, with the member still off the
// roster).
func TestImportRefusesMembersWhoLeft(t *testing.T) {
	for _, tt := range []struct {
		kind model.EventKind
		want string
	}{
		{model.EventTransferOut, "已于 " + testToday.String() + " 转出，不在花名册上，这一行未导入；如已转回本支部，请先在“组织关系 → 转入”中登记转入"},
		{model.EventDeath, "已于 " + testToday.String() + " 因“死亡”离开花名册，这一行未导入"},
	} {
		t.Run(string(tt.kind), func(t *testing.T) {
			s := openTest(t)
			m, _ := s.AddMember(newMember(1), nil)
			if _, err := s.RecordEvent(model.MembershipEvent{MemberID: m.ID, Kind: tt.kind, Date: testToday, Note: "转往外省"}); err != nil {
				t.Fatal(err)
			}
			before, _ := s.Member(m.ID)
			changed := newMember(1)
			changed.Phone = "13700000000"
			same := before
			for _, row := range []model.Member{changed, same} {
				plan, err := s.PlanImport("旧名册.xlsx", []model.Member{row}, allColumns())
				if err != nil {
					t.Fatal(err)
				}
				if len(plan.Add) != 0 || len(plan.Update) != 0 || plan.Unchanged != 0 || len(plan.Refused) != 1 {
					t.Fatalf("plan: %d add, %d update, %d unchanged, refused %+v; want the row refused", len(plan.Add), len(plan.Update), plan.Unchanged, plan.Refused)
				}
				if r := plan.Refused[0]; r.Field != model.FieldIDNumber || r.Reason != m.Name+tt.want || r.Text.String() != r.Reason {
					t.Errorf("refusal %+v, want %s%s", r, m.Name, tt.want)
				}
			}
			got, _ := s.Member(m.ID)
			if got.OnRoster || got.Phone != before.Phone {
				t.Errorf("after planning: on roster %v, phone %q", got.OnRoster, got.Phone)
			}
		})
	}
}

// An old roster's 预备党员 does not turn a full member back, nor erase the
// 转正 date (review s7-7 attack #26: 更新 1 人, category and date changed).
func TestImportRefusesFullMemberBackToProbation(t *testing.T) {
	s := openTest(t)
	stored := addMembers(t, s, 1)
	if stored[0].Category != model.CategoryFull || stored[0].FullDate.IsZero() {
		t.Fatalf("stored %+v, want a full member", stored[0])
	}
	row := stored[0]
	row.Category, row.FullDate = model.CategoryProbationary, model.Date{}
	for _, columns := range [][]model.Field{allColumns(), {model.FieldName, model.FieldIDNumber, model.FieldCategory}} {
		plan, err := s.PlanImport("旧名册.xlsx", []model.Member{row}, columns)
		if err != nil {
			t.Fatal(err)
		}
		if len(plan.Update) != 0 || len(plan.Refused) != 1 {
			t.Fatalf("plan: %d update, refused %+v; want the row refused", len(plan.Update), plan.Refused)
		}
		want := "名册中" + stored[0].Name + "已于 " + stored[0].FullDate.String() + " 转为正式党员，文件中为“预备党员”：转正不会撤回"
		if r := plan.Refused[0]; r.Field != model.FieldCategory || !strings.HasPrefix(r.Reason, want) {
			t.Errorf("refusal %+v, want %s…", r, want)
		}
	}
}

func TestPlanImportRefusesRowsThatWouldBeInvalid(t *testing.T) {
	s := openTest(t)
	stored := addMembers(t, s, 1)
	early := model.Member{Name: stored[0].Name, IDNumber: stored[0].IDNumber, FullDate: stored[0].JoinDate.AddMonths(3)}
	twice := newMember(5)
	plan, err := s.PlanImport("x.xlsx", []model.Member{early, twice, twice}, []model.Field{model.FieldName, model.FieldIDNumber, model.FieldFullDate})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Add) != 1 || len(plan.Update) != 0 {
		t.Errorf("plan adds %d and updates %d; want only the first of the twice-given rows added", len(plan.Add), len(plan.Update))
	}
	want := []struct {
		index int
		field model.Field
		text  []string
	}{
		{0, model.FieldFullDate, []string{stored[0].Name, "转正日期早于预备期满"}},
		{2, model.FieldIDNumber, []string{twice.IDNumber, "出现两次"}},
	}
	if len(plan.Refused) != len(want) {
		t.Fatalf("refused %+v, want %d refusals", plan.Refused, len(want))
	}
	for i, w := range want {
		r := plan.Refused[i]
		if r.Index != w.index || r.Field != w.field {
			t.Errorf("refusal %d = %+v, want row index %d on %s", i, r, w.index, w.field.Label())
		}
		for _, text := range w.text {
			if !strings.Contains(r.Reason, text) {
				t.Errorf("reason %q should mention %q", r.Reason, text)
			}
		}
	}
	// The English window says the backstop's sentence from its Text (en7
	// leftover: it had none, and showed the Chinese).
	if r := plan.Refused[1]; r.Text.Format != "公民身份号码 %s 在文件中出现两次（%s、%s）" || r.Text.String() != r.Reason {
		t.Errorf("refusal Text %+v", r.Text)
	}
}

// An import that fails half way leaves nothing of itself behind.
func TestApplyImportIsAllOrNothing(t *testing.T) {
	s := openTest(t)
	addMembers(t, s, 3)
	before := map[string]int{}
	for _, table := range []string{"members", "member_changes", "imports"} {
		before[table] = countRows(t, s, table)
	}
	check := func(t *testing.T) {
		t.Helper()
		for table, n := range before {
			if got := countRows(t, s, table); got != n {
				t.Errorf("%s: %d rows after the failed import, want %d", table, got, n)
			}
		}
	}

	t.Run("a number twice, written in a later batch", func(t *testing.T) {
		plan := model.ImportPlan{Source: "坏文件.xlsx"}
		for i := 100; i < 1100; i++ {
			plan.Add = append(plan.Add, newMember(i))
		}
		plan.Add[700] = plan.Add[10]
		plan.Update = []model.ImportUpdate{}
		_, _, err := s.ApplyImport(plan)
		if !errors.Is(err, ErrDuplicateIDNumber) || !strings.HasPrefix(err.Error(), "导入未完成，名册没有改动") {
			t.Fatalf("ApplyImport: %v, want ErrDuplicateIDNumber", err)
		}
		check(t)
	})

	t.Run("a number entered since the plan was made", func(t *testing.T) {
		plan, err := s.PlanImport("新名册.xlsx", []model.Member{newMember(20), newMember(21)}, allColumns())
		if err != nil {
			t.Fatal(err)
		}
		late := newMember(21)
		late.Name = "李四"
		if _, err := s.AddMember(late, nil); err != nil {
			t.Fatal(err)
		}
		before["members"]++
		_, _, err = s.ApplyImport(plan)
		if !errors.Is(err, ErrDuplicateIDNumber) || !strings.Contains(err.Error(), "李四") {
			t.Fatalf("ApplyImport: %v, want ErrDuplicateIDNumber naming 李四", err)
		}
		check(t)
	})

	t.Run("a member edited since the plan was made", func(t *testing.T) {
		ms, _ := s.Members()
		row := ms[0]
		row.Address = "兰州市安宁区建宁路8号"
		plan, err := s.PlanImport("新名册.xlsx", []model.Member{row, newMember(30)}, allColumns())
		if err != nil || len(plan.Update) != 1 {
			t.Fatalf("plan: %+v, %v", plan, err)
		}
		edited := ms[0]
		edited.Phone = "13600000000"
		if _, err := s.UpdateMember(edited); err != nil {
			t.Fatal(err)
		}
		before["member_changes"]++
		_, _, err = s.ApplyImport(plan)
		if err == nil || !strings.Contains(err.Error(), "请重新导入") {
			t.Fatalf("ApplyImport: %v, want a request to import again", err)
		}
		check(t)
	})
}

// A new member given as 预备党员 whose probation ended even with the
// longest extension is refused as the same row without 人员类别 is
// (review s7-7 attack #26: 预备党员 joined 2008-06 was added); one still
// within it is added.
func TestImportRefusesProbationLongOver(t *testing.T) {
	s := openTest(t)
	rules := model.CurrentRules().Membership
	old := newMember(7)
	old.Category, old.JoinDate, old.FullDate = model.CategoryProbationary, testToday.AddYears(-10), model.Date{}
	recent := newMember(8)
	recent.Category, recent.JoinDate, recent.FullDate = model.CategoryProbationary, testToday.AddMonths(-3), model.Date{}
	plan, err := s.PlanImport("旧名册.xlsx", []model.Member{old, recent}, allColumns())
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Add) != 1 || plan.Add[0].IDNumber != recent.IDNumber || len(plan.Refused) != 1 {
		t.Fatalf("plan: add %d, refused %+v; want the recent one added, the old one refused", len(plan.Add), plan.Refused)
	}
	end := model.ProbationLatestEnd(old.JoinDate, rules)
	want := "人员类别为预备党员，但加入党组织日期 " + old.JoinDate.String() + " 起的预备期"
	if r := plan.Refused[0]; r.Index != 0 || r.Field != model.FieldCategory || !strings.HasPrefix(r.Reason, want) || !strings.Contains(r.Reason, "已于 "+end.String()+" 届满") {
		t.Errorf("refusal %+v, want %s…", r, want)
	}
}

// A 正式党员 whose row says probation ended but not when they became full
// (ImportRow.FullDateLater: 预备期满 on an official roster) is added without
// a 转为正式党员日期, and the record is then said to be incomplete; the
// same row without the mark is refused for the date, as before. The plan
// holds the mark for a commit that checks the additions again (brief loud
// #4).
func TestImportAddsFullMemberWhoseDateTheFileLacks(t *testing.T) {
	s := openTest(t)
	later, asked := newMember(1), newMember(2)
	for _, m := range []*model.Member{&later, &asked} {
		m.Category, m.JoinDate, m.FullDate = model.CategoryFull, testToday.AddYears(-10), model.Date{}
	}
	columns := []model.Field{model.FieldName, model.FieldIDNumber, model.FieldCategory, model.FieldJoinDate}
	plan, err := s.PlanImportRows("名册.xlsx", []model.ImportRow{
		{Member: later, Fields: columns, FullDateLater: true},
		{Member: asked, Fields: columns},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Add) != 1 || plan.Add[0].IDNumber != later.IDNumber || len(plan.FullDateLater) != 1 || plan.FullDateLater[0] != later.IDNumber {
		t.Fatalf("plan: add %+v, later %v", plan.Add, plan.FullDateLater)
	}
	if len(plan.Refused) != 1 || plan.Refused[0].Index != 1 || plan.Refused[0].Reason != "正式党员请填写转为正式党员日期" {
		t.Errorf("refused %+v, want the unmarked row for its 转正 date", plan.Refused)
	}
	// Another plan in between: the commit checks the additions again.
	if _, err := s.PlanImport("别的.xlsx", nil, columns); err != nil {
		t.Fatal(err)
	}
	if added, _, err := s.ApplyImport(plan); err != nil || added != 1 {
		t.Fatalf("applied %d: %v", added, err)
	}
	ms, err := s.Members()
	if err != nil || len(ms) != 1 || ms[0].Category != model.CategoryFull || !ms[0].FullDate.IsZero() {
		t.Fatalf("stored %+v: %v", ms, err)
	}
	found := model.CheckRecords(ms, testToday, model.CurrentRules())
	if len(found) != 1 || !strings.Contains(found[0].Text.String(), "正式党员请填写转为正式党员日期") {
		t.Errorf("findings %+v, want the record said incomplete", found)
	}
}
