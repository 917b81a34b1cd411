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

// ComputeCoverage counts the organisations under definition r and the set-up
// rules b (how many full members make a branch of one's own).
func ComputeCoverage(orgs []Organisation, r CoverageRules, b BranchWorkRules) CoverageReport {
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
		switch o.Coverage {
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
// than allowed. jointUnits gives, for each organisation linked to a joint
// branch in the workspace, how many units that branch covers; an
// organisation marked 联合组建 counts as in a joint branch too.
func CheckOrganisations(orgs []Organisation, jointUnits map[int64]int, r BranchWorkRules) []OrgFinding {
	var out []OrgFinding
	for i := range orgs {
		o := &orgs[i]
		units, linked := jointUnits[o.ID]
		inJoint := o.Coverage == CoveredJoint || linked
		switch {
		case inJoint && o.FullMembers >= r.MinFullMembersOwnBranch:
			out = append(out, orgFinding(o.ID, Warning, Textf(
				"%s 已有正式党员%d名（%d名以上），应单独成立党支部，不再参加联合党支部（%s）",
				o.Name, o.FullMembers, r.MinFullMembersOwnBranch, Term(r.Document))))
		case o.Coverage == NotCovered && (o.Reason == ReasonEligible || o.FullMembers >= r.MinFullMembersOwnBranch):
			out = append(out, orgFinding(o.ID, Serious, Textf(
				"%s 有正式党员%d名，符合条件但尚未建立党组织（正式党员%d名以上应成立党支部，%s）",
				o.Name, o.FullMembers, r.MinFullMembersOwnBranch, Term(r.Document))))
		}
		if linked && units > r.MaxUnitsJointBranch {
			out = append(out, orgFinding(o.ID, Warning, Textf(
				"%s 所在的联合党支部覆盖%d个单位，一般不超过%d个（%s）", o.Name, units, r.MaxUnitsJointBranch, Term(r.Document))))
		}
	}
	return out
}

func orgFinding(id int64, sev Severity, t Text) OrgFinding {
	return OrgFinding{OrgID: id, Severity: sev, Message: t.String(), Text: t}
}

// CheckLinkedButNotCovered finds an organisation a branch in the workspace
// covers (covering: the organisation's ID to the branch's name) that the
// list still types 未建: coverage is computed from the list, so the typed
// status must follow the link.
func CheckLinkedButNotCovered(orgs []Organisation, covering map[int64]string) []OrgFinding {
	var out []OrgFinding
	for i := range orgs {
		o := &orgs[i]
		if branch, ok := covering[o.ID]; ok && o.Coverage == NotCovered {
			out = append(out, orgFinding(o.ID, Warning, Textf(
				"%s 已由“%s”覆盖（已关联），单位名录中却写着“未建”：请改为单独组建或联合组建，覆盖率才算得对",
				o.Name, branch)))
		}
	}
	return out
}

// CheckCoveredButNotLinked finds an organisation the list types 单独组建 or
// 联合组建 that no branch in the workspace is linked to (covering: the
// organisation's ID to the branch's name): coverage counts it as having a
// party organisation on the list's word alone.
func CheckCoveredButNotLinked(orgs []Organisation, covering map[int64]string) []OrgFinding {
	var out []OrgFinding
	for i := range orgs {
		o := &orgs[i]
		if _, ok := covering[o.ID]; !ok && o.Coverage.HasOrganisation() {
			out = append(out, orgFinding(o.ID, Warning, Textf(
				"%s 在单位名录中写着“%s”，但工作台中没有支部关联到它：请在支部一览中为覆盖它的支部设置覆盖单位，覆盖率才有支部为据",
				o.Name, Term(o.Coverage))))
		}
	}
	return out
}
