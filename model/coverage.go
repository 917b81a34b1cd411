package model

import (
	"fmt"
	"slices"
)

// Coverage of the "两新" organisations by party organisations (党组织覆盖率)
// is what an instructor reports upward. Which organisations count ("in
// scope", the denominator) is defined by each county or district (统计口径),
// so the definitions are rule data: one table per definition, chosen in the
// workspace, printed with the figures.

// ScopeRule says which organisations of one type are in scope.
type ScopeRule struct {
	Included       bool // the type is counted at all
	AboveScaleOnly bool // only 规上 (enterprises)
	MinStaff       int  // only those with at least this many staff; 0: any
}

// CoverageRules is one definition of the coverage figures.
type CoverageRules struct {
	ID        string // stored in the workspace: never changes once published
	Name      string // 统计口径, as printed under the figures
	Document  string // where the definition comes from
	Effective Date
	Local     bool // a local definition (varies by county), not a national one
	// Enterprise and Social say which 非公企业 and 社会组织 are in scope.
	Enterprise, Social ScopeRule
}

// CoverageAllListed counts every organisation on the list: the plain
// reading of 党组织覆盖率 = organisations with a party organisation ÷
// organisations (RULES.md §6; the 2012 and 2015 opinions on party building
// in non-public enterprises and in social organisations ask for both to be
// covered).
var CoverageAllListed = CoverageRules{
	ID:         "all-2012",
	Name:       "名录内全部非公企业和社会组织",
	Document:   "《关于加强和改进非公有制企业党的建设工作的意见（试行）》（2012）、《关于加强社会组织党的建设工作的意见（试行）》（2015）",
	Effective:  NewDate(2015, 9, 28),
	Enterprise: ScopeRule{Included: true},
	Social:     ScopeRule{Included: true},
}

// CoverageAboveScale counts only 规上 enterprises and every social
// organisation: the definition of counties that report the coverage of
// 规模以上非公企业 apart (local).
var CoverageAboveScale = CoverageRules{
	ID:         "above-scale-local",
	Name:       "规模以上非公企业和全部社会组织（地方口径）",
	Document:   "县（区）委组织部统计口径（地方规定）",
	Effective:  NewDate(2015, 9, 28),
	Local:      true,
	Enterprise: ScopeRule{Included: true, AboveScaleOnly: true},
	Social:     ScopeRule{Included: true},
}

// CoverageStaff50 counts enterprises with at least 50 staff and every
// social organisation (local).
var CoverageStaff50 = CoverageRules{
	ID:         "staff50-local",
	Name:       "从业人员50人以上的非公企业和全部社会组织（地方口径）",
	Document:   "县（区）委组织部统计口径（地方规定）",
	Effective:  NewDate(2015, 9, 28),
	Local:      true,
	Enterprise: ScopeRule{Included: true, MinStaff: 50},
	Social:     ScopeRule{Included: true},
}

// CoverageDefinitions are the definitions a workspace can choose from, the
// default first.
var CoverageDefinitions = []CoverageRules{CoverageAllListed, CoverageAboveScale, CoverageStaff50}

// CoverageByID returns the definition with id, or the default when there is
// none (an empty or unknown id).
func CoverageByID(id string) CoverageRules {
	if i := slices.IndexFunc(CoverageDefinitions, func(r CoverageRules) bool { return r.ID == id }); i >= 0 {
		return CoverageDefinitions[i]
	}
	return CoverageDefinitions[0]
}

// InScope reports whether o counts under r.
func (r CoverageRules) InScope(o *Organisation) bool {
	var s ScopeRule
	switch o.Type {
	case OrgEnterprise:
		s = r.Enterprise
	case OrgSocial:
		s = r.Social
	default:
		return false
	}
	switch {
	case !s.Included:
		return false
	case s.AboveScaleOnly && o.Type == OrgEnterprise && o.Scale != ScaleAbove:
		return false
	case s.MinStaff > 0 && o.Staff < s.MinStaff:
		return false
	}
	return true
}

// Ratio is a share as counted: Num of Den. It prints as a percentage with
// one decimal, or "—" when there is nothing to count.
type Ratio struct{ Num, Den int }

// String is "85.7%", rounded half up, or "—" for 0 of 0.
func (r Ratio) String() string {
	if r.Den == 0 {
		return "—"
	}
	tenths := (r.Num*2000/r.Den + 1) / 2 // per mille, rounded half up
	return fmt.Sprintf("%d.%d%%", tenths/10, tenths%10)
}

// TypeCoverage is the coverage of one type of organisation.
type TypeCoverage struct {
	Type    OrgType
	InScope int
	Own     int // 单独组建
	Joint   int // 联合组建
	None    int // 未建
	Work    int // 未建 with party work carried in (工作覆盖)
	// Eligible are 未建 organisations that qualify for a branch of their
	// own (符合条件未建, or ≥3 full members): the first to act on.
	Eligible int
	// Typed are the organisations counted in Own or Joint on the list's
	// word alone: no branch of the workspace is linked to them.
	Typed int
}

// Organised is 党组织覆盖率: organisations with a party organisation (单独
// or 联合组建) of those in scope.
func (c TypeCoverage) Organised() Ratio { return Ratio{c.Own + c.Joint, c.InScope} }

// OwnRate is 单独组建率: organisations with a party organisation of their own.
func (c TypeCoverage) OwnRate() Ratio { return Ratio{c.Own, c.InScope} }

// WorkRate is 工作覆盖率 for the rest: of the organisations in scope
// without a party organisation, those party work reaches.
func (c TypeCoverage) WorkRate() Ratio { return Ratio{c.Work, c.None} }

// CoverageReport is the coverage of an organisation list under one
// definition.
type CoverageReport struct {
	Rules CoverageRules
	// Types are 非公企业 then 社会组织; Total adds them up.
	Types []TypeCoverage
	Total TypeCoverage
	// OutOfScope is how many listed organisations the definition leaves out.
	OutOfScope int
}

// Listed is how many organisations the list holds, in scope or not: none
// until the instructor enters or imports the list.
func (r CoverageReport) Listed() int { return r.Total.InScope + r.OutOfScope }

// OrgCover is how the branches of the workspace cover one organisation of
// the list: the "coverage is computed, not typed".
type OrgCover struct {
	// Branch is the covering branch as the instructor knows it (a branch
	// of its own before a joint one).
	Branch string
	// Coverage is CoveredOwn when a branch covers only this organisation,
	// CoveredJoint when its branch covers several (or is a 联合党支部).
	Coverage PartyCoverage
	// Units is how many organisations the joint branch covers (the most
	// of its joint branches); 1 for a branch of its own.
	Units int
}

// BranchCover works out the coverage of the organisations one branch
// covers: units is how many it is linked to, joint whether it is a 联合党支部.
func BranchCover(branch string, units int, joint bool) OrgCover {
	if units > 1 || joint {
		return OrgCover{Branch: branch, Coverage: CoveredJoint, Units: units}
	}
	return OrgCover{Branch: branch, Coverage: CoveredOwn, Units: 1}
}

// Merge is the coverage of an organisation two branches cover: a branch
// of its own wins over a joint one; of two joint ones, the larger.
func (c OrgCover) Merge(d OrgCover) OrgCover {
	switch {
	case c.Coverage == "":
		return d
	case c.Coverage == CoveredOwn:
		return c
	case d.Coverage == CoveredOwn:
		return d
	}
	c.Units = max(c.Units, d.Units)
	return c
}

// CountedCoverage is o's coverage as the figures count it: worked out from
// the branches linked to it when there are any (links, by organisation ID),
// else as the list types it; linked says which.
func CountedCoverage(o *Organisation, links map[int64]OrgCover) (c PartyCoverage, linked bool) {
	if l, ok := links[o.ID]; ok && l.Coverage != "" {
		return l.Coverage, true
	}
	return o.Coverage, false
}

// ComputeCoverage counts the organisations under definition r and the set-up
// rules b (how many full members make a branch of one's own). An
// organisation a branch of the workspace covers (links) counts as 单独组建
// or 联合组建 by that branch, whatever the list types; one no branch covers
// counts as typed (and, if typed as covered, among Typed).
func ComputeCoverage(orgs []Organisation, links map[int64]OrgCover, r CoverageRules, b BranchWorkRules) CoverageReport {
	rep := CoverageReport{Rules: r}
	byType := make(map[OrgType]*TypeCoverage, len(OrgTypes))
	for _, t := range OrgTypes {
		rep.Types = append(rep.Types, TypeCoverage{Type: t})
	}
	for i := range rep.Types {
		byType[rep.Types[i].Type] = &rep.Types[i]
	}
	for i := range orgs {
		o := &orgs[i]
		c := byType[o.Type]
		if c == nil || !r.InScope(o) {
			rep.OutOfScope++
			continue
		}
		c.InScope++
		counted, linked := CountedCoverage(o, links)
		if counted.HasOrganisation() && !linked {
			c.Typed++
		}
		switch counted {
		case CoveredOwn:
			c.Own++
		case CoveredJoint:
			c.Joint++
		default:
			c.None++
			if o.Work != WorkNone {
				c.Work++
			}
			if o.Reason == ReasonEligible || o.FullMembers >= b.MinFullMembersOwnBranch {
				c.Eligible++
			}
		}
	}
	for _, c := range rep.Types {
		rep.Total.InScope += c.InScope
		rep.Total.Own += c.Own
		rep.Total.Joint += c.Joint
		rep.Total.None += c.None
		rep.Total.Work += c.Work
		rep.Total.Eligible += c.Eligible
		rep.Total.Typed += c.Typed
	}
	return rep
}

// OrgFinding is something an inspection would notice about one organisation
// of the list.
type OrgFinding struct {
	OrgID    int64
	Severity Severity
	Message  string // in Chinese, as the report and the store keep it
	Text     Text   // the same sentence, for screens in the UI language
}

// CheckOrganisations finds, by the set-up rules of 《中国共产党支部工作条例
// （试行）》 (RULES.md §1): an organisation in a joint branch that now has
// enough full members of its own to form its own branch; one without a
// party organisation that qualifies for one; a joint branch of more units
// than allowed. links gives, for each organisation a branch of the
// workspace covers, how (CountedCoverage); an organisation no branch
// covers is taken as the list types it.
func CheckOrganisations(orgs []Organisation, links map[int64]OrgCover, r BranchWorkRules) []OrgFinding {
	var out []OrgFinding
	for i := range orgs {
		o := &orgs[i]
		counted, _ := CountedCoverage(o, links)
		switch {
		case counted == CoveredJoint && o.FullMembers >= r.MinFullMembersOwnBranch:
			out = append(out, orgFinding(o.ID, Warning, Textf(
				"%s 已有正式党员%d名（%d名以上），应单独成立党支部，不再参加联合党支部（%s）",
				o.Name, o.FullMembers, r.MinFullMembersOwnBranch, Term(r.Document))))
		case counted == NotCovered && (o.Reason == ReasonEligible || o.FullMembers >= r.MinFullMembersOwnBranch):
			out = append(out, orgFinding(o.ID, Serious, Textf(
				"%s 有正式党员%d名，符合条件但尚未建立党组织（正式党员%d名以上应成立党支部，%s）",
				o.Name, o.FullMembers, r.MinFullMembersOwnBranch, Term(r.Document))))
		}
		if l := links[o.ID]; l.Coverage == CoveredJoint && l.Units > r.MaxUnitsJointBranch {
			out = append(out, orgFinding(o.ID, Warning, Textf(
				"%s 所在的联合党支部覆盖%d个单位，一般不超过%d个（%s）", o.Name, l.Units, r.MaxUnitsJointBranch, Term(r.Document))))
		}
	}
	return out
}

func orgFinding(id int64, sev Severity, t Text) OrgFinding {
	return OrgFinding{OrgID: id, Severity: sev, Message: t.String(), Text: t}
}

// CheckTypedAgainstLinks finds an organisation whose typed 党组织覆盖 is not
// what the branches linked to it make it (links): the figures count it by
// its branch, and the list should say the same (review s5-11 newuser #3).
func CheckTypedAgainstLinks(orgs []Organisation, links map[int64]OrgCover) []OrgFinding {
	var out []OrgFinding
	for i := range orgs {
		o := &orgs[i]
		l, ok := links[o.ID]
		if !ok || l.Coverage == "" || l.Coverage == o.Coverage {
			continue
		}
		var t Text
		switch {
		case o.Coverage == NotCovered || o.Coverage == "":
			t = Textf("%s 已由“%s”覆盖（已关联），单位名录中却写着“未建”：覆盖率按关联计为%s，请把名录改为%s",
				o.Name, l.Branch, Term(l.Coverage), Term(l.Coverage))
		case l.Coverage == CoveredJoint:
			t = Textf("%s 在单位名录中写着“单独组建”，而覆盖它的“%s”是联合党支部（覆盖%d个单位）：覆盖率按联合组建计，请核对名录",
				o.Name, l.Branch, l.Units)
		default:
			t = Textf("%s 在单位名录中写着“联合组建”，而覆盖它的“%s”只覆盖这一个单位：覆盖率按单独组建计；若是联合党支部，请把其他单位也设为它的覆盖单位",
				o.Name, l.Branch)
		}
		out = append(out, orgFinding(o.ID, Warning, t))
	}
	return out
}

// CheckCoveredButNotLinked finds an organisation the list types 单独组建 or
// 联合组建 that no branch in the workspace is linked to (links): coverage
// counts it as having a party organisation on the list's word alone.
func CheckCoveredButNotLinked(orgs []Organisation, links map[int64]OrgCover) []OrgFinding {
	var out []OrgFinding
	for i := range orgs {
		o := &orgs[i]
		if _, ok := links[o.ID]; !ok && o.Coverage.HasOrganisation() {
			out = append(out, orgFinding(o.ID, Warning, Textf(
				"%s 在单位名录中写着“%s”，但工作台中没有支部关联到它：覆盖率暂按名录所写计入；请在支部一览中为覆盖它的支部设置覆盖单位，覆盖率才有支部为据",
				o.Name, Term(o.Coverage))))
		}
	}
	return out
}
