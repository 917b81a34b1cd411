package storage

import (
	"context"
	"testing"
)

// The checks on 20,000 members (a roster far larger than any branch): the
// quick check at every open, and the full check (indexes too) that runs in
// the background once the window is up and that writes wait for.
func BenchmarkQuickCheck20000(b *testing.B) {
	s := benchStore(b, benchMembers)
	b.ResetTimer()
	for b.Loop() {
		if err := s.quickCheck(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkIntegrityCheck20000(b *testing.B) {
	s := benchStore(b, benchMembers)
	b.ResetTimer()
	for b.Loop() {
		if err := s.integrityCheck(s.sql); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify20000(b *testing.B) {
	s := benchStore(b, benchMembers)
	b.ResetTimer()
	for b.Loop() {
		if v, err := s.Verify(context.Background()); err != nil || !v.OK() {
			b.Fatal(v, err)
		}
	}
}
