package model

import (
	"strconv"
	"strings"
	"time"
)

// RecruitChange is one edit to a person's pipeline record, kept for good:
// the record proves how a member was admitted, so nobody may silently
// rewrite a step.
type RecruitChange struct {
	RecruitID int64
	Field     string // 姓名, or the step: 确定入党积极分子, 培养教育考察（第2次）
	Old, New  string
	Source    string // 编辑, or the imported file's name
	At        time.Time
}

// Label names a step's record: the step, and for a repeated one which.
func (x *StepRecord) Label() string {
	name := x.Step.Info().Name
	switch {
	case x.Step == StepTraining:
		return name + "（第" + strconv.Itoa(x.Seq) + "次考察）"
	case x.Seq > 1:
		return name + "（第" + strconv.Itoa(x.Seq) + "次）"
	}
	return name
}

// Text is the record as one line: what the 纪实表 prints and the history
// compares.
func (x *StepRecord) Text() string {
	if x == nil {
		return ""
	}
	var parts []string
	add := func(label, v string) {
		if v != "" {
			parts = append(parts, label+v)
		}
	}
	add("日期：", x.Date.String())
	if !x.Start.IsZero() {
		add("期间：", x.Start.String()+"至"+x.End.String())
	}
	if x.Hours > 0 {
		add("学时：", strconv.Itoa(x.Hours))
	}
	add("人员：", x.People)
	add("方式：", x.Method)
	add("材料：", x.Document)
	if x.ActivityID != 0 {
		add("会议记录：", "#"+strconv.FormatInt(x.ActivityID, 10))
	}
	add("结果：", string(x.Outcome))
	if x.Months > 0 {
		add("延长：", strconv.Itoa(x.Months)+"个月")
	}
	if x.WrittenYes+x.WrittenNo > 0 {
		add("书面意见：", "赞成"+strconv.Itoa(x.WrittenYes)+"，反对"+strconv.Itoa(x.WrittenNo))
	}
	add("归档：", strings.Join(x.Archived, "、"))
	add("说明：", x.Note)
	return strings.Join(parts, "；")
}

// DiffRecruits lists what changed from old to new: the person's fields and
// each step's record as a whole.
func DiffRecruits(old, new *Recruit) []RecruitChange {
	var out []RecruitChange
	add := func(f, o, n string) {
		if o != n {
			out = append(out, RecruitChange{RecruitID: old.ID, Field: f, Old: o, New: n})
		}
	}
	add("姓名", old.Name, new.Name)
	add("性别", string(old.Sex), string(new.Sex))
	add("公民身份号码", old.IDNumber, new.IDNumber)
	add("出生日期", old.BirthDate.String(), new.BirthDate.String())
	add("民族", old.Ethnicity, new.Ethnicity)
	add("学历", old.Education, new.Education)
	add("工作岗位", old.Post, new.Post)
	add("联系电话", old.Phone, new.Phone)
	add("预计离开本单位日期", old.LeaveDate.String(), new.LeaveDate.String())
	add("备注", old.Notes, new.Notes)
	seen := map[[2]int]bool{}
	for i := range new.Records {
		x := &new.Records[i]
		seen[[2]int{int(x.Step), x.Seq}] = true
		add(x.Label(), old.RecordSeq(x.Step, x.Seq).Text(), x.Text())
	}
	for i := range old.Records {
		x := &old.Records[i]
		if !seen[[2]int{int(x.Step), x.Seq}] {
			add(x.Label(), x.Text(), "")
		}
	}
	return out
}
