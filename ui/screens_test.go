package ui

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/activityfile"
	"branchledger/storage/demo"
	"branchledger/storage/duesfile"
	"branchledger/storage/rosterfile"
	"branchledger/ui/help"
	"branchledger/ui/kit"
)

// The two screen sizes the window must work at, less a title bar: a
// 1366×768 laptop and a 1024×700 one.
var (
	smallWindow = fyne.NewSize(1024, 660)
	largeWindow = fyne.NewSize(1366, 728)
)

// demoShell is the window over a real data file holding the demo branch
// (members, a few years of activities and dues), in language l; members 0
// leaves the file empty, as on the first start.
func demoShell(t *testing.T, l Language, members int) *shell {
	t.Helper()
	if err := useLanguage(l); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	now := time.Date(testToday.Year, testToday.Month, testToday.Day, 10, 0, 0, 0, time.Local)
	st, err := storage.Open(filepath.Join(t.TempDir(), "demo.db"), storage.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if members > 0 {
		if err := demo.Fill(st, members, 1, testToday); err != nil {
			t.Fatal(err)
		}
	}
	a := test.NewTempApp(t)
	svc := Services{Roster: st, Branch: st, Files: rosterfile.New(st), Activities: activityfile.New(st),
		Dues: st, DuesFiles: duesfile.New(st), Today: func() model.Date { return testToday }}
	s := newShell(a, svc, st.Path())
	s.background = func(work func()) { work() }
	s.confirm = func(_, _ string, onYes func()) { onYes() }
	s.confirmDiscard = s.confirm
	t.Cleanup(s.win.Close)
	s.recheck()
	return s
}

// view is one thing on screen to look at: a screen, one of its tabs, a
// member's page or a dialog.
type view struct {
	name  string
	open  func()
	close func()
}

// views are every screen, every tab of it, a member's page and every
// dialog the screens open, over the demo branch.
func views(t *testing.T, s *shell) []view {
	var out []view
	closeDialogs := func() {
		for _, o := range s.win.Canvas().Overlays().List() {
			s.win.Canvas().Overlays().Remove(o)
		}
	}
	for i, sc := range s.screens {
		out = append(out, view{name: sc.Title, open: func() { s.nav.Select(i) }})
		s.nav.Select(i)
		walk(s.content, func(o fyne.CanvasObject) {
			if tabs, ok := o.(*container.AppTabs); ok {
				for k, item := range tabs.Items {
					out = append(out, view{name: sc.Title + "/" + item.Text, open: func() { s.nav.Select(i); tabs.SelectIndex(k) }})
				}
			}
		})
	}
	first := func() model.Member {
		for _, m := range s.members {
			if m.OnRoster {
				return m
			}
		}
		t.Fatal("no member on the roster")
		return model.Member{}
	}
	var dues *duesScreen
	duesShown := func() *duesScreen {
		s.show(screenDues)
		if dues == nil {
			dues = duesOf(t, s)
		}
		return dues
	}
	dialog := func(name string, open func()) {
		out = append(out, view{name: name, open: open, close: closeDialogs})
	}
	out = append(out, view{name: "党员/个人页", open: func() { s.openMember(first().ID) }})
	out = append(out, view{name: "帮助/关于", open: func() { s.showHelp(help.AboutTopic) }})
	dialog("新增党员", func() { s.show(screenRoster); s.roster.addMember() })
	dialog("编辑党员信息", func() { showMemberForm(s, first()) })
	dialog("登记变动", func() { showEventDialog(s, first()) })
	dialog("新建活动", func() {
		s.show(screenActivities)
		s.activities.openForm(model.Activity{Kind: model.KindGeneralMeeting, Date: testToday})
	})
	dialog("新建活动/出席情况", func() {
		s.show(screenActivities)
		s.activities.openForm(model.Activity{Kind: model.KindGeneralMeeting, Date: testToday})
		s.activities.form.tabs.SelectIndex(1)
	})
	dialog("活动记录", func() { s.show(screenActivities); s.activities.openView(s.activities.acts[0].ID) })
	dialog("党费交纳", func() { duesShown().collect.table.OnSelected(widget.TableCellID{Row: 0, Col: collectLead}) })
	dialog("冲正", func() {
		s.show(screenDues)
		newReversalDialog(s, "2026-03-01 81.00元 3月", "冲正后，这笔交纳不再计入收缴和结存，所交月份恢复为未交。", func(string) error { return nil }, func() {})
	})
	dialog("为所选党员设置", func() {
		b := duesShown().bases
		for i := range b.rows[:min(3, len(b.rows))] {
			b.rows[i].selected = true
		}
		b.editSelected()
	})
	dialog("导入预览", func() {
		s.show(screenRoster)
		var p model.ImportPreview
		p.Plan.Add = s.members[:min(5, len(s.members))]
		p.Rejected = []model.Rejection{{Row: 7, Field: model.FieldIDNumber, Reason: "公民身份号码：校验位不正确（应为 X）"}}
		showImportPreview(s, p)
	})
	dialog("导入党费基数", func() {
		var p model.BasePreview
		p.Year = testToday.Year
		duesShown().showBasePreview(p)
	})
	dialog("年中调整", func() { duesShown().bases.editChange(0) })
	dialog("减免", func() { duesShown().bases.editReduction(0) })
	dialog("导出完成", func() {
		s.showSaved("已导出 40 名党员，文件保存在：", filepath.Join(t.TempDir(), "党员花名册_某某党支部_2026-11-30.xlsx"))
	})
	return out
}

// walk visits o and everything drawn under it, widgets' parts included.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	f(o)
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			walk(c, f)
		}
	case fyne.Widget:
		if r := test.WidgetRenderer(w); r != nil {
			for _, c := range r.Objects() {
				walk(c, f)
			}
		}
	}
}

// eachLabel calls f with every label drawn under o, plain or wrapping, and
// its whole text: the Label a kit.WrapLabel draws its lines through is not
// one of them.
func eachLabel(o fyne.CanvasObject, f func(l fyne.CanvasObject, text string)) {
	inner := map[fyne.CanvasObject]bool{}
	walk(o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *kit.WrapLabel:
			for _, c := range test.WidgetRenderer(w).Objects() {
				inner[c] = true
			}
			f(w, w.Text)
		case *widget.Label:
			if !inner[w] {
				f(w, w.Text)
			}
		}
	})
}

// shown is everything drawn in the window now: the screen and the dialogs
// over it.
func shown(s *shell, f func(fyne.CanvasObject)) {
	walk(s.win.Canvas().Content(), f)
	for _, o := range s.win.Canvas().Overlays().List() {
		walk(o, f)
	}
}

func TestEveryScreenFitsBothWindowSizesInBothLanguages(t *testing.T) {
	for _, l := range []Language{Chinese, English} {
		t.Run(string(l), func(t *testing.T) {
			s := demoShell(t, l, 40)
			for _, size := range []fyne.Size{smallWindow, largeWindow} {
				s.win.Resize(size)
				for _, v := range views(t, s) {
					v.open()
					if min := s.win.Content().MinSize(); min.Width > size.Width || min.Height > size.Height {
						t.Errorf("%s at %v: the window needs %v", v.name, size, min)
					}
					for _, o := range s.win.Canvas().Overlays().List() {
						if min := o.MinSize(); min.Width > size.Width || min.Height > size.Height {
							t.Errorf("%s at %v: the dialog needs %v", v.name, size, min)
						}
					}
					if v.close != nil {
						v.close()
					}
				}
			}
		})
	}
}

// allowedLatin are the Latin words a Chinese screen may show: names of file
// types and programs, units, and the X that ends some ID numbers.
var allowedLatin = []string{"Excel", "WPS", "MB", "jpg", "png", "pdf", "xlsx", "X", "U", "data", "English"}

// latinWord is a word of Latin letters that is not part of a code such as a
// receipt number (DF20260001), which is data, not the app's words.
var latinWord = regexp.MustCompile(`[A-Za-z]+\b`)

// isPath tells a file path shown (the data file, an export), which is data.
func isPath(s string) bool { return strings.HasPrefix(s, "/") || strings.Contains(s, `:\`) }

// texts are the words a user reads in the window now: every text drawn, and
// the placeholders and options of the inputs, which show when opened.
func texts(s *shell) []string {
	var out []string
	shown(s, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *canvas.Text:
			out = append(out, w.Text)
		case *kit.Select:
			out = append(out, w.PlaceHolder)
			out = append(out, w.Options...)
		case *widget.Select:
			out = append(out, w.PlaceHolder)
			out = append(out, w.Options...)
		case *widget.Entry:
			out = append(out, w.PlaceHolder)
		case *widget.RadioGroup:
			out = append(out, w.Options...)
		}
	})
	return out
}

func TestNoEnglishInTheChineseScreens(t *testing.T) {
	s := demoShell(t, Chinese, 40)
	s.win.Resize(largeWindow)
	for _, v := range views(t, s) {
		if v.name == "帮助/关于" {
			continue // the licences name the software in its own words
		}
		v.open()
		for _, text := range texts(s) {
			if isPath(text) {
				continue
			}
			for _, w := range latinWord.FindAllString(text, -1) {
				if !slices.Contains(allowedLatin, w) {
					t.Errorf("%s shows %q in %q", v.name, w, text)
				}
			}
		}
		if v.close != nil {
			v.close()
		}
	}
}

var han = regexp.MustCompile(`\p{Han}`)

// chineseAllowed are the Chinese texts an English screen may show: the name
// of the Chinese language, the Chinese date a user may type (shown as an
// example of what the date entry reads), and the default 民族 of a new
// member, which is data.
func chineseAllowed(text string) bool {
	return text == "中文" || text == "汉族" || strings.Contains(text, "1985年3月")
}

// On a first start (no data yet, so everything shown is the app's own), the
// English screens show no Chinese.
func TestNoChineseInTheEnglishScreensOfANewFile(t *testing.T) {
	s := demoShell(t, English, 0)
	s.win.Resize(largeWindow)
	for i, sc := range s.screens {
		s.nav.Select(i)
		for _, text := range texts(s) {
			if han.MatchString(text) && !chineseAllowed(text) {
				t.Errorf("%s shows %q", sc.Title, text)
			}
		}
	}
	s.show(screenRoster)
	s.roster.addMember()
	for _, text := range texts(s) {
		if han.MatchString(text) && !chineseAllowed(text) {
			t.Errorf("新增党员 shows %q", text)
		}
	}
}

// fullWidth is the Chinese punctuation an English sentence must not carry
// ("Version：0.1.0", review s8-8 #12).
var fullWidth = regexp.MustCompile(`[：，。；！？（）【】、]`)

// The English screens of a new file, 关于 included, write their punctuation
// the English way: no full-width colon or comma left from a Chinese format.
func TestNoChinesePunctuationInTheEnglishScreensOfANewFile(t *testing.T) {
	s := demoShell(t, English, 0)
	s.win.Resize(largeWindow)
	look := func(name string) {
		for _, text := range texts(s) {
			if !isPath(text) && fullWidth.MatchString(text) && !chineseAllowed(text) {
				t.Errorf("%s shows %q", name, text)
			}
		}
	}
	for i, sc := range s.screens {
		s.nav.Select(i)
		look(sc.Title)
	}
	s.showHelp(help.AboutTopic)
	look("关于")
}

// A form dialog scrolls only when the window has no more room: one opened
// smaller than its fields showed them cramped in a scroll box with room to
// spare (review s8-8 #8: 登记变动 at 1024×700), at both sizes and in both
// languages.
func TestFormDialogsScrollOnlyWhenTheWindowIsFull(t *testing.T) {
	for _, l := range []Language{Chinese, English} {
		t.Run(string(l), func(t *testing.T) {
			s := demoShell(t, l, 40)
			for _, size := range []fyne.Size{smallWindow, largeWindow} {
				s.win.Resize(size)
				for _, v := range views(t, s) {
					if v.close == nil {
						continue // a screen, not a dialog
					}
					v.open()
					for _, o := range s.win.Canvas().Overlays().List() {
						pop, ok := o.(*widget.PopUp)
						if !ok {
							continue
						}
						walk(o, func(c fyne.CanvasObject) {
							sc, ok := c.(*kit.Scroll)
							if !ok {
								return
							}
							inner := sc.Inner()
							hidden := inner.Content.MinSize().Height - inner.Size().Height
							if room := size.Height - 24 - pop.Content.Size().Height; hidden > 1 && room > 12 {
								t.Errorf("%s at %v: the form hides %.0f px in a scroll box and leaves %.0f px of the window", v.name, size, hidden, room)
							}
						})
					}
					v.close()
				}
			}
		})
	}
}
