package workspace

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/datapkg"
	"branchledger/storage/reason"
)

// Outcome is what importing one package did.
type Outcome string

// The outcomes, as `aggregate import` prints them.
const (
	Imported  Outcome = "imported"  // a branch new to the workspace
	Replaced  Outcome = "replaced"  // a newer snapshot of a branch held
	Unchanged Outcome = "unchanged" // the very snapshot held already
	Refused   Outcome = "refused"   // nothing written; Err says why
	// HeldBack: the package claims a branch the workspace holds but looks
	// like another branch (a data file copied to start a second one).
	// Nothing is written; ImportOptions.AsNew or SameBranch decides.
	HeldBack Outcome = "held"
)

// Result is the line of one package in an import.
type Result struct {
	File     string
	Outcome  Outcome
	BranchID int64  // the branch imported, replaced or unchanged
	Branch   string // its organisation and branch names
	// Taken is the snapshot's time (zero when the package was not read).
	Taken time.Time
	// Unencrypted: the package was not encrypted (neither to the
	// instructor's key nor with a passphrase): the instructor may ask the
	// branch to load the key.
	Unencrypted bool
	// LinkedOrg is the organisation of the list the import linked the
	// branch to, the one whose name is the branch's 单位名称 (see
	// linkByName); "" when none was linked.
	LinkedOrg string
	// Err is the refusal or the reason for holding back: one Chinese
	// sentence naming the file.
	Err error
}

// Line is the result as one line in Chinese, for the window's list.
func (r Result) Line() string {
	switch r.Outcome {
	case Imported:
		return "已导入：" + r.Branch + "（快照 " + r.Taken.Local().Format("2006-01-02 15:04") + r.plainNote() + r.linkNote() + "）"
	case Replaced:
		return "已更新：" + r.Branch + "（快照 " + r.Taken.Local().Format("2006-01-02 15:04") + r.plainNote() + r.linkNote() + "）"
	case Unchanged:
		if r.Err != nil {
			return "无变化：" + r.Branch + "：" + r.Reason()
		}
		return "无变化：" + r.Branch + "（同一快照已导入）"
	case HeldBack:
		return "暂不导入：" + r.Message()
	}
	return "未导入：" + r.Message()
}

// PlainNote is what a line adds for a package that was not encrypted.
const PlainNote = "；数据包没有加密，请支部在 设置 → 指导员 中载入您的公钥"

func (r Result) plainNote() string {
	if r.Unencrypted {
		return PlainNote
	}
	return ""
}

// LinkNote is what a line adds for a branch linked to the organisation
// of the same name: "；已按单位名称关联单位名录中的“…”".
func LinkNote(org string) string {
	return "；已按单位名称关联单位名录中的“" + org + "”"
}

func (r Result) linkNote() string {
	if r.LinkedOrg == "" {
		return ""
	}
	return LinkNote(r.LinkedOrg)
}

// Message is the result's refusal or reason for holding back as the user
// reads it: Err's sentence, naming the file, without what a library said
// in English (a bracketed detail or a tail with no Chinese in it: "chacha20poly1305:
// message authentication failed" tells an instructor nothing; Err keeps it
// for the log). "" when Err is nil.
func (r Result) Message() string {
	if r.Err == nil {
		return ""
	}
	msg := englishDetail.ReplaceAllStringFunc(r.Err.Error(), func(m string) string {
		if han.MatchString(m) || strings.Contains(m, r.File) {
			return m
		}
		return ""
	})
	msg = strings.ReplaceAll(strings.TrimSpace(msg), "\n", "；") // one line
	if i := strings.LastIndex(msg, "："); i >= 0 {
		if tail := msg[i+len("："):]; tail != r.File && tail != "" && !han.MatchString(tail) && !strings.Contains(tail, r.File) {
			msg = msg[:i]
		}
	}
	return msg
}

// Reason is Message without the file's name, for a line that names the
// file already (`refused FILE: REASON`).
func (r Result) Reason() string {
	msg := r.Message()
	if r.File == "" {
		return msg
	}
	for _, cut := range [][2]string{
		// "其中" with no package before it read as a cut sentence
		// (review s5-11 attack #10).
		{r.File + " 中的数据文件", "数据包中的数据文件"},
		{"：" + r.File + "（", "（"},
		{"：" + r.File, ""},
		{" " + r.File + " ", ""},
		{" " + r.File, ""},
		{r.File + " ", ""},
		{r.File, ""},
	} {
		msg = strings.ReplaceAll(msg, cut[0], cut[1])
	}
	return msg
}

var (
	englishDetail = regexp.MustCompile(`（[^（）]*）`)
	han           = regexp.MustCompile(`\p{Han}`)
)

// ImportOptions are what an import may need besides the workspace's key.
type ImportOptions struct {
	// Passphrase opens packages protected with a passphrase instead of the
	// instructor's key.
	Passphrase string
	// AsNew imports a held-back package as a branch of its own;
	// SameBranch imports it as the newer snapshot of the branch it claims
	// to be. At most one of them.
	AsNew, SameBranch bool
	// TempDir is where packages are unpacked; "" is the system's.
	TempDir string
	// keys are the file keys of a batch's packages, found when their
	// manifests are read to order it (see ImportAll).
	keys *datapkg.KeyCache
	// orgs is the organisation list by name, read once for a batch's
	// branches to be linked by name (see linkByName).
	orgs *orgNameCache
}

// FutureTolerance is how far a snapshot may be ahead of this computer's
// clock (two computers' clocks and time zones disagree a little).
const FutureTolerance = 24 * time.Hour

// Errors of an import, each wrapped in a sentence naming the file.
var (
	ErrOlder    = errors.New("比工作台中已有的快照旧，没有导入")
	ErrConflict = errors.New("与工作台中同一时间的快照内容不同，没有导入")
	// ErrOlderInBatch is the note of an Unchanged result: a snapshot older
	// than one of the same branch imported earlier in the same import (a
	// drive with last week's and this week's package) — nothing is wrong,
	// the newer one is kept, whichever file came first.
	ErrOlderInBatch = errors.New("比同一批中导入的快照旧，没有导入")
	ErrFuture       = errors.New("数据包的快照时间晚于本机当前时间，没有导入")
	// ErrPackageDamaged: the instructor has no backup of a branch's
	// package; storage's advice for a damaged data file does not fit.
	ErrPackageDamaged = errors.New("数据包中的数据文件已损坏或被改动过，没有导入，请让支部重新导出数据包")
	ErrLooksCopied    = errors.New("数据包的支部标识与工作台中的一个支部相同，但单位或党员不同：可能是复制数据文件新建的另一个支部")
)

// Import reads the package at path and brings its branch into the
// workspace in one transaction, or refuses it and changes nothing.
func (w *Workspace) Import(path string, o ImportOptions) Result {
	if err := w.CheckBeforeWrite(); err != nil {
		return Result{File: path, Outcome: Refused, Err: err}
	}
	l := w.load(path, o)
	defer l.close()
	return w.apply(l, o)
}

// loaded is a package read and worked out, not yet compared with the
// workspace: the part of an import that can run beside others.
type loaded struct {
	r    Result
	pkg  *datapkg.Package
	snap *snapshot
}

func (l *loaded) close() {
	if l.pkg != nil {
		l.pkg.Close()
	}
}

// load opens and checks the package and reads its branch; a refusal is
// in l.r.
func (w *Workspace) load(path string, o ImportOptions) *loaded {
	l := &loaded{r: Result{File: path, Outcome: Refused}}
	if o.AsNew && o.SameBranch {
		l.r.Err = errors.New("“作为新支部导入”和“按同一支部更新”只能选一个")
		return l
	}
	pkg, err := datapkg.Open(path, w.readOptions(o))
	if err != nil {
		if errors.Is(err, datapkg.ErrNoKey) && !w.Unlocked() {
			if has, _ := w.HasKey(); has {
				err = fmt.Errorf("%w：%s", ErrLockedKey, path)
			}
		}
		// A record against its table's constraints too: the sentence said
		// "…：其中的数据文件（表 members …）" once the file was cut from
		// the line, and had no English (review s5-11 attack #10).
		if errors.Is(err, storage.ErrDamaged) || errors.Is(err, storage.ErrSchemaChanged) || errors.Is(err, storage.ErrConstraint) {
			err = packageDamaged(err, path)
		}
		l.r.Err = err
		return l
	}
	l.pkg = pkg
	l.r.Unencrypted = pkg.Kind == datapkg.Plain
	m := pkg.Manifest
	l.r.Taken, l.r.Branch = m.SnapshotAt, branchLabel(m.OrgName, m.BranchName)
	if l.snap, err = readSnapshot(pkg); err != nil {
		l.r.Err = err
	} else {
		// The line names what is stored: the checked profile.
		l.r.Branch = branchLabel(l.snap.profile.OrgName, l.snap.profile.BranchName)
	}
	return l
}

// readOptions are what datapkg needs to open the packages of an import.
func (w *Workspace) readOptions(o ImportOptions) datapkg.ReadOptions {
	return datapkg.ReadOptions{Identities: w.identities(), Passphrase: o.Passphrase, TempDir: o.TempDir, Keys: o.keys}
}

// apply compares a loaded package with the branches held and writes it in
// one transaction, or refuses it.
func (w *Workspace) apply(l *loaded, o ImportOptions) Result {
	r := l.r
	if l.pkg == nil {
		return r
	}
	m := l.pkg.Manifest
	// A snapshot from the future (a branch computer's clock set wrong, or
	// a forged manifest) would pass for newer than every genuine package
	// after it and lock the branch out: refused.
	if now := w.Now(); m.SnapshotAt.After(now.Add(FutureTolerance)) {
		r.Err = model.Errorf(ErrFuture, "%s（快照 %s，本机现在是 %s）。请支部核对电脑的日期和时间后重新导出", r.File,
			m.SnapshotAt.Local().Format("2006-01-02 15:04"), now.Local().Format("2006-01-02 15:04"))
		return r
	}
	held, err := w.heldWith(m.BranchUUID)
	if err != nil {
		r.Err = err
		return r
	}
	for _, h := range held {
		// The very package again (a drive imported twice). The same data
		// with a later time is a newer snapshot: its figures move on.
		if h.sha == m.Database.SHA256 && sameSecond(h.taken, m.SnapshotAt) {
			r.Outcome, r.BranchID, r.Branch, r.Err = Unchanged, h.id, branchLabel(h.org, h.branch), nil
			return r
		}
	}
	if r.Err != nil {
		return r
	}
	target, err := w.choose(held, l.snap, r.File, o)
	if err != nil {
		r.Err = err
		if errors.Is(err, ErrOlder) && target != nil {
			r.BranchID = target.id // the newer snapshot kept
		}
		if errors.Is(err, ErrLooksCopied) || errors.Is(err, ErrNotContinuation) {
			r.Outcome = HeldBack
		}
		return r
	}
	id, linked, err := w.store(target, l.snap, filepath.Base(r.File), o.orgs)
	if err != nil {
		// Why in Chinese (the workspace is read-only, the disk full …);
		// SQLite's own words stay in the error for the log.
		r.Err = reason.Wrap(fmt.Sprintf("导入数据包 %s 失败，工作台没有改动", r.File), err)
		return r
	}
	r.Outcome, r.BranchID, r.LinkedOrg = Imported, id, linked
	if target != nil {
		r.Outcome = Replaced
	}
	return r
}

// heldBranch is a branch the workspace holds, as an import compares it.
type heldBranch struct {
	id          int64
	org, branch string
	taken       time.Time
	sha         string
	counts      map[string]int // the package's record counts; nil if not kept
}

func (w *Workspace) heldWith(uuid string) ([]heldBranch, error) {
	rows, err := w.sql.Query("SELECT id, org_name, branch_name, snapshot_at, db_sha256, counts FROM branches WHERE uuid = ? ORDER BY id", uuid)
	if err != nil {
		return nil, fmt.Errorf("读取工作台失败：%w", err)
	}
	defer rows.Close()
	var out []heldBranch
	for rows.Next() {
		var h heldBranch
		var at, counts string
		if err := rows.Scan(&h.id, &h.org, &h.branch, &at, &h.sha, &counts); err != nil {
			return nil, err
		}
		if counts != "" {
			_ = json.Unmarshal([]byte(counts), &h.counts)
		}
		h.taken = parseStamp(at)
		out = append(out, h)
	}
	return out, rows.Err()
}

// choose decides which held branch the snapshot replaces: nil for a new
// branch. A held branch of the same identity is the one unless the package
// looks like another branch (see likeness); then the package is held back
// unless o says how to treat it. An older snapshot than the one held is
// refused (with the held branch it is older than). Times are compared at
// the second, as the lines show them: two snapshots of one second are the
// same snapshot or a conflict, never "older".
func (w *Workspace) choose(held []heldBranch, snap *snapshot, path string, o ImportOptions) (*heldBranch, error) {
	if len(held) == 0 {
		return nil, nil
	}
	var best, closest *heldBranch
	var bestShare, closestScore float64
	var why []string
	for i := range held {
		h := &held[i]
		share, reasons, err := w.likeness(h, snap)
		if err != nil {
			return nil, err
		}
		if len(reasons) == 0 && (best == nil || share > bestShare) {
			best, bestShare = h, share
		}
		// The branch the package most likely came from, for 按同一支部更新:
		// the roster it shares, its organisation's and branch's names; on
		// a tie the one imported first (held is in import order), which a
		// copy imported as new never is.
		score := share
		if norm(h.org) == norm(snap.profile.OrgName) {
			score++
		}
		if norm(h.branch) == norm(snap.profile.BranchName) {
			score++
		}
		if closest == nil || score > closestScore {
			closest, closestScore = h, score
		}
		why = append(why, reasons...)
	}
	switch {
	case best != nil:
	case o.AsNew:
		return nil, nil
	case o.SameBranch:
		best = closest
	default:
		return nil, fmt.Errorf("%w：%s（%s）。如确是另一个支部，请选择“作为新支部导入”", ErrLooksCopied, path, strings.Join(why, "；"))
	}
	switch at := snap.manifest.SnapshotAt; {
	case sameSecond(at, best.taken):
		// A Text, so that an English window says the details in English
		// too (review s5-11 attack #11), as the other lines of an import.
		return nil, model.Errorf(ErrConflict, "%s（快照时间 %s）", path, at.Local().Format("2006-01-02 15:04:05"))
	case at.Before(best.taken):
		// Two snapshots of one minute are told apart by their seconds.
		layout := "2006-01-02 15:04"
		if at.Local().Format(layout) == best.taken.Local().Format(layout) {
			layout = "2006-01-02 15:04:05"
		}
		// A held snapshot from the future (a branch clock running fast, or
		// a forged manifest within FutureTolerance) refuses every genuine
		// package until then: the line says so (review s5-11 attack #2).
		var future model.Text
		if now := w.Now(); best.taken.After(now) {
			future = model.Textf("；工作台中已有的快照时间晚于本机现在的时间 %s，可能是支部电脑的时钟快了或清单被改动过，如确认这一份才是新的，请删除该支部后重新导入", now.Local().Format(layout))
		}
		return best, model.Errorf(ErrOlder, "%s（快照 %s，工作台中已有 %s 的快照%s）", path,
			at.Local().Format(layout), best.taken.Local().Format(layout), future)
	}
	// Newer, but without records the held snapshot has in tables the
	// branch never deletes from: taken from an older copy of the data
	// file (an office PC and a laptop), it would set the branch's figures
	// back (review s6-11 attack #1).
	if lost := lostRecords(best.counts, snap.manifest.Counts); len(lost) > 0 && !o.SameBranch {
		if o.AsNew {
			return nil, nil
		}
		return nil, model.Errorf(ErrNotContinuation, "%s（%s）。如确是本支部较新的数据，请选择“按同一支部更新”", path, lost)
	}
	return best, nil
}

// ErrNotContinuation: a package newer than the snapshot held of its branch
// that lacks records the held one has.
var ErrNotContinuation = errors.New("数据包的快照较新，却少了工作台中已有快照的记录：可能来自数据文件较早的副本（另一台电脑或U盘上的），暂不导入")

// appendOnly are the tables of a branch's data file that its triggers keep
// from losing rows (never deleted): a later snapshot of the same file has
// at least as many rows in each.
var appendOnly = []string{"members", "member_events", "member_changes", "transfer_letters", "transfer_ins",
	"activities", "activity_changes", "dues_bases", "dues_base_changes", "dues_midyear_bases", "dues_payments",
	"dues_payment_months", "dues_remittances", "dues_reversals", "recruits", "recruit_changes",
	"mobile_members", "mobile_reports", "inflow_members"}

// lostRecords says which append-only tables have fewer rows in counts
// than in held: nil when none, or when held's counts are not kept.
func lostRecords(held, counts map[string]int) model.Texts {
	var lost model.Texts
	for _, t := range appendOnly {
		if h, ok := held[t]; ok && counts[t] < h {
			lost = append(lost, model.Textf("表 %s 少了 %d 条记录", t, h-counts[t]))
		}
	}
	return lost
}

// sameSecond reports whether two snapshot times are one at the precision
// the lines show them (the second).
func sameSecond(a, b time.Time) bool {
	return a.Truncate(time.Second).Equal(b.Truncate(time.Second))
}

// likeness compares a package with a held branch of the same identity. A
// data file copied to start a second branch keeps the first one's identity,
// then gets another organisation's name and, sooner or later, another
// roster: reasons lists what gives it away (the organisation's name
// changed; fewer than half of the held branch's members on the roster are
// on the package's). share is the part of the held roster the package
// shares, to pick the closest of several held branches.
func (w *Workspace) likeness(h *heldBranch, snap *snapshot) (share float64, reasons []string, err error) {
	if norm(h.org) != norm(snap.profile.OrgName) && norm(h.org) != "" {
		reasons = append(reasons, fmt.Sprintf("单位名称由“%s”变为“%s”", h.org, snap.profile.OrgName))
	}
	// A second branch of the same organisation (第二支部) is a copy whose
	// branch name changed before its roster did.
	if norm(h.branch) != norm(snap.profile.BranchName) && norm(h.branch) != "" {
		reasons = append(reasons, fmt.Sprintf("支部名称由“%s”变为“%s”", h.branch, snap.profile.BranchName))
	}
	rows, err := w.sql.Query("SELECT id_number FROM branch_members WHERE branch_id = ? AND on_roster = 1", h.id)
	if err != nil {
		return 0, nil, fmt.Errorf("读取工作台失败：%w", err)
	}
	defer rows.Close()
	have := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return 0, nil, err
		}
		have[id] = true
	}
	if err := rows.Err(); err != nil {
		return 0, nil, err
	}
	same := 0
	for i := range snap.members {
		if m := &snap.members[i]; m.OnRoster && have[m.IDNumber] {
			same++
		}
	}
	if len(have) == 0 {
		return 1, reasons, nil
	}
	share = float64(same) / float64(len(have))
	if len(have) >= model.BranchWorkRules2018.MinFullMembersOwnBranch && 2*same < len(have) {
		reasons = append(reasons, fmt.Sprintf("工作台中该支部在册党员%d名，数据包中只有%d名相同", len(have), same))
	}
	return share, reasons, nil
}

// differences says why two snapshots of one identity look like two
// branches, as likeness does for a held branch: the organisation's or the
// branch's name differ, or fewer than half of the larger roster is on the
// other. None: they look like one branch.
func differences(a, b *snapshot) model.Texts {
	var d model.Texts
	if x, y := norm(a.profile.OrgName), norm(b.profile.OrgName); x != y && x != "" && y != "" {
		d = append(d, model.Textf("单位名称为“%s”和“%s”", a.profile.OrgName, b.profile.OrgName))
	}
	if x, y := norm(a.profile.BranchName), norm(b.profile.BranchName); x != y && x != "" && y != "" {
		d = append(d, model.Textf("支部名称为“%s”和“%s”", a.profile.BranchName, b.profile.BranchName))
	}
	roster := func(s *snapshot) map[string]bool {
		ids := map[string]bool{}
		for i := range s.members {
			if m := &s.members[i]; m.OnRoster {
				ids[m.IDNumber] = true
			}
		}
		return ids
	}
	ra, rb := roster(a), roster(b)
	same := 0
	for id := range ra {
		if rb[id] {
			same++
		}
	}
	if n := max(len(ra), len(rb)); n >= model.BranchWorkRules2018.MinFullMembersOwnBranch && 2*same < n {
		d = append(d, model.Textf("在册党员分别为%d名和%d名，只有%d名相同", len(ra), len(rb), same))
	}
	return d
}

// norm is a name compared without spaces.
func norm(s string) string { return strings.Join(strings.Fields(s), "") }

// branchLabel names a branch in result lines.
func branchLabel(org, branch string) string {
	switch {
	case branch == "" && org == "":
		return "（未填写名称的支部）"
	case branch == "":
		return org
	case org == "" || strings.Contains(branch, org):
		return branch
	}
	return org + " " + branch
}

// store writes the snapshot as branch target (nil: a new branch) in one
// transaction and returns the branch's ID. Links to organisations stay; a
// branch that covers none is linked to the organisation of its name, if
// the list has one (linkByName), whose name is returned.
func (w *Workspace) store(target *heldBranch, snap *snapshot, file string, orgs *orgNameCache) (int64, string, error) {
	now := stamp(w.Now())
	row := branchRow(snap, file, now)
	var id int64
	var linked string
	err := w.db.Transaction(func(tx *gorm.DB) error {
		if target == nil {
			row["created_at"] = now
			if err := tx.Table("branches").Create(row).Error; err != nil {
				return err
			}
			if err := tx.Raw("SELECT last_insert_rowid()").Scan(&id).Error; err != nil {
				return err
			}
		} else {
			id = target.id
			for _, t := range childTables {
				if err := tx.Exec("DELETE FROM "+t+" WHERE branch_id = ?", id).Error; err != nil {
					return err
				}
			}
			if err := tx.Table("branches").Where("id = ?", id).Updates(row).Error; err != nil {
				return err
			}
		}
		if err := insertChildren(tx, id, snap); err != nil {
			return err
		}
		var err error
		if linked, err = linkByName(tx, id, snap.profile.OrgName, orgs); err != nil {
			return err
		}
		outcome := Imported
		if target != nil {
			outcome = Replaced
		}
		return tx.Exec("INSERT INTO imports (at, file, outcome, branch_id) VALUES (?, ?, ?, ?)", now, file, string(outcome), id).Error
	})
	if err != nil {
		return 0, "", err
	}
	return id, linked, nil
}

// childTables hold a branch's copied rows.
var childTables = []string{"branch_findings", "branch_members", "branch_activities", "branch_slots", "branch_dues", "branch_dues_months", "branch_quarters"}

func branchRow(s *snapshot, file, now string) map[string]any {
	f := &s.figures
	var failed []string
	for _, t := range s.failed {
		failed = append(failed, t.String())
	}
	return map[string]any{
		"uuid": s.manifest.BranchUUID, "org_name": s.profile.OrgName, "branch_name": s.profile.BranchName,
		"branch_type": string(s.profile.BranchType), "secretary": s.profile.Secretary, "term_end": dateValue(s.profile.TermEnd),
		"snapshot_at": stamp(s.manifest.SnapshotAt), "snapshot_on": s.on.String(),
		"app_version": s.manifest.AppVersion, "schema_version": s.manifest.SchemaVersion,
		"db_sha256": s.manifest.Database.SHA256, "package_file": file, "imported_at": now,
		"year": f.Year, "full_members": f.Full, "probationary": f.Probationary,
		"slots_due": f.SlotsDue, "slots_held": f.SlotsHeld, "slots_missing": f.SlotsMissing,
		"life_warn": f.LifeWarn, "life_serious": f.LifeSerious, "dues_warn": f.DuesWarn, "dues_serious": f.DuesSerious,
		"dues_due": int64(f.DuesDue), "dues_paid": int64(f.DuesPaid), "dues_extra": int64(s.register.Extra),
		"serious": f.Serious, "warnings": f.Warnings, "infos": f.Infos,
		"setup": strings.Join(f.Setup, "\n"), "failed": strings.Join(failed, "、"), "updated_at": now,
		"counts": countsJSON(s.manifest.Counts),
	}
}

// countsJSON is a manifest's record counts as the branches table keeps them.
func countsJSON(c map[string]int) string {
	b, err := json.Marshal(c)
	if err != nil {
		return ""
	}
	return string(b)
}

// dateValue is a date as stored: NULL when unknown.
func dateValue(d model.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// insertChildren copies the snapshot's rows, by known columns, through one
// prepared statement per table: SQLite parses each INSERT once per package
// (the writer is the one part of an import that runs on one core).
func insertChildren(tx *gorm.DB, id int64, s *snapshot) error {
	err := insertRows(tx, "branch_findings", []string{"branch_id", "seq", "severity", "topic", "message", "text"},
		len(s.report.Findings), func(i int) []any {
			f := &s.report.Findings[i]
			return []any{id, i + 1, int(f.Severity), int(f.About), f.Message, encodeText(f.Text)}
		})
	if err != nil {
		return err
	}
	err = insertRows(tx, "branch_members", []string{"branch_id", "member_id", "name", "sex", "ethnicity", "id_number",
		"birth_date", "education", "category", "join_date", "full_date", "post", "phone", "standing", "lost_contact",
		"mobile", "on_roster", "left_by", "left_on", "arrived_on"},
		len(s.members), func(i int) []any {
			m := &s.members[i]
			return []any{id, m.ID, m.Name, string(m.Sex), m.Ethnicity, m.IDNumber, dateValue(m.BirthDate), m.Education,
				string(m.Category), dateValue(m.JoinDate), dateValue(m.FullDate), m.Post, m.Phone, string(m.Standing),
				m.LostContact, m.Mobile, m.OnRoster, string(m.LeftBy), dateValue(m.LeftOn), dateValue(m.ArrivedOn)}
		})
	if err != nil {
		return err
	}
	err = insertRows(tx, "branch_activities", []string{"branch_id", "activity_id", "kind", "date", "topic", "due", "present", "on_leave", "inquorate"},
		len(s.activities), func(i int) []any {
			a := &s.activities[i]
			c := a.Counts()
			return []any{id, a.ID, string(a.Kind), a.Date.String(), a.Topic, c.Due, c.Present, c.Leave, s.held[a.ID]}
		})
	if err != nil {
		return err
	}
	slots := s.report.Calendar.Slots
	err = insertRows(tx, "branch_slots", []string{"branch_id", "seq", "kind", "period", "idx", "required", "held", "status"},
		len(slots), func(i int) []any {
			sl := &slots[i]
			return []any{id, i + 1, string(sl.Kind), int(sl.Period), sl.Index, sl.Required, sl.Held, int(sl.Status)}
		})
	if err != nil {
		return err
	}
	err = insertRows(tx, "branch_dues", []string{"branch_id", "seq", "member_id", "name", "category", "base", "rate",
		"monthly", "months", "year_due", "year_paid", "note"},
		len(s.register.Rows), func(i int) []any {
			rr := &s.register.Rows[i]
			return []any{id, i + 1, rr.MemberID, rr.Name, string(rr.Base.Category), rr.BaseLabel(), rr.RateLabel(),
				int64(rr.Monthly), encodeMonths(rr.Months), int64(rr.YearDue), int64(rr.YearPaid), rr.Note}
		})
	if err != nil {
		return err
	}
	err = insertRows(tx, "branch_dues_months", []string{"branch_id", "month", "paid"},
		len(s.register.MonthPaid), func(k int) []any { return []any{id, k + 1, int64(s.register.MonthPaid[k])} })
	if err != nil {
		return err
	}
	return insertRows(tx, "branch_quarters", []string{"branch_id", "quarter", "collected", "remitted"},
		len(s.balance.Quarters), func(q int) []any {
			x := s.balance.Quarters[q]
			return []any{id, q + 1, int64(x.Collected), int64(x.Remitted)}
		})
}

// insertRows inserts n rows into table, row(i) giving the values of cols,
// insertBatch rows to a statement. The SQLite driver prepares a statement
// afresh for every execution, so one row to a statement spent more time
// parsing SQL than storing rows.
func insertRows(tx *gorm.DB, table string, cols []string, n int, row func(i int) []any) error {
	ctx := tx.Statement.Context
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	head := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES "
	var args []any
	for start := 0; start < n; start += insertBatch {
		end := min(start+insertBatch, n)
		args = args[:0]
		for i := start; i < end; i++ {
			args = append(args, row(i)...)
		}
		q := head + strings.TrimSuffix(strings.Repeat(one+", ", end-start), ", ")
		if _, err := tx.Statement.ConnPool.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
	}
	return nil
}

// insertBatch is the rows of one INSERT: at most 50 columns a row keeps
// it well under SQLite's 32,766 parameters.
const insertBatch = 100

// encodeMonths writes a register row's twelve months as "state:分" pairs
// separated by commas.
func encodeMonths(ms [12]model.MonthCell) string {
	var b strings.Builder
	for k, c := range ms {
		if k > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%d:%d", c.State, c.Amount)
	}
	return b.String()
}

// decodeMonths reads encodeMonths' text back.
func decodeMonths(s string) [12]model.MonthCell {
	var out [12]model.MonthCell
	for k, part := range strings.SplitN(s, ",", 12) {
		var st uint8
		var amt int64
		fmt.Sscanf(part, "%d:%d", &st, &amt)
		out[k] = model.MonthCell{State: model.MonthState(st), Amount: model.Money(amt)}
	}
	return out
}

// Packages lists the data packages under each of paths: a file is taken as
// it is, a folder (a USB drive) is searched three levels deep for files
// ending in datapkg.Ext, skipping hidden folders and the app's temporary
// files. The list is sorted by path.
func Packages(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			// As every command says of a file it cannot open (review
			// s5-final attack #7: Go's English "stat …: no such file").
			return nil, reason.Wrap("无法打开文件 "+p, err)
		}
		if !fi.IsDir() {
			if !fi.Mode().IsRegular() {
				// A named pipe or a device would block the read for ever.
				return nil, fmt.Errorf("%s 不是普通文件，不是数据包", p)
			}
			out = append(out, p)
			continue
		}
		root := filepath.Clean(p)
		// The folder chosen is walked even when it is a link to one (a
		// shortcut to the drive: WalkDir does not follow its root, and
		// found nothing, review s6-11 newuser #1); its files are named
		// under the name given. Links inside are not followed.
		walk := root
		if real, err := filepath.EvalSymlinks(root); err == nil {
			walk = real
		}
		err = filepath.WalkDir(walk, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // an unreadable folder on a drive: skip it
			}
			name := d.Name()
			if d.IsDir() {
				if q != walk && (strings.HasPrefix(name, ".") || strings.Count(strings.TrimPrefix(q, walk), string(filepath.Separator)) >= 3) {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.EqualFold(filepath.Ext(name), datapkg.Ext) && !strings.HasPrefix(name, storage.TempPrefix) && !strings.HasPrefix(name, ".") {
				// Only plain files (or links to them): a named pipe
				// called x.blpkg would block the import for ever.
				if fi, err := os.Stat(q); err == nil && fi.Mode().IsRegular() {
					if rel, err := filepath.Rel(walk, q); err == nil {
						q = filepath.Join(root, rel)
					}
					out = append(out, q)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}

// ImportAll imports every package in files, one transaction each, oldest
// snapshot first (see batchOrder), calling progress (if not nil) after each
// with how many are done; the results are in the order of files. So the
// same files give the same results in whatever order a folder lists them:
// several snapshots of one branch are imported and replaced in the order
// they were taken, ending with the newest. Packages of a branch and of a
// copy of its data file started as a second branch (the same identity) are
// told apart by the branch the workspace holds; when it holds neither, all
// their packages are held back, since which is the original cannot be
// told (see contested). A package that could not be unpacked for lack of
// room is tried again, alone, after the others. Packages are opened,
// checked and worked out on several cores at once; each is then compared
// with the workspace and written in turn, so the outcome is the same as
// importing them one by one in that order.
//
// A workspace that fails the full integrity check (see CheckBeforeWrite)
// refuses every package without opening any.
func (w *Workspace) ImportAll(files []string, o ImportOptions, progress func(done, total int, r Result)) []Result {
	if err := w.CheckBeforeWrite(); err != nil {
		out := make([]Result, len(files))
		for i, f := range files {
			out[i] = Result{File: f, Outcome: Refused, Err: err}
			if progress != nil {
				progress(i+1, len(files), out[i])
			}
		}
		return out
	}
	workers := min(max(runtime.NumCPU(), 1), 4, len(files))
	o.keys = &datapkg.KeyCache{}
	o.orgs = &orgNameCache{}
	order, uuids := w.batchOrder(files, o, workers)
	contested := w.contested(uuids, o)
	// The packages of a contested identity, loaded, waiting for the rest
	// of theirs (see decideContested); their unpacked files are removed.
	pending := map[string][]pendingPackage{}
	slots := make([]chan *loaded, len(files))
	for i := range slots {
		slots[i] = make(chan *loaded, 1)
	}
	next := make(chan int)
	go func() {
		for _, i := range order {
			next <- i
		}
		close(next)
	}()
	// The workers run ahead of the writer by at most three packages each
	// (some 1.5 MB unpacked for a branch of 50), so that they need not wait
	// while the writer waits for the disk: at most 3×workers+1 unpacked
	// packages sit in the temporary folder.
	ahead := make(chan struct{}, 3*workers)
	for range workers {
		go func() {
			for i := range next {
				ahead <- struct{}{}
				slots[i] <- w.load(files[i], o)
			}
		}()
	}
	out := make([]Result, len(files))
	// The branches this import wrote, with the result that wrote them: a
	// package older than one of them is no refusal (see ErrOlderInBatch),
	// so that the outcome does not depend on the order of the files.
	written := map[int64]Result{}
	done := 0
	settle := func(i int, l *loaded) {
		r := w.apply(l, o)
		l.close()
		switch {
		case r.Outcome == Imported || r.Outcome == Replaced:
			written[r.BranchID] = r
		case r.Outcome == Refused && errors.Is(r.Err, ErrOlder):
			if newer, ok := written[r.BranchID]; ok {
				r.Outcome = Unchanged
				r.Err = model.Errorf(ErrOlderInBatch, "%s（快照 %s；工作台保留同一批中 %s 的 %s 的快照）", r.File,
					r.Taken.Local().Format("2006-01-02 15:04:05"), newer.File, newer.Taken.Local().Format("2006-01-02 15:04:05"))
			}
		}
		out[i] = r
		done++
		if progress != nil {
			progress(done, len(files), r)
		}
	}
	// A package that found no room to unpack while others were unpacked
	// beside it (a small temporary folder) is tried again alone once all
	// the others are done: the room was taken by the import itself
	// (review s4-11 attack #5).
	var later []int
	hold := func(i int, l *loaded) bool {
		if l.pkg == nil || l.r.Err != nil || !contested[l.pkg.Manifest.BranchUUID] {
			return false
		}
		l.close()
		u := l.pkg.Manifest.BranchUUID
		pending[u] = append(pending[u], pendingPackage{i, l})
		return true
	}
	for _, i := range order {
		l := <-slots[i]
		if l.pkg == nil && len(files) > 1 && datapkg.NoRoom(l.r.Err) {
			l.close()
			<-ahead
			later = append(later, i)
			continue
		}
		if !hold(i, l) {
			settle(i, l)
		}
		<-ahead
	}
	for _, i := range later {
		if l := w.load(files[i], o); !hold(i, l) {
			settle(i, l)
		}
	}
	for _, u := range slices.Sorted(maps.Keys(pending)) {
		group := pending[u]
		// In the batch's order, as they would have been applied.
		sort.Slice(group, func(a, b int) bool { return slices.Index(order, group[a].i) < slices.Index(order, group[b].i) })
		held := heldBackInBatch(group)
		for _, p := range group {
			if err, ok := held[p.i]; ok {
				r := p.l.r
				r.Outcome, r.Err = HeldBack, err
				out[p.i] = r
				done++
				if progress != nil {
					progress(done, len(files), r)
				}
				continue
			}
			settle(p.i, p.l)
		}
	}
	return out
}

// pendingPackage is a loaded package of a contested identity, i the index
// of its file.
type pendingPackage struct {
	i int
	l *loaded
}

// contested are the branch identities of which a batch holds two packages
// or more and the workspace none: whichever of a branch and a copy of its
// data file (a second branch started from it) came first in the batch
// would be imported, and the other held back as the copy (review s5-11
// attack #3), so their packages wait until all are loaded (see
// heldBackInBatch). Not when the import says how to treat a package that
// looks like another branch (o.AsNew, o.SameBranch).
func (w *Workspace) contested(uuids []string, o ImportOptions) map[string]bool {
	if o.AsNew || o.SameBranch {
		return nil
	}
	count := map[string]int{}
	for _, u := range uuids {
		if u != "" {
			count[u]++
		}
	}
	out := map[string]bool{}
	for u, n := range count {
		if n < 2 {
			continue
		}
		if held, err := w.heldWith(u); err == nil && len(held) == 0 {
			out[u] = true
		}
	}
	return out
}

// ErrLooksCopiedInBatch: packages of one branch identity in one batch,
// none held yet, that look like two branches (one started from a copy of
// the other's data file): which is the original cannot be told, so none is
// imported until the instructor says.
var ErrLooksCopiedInBatch = errors.New("同一批中有支部标识相同、但单位或党员不同的数据包：其中一个可能是复制数据文件新建的另一个支部，看不出哪个是原来的，都暂不导入")

// heldBackInBatch decides a contested identity's packages: when every two
// of them look like one branch (see differences), none is held back and
// they are applied in turn; otherwise all are, each with the files that
// look like another branch and why. The result is by file index.
func heldBackInBatch(group []pendingPackage) map[int]error {
	why := map[int]model.Texts{}
	unlike := map[int][]string{}
	for a := range group {
		for b := range group {
			if a == b {
				continue
			}
			if d := differences(group[a].l.snap, group[b].l.snap); len(d) > 0 {
				if len(unlike[group[a].i]) == 0 {
					why[group[a].i] = d
				}
				unlike[group[a].i] = append(unlike[group[a].i], filepath.Base(group[b].l.r.File))
			}
		}
	}
	if len(unlike) == 0 {
		return nil
	}
	out := map[int]error{}
	for _, p := range group {
		others := slices.Sorted(slices.Values(unlike[p.i]))
		if len(others) == 0 {
			// Like each of the others, though they are not like each
			// other: held back with them.
			for _, q := range group {
				if q.i != p.i {
					others = append(others, filepath.Base(q.l.r.File))
				}
			}
			slices.Sort(others)
			out[p.i] = model.Errorf(ErrLooksCopiedInBatch, "%s（同一批中还有 %s）。如确是不同的支部，请选择“作为新支部导入”", p.l.r.File, strings.Join(others, "、"))
			continue
		}
		out[p.i] = model.Errorf(ErrLooksCopiedInBatch, "%s（与同一批中的 %s 相比：%s）。如确是不同的支部，请选择“作为新支部导入”",
			p.l.r.File, strings.Join(others, "、"), why[p.i])
	}
	return out
}

// batchOrder is the order ImportAll applies files in: by the snapshot
// time their manifests give, oldest first, then by file name; a file whose
// manifest cannot be read (its refusal does not depend on the order) after
// them, by name. The manifests are read on workers cores at once, and the
// file keys found are kept in o.keys for the import proper. A manifest may
// lie about its time (the import checks it against the data file): that
// only changes the order, never what is written.
func (w *Workspace) batchOrder(files []string, o ImportOptions, workers int) (order []int, uuids []string) {
	type peeked struct {
		ok    bool
		taken time.Time
		uuid  string
	}
	seen := make([]peeked, len(files))
	if len(files) > 1 {
		next := make(chan int)
		var wg sync.WaitGroup
		ro := w.readOptions(o)
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					if m, err := datapkg.ReadManifest(files[i], ro); err == nil {
						seen[i] = peeked{ok: true, taken: m.SnapshotAt, uuid: m.BranchUUID}
					}
				}
			}()
		}
		for i := range files {
			next <- i
		}
		close(next)
		wg.Wait()
	}
	order = make([]int, len(files))
	uuids = make([]string, len(files))
	for i := range order {
		order[i] = i
		uuids[i] = seen[i].uuid
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := seen[order[a]], seen[order[b]]
		switch {
		case x.ok != y.ok:
			return x.ok
		case x.ok && !x.taken.Equal(y.taken):
			return x.taken.Before(y.taken)
		}
		return files[order[a]] < files[order[b]]
	})
	return order, uuids
}

// packageDamaged says storage's refusal of a package's damaged or altered
// data file (ErrDamaged, ErrSchemaChanged: their advice is to restore a
// backup; ErrConstraint) as ErrPackageDamaged, keeping what the check
// found.
func packageDamaged(err error, path string) error {
	_, found, _ := strings.Cut(err.Error(), path+" 中的数据文件")
	return &reason.Error{Msg: fmt.Sprintf("%s：%s%s", ErrPackageDamaged, path, found), Err: err}
}
