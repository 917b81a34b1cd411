package model

// PartyConstitutionRules holds the numbers of 党章 art. 9: a member who, without
// good reason, for this many consecutive months has not taken part in
// organisational life, or not paid dues, or not done assigned work, is
// regarded as having left the party (自行脱党). The app warns earlier, at
// WarnMonths, so that the branch can talk to the member in time (RULES.md §2).
type PartyConstitutionRules struct {
	Document    string
	Effective   Date
	LapseMonths int // serious: regarded as having left the party
	WarnMonths  int // the app's early warning
}

// PartyConstitution2022 is the constitution as amended by the 20th National
// Congress.
var PartyConstitution2022 = PartyConstitutionRules{
	Document:    "中国共产党章程（第九条）",
	Effective:   NewDate(2022, 10, 22),
	LapseMonths: 6,
	WarnMonths:  3,
}
