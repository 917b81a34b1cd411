package model

import "testing"

func TestFilterMembers(t *testing.T) {
	a, b, c := validMember(), validMember(), validMember()
	b.Name, b.IDNumber, b.Phone, b.Category = "龙敏", "620421199611179303", "15093980912", CategoryProbationary
	c.Name, c.IDNumber, c.Mobile, c.OnRoster = "11010519491231002X", "11010519491231002X", true, false
	c.Name = "何振宇"
	ms := []Member{a, b, c}
	tests := []struct {
		name string
		f    MemberFilter
		want []int
	}{
		{"everyone", MemberFilter{}, []int{0, 1, 2}},
		{"by_name_part", MemberFilter{Query: "敏"}, []int{1}},
		{"by_phone_part", MemberFilter{Query: "5093"}, []int{1}},
		{"by_id_lowercase_x", MemberFilter{Query: "002x"}, []int{2}},
		{"probationary", MemberFilter{Category: CategoryProbationary}, []int{1}},
		{"active_roster_only", MemberFilter{Left: No}, []int{0, 1}},
		{"mobile", MemberFilter{Mobile: Yes}, []int{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FilterMembers(ms, tt.f)
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

func TestMergeImportedKeepsWhatTheFileLacks(t *testing.T) {
	existing := validMember()
	existing.Address = "兰州市城关区"
	incoming := validMember()
	incoming.Address = ""
	incoming.Phone = "13800138000"
	merged := MergeImported(&existing, &incoming, []Field{FieldName, FieldIDNumber, FieldPhone, FieldAddress})
	if merged.Address != "兰州市城关区" {
		t.Errorf("an empty cell erased the address: %q", merged.Address)
	}
	if merged.Phone != "13800138000" {
		t.Errorf("a changed phone was not taken: %q", merged.Phone)
	}
	changes := DiffMembers(&existing, &merged)
	if len(changes) != 1 || changes[0].Field != FieldPhone || changes[0].Old != "17474598897" {
		t.Errorf("changes = %+v, want only the phone", changes)
	}
}

// A query pasted from a chat app or phone contacts — a zero-width space
// or direction marks inside an ID, a phone written 139 0648 1698, digits
// in full width — finds the member as the plain query does (review nu7-14:
// 共 0 人 for a member on the roster).
func TestSearchFindsPastedQueries(t *testing.T) {
	ms := []Member{{Name: "侯佳琪", IDNumber: "62010219900207101X", Phone: "13906481698", OnRoster: true}}
	for _, q := range []string{
		"62010219900207101X",
		"620102\u200b19900207101x",
		"\u202a620102199002071\u202c01X",
		"139 0648 1698",
		"139-0648-1698",
		"１３９０６４８１６９８",
		"侯\u200d佳琪",
		"侯 佳琪",
	} {
		if got := FilterMembers(ms, MemberFilter{Query: q}); len(got) != 1 {
			t.Errorf("search %q found %d, want 侯佳琪", q, len(got))
		}
	}
	if got := FilterMembers(ms, MemberFilter{Query: "13906481699"}); len(got) != 0 {
		t.Errorf("another phone found %d, want none", len(got))
	}
}
