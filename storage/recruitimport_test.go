package storage

import (
	"strings"
	"testing"

	"branchledger/model"
)

// An import planned, then the user edits the person, then the plan is
// applied: refused, the edit kept (as the roster import refuses).
func TestRecruitImportRefusesAStalePlan(t *testing.T) {
	s := openTest(t)
	r := applicant()
	r.Records = r.Records[:1]
	saved, err := s.SaveRecruit(r)
	if err != nil {
		t.Fatal(err)
	}
	in := model.Recruit{Name: saved.Name, IDNumber: saved.IDNumber}
	in.Put(model.StepRecord{Step: model.StepApplication, Seq: 1, Date: day(2023, 9, 1)})
	in.Put(model.StepRecord{Step: model.StepTalk, Seq: 1, Date: day(2023, 9, 20)})
	nw := model.Recruit{Name: "新人", IDNumber: idNumber(day(1999, 2, 3), 5, model.SexFemale)}
	nw.Put(model.StepRecord{Step: model.StepApplication, Seq: 1, Date: day(2026, 1, 3)})
	p, err := s.PlanRecruitImport("x.xlsx", []RecruitRow{{Row: 2, Recruit: in}, {Row: 3, Recruit: nw}})
	if err != nil || len(p.Update) != 1 || len(p.Add) != 1 {
		t.Fatalf("plan: %v, %d updates, %d adds", err, len(p.Update), len(p.Add))
	}
	cur, _ := s.Recruit(saved.ID)
	cur.Put(model.StepRecord{Step: model.StepTalk, Seq: 1, Date: day(2023, 9, 25), People: "王芳"})
	cur.Phone = "13700000000"
	if _, err := s.SaveRecruit(cur); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ApplyRecruitImport(p); err == nil || !strings.Contains(err.Error(), "预览之后已有改动") {
		t.Errorf("stale plan applied: %v", err)
	}
	after, _ := s.Recruit(saved.ID)
	if after.Phone != "13700000000" || after.Record(model.StepTalk).People != "王芳" {
		t.Errorf("the user's edit was lost: %+v", after)
	}
	if rs, _ := s.Recruits(); len(rs) != 1 {
		t.Errorf("%d people: a refused import wrote the new person", len(rs))
	}
	// A person the plan adds who was entered meanwhile.
	p2, err := s.PlanRecruitImport("y.xlsx", []RecruitRow{{Row: 2, Recruit: nw}})
	if err != nil || len(p2.Add) != 1 {
		t.Fatalf("plan: %v %+v", err, p2)
	}
	if _, err := s.SaveRecruit(nw); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ApplyRecruitImport(p2); err == nil || !strings.Contains(err.Error(), "预览之后已列入") {
		t.Errorf("plan adding a person entered meanwhile: %v", err)
	}
}
