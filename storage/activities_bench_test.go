package storage

import (
	"testing"
	"time"

	"branchledger/model"
)

// BenchmarkSaveActivity50With3Photos is the save of a general meeting of 50
// members with three 2 MB photos: one transaction, target ≤ 200 ms.
func BenchmarkSaveActivity50With3Photos(b *testing.B) {
	s := openTest(b)
	ms := addMembers(b, s, 50)
	photo := jpegBytes(2 << 20)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		a := newActivity(model.NewDate(2026, 3, 1+i%14), ms)
		a.Attachments = []model.Attachment{{Name: "1.jpg", Data: photo}, {Name: "2.jpg", Data: photo}, {Name: "3.jpg", Data: photo}}
		if _, err := s.SaveActivity(a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHeldActivities10Years reads ten years of a 50-member branch's
// activities (about 40 a year, everyone present) for the compliance
// calendar and the participation flags, whose whole budget is 50 ms.
func BenchmarkHeldActivities10Years(b *testing.B) {
	s := openTest(b)
	ms := addMembers(b, s, 50)
	fillYears(b, s, ms, 2016, 10)
	b.ResetTimer()
	for b.Loop() {
		held, err := s.HeldActivities(model.NewDate(2016, 1, 1), model.NewDate(2026, 12, 31))
		if err != nil || len(held) < 400 {
			b.Fatalf("%d held, %v", len(held), err)
		}
	}
}

// fillYears writes, straight into the tables, about 40 activities a year with
// everyone in ms present: the benchmark is about reading them back.
func fillYears(b testing.TB, s *Store, ms []model.Member, from, years int) {
	now := stamp(time.Now())
	kinds := []model.ActivityKind{model.KindThemeDay, model.KindCommitteeMeeting, model.KindGroupMeeting}
	err := s.db.Exec("BEGIN").Error
	for y := from; y < from+years && err == nil; y++ {
		seq := map[model.ActivityKind]int{}
		for m := 1; m <= 12 && err == nil; m++ {
			for _, k := range append(kinds, model.KindGeneralMeeting) {
				if k == model.KindGeneralMeeting && m%3 != 0 {
					continue
				}
				seq[k]++
				d := model.NewDate(y, time.Month(m), 10)
				err = s.db.Exec("INSERT INTO activities (kind, year, seq, date, topic, created_at, updated_at) VALUES (?, ?, ?, ?, '议题', ?, ?)",
					string(k), y, seq[k], d, now, now).Error
				var id int64
				if err == nil {
					err = s.db.Raw("SELECT last_insert_rowid()").Scan(&id).Error
				}
				if err == nil {
					err = insertRows(s.db, "activity_attendance", []string{"activity_id", "position", "member_id", "name", "status"},
						len(ms), 100, func(args []any, i int) []any {
							return append(args, id, i+1, ms[i].ID, ms[i].Name, string(model.Present))
						})
				}
			}
		}
	}
	if err == nil {
		err = s.db.Exec("COMMIT").Error
	}
	if err != nil {
		b.Fatal(err)
	}
}
