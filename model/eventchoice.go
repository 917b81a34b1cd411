package model

// AvailableEvents lists the events the event form records for m as it
// stands, in the order it offers them: leaving events while on the roster,
// 恢复党籍 while membership is suspended. Transfers are not among them: a
// 转出 is recorded by issuing a letter (TransferLetter), a 转入 by
// recording the incoming letter (TransferIn), so that every transfer has
// its letter, number and dues position.
func AvailableEvents(m *Member) []EventKind {
	var out []EventKind
	if m.OnRoster {
		for _, k := range LeavingEvents {
			if k == EventTransferOut || k == EventSuspension && m.Standing == StandingSuspended {
				continue
			}
			out = append(out, k)
		}
	}
	if m.Standing == StandingSuspended {
		out = append(out, EventRestoration)
	}
	return out
}

// NoteHint says what the note of an event of kind k must say, or "" when the
// note is optional.
func (k EventKind) NoteHint() string { return eventNoteHint[k] }
