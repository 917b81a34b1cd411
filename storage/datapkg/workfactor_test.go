package datapkg

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"filippo.io/age"
)

// stanzaArgs is an age identity that matches nothing and keeps the
// arguments of the scrypt stanza it was shown: salt and work factor.
type stanzaArgs []string

func (s *stanzaArgs) Unwrap(stanzas []*age.Stanza) ([]byte, error) {
	for _, st := range stanzas {
		if st.Type == "scrypt" {
			*s = st.Args
		}
	}
	return nil, age.ErrIncorrectIdentity
}

// Issue 11: a 50-member branch's package in ≤ 1 s. A passphrase package is
// written at scrypt work factor 2^17 (2^18 alone took over a second on this
// machine), and one of an earlier version, at 2^18, still opens.
func TestPassphrasePackageWorkFactor(t *testing.T) {
	s := newBranch(t, 5)
	dir := t.TempDir()
	pkg := filepath.Join(dir, "branch"+Ext)
	m, err := Write(s, pkg, Protection{Passphrase: testPassphrase}, "0.1.0")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(pkg)
	if err != nil {
		t.Fatal(err)
	}
	var args stanzaArgs
	_, _ = age.Decrypt(f, &args)
	f.Close()
	if len(args) != 2 || args[1] != "17" {
		t.Fatalf("scrypt stanza arguments %q, want the work factor 17", args)
	}

	// A package as earlier versions wrote it: age's default, 2^18.
	plain := filepath.Join(dir, "plain"+Ext)
	if _, err := Write(s, plain, Protection{}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	zipped, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	r, err := age.NewScryptRecipient(testPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	r.SetWorkFactor(18)
	old := filepath.Join(dir, "old"+Ext)
	if err := os.WriteFile(old, encrypt(t, zipped, r), 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := Open(old, ReadOptions{Passphrase: testPassphrase, TempDir: t.TempDir()})
	if err != nil {
		t.Fatalf("a package at work factor 18: %v", err)
	}
	if p.Manifest.Database.SHA256 != m.Database.SHA256 {
		t.Error("read back another data file")
	}
	p.Close()

	// One more than any version wrote is refused before deriving a key.
	b, err := os.ReadFile(old)
	if err != nil {
		t.Fatal(err)
	}
	heavier := filepath.Join(dir, "heavier"+Ext)
	os.WriteFile(heavier, bytes.Replace(b, []byte(" 18\n"), []byte(" 19\n"), 1), 0o600)
	if _, err := Open(heavier, ReadOptions{Passphrase: testPassphrase, TempDir: t.TempDir()}); !errors.Is(err, ErrUnsafe) {
		t.Errorf("a package at work factor 19: %v, want ErrUnsafe", err)
	}
}
