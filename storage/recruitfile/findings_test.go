package recruitfile_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/findings"
	"branchledger/storage/recruitfile"
)

// What home and `check` list of the pipeline (storage/findings): overdue
// steps and close deadlines with the person and the step, not the 提示 of
// details, and the roster's "probation ended without a decision" pointing
// at the person's pipeline page.
func TestPipelineInTheBranchFindings(t *testing.T) {
	today := model.NewDate(2026, 11, 30)
	s, err := storage.Open(filepath.Join(t.TempDir(), "b.db"), storage.WithClock(func() time.Time {
		return time.Date(2026, 11, 30, 9, 0, 0, 0, time.Local)
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	svc := recruitfile.New(s)
	id := func(birth, seq string) string {
		first17 := "620102" + birth + seq
		return first17 + string(model.IDCheckChar(first17))
	}
	late := model.Recruit{Name: "王浩然", IDNumber: id("20000505", "331")}
	late.Put(model.StepRecord{Step: model.StepApplication, Seq: 1, Date: model.NewDate(2026, 10, 20)})
	if _, err := svc.SaveRecruit(late); err != nil {
		t.Fatal(err)
	}
	// Admitted 2025-01-10, approved: on the roster as 预备党员, probation
	// over on 2026-01-10 without a decision.
	admitted := model.Recruit{Name: "郑新", IDNumber: id("19950312", "123")}
	for _, x := range []model.StepRecord{
		{Step: model.StepApplication, Date: model.NewDate(2023, 3, 1)},
		{Step: model.StepTalk, Date: model.NewDate(2023, 3, 20)},
		{Step: model.StepAdmission, Date: model.NewDate(2025, 1, 10)},
		{Step: model.StepApproval, Date: model.NewDate(2025, 2, 20)},
	} {
		x.Seq = 1
		admitted.Put(x)
	}
	saved, err := svc.SaveRecruit(admitted)
	if err != nil {
		t.Fatal(err)
	}
	r, err := findings.Collect(s, today, today.Year)
	if err != nil {
		t.Fatal(err)
	}
	var talk, probation bool
	for _, f := range r.Findings {
		if f.Severity == model.Info && f.About == model.AboutRecruiting {
			t.Errorf("a 提示 of the pipeline is listed: %s", f.Message)
		}
		if strings.HasPrefix(f.Message, "王浩然 谈话 应于2026年11月20日前完成，已逾期10天") && f.Severity == model.Serious && f.About == model.AboutRecruiting {
			talk = true
		}
		if strings.Contains(f.Message, "郑新的预备期已于2026年1月10日届满") {
			probation = f.RecruitID == saved.ID && f.MemberID == saved.MemberID
		}
	}
	if !talk || !probation {
		t.Errorf("talk overdue listed %v, probation finding linked to the pipeline %v:\n%v", talk, probation, r.Findings)
	}
}
