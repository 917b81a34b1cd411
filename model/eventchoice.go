package model

// AvailableEvents lists the events that can be recorded for m as it stands,
// in the order a form offers them: leaving events while on the roster,
// 转入 after a transfer out, 恢复党籍 while membership is suspended.
func AvailableEvents(m *Member) []EventKind {
	var out []EventKind
	if m.OnRoster {
		for _, k := range LeavingEvents {
			if k == EventSuspension && m.Standing == StandingSuspended {
				continue
			}
			out = append(out, k)
		}
	}
	if !m.OnRoster && m.LeftBy == EventTransferOut {
		out = append(out, EventTransferIn)
	}
	if m.Standing == StandingSuspended {
		out = append(out, EventRestoration)
	}
	return out
}

// NoteHint says what the note of an event of kind k must say, or "" when the
// note is optional.
func (k EventKind) NoteHint() string { return eventNoteHint[k] }
