package model

import "testing"

// benchPipeline is n people with every step recorded, as the clean
// pipeline, each with its own ID.
func benchPipeline(n int) ([]Recruit, *RecruitContext) {
	r0, c := cleanPipeline()
	rs := make([]Recruit, n)
	for i := range rs {
		rs[i] = *r0
		rs[i].ID = int64(i + 1)
		rs[i].Records = append([]StepRecord(nil), r0.Records...)
	}
	return rs, c
}

// Target: a branch's whole pipeline, 50 people with every step, ≤ 5 ms.
func BenchmarkCheckPipeline50(b *testing.B) {
	rs, c := benchPipeline(50)
	b.ReportAllocs()
	for b.Loop() {
		CheckRecruits(rs, c)
	}
}

// Target: 200 branches' pipelines of 50 people each (an instructor's
// workspace at its largest), ≤ 200 ms.
func BenchmarkCheckPipelines200Branches(b *testing.B) {
	rs, c := benchPipeline(50)
	b.ReportAllocs()
	for b.Loop() {
		for range 200 {
			CheckRecruits(rs, c)
		}
	}
}
