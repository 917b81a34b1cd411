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
