package workspace

import (
	"errors"
	"fmt"
	"slices"

	gosqlite "github.com/glebarez/go-sqlite"
	"gorm.io/gorm"

	"branchledger/model"
	"branchledger/storage/reason"
	"branchledger/storage/xlsx"
)

// ErrDuplicateOrg: the organisation list has an organisation of that name.
var ErrDuplicateOrg = errors.New("单位名录中已有同名单位")

type orgRow struct {
	ID          int64 `gorm:"primaryKey"`
	Name        string
	CreditCode  string
	Type        string
	Scale       string
	Staff       int
	FullMembers int
	Coverage    string
	Reason      string
	Work        string
	Instructor  string
	Notes       string
	CreatedAt   string
	UpdatedAt   string
}

func (orgRow) TableName() string { return "orgs" }

func (r *orgRow) org() model.Organisation {
	return model.Organisation{ID: r.ID, Name: r.Name, CreditCode: r.CreditCode, Type: model.OrgType(r.Type),
		Scale: model.OrgScale(r.Scale), Staff: r.Staff, FullMembers: r.FullMembers, Coverage: model.PartyCoverage(r.Coverage),
		Reason: model.UncoveredReason(r.Reason), Work: model.WorkCoverage(r.Work), Instructor: r.Instructor, Notes: r.Notes}
}

func rowOf(o *model.Organisation) orgRow {
	return orgRow{ID: o.ID, Name: o.Name, CreditCode: o.CreditCode, Type: string(o.Type), Scale: string(o.Scale),
		Staff: o.Staff, FullMembers: o.FullMembers, Coverage: string(o.Coverage), Reason: string(o.Reason),
		Work: string(o.Work), Instructor: o.Instructor, Notes: o.Notes}
}

// Orgs is the organisation list by name.
func (w *Workspace) Orgs() ([]model.Organisation, error) {
	var rows []orgRow
	if err := w.db.Order("name").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("读取单位名录失败：%w", err)
	}
	out := make([]model.Organisation, len(rows))
	for i := range rows {
		out[i] = rows[i].org()
	}
	return out, nil
}

// SaveOrg adds (ID 0) or saves one organisation after checking it
// (model.ValidationErrors) and that no other has its name.
//
// A new organisation is linked, as the list's import links them, to the
// branch of its very 单位名称 that covers no organisation yet: typed by
// hand, it left that branch （未关联） (review s6-11 newuser #5).
func (w *Workspace) SaveOrg(o model.Organisation) (model.Organisation, error) {
	err := w.tx(func(tx *gorm.DB) error {
		added := o.ID == 0
		var err error
		if o, err = saveOrg(tx, o, stamp(w.Now())); err != nil || !added {
			return err
		}
		_, err = linkUnlinked(tx)
		return err
	})
	return o, err
}

func saveOrg(tx *gorm.DB, o model.Organisation, now string) (model.Organisation, error) {
	if errs := o.Validate(model.CurrentRules().Branch); len(errs) > 0 {
		return o, errs
	}
	var n int64
	if err := tx.Model(&orgRow{}).Where("name = ? AND id <> ?", o.Name, o.ID).Count(&n).Error; err != nil {
		return o, err
	}
	if n > 0 {
		return o, model.ValidationErrors{{Field: model.OrgFieldName, Message: fmt.Sprintf("%s：%s", ErrDuplicateOrg.Error(), o.Name)}}
	}
	// One legal entity under two names would count twice in coverage.
	if o.CreditCode != "" {
		var other []string
		if err := tx.Model(&orgRow{}).Where("credit_code = ? AND id <> ?", o.CreditCode, o.ID).Pluck("name", &other).Error; err != nil {
			return o, err
		}
		if len(other) > 0 {
			return o, model.ValidationErrors{{Field: model.OrgFieldCreditCode, Message: fmt.Sprintf("统一社会信用代码 %s 已是名录中“%s”的代码：同一单位不能登记两次", o.CreditCode, other[0])}}
		}
	}
	row := rowOf(&o)
	row.UpdatedAt = now
	if o.ID == 0 {
		row.CreatedAt = now
		if err := tx.Create(&row).Error; err != nil {
			return o, err
		}
		o.ID = row.ID
		return o, nil
	}
	res := tx.Model(&orgRow{}).Where("id = ?", o.ID).Select("*").Omit("id", "created_at").Updates(&row)
	if res.Error != nil {
		return o, res.Error
	}
	if res.RowsAffected == 0 {
		return o, fmt.Errorf("单位名录中没有编号为 %d 的单位", o.ID)
	}
	return o, nil
}

// DeleteOrg takes an organisation off the list, and off the branches that
// covered it.
func (w *Workspace) DeleteOrg(id int64) error {
	if err := w.db.Exec("DELETE FROM orgs WHERE id = ?", id).Error; err != nil {
		return fmt.Errorf("删除单位失败：%w", err)
	}
	return nil
}

// LinkOrgs sets the organisations a branch covers: one for a branch of one
// unit, up to the joint-branch limit (RULES.md §1: ≤5) for a joint branch.
func (w *Workspace) LinkOrgs(branchID int64, orgIDs []int64) error {
	rules := model.CurrentRules().Branch
	ids := slices.Compact(slices.Sorted(slices.Values(orgIDs)))
	if len(ids) > rules.MaxUnitsJointBranch {
		return fmt.Errorf("一个联合党支部最多覆盖%d个单位（%s），这里选了%d个", rules.MaxUnitsJointBranch, rules.Document, len(ids))
	}
	return w.tx(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Table("branches").Where("id = ?", branchID).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("%w（编号 %d）", ErrNoBranch, branchID)
		}
		if err := tx.Exec("DELETE FROM branch_orgs WHERE branch_id = ?", branchID).Error; err != nil {
			return err
		}
		for _, id := range ids {
			if err := tx.Exec("INSERT INTO branch_orgs (branch_id, org_id) VALUES (?, ?)", branchID, id).Error; err != nil {
				// The detail (a foreign key refused) is for the log only.
				return &reason.Error{Msg: fmt.Sprintf("单位名录中没有编号为 %d 的单位（可能刚被删除），覆盖单位没有改动", id), Err: err}
			}
		}
		return nil
	})
}

// linkByName links branch id, when it covers no organisation yet, to the
// organisation of the list whose name is orgName (its 单位名称, spaces
// aside) if exactly one is, and returns that organisation's name; "" when
// nothing was linked. A list whose names are the branches' own left every
// branch （未关联） until the instructor linked each by hand (review s4-11
// newuser #4). A package names no 统一社会信用代码, so the name is all there
// is to match. The list is read through orgs (nil: read it now), once for
// a batch.
func linkByName(tx *gorm.DB, id int64, orgName string, orgs *orgNameCache) (string, error) {
	if norm(orgName) == "" {
		return "", nil
	}
	var n int64
	if err := tx.Raw("SELECT count(*) FROM branch_orgs WHERE branch_id = ?", id).Scan(&n).Error; err != nil || n > 0 {
		return "", err
	}
	byName, err := orgs.get(tx)
	if err != nil {
		return "", err
	}
	return byName.link(tx, id, orgName)
}

// orgNameCache keeps the organisation list by name for the imports of one
// batch (ImportAll), which link each new branch by name: reading a list of
// 12 000 organisations took 27 ms, for every package of the batch. An
// import writes no organisation, so the list read once stays true.
type orgNameCache struct {
	byName orgsNamed
	read   bool
}

// get is the list by name, read on first use; a nil cache reads it each
// time.
func (c *orgNameCache) get(tx *gorm.DB) (orgsNamed, error) {
	if c == nil {
		return orgsByName(tx)
	}
	if !c.read {
		byName, err := orgsByName(tx)
		if err != nil {
			return nil, err
		}
		c.byName, c.read = byName, true
	}
	return c.byName, nil
}

// namedOrg is an organisation of the list a branch may be linked to by
// name.
type namedOrg struct {
	ID   int64
	Name string
}

// orgsNamed indexes the organisation list by name, spaces aside: the one
// organisation of each name; a name two organisations share is nil.
type orgsNamed map[string]*namedOrg

// orgsByName reads the organisation list once for linking branches by name.
func orgsByName(tx *gorm.DB) (orgsNamed, error) {
	var orgs []namedOrg
	if err := tx.Raw("SELECT id, name FROM orgs").Scan(&orgs).Error; err != nil {
		return nil, err
	}
	byName := make(orgsNamed, len(orgs))
	for i := range orgs {
		key := norm(orgs[i].Name)
		if _, twice := byName[key]; twice {
			byName[key] = nil
			continue
		}
		byName[key] = &orgs[i]
	}
	return byName, nil
}

// link links branch id, which covers no organisation, to the organisation
// named orgName if exactly one is, and returns its name; "" when none was
// linked.
func (byName orgsNamed) link(tx *gorm.DB, id int64, orgName string) (string, error) {
	key := norm(orgName)
	o := byName[key]
	if key == "" || o == nil {
		return "", nil
	}
	if err := tx.Exec("INSERT INTO branch_orgs (branch_id, org_id) VALUES (?, ?)", id, o.ID).Error; err != nil {
		return "", err
	}
	return o.Name, nil
}

// linkUnlinked links every branch that covers no organisation to the one of
// its name (linkByName) and returns how many it linked. The list is read
// once for all of them.
func linkUnlinked(tx *gorm.DB) (int, error) {
	var bs []struct {
		ID      int64
		OrgName string
	}
	if err := tx.Raw(`SELECT id, org_name FROM branches b WHERE NOT EXISTS (SELECT 1 FROM branch_orgs l WHERE l.branch_id = b.id) ORDER BY id`).Scan(&bs).Error; err != nil {
		return 0, err
	}
	if len(bs) == 0 {
		return 0, nil
	}
	byName, err := orgsByName(tx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, b := range bs {
		name, err := byName.link(tx, b.ID, b.OrgName)
		if err != nil {
			return n, err
		}
		if name != "" {
			n++
		}
	}
	return n, nil
}

// CoverageReport is the coverage of the organisation list under the
// workspace's definition, and what the set-up rules find in the list.
type CoverageReport struct {
	model.CoverageReport
	Findings []model.OrgFinding
	// Links are, by organisation ID, how the branches of the workspace
	// cover the organisations linked to them: what the figures count
	// (model.CountedCoverage), whatever the list types.
	Links map[int64]model.OrgCover
}

// Coverage works the coverage figures out from the organisation list and
// the branches linked to its organisations: an organisation a branch
// covers counts as 单独组建 or 联合组建 by that branch (review s5-11
// newuser #3); a typed value the links contradict is a finding.
func (w *Workspace) Coverage() (CoverageReport, error) {
	orgs, err := w.Orgs()
	if err != nil {
		return CoverageReport{}, err
	}
	s, err := w.Settings()
	if err != nil {
		return CoverageReport{}, err
	}
	links, err := w.links()
	if err != nil {
		return CoverageReport{}, err
	}
	rules := model.CurrentRules().Branch
	return CoverageReport{
		CoverageReport: model.ComputeCoverage(orgs, links, s.Coverage(), rules),
		Findings: slices.Concat(model.CheckOrganisations(orgs, links, rules),
			model.CheckTypedAgainstLinks(orgs, links), model.CheckCoveredButNotLinked(orgs, links)),
		Links: links,
	}, nil
}

// links is, for each organisation a branch covers, how (model.BranchCover):
// a branch linked to one organisation gives it 单独组建, one linked to
// several (or a 联合党支部) 联合组建.
func (w *Workspace) links() (map[int64]model.OrgCover, error) {
	rows, err := w.sql.Query(`SELECT l.org_id, b.org_name, b.branch_name, b.branch_type,
		(SELECT count(*) FROM branch_orgs x WHERE x.branch_id = l.branch_id)
		FROM branch_orgs l JOIN branches b ON b.id = l.branch_id ORDER BY b.id`)
	if err != nil {
		return nil, fmt.Errorf("读取支部与单位的对应失败：%w", err)
	}
	defer rows.Close()
	out := map[int64]model.OrgCover{}
	for rows.Next() {
		var org int64
		var orgName, branch, btype string
		var units int
		if err := rows.Scan(&org, &orgName, &branch, &btype, &units); err != nil {
			return nil, err
		}
		out[org] = out[org].Merge(model.BranchCover(branchLabel(orgName, branch), units, btype == string(model.BranchJoint)))
	}
	return out, rows.Err()
}

// OrgImport is an organisation list read from a workbook, planned against
// the workspace's list: what committing it would add and change. Nothing is
// written until CommitOrgImport.
type OrgImport struct {
	File      string
	Add       []model.Organisation
	Update    []OrgChange
	Unchanged int
	// Rejected are the rows that cannot be imported, each with its row
	// number and the reasons.
	Rejected []OrgRejection
}

// OrgChange is an organisation of the list the import changes.
type OrgChange struct {
	Old, New model.Organisation
	Fields   []model.Field // what differs
}

// OrgRejection is a row of the workbook that cannot be imported.
type OrgRejection struct {
	Row     int
	Name    string
	Reasons []string
}

// PlanOrgImport matches rows (one organisation each, numbered by their
// row in the workbook) with the list by name, or by credit code when the
// name changed, and checks each.
func (w *Workspace) PlanOrgImport(file string, rows []model.OrgRow) (OrgImport, error) {
	have, err := w.Orgs()
	if err != nil {
		return OrgImport{}, err
	}
	byName, byCode := map[string]*model.Organisation{}, map[string]*model.Organisation{}
	for i := range have {
		byName[norm(have[i].Name)] = &have[i]
		if have[i].CreditCode != "" {
			byCode[have[i].CreditCode] = &have[i]
		}
	}
	p := OrgImport{File: file}
	seen, seenCode := map[string]int{}, map[string]int{}
	rules := model.CurrentRules().Branch
	for _, r := range rows {
		o := r.Org
		var reasons []string
		for _, e := range r.Problems {
			reasons = append(reasons, e.Error())
		}
		for _, e := range o.Validate(rules) {
			reasons = append(reasons, e.Error())
		}
		if first, dup := seen[norm(o.Name)]; dup && o.Name != "" {
			reasons = append(reasons, fmt.Sprintf("与第%d行的单位同名", first))
		}
		if first, dup := seenCode[o.CreditCode]; dup && o.CreditCode != "" {
			reasons = append(reasons, fmt.Sprintf("统一社会信用代码与第%d行相同（同一单位不能登记两次）", first))
		}
		if old := byCode[o.CreditCode]; o.CreditCode != "" && old != nil && byName[norm(o.Name)] != nil && byName[norm(o.Name)] != old {
			reasons = append(reasons, fmt.Sprintf("统一社会信用代码已是名录中“%s”的代码", old.Name))
		}
		if len(reasons) > 0 {
			p.Rejected = append(p.Rejected, OrgRejection{Row: r.Row, Name: o.Name, Reasons: reasons})
			continue
		}
		seen[norm(o.Name)] = r.Row
		if o.CreditCode != "" {
			seenCode[o.CreditCode] = r.Row
		}
		old := byName[norm(o.Name)]
		if old == nil && o.CreditCode != "" {
			old = byCode[o.CreditCode]
		}
		if old == nil {
			p.Add = append(p.Add, o)
			continue
		}
		o.ID = old.ID
		var diff []model.Field
		for _, fi := range model.OrgFields {
			if old.Text(fi.Field) != o.Text(fi.Field) {
				diff = append(diff, fi.Field)
			}
		}
		if len(diff) == 0 {
			p.Unchanged++
			continue
		}
		p.Update = append(p.Update, OrgChange{Old: *old, New: o, Fields: diff})
	}
	return p, nil
}

// CommitOrgImport adds and changes what p planned, in one transaction,
// and links each branch that covers no organisation yet to the one of the
// list with its 单位名称 (see linkByName): linked is how many.
func (w *Workspace) CommitOrgImport(p OrgImport) (added, updated, linked int, err error) {
	now := stamp(w.Now())
	err = w.tx(func(tx *gorm.DB) error {
		for _, o := range p.Add {
			if _, err := saveOrg(tx, o, now); err != nil {
				return fmt.Errorf("%s：%w", o.Name, err)
			}
		}
		for _, c := range p.Update {
			if _, err := saveOrg(tx, c.New, now); err != nil {
				return fmt.Errorf("%s：%w", c.New.Name, err)
			}
		}
		var err error
		linked, err = linkUnlinked(tx)
		return err
	})
	if err != nil {
		// The workspace's own failure (a full disk, a read-only drive) is
		// said of the workspace, not of the organisation being written when
		// it happened, and in Chinese (review s4-11 attack #11).
		var se *gosqlite.Error
		var ve model.ValidationErrors
		if !errors.As(err, &ve) && (errors.As(err, &se) || reason.IsFull(err)) {
			return 0, 0, 0, &reason.Error{Msg: fmt.Sprintf("导入单位名录失败，名录没有改动：工作台 %s：%s", w.path, reason.Of(err)), Err: err}
		}
		return 0, 0, 0, fmt.Errorf("导入单位名录失败，名录没有改动：%w", err)
	}
	return len(p.Add), len(p.Update), linked, nil
}

// PreviewOrgFile reads an organisation list workbook (xlsx.ReadOrgsFile)
// and plans its import; nothing is written.
func (w *Workspace) PreviewOrgFile(path string) (OrgImport, error) {
	of, err := xlsx.ReadOrgsFile(path)
	if err != nil {
		return OrgImport{}, err
	}
	return w.PlanOrgImport(path, of.Rows)
}
