package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"branchledger/model"
)

// ActivityStore is the part of the store the sample activity history is
// written through: the same calls the 活动 screen makes.
type ActivityStore interface {
	Profile() (model.Profile, error)
	SaveProfile(p model.Profile) error
	Members() ([]model.Member, error)
	SaveActivity(a model.Activity) (model.Activity, error)
	SavePlan(p model.Plan) (model.Plan, error)
	SaveMeetingSetup(b model.BranchMeetingSetup) error
}

// maxActivityMembers: above this the sample is a load test of the roster,
// not a branch (支部 usually have at most 50 members), and no activity history
// is made for it.
const maxActivityMembers = 300

var (
	demoTopics = map[model.ActivityKind][]string{
		model.KindGeneralMeeting:   {"学习贯彻党的二十届四中全会精神", "讨论预备党员转正事宜", "通报上半年支部工作，部署下半年任务", "学习《中国共产党纪律处分条例》"},
		model.KindCommitteeMeeting: {"研究本月主题党日安排", "研究发展党员工作", "研究党费收缴情况", "研究年度组织生活会方案"},
		model.KindLecture:          {"书记讲党课：坚定理想信念", "学习党章，做合格党员", "弘扬伟大建党精神", "以高质量党建引领企业发展"},
		model.KindThemeDay:         {"重温入党誓词", "参观八路军兰州办事处纪念馆", "志愿服务进社区", "集中学习党的创新理论", "开展安全生产承诺践诺活动"},
		model.KindLifeMeeting:      {"年度组织生活会：对照检查，开展批评与自我批评"},
		model.KindAppraisal:        {"年度民主评议党员"},
		model.KindTalk:             {"支委与党员谈心谈话"},
	}
	leaveReasons = []string{"出差", "病假", "倒班", "家中有事", "外出培训"}
	demoPlaces   = []string{"公司三楼会议室", "党员活动室", "车间休息区", "职工之家"}
)

// FillActivities writes a sample history of branch activities from four
// years back to today, with the gaps real branches have (a missed month, a
// quarter without a general meeting), two members who stopped coming (one
// for four months, one for seven), and plans for the months ahead, so that
// the calendar, the participation flags and `check` have something to show.
// The records are entered today, so all but the latest show as 补录; the
// file is dated back to the history's start (Store.SetFileCreated).
func FillActivities(s ActivityStore, seed int64, today model.Date) error {
	members, err := s.Members()
	if err != nil {
		return err
	}
	if len(members) == 0 || len(members) > maxActivityMembers {
		return nil
	}
	p, err := s.Profile()
	if err != nil {
		return err
	}
	if p, err = committeeFromRoster(s, p, members); err != nil {
		return err
	}
	if err := s.SaveMeetingSetup(model.BranchMeetingSetup{LecturePeriod: model.Quarterly, LecturesPerTerm: 1}); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(uint64(seed), 0xac71))
	// Two members on the roster who stopped coming.
	var stopped []stopper
	seated := map[string]bool{}
	for _, c := range p.Committee {
		seated[c.Name] = true
	}
	for i := 3; i < len(members) && len(stopped) < 2; i++ {
		if m := members[i]; m.OnRoster && !m.Mobile && !m.LostContact && !seated[m.Name] {
			stopped = append(stopped, stopper{m.ID, today.AddMonths(-4 - 3*len(stopped))})
		}
	}
	recorder := p.Secretary
	if len(p.Committee) > 1 {
		recorder = p.Committee[len(p.Committee)-1].Name
	}
	firstJoined := today
	for _, m := range members {
		if !m.JoinDate.IsZero() && m.JoinDate.Before(firstJoined) {
			firstJoined = m.JoinDate
		}
	}
	// Gaps: a quarter without a general meeting two years ago, a month
	// without a theme day last year.
	skipQuarter, skipMonth := today.Year-2, time.Month(1+r.IntN(12))
	for y := today.Year - 3; y <= today.Year; y++ {
		for m := time.January; m <= time.December; m++ {
			for _, kind := range kindsDue(m) {
				if y == skipQuarter && (m-1)/3 == 1 && kind == model.KindGeneralMeeting {
					continue
				}
				if y == today.Year-1 && m == skipMonth && kind == model.KindThemeDay {
					continue
				}
				// This year: a committee meeting missed two months ago, and
				// last quarter's lecture.
				if y == today.Year && m == today.AddMonths(-2).Month && kind == model.KindCommitteeMeeting ||
					y == today.Year && today.Month > 3 && m == (today.Month-1)/3*3 && kind == model.KindLecture {
					continue
				}
				d := model.NewDate(y, m, 8+r.IntN(18))
				if d.After(today) || d.Before(firstJoined) {
					// Nobody was a member yet (a small sample branch of
					// young members): the app refuses such a record.
					continue
				}
				a := sampleActivity(r, kind, d, p, recorder, members, stopped)
				if _, err := s.SaveActivity(a); err != nil {
					return fmt.Errorf("示例活动（%s %s）：%w", d, kind, err)
				}
			}
		}
	}
	// The sample branch has kept this ledger since its history begins: its
	// gaps are gaps, not periods before the ledger was opened.
	if o, ok := s.(interface{ SetFileCreated(model.Date) error }); ok {
		if err := o.SetFileCreated(model.NewDate(today.Year-3, time.January, 1)); err != nil {
			return err
		}
	}
	for i := 0; i < 4; i++ {
		at := today.AddMonths(i)
		kind := model.KindThemeDay
		topic := demoTopics[kind][r.IntN(len(demoTopics[kind]))]
		if i == 1 {
			kind, topic = model.KindLecture, "书记讲党课：学习新修订的支部工作条例"
		}
		if _, err := s.SavePlan(model.Plan{Year: at.Year, Month: at.Month, Kind: kind, Topic: topic}); err != nil {
			return err
		}
	}
	return nil
}

type stopper struct {
	id    int64
	since model.Date
}

// kindsDue are the activities held in a month: theme day and committee
// meeting monthly, general meeting and lecture in the last month of a
// quarter, the year-end meetings in December, talks in June.
func kindsDue(m time.Month) []model.ActivityKind {
	kinds := []model.ActivityKind{model.KindThemeDay, model.KindCommitteeMeeting}
	if m%3 == 0 {
		kinds = append(kinds, model.KindGeneralMeeting, model.KindLecture)
	}
	if m == time.June {
		kinds = append(kinds, model.KindTalk)
	}
	if m == time.December {
		kinds = append(kinds, model.KindLifeMeeting, model.KindAppraisal)
	}
	return kinds
}

func sampleActivity(r *rand.Rand, kind model.ActivityKind, d model.Date, p model.Profile, recorder string, members []model.Member, stopped []stopper) model.Activity {
	topics := demoTopics[kind]
	a := model.Activity{
		Kind: kind, Date: d, Start: "14:30", End: "16:00", Place: demoPlaces[r.IntN(len(demoPlaces))],
		Topic: topics[r.IntN(len(topics))], Chair: p.Secretary, Recorder: recorder,
		Attendance: model.NewAttendance(model.DueMembers(kind, d, members, p.Committee)),
	}
	a.Content = "1. " + p.Secretary + "同志主持会议，通报议题：" + a.Topic + "。\n2. 与会党员结合工作实际逐一发言。\n3. 主持人作总结，对下一步工作提出要求。"
	for i := range a.Attendance {
		row := &a.Attendance[i]
		for _, s := range stopped {
			if row.MemberID == s.id && !d.Before(s.since) {
				row.Status, row.Reason = model.Absent, "未请假，联系不上"
			}
		}
		if row.Status != model.Present {
			continue
		}
		switch x := r.IntN(20); {
		case x < 2:
			row.Status, row.Reason = model.OnLeave, leaveReasons[r.IntN(len(leaveReasons))]
		case x < 3 && kind != model.KindCommitteeMeeting:
			row.Status, row.Reason = model.Absent, "未请假"
		}
		// The chair and the recorder were there: a demo meeting chaired by
		// someone its own roll marks 请假 was a finding on the demo's home
		// (since d38cc61). Drawn as before, so that the rest of the demo
		// stays as it was.
		if row.Name == a.Chair || row.Name == a.Recorder {
			row.Status, row.Reason = model.Present, ""
		}
	}
	if kind == model.KindGeneralMeeting {
		// Only full members vote; probationary members present do not.
		byID := make(map[int64]*model.Member, len(members))
		for i := range members {
			byID[members[i].ID] = &members[i]
		}
		if _, voters := a.VotingCounts(byID); voters > 1 {
			a.Resolutions = []model.Resolution{{Text: "通过本季度支部工作安排", Voted: true, Yes: voters - 1, Abstain: 1}}
		}
	}
	return a
}

// committeeFromRoster seats the sample committee from members on the roster,
// so that committee meetings have members to take attendance of.
func committeeFromRoster(s ActivityStore, p model.Profile, members []model.Member) (model.Profile, error) {
	var full []string
	for i := range members {
		if members[i].OnRoster && members[i].Category == model.CategoryFull && !members[i].Mobile && !members[i].LostContact {
			full = append(full, members[i].Name)
		}
	}
	if len(full) < 3 || !p.IsSet() {
		return p, nil
	}
	roles := []string{"书记", "组织委员", "宣传委员"}
	p.Committee = nil
	for i, role := range roles {
		p.Committee = append(p.Committee, model.CommitteeMember{Name: full[i], Role: role})
	}
	p.Secretary, p.ContactName = full[0], full[2]
	return p, s.SaveProfile(p)
}
