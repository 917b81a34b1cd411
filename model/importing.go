package model

// Rejection is one reason a row of an imported file was refused.
type Rejection struct {
	Row    int // the sheet row number as Excel shows it
	Field  Field
	Reason string
}

// ImportPreview is everything the user sees before confirming an import:
// the rows refused with their reasons, and what the rest would change.
type ImportPreview struct {
	File      string
	Sheet     string
	HeaderRow int
	Rejected  []Rejection
	Plan      ImportPlan
}

// RejectedRows counts the rows refused; a row may have several reasons.
func (p *ImportPreview) RejectedRows() int {
	rows := make(map[int]bool, len(p.Rejected))
	for _, r := range p.Rejected {
		rows[r.Row] = true
	}
	return len(rows)
}

// Accepted counts the rows that passed: those to add, update or leave as they are.
func (p *ImportPreview) Accepted() int {
	return len(p.Plan.Add) + len(p.Plan.Update) + p.Plan.Unchanged
}
