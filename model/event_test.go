package model

import (
	"errors"
	"testing"
)

func TestEventsMoveMembersOnAndOffTheRoster(t *testing.T) {
	m := validMember()
	out := MembershipEvent{Kind: EventTransferOut, Date: NewDate(2026, 3, 1), Note: "转往兰州市城关区某支部"}
	if err := out.Apply(&m, testToday); err != nil {
		t.Fatal(err)
	}
	if m.OnRoster || m.LeftBy != EventTransferOut || m.LeftOn != out.Date {
		t.Fatalf("after 转出: on roster %v, left by %q on %v", m.OnRoster, m.LeftBy, m.LeftOn)
	}
	if err := out.Apply(&m, testToday); !errors.Is(err, ErrEvent) {
		t.Errorf("a member cannot be transferred out twice, got %v", err)
	}
	back := MembershipEvent{Kind: EventTransferIn, Date: NewDate(2026, 6, 1)}
	if err := back.Apply(&m, testToday); err != nil || !m.OnRoster {
		t.Errorf("转入 after 转出 must bring the member back: %v", err)
	}
}

func TestEventRefusals(t *testing.T) {
	tests := []struct {
		name  string
		setup func(m *Member)
		event MembershipEvent
	}{
		{"future_date", nil, MembershipEvent{Kind: EventDeath, Date: NewDate(2026, 12, 1), Note: "病故"}},
		{"before_joining", nil, MembershipEvent{Kind: EventDeath, Date: NewDate(2000, 1, 1), Note: "病故"}},
		{"month_only_date", nil, MembershipEvent{Kind: EventDeath, Date: MonthDate(2020, 1), Note: "病故"}},
		{"transfer_out_without_destination", nil, MembershipEvent{Kind: EventTransferOut, Date: NewDate(2020, 1, 1)}},
		{"restore_when_not_suspended", nil, MembershipEvent{Kind: EventRestoration, Date: NewDate(2020, 1, 1)}},
		{"transfer_in_after_death", func(m *Member) { m.OnRoster, m.LeftBy = false, EventDeath },
			MembershipEvent{Kind: EventTransferIn, Date: NewDate(2020, 1, 1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := validMember()
			if tt.setup != nil {
				tt.setup(&m)
			}
			before := m
			if err := tt.event.Apply(&m, testToday); !errors.Is(err, ErrEvent) {
				t.Fatalf("want refusal, got %v", err)
			}
			if m != before {
				t.Error("a refused event must leave the member unchanged")
			}
		})
	}
}

func TestSuspensionAndRestoration(t *testing.T) {
	m := validMember()
	if err := (MembershipEvent{Kind: EventSuspension, Date: NewDate(2025, 1, 1)}).Apply(&m, testToday); err != nil {
		t.Fatal(err)
	}
	if m.Standing != StandingSuspended || m.OnRoster {
		t.Fatalf("停止党籍 must suspend and take off the roster: %v %v", m.Standing, m.OnRoster)
	}
	if err := (MembershipEvent{Kind: EventRestoration, Date: NewDate(2025, 6, 1)}).Apply(&m, testToday); err != nil {
		t.Fatal(err)
	}
	if m.Standing != StandingNormal || !m.OnRoster {
		t.Errorf("恢复党籍 must restore: %v %v", m.Standing, m.OnRoster)
	}
}
