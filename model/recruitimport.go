package model

// RecruitImportPreview is everything the user sees before confirming an
// import of the pipeline workbook: the rows refused with their reasons, and
// what the rest would add or change. Nothing has been written.
type RecruitImportPreview struct {
	File      string
	Sheet     string
	HeaderRow int
	Columns   []Field
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
		if x.People != "" && x.People != m.People {
			m.People, m.PeopleIDs = x.People, x.PeopleIDs
		}
		out.Put(m)
	}
	return out
}
