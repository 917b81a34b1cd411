package datapkg

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	"branchledger/storage"
)

// A package on the USB drive is replaced only by its own branch's: another
// branch's (by its manifest, or by the name on an encrypted one) is refused
// naming that branch; this branch's own, or an encrypted one nobody can
// tell, is asked about (review s4-11 newuser #1).
func TestReplacingAnotherBranchsPackage(t *testing.T) {
	own, other := newBranch(t, 3), newBranch(t, 4)
	ownSum, _ := own.Summary()
	otherSum, _ := other.Summary()
	if ownSum.BranchUUID == otherSum.BranchUUID {
		t.Fatal("the two test branches share an identity")
	}
	key, _ := age.GenerateX25519Identity()
	dir := t.TempDir()
	at := time.Date(2026, 11, 30, 15, 41, 0, 0, time.UTC)
	write := func(src *storage.Store, name string, p Protection) string {
		out := filepath.Join(dir, name)
		if _, err := Write(src, out, p, "0.1.0"); err != nil {
			t.Fatal(err)
		}
		return out
	}
	qilihe := "中共兰州市七里河区养老服务中心支部委员会"
	cases := []struct {
		name, path string
		refuse     string // the branch named in the refusal
		ask        string // or a part of the question
	}{
		// Both demo branches are called alike: the refusal names the other's unit.
		{"另一支部_不加密", write(other, "u盘.blpkg", Protection{}), "另一个同名支部（" + otherSum.OrgName + "，", ""},
		{"另一支部_加密_看文件名", write(other, ExportName(qilihe, at), Protection{Recipients: []age.Recipient{key.Recipient()}}), "“" + qilihe + "”", ""},
		{"本支部_不加密", write(own, "own.blpkg", Protection{}), "", "本支部的数据包"},
		{"本支部_加密_按名", write(own, ExportName(ownSum.BranchName, at), Protection{Passphrase: testPassphrase}), "", "看不出是哪个支部"},
		{"加密_无名", write(other, "pkg.blpkg", Protection{Passphrase: testPassphrase}), "", "看不出是哪个支部"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q, err := Replacing(c.path, ownSum)
			if c.refuse != "" {
				if !errors.Is(err, ErrOtherBranch) || !strings.Contains(err.Error(), c.refuse) || !strings.Contains(err.Error(), filepath.Base(c.path)) {
					t.Errorf("Replacing = %q, %v; want a refusal naming %s and the file", q, err, c.refuse)
				}
				return
			}
			if err != nil || !strings.Contains(q.String(), c.ask) {
				t.Errorf("Replacing = %q, %v; want a question with %q", q, err, c.ask)
			}
		})
	}
}
