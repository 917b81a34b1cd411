package model

import (
	"errors"
	"strings"
)

// Field names one item of a member record. The same table gives the screen's
// column headings, the form's labels, the Excel headings and the import's
// aliases, so that they never drift apart.
type Field string

const (
	FieldName              Field = "name"
	FieldSex               Field = "sex"
	FieldEthnicity         Field = "ethnicity"
	FieldIDNumber          Field = "id_number"
	FieldBirthDate         Field = "birth_date"
	FieldEducation         Field = "education"
	FieldCategory          Field = "category"
	FieldBranchName        Field = "branch_name"
	FieldJoinDate          Field = "join_date"
	FieldFullDate          Field = "full_date"
	FieldPost              Field = "post"
	FieldPhone             Field = "phone"
	FieldAddress           Field = "address"
	FieldStanding          Field = "standing"
	FieldLostContact       Field = "lost_contact"
	FieldLostSince         Field = "lost_since"
	FieldMobile            Field = "mobile"
	FieldMobileDestination Field = "mobile_destination"
	FieldNotes             Field = "notes"
	// FieldArrivedOn is not on the collection form: it is the branch's own
	// record of when the member came onto its roster (Member.ArrivedOn).
	FieldArrivedOn Field = "arrived_on"
)

// FieldInfo describes a field: its label on the official form, other headings
// rosters use for it (compared after removing spaces, line breaks and
// brackets), and a print width in characters.
type FieldInfo struct {
	Field   Field
	Label   string
	Aliases []string
	Width   float64
}

// MemberFields lists the 16 items of the 2017 collection form in its order
// (失联 and 流动 each with their detail), then notes.
var MemberFields = []FieldInfo{
	{FieldName, "姓名", []string{"党员姓名", "名字"}, 8},
	{FieldSex, "性别", nil, 4},
	{FieldEthnicity, "民族", nil, 6},
	{FieldIDNumber, "公民身份号码", []string{"身份证号", "身份证号码", "身份证", "身份号码", "公民身份证号码", "公民身份证号", "证件号码", "身份证件号码", "居民身份证号码", "居民身份证号", "公民身份号", "证件号"}, 20},
	{FieldBirthDate, "出生日期", []string{"出生年月", "出生年月日", "出生时间", "生日", "出生日期年月日"}, 11},
	{FieldEducation, "学历", []string{"文化程度", "最高学历", "学历学位", "文化", "最高学历学位", "全日制学历"}, 9},
	{FieldCategory, "人员类别", []string{"党员类别", "党员身份", "类别", "正式/预备", "预备/正式", "预/正", "正/预", "正式/预备党员", "预备/正式党员", "正式或预备", "正式或预备党员", "党员类型", "人员类型", "政治面貌"}, 9},
	{FieldBranchName, "所在党支部", []string{"所在支部", "党支部", "支部名称", "所属支部", "所在党组织", "所属党组织", "所属党支部", "党组织名称", "所在党组织名称", "支部", "党支部名称", "所在党支部名称", "所属党支部名称", "党组织"}, 14},
	{FieldJoinDate, "加入党组织日期", []string{"入党时间", "入党日期", "入党年月", "加入党组织时间", "入党时间（预备）", "成为预备党员时间", "成为预备党员日期", "接收为预备党员时间", "加入中国共产党时间", "加入中国共产党日期", "加入中共时间", "预备党员时间", "预备党员日期", "发展时间", "发展日期", "发展为预备党员时间",
		// the 党章's words (吸收为预备党员) and the 发展党员工作细则's (接收预备党员)
		"吸收为预备党员时间", "接收预备党员时间",
		// the meeting that admits a 预备党员, whose date the probation counts from
		"支部大会通过时间", "支部大会通过日期"}, 11},
	{FieldFullDate, "转为正式党员日期", []string{"转正时间", "转正日期", "转正年月", "转为正式党员时间", "成为正式党员时间", "成为正式党员日期", "正式党员时间", "正式党员日期", "按期转正时间",
		"预备党员转正时间", "转正为正式党员时间", "入党转正时间", "批准转正时间", "预备期满转正时间"}, 11},
	{FieldPost, "工作岗位", []string{"工作单位及职务", "职务", "岗位", "工作单位", "单位及职务", "现工作单位及职务", "现工作单位", "工作单位及职务（职称）", "职业", "工作岗位及职务", "所在单位及职务", "现任职务", "工作职务", "从事职业"}, 14},
	{FieldPhone, "联系电话", []string{"电话", "手机", "手机号", "手机号码", "联系方式", "移动电话", "联系电话（手机）", "电话号码"}, 13},
	{FieldAddress, "家庭住址", []string{"住址", "家庭地址", "现居住地", "居住地址", "现住址", "家庭详细住址", "通讯地址", "现居住地址", "居住地"}, 20},
	{FieldStanding, "党籍状态", []string{"党籍"}, 8},
	{FieldLostContact, "是否失联党员", []string{"失联党员", "失联", "是否失联", "是否失去联系", "是否为失联党员"}, 6},
	{FieldLostSince, "失联年月", []string{"失联时间", "失联日期", "失去联系时间", "失去联系日期", "失去联系的日期", "失去联系年月"}, 9},
	{FieldMobile, "是否流动党员", []string{"流动党员", "流动", "是否流动", "是否为流动党员"}, 6},
	{FieldMobileDestination, "外出流向", []string{"流向", "流动去向", "外出去向", "流入地", "外出地点", "流动党员外出流向", "外出流向地"}, 14},
	// 情况说明, 备考, 附注: the remarks column as old forms and personnel
	// files head it (review F41: named as not imported, its 已故 unread);
	// 其他, 注, 党员情况 as branches' own rosters do (review ra8 G4: a
	// 已转出 there was lost and the person stored). 备注1, 备注2 are
	// numbered remarks (storage/xlsx numberedRemark).
	{FieldNotes, "备注", []string{"说明", "情况说明", "备考", "附注", "其他说明", "附记", "其他", "其它", "注", "党员情况", "备注栏"}, 14},
}

// ArrivalField describes Member.ArrivedOn: shown and edited with the
// record and kept in its history, but not one of the form's 16 items, so
// the printed 花名册 and the importer's column set leave it out unless they
// ask for it. An import column under one of its aliases sets it.
var ArrivalField = FieldInfo{FieldArrivedOn, "到本支部日期", []string{"转入本支部日期", "转入日期", "转入时间", "到本支部时间", "来本支部日期",
	"进入党支部日期", "进入党支部时间", "进入本支部日期", "进入本支部时间", "转入党支部日期", "转入党支部时间"}, 11}

// RecordFields are every field a member's record shows and keeps history
// of: the collection form's, then the arrival date.
var RecordFields = append(MemberFields[:len(MemberFields):len(MemberFields)], ArrivalField)

var fieldIndex = func() map[Field]*FieldInfo {
	m := make(map[Field]*FieldInfo, len(RecordFields))
	for i := range RecordFields {
		m[RecordFields[i].Field] = &RecordFields[i]
	}
	return m
}()

// Label is the field's name on the official form.
func (f Field) Label() string {
	if fi, ok := fieldIndex[f]; ok {
		return fi.Label
	}
	if fi, ok := orgFieldIndex[f]; ok {
		return fi.Label
	}
	return string(f)
}

// Info returns the field's description; an unknown field is described by its
// key alone.
func (f Field) Info() FieldInfo {
	if fi, ok := fieldIndex[f]; ok {
		return *fi
	}
	return FieldInfo{Field: f, Label: string(f)}
}

// Text is the field's value as shown on screen and printed on the roster.
func (m *Member) Text(f Field) string {
	switch f {
	case FieldName:
		return m.Name
	case FieldSex:
		return string(m.Sex)
	case FieldEthnicity:
		return m.Ethnicity
	case FieldIDNumber:
		return m.IDNumber
	case FieldBirthDate:
		return m.BirthDate.String()
	case FieldEducation:
		return m.Education
	case FieldCategory:
		return string(m.Category)
	case FieldBranchName:
		return m.BranchName
	case FieldJoinDate:
		return m.JoinDate.String()
	case FieldFullDate:
		return m.FullDate.String()
	case FieldPost:
		return m.Post
	case FieldPhone:
		return m.Phone
	case FieldAddress:
		return m.Address
	case FieldStanding:
		return string(m.Standing)
	case FieldLostContact:
		return yesNo(m.LostContact)
	case FieldLostSince:
		if m.LostSince.IsZero() {
			return ""
		}
		return m.LostSince.String()[:7]
	case FieldMobile:
		return yesNo(m.Mobile)
	case FieldMobileDestination:
		return m.MobileDestination
	case FieldNotes:
		return m.Notes
	case FieldArrivedOn:
		return m.ArrivedOn.String()
	}
	return ""
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// FieldError is one problem with one field.
type FieldError struct {
	Field   Field
	Message string
	// Text, when set, is Message as a Text, for screens in another
	// language (ui/kit.SayProblem).
	Text Text
}

// ErrProblem is err as a problem of field f, keeping its sentence as a Text
// when it has one (SentenceOf).
func ErrProblem(f Field, err error) FieldError {
	e := FieldError{Field: f, Message: err.Error()}
	if t, ok := SentenceOf(err); ok {
		e.Text = t
		var te *TextError
		if errors.As(err, &te) && !te.Bare {
			// 日期格式不正确：没有 13 月
			switch te.Kind {
			case ErrBadDate:
				e.Text = errorText("日期格式不正确：%s", t)
			case ErrBadMoney:
				e.Text = errorText("金额格式不正确：%s", t)
			}
		}
	}
	return e
}

// Problem returns the FieldError of f saying format with args.
func Problem(f Field, format string, args ...any) FieldError {
	t := Textf(format, args...)
	return FieldError{Field: f, Message: t.String(), Text: t}
}

func (e FieldError) Error() string { return e.Field.Label() + "：" + e.Message }

// ValidationErrors is every problem found in one record.
type ValidationErrors []FieldError

func (v ValidationErrors) Error() string {
	parts := make([]string, len(v))
	for i, e := range v {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "；")
}

// Without is v without the problems of field f.
func (v ValidationErrors) Without(f Field) ValidationErrors {
	var out ValidationErrors
	for _, e := range v {
		if e.Field != f {
			out = append(out, e)
		}
	}
	return out
}

// For returns the first message for a field, or "".
func (v ValidationErrors) For(f Field) string {
	for _, e := range v {
		if e.Field == f {
			return e.Message
		}
	}
	return ""
}
