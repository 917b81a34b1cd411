package workspace

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
)

// scryptArgs is an age identity that matches nothing and keeps the
// arguments of the scrypt stanza it was shown: salt and work factor.
type scryptArgs []string

func (s *scryptArgs) Unwrap(stanzas []*age.Stanza) ([]byte, error) {
	for _, st := range stanzas {
		if st.Type == "scrypt" {
			*s = st.Args
		}
	}
	return nil, age.ErrIncorrectIdentity
}

// The instructor's private key stays at scrypt work factor 2^18 where
// passphrase packages went down to 2^17: it is unlocked once a session,
// and its backup (--save-private-key) travels on a drive. A workspace
// whose key asks for more is refused before deriving anything.
func TestPrivateKeyWorkFactor(t *testing.T) {
	dir := t.TempDir()
	w, _ := newWorkspace(t, dir)
	saved := filepath.Join(dir, "私钥备份.age")
	if err := w.SavePrivateKey(saved); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	var args scryptArgs
	_, _ = age.Decrypt(bytes.NewReader(b), &args)
	if len(args) != 2 || args[1] != "18" {
		t.Fatalf("scrypt stanza arguments %q, want the work factor 18", args)
	}

	heavier := bytes.Replace(b, []byte(" 18\n"), []byte(" 19\n"), 1)
	if err := w.db.Exec("UPDATE workspace SET private_key = ? WHERE id = 1", heavier).Error; err != nil {
		t.Fatal(err)
	}
	// Without the limit this derives a key at 2^19 (512 MB) and then
	// calls the right passphrase wrong.
	err = w.Unlock(testKeyPassphrase)
	if err == nil || errors.Is(err, ErrWrongPassphrase) || !strings.Contains(err.Error(), "指导员私钥已损坏") {
		t.Errorf("a key at work factor 19: %v, want refused as damaged", err)
	} else {
		t.Log(err)
	}
}
