package model

// RecruitColumn is one column of the pipeline workbook a branch keeps in
// Excel: one row per person. The same table gives the import its headings
// and aliases and the export its headings, so that they never drift apart.
type RecruitColumn struct {
	Field   Field // its value is the heading, so messages read without a lookup
	Aliases []string
	Step    RecruitStep // the step the column records, 0 for the person's data
	Part    RecruitPart // which part of the step's record
}

// RecruitPart is which part of a step's record a column holds.
type RecruitPart int

const (
	PartDate RecruitPart = iota
	PartStart
	PartEnd
	PartHours
	PartPeople
)

// Columns of the pipeline workbook (issue 12). An empty cell is a step not
// yet taken.
const (
	ColName          Field = "姓名"
	ColIDNumber      Field = "公民身份号码"
	ColSex           Field = "性别"
	ColBirthDate     Field = "出生日期"
	ColApplication   Field = "申请入党日期"
	ColTalk          Field = "谈话日期"
	ColActivist      Field = "确定入党积极分子日期"
	ColMentors       Field = "培养联系人"
	ColCandidate     Field = "确定发展对象日期"
	ColNoticeStart   Field = "公示开始日期"
	ColNoticeEnd     Field = "公示结束日期"
	ColVetting       Field = "政审结论日期"
	ColCourseStart   Field = "培训开始日期"
	ColCourseEnd     Field = "培训结束日期"
	ColCourseHours   Field = "培训学时"
	ColCommittee     Field = "支委会审查日期"
	ColPreReview     Field = "预审日期"
	ColSponsors      Field = "入党介绍人"
	ColAdmission     Field = "支部大会日期"
	ColApproval      Field = "审批日期"
	ColOath          Field = "入党宣誓日期"
	ColFullMeeting   Field = "转正大会日期"
	ColFullApproval  Field = "转正审批日期"
	ColRecruitNotes  Field = "备注"
	ColRecruitPhone  Field = "联系电话"
	ColRecruitPost   Field = "工作岗位"
	ColRecruitEthnic Field = "民族"
	ColRecruitEduc   Field = "学历"
)

// RecruitColumns lists the columns in the order the workbook has them.
var RecruitColumns = []RecruitColumn{
	{ColName, []string{"申请人姓名", "名字"}, 0, 0},
	{ColIDNumber, []string{"身份证号", "身份证号码", "身份证", "身份号码", "公民身份证号码", "公民身份证号", "证件号码"}, 0, 0},
	{ColSex, nil, 0, 0},
	{ColBirthDate, []string{"出生年月", "出生年月日", "生日"}, 0, 0},
	{ColRecruitEthnic, nil, 0, 0},
	{ColRecruitEduc, []string{"文化程度"}, 0, 0},
	{ColRecruitPost, []string{"工作单位及职务", "职务", "岗位"}, 0, 0},
	{ColRecruitPhone, []string{"电话", "手机", "手机号码", "联系方式"}, 0, 0},
	{ColApplication, []string{"申请入党时间", "递交入党申请书日期", "递交入党申请书时间", "入党申请日期", "申请日期", "申请入党"}, StepApplication, PartDate},
	{ColTalk, []string{"谈话时间", "派人谈话日期", "党组织派人谈话日期", "谈话"}, StepTalk, PartDate},
	{ColActivist, []string{"确定为入党积极分子日期", "确定入党积极分子时间", "确定为入党积极分子时间", "列为入党积极分子日期", "确定积极分子日期", "确定积极分子"}, StepActivist, PartDate},
	{ColMentors, []string{"培养人", "培养联系人姓名"}, StepMentors, PartPeople},
	{ColCandidate, []string{"确定为发展对象日期", "确定发展对象时间", "确定为发展对象时间", "列为发展对象日期", "确定发展对象"}, StepCandidate, PartDate},
	{ColNoticeStart, []string{"公示开始时间", "公示起始日期", "公示开始"}, StepCandidateRecord, PartStart},
	{ColNoticeEnd, []string{"公示结束时间", "公示截止日期", "公示结束"}, StepCandidateRecord, PartEnd},
	{ColVetting, []string{"政审日期", "政治审查日期", "政审结论时间", "政治审查结论日期", "政审"}, StepVetting, PartDate},
	{ColCourseStart, []string{"培训开始时间", "集中培训开始日期"}, StepCourse, PartStart},
	{ColCourseEnd, []string{"培训结束时间", "集中培训结束日期", "培训结业日期"}, StepCourse, PartEnd},
	{ColCourseHours, []string{"学时", "培训课时"}, StepCourse, PartHours},
	{ColCommittee, []string{"支委会审查时间", "支部委员会审查日期", "支委会审查"}, StepCommitteeReview, PartDate},
	{ColPreReview, []string{"预审时间", "上级党委预审日期", "预审"}, StepPreReview, PartDate},
	{ColSponsors, []string{"介绍人", "入党介绍人姓名"}, StepSponsors, PartPeople},
	{ColAdmission, []string{"支部大会讨论日期", "支部大会时间", "接收预备党员日期", "支部大会讨论通过日期", "支部大会"}, StepAdmission, PartDate},
	{ColApproval, []string{"审批时间", "上级党委审批日期", "党委审批日期", "审批"}, StepApproval, PartDate},
	{ColOath, []string{"宣誓日期", "入党宣誓时间", "入党宣誓"}, StepOath, PartDate},
	{ColFullMeeting, []string{"转正大会时间", "支部大会讨论转正日期", "转正讨论日期", "转正大会"}, StepFullMeeting, PartDate},
	{ColFullApproval, []string{"转正审批时间", "转正日期", "转正审批"}, StepFullApproval, PartDate},
	{ColRecruitNotes, []string{"说明"}, 0, 0},
}
