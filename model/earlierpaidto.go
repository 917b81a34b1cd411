package model

// A member's 党费已交至 (opening position) moved earlier makes the months
// between owed (or to record): a paid-up member can become 欠交, even
// 自行脱党 on paper, by one cell of a workbook. 为所选党员设置 names such
// members and asks first (review s5 #9); every other way of setting it does
// the same (review s7-8 attack #11, #13): the window asks, `dues bases
// import` refuses the row unless --allow-earlier-paid-up, and the roster
// import keeps the later month with a note.

// OpeningMove is a member's 党费已交至 that would move earlier: From the
// stored month, To the new one (0: cleared).
type OpeningMove struct {
	MemberID int64
	Name     string
	From, To Month
}

// MovesEarlier reports whether setting a member's 党费已交至 to to moves
// the stored one (old, had) earlier: a later or equal month, or a member
// with none stored, does not.
func MovesEarlier(old Month, had bool, to Month) bool {
	return had && old != 0 && to < old
}

// Text says the move for a question or a list: "张伟（2026年10月 → 2026年3月）",
// "张伟（2026年10月 → 不填）".
func (o OpeningMove) Text() Text {
	if o.To == 0 {
		return moveText("%s（%s → 不填）", o.Name, o.From)
	}
	return moveText("%s（%s → %s）", o.Name, o.From, o.To)
}

// EarlierPaidToText is why an imported row's 党费已交至 is not taken as it
// stands: it is before the member's stored one.
func EarlierPaidToText(from, to Month) Text {
	return moveText("党费已交至原为%s，表中的%s更早；改早后其间的月份将计为应交或待补录", from, to)
}

// EarlierMoves are the accepted rows of a bases preview whose 党费已交至
// moves the member's stored one earlier, in the preview's order.
func (p BasePreview) EarlierMoves() []OpeningMove {
	var out []OpeningMove
	for i, b := range p.Bases {
		if i >= len(p.Rows) {
			break
		}
		r := p.Rows[i]
		if r.PaidTo != 0 && MovesEarlier(r.Was, r.Was != 0, r.PaidTo) {
			out = append(out, OpeningMove{MemberID: b.MemberID, Name: p.Names[i], From: r.Was, To: r.PaidTo})
		}
	}
	return out
}

// WithoutEarlier is p with the rows of EarlierMoves refused (field
// 党费已交至, reason EarlierPaidToText followed by hint), as `dues bases
// import` takes it without --allow-earlier-paid-up.
func (p BasePreview) WithoutEarlier(hint string) BasePreview {
	moves := p.EarlierMoves()
	if len(moves) == 0 {
		return p
	}
	moved := make(map[int64]OpeningMove, len(moves))
	for _, o := range moves {
		moved[o.MemberID] = o
	}
	out := p
	out.Bases, out.Names, out.Rows, out.Openings, out.Changed = nil, nil, nil, nil, 0
	out.Rejected = append([]Rejection(nil), p.Rejected...)
	for i, b := range p.Bases {
		r := p.Rows[i]
		if o, ok := moved[b.MemberID]; ok {
			t := EarlierPaidToText(o.From, o.To)
			reason := t.String() + hint
			out.Rejected = append(out.Rejected, Rejection{Sheet: r.Sheet, Row: r.Row, Field: FieldDuesPaidTo, Reason: reason,
				Text: moveText("%s%s", t, hint), Name: p.Names[i], Value: o.To.Chinese()})
			continue
		}
		out.Bases, out.Names, out.Rows = append(out.Bases, b), append(out.Names, p.Names[i]), append(out.Rows, r)
		if r.Changed {
			out.Changed++
		}
	}
	for _, o := range p.Openings {
		if _, ok := moved[o.MemberID]; !ok {
			out.Openings = append(out.Openings, o)
		}
	}
	SortRejections(out.Rejected, p.Sheets)
	return out
}

// moveText is a part of a question or a refusal about a 党费已交至 moved
// earlier (not a finding's sentence); eight9.json translates it.
func moveText(format string, args ...any) Text { return Textf(format, args...) }
