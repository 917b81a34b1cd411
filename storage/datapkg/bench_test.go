package datapkg

import (
	"path/filepath"
	"testing"
	"time"

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

// reportCPU reports the CPU time per operation since start (cpuTime).
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

func BenchmarkWrite50Members(b *testing.B) {
	s := newBranch(b, 50)
	for name, c := range benchProtections(b) {
		b.Run(name, func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "branch"+Ext)
			start := cpuTime()
			for b.Loop() {
				if _, err := Write(s, out, c.p, "0.1.0"); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, start)
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

// What an import adds per package to order a batch (ReadManifest): the
// manifest alone, the data file left packed. With a KeyCache, a
// passphrase's key is derived once for both reads (the "passphrase,
// cached" case is the second read).
func BenchmarkReadManifest50Members(b *testing.B) {
	s := newBranch(b, 50)
	for name, c := range benchProtections(b) {
		b.Run(name, func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "branch"+Ext)
			if _, err := Write(s, out, c.p, "0.1.0"); err != nil {
				b.Fatal(err)
			}
			c.o.TempDir = b.TempDir()
			for b.Loop() {
				if _, err := ReadManifest(out, c.o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("passphrase, cached", func(b *testing.B) {
		out := filepath.Join(b.TempDir(), "branch"+Ext)
		if _, err := Write(s, out, Protection{Passphrase: testPassphrase}, "0.1.0"); err != nil {
			b.Fatal(err)
		}
		o := ReadOptions{Passphrase: testPassphrase, TempDir: b.TempDir(), Keys: &KeyCache{}}
		if _, err := ReadManifest(out, o); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if _, err := ReadManifest(out, o); err != nil {
				b.Fatal(err)
			}
		}
	})
}
