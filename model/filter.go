package model

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Tri is a three-way filter choice: any, yes or no.
type Tri int8

const (
	Any Tri = iota
	Yes
	No
)

func (t Tri) match(b bool) bool { return t == Any || (t == Yes) == b }

// MemberFilter is what the roster screen narrows the list by.
type MemberFilter struct {
	Query       string   // part of a name, ID number or phone number
	Category    Category // "" = both
	Standing    Standing // "" = both
	Mobile      Tri
	LostContact Tri
	Left        Tri // Any: everyone; No: the active roster only; Yes: only those who left
}

// Match reports whether m passes the filter.
func (f *MemberFilter) Match(m *Member) bool { return f.match(m, searchTermsOf(f.Query)) }

// searchTerms is a query as it is matched: as cleaned on the way in
// (CleanText: an ID pasted from a chat app carries a zero-width space,
// one from phone contacts direction marks), and compact — full-width
// digits made ASCII, spaces and hyphens dropped — for names, ID and phone
// numbers stored without them (139 0648 1698 is 13906481698). A query
// pasted so found nobody although the member was on the roster (review
// nu7-14).
type searchTerms struct{ text, compact string }

func searchTermsOf(q string) searchTerms {
	t := searchTerms{text: CleanText(q)}
	t.compact = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' {
			return -1
		}
		return r
	}, norm.NFKC.String(t.text))
	return t
}

func (f *MemberFilter) match(m *Member, q searchTerms) bool {
	if f.Category != "" && m.Category != f.Category {
		return false
	}
	if f.Standing != "" && m.Standing != f.Standing {
		return false
	}
	if !f.Mobile.match(m.Mobile) || !f.LostContact.match(m.LostContact) || !f.Left.match(!m.OnRoster) {
		return false
	}
	if q.text == "" {
		return true
	}
	if strings.Contains(m.Name, q.text) || strings.Contains(m.Name, q.compact) || strings.Contains(m.Phone, q.compact) {
		return true
	}
	// ID numbers are stored with an upper-case X; people type either.
	return strings.Contains(m.IDNumber, strings.ToUpper(q.compact))
}

// FilterMembers returns the indexes in ms of the members that pass f, in order.
func FilterMembers(ms []Member, f MemberFilter) []int {
	q := searchTermsOf(f.Query)
	out := make([]int, 0, len(ms))
	for i := range ms {
		if f.match(&ms[i], q) {
			out = append(out, i)
		}
	}
	return out
}
