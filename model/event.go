package model

import (
	"errors"
	"fmt"
	"time"
	"unicode/utf8"
)

// EventKind is a change in a member's place on the roster.
type EventKind string

const (
	EventTransferIn  EventKind = "转入"
	EventTransferOut EventKind = "转出"
	EventDeath       EventKind = "死亡"
	EventExpulsion   EventKind = "出党" // 开除、除名、劝退、自行脱党
	EventSuspension  EventKind = "停止党籍"
	EventRestoration EventKind = "恢复党籍"
	// EventTransferVoid is a transfer letter withdrawn (作废): the member
	// never left, and comes back to the roster as they were.
	EventTransferVoid EventKind = "转出作废"
)

// EventDateField is the date of an event recorded in the event form.
const EventDateField Field = "日期"

// LeavingEvents are the events that take a member off the active roster.
var LeavingEvents = []EventKind{EventTransferOut, EventDeath, EventExpulsion, EventSuspension}

// ReturningEvents bring a member who had left back onto the roster.
var ReturningEvents = []EventKind{EventTransferIn, EventRestoration}

// LeavesRoster reports whether the event takes the member off the roster.
func (k EventKind) LeavesRoster() bool {
	for _, l := range LeavingEvents {
		if k == l {
			return true
		}
	}
	return false
}

// MembershipEvent records one such change. Events are never deleted: together
// they are the member's history on this branch's roster.
type MembershipEvent struct {
	ID        int64
	MemberID  int64
	Kind      EventKind
	Date      Date
	Note      string // e.g. where to, the letter number, the decision
	CreatedAt time.Time
}

// ErrEvent is wrapped by every refused event.
var ErrEvent = errors.New("不能登记此事项")

// Apply checks that the event can happen to m on its date and changes m
// accordingly. m is unchanged when it returns an error.
func (e MembershipEvent) Apply(m *Member, today Date) error {
	switch {
	case e.Date.IsZero() || e.Date.MonthOnly():
		return fmt.Errorf("%w：请填写完整的日期", ErrEvent)
	case e.Date.After(today):
		return fmt.Errorf("%w：日期 %s 晚于今天", ErrEvent, e.Date)
	case !m.JoinDate.IsZero() && e.Date.Before(m.JoinDate):
		return fmt.Errorf("%w：日期 %s 早于加入党组织日期 %s", ErrEvent, e.Date, m.JoinDate)
	case utf8.RuneCountInString(e.Note) > EventNoteLimit:
		return fmt.Errorf("%w：说明过长：%d个字，最多%d个字", ErrEvent, utf8.RuneCountInString(e.Note), EventNoteLimit)
	}
	switch e.Kind {
	case EventTransferOut, EventDeath, EventExpulsion, EventSuspension:
		if !m.OnRoster {
			return fmt.Errorf("%w：%s已于 %s %s，不在册", ErrEvent, m.Name, m.LeftOn, m.LeftBy)
		}
		if e.Kind != EventSuspension && e.Note == "" {
			return fmt.Errorf("%w：请在说明中写明%s", ErrEvent, eventNoteHint[e.Kind])
		}
		m.OnRoster, m.LeftBy, m.LeftOn = false, e.Kind, e.Date
		if e.Kind == EventSuspension {
			m.Standing = StandingSuspended
		}
	case EventTransferIn:
		// A member added to the roster as transferred in is already on it.
		if !m.OnRoster && m.LeftBy != EventTransferOut {
			return fmt.Errorf("%w：%s因“%s”离开名册，不能以转入恢复", ErrEvent, m.Name, m.LeftBy)
		}
		m.OnRoster, m.LeftBy, m.LeftOn = true, "", Date{}
		m.ArrivedOn = e.Date
	case EventTransferVoid:
		if m.OnRoster || m.LeftBy != EventTransferOut {
			return fmt.Errorf("%w：%s不是因转出离开名册的，无需作废介绍信", ErrEvent, m.Name)
		}
		// They never left: their arrival on this roster stays as it was.
		m.OnRoster, m.LeftBy, m.LeftOn = true, "", Date{}
	case EventRestoration:
		if m.Standing != StandingSuspended {
			return fmt.Errorf("%w：%s的党籍未停止，无需恢复", ErrEvent, m.Name)
		}
		m.Standing = StandingNormal
		m.OnRoster, m.LeftBy, m.LeftOn = true, "", Date{}
		m.ArrivedOn = e.Date
	default:
		return fmt.Errorf("%w：未知事项“%s”", ErrEvent, e.Kind)
	}
	return nil
}

var eventNoteHint = map[EventKind]string{
	EventTransferOut: "转往何处（及介绍信编号）",
	EventDeath:       "死亡情况",
	EventExpulsion:   "处理决定（开除、除名、劝退或自行脱党）",
}
