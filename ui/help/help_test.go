package help

import (
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/ui/internal/langtest"
	"branchledger/ui/internal/uistrings"
	"branchledger/ui/kit"
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

// 组织关系 has its page (review s3-13 new user #20): what each action does,
// the time limits of RULES §5 with the numbers filled in, what the findings
// mean and where the printed forms are; the 党员 page no longer sends a
// transfer to 登记变动.
func TestTransfersPageSaysWhatToDoAndTheLimits(t *testing.T) {
	test.NewTempApp(t)
	v := NewView(About{})
	v.Show("组织关系")
	text := v.Markdown
	if !strings.HasPrefix(text, "## 组织关系") {
		t.Fatalf("帮助 has no 组织关系 page; it opened:\n%s", text)
	}
	for _, want := range []string{"开具介绍信", "登记回执", "作废", "登记转入", "流动党员", "流入党员",
		"最长90天", "1个月内寄回回执", "外出6个月以上", "每12个月至少", "推迟6个月",
		"检查发现", "介绍信已过期", "打印介绍信…", "套打…", "打印回执…", "导出登记簿…", "介绍信设置…"} {
		if !strings.Contains(text, want) {
			t.Errorf("the 组织关系 page does not say %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "{{") || strings.Contains(text, "<no value>") {
		t.Errorf("the 组织关系 page has an unfilled number:\n%s", text)
	}
	v.Show("党员")
	if strings.Contains(v.Markdown, "转出、死亡") || !strings.Contains(v.Markdown, "开具介绍信") {
		t.Errorf("the 党员 page still sends transfers to 登记变动:\n%s", v.Markdown)
	}
}

// A Chinese page flows on after a bold word: wrapped by words, the text
// after **提醒** (no spaces in it) went whole to the next line, leaving
// "严重是检查时会被指出的问题，提醒" alone on its line (review s3-10 newuser
// #10). Its lines are broken by kit.BreakLines' rules: none starts with
// ，、）(review s9-8 #1).
func TestChinesePagesFlowOnAfterABoldWord(t *testing.T) {
	test.NewTempApp(t)
	v := NewView(About{})
	v.Show("首页")
	w := test.NewTempWindow(t, v.Text)
	w.Resize(fyne.NewSize(600, 800))
	var line string
	for _, l := range strings.Split(v.Text.Shown(), "\n") {
		if strings.HasPrefix(l, "严重是") {
			line = l
		}
		if r := []rune(l); len(r) > 0 && strings.ContainsRune("，。、；：）", r[0]) {
			t.Errorf("a line starts with %q: %q", r[0], l)
		}
	}
	if !strings.Contains(line, "提醒是") {
		t.Errorf("the line after 严重 is %q, the text does not go on after 提醒", line)
	}
}

// 帮助 has a page on the instructor's side naming both ways in: where a
// secretary loads the instructor's key and exports a package, and where an
// instructor opens the workspace (review s4-11 newuser #9).
func TestInstructorPageSaysBothWaysIn(t *testing.T) {
	test.NewTempApp(t)
	v := NewView(About{})
	v.Show("指导员与数据包")
	for _, want := range []string{"设置 → 指导员", "载入公钥文件…", "导出数据包…", "打开指导员工作台…", "--workspace", "导出公钥…", "另存私钥（加密）…", "新建数据文件…"} {
		if !strings.Contains(v.Markdown, want) {
			t.Errorf("the page does not say %q", want)
		}
	}
}

// No Chinese line of help has a space between two Chinese characters or
// marks (review s6-8 newuser #9: "用 为所选党员设置", "显示为 待补录": Fyne's
// Markdown puts a space before a bold word, for English). Every page, in
// both languages: an English page quoting Chinese terms side by side must
// not gain one either.
func TestHelpHasNoSpaceBetweenChineseCharacters(t *testing.T) {
	test.NewTempApp(t)
	for _, l := range []string{"zh", "en"} {
		langtest.Use(t, l)
		v := NewView(About{Version: "0.1.0"})
		for _, title := range append(slices.Clone(v.titles), AboutTopic) {
			v.Show(title)
			var line []rune
			check := func() {
				rs := line
				for i := 1; i+1 < len(rs); i++ {
					if rs[i] == ' ' && kit.CJK(rs[i-1]) && kit.CJK(rs[i+1]) {
						t.Errorf("%s %s: a space in %q", l, title, string(rs[max(0, i-12):min(len(rs), i+12)]))
					}
				}
				line = line[:0]
			}
			var visit func(segs []widget.RichTextSegment)
			visit = func(segs []widget.RichTextSegment) {
				for _, s := range segs {
					switch s := s.(type) {
					case *widget.TextSegment:
						line = append(line, []rune(s.Text)...)
						if !s.Inline() {
							check()
						}
					case *widget.ListSegment:
						check()
						visit(s.Items)
					case *widget.ParagraphSegment:
						check()
						visit(s.Texts)
					}
				}
				check()
			}
			visit(v.Text.Segments)
		}
	}
}

// No help page wraps into a column of single characters at any width: Fyne
// 2.7.1's character wrapping, given a segment that starts where not one
// character fits on the line, puts every further character of it on a line
// of its own (帮助 → 组织关系 at 1024×700 was a column of 20 characters;
// review s7-8 newuser #10). Narrowing the page by 8 px adds at most a few
// lines; such a column adds a line per character.
func TestHelpNeverWrapsIntoAColumnOfCharacters(t *testing.T) {
	test.NewTempApp(t)
	for _, l := range []string{"zh", "en"} {
		langtest.Use(t, l)
		v := NewView(About{Version: "0.1.0"})
		for _, title := range v.titles {
			v.Show(title)
			lineHeight := fyne.MeasureText("国", theme.TextSize(), fyne.TextStyle{}).Height
			prev := float32(-1)
			for w := float32(900); w >= 420; w -= 8 {
				v.Text.Resize(fyne.NewSize(w, 100))
				h := v.Text.MinSize().Height
				if prev >= 0 && h > prev+4*lineHeight {
					t.Errorf("%s %s: %.0f px wide is %.0f lines taller than %.0f px wide", l, title, w, (h-prev)/lineHeight, w+8)
				}
				prev = h
			}
		}
	}
}

// Every topic's title is read whole in the list at 1024×700, in both
// languages (review s7-8 attack #17: English "Instructor and data pa").
func TestTopicTitlesReadWhole(t *testing.T) {
	for _, l := range []string{"zh", "en"} {
		test.NewTempApp(t)
		langtest.Use(t, l)
		v := NewView(About{})
		w := test.NewTempWindow(t, v.Content)
		w.Resize(fyne.NewSize(1024-160, 660)) // the window less the navigation
		for _, title := range v.titles {
			need := fyne.MeasureText(lang.L(title), theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
			if have := v.list.Size().Width; have < need {
				t.Errorf("%s: the list is %.0f wide, %q needs %.0f", l, have, lang.L(title), need)
			}
		}
	}
}
