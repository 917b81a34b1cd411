package ui

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"branchledger/model"
	"branchledger/storage/demo"
	"branchledger/ui/kit"
)

func TestHomeAsksForTheProfileFirst(t *testing.T) {
	s := newTestShell(t, newFakeStore(testToday))
	if !s.home.setup.Visible() {
		t.Fatal("no call to fill in the branch profile while it is empty")
	}
	test.Tap(s.home.setup)
	if s.content.Objects[0] != s.views[2] {
		t.Error("the call to action does not open 设置")
	}
}

// Before the profile is saved, home asks for it; once members are on the
// roster it no longer says to add or import them, as if they were not
// there (review nu8 N7).
func TestHomeAsksForTheProfileWithoutDenyingTheMembers(t *testing.T) {
	for _, tt := range []struct {
		name    string
		members []model.Member
		want    string
	}{
		{"empty roster", nil, "先填写单位和支部的基本信息，再录入或导入党员。"},
		{"members imported", demo.Members(5, 1, testToday, testBranch), "请先填写单位和支部的基本信息。"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestShell(t, newFakeStore(testToday, tt.members...))
			if got := s.home.org.Text; got != tt.want {
				t.Errorf("home says %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHomeShowsCommitteeAndTermFindings(t *testing.T) {
	ms := demo.Members(12, 3, testToday, testBranch)
	bad := member("错号", validID("19800101", "123"))
	bad.IDNumber = bad.IDNumber[:17] + map[bool]string{true: "1", false: "2"}[bad.IDNumber[17] != '1']
	f := newFakeStore(testToday, append(ms, bad)...)
	f.profile = model.Profile{
		OrgName: "兰州新锐科技有限公司", OrgType: model.OrgEnterprise, BranchName: testBranch, BranchType: model.BranchOwn,
		Secretary: "王建国", Committee: []model.CommitteeMember{{Name: "王建国", Role: "书记"}},
		TermStart: model.NewDate(2023, 6, 1), TermEnd: model.NewDate(2026, 6, 1),
	}
	s := newTestShell(t, f)
	h := s.home

	if h.setup.Visible() || h.title.Text != testBranch {
		t.Errorf("home title %q, call to action visible %v", h.title.Text, h.setup.Visible())
	}
	if s.win.Title() != "支部台账 — "+testBranch {
		t.Errorf("window title %q", s.win.Title())
	}
	var committee, term bool
	for i, fd := range h.findings {
		row := h.findingsList.CreateItem()
		h.findingsList.UpdateItem(h.rowOf(i), row)
		markup := test.RenderObjectToMarkup(row)
		if strings.Contains(fd.Message, "支部委员会") {
			committee = fd.Severity == model.Serious && strings.Contains(markup, "严重") && strings.Contains(markup, `color="error"`)
		}
		if strings.Contains(fd.Message, "本届任期") {
			term = fd.Severity == model.Serious
		}
	}
	if !committee || !term {
		t.Errorf("findings %+v: want a serious committee finding shown in red and a serious expired-term finding", h.findings)
	}
	// The member whose record breaks a rule is a finding of 党员信息
	// that opens the member.
	record := -1
	for i, fd := range h.findings {
		if fd.About == model.AboutMembers && strings.HasPrefix(fd.Message, "错号的信息待完善") {
			record = i
		}
	}
	if record < 0 {
		t.Fatalf("findings %+v: want 错号's record", h.findings)
	}
	h.findingsList.Select(h.rowOf(record))
	if s.roster.detail == nil || s.roster.detail.m.Name != "错号" {
		t.Error("tapping a member with problems does not open the member")
	}
	if !s.roster.detail.msgs[model.FieldIDNumber].Visible() {
		t.Error("the member's page does not show the ID number's problem")
	}
}

func TestSavingTheProfileRefreshesHomeAndTitle(t *testing.T) {
	f := newFakeStore(testToday)
	s := newTestShell(t, f)
	s.show(screenSettings)
	p := s.settings.profile
	if !p.save.Disabled() {
		t.Error("save enabled on an empty profile")
	}
	fill(p.orgName, "兰州新锐科技有限公司")
	fill(p.branchName, testBranch)
	fill(p.termStart, "2024-01-01")
	fill(p.termEnd, "2023-01-01")
	if p.fields[model.ProfileTermEnd].Message() == "" || !p.save.Disabled() {
		t.Errorf("a term ending before it starts: message %q, save disabled %v", p.fields[model.ProfileTermEnd].Message(), p.save.Disabled())
	}
	p.termEnd.SetText("2027-01-01")
	test.Tap(p.save)
	if f.profile.BranchName != testBranch || f.profile.TermEnd != model.NewDate(2027, 1, 1) {
		t.Errorf("stored profile %+v", f.profile)
	}
	if s.home.title.Text != testBranch || s.win.Title() != "支部台账 — "+testBranch {
		t.Errorf("after saving: home title %q, window title %q", s.home.title.Text, s.win.Title())
	}
}

func TestLanguageChoiceIsStored(t *testing.T) {
	s := newTestShell(t, newFakeStore(testToday))
	s.show(screenSettings)
	if s.settings.language.Selected != "中文" {
		t.Errorf("default language %q, want 中文", s.settings.language.Selected)
	}
	s.settings.language.SetSelected("English")
	if got := NewPrefs(s.app.Preferences()).Language(); got != English {
		t.Errorf("stored language %q, want en", got)
	}
}

// A probation that ended without a decision is listed on the home screen and
// leads to the member.
func TestHomeShowsOverdueProbation(t *testing.T) {
	m := member("付斌东", validID("19900101", "123"))
	m.Category, m.FullDate, m.JoinDate = model.CategoryProbationary, model.Date{}, model.NewDate(2024, 10, 1)
	s := newTestShell(t, newFakeStore(testToday, m))
	for _, fd := range s.home.findings {
		if strings.Contains(fd.Message, "付斌东的预备期已于2025年10月1日届满") && fd.Severity == model.Serious && fd.MemberID != 0 {
			return
		}
	}
	t.Errorf("findings %+v: want a serious finding on 付斌东's probation, naming the member", s.home.findings)
}

// Home lists the findings under their areas, each heading with its count,
// and an area without findings says so.
func TestHomeGroupsFindingsByAreaWithCounts(t *testing.T) {
	s := newTestShell(t, newFakeStore(testToday, member("甲", validID("19800101", "123"))))
	h := s.home
	var areas []string
	counts := map[model.FindingTopic]int{}
	for _, f := range h.findings {
		counts[f.About]++
	}
	for i, r := range h.rows {
		if r.finding != nil {
			continue
		}
		areas = append(areas, r.topic.String())
		row := h.findingsList.CreateItem()
		h.findingsList.UpdateItem(i, row)
		markup := test.RenderObjectToMarkup(row)
		want := "未发现问题"
		if n := counts[r.topic]; n > 0 {
			want = strconv.Itoa(n) + " 条"
		}
		if r.count != counts[r.topic] || !strings.Contains(markup, want) {
			t.Errorf("heading of %s: count %d, shows %s; want %q", r.topic, r.count, markup, want)
		}
	}
	if want := []string{"组织设置", "组织生活", "党费", "党员信息"}; !slices.Equal(areas[:min(4, len(areas))], want) {
		t.Errorf("areas %v, want %v first", areas, want)
	}
	if !h.emptyRoster.Hidden {
		t.Error("home tells a branch with members how to add members")
	}
}

func TestHomeOnAnEmptyRosterSaysHowToAddMembers(t *testing.T) {
	s := newTestShell(t, newFakeStore(testToday))
	if s.home.emptyRoster.Hidden {
		t.Fatal("an empty roster does not say how to add or import members")
	}
	test.Tap(buttonShown(s, "新增党员"))
	if s.roster == nil || s.roster.form == nil {
		t.Error("新增党员 on home did not open the member form")
	}
}

// The findings' messages start in one column whatever their severity: in
// English "Reminder" is wider than "Serious", and the list read ragged
// (review s3-8 newuser #10).
func TestFindingMessagesLineUp(t *testing.T) {
	test.NewTempApp(t)
	if err := useLanguage(English); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	h := &homeScreen{}
	var xs []float32
	for _, sv := range []model.Severity{model.Info, model.Warning, model.Serious} {
		f := model.Finding{Severity: sv}.Says("党员 %s", "甲")
		h.rows = []homeRow{{finding: &f}}
		o := newHomeRow()
		h.updateRow(0, o)
		o.Resize(fyne.NewSize(900, 60))
		line := o.(*fyne.Container).Objects[1].(*fyne.Container)
		line.Resize(fyne.NewSize(900, 60))
		msg := line.Objects[0].(*kit.WrapLabel)
		xs = append(xs, msg.Position().X)
	}
	if xs[0] != xs[1] || xs[1] != xs[2] {
		t.Errorf("messages start at x = %v for Note, Reminder, Serious; want one column", xs)
	}
}

// The home tiles count in English as English does — "26" over "full
// members", "1" over "mobile member" — and in Chinese keep their label
// (review s3-8 attack #12, newuser #10: "26 Full member", "1 Mobile members").
func TestHomeTilesCountInEnglish(t *testing.T) {
	t.Cleanup(func() { _ = useLanguage(Chinese) })
	for _, c := range []struct {
		language     Language
		one, several string
	}{
		{English, "full member", "full members"},
		{Chinese, "正式党员", "正式党员"},
	} {
		if err := useLanguage(c.language); err != nil {
			t.Fatal(err)
		}
		s, _, _ := firstDayShell(t)
		h := s.home
		if h.counts[1].Title == "" || h.counts[1].Title == "0" {
			t.Fatalf("%s: no full members on the tile", c.language)
		}
		if got := h.counts[1].Subtitle; got != c.several {
			t.Errorf("%s: %s over %q, want %q", c.language, h.counts[1].Title, got, c.several)
		}
		if got := lang.N(countLabels[1], 1, map[string]any{"N": 1}); got != c.one {
			t.Errorf("%s: 1 over %q, want %q", c.language, got, c.one)
		}
	}
}

// On day one a profile with its 书记 and no 支部委员会 rows yet is a set-up
// 提示 saying where to fill them in, not a 严重 "目前委员0人"; the same in
// English (review s6-8 newuser #1).
func TestHomeCommitteeNotEnteredIsASetupHint(t *testing.T) {
	for _, tc := range []struct {
		name   string
		lang   Language
		want   []string
		banned []string
	}{
		{"zh", Chinese, []string{"提示", "尚未填写支部委员会成员", "设置 → 支部委员会"}, []string{"严重", "目前委员0人"}},
		{"en", English, []string{"not filled in yet", "Settings → Branch committee"}, []string{"Serious", "it has 0"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := useLanguage(tc.lang); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = useLanguage(Chinese) })
			f := newFakeStore(testToday, demo.Members(14, 0, testToday, testBranch)...)
			f.profile = model.Profile{
				OrgName: "滨江三中", OrgType: model.OrgEnterprise, BranchName: testBranch, BranchType: model.BranchOwn,
				Secretary: "王建国", TermStart: model.NewDate(2024, 3, 12), TermEnd: model.NewDate(2027, 3, 11),
			}
			h := newTestShell(t, f).home
			found := false
			for i, fd := range h.findings {
				if fd.About != model.AboutSetup || !strings.Contains(fd.Message, "支部委员会") {
					continue
				}
				found = true
				row := h.findingsList.CreateItem()
				h.findingsList.UpdateItem(h.rowOf(i), row)
				row.Resize(fyne.NewSize(3000, 60))
				markup := test.RenderObjectToMarkup(row)
				if fd.Severity != model.Info {
					t.Errorf("committee finding %q is %v, want 提示", fd.Message, fd.Severity)
				}
				for _, w := range tc.want {
					if !strings.Contains(markup, w) {
						t.Errorf("home row lacks %q:\n%s", w, markup)
					}
				}
				for _, b := range tc.banned {
					if strings.Contains(markup, b) {
						t.Errorf("home row says %q:\n%s", b, markup)
					}
				}
			}
			if !found {
				t.Fatalf("findings %+v: want the committee set-up hint", h.findings)
			}
		})
	}
}
