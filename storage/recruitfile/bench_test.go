package recruitfile

import (
	"fmt"
	"testing"

	"branchledger/model"
)

// BenchmarkPipeline50 reads and checks a branch's pipeline of 50 people,
// every step recorded, from a real file: what the 发展党员 screen, home and
// `check` do on every change. The target of issue 12 (≤ 5 ms) is for the
// checks alone (model.BenchmarkCheckPipeline50); this adds the reading.
func BenchmarkPipeline50(b *testing.B) {
	t := &testing.T{}
	s, meeting := branch(t)
	svc := New(s)
	for i := range 50 {
		r := zheng(meeting.ID)
		r.Name = fmt.Sprintf("郑新%d", i)
		r.IDNumber = id(fmt.Sprintf("1998%02d%02d", 1+i%12, 1+i%28), fmt.Sprintf("%03d", 100+i))
		r.Put(model.StepRecord{Step: model.StepFullApplication, Seq: 1, Date: d(2026, 6, 1)})
		r.Put(model.StepRecord{Step: model.StepFullMeeting, Seq: 1, Date: d(2026, 6, 22), Outcome: model.OutcomeFull})
		r.Put(model.StepRecord{Step: model.StepFullApproval, Seq: 1, Date: d(2026, 7, 10)})
		r.Put(model.StepRecord{Step: model.StepArchive, Seq: 1, Date: d(2026, 7, 20), Archived: model.RecruitRules2026.ArchiveDocument})
		if _, err := svc.SaveRecruit(r); err != nil {
			b.Fatalf("SaveRecruit %d: %v", i, err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		p, err := svc.Pipeline()
		if err != nil || len(p.Recruits) != 50 {
			b.Fatalf("%d people, %v", len(p.Recruits), err)
		}
	}
}
