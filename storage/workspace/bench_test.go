package workspace

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"branchledger/model"
)

// Issue 11's targets, on this 2-core machine: importing 200 packages (50
// members, three years of activities and dues each) encrypted to the
// instructor's key ≤ 10 s in all; the combined report of those 200
// branches ≤ 3 s. The sample branches and their packages are made once
// (minutes) into the system's temporary folder and reused.

func benchDir(b *testing.B) string {
	dir := filepath.Join(os.TempDir(), "branchledger-bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	return dir
}

// sample is the sample workspace of n branches, not yet imported, copied to
// a fresh file and unlocked.
func sample(b *testing.B, n int) (*Workspace, []string) {
	b.Helper()
	path, pkgs, err := SampleWorkspace(benchDir(b), n, 50, day, at(day, 10))
	if err != nil {
		b.Fatal(err)
	}
	fresh := filepath.Join(b.TempDir(), FileName)
	in, _ := os.Open(path)
	out, _ := os.Create(fresh)
	io.Copy(out, in)
	in.Close()
	out.Close()
	w, err := Open(fresh, WithClock(at(day, 16)))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { w.Close() })
	if err := w.Unlock(SamplePassphrase); err != nil {
		b.Fatal(err)
	}
	return w, pkgs
}

func BenchmarkImport200Packages(b *testing.B) {
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		w, pkgs := sample(b, 200)
		start := cpuTime()
		b.StartTimer()
		for _, r := range w.ImportAll(pkgs, ImportOptions{}, nil) {
			if r.Outcome != Imported {
				b.Fatalf("%s: %v %v", r.File, r.Outcome, r.Err)
			}
		}
		cpu += cpuTime() - start
	}
	b.ReportMetric(float64(cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

func BenchmarkReport200Branches(b *testing.B) {
	w, pkgs := sample(b, 200)
	for _, r := range w.ImportAll(pkgs, ImportOptions{}, nil) {
		if r.Outcome != Imported {
			b.Fatal(r.Err)
		}
	}
	out := filepath.Join(b.TempDir(), "report.xlsx")
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for b.Loop() {
		r, err := w.WriteReport(out)
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Branches) != 200 {
			b.Fatalf("%d branches", len(r.Branches))
		}
	}
	fi, _ := os.Stat(out)
	b.ReportMetric(float64(fi.Size())/1024, "KiB")
}

// The side-by-side list's query over 200 branches (the screen's own
// benchmark is in ui/workspace).
func BenchmarkSideBySideQuery200(b *testing.B) {
	w, pkgs := sample(b, 200)
	w.ImportAll(pkgs, ImportOptions{}, nil)
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for b.Loop() {
		bs, err := w.Branches()
		if err != nil || len(bs) != 200 {
			b.Fatal(len(bs), err)
		}
	}
}

// Issue 12's target, measured in the workspace: the recruiting pipeline
// check over 200 branches' pipelines ≤ 200 ms. The sample branches carry no
// pipeline, so each branch of the imported workspace gets 50 people whose
// steps run from the application to 转正, mentors and sponsors taken from
// the branch's own full members as the workspace holds them; the timed part
// is the check of all 200 pipelines against their rosters, as of the
// workspace's day.
func BenchmarkRecruitCheck200Branches(b *testing.B) {
	w, pkgs := sample(b, 200)
	w.ImportAll(pkgs, ImportOptions{}, nil)
	bs, err := w.Branches()
	if err != nil || len(bs) != 200 {
		b.Fatal(len(bs), err)
	}
	type pipeline struct {
		rs  []model.Recruit
		ctx *model.RecruitContext
	}
	cal := model.NewHolidayCalendar(model.OfficialHolidays, nil)
	var all []pipeline
	for _, br := range bs {
		ms, err := w.Members(br.ID)
		if err != nil {
			b.Fatal(err)
		}
		byID := map[int64]*model.Member{}
		var full []int64
		for i := range ms {
			byID[ms[i].ID] = &ms[i]
			if ms[i].OnRoster && ms[i].Category == model.CategoryFull {
				full = append(full, ms[i].ID)
			}
		}
		p := pipeline{ctx: &model.RecruitContext{Members: byID, Activities: map[int64]*model.Activity{},
			Meetings: model.RuleContext{Members: byID, CommitteeSeats: 3, Rules: model.CurrentRules().Branch}, Calendar: cal, Today: day}}
		for i := range 50 {
			p.rs = append(p.rs, samplePipeline(int64(i+1), full, model.NewDate(2022, 3, 1).AddMonths(i%36)))
		}
		all = append(all, p)
	}
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for b.Loop() {
		n := 0
		for _, p := range all {
			n += len(model.CheckRecruits(p.rs, p.ctx))
		}
		if n == 0 {
			b.Fatal("no findings at all: the pipelines were not checked")
		}
	}
}

// samplePipeline is one person who applied on start and went through the
// steps at the usual pace, as far as the workspace's day allows.
func samplePipeline(id int64, full []int64, start model.Date) model.Recruit {
	r := model.Recruit{ID: id, Name: "申请人", Sex: model.SexFemale, BirthDate: model.NewDate(1995, 5, 4)}
	people := func(k int) []int64 {
		if len(full) < 2 {
			return nil
		}
		return []int64{full[k%len(full)], full[(k+1)%len(full)]}
	}
	steps := []struct {
		s      model.RecruitStep
		months int
	}{
		{model.StepApplication, 0}, {model.StepTalk, 0}, {model.StepActivist, 2}, {model.StepActivistRecord, 2},
		{model.StepMentors, 2}, {model.StepCandidate, 15}, {model.StepCandidateRecord, 15}, {model.StepSponsors, 16},
		{model.StepVetting, 16}, {model.StepCourse, 16}, {model.StepCommitteeReview, 17}, {model.StepPreReview, 17},
		{model.StepForm, 17}, {model.StepAdmission, 18}, {model.StepApproval, 19}, {model.StepOath, 19},
		{model.StepFullMeeting, 30}, {model.StepFullApproval, 31},
	}
	for k, st := range steps {
		d := start.AddMonths(st.months)
		if d.After(day) {
			break
		}
		x := model.StepRecord{Step: st.s, Date: d, Seq: 1}
		switch st.s {
		case model.StepMentors, model.StepSponsors:
			x.PeopleIDs = people(k + int(id))
		case model.StepCourse:
			x.Start, x.End, x.Hours = d, d.AddMonths(0), 24
		}
		r.Records = append(r.Records, x)
	}
	return r
}
