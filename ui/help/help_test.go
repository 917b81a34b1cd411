package help

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"branchledger/ui/internal/uistrings"
)

func TestEveryHelpStringIsTranslated(t *testing.T) {
	extra := []string{AboutTopic}
	for _, tp := range topics {
		extra = append(extra, tp.title, tp.text)
	}
	uistrings.CheckTranslated(t, uistrings.Literals(t, uistrings.Spec{Calls: []string{"L"}, Extra: extra}))
}

func TestAboutSaysVersionDataFileAndSQLite(t *testing.T) {
	test.NewTempApp(t)
	was := modules
	t.Cleanup(func() { modules = was })
	modules = func() []Module {
		return []Module{{Path: "fyne.io/fyne/v2", Version: "v2.7.1", Licence: licenceOf("fyne.io/fyne/v2")}}
	}
	v := NewView(About{Version: "0.1.0", DataFile: "/data/支部.db", SQLite: func() (string, error) { return "3.50.4", nil }})
	v.Show(AboutTopic)
	text := v.Markdown
	for _, want := range []string{"0.1.0", "/data/支部.db", "3.50.4", "fyne.io/fyne/v2", "BSD-3-Clause", "Droid Sans Fallback"} {
		if !strings.Contains(text, want) {
			t.Errorf("关于 does not show %q:\n%s", want, text)
		}
	}
	if !strings.Contains(text, "显示方式：正常") {
		t.Errorf("关于 does not say the window draws normally:\n%s", text)
	}
	soft := NewView(About{Version: "0.1.0", Software: true})
	soft.Show(AboutTopic)
	if !strings.Contains(soft.Markdown, "显示方式：兼容模式") || !strings.Contains(soft.Markdown, "更新显卡驱动") {
		t.Errorf("关于 in 兼容模式 does not say what it is and how to leave it:\n%s", soft.Markdown)
	}
	v.Show("党费")
	if !strings.Contains(v.Markdown, "冲正") {
		t.Errorf("the 党费 page reads %q", v.Markdown)
	}
}

// Every module go.mod requires has its licence in the table, so that 关于
// never lists one as unknown; a new module needs its line.
func TestEveryModuleHasALicence(t *testing.T) {
	data, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	inRequire := false
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "require ("):
			inRequire = true
			continue
		case line == ")":
			inRequire = false
			continue
		case !inRequire:
			continue
		}
		path := strings.Fields(line)[0]
		n++
		known := false
		for _, l := range licences {
			known = known || strings.HasPrefix(path, l.prefix)
		}
		if !known {
			t.Errorf("no licence known for %s", path)
		}
	}
	if n < 20 {
		t.Errorf("read %d modules from go.mod", n)
	}
}

// A Chinese page flows on after a bold word: wrapped by words, the text
// after **提醒** (no spaces in it) went whole to the next line, leaving
// "严重是检查时会被指出的问题，提醒" alone on its line (review s3-10 newuser
// #10). English keeps its words whole.
func TestChinesePagesWrapBetweenCharacters(t *testing.T) {
	test.NewTempApp(t)
	v := NewView(About{})
	v.Show("首页")
	if v.Text.Wrapping != fyne.TextWrapBreak {
		t.Errorf("the Chinese 首页 wraps with %v, want TextWrapBreak", v.Text.Wrapping)
	}
}
