// Package demo makes realistic sample data for trying the app and for
// benchmarks: plausible names, valid ID numbers and dates that obey the rules,
// reproducible from a seed.
package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"branchledger/model"
)

var (
	surnames    = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	maleChars   = []rune("伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林峰建国文志海东亮成晨阳博振")
	femaleChars = []rune("芳娜敏静丽艳娟霞秀玲燕红梅琳雪婷慧颖倩洁琴云莉兰英萍佳琪欣悦晶蓉丹璐瑶怡")
	ethnicities = []string{"汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "回族", "东乡族", "土族", "藏族", "满族", "蒙古族"}
	// County-level codes of Gansu, where the project's first branches are.
	regions = []string{"620102", "620103", "620104", "620105", "620111", "620121", "620302", "620402", "620421", "620503", "620602", "620702", "620802", "621102", "621121", "622421", "622901", "623001"}
	streets = []string{"东岗西路", "庆阳路", "张掖路", "南滨河路", "雁滩路", "西津东路", "建宁路", "五泉南路", "北滨河路", "民主西路"}
	posts   = []string{
		"非公有制经济组织管理人员", "非公有制经济组织专业技术人员", "非公有制经济组织工勤技能人员",
		"非公有制经济组织工勤技能人员", "农民工", "民办非企业单位管理人员", "民办非企业单位专业技术人员",
	}
	educations = []string{"硕士研究生", "大学", "大学", "大学", "大专", "大专", "中专", "普通高中", "技工学校", "初中"}
	places     = []string{"广东省深圳市", "浙江省杭州市", "江苏省苏州市", "上海市浦东新区", "新疆乌鲁木齐市"}
)

// Members returns n valid members on the roster of branchName, as they would
// stand on today: a mix of ages, a few probationary members, a few mobile and
// a few lost-contact members. Reproducible for a seed.
func Members(n int, seed int64, today model.Date, branchName string) []model.Member {
	r := rand.New(rand.NewPCG(uint64(seed), 0x5eed))
	out := make([]model.Member, 0, n)
	used := make(map[string]bool, n)
	rules := model.CurrentRules()
	for len(out) < n {
		m := member(r, today, rules, branchName)
		if used[m.IDNumber] {
			continue
		}
		used[m.IDNumber] = true
		out = append(out, m)
	}
	return out
}

func member(r *rand.Rand, today model.Date, rules model.Rules, branchName string) model.Member {
	sex := model.SexMale
	if r.IntN(100) < 42 {
		sex = model.SexFemale
	}
	// Ages 22–75, more of them young: members in "两新" organisations are
	// mostly of working age.
	age := 22 + int(float64(53)*r.Float64()*r.Float64())
	birth := randomDay(r, today.Year-age-1, today.Year-age)
	id := idNumber(r, regions[r.IntN(len(regions))], birth, sex)

	m := model.NewMember()
	m.Name = name(r, sex)
	m.Sex = sex
	m.Ethnicity = ethnicities[r.IntN(len(ethnicities))]
	m.IDNumber = id
	m.BirthDate = birth
	m.Education = educations[r.IntN(len(educations))]
	m.BranchName = branchName
	m.Post = posts[r.IntN(len(posts))]
	if age >= 60 {
		m.Post = "离退休人员"
	}
	m.Phone = fmt.Sprintf("1%d%09d", []int{3, 5, 7, 8, 9}[r.IntN(5)], r.IntN(1_000_000_000))
	m.Address = fmt.Sprintf("甘肃省兰州市%s%d号", streets[r.IntN(len(streets))], 1+r.IntN(300))

	// Joined between 18 and min(age, 45); the last 1.5 years are probationary.
	earliest := birth.AddYears(rules.Membership.MinAge).AddMonths(1)
	span := earliest.MonthsUntil(today) - 1
	if span > 27*12 {
		span = 27 * 12
	}
	join := earliest.AddMonths(r.IntN(span + 1))
	if join.Day > 28 {
		join.Day = 28
	}
	if join.After(today) {
		join = today
	}
	m.JoinDate = join
	// A sample branch has kept its records for years: its members came
	// onto its roster when they were admitted, not the day the sample was
	// made.
	m.ArrivedOn = join
	full := join.AddYears(rules.Membership.ProbationYears).AddMonths(r.IntN(2))
	// A few whose probation was extended (it may be, once, by up to a year)
	// are still probationary a little past the year.
	extended := r.IntN(100) < 3 && join.After(today.AddYears(-rules.Membership.ProbationYears).AddMonths(-rules.Membership.ProbationMaxExtensionMonths/2))
	if full.After(today) || extended {
		m.Category = model.CategoryProbationary
	} else {
		m.Category = model.CategoryFull
		m.FullDate = full
	}
	switch x := r.IntN(100); {
	case x < 6:
		m.Mobile = true
		m.MobileDestination = places[r.IntN(len(places))]
	case x < 8:
		m.LostContact = true
		m.LostSince = today.AddMonths(-1 - r.IntN(10))
		m.LostSince.Day = 0
	}
	return m
}

func name(r *rand.Rand, sex model.Sex) string {
	chars := maleChars
	if sex == model.SexFemale {
		chars = femaleChars
	}
	n := string(surnames[r.IntN(len(surnames))]) + string(chars[r.IntN(len(chars))])
	if r.IntN(100) < 70 {
		n += string(chars[r.IntN(len(chars))])
	}
	return n
}

func randomDay(r *rand.Rand, fromYear, toYear int) model.Date {
	from := time.Date(fromYear, 1, 1, 0, 0, 0, 0, time.UTC)
	days := int(time.Date(toYear, 12, 31, 0, 0, 0, 0, time.UTC).Sub(from).Hours() / 24)
	return model.DateOf(from.AddDate(0, 0, r.IntN(days+1)))
}

// idNumber makes a valid 公民身份号码 for the region, birth date and sex.
func idNumber(r *rand.Rand, region string, birth model.Date, sex model.Sex) string {
	seq := r.IntN(500) * 2 // the sequence's last digit carries the sex
	if sex == model.SexMale {
		seq++
	}
	first17 := fmt.Sprintf("%s%04d%02d%02d%03d", region, birth.Year, int(birth.Month), birth.Day, seq)
	return first17 + string(model.IDCheckChar(first17))
}
