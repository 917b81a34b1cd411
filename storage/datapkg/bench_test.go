package datapkg

import (
	"path/filepath"
	"testing"

	"filippo.io/age"
)

// Issue 11's target: a package of a 50-member branch with three years of
// activities and dues written in ≤ 1 s. Reading it back is what a restore
// preview and the instructor's import cost per package.

func benchProtections(b *testing.B) map[string]struct {
	p Protection
	o ReadOptions
} {
	key, err := age.GenerateX25519Identity()
	if err != nil {
		b.Fatal(err)
	}
	return map[string]struct {
		p Protection
		o ReadOptions
	}{
		"plain":      {Protection{}, ReadOptions{}},
		"key":        {Protection{Recipients: []age.Recipient{key.Recipient()}}, ReadOptions{Identities: []age.Identity{key}}},
		"passphrase": {Protection{Passphrase: testPassphrase}, ReadOptions{Passphrase: testPassphrase}},
	}
}

func BenchmarkWrite50Members(b *testing.B) {
	s := newBranch(b, 50)
	for name, c := range benchProtections(b) {
		b.Run(name, func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "branch"+Ext)
			for b.Loop() {
				if _, err := Write(s, out, c.p, "0.1.0"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkOpen50Members(b *testing.B) {
	s := newBranch(b, 50)
	for name, c := range benchProtections(b) {
		b.Run(name, func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "branch"+Ext)
			m, err := Write(s, out, c.p, "0.1.0")
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(m.Database.Size)/1024, "db-KiB")
			c.o.TempDir = b.TempDir()
			for b.Loop() {
				p, err := Open(out, c.o)
				if err != nil {
					b.Fatal(err)
				}
				p.Close()
			}
		})
	}
}
