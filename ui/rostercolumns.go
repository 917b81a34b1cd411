package ui

import (
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"branchledger/model"
	"branchledger/ui/kit"
)

// column is one column of the roster table.
type column struct {
	title string  // Chinese heading, translated when shown
	chars float64 // print width in characters, from model.MemberFields
	text  func(m *model.Member, today model.Date) string
	// sortText, when set, is what the column sorts by instead of its text
	// (党龄 sorts as a number).
	sortText func(m *model.Member, today model.Date) string
	// look, when set, colours the cell (a warning orange, a serious red).
	look func(m *model.Member) widget.Importance
	// fromChecks is a column filled from the shell's checks, which arrive
	// after the roster: a table sorted by it is sorted again then.
	fromChecks bool
	// words are the values the column shows in the UI language when they
	// are words of the domain (男/女, 正式党员 …): the column is as wide as
	// the widest, which in English is wider than the Chinese. lead goes
	// before each (the date before 转出 in 名册状态).
	words []string
	lead  string
	// fitValues: the column is as wide as the widest value the members
	// have (up to maxFitChars), for free text that is mostly the same in
	// every row (所在党支部: the branch's full name was cut to
	// "中共甘肃陇原机…" in every row, review s4-10 attack #7).
	fitValues bool
}

// maxFitChars bounds a fitValues column, in Chinese characters: a name
// longer than that is cut rather than pushing the other columns away.
const maxFitChars = 24

// columnWords are the values of the member fields shown as words of the
// domain, for the width of their columns.
var columnWords = map[model.Field][]string{
	model.FieldSex:         selectOptions(model.SexMale, model.SexFemale),
	model.FieldCategory:    selectOptions(model.CategoryFull, model.CategoryProbationary),
	model.FieldStanding:    selectOptions(model.StandingNormal, model.StandingSuspended),
	model.FieldLostContact: {"是", "否"},
	model.FieldMobile:      {"是", "否"},
	// English has longer words for these ("Secondary vocational school",
	// "Skilled worker, non-public enterprise"), cut to "Secondary vo…"
	// in a column sized for 中专 (review s4-10 attack #7).
	model.FieldEducation: model.Educations,
	model.FieldPost:      model.Posts,
}

// rosterColumns are the 19 fields of the member record in the form's order,
// with 党龄 after the full-member date and the member's place on the roster
// last, so that those who left can be told apart in the 全部 view.
func rosterColumns() []column {
	var cols []column
	for _, fi := range model.MemberFields {
		f := fi.Field
		cols = append(cols, column{title: fi.Label, chars: fi.Width, words: columnWords[f], fitValues: f == model.FieldBranchName,
			text: func(m *model.Member, _ model.Date) string { return fieldValue(m, f) }})
		if f == model.FieldFullDate {
			cols = append(cols, column{title: "党龄", chars: 5, text: partyAgeText,
				sortText: func(m *model.Member, today model.Date) string {
					if y, ok := m.PartyAge(today); ok {
						return strconv.Itoa(1000 + y)
					}
					return ""
				}})
		}
	}
	return append(cols, column{title: "名册状态", chars: 16, text: rosterStatus,
		words: selectOptions(model.LeavingEvents...), lead: "0000-00-00 "})
}

func partyAgeText(m *model.Member, today model.Date) string {
	if y, ok := m.PartyAge(today); ok {
		return strconv.Itoa(y)
	}
	return ""
}

// rosterStatus is 在册, or how and when the member left.
func rosterStatus(m *model.Member, _ model.Date) string {
	if m.OnRoster {
		return lang.L("在册")
	}
	return m.LeftOn.String() + " " + valueText(string(m.LeftBy))
}

// width is the column's width on screen: its print width in digits, but never
// narrower than its heading with a sort arrow.
func (c column) width(heading string) float32 {
	size := theme.TextSize()
	pad := 2 * theme.Padding()
	digit := fyne.MeasureText("0", size, fyne.TextStyle{}).Width
	head := fyne.MeasureText(heading+" ▲", size, fyne.TextStyle{Bold: true}).Width
	w := max(float32(c.chars)*digit, head)
	w += 2 * pad
	for _, v := range c.words {
		// kit.TextWidth's label padding is the cell's (pad) less.
		w = max(w, kit.TextWidth(fyne.TextStyle{}, c.lead+valueText(v))-2*theme.InnerPadding()+2*pad)
	}
	return w
}

// fitWidth is the width of a fitValues column for the values in ms: the
// widest distinct one, up to maxFitChars, and never less than base.
func (c column) fitWidth(base float32, ms []model.Member, today model.Date) float32 {
	size := theme.TextSize()
	limit := maxFitChars * fyne.MeasureText("党", size, fyne.TextStyle{}).Width
	w := float32(0)
	seen := map[string]bool{}
	for i := range ms {
		v := c.text(&ms[i], today)
		if seen[v] {
			continue
		}
		seen[v] = true
		if w = max(w, fyne.MeasureText(v, size, fyne.TextStyle{}).Width); w >= limit || len(seen) > 500 {
			break
		}
	}
	return max(base, min(w, limit)+4*theme.Padding())
}

// sortMembers orders ms by column c, in pinyin order for Chinese text (the
// order a secretary expects a name list in), keeping the previous order among
// equal values so that sorting by one column and then another nests.
func sortMembers(ms []model.Member, c column, desc bool, today model.Date) {
	key := c.sortText
	if key == nil {
		key = c.text
	}
	coll := collate.New(language.Chinese)
	var buf collate.Buffer
	keys := make([]string, len(ms))
	for i := range ms {
		keys[i] = string(coll.KeyFromString(&buf, key(&ms[i], today)))
		buf.Reset()
	}
	idx := make([]int, len(ms))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case keys[a] < keys[b]:
			return sign(desc, -1)
		case keys[a] > keys[b]:
			return sign(desc, 1)
		}
		return 0
	})
	sorted := make([]model.Member, len(ms))
	for i, j := range idx {
		sorted[i] = ms[j]
	}
	copy(ms, sorted)
}

func sign(desc bool, v int) int {
	if desc {
		return -v
	}
	return v
}
