package model

import (
	"strings"
	"testing"
)

// GB 32100-2015 check characters: codes published by registration
// authorities, and the same codes with one character changed.
func TestCheckCreditCode(t *testing.T) {
	for _, c := range []struct {
		name, code string
		ok         bool
	}{
		{"published_example", "91350100M000100Y43", true},
		{"made_up_code", "91110108MA01XK4W50", false},
		{"one_digit_changed", "91350100M000100Y44", false},
		{"17_chars", "91350100M000100Y4", false},
		{"letter_I_not_allowed", "91350100I000100Y43", false},
		{"lower_case_not_normalised", "91350100m000100y43", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			msg := CheckCreditCode(c.code)
			if (msg == "") != c.ok {
				t.Errorf("CheckCreditCode(%q) = %q, want ok=%v", c.code, msg, c.ok)
			}
		})
	}
	// The check character is what the weights make of the first 17.
	for _, code := range []string{"91350100M000100Y4", "12100000400000624", "52110000500000000"} {
		sum := 0
		for i := 0; i < 17; i++ {
			sum += strings.IndexByte(creditCodeChars, code[i]) * creditCodeWeights[i]
		}
		full := code + string(creditCodeChars[(31-sum%31)%31])
		if msg := CheckCreditCode(full); msg != "" {
			t.Errorf("%s: %s", full, msg)
		}
	}
}

func TestOrganisationSetTextAndValidate(t *testing.T) {
	var o Organisation
	for f, v := range map[Field]string{
		OrgFieldName: " 兰州恒信商贸有限公司 ", OrgFieldCreditCode: "91350100m000100y43", OrgFieldType: "民营企业",
		OrgFieldScale: "规模以上", OrgFieldStaff: "120人", OrgFieldFullMembers: "2", OrgFieldCoverage: "联建", OrgFieldWork: "",
	} {
		if err := o.SetText(f, v); err != nil {
			t.Fatalf("%s %q: %v", f, v, err)
		}
	}
	if o.Name != "兰州恒信商贸有限公司" || o.Type != OrgEnterprise || o.Scale != ScaleAbove || o.Staff != 120 ||
		o.Coverage != CoveredJoint || o.CreditCode != "91350100M000100Y43" {
		t.Errorf("%+v", o)
	}
	if errs := o.Validate(BranchWorkRules2018); len(errs) != 0 {
		t.Errorf("valid line refused: %v", errs)
	}
	if err := o.SetText(OrgFieldType, "政府机关"); err == nil || err.Field != OrgFieldType {
		t.Errorf("机关 accepted as a type: %v", err)
	}
	for _, c := range []struct {
		name  string
		edit  func(o *Organisation)
		field Field
	}{
		{"no_name", func(o *Organisation) { o.Name = "" }, OrgFieldName},
		{"bad_code", func(o *Organisation) { o.CreditCode = "91350100M000100Y44" }, OrgFieldCreditCode},
		{"social_with_scale", func(o *Organisation) { o.Type = OrgSocial }, OrgFieldScale},
		{"uncovered_without_reason", func(o *Organisation) { o.Coverage = NotCovered }, OrgFieldReason},
		{"no_members_but_members", func(o *Organisation) { o.Coverage, o.Reason = NotCovered, ReasonNoMembers }, OrgFieldReason},
		{"work_on_covered", func(o *Organisation) { o.Work = WorkUnion }, OrgFieldWork},
		{"no_coverage", func(o *Organisation) { o.Coverage = "" }, OrgFieldCoverage},
	} {
		t.Run(c.name, func(t *testing.T) {
			x := o
			c.edit(&x)
			errs := x.Validate(BranchWorkRules2018)
			if len(errs) != 1 || errs[0].Field != c.field {
				t.Errorf("got %v, want one message on %s", errs, c.field.Label())
			}
		})
	}
}

func TestComputeCoverage(t *testing.T) {
	orgs := []Organisation{
		{ID: 1, Type: OrgEnterprise, Scale: ScaleAbove, Staff: 300, Coverage: CoveredOwn},
		{ID: 2, Type: OrgEnterprise, Scale: ScaleBelow, Staff: 20, Coverage: CoveredJoint},
		{ID: 3, Type: OrgEnterprise, Scale: ScaleBelow, Staff: 60, Coverage: CoveredJoint},
		{ID: 4, Type: OrgEnterprise, Scale: ScaleAbove, Staff: 80, Coverage: NotCovered, Reason: ReasonTooFew, Work: WorkInstructor, FullMembers: 1},
		{ID: 5, Type: OrgEnterprise, Scale: ScaleBelow, Staff: 8, Coverage: NotCovered, Reason: ReasonNoMembers},
		{ID: 6, Type: OrgSocial, Staff: 12, Coverage: CoveredOwn},
		{ID: 7, Type: OrgSocial, Staff: 5, Coverage: NotCovered, Reason: ReasonEligible, FullMembers: 3, Work: WorkUnion},
	}
	for _, c := range []struct {
		rules                    CoverageRules
		entOrganised, entOwn     string
		entWork, socOrganised    string
		totalInScope, outOfScope int
	}{
		{CoverageAllListed, "60.0%", "20.0%", "50.0%", "50.0%", 7, 0},
		{CoverageAboveScale, "50.0%", "50.0%", "100.0%", "50.0%", 4, 3},
		{CoverageStaff50, "66.7%", "33.3%", "100.0%", "50.0%", 5, 2},
	} {
		t.Run(c.rules.ID, func(t *testing.T) {
			rep := ComputeCoverage(orgs, nil, c.rules, BranchWorkRules2018)
			ent, soc := rep.Types[0], rep.Types[1]
			if ent.Type != OrgEnterprise || soc.Type != OrgSocial {
				t.Fatalf("types %v %v", ent.Type, soc.Type)
			}
			got := []string{ent.Organised().String(), ent.OwnRate().String(), ent.WorkRate().String(), soc.Organised().String()}
			want := []string{c.entOrganised, c.entOwn, c.entWork, c.socOrganised}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("figure %d = %s, want %s (%+v)", i, got[i], want[i], rep)
				}
			}
			if rep.Total.InScope != c.totalInScope || rep.OutOfScope != c.outOfScope {
				t.Errorf("in scope %d, out %d", rep.Total.InScope, rep.OutOfScope)
			}
		})
	}
	if (Ratio{0, 0}).String() != "—" || (Ratio{2, 3}).String() != "66.7%" || (Ratio{1, 8}).String() != "12.5%" {
		t.Error("Ratio formatting")
	}
}

// RULES.md §1: ≥3 full members → own branch; a joint branch covers ≤5 units.
func TestCheckOrganisations(t *testing.T) {
	orgs := []Organisation{
		{ID: 1, Name: "甲公司", Coverage: CoveredJoint, FullMembers: 3},
		{ID: 2, Name: "乙公司", Coverage: CoveredJoint, FullMembers: 2},
		{ID: 3, Name: "丙协会", Coverage: NotCovered, Reason: ReasonTooFew, FullMembers: 4},
		{ID: 4, Name: "丁公司", Coverage: NotCovered, Reason: ReasonNoMembers},
		{ID: 5, Name: "戊公司", Coverage: CoveredOwn, FullMembers: 9},
	}
	fs := CheckOrganisations(orgs, map[int64]OrgCover{1: {Coverage: CoveredJoint, Units: 2}, 2: {Coverage: CoveredJoint, Units: 6}}, BranchWorkRules2018)
	var got []string
	for _, f := range fs {
		got = append(got, f.Severity.String()+" "+f.Message[:strings.Index(f.Message, " ")])
	}
	want := []string{"提醒 甲公司", "提醒 乙公司", "严重 丙协会"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("findings %q, want %q", got, want)
	}
	if !strings.Contains(fs[0].Message, "已有正式党员3名") || !strings.Contains(fs[1].Message, "覆盖6个单位") {
		t.Errorf("messages: %v", fs)
	}
}

// Coverage is computed, not typed (review s5-11 newuser #3): an
// organisation a branch covers counts by that branch — 单独组建 when the
// branch covers only it, 联合组建 when it covers several — whatever the
// list types; one no branch covers counts as typed, and among Typed if
// typed as covered. A typed value the links contradict is a finding.
func TestCoverageFollowsTheLinkedBranches(t *testing.T) {
	orgs := []Organisation{
		{ID: 1, Name: "陇原", Type: OrgEnterprise, Coverage: CoveredOwn},
		{ID: 2, Name: "佳禾", Type: OrgEnterprise, Coverage: CoveredOwn},
		{ID: 3, Name: "万家福", Type: OrgEnterprise, Coverage: CoveredJoint},
		{ID: 4, Name: "金百合", Type: OrgEnterprise, Coverage: NotCovered, Reason: ReasonEligible, FullMembers: 3},
		{ID: 5, Name: "小白杨", Type: OrgEnterprise, Coverage: NotCovered, Reason: ReasonTooFew},
		{ID: 6, Name: "青年志愿者协会", Type: OrgSocial, Coverage: CoveredOwn},
	}
	jia := BranchCover("佳禾支部", 2, false)
	links := map[int64]OrgCover{
		1: BranchCover("陇原支部", 1, false),
		2: jia, 3: jia, // 佳禾 + 万家福: a joint branch
		4: BranchCover("金百合支部", 1, false),
	}
	rep := ComputeCoverage(orgs, links, CoverageAllListed, BranchWorkRules2018)
	ent := rep.Types[0]
	if ent.Own != 2 || ent.Joint != 2 || ent.None != 1 || ent.Eligible != 0 || ent.Typed != 0 || ent.Organised().String() != "80.0%" {
		t.Errorf("enterprises %+v", ent)
	}
	if soc := rep.Types[1]; soc.Own != 1 || soc.Typed != 1 || rep.Total.Typed != 1 {
		t.Errorf("social organisations %+v, total %+v", soc, rep.Total)
	}
	var got []string
	for _, f := range CheckTypedAgainstLinks(orgs, links) {
		got = append(got, f.Message)
	}
	want := []string{
		"佳禾 在单位名录中写着“单独组建”，而覆盖它的“佳禾支部”是联合党支部（覆盖2个单位）：覆盖率按联合组建计，请核对名录",
		"金百合 已由“金百合支部”覆盖（已关联），单位名录中却写着“未建”：覆盖率按关联计为单独组建，请把名录改为单独组建",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("findings\n%q\nwant\n%q", got, want)
	}
	// 金百合 is covered now: not flagged as 符合条件未建.
	for _, f := range CheckOrganisations(orgs, links, BranchWorkRules2018) {
		if f.OrgID == 4 {
			t.Errorf("covered organisation flagged: %s", f.Message)
		}
	}
	// A branch of its own wins over a joint one.
	if c := jia.Merge(BranchCover("另一支部", 1, false)); c.Coverage != CoveredOwn || c.Branch != "另一支部" {
		t.Errorf("merge %+v", c)
	}
	if c := BranchCover("联合支部", 1, true); c.Coverage != CoveredJoint {
		t.Errorf("a 联合党支部 of one linked unit: %+v", c)
	}
}

func TestSnapshotStale(t *testing.T) {
	today := NewDate(2026, 11, 30)
	for _, c := range []struct {
		taken Date
		stale bool
	}{
		{NewDate(2026, 8, 30), false},
		{NewDate(2026, 8, 29), true},
		{NewDate(2026, 11, 30), false},
	} {
		if SnapshotStale(c.taken, today) != c.stale {
			t.Errorf("%s stale = %v", c.taken, !c.stale)
		}
	}
}

// Review s5-11 attack #6: a credit code typed with full-width digits and
// letters (an input method's) is the same code; a character that is not
// allowed is quoted as typed.
func TestCreditCodeFullWidth(t *testing.T) {
	var o Organisation
	if err := o.SetText(OrgFieldCreditCode, "９１３５０１００ｍ０００１００ｙ４３\u3000"); err != nil {
		t.Fatal(err)
	}
	if o.CreditCode != "91350100M000100Y43" {
		t.Errorf("full-width code read as %q", o.CreditCode)
	}
	if msg := CheckCreditCode("９1350100M000100Y43"); msg != "统一社会信用代码第1位“９”不是允许的字符" {
		t.Errorf("a character not allowed: %s", msg)
	}
}

// A negative or absurd staff or member count is refused naming its field,
// however the organisation is saved (review s5-11 attack #5).
func TestOrganisationCountsInRange(t *testing.T) {
	for _, c := range []struct {
		set   func(*Organisation)
		field Field
	}{
		{func(o *Organisation) { o.Staff = -5 }, OrgFieldStaff},
		{func(o *Organisation) { o.FullMembers = -1 }, OrgFieldFullMembers},
		{func(o *Organisation) { o.Staff = MaxOrgStaff + 1 }, OrgFieldStaff},
	} {
		o := Organisation{Name: "甲公司", Type: OrgEnterprise, Coverage: CoveredOwn}
		c.set(&o)
		errs := o.Validate(BranchWorkRules2018)
		if len(errs) != 1 || errs[0].Field != c.field || !strings.Contains(errs[0].Error(), "不合理") {
			t.Errorf("%+v: %v", o, errs)
		}
	}
}

// More full members than staff, and a name with a character that does not
// show or reverses the text, are refused naming the field (review s6-11
// attack #3, #4).
func TestOrganisationImplausibleValues(t *testing.T) {
	for _, c := range []struct {
		set   func(*Organisation)
		field Field
	}{
		{func(o *Organisation) { o.Staff, o.FullMembers = 50, 60 }, OrgFieldFullMembers},
		{func(o *Organisation) { o.Staff, o.FullMembers = 50, 1_000_000_000_000 }, OrgFieldFullMembers},
		{func(o *Organisation) { o.Staff = 99_999_999_999 }, OrgFieldStaff},
		{func(o *Organisation) { o.Name = "丙\u200b公司" }, OrgFieldName},
		{func(o *Organisation) { o.Name = "\u202e司公乙" }, OrgFieldName},
		{func(o *Organisation) { o.Name = "甲公司\u0085乙" }, OrgFieldName},
		{func(o *Organisation) { o.Name = "戊\u2028公司" }, OrgFieldName},
		{func(o *Organisation) { o.Name = "丁公司\t" }, OrgFieldName},
	} {
		o := Organisation{Name: "甲公司", Type: OrgEnterprise, Coverage: CoveredOwn}
		c.set(&o)
		errs := o.Validate(BranchWorkRules2018)
		if len(errs) != 1 || errs[0].Field != c.field {
			t.Errorf("%q %d/%d: %v", o.Name, o.FullMembers, o.Staff, errs)
		}
	}
	ok := Organisation{Name: "甲公司", Type: OrgEnterprise, Coverage: CoveredOwn, FullMembers: 3}
	if errs := ok.Validate(BranchWorkRules2018); len(errs) != 0 {
		t.Errorf("staff not known, 3 members: %v", errs)
	}
}
