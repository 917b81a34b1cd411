package demo

import (
	"fmt"

	"branchledger/model"
)

// Store is the part of the store that Fill writes through; the same calls the
// app itself makes, so sample data passes the same checks as real data.
type Store interface {
	Profile() (model.Profile, error)
	SaveProfile(p model.Profile) error
	Members() ([]model.Member, error)
	PlanImport(source string, incoming []model.Member, columns []model.Field) (model.ImportPlan, error)
	ApplyImport(plan model.ImportPlan) (added, updated int, err error)
	RecordEvent(e model.MembershipEvent) (model.Member, error)
	SaveActivity(a model.Activity) (model.Activity, error)
	SavePlan(p model.Plan) (model.Plan, error)
	SaveMeetingSetup(b model.BranchMeetingSetup) error
}

// ErrNotEmpty refuses to mix sample data into a roster that has real members.
var ErrNotEmpty = fmt.Errorf("数据文件中已有党员，示例数据只能写入空的数据文件，请用 --db 指定一个新文件")

// Fill writes a sample branch into an empty store: a profile, n members and a
// few members who have left (transferred out, died), so that every screen has
// something to show.
func Fill(s Store, n int, seed int64, today model.Date) error {
	existing, err := s.Members()
	if err != nil {
		return err
	}
	if len(existing) > 0 {
		return ErrNotEmpty
	}
	p, err := s.Profile()
	if err != nil {
		return err
	}
	if !p.IsSet() {
		p = sampleProfile(p, today)
		if err := s.SaveProfile(p); err != nil {
			return fmt.Errorf("示例支部信息：%w", err)
		}
	}
	members := Members(n, seed, today, p.BranchName)
	columns := make([]model.Field, len(model.MemberFields))
	for i, f := range model.MemberFields {
		columns[i] = f.Field
	}
	plan, err := s.PlanImport("示例数据", members, columns)
	if err != nil {
		return err
	}
	if _, _, err := s.ApplyImport(plan); err != nil {
		return err
	}
	stored, err := s.Members()
	if err != nil {
		return err
	}
	// About one in twenty-five has left, so history screens are not empty.
	for i := 7; i < len(stored); i += 25 {
		m := stored[i]
		e := model.MembershipEvent{MemberID: m.ID, Kind: model.EventTransferOut, Date: today.AddMonths(-(i % 30) - 1),
			Note: "工作调动，转往兰州新区某企业党支部"}
		if i%3 == 0 {
			e.Kind, e.Note = model.EventDeath, "因病去世"
		}
		// A departure before the member's own records here (admission,
		// 转正, arrival) is refused by the store (a07e2e5): such a member
		// stays.
		if e.Date.Before(m.JoinDate) || !e.Date.After(m.FullDate) || e.Date.Before(m.ArrivedOn) {
			continue
		}
		if _, err := s.RecordEvent(e); err != nil {
			return fmt.Errorf("示例变动（%s）：%w", m.Name, err)
		}
	}
	// Dues through their own interface: Store stays what the roster needs.
	if ds, ok := s.(DuesStore); ok {
		if err := FillDues(ds, today); err != nil {
			return err
		}
	}
	return FillActivities(s, seed, today)
}

func sampleProfile(p model.Profile, today model.Date) model.Profile {
	p.OrgName, p.OrgType, p.OrgAddress, p.EmployeeCount = "甘肃陇原机械制造有限公司", model.OrgEnterprise, "甘肃省兰州市安宁区北滨河西路 88 号", 260
	p.BranchName = "中共甘肃陇原机械制造有限公司支部委员会"
	p.BranchType = model.BranchOwn
	p.FoundedOn = model.NewDate(2012, 7, 1)
	p.Secretary = "张建华"
	p.Committee = []model.CommitteeMember{{Name: "张建华", Role: "书记"}, {Name: "李志强", Role: "组织委员"}, {Name: "王芳", Role: "宣传委员"}}
	p.TermStart = today.AddYears(-2).AddMonths(-8)
	p.TermStart.Day = 1
	p.TermEnd = p.TermStart.AddYears(3)
	p.InstructorName, p.InstructorPhone = "刘卫东", "13919012345"
	p.ContactName, p.ContactPhone = "王芳", "0931-7654321"
	return p
}
