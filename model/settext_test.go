package model

import "testing"

func TestSetTextIsTheInverseOfText(t *testing.T) {
	src := Member{
		Name: "张三", Sex: SexMale, Ethnicity: "汉族", IDNumber: "11010519491231002X",
		BirthDate: NewDate(1949, 12, 31), Education: "大学", Category: CategoryFull,
		BranchName: "某公司党支部", JoinDate: MonthDate(1975, 7), FullDate: NewDate(1976, 7, 1),
		Post: "其他", Phone: "13800000000", Address: "兰州市", Standing: StandingNormal,
		LostContact: true, LostSince: MonthDate(2024, 3), Mobile: true, MobileDestination: "深圳", Notes: "备注",
	}
	var got Member
	for _, fi := range MemberFields {
		if err := got.SetText(fi.Field, src.Text(fi.Field)); err != nil {
			t.Fatalf("SetText(%s, %q): %v", fi.Label, src.Text(fi.Field), err)
		}
	}
	if got != src {
		t.Errorf("round trip through Text/SetText:\n got %+v\nwant %+v", got, src)
	}
}

func TestSetTextRefusesBadInput(t *testing.T) {
	m := Member{JoinDate: NewDate(2000, 1, 1)}
	for _, c := range []struct {
		f Field
		s string
	}{{FieldJoinDate, "2000/13/01"}, {FieldMobile, "也许"}} {
		if err := m.SetText(c.f, c.s); err == nil {
			t.Errorf("SetText(%s, %q) = nil, want an error", c.f.Label(), c.s)
		}
	}
	if m.JoinDate != NewDate(2000, 1, 1) {
		t.Errorf("a refused date changed the field to %v", m.JoinDate)
	}
}

func TestAvailableEvents(t *testing.T) {
	tests := []struct {
		name string
		m    Member
		want []EventKind
	}{
		{"在册", Member{OnRoster: true, Standing: StandingNormal}, []EventKind{EventDeath, EventExpulsion, EventSuspension}},
		// Transfers go through their letters (开具介绍信, 登记转入).
		{"已转出", Member{LeftBy: EventTransferOut, Standing: StandingNormal}, nil},
		{"已停止党籍", Member{LeftBy: EventSuspension, Standing: StandingSuspended}, []EventKind{EventRestoration}},
		{"已死亡", Member{LeftBy: EventDeath, Standing: StandingNormal}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AvailableEvents(&tt.m)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
}
