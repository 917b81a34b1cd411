package storage

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"branchledger/model"
)

// Every field of the collection form comes back as it was entered.
func TestAddMemberKeepsEveryField(t *testing.T) {
	s := openTest(t)
	m := newMember(7)
	m.Ethnicity = "回族"
	m.Category = model.CategoryProbationary
	m.JoinDate = model.MonthDate(2025, 6) // rosters kept by hand often know only the month
	m.FullDate = model.Date{}
	m.LostContact, m.LostSince = true, model.MonthDate(2025, 10)
	m.Mobile, m.MobileDestination = true, "广东省深圳市"
	m.Notes = "2025年9月起在深圳务工"
	m.IDNumber = strings.ToLower(m.IDNumber) + " " // as typed

	added, err := s.AddMember(m, nil)
	if err != nil {
		t.Fatalf("AddMember: %v", err)
	}
	if added.ID == 0 || !added.OnRoster || added.CreatedAt.IsZero() {
		t.Errorf("added member: id %d, on roster %v, created %v", added.ID, added.OnRoster, added.CreatedAt)
	}
	got, err := s.Member(added.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.CreatedAt.Equal(added.CreatedAt) || !got.UpdatedAt.Equal(added.UpdatedAt) {
		t.Errorf("times: got %v/%v, added %v/%v", got.CreatedAt, got.UpdatedAt, added.CreatedAt, added.UpdatedAt)
	}
	got.CreatedAt, got.UpdatedAt = added.CreatedAt, added.UpdatedAt
	if !reflect.DeepEqual(got, added) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, added)
	}
	if strings.ContainsAny(got.IDNumber, "x ") {
		t.Errorf("ID number stored as %q, want normalised", got.IDNumber)
	}
}

func TestAddMemberRefusesIncompleteForm(t *testing.T) {
	s := openTest(t)
	m := newMember(1)
	m.Name = ""
	m.FullDate = m.JoinDate // 转正 on the day of joining
	_, err := s.AddMember(m, nil)
	var verrs model.ValidationErrors
	if !errors.As(err, &verrs) {
		t.Fatalf("AddMember: %v, want model.ValidationErrors", err)
	}
	if verrs.For(model.FieldName) == "" || verrs.For(model.FieldFullDate) == "" {
		t.Errorf("errors %v should name 姓名 and 转正日期", verrs)
	}
	if ms, _ := s.Members(); len(ms) != 0 {
		t.Errorf("%d members written despite the errors", len(ms))
	}
}

// An ID number belongs to one member for good, even after they left.
func TestAddMemberRefusesKnownIDNumber(t *testing.T) {
	s := openTest(t)
	zhang := newMember(1)
	zhang.Name = "张三"
	zhang, err := s.AddMember(zhang, nil)
	if err != nil {
		t.Fatal(err)
	}
	again := newMember(2)
	again.IDNumber = zhang.IDNumber
	again.BirthDate, again.Sex = model.Date{}, ""
	_, err = s.AddMember(again, nil)
	if !errors.Is(err, ErrDuplicateIDNumber) {
		t.Fatalf("AddMember with a known number: %v, want ErrDuplicateIDNumber", err)
	}
	if err.Error() != "公民身份号码已属于在册党员 张三" {
		t.Errorf("message %q", err)
	}
	var dup *DuplicateIDError
	if !errors.As(err, &dup) || dup.Existing.ID != zhang.ID {
		t.Errorf("error should carry the existing member, got %#v", err)
	}

	if _, err := s.RecordEvent(model.MembershipEvent{MemberID: zhang.ID, Kind: model.EventTransferOut, Date: testToday, Note: "转往兰州市城关区委组织部"}); err != nil {
		t.Fatal(err)
	}
	_, err = s.AddMember(again, nil)
	if !errors.Is(err, ErrDuplicateIDNumber) || !strings.Contains(err.Error(), "曾在册党员 张三") || !strings.Contains(err.Error(), "转出") {
		t.Errorf("after 张三 left: %v", err)
	}
	if ms, _ := s.Members(); len(ms) != 1 {
		t.Errorf("%d members, want 1", len(ms))
	}
}

func TestAddTransferredInMember(t *testing.T) {
	s := openTest(t)
	via := &model.MembershipEvent{Kind: model.EventTransferIn, Date: model.NewDate(2026, 3, 1), Note: "介绍信 第0012号，由兰州市七里河区转入"}
	m, err := s.AddMember(newMember(1), via)
	if err != nil {
		t.Fatal(err)
	}
	events, err := s.MemberEvents(m.ID)
	if err != nil || len(events) != 1 {
		t.Fatalf("events: %v, %v", events, err)
	}
	if e := events[0]; e.Kind != model.EventTransferIn || e.Date != via.Date || e.Note != via.Note || e.MemberID != m.ID || e.CreatedAt.IsZero() {
		t.Errorf("event %+v, want %+v for member %d", e, via, m.ID)
	}

	for name, via := range map[string]*model.MembershipEvent{
		"转出 on adding":   {Kind: model.EventTransferOut, Date: testToday, Note: "x"},
		"date tomorrow":  {Kind: model.EventTransferIn, Date: testToday.AddMonths(1)},
		"month only":     {Kind: model.EventTransferIn, Date: model.MonthDate(2026, 1)},
		"before joining": {Kind: model.EventTransferIn, Date: model.NewDate(1980, 1, 1)},
	} {
		_, err := s.AddMember(newMember(2), via)
		if !errors.Is(err, model.ErrEvent) {
			t.Errorf("%s: %v, want model.ErrEvent", name, err)
		}
	}
	if ms, _ := s.Members(); len(ms) != 1 {
		t.Errorf("%d members after refused adds, want 1", len(ms))
	}
}

func TestUpdateMemberRecordsOldAndNew(t *testing.T) {
	s := openTest(t)
	m, err := s.AddMember(newMember(1), nil)
	if err != nil {
		t.Fatal(err)
	}
	oldPhone, oldAddress := m.Phone, m.Address
	edited := m
	edited.Phone = "0931-8123456"
	edited.Address = "兰州市七里河区西津东路1号"
	edited.OnRoster = false // not the form's to change
	changes, err := s.UpdateMember(edited)
	if err != nil {
		t.Fatal(err)
	}
	want := map[model.Field][2]string{
		model.FieldPhone:   {oldPhone, "0931-8123456"},
		model.FieldAddress: {oldAddress, "兰州市七里河区西津东路1号"},
	}
	if len(changes) != len(want) {
		t.Fatalf("changes %+v, want %v", changes, want)
	}
	for _, c := range changes {
		if w := want[c.Field]; c.Old != w[0] || c.New != w[1] || c.Source != SourceEdit || c.At.IsZero() || c.MemberID != m.ID {
			t.Errorf("change %+v, want %v from %s", c, w, SourceEdit)
		}
	}
	got, _ := s.Member(m.ID)
	if got.Phone != "0931-8123456" || !got.OnRoster || !got.CreatedAt.Equal(m.CreatedAt) || !got.UpdatedAt.After(m.UpdatedAt) {
		t.Errorf("stored after update: %+v", got)
	}

	// A second edit comes first in the history.
	edited2 := got
	edited2.Education = "硕士研究生"
	if _, err := s.UpdateMember(edited2); err != nil {
		t.Fatal(err)
	}
	history, err := s.MemberChanges(m.ID)
	if err != nil || len(history) != 3 {
		t.Fatalf("history: %v, %v", history, err)
	}
	if history[0].Field != model.FieldEducation || history[0].Old != "大学" || history[0].New != "硕士研究生" {
		t.Errorf("newest change %+v, want 学历 大学 → 硕士研究生", history[0])
	}
	if !history[0].At.After(history[2].At) {
		t.Errorf("history not newest first: %v then %v", history[0].At, history[2].At)
	}
}

func TestUpdateMemberWithoutChangesWritesNothing(t *testing.T) {
	s := openTest(t)
	m, _ := s.AddMember(newMember(1), nil)
	m.Name = " " + m.Name + " " // tidied away by Normalize
	changes, err := s.UpdateMember(m)
	if err != nil || changes == nil || len(changes) != 0 {
		t.Fatalf("UpdateMember without changes: %v, %v; want an empty slice", changes, err)
	}
	got, _ := s.Member(m.ID)
	if !got.UpdatedAt.Equal(m.UpdatedAt) {
		t.Errorf("updated_at moved from %v to %v", m.UpdatedAt, got.UpdatedAt)
	}
	if h, _ := s.MemberChanges(m.ID); len(h) != 0 {
		t.Errorf("history %v, want none", h)
	}
}

func TestUpdateMemberRefusesInvalidOrTakenNumber(t *testing.T) {
	s := openTest(t)
	ms := addMembers(t, s, 2)

	bad := ms[0]
	bad.Phone = "12345"
	if _, err := s.UpdateMember(bad); !errors.As(err, new(model.ValidationErrors)) {
		t.Errorf("invalid phone: %v, want model.ValidationErrors", err)
	}
	taken := ms[0]
	taken.IDNumber, taken.BirthDate, taken.Sex = ms[1].IDNumber, ms[1].BirthDate, ms[1].Sex
	if _, err := s.UpdateMember(taken); !errors.Is(err, ErrDuplicateIDNumber) {
		t.Errorf("another member's number: %v, want ErrDuplicateIDNumber", err)
	}
	missing := ms[0]
	missing.ID = 999
	if _, err := s.UpdateMember(missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown member: %v, want ErrNotFound", err)
	}
	if got, _ := s.Member(ms[0].ID); got.Phone != ms[0].Phone || got.IDNumber != ms[0].IDNumber {
		t.Errorf("refused updates were written: %+v", got)
	}
}

func TestTransferOutTakesMemberOffRoster(t *testing.T) {
	s := openTest(t)
	m, _ := s.AddMember(newMember(1), nil)
	out := model.MembershipEvent{MemberID: m.ID, Kind: model.EventTransferOut, Date: model.NewDate(2026, 3, 10), Note: "转往天水市秦州区，介绍信第0031号"}
	got, err := s.RecordEvent(out)
	if err != nil {
		t.Fatal(err)
	}
	if got.OnRoster || got.LeftBy != model.EventTransferOut || got.LeftOn != out.Date {
		t.Errorf("after 转出: on roster %v, left by %q on %v", got.OnRoster, got.LeftBy, got.LeftOn)
	}
	if _, err := s.RecordEvent(out); !errors.Is(err, model.ErrEvent) {
		t.Errorf("second 转出: %v, want model.ErrEvent", err)
	}
	// Still in the file, only off the active roster.
	all, _ := s.Members()
	if len(all) != 1 || all[0].OnRoster {
		t.Errorf("members after 转出: %+v", all)
	}
	// Back again by 转入.
	back, err := s.RecordEvent(model.MembershipEvent{MemberID: m.ID, Kind: model.EventTransferIn, Date: testToday})
	if err != nil || !back.OnRoster || back.LeftBy != "" || !back.LeftOn.IsZero() {
		t.Errorf("转入 after 转出: %+v, %v", back, err)
	}
	events, _ := s.MemberEvents(m.ID)
	if len(events) != 2 || events[0].Kind != model.EventTransferOut || events[1].Kind != model.EventTransferIn {
		t.Errorf("events oldest first: %+v", events)
	}
}

func TestSuspensionAndRestoration(t *testing.T) {
	s := openTest(t)
	m, _ := s.AddMember(newMember(1), nil)
	got, err := s.RecordEvent(model.MembershipEvent{MemberID: m.ID, Kind: model.EventSuspension, Date: model.NewDate(2026, 1, 5)})
	if err != nil {
		t.Fatal(err)
	}
	if got.OnRoster || got.Standing != model.StandingSuspended {
		t.Errorf("after 停止党籍: on roster %v, standing %q", got.OnRoster, got.Standing)
	}
	history, _ := s.MemberChanges(m.ID)
	if len(history) != 1 || history[0].Field != model.FieldStanding || history[0].New != string(model.StandingSuspended) || history[0].Source != string(model.EventSuspension) {
		t.Errorf("history after 停止党籍: %+v", history)
	}
	got, err = s.RecordEvent(model.MembershipEvent{MemberID: m.ID, Kind: model.EventRestoration, Date: testToday, Note: "支部大会决定恢复"})
	if err != nil {
		t.Fatal(err)
	}
	if !got.OnRoster || got.Standing != model.StandingNormal {
		t.Errorf("after 恢复党籍: on roster %v, standing %q", got.OnRoster, got.Standing)
	}
	if stored, _ := s.Member(m.ID); !reflect.DeepEqual(stored.Standing, got.Standing) || stored.OnRoster != got.OnRoster {
		t.Errorf("stored %+v differs from returned %+v", stored, got)
	}
	if _, err := s.RecordEvent(model.MembershipEvent{MemberID: m.ID, Kind: model.EventRestoration, Date: testToday}); !errors.Is(err, model.ErrEvent) {
		t.Errorf("restoring a normal member: %v, want model.ErrEvent", err)
	}
}

// Records of people are never deleted, not even by a stray statement.
func TestMembersEventsAndChangesAreNeverDeleted(t *testing.T) {
	s := openTest(t)
	m, _ := s.AddMember(newMember(1), nil)
	m.Notes = "2026年起退休"
	if _, err := s.UpdateMember(m); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordEvent(model.MembershipEvent{MemberID: m.ID, Kind: model.EventDeath, Date: testToday, Note: "病故"}); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"members", "member_events", "member_changes"} {
		if err := s.db.Exec("DELETE FROM " + table).Error; err == nil {
			t.Errorf("DELETE FROM %s succeeded", table)
		}
	}
	if ms, _ := s.Members(); len(ms) != 1 {
		t.Errorf("%d members, want 1", len(ms))
	}
	if ev, _ := s.MemberEvents(m.ID); len(ev) != 1 {
		t.Errorf("%d events, want 1", len(ev))
	}
	if ch, _ := s.MemberChanges(m.ID); len(ch) != 1 {
		t.Errorf("%d changes, want 1", len(ch))
	}
}

func TestUnknownMember(t *testing.T) {
	s := openTest(t)
	if _, err := s.Member(42); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "42") {
		t.Errorf("Member(42): %v", err)
	}
	if _, err := s.RecordEvent(model.MembershipEvent{MemberID: 42, Kind: model.EventDeath, Date: testToday, Note: "x"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("RecordEvent: %v", err)
	}
	if _, err := s.MemberEvents(42); !errors.Is(err, ErrNotFound) {
		t.Errorf("MemberEvents: %v", err)
	}
	if _, err := s.MemberChanges(42); !errors.Is(err, ErrNotFound) {
		t.Errorf("MemberChanges: %v", err)
	}
}

// Members lists everyone ever on the roster, in the order they were entered.
func TestMembersInOrderIncludingThoseWhoLeft(t *testing.T) {
	s := openTest(t)
	added := addMembers(t, s, 5)
	if _, err := s.RecordEvent(model.MembershipEvent{MemberID: added[2].ID, Kind: model.EventExpulsion, Date: testToday, Note: "自行脱党，除名"}); err != nil {
		t.Fatal(err)
	}
	ms, err := s.Members()
	if err != nil || len(ms) != 5 {
		t.Fatalf("Members: %d, %v", len(ms), err)
	}
	for i := range ms {
		if ms[i].ID != added[i].ID {
			t.Errorf("member %d has id %d, want %d", i, ms[i].ID, added[i].ID)
		}
	}
	if ms[2].OnRoster || ms[2].LeftBy != model.EventExpulsion {
		t.Errorf("expelled member: %+v", ms[2])
	}
}

// The clock given to the store is what "today" means for validation.
func TestStoreClockDecidesToday(t *testing.T) {
	path := t.TempDir() + "/x.db"
	s, err := Open(path, WithClock(func() time.Time { return time.Date(2000, 1, 1, 12, 0, 0, 0, beijing) }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m := newMember(1) // joined in 1985, full member since 1986: fine in 2000
	m.JoinDate, m.FullDate = model.NewDate(2005, 1, 1), model.NewDate(2006, 1, 1)
	_, err = s.AddMember(m, nil)
	var verrs model.ValidationErrors
	if !errors.As(err, &verrs) || verrs.For(model.FieldJoinDate) == "" {
		t.Errorf("joining in 2005 seen from 2000: %v, want a 加入党组织日期 error", err)
	}
}

// Members are read packed into one value per row for speed; that read must
// agree with the plain column-by-column one, also for text that contains the
// packing's separator.
func TestPackedReadMatchesColumnRead(t *testing.T) {
	s := openTest(t)
	addMembers(t, s, 3)
	odd := newMember(9)
	odd.Mobile, odd.MobileDestination = true, "深圳"
	odd.LostContact, odd.LostSince = true, model.MonthDate(2025, 12)
	added, err := s.AddMember(odd, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The app cleans control characters on the way in (model.CleanText),
	// but a file written by an older version or another program may hold
	// them.
	odd.Notes, odd.MobileDestination = "备注\x1f含分隔符", "深圳\x1f"
	if err := s.db.Exec("UPDATE members SET notes = ?, mobile_destination = ? WHERE id = ?", odd.Notes, odd.MobileDestination, added.ID).Error; err != nil {
		t.Fatal(err)
	}
	probationary := newMember(10)
	probationary.FullDate, probationary.Category = model.Date{}, model.CategoryProbationary
	probationary.JoinDate = model.NewDate(2025, 9, 1)
	if _, err := s.AddMember(probationary, nil); err != nil {
		t.Fatal(err)
	}

	all, err := s.Members()
	if err != nil || len(all) != 5 {
		t.Fatalf("Members: %d, %v", len(all), err)
	}
	if all[3].Notes != odd.Notes || all[3].MobileDestination != odd.MobileDestination {
		t.Errorf("text with U+001F read back as %q, %q", all[3].Notes, all[3].MobileDestination)
	}
	for _, m := range all {
		var plain model.Member
		if err := memberByColumns(s.db, m.ID, &plain); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(m, plain) {
			t.Errorf("packed\n%+v\ncolumns\n%+v", m, plain)
		}
	}
}
