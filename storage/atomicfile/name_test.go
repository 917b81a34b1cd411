package atomicfile

import (
	"path/filepath"
	"strings"
	"testing"
)

// Names Windows or a USB drive's FAT cannot hold are refused before
// anything is written; the usual names pass (review s4-final attack #6).
func TestCheckNameRefusesWhatWindowsCannotHold(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"a:b*?.pkg", "（: * ?）"},
		{"a\tb.xlsx", `'\t'`},
		{"a<b>.xlsx", "（< >）"},
		{"NUL.xlsx", "设备的名字"},
		{"com1", "设备的名字"},
		{"Lpt9.blpkg", "设备的名字"},
		{"上报.", "以点或空格结尾"},
		{"上报 ", "以点或空格结尾"},
		{".blpkg", "只有扩展名"},
	} {
		err := CheckTarget(filepath.Join(t.TempDir(), c.name))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v", c.name, err)
		}
	}
	for _, name := range []string{"上报汇总表-2026-11-30.xlsx", "中共兰州晨光印务有限公司支部委员会-数据包-20261130-1541.blpkg",
		"a b.xlsx", "console.xlsx", "nul1.txt", ".branchledger", "x.tar.gz"} {
		if err := CheckTarget(filepath.Join(t.TempDir(), name)); err != nil {
			t.Errorf("%q: %v", name, err)
		}
	}
}
