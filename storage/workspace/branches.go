package workspace

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"branchledger/model"
)

// ErrNoBranch: no branch with that ID in the workspace.
var ErrNoBranch = errors.New("工作台中没有这个支部")

// Branch is one branch of the workspace as the side-by-side list shows it:
// who it is, when its snapshot was taken, and its figures on that day.
type Branch struct {
	ID         int64
	UUID       string
	OrgName    string
	BranchName string
	BranchType model.BranchType
	Secretary  string
	TermEnd    model.Date
	SnapshotAt time.Time
	SnapshotOn model.Date // the snapshot's day: the figures are as of it
	ImportedAt time.Time
	File       string // the package's file name
	AppVersion string
	Figures    model.BranchFigures
	// Failed names the areas the branch's checks could not work out.
	Failed string
	// Orgs are the organisations (单位名录) the branch covers, by name.
	Orgs   []string
	OrgIDs []int64
	// Setup are the set-up findings (Figures.Setup) with their sentences,
	// to say them in the UI language.
	Setup []model.Finding
}

// Label is the branch's name for lists.
func (b *Branch) Label() string { return branchLabel(b.OrgName, b.BranchName) }

// Stale reports whether the snapshot is older than model.SnapshotStaleMonths
// on today.
func (b *Branch) Stale(today model.Date) bool { return model.SnapshotStale(b.SnapshotOn, today) }

const branchColumns = `id, uuid, org_name, branch_name, branch_type, secretary, coalesce(term_end, ''), snapshot_at,
	snapshot_on, imported_at, package_file, app_version, year, full_members, probationary, slots_due, slots_held,
	slots_missing, life_warn, life_serious, dues_warn, dues_serious, dues_due, dues_paid, serious, warnings, infos,
	setup, failed`

func scanBranch(sc interface{ Scan(...any) error }) (Branch, error) {
	var b Branch
	var btype, term, at, on, imported, setup string
	f := &b.Figures
	var due, paid int64
	err := sc.Scan(&b.ID, &b.UUID, &b.OrgName, &b.BranchName, &btype, &b.Secretary, &term, &at, &on, &imported, &b.File,
		&b.AppVersion, &f.Year, &f.Full, &f.Probationary, &f.SlotsDue, &f.SlotsHeld, &f.SlotsMissing, &f.LifeWarn,
		&f.LifeSerious, &f.DuesWarn, &f.DuesSerious, &due, &paid, &f.Serious, &f.Warnings, &f.Infos, &setup, &b.Failed)
	if err != nil {
		return b, err
	}
	b.BranchType = model.BranchType(btype)
	b.TermEnd, _ = model.ParseDate(term)
	b.SnapshotAt, b.ImportedAt = parseStamp(at), parseStamp(imported)
	b.SnapshotOn, _ = model.ParseDate(on)
	f.DuesDue, f.DuesPaid = model.Money(due), model.Money(paid)
	if setup != "" {
		f.Setup = strings.Split(setup, "\n")
	}
	return b, nil
}

// Branches lists every branch of the workspace by organisation name, with
// the organisations each covers.
func (w *Workspace) Branches() ([]Branch, error) {
	rows, err := w.sql.Query("SELECT " + branchColumns + " FROM branches ORDER BY org_name, branch_name, id")
	if err != nil {
		return nil, fmt.Errorf("读取支部一览失败：%w", err)
	}
	var out []Branch
	index := map[int64]int{}
	for rows.Next() {
		b, err := scanBranch(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("读取支部一览失败：%w", err)
		}
		index[b.ID] = len(out)
		out = append(out, b)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("读取支部一览失败：%w", err)
	}
	if err := w.setupFindings(out, index); err != nil {
		return nil, err
	}
	links, err := w.sql.Query("SELECT l.branch_id, o.id, o.name FROM branch_orgs l JOIN orgs o ON o.id = l.org_id ORDER BY o.name")
	if err != nil {
		return nil, fmt.Errorf("读取支部一览失败：%w", err)
	}
	defer links.Close()
	for links.Next() {
		var bid, oid int64
		var name string
		if err := links.Scan(&bid, &oid, &name); err != nil {
			return nil, err
		}
		if i, ok := index[bid]; ok {
			out[i].Orgs = append(out[i].Orgs, name)
			out[i].OrgIDs = append(out[i].OrgIDs, oid)
		}
	}
	return out, links.Err()
}

// setupFindings fills each branch's Setup.
func (w *Workspace) setupFindings(out []Branch, index map[int64]int) error {
	rows, err := w.sql.Query("SELECT branch_id, severity, message, text FROM branch_findings WHERE topic = ? ORDER BY branch_id, seq", int(model.AboutSetup))
	if err != nil {
		return fmt.Errorf("读取支部一览失败：%w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var bid int64
		var sev int
		var msg, text string
		if err := rows.Scan(&bid, &sev, &msg, &text); err != nil {
			return fmt.Errorf("读取支部一览失败：%w", err)
		}
		if i, ok := index[bid]; ok {
			f := model.Finding{Severity: model.Severity(sev), About: model.AboutSetup, Message: msg, Text: decodeText(text, msg)}
			out[i].Setup = append(out[i].Setup, f)
		}
	}
	return rows.Err()
}

// Branch returns one branch.
func (w *Workspace) Branch(id int64) (Branch, error) {
	b, err := scanBranch(w.sql.QueryRow("SELECT "+branchColumns+" FROM branches WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return b, fmt.Errorf("%w（编号 %d）", ErrNoBranch, id)
	}
	if err != nil {
		return b, fmt.Errorf("读取支部失败：%w", err)
	}
	all, err := w.Branches()
	if err != nil {
		return b, err
	}
	for _, x := range all {
		if x.ID == id {
			b.Orgs, b.OrgIDs, b.Setup = x.Orgs, x.OrgIDs, x.Setup
		}
	}
	return b, nil
}

// RemoveBranch takes a branch and everything copied of it out of the
// workspace (a branch that closed, or one imported by mistake).
func (w *Workspace) RemoveBranch(id int64) error {
	res := w.db.Exec("DELETE FROM branches WHERE id = ?", id)
	if res.Error != nil {
		return fmt.Errorf("删除支部失败：%w", res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("%w（编号 %d）", ErrNoBranch, id)
	}
	return nil
}

// Findings are the branch's findings on its snapshot's day, in the order
// its home screen lists them.
func (w *Workspace) Findings(branchID int64) ([]model.Finding, error) {
	rows, err := w.sql.Query("SELECT severity, topic, message, text FROM branch_findings WHERE branch_id = ? ORDER BY seq", branchID)
	if err != nil {
		return nil, fmt.Errorf("读取支部问题清单失败：%w", err)
	}
	defer rows.Close()
	var out []model.Finding
	for rows.Next() {
		var f model.Finding
		var sev, topic int
		var text string
		if err := rows.Scan(&sev, &topic, &f.Message, &text); err != nil {
			return nil, err
		}
		f.Severity, f.About = model.Severity(sev), model.FindingTopic(topic)
		f.Text = decodeText(text, f.Message)
		out = append(out, f)
	}
	return out, rows.Err()
}

// Members is the branch's roster as its snapshot holds it (those who left
// too), in roster order; branchID 0 gives every branch's members.
func (w *Workspace) Members(branchID int64) ([]model.Member, error) {
	q := `SELECT member_id, name, sex, ethnicity, id_number, coalesce(birth_date, ''), education, category,
		coalesce(join_date, ''), coalesce(full_date, ''), post, phone, standing, lost_contact, mobile, on_roster,
		left_by, coalesce(left_on, ''), coalesce(arrived_on, '') FROM branch_members`
	var args []any
	if branchID != 0 {
		q += " WHERE branch_id = ?"
		args = append(args, branchID)
	}
	rows, err := w.sql.Query(q+" ORDER BY branch_id, member_id", args...)
	if err != nil {
		return nil, fmt.Errorf("读取党员名册失败：%w", err)
	}
	defer rows.Close()
	var out []model.Member
	for rows.Next() {
		var m model.Member
		var sex, cat, standing, leftBy, birth, join, full, left, arrived string
		if err := rows.Scan(&m.ID, &m.Name, &sex, &m.Ethnicity, &m.IDNumber, &birth, &m.Education, &cat, &join, &full,
			&m.Post, &m.Phone, &standing, &m.LostContact, &m.Mobile, &m.OnRoster, &leftBy, &left, &arrived); err != nil {
			return nil, err
		}
		m.Sex, m.Category, m.Standing, m.LeftBy = model.Sex(sex), model.Category(cat), model.Standing(standing), model.EventKind(leftBy)
		m.BirthDate, _ = model.ParseDate(birth)
		m.JoinDate, _ = model.ParseDate(join)
		m.FullDate, _ = model.ParseDate(full)
		m.LeftOn, _ = model.ParseDate(left)
		m.ArrivedOn, _ = model.ParseDate(arrived)
		out = append(out, m)
	}
	return out, rows.Err()
}

// MemberRow is a member with the branch they belong to, for the report's
// list of all members.
type MemberRow struct {
	BranchID int64
	Branch   string
	Member   model.Member
}

// AllMembers lists the members on every branch's roster, by branch.
func (w *Workspace) AllMembers() ([]MemberRow, error) {
	bs, err := w.Branches()
	if err != nil {
		return nil, err
	}
	var out []MemberRow
	for _, b := range bs {
		ms, err := w.Members(b.ID)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			if m.OnRoster {
				out = append(out, MemberRow{BranchID: b.ID, Branch: b.Label(), Member: m})
			}
		}
	}
	return out, nil
}

// ActivityLine is one activity record as the workspace keeps it.
type ActivityLine struct {
	ID                  int64
	Kind                model.ActivityKind
	Date                model.Date
	Topic               string
	Due, Present, Leave int
	Inquorate           bool
}

// Activities are the branch's activity records of the snapshot's year and
// the two before, newest first.
func (w *Workspace) Activities(branchID int64) ([]ActivityLine, error) {
	rows, err := w.sql.Query(`SELECT activity_id, kind, date, topic, due, present, on_leave, inquorate
		FROM branch_activities WHERE branch_id = ? ORDER BY date DESC, activity_id DESC`, branchID)
	if err != nil {
		return nil, fmt.Errorf("读取活动记录失败：%w", err)
	}
	defer rows.Close()
	var out []ActivityLine
	for rows.Next() {
		var a ActivityLine
		var kind, date string
		if err := rows.Scan(&a.ID, &kind, &date, &a.Topic, &a.Due, &a.Present, &a.Leave, &a.Inquorate); err != nil {
			return nil, err
		}
		a.Kind = model.ActivityKind(kind)
		a.Date, _ = model.ParseDate(date)
		out = append(out, a)
	}
	return out, rows.Err()
}

// Slots are the branch's compliance calendar of its snapshot's year.
func (w *Workspace) Slots(branchID int64) ([]model.Slot, error) {
	rows, err := w.sql.Query(`SELECT kind, period, idx, required, held, status FROM branch_slots
		WHERE branch_id = ? ORDER BY seq`, branchID)
	if err != nil {
		return nil, fmt.Errorf("读取合规日历失败：%w", err)
	}
	defer rows.Close()
	var out []model.Slot
	for rows.Next() {
		var s model.Slot
		var kind string
		var period, status int
		if err := rows.Scan(&kind, &period, &s.Index, &s.Required, &s.Held, &status); err != nil {
			return nil, err
		}
		s.Kind, s.Period, s.Status = model.ActivityKind(kind), model.Period(period), model.SlotStatus(status)
		out = append(out, s)
	}
	return out, rows.Err()
}

// DuesLine is one member's line of the branch's dues register.
type DuesLine struct {
	MemberID int64
	Name     string
	Category model.DuesCategory
	Base     string // 月收入基数 as the register prints it
	Rate     string
	Monthly  model.Money
	Months   [12]model.MonthCell
	YearDue  model.Money
	YearPaid model.Money
	Note     string
}

// Dues is the branch's dues register of its snapshot's year.
func (w *Workspace) Dues(branchID int64) ([]DuesLine, error) {
	rows, err := w.sql.Query(`SELECT member_id, name, category, base, rate, monthly, months, year_due, year_paid, note
		FROM branch_dues WHERE branch_id = ? ORDER BY seq`, branchID)
	if err != nil {
		return nil, fmt.Errorf("读取党费收缴登记表失败：%w", err)
	}
	defer rows.Close()
	var out []DuesLine
	for rows.Next() {
		var d DuesLine
		var cat, months string
		var monthly, due, paid int64
		if err := rows.Scan(&d.MemberID, &d.Name, &cat, &d.Base, &d.Rate, &monthly, &months, &due, &paid, &d.Note); err != nil {
			return nil, err
		}
		d.Category, d.Monthly, d.YearDue, d.YearPaid = model.DuesCategory(cat), model.Money(monthly), model.Money(due), model.Money(paid)
		d.Months = decodeMonths(months)
		out = append(out, d)
	}
	return out, rows.Err()
}

// UnitDues is a branch's line of the unit-level dues register (RULES.md
// §2): dues collected each month and the quarter's collection and
// remittance to the upper committee (上缴).
type UnitDues struct {
	BranchID int64
	Months   [12]model.Money
	Quarters [4]model.DuesQuarter
	// Extra is the year's voluntary extra dues (自愿多交): in the quarters'
	// collection, not in the months.
	Extra model.Money
}

// UnitDues is every branch's line, by branch ID.
func (w *Workspace) UnitDues() (map[int64]*UnitDues, error) {
	out := map[int64]*UnitDues{}
	get := func(id int64) *UnitDues {
		if out[id] == nil {
			out[id] = &UnitDues{BranchID: id}
		}
		return out[id]
	}
	rows, err := w.sql.Query("SELECT branch_id, month, paid FROM branch_dues_months")
	if err != nil {
		return nil, fmt.Errorf("读取党费收缴情况失败：%w", err)
	}
	for rows.Next() {
		var id int64
		var month int
		var paid int64
		if err := rows.Scan(&id, &month, &paid); err != nil {
			rows.Close()
			return nil, err
		}
		get(id).Months[month-1] = model.Money(paid)
	}
	rows.Close()
	rows, err = w.sql.Query("SELECT id, dues_extra FROM branches")
	if err != nil {
		return nil, fmt.Errorf("读取党费收缴情况失败：%w", err)
	}
	for rows.Next() {
		var id, extra int64
		if err := rows.Scan(&id, &extra); err != nil {
			rows.Close()
			return nil, err
		}
		get(id).Extra = model.Money(extra)
	}
	rows.Close()
	rows, err = w.sql.Query("SELECT branch_id, quarter, collected, remitted FROM branch_quarters")
	if err != nil {
		return nil, fmt.Errorf("读取党费上缴情况失败：%w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var q int
		var c, r int64
		if err := rows.Scan(&id, &q, &c, &r); err != nil {
			return nil, err
		}
		get(id).Quarters[q-1] = model.DuesQuarter{Collected: model.Money(c), Remitted: model.Money(r)}
	}
	return out, rows.Err()
}

// ImportLog is one package imported into the workspace.
type ImportLog struct {
	At       time.Time
	File     string
	Outcome  Outcome
	BranchID int64
}

// Imports lists the packages imported, newest first.
func (w *Workspace) Imports() ([]ImportLog, error) {
	var rows []struct {
		At, File, Outcome string
		BranchID          sql.NullInt64
	}
	if err := w.db.Raw("SELECT at, file, outcome, branch_id FROM imports ORDER BY id DESC").Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("读取导入记录失败：%w", err)
	}
	out := make([]ImportLog, len(rows))
	for i, r := range rows {
		out[i] = ImportLog{At: parseStamp(r.At), File: r.File, Outcome: Outcome(r.Outcome), BranchID: r.BranchID.Int64}
	}
	return out, nil
}

// tx runs f in one transaction.
func (w *Workspace) tx(f func(tx *gorm.DB) error) error { return w.db.Transaction(f) }
