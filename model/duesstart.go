package model

// DroppedArrear is what moving the 建账月份 later takes off one member's
// arrears: the months from From to To that are owed and unpaid (欠交) now
// and would no longer be (they fall before the new start, or become 待补录).
type DroppedArrear struct {
	MemberID int64
	Name     string
	From, To Month
	Months   int
	Amount   Money // their dues, base known
}

// ArrearsDroppedByStart lists, in roster order, the members on the roster
// whose arrears moving the ledger's start from h.Start to start would drop:
// nothing when start is not later. Payments are untouched by such a move;
// only what is counted as owed changes, so the screen asks first and the
// change goes into the members' history.
func ArrearsDroppedByStart(members []Member, h DuesHistory, start Month, today Date, r DuesRules) []DroppedArrear {
	if h.Start == 0 || start <= h.Start {
		return nil
	}
	moved := h
	moved.Start = start
	last := ArrearsThrough(today)
	v := h.view(r)
	var out []DroppedArrear
	for i := range members {
		m := &members[i]
		from, to, ok := h.rosterOwed(m)
		if !ok {
			continue
		}
		known := h.knownFrom(m)
		newFrom, _ := moved.OwedFrom(m)
		newKnown := moved.knownFrom(m)
		d := DroppedArrear{MemberID: m.ID, Name: m.Name}
		for mo := max(from, known); mo <= min(to, last); mo++ {
			amount, hasBase := v.due(m.ID, mo)
			switch {
			case v.paid[m.ID][mo] || !hasBase || amount == 0:
				continue // not an arrear now
			case mo >= newFrom && mo >= newKnown:
				continue // still one after the move
			}
			if d.Months == 0 {
				d.From = mo
			}
			d.To = mo
			d.Months++
			d.Amount += amount
		}
		if d.Months > 0 {
			out = append(out, d)
		}
	}
	return out
}

// ArrearsAddedByStart lists, in roster order, the members whose arrears
// moving the ledger's start from h.Start back to start would add (months
// owed and unpaid after the move that are not now): nothing when start is
// not earlier. It is ArrearsDroppedByStart seen from the moved ledger.
// Moving back is asked like moving forward, naming them (review s8-8 #4:
// a move back was saved without a word).
func ArrearsAddedByStart(members []Member, h DuesHistory, start Month, today Date, r DuesRules) []DroppedArrear {
	if h.Start == 0 || start == 0 || start >= h.Start {
		return nil
	}
	moved := h
	moved.Start = start
	return ArrearsDroppedByStart(members, moved, h.Start, today, r)
}
