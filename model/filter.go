package model

import "strings"

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
func (f *MemberFilter) Match(m *Member) bool {
	if f.Category != "" && m.Category != f.Category {
		return false
	}
	if f.Standing != "" && m.Standing != f.Standing {
		return false
	}
	if !f.Mobile.match(m.Mobile) || !f.LostContact.match(m.LostContact) || !f.Left.match(!m.OnRoster) {
		return false
	}
	q := strings.TrimSpace(f.Query)
	if q == "" {
		return true
	}
	if strings.Contains(m.Name, q) || strings.Contains(m.Phone, q) {
		return true
	}
	// ID numbers are stored with an upper-case X; people type either.
	return strings.Contains(m.IDNumber, strings.ToUpper(q))
}

// FilterMembers returns the indexes in ms of the members that pass f, in order.
func FilterMembers(ms []Member, f MemberFilter) []int {
	out := make([]int, 0, len(ms))
	for i := range ms {
		if f.Match(&ms[i]) {
			out = append(out, i)
		}
	}
	return out
}
