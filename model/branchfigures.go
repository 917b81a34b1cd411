package model

// SnapshotStaleMonths: an instructor's copy of a branch older than this is
// flagged in the side-by-side list (the app's reminder, not a rule: issue 11).
const SnapshotStaleMonths = 3

// BranchFigures are the key figures of one branch as an instructor compares
// them side by side and reports them upward, worked out from the branch's
// own checks (its BranchReport) as of one day: the same numbers the
// branch's home screen and `branchledger check` show.
type BranchFigures struct {
	Year int // the year of the calendar and the dues
	// Full and Probationary count the members on the roster.
	Full, Probationary int
	// SlotsDue are the requirements of the year whose period has ended or
	// which were already held (三会一课 and the rest, one per kind and
	// period); SlotsHeld of them were held, SlotsMissing were not.
	SlotsDue, SlotsHeld, SlotsMissing int
	// LifeWarn and LifeSerious count members by the severity of their
	// finding: 3 to 5 months without organisational life (a warning) and
	// 6 months or more (serious, 党章 art. 9); DuesWarn and DuesSerious,
	// without paying dues. The bands do not overlap: what a report calls
	// "3个月以上" is LifeAtWarn (DuesAtWarn), which includes the 6+.
	LifeWarn, LifeSerious int
	DuesWarn, DuesSerious int
	// DuesDue and DuesPaid are the year's dues owed so far (known amounts)
	// and paid (全年应交, 全年实交).
	DuesDue, DuesPaid Money
	// Setup are the set-up findings (term, committee, secretary), as the
	// branch's home lists them.
	Setup []string
	// Serious, Warnings and Infos count every finding by severity.
	Serious, Warnings, Infos int
}

// LifeAtWarn counts the members 3 months or more without organisational
// life, those 6 months or more included: "3个月以上未参加组织生活".
func (f BranchFigures) LifeAtWarn() int { return f.LifeWarn + f.LifeSerious }

// DuesAtWarn counts the members 3 months or more without paying dues,
// those 6 months or more included: "3个月以上未交党费".
func (f BranchFigures) DuesAtWarn() int { return f.DuesWarn + f.DuesSerious }

// FiguresOf sums up a branch's report, its roster and the year's dues
// register.
func FiguresOf(r *BranchReport, members []Member, reg *DuesRegister) BranchFigures {
	f := BranchFigures{Year: r.Calendar.Year}
	c := CountRoster(members)
	f.Full, f.Probationary = c.Full, c.Probationary
	for _, s := range r.Calendar.Slots {
		switch s.Status {
		case SlotHeld:
			f.SlotsDue++
			f.SlotsHeld++
		case SlotMissing:
			f.SlotsDue++
			f.SlotsMissing++
		}
	}
	for _, p := range r.Participation {
		switch p.Severity {
		case Serious:
			f.LifeSerious++
		case Warning:
			f.LifeWarn++
		}
	}
	for _, a := range r.Arrears {
		switch a.Severity {
		case Serious:
			f.DuesSerious++
		case Warning:
			f.DuesWarn++
		}
	}
	if reg != nil {
		f.DuesDue, f.DuesPaid = reg.YearDue, reg.YearPaid
	}
	for _, x := range r.Findings {
		switch x.Severity {
		case Serious:
			f.Serious++
		case Warning:
			f.Warnings++
		default:
			f.Infos++
		}
		if x.About == AboutSetup {
			f.Setup = append(f.Setup, x.Message)
		}
	}
	return f
}

// SnapshotStale reports whether a copy taken on taken is older than
// SnapshotStaleMonths on today.
func SnapshotStale(taken, today Date) bool {
	return taken.AddMonths(SnapshotStaleMonths).Before(today)
}
