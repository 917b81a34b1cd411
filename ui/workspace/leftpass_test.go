package workspace

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/storage/datapkg"
	ws "branchledger/storage/workspace"
	"branchledger/ui/internal/langtest"
	"branchledger/ui/kit"
)

// A package whose passphrase was left empty, as the passphrase dialog
// offers, is "left for now" in the dialog's words, neither a refusal nor
// red, in Chinese and in English (review s6-11 newuser #14: a red
// "Refused: The package is protected with a passphrase: enter the
// passphrase: …").
func TestEmptyPackagePassphraseLeavesThePackageForNow(t *testing.T) {
	test.NewTempApp(t)
	file := "/media/usb/陇原-2113.blpkg"
	r := ws.Result{File: file, Outcome: ws.Refused, Err: fmt.Errorf("%w：%s", datapkg.ErrNeedPassphrase, file)}
	han := regexp.MustCompile(`\p{Han}`)
	for _, lg := range []string{"zh", "en"} {
		langtest.Use(t, lg)
		line := lineOf(r)
		switch lg {
		case "zh":
			if !strings.HasPrefix(line, "先不导入：") || !strings.Contains(line, file) || strings.Contains(line, "未导入") {
				t.Errorf("zh: the line is %q", line)
			}
		case "en":
			if !strings.HasPrefix(line, "Left for now") || !strings.Contains(line, file) || strings.Contains(line, "Refused") ||
				han.MatchString(strings.ReplaceAll(line, file, "")) {
				t.Errorf("en: the line is %q", line)
			}
		}
		tab := &importsTab{}
		if l, ok := tab.row(0, r).(*kit.WrapLabel); !ok || l.Importance == widget.DangerImportance {
			t.Errorf("%s: the line is shown as an error", lg)
		}
		tab.results = []ws.Result{r}
		tab.status = kit.NewWrapLabel("")
		tab.summarize()
		if lg == "zh" && (!strings.Contains(tab.status.Text, "未导入 0 个") || !strings.Contains(tab.status.Text, "先不导入 1 个")) {
			t.Errorf("zh: the summary is %q", tab.status.Text)
		}
	}
}
