package storage

import (
	"testing"
	"time"

	"branchledger/model"

	"gorm.io/gorm"
)

// Target: the year's register for 20,000 members × 12 months computed in at
// most 300 ms. BenchmarkDuesRegister20000 includes reading members, bases
// and paid months from the file; BenchmarkBuildRegister20000 the
// computation alone.

// duesBenchStore holds 20,000 members with 2026 bases and January to
// October paid by one payment each.
func duesBenchStore(b *testing.B) (*Store, []model.Member) {
	b.Helper()
	s := benchStore(b, benchMembers)
	ms, err := s.Members()
	if err != nil {
		b.Fatal(err)
	}
	bases := make([]model.DuesBase, len(ms))
	for i, m := range ms {
		bases[i] = model.DuesBase{MemberID: m.ID, Category: model.DuesEmployed, Base: model.Money(200000 + i*37)}
	}
	if err := s.SaveDuesBases(2026, bases, model.SourceDuesImport); err != nil {
		b.Fatal(err)
	}
	now := stamp(time.Now())
	err = s.db.Transaction(func(tx *gorm.DB) error {
		cols := []string{"id", "member_id", "date", "amount", "created_at", "updated_at"}
		if err := insertRows(tx, "dues_payments", cols, len(ms), 100, func(args []any, i int) []any {
			return append(args, i+1, ms[i].ID, "2026-10-01", 100*10, now, now)
		}); err != nil {
			return err
		}
		return insertRows(tx, "dues_payment_months", []string{"member_id", "month", "payment_id", "amount"}, len(ms)*10, 200, func(args []any, i int) []any {
			return append(args, ms[i/10].ID, model.MonthOf(2026, time.Month(i%10+1)).String(), i/10+1, 100)
		})
	})
	if err != nil {
		b.Fatal(err)
	}
	return s, ms
}

func BenchmarkDuesRegister20000(b *testing.B) {
	s, _ := duesBenchStore(b)
	b.ResetTimer()
	for b.Loop() {
		reg, err := s.DuesRegister(2026, model.NewDate(2026, 11, 15))
		if err != nil || len(reg.Rows) != benchMembers {
			b.Fatalf("%d rows, %v", len(reg.Rows), err)
		}
	}
}

func BenchmarkDuesArrears20000(b *testing.B) {
	s, _ := duesBenchStore(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.DuesArrears(model.NewDate(2026, 11, 15)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuildRegister20000(b *testing.B) {
	s, ms := duesBenchStore(b)
	bases, _ := s.DuesBases(2026)
	paid, err := queryPaidYears(s.db, 2026, 2026)
	if err != nil {
		b.Fatal(err)
	}
	r := model.CurrentDuesRules()
	b.ResetTimer()
	for b.Loop() {
		reg := model.BuildRegister(2026, ms, model.DuesHistory{Start: model.MonthOf(2026, 1), Bases: bases, Paid: paid}, model.NewDate(2026, 11, 15), r)
		if len(reg.Rows) != benchMembers {
			b.Fatal(len(reg.Rows))
		}
	}
}
