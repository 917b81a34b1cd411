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
