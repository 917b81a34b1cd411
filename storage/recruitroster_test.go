package storage

import (
	"strings"
	"testing"

	"branchledger/model"
)

// Neither a save nor an import of the pipeline may take over a member who
// joined otherwise: one person, one record (RULES.md §4). Only the same
// person, entered on the roster by hand after the approval, is linked.
func TestPipelineNeverRewritesAnotherMember(t *testing.T) {
	cases := []struct {
		name string
		// person makes the pipeline record from the roster's first member.
		person func(m model.Member) model.Recruit
		want   string // "" when the member is linked, not refused
	}{
		{"another_name_same_id_approved", func(m model.Member) model.Recruit {
			r := applicant()
			throughApproval(&r)
			r.IDNumber, r.Name = m.IDNumber, "另一个名字"
			return r
		}, "不是同一份记录"},
		{"same_name_joined_otherwise", func(m model.Member) model.Recruit {
			r := applicant()
			throughApproval(&r)
			r.IDNumber, r.Name = m.IDNumber, m.Name
			return r
		}, "不是同一份记录"},
		{"same_id_not_approved", func(m model.Member) model.Recruit {
			r := applicant()
			r.IDNumber, r.Name = m.IDNumber, m.Name
			return r
		}, "已是党员的不能再列入发展名单"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, via := range []string{"save", "import"} {
				s := openTest(t)
				ms := addMembers(t, s, 3)
				r := tc.person(ms[0])
				r.BirthDate, r.Sex = model.Date{}, ""
				var err error
				if via == "save" {
					_, err = s.SaveRecruit(r)
				} else {
					p, perr := s.PlanRecruitImport("台账.xlsx", []RecruitRow{{Row: 2, Recruit: r}})
					if perr != nil {
						t.Fatal(perr)
					}
					if len(p.Rejected) > 0 {
						err = model.ValidationErrors{{Message: p.Rejected[0].Reason}}
					}
					if _, _, aerr := s.ApplyRecruitImport(p); aerr != nil && err == nil {
						err = aerr
					}
				}
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("%s: %v, want a refusal saying %q", via, err, tc.want)
				}
				after, _ := s.Member(ms[0].ID)
				if len(model.DiffMembers(&ms[0], &after)) > 0 {
					t.Errorf("%s: member rewritten: %+v", via, model.DiffMembers(&ms[0], &after))
				}
				if n := len(mustMembers(t, s)); n != 3 {
					t.Errorf("%s: %d members, want 3", via, n)
				}
			}
		})
	}
	// The same person entered on the roster by hand once approved: linked,
	// not added twice, and brought to 正式党员 by the 转正 recorded later.
	s := openTest(t)
	addMembers(t, s, 3)
	r := applicant()
	throughApproval(&r)
	m := newMember(50)
	m.Name, m.IDNumber, m.BirthDate, m.Sex = r.Name, r.IDNumber, day(1998, 6, 1), model.SexMale
	m.Category, m.JoinDate, m.FullDate = model.CategoryProbationary, r.DateOf(model.StepAdmission), model.Date{}
	m, err := s.AddMember(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := s.SaveRecruit(r)
	if err != nil || saved.MemberID != m.ID {
		t.Fatalf("the same person: linked to %d, err %v; want member %d", saved.MemberID, err, m.ID)
	}
	fullMembership(&saved)
	if _, err := s.SaveRecruit(saved); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Member(m.ID)
	if after.Category != model.CategoryFull || after.FullDate != day(2026, 1, 10) || len(mustMembers(t, s)) != 4 {
		t.Errorf("after 转正: %s %s, %d members", after.Category, after.FullDate, len(mustMembers(t, s)))
	}
}

// fullMembership records the oath and a 转正 on time after throughApproval.
func fullMembership(r *model.Recruit) {
	r.Put(model.StepRecord{Step: model.StepApprovalRecord, Seq: 1, Date: day(2025, 2, 25)})
	r.Put(model.StepRecord{Step: model.StepAssignment, Seq: 1, Date: day(2025, 2, 25)})
	r.Put(model.StepRecord{Step: model.StepOath, Seq: 1, Date: day(2025, 3, 1)})
	r.Put(model.StepRecord{Step: model.StepFullApplication, Seq: 1, Date: day(2025, 12, 20)})
	r.Put(model.StepRecord{Step: model.StepFullMeeting, Seq: 1, Date: day(2026, 1, 15), Outcome: model.OutcomeFull})
	r.Put(model.StepRecord{Step: model.StepFullApproval, Seq: 1, Date: day(2026, 2, 10)})
}

// The pipeline writes the roster only when a roster-relevant step changes,
// and never over a correction made on the roster since without saying so.
func TestPipelineKeepsRosterCorrections(t *testing.T) {
	s := openTest(t)
	r := applicant()
	throughApproval(&r)
	saved, err := s.SaveRecruit(r)
	if err != nil {
		t.Fatal(err)
	}
	// The roster is corrected by hand.
	m, _ := s.Member(saved.MemberID)
	m.JoinDate = day(2025, 1, 11)
	if _, err := s.UpdateMember(m); err != nil {
		t.Fatal(err)
	}
	// Saves that change nothing the roster takes leave it alone: a note, a
	// step before the approval, an import of the same sheet with notes.
	saved.Notes = "改了备注"
	saved.Record(model.StepTalk).People = "王测0、李测1"
	if saved, err = s.SaveRecruit(saved); err != nil {
		t.Fatal(err)
	}
	in := saved
	in.ID, in.Notes = 0, "导入的备注"
	p, err := s.PlanRecruitImport("台账.xlsx", []RecruitRow{{Row: 2, Recruit: in}})
	if err != nil || len(p.Rejected) > 0 {
		t.Fatalf("plan: %v %+v", err, p.Rejected)
	}
	if _, _, err := s.ApplyRecruitImport(p); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Member(saved.MemberID); got.JoinDate != day(2025, 1, 11) {
		t.Errorf("加入党组织日期 %s after saves that did not change the meeting: the roster's correction was undone", got.JoinDate)
	}
	// Moving the meeting now would overwrite the correction: refused, saying so.
	saved, _ = s.Recruit(saved.ID)
	saved.Record(model.StepAdmission).Date = day(2025, 1, 12)
	if _, err := s.SaveRecruit(saved); err == nil || !strings.Contains(err.Error(), "在花名册中改过") || !strings.Contains(err.Error(), "2025-01-11") {
		t.Errorf("moving the meeting over a roster correction: %v", err)
	}
	// Once the roster agrees, or where it was not touched, the pipeline leads.
	saved.Record(model.StepAdmission).Date = day(2025, 1, 11)
	if saved, err = s.SaveRecruit(saved); err != nil {
		t.Fatalf("meeting moved to the roster's date: %v", err)
	}
	saved.Record(model.StepAdmission).Date = day(2025, 1, 9)
	if _, err := s.SaveRecruit(saved); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Member(saved.MemberID); got.JoinDate != day(2025, 1, 9) {
		t.Errorf("加入党组织日期 %s, want the meeting moved to 2025-01-09", got.JoinDate)
	}
	changes, _ := s.MemberChanges(saved.MemberID)
	if len(changes) != 2 || changes[0].Source != SourceRecruiting {
		t.Errorf("roster history: %+v; want the hand correction and the one the pipeline made", changes)
	}
}

// A cancelled probation, saved again and again, leaves the roster once; an
// outcome changed back is refused rather than silently undone.
func TestCancelledProbationIsRecordedOnce(t *testing.T) {
	s := openTest(t)
	r := applicant()
	throughApproval(&r)
	fullMembership(&r)
	r.Record(model.StepFullMeeting).Outcome = model.OutcomeCancel
	saved, err := s.SaveRecruit(r)
	if err != nil {
		t.Fatal(err)
	}
	saved.Notes = "再保存一次"
	if saved, err = s.SaveRecruit(saved); err != nil {
		t.Fatal(err)
	}
	if evs, _ := s.MemberEvents(saved.MemberID); len(evs) != 1 {
		t.Errorf("%d events, want the one 出党", len(evs))
	}
	saved.Record(model.StepFullMeeting).Outcome = model.OutcomeFull
	if _, err := s.SaveRecruit(saved); err == nil || !strings.Contains(err.Error(), "离开花名册") {
		t.Errorf("outcome changed back from a cancellation: %v", err)
	}
}
