package model

import "strings"

// RecruitImportPreview is everything the user sees before confirming an
// import of the pipeline workbook: the rows refused with their reasons, and
// what the rest would add or change. Nothing has been written.
type RecruitImportPreview struct {
	File      string
	Sheet     string
	HeaderRow int
	Columns   []Field
	// Ignored are the headings of the columns not imported; Notes what was
	// worked out without refusing anything (an old ID number upgraded).
	Ignored   []string
	Notes     []ImportNote
	Rejected  []Rejection
	Add       []Recruit
	Update    []RecruitUpdate
	Unchanged int
}

// RecruitUpdate is a person already in the pipeline whom the file changes.
type RecruitUpdate struct {
	Before, After Recruit
	Changes       []RecruitChange
}

// RejectedRows counts the rows refused; a row may have several reasons.
func (p *RecruitImportPreview) RejectedRows() int {
	rows := make(map[int]bool, len(p.Rejected))
	for _, r := range p.Rejected {
		rows[r.Row] = true
	}
	return len(rows)
}

// Accepted counts the rows that passed.
func (p *RecruitImportPreview) Accepted() int { return len(p.Add) + len(p.Update) + p.Unchanged }

// MergeRecruit is existing with what an imported row says laid over it: the
// person's fields and the step records the row has, each cell only where
// it is not empty (an empty cell never erases what the pipeline holds).
func MergeRecruit(existing, in *Recruit) Recruit {
	out := *existing
	out.Records = append([]StepRecord(nil), existing.Records...)
	for _, p := range []struct{ dst, src *string }{
		{&out.Name, &in.Name}, {&out.Ethnicity, &in.Ethnicity}, {&out.Education, &in.Education},
		{&out.Post, &in.Post}, {&out.Phone, &in.Phone}, {&out.Notes, &in.Notes},
	} {
		if *p.src != "" {
			*p.dst = *p.src
		}
	}
	if in.Sex != "" {
		out.Sex = in.Sex
	}
	if !in.BirthDate.IsZero() {
		out.BirthDate = in.BirthDate
	}
	for _, x := range in.Records {
		cur := out.RecordSeq(x.Step, x.Seq)
		if cur == nil {
			out.Put(x)
			continue
		}
		m := *cur
		if !x.Date.IsZero() {
			m.Date = x.Date
		}
		if !x.Start.IsZero() {
			m.Start, m.End = x.Start, x.End
		}
		if x.Hours != 0 {
			m.Hours = x.Hours
		}
		if x.Outcome != "" && m.Outcome == "" {
			m.Outcome = x.Outcome // what the pipeline already says it keeps
		}
		if x.People != "" && x.People != m.People {
			m.People, m.PeopleIDs = x.People, x.PeopleIDs
		}
		out.Put(m)
	}
	return out
}

// RecruitPipeline is everyone in the pipeline with what the checks found for
// each as of a day, and the titles of the meeting records the steps link.
type RecruitPipeline struct {
	Recruits []Recruit
	Reports  map[int64]RecruitReport // by recruit ID
	Meetings map[int64]string        // linked activity ID → its title
}

// Findings are every person's findings, in pipeline order.
func (p *RecruitPipeline) Findings() []Finding {
	var out []Finding
	for _, r := range p.Recruits {
		out = append(out, p.Reports[r.ID].Findings...)
	}
	return out
}

// LinkProbationFindings points the roster's findings on a probation that
// ended without a decision (CheckRoster) at the pipeline page of the person
// the member came through, so that the secretary lands where 转正 is
// recorded. They are told from the roster's other findings about a member
// by naming the 预备期, as only they do (a test holds CheckRoster to it).
func LinkProbationFindings(fs []Finding, rs []Recruit) {
	byMember := make(map[int64]int64, len(rs))
	for _, r := range rs {
		if r.MemberID != 0 {
			byMember[r.MemberID] = r.ID
		}
	}
	for i := range fs {
		f := &fs[i]
		if f.RecruitID == 0 && f.MemberID != 0 && strings.Contains(f.Message, "预备期") {
			f.RecruitID = byMember[f.MemberID]
		}
	}
}
