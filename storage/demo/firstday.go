package demo

import (
	"fmt"

	"branchledger/model"
)

// FirstDayStore is the part of the store FirstDay writes through: what a
// secretary does in the first hour.
type FirstDayStore interface {
	SaveProfile(p model.Profile) error
	AddMember(m model.Member, via *model.MembershipEvent) (model.Member, error)
	SaveDuesBases(year int, bases []model.DuesBase, source string) error
	SetDuesOpenings(openings []model.DuesOpening, source string) error
}

// FirstDayMembers is how many members the first-day branch has.
const FirstDayMembers = 14

// FirstDay writes into an empty store what a secretary enters in the first
// hour with the app (issue 8): the profile with its committee, 14 members
// typed in today, two of them with this year's dues base, and of those one
// who paid up to last month on paper (党费已交至). Nothing is on record yet
// that could show a member behind: no activity, no payment, and twelve
// bases still to enter. It returns the members as stored.
func FirstDay(s FirstDayStore, seed int64, today model.Date) ([]model.Member, error) {
	p := sampleProfile(model.Profile{}, today)
	p.OrgName, p.EmployeeCount = "兰州新锐科技有限公司", 86
	p.BranchName = "中共兰州新锐科技有限公司支部委员会"
	var out []model.Member
	for _, m := range Members(FirstDayMembers, seed, today, p.BranchName) {
		m.ArrivedOn = model.Date{} // typed in today: the store sets the day
		// A new branch's roster as typed: everyone in contact and here.
		m.LostContact, m.LostSince, m.Mobile, m.MobileDestination = false, model.Date{}, false, ""
		stored, err := s.AddMember(m, nil)
		if err != nil {
			return nil, fmt.Errorf("第一天的党员（%s）：%w", m.Name, err)
		}
		out = append(out, stored)
	}
	p.Secretary = out[0].Name
	p.Committee = []model.CommitteeMember{{Name: out[0].Name, Role: "书记"}, {Name: out[1].Name, Role: "组织委员"}, {Name: out[2].Name, Role: "宣传委员"}}
	if err := s.SaveProfile(p); err != nil {
		return nil, fmt.Errorf("第一天的支部信息：%w", err)
	}
	bases := []model.DuesBase{
		{MemberID: out[0].ID, Category: model.DuesEmployed, Base: model.Yuan(5400)},
		{MemberID: out[1].ID, Category: model.DuesEmployed, Base: model.Yuan(3800)},
	}
	if err := s.SaveDuesBases(today.Year, bases, model.SourceDuesGrid); err != nil {
		return nil, fmt.Errorf("第一天的党费基数：%w", err)
	}
	paper := model.DuesOpening{MemberID: out[1].ID, PaidTo: model.MonthOfDate(today) - 1}
	if err := s.SetDuesOpenings([]model.DuesOpening{paper}, model.SourceDuesOpening); err != nil {
		return nil, fmt.Errorf("第一天的党费已交至：%w", err)
	}
	return out, nil
}
