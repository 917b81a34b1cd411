package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"branchledger/storage"
)

// On a USB drive that goes round many branches, package export --replace
// replaces only the branch's own package: another branch's is refused
// naming that branch and stays as it was (review s4-11 newuser #1).
func TestPackageExportNeverReplacesAnotherBranchsPackage(t *testing.T) {
	usb := t.TempDir()
	a, b := demoFile(t, "5"), demoFile(t, "3")
	s, err := storage.Open(a)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := s.Profile()
	p.OrgName, p.BranchName = "兰州佳禾物流有限公司", "中共兰州佳禾物流有限公司支部委员会"
	s.SaveProfileAligning(p)
	s.Close()
	if r := run(t, "package", "export", usb, "--db", a); r.status != ExitOK {
		t.Fatalf("export a: %d %s", r.status, r.stderr)
	}
	pkgs, _ := filepath.Glob(filepath.Join(usb, "*.blpkg"))
	if len(pkgs) != 1 {
		t.Fatalf("packages on the drive: %v", pkgs)
	}
	before, _ := os.ReadFile(pkgs[0])

	r := run(t, "package", "export", pkgs[0], "--db", b, "--replace")
	if r.status == ExitOK || !strings.Contains(r.stderr, "是“中共兰州佳禾物流有限公司支部委员会”的数据包，不能用本支部的数据覆盖") {
		t.Errorf("another branch's package with --replace: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	if after, _ := os.ReadFile(pkgs[0]); !bytes.Equal(before, after) {
		t.Error("the other branch's package was changed")
	}

	r = run(t, "package", "export", pkgs[0], "--db", a)
	if r.status == ExitOK || !strings.Contains(r.stderr, "本支部的数据包") || !strings.Contains(r.stderr, "--replace") {
		t.Errorf("own package without --replace: %d\n%s", r.status, r.stderr)
	}
	if r := run(t, "package", "export", pkgs[0], "--db", a, "--replace"); r.status != ExitOK {
		t.Errorf("own package with --replace: %d\n%s", r.status, r.stderr)
	}
}

// Another branch with the very same name (two 第一党支部 in different
// units, or two demo files) is said to be another branch of that name, not
// "是“<本支部的名称>”的数据包" as if it were this one's (review s5-final
// attack #9).
func TestAnotherBranchOfTheSameNameIsSaidSo(t *testing.T) {
	usb := t.TempDir()
	a, b := demoFile(t, "3"), demoFile(t, "3")
	out := filepath.Join(usb, "other.blpkg")
	if r := run(t, "package", "export", out, "--db", a); r.status != ExitOK {
		t.Fatalf("export a: %d %s", r.status, r.stderr)
	}
	before, _ := os.ReadFile(out)
	r := run(t, "package", "export", out, "--db", b, "--replace")
	if r.status == ExitOK || !strings.Contains(r.stderr, "是另一个同名支部（") || !strings.Contains(r.stderr, " 导出）的数据包") {
		t.Errorf("same-named branch's package: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	if after, _ := os.ReadFile(out); !bytes.Equal(before, after) {
		t.Error("the other branch's package was changed")
	}
}
