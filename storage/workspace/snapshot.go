package workspace

import (
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/datapkg"
	"branchledger/storage/findings"
	"branchledger/storage/reason"
)

// snapshot is what the workspace keeps of one package: the branch as its
// own checks see it on the day the snapshot was taken.
type snapshot struct {
	manifest   datapkg.Manifest
	on         model.Date // the snapshot's day, by the branch's clock
	profile    model.Profile
	members    []model.Member
	report     model.BranchReport
	failed     []model.FindingTopic
	figures    model.BranchFigures
	register   model.DuesRegister
	balance    model.DuesBalance
	activities []model.Activity
	held       map[int64]bool // activities that could not decide (inquorate), by ID
}

// ErrSnapshotBeforeData: the manifest's snapshot time is before the last
// change recorded in its data file.
var ErrSnapshotBeforeData = errors.New("数据包清单所写的快照时间早于其中数据最后一次修改的时间，清单不可信，没有导入")

// snapshotSlack is how far a record's change time may pass the snapshot
// time: a branch computer's clock set back after running fast (within the
// FutureTolerance a snapshot may be ahead) stamped its changes later.
const snapshotSlack = FutureTolerance

// activityYears is how many years of activity records the workspace keeps
// for reading: the snapshot's year, the year its figures are of.
const activityYears = 1

// readSnapshot opens the checked data file of pkg through storage, with the
// store's clock stopped at the snapshot's time, and works the branch out as
// the branch's own home screen and `check` would on that day. The file is
// the private copy datapkg unpacked and checked in full: storage opens it
// read-only and immutable, with its schema distrusted (one of an older
// version is upgraded in that copy, never in the package).
func readSnapshot(pkg *datapkg.Package) (*snapshot, error) {
	m := pkg.Manifest
	at := m.SnapshotAt
	if at.IsZero() {
		return nil, fmt.Errorf("%w：%s（清单中没有快照时间）", datapkg.ErrNotPackage, pkg.Path)
	}
	store, err := storage.Open(pkg.DataFile(), storage.WithClock(func() time.Time { return at }), storage.CheckedCopy())
	if err != nil {
		return nil, fmt.Errorf("无法读取数据包 %s 中的数据文件：%w", pkg.Path, err)
	}
	defer store.Close()
	s := &snapshot{manifest: m, on: model.DateOf(at)}
	read := func(what string, err error) error {
		var badTime *time.ParseError
		switch {
		case err == nil:
			return nil
		case errors.Is(err, model.ErrBadDate):
			// The file passed every check: a date no form can type was
			// written into it by something else.
			return &reason.Error{Msg: fmt.Sprintf("%s：%s（%s中有不存在的日期）", ErrBadRows, pkg.Path, what), Err: errors.Join(ErrBadRows, err)}
		case errors.As(err, &badTime):
			// A time in another layout than the app writes (set by
			// hand or by another program): said as the package's,
			// naming what, not "读写文件出错" (review s6-11 attack #2).
			return &reason.Error{Msg: fmt.Sprintf("%s：%s（%s中有本软件不会写入的时间“%s”）", ErrBadRows, pkg.Path, what, badTime.Value), Err: errors.Join(ErrBadRows, err)}
		case overflowed(err):
			// Amounts no form lets anyone type, summed past SQLite's
			// integers: said as the package's fault, not "数据库出错"
			// (review s5-11 attack #5).
			return &reason.Error{Msg: fmt.Sprintf("%s：%s（%s中的金额大得无法合计）", ErrBadRows, pkg.Path, what), Err: errors.Join(ErrBadRows, err)}
		}
		return fmt.Errorf("读取数据包 %s 中的%s失败：%w", pkg.Path, what, err)
	}
	if s.profile, err = store.Profile(); err != nil {
		return nil, read("支部信息", err)
	}
	if s.members, err = store.Members(); err != nil {
		return nil, read("党员名册", err)
	}
	// The snapshot is taken after the last change it holds, by the same
	// clock: a manifest dated before it lies (a snapshot of 1970 would be
	// worked out for 1970, with none of the year's records; review s5-11
	// attack #2).
	last := s.profile.UpdatedAt
	for i := range s.members {
		if u := s.members[i].UpdatedAt; u.After(last) {
			last = u
		}
	}
	if last.After(at.Add(snapshotSlack)) {
		return nil, fmt.Errorf("%w：%s（快照 %s，数据最后修改于 %s）", ErrSnapshotBeforeData, pkg.Path,
			at.Local().Format("2006-01-02 15:04"), last.Local().Format("2006-01-02 15:04"))
	}
	// The findings as `check` lists them. A source that fails leaves its
	// area out; the branch is still shown, its missing area said.
	s.report, err = findings.Collect(store, s.on, s.on.Year)
	if err != nil {
		log.Printf("workspace: %s: %v", pkg.Path, err)
		s.failed = s.report.Failed
	}
	// A dues record no form can write (a date 0000-00-00, a month 13, an
	// amount that makes the sums overflow) is named before the dues are
	// worked out from it (review s5-11 attack #5).
	problems, n, err := store.DuesRowProblems(maxQuarterAmount, maxNamedProblems)
	if err != nil {
		return nil, read("党费记录", err)
	}
	// An activity dated years after the snapshot (review s6-11 attack #5).
	later, k, err := store.ActivitiesAfter(s.on.AddMonths(12), maxNamedProblems)
	if err != nil {
		return nil, read("活动记录", err)
	}
	problems, n = append(problems, later...)[:min(len(problems)+len(later), maxNamedProblems)], n+k
	if n > 0 {
		more := ""
		if n > len(problems) {
			more = fmt.Sprintf("等%d条", n)
		}
		return nil, fmt.Errorf("%w：%s（%s%s）", ErrBadRows, pkg.Path, strings.Join(problems, "；"), more)
	}
	if s.register, err = store.DuesRegister(s.on.Year, s.on); err != nil {
		return nil, read("党费收缴登记表", err)
	}
	if s.balance, err = store.DuesBalance(s.on.Year); err != nil {
		return nil, read("党费上缴情况", err)
	}
	for y := s.on.Year - activityYears + 1; y <= s.on.Year; y++ {
		acts, err := store.Activities(y)
		if err != nil {
			return nil, read("活动记录", err)
		}
		s.activities = append(s.activities, acts...)
	}
	if err := s.checkRows(pkg.Path); err != nil {
		return nil, err
	}
	s.held = inquorate(s)
	s.figures = model.FiguresOf(&s.report, s.members, &s.register)
	return s, nil
}

// inquorate marks the general meetings that could not decide (未达法定
// 人数), as the branch's own lists mark them.
func inquorate(s *snapshot) map[int64]bool {
	out := map[int64]bool{}
	byID := make(map[int64]*model.Member, len(s.members))
	for i := range s.members {
		byID[s.members[i].ID] = &s.members[i]
	}
	rc := model.RuleContext{Members: byID, CommitteeSeats: len(s.profile.Committee), Rules: model.CurrentRules().Branch}
	for i := range s.activities {
		if a := &s.activities[i]; a.Kind == model.KindGeneralMeeting && rc.Inquorate(a) {
			out[a.ID] = true
		}
	}
	return out
}

// overflowed reports whether SQLite gave up summing integers in err's chain
// (the sentence on top is reason's "数据库出错").
func overflowed(err error) bool {
	for ; err != nil; err = errors.Unwrap(err) {
		if strings.Contains(err.Error(), "integer overflow") {
			return true
		}
	}
	return false
}
