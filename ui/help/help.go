// Package help is the window's 帮助 section: a short page for each screen,
// saying what it is for and how a secretary goes about it, and 关于 (the
// version, the data file, the SQLite engine and the licences of what the
// app is built from).
package help

import (
	"fmt"
	"runtime/debug"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// Title is the section's name in the navigation.
const Title = "帮助"

// About is what 关于 shows of the running app.
type About struct {
	Version  string // the app's version, as `branchledger version` prints it
	DataFile string // the data file the window has open
	// SQLite reports the version of the SQLite engine built in.
	SQLite func() (string, error)
	// Software is set in 兼容模式 (Mesa's software OpenGL, see ui/launch):
	// 关于 says what it means and how to get back to normal mode, since the
	// window's title is all a user sees of it otherwise.
	Software bool
}

// topic is one page: its title in the list and its text (Markdown, in
// Chinese, translated when shown).
type topic struct {
	title, text string
}

// topicData fill the {{.Name}} fields of a page's text, by its title: the
// numbers of the rules, from their tables in model rather than written
// into the text.
var topicData = map[string]func() map[string]any{"组织关系": transferNumbers}

// AboutTopic is the title of the 关于 page, for opening it directly.
const AboutTopic = "关于"

// topics are the help pages, one per screen, in the navigation's order.
var topics = []topic{
	{"首页", "首页是支部的概况：在册党员人数，近期计划的活动，以及按“组织设置、组织生活、党费、党员信息、发展党员”分组的检查发现，每组标出条数。\n\n" +
		"**严重**是检查时会被指出的问题，**提醒**是快要到期或需要留意的事。点一条发现，就会打开处理它的地方：党员的个人页、合规日历、党费基数或设置。\n\n" +
		"新建的数据文件先到“设置”填写支部基本信息，再到“党员”新增或导入党员。"},
	{"党员", "“党员”是花名册：按姓名、身份证号码或电话搜索，按类别、党籍、流动、失联筛选，点列标题排序，点一行打开个人页。\n\n" +
		"**新增党员**逐项填写；日期可写成 1985-03-12、1985.3.12、1985年3月12日，只知道年月时写 1985.03，也可点日历选择。离开一项时才检查这一项，红字写在这一项下面，全部无误后才能保存。Enter 保存，Esc 取消。\n\n" +
		"**导入 Excel** 读取各支部自制的花名册，先预览将新增、更新和未通过的行，确认后才写入。\n\n" +
		"死亡、出党、停止党籍等在个人页用“登记变动”记录，不会删除任何人；转出用个人页的“开具介绍信”，转入在“组织关系 → 转入”中登记（见“组织关系”的帮助）。"},
	{"活动", "“活动”记录三会一课、主题党日、组织生活会、民主评议和谈心谈话。\n\n" +
		"**新建活动**：先填活动类型和日期，出席名单按当天的花名册生成。在“出席情况”中先点**全部出席**，再把请假、缺席的人改过来并写明原因。支部党员大会和支委会的到会人数、表决是否过半，写在表单下方。\n\n" +
		"**年度计划**安排全年的活动；**合规日历**按《支部工作条例》的频次，标出每月、每季度已开展、缺失和即将到期的活动，以及连续几个月没有参加组织生活的党员。"},
	{"党费", "“党费”分四页：**收缴**是党员×月份的登记表，点一行登记交纳；**基数**填写每人的缴纳类别和计算基数，月应交按中组发〔2008〕3号自动计算；**欠交**列出已到期未交的党员；**上缴**按季度登记上缴并显示支部结存。\n\n" +
		"**建账月份**是开始在本软件中记党费账的月份（默认为录入第一批基数的月份，在“基数”页修改），此前的月份不计欠交。建账前已在纸质台账交过的党员，在“基数”页勾选后用**为所选党员设置**，或在其个人页，填写**党费已交至**的月份。把建账月份提前时，提前的月份在登记前显示为**待补录**，不算欠交：在“收缴”中按实际交纳日期补录（**党费已交至**只用于建账月份之前的月份）。\n\n" +
		"登记错误的交纳或上缴用**冲正**更正，原记录保留并标为已冲正。**导出登记表**生成可打印的收缴登记表和年度汇总。"},
	{"发展党员", "“发展党员”按入党申请人、入党积极分子、发展对象、预备党员和转正五个阶段，逐人记录《发展党员工作细则》的25个环节：每一步的日期、有关人员（谈话人、培养联系人、入党介绍人）、材料，以及决定它的支委会或支部党员大会的会议记录。\n\n" +
		"点一个人打开其时间线：已完成的环节写明日期，到期的写明应在哪天前完成，逾期的标红，尚不能进行的灰色；页面顶部写着**下一步**。每个期限都按该环节所适用的细则版本（2014年版或2026年5月11日起的2026年版）计算，公示天数按节假日和调休安排算工作日，节假日可在设置中补充。\n\n" +
		"上级党委**审批**后，此人自动列入花名册为预备党员（加入党组织日期为接收的支部大会日期）；**转正审批**后改为正式党员。花名册上改过的日期不会被发展记录悄悄改回。\n\n" +
		"**导入台账** 读取支部现有的发展党员台账（每人一行），先预览再写入；**导出工作台账** 生成全支部的发展党员工作台账；个人页上可**打印纪实表**和两种公示。"},
	{"组织关系", "" +
		"“组织关系”分四页：**转出（介绍信）**、**转入（介绍信）**、**流动党员**和**流入党员**；页面上方列出需要处理的检查发现。第一次开具介绍信前，先在“转出”页的“介绍信设置…”中填写本支部的基层党委、通讯地址、电话和邮编，它们印在介绍信和回执上。\n\n" +
		"**开具介绍信**（在党员的个人页，或“转出”页的“开具介绍信…”）：填写接收党组织及其基层党委、转出原因、开具日期、有效期（一般{{.ValidDefault}}天，最长{{.ValidMax}}天）和党员的联系电话。编号按年排列，如（2026）第1号、第2号，作废的编号也不再使用。党费交至取自党费账中已交清的最后一个月，不用填写；有欠交时，开具前会说明欠交的月份和金额。开具日期不能早于该党员在本支部的最后一项记录（如出席过的活动）。开具后，该党员离开本支部名册（在花名册的“已离开”中仍可查看），不删除任何记录。\n\n" +
		"**回执**：接收党组织应在收到党员后{{.ReceiptMonths}}个月内寄回回执。收到后在“转出”页选中这封介绍信，点“登记回执…”，填写回执日期、接收党组织和经办人，这封介绍信即办结；回执贴在存根联的“贴回执联处”备查。\n\n" +
		"**作废**：介绍信没有使用（如党员去向改变）时，选中它点“作废…”并写明原因：党员回到本支部名册，这个编号保留、不再使用。请收回介绍信原件，与存根一起保存。\n\n" +
		"**转入**：党员持其他党组织开具的介绍信来报到时，在“转入”页点“登记转入…”，照介绍信填写编号、转出党组织、开具日期、党费交至和正式或预备党员，党员即列入花名册；党费从党费交至的下一个月起在本支部交纳。转入的预备党员，预备期继续计算，转正讨论最多可推迟{{.Postpone}}个月。\n\n" +
		"**流动党员**：党员外出务工、经商等暂不转接组织关系时，在“流动党员”页点“登记外出…”，记下外出日期、流向、原因、流动党员活动证编号、联系方式和流入地党组织；之后每次报告用“登记报告…”记下，回来时用“登记返回…”。外出{{.TransferAfter}}个月以上且地点相对固定的，应开具介绍信转接组织关系；流动党员每{{.ReportMonths}}个月至少向党支部报告一次；活动证每{{.CardMonths}}个月年审一次。\n\n" +
		"**流入党员**：其他地方的党员在本单位工作、参加本支部活动而不转接组织关系的，在“流入党员”页登记。他们不列入花名册；活动的“出席情况”中可勾选为列席，不计入应到人数和表决。在本地工作{{.TransferAfter}}个月以上的，应将组织关系转入本支部。\n\n" +
		"**检查发现**（首页和本页上方）：**未收到回执**——介绍信开出已超过{{.ReceiptMonths}}个月，请与接收党组织联系，核实党员是否已报到；**介绍信已过期**——有效期已过仍无回执，党员没有去报到的，应作废后重新开具；**外出已满{{.TransferAfter}}个月**——应转接组织关系，确实无法转接的，在流动党员登记中注明原因；**未报告**——流动党员超过{{.ReportMonths}}个月没有向支部报告；**活动证年审**——即将到期或已逾期；**流入党员已满{{.TransferAfter}}个月**——应转入本支部；**转入的预备党员预备期已满**——应在期限内召开支部党员大会讨论其转正。\n\n" +
		"**打印**：介绍信开具后可立即保存为 Excel 文件打印（一张 A4 纸：存根、介绍信、回执三联）；以后在“转出”页选中这封介绍信，点“打印介绍信…”，或用“套打…”在印好的介绍信纸上只打印填写的内容（位置偏差在“介绍信设置…”中调整）。转入的回执：在“转入”页选中记录，点“打印回执…”。全年的组织关系转接登记簿：“转出”页的“导出登记簿…”。流动党员登记表、流入党员登记表：在各自页面点“导出…登记表…”。文件用 Excel 或 WPS 打开后打印。"},
	{"设置", "“设置”中填写支部基本信息（单位、支部、委员会、任期、党建指导员）和组织生活设置（党小组、党课次数），查看数据文件的位置，选择界面语言。\n\n" +
		"有未保存的修改时离开这一页，程序会先询问。全部数据都在一个数据文件里：程序关闭后复制这个文件即可备份。"},
	// Both ways in, for a secretary told by phone where to load the key
	// and an instructor who has only the program (review s4-11 newuser #9).
	{"指导员与数据包", "**支部书记**：在“设置 → 指导员”中点“载入公钥文件…”（党建指导员给的公钥文件），或把指导员发来的消息用“粘贴公钥…”粘贴进来，然后电话核对屏幕上的指纹。此后点“导出数据包…”写出的数据包只有这位指导员能打开，U盘丢失也不会泄露党员信息，导出时不用输入密码。还没有指导员公钥时，可以给数据包设一个密码（至少8个字符），另行告诉指导员。数据包的文件名以 .blpkg 结尾；U盘上其他支部的数据包不会被覆盖。\n\n再建一个支部的台账时，用“设置”中的“新建数据文件…”，不要复制已有的数据文件：复制的文件带着原支部的标识，指导员导入时会被暂不导入。\n\n**党建指导员**：在“设置”页最下方点“打开指导员工作台…”（也可用命令 branchledger --workspace 文件名 打开）。工作台是单独的文件，与支部的数据文件分开。第一次使用时在“密钥与设置”中“生成指导员密钥…”（填写姓名，设一个只有自己知道的密码），“导出公钥…”发给各支部，再用“另存私钥（加密）…”把私钥另存到另一个U盘。\n\n收到U盘后在“导入数据包”中点“导入文件夹（U盘）…”：每个数据包一行结果。较新的快照替换较旧的，同一个数据包再导入不变，比工作台中已有的旧的不导入；支部标识相同但单位或党员不同的（复制数据文件新建的支部）暂不导入，可选择“作为新支部导入”。\n\n“单位名录”从 Excel 导入或逐个填写，单位名称与支部数据包中的单位名称相同的自动关联；“覆盖率”由名录算出；“支部一览”列出各支部的快照日期、人数、组织生活和党费，点一行只读查看，“导出上报汇总表…”生成上报用的 Excel。"},
}

// transferNumbers are the limits the 组织关系 page quotes (RULES.md §5).
func transferNumbers() map[string]any {
	tr, mr := model.CurrentTransferRules(), model.CurrentMobileRules()
	return map[string]any{
		"ValidDefault":  tr.ValidDaysDefault.N,
		"ValidMax":      tr.ValidDaysMax.N,
		"ReceiptMonths": tr.ReceiptMonths.N,
		"TransferAfter": mr.TransferAfterMonths.N,
		"ReportMonths":  mr.ReportMonths.N,
		"CardMonths":    mr.CardReviewMonths.N,
		"Postpone":      model.ProbationTransfer2026.PostponeMonths.N,
	}
}

// Titles are the help pages' titles, in the list's order, 关于 last: each
// opens with View.Show.
func Titles() []string {
	titles := make([]string, 0, len(topics)+1)
	for _, t := range topics {
		titles = append(titles, t.title)
	}
	return append(titles, AboutTopic)
}

// NewView is the 帮助 section: the topics on the left, the page on the right.
// Call Show to open a topic.
func NewView(about About) *View {
	v := &View{about: about}
	titles := Titles()
	v.titles = titles
	v.page = container.NewStack()
	// The list is as wide as its longest title in the UI language: at a
	// fixed share of the width English "Instructor and data packages" was
	// cut at 1024 px (review s7-8 attack #17).
	widest := ""
	for _, t := range titles {
		if l := lang.L(t); fyne.MeasureText(l, theme.TextSize(), fyne.TextStyle{}).Width > fyne.MeasureText(widest, theme.TextSize(), fyne.TextStyle{}).Width {
			widest = l
		}
	}
	v.list = widget.NewList(func() int { return len(titles) },
		func() fyne.CanvasObject { return widget.NewLabel(widest) },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lang.L(titles[id])) })
	v.list.OnSelected = func(id widget.ListItemID) { v.show(id) }
	split := container.NewHSplit(v.list, v.page)
	split.Offset = 0.18
	v.Content = split
	v.list.Select(0)
	return v
}

// View is the help section.
type View struct {
	Content fyne.CanvasObject
	about   About
	titles  []string
	list    *widget.List
	page    *fyne.Container
	// Text is the page shown and Markdown its source, for tests.
	Text     *kit.MarkdownText
	Markdown string
}

// Show opens the page titled title (a screen's Chinese title, or
// AboutTopic); an unknown title opens the first page.
func (v *View) Show(title string) {
	v.list.Select(max(0, slices.Index(v.titles, title)))
}

func (v *View) show(id int) {
	var md string
	if id < len(topics) {
		tp := topics[id]
		var data []any
		if fill := topicData[tp.title]; fill != nil {
			data = append(data, fill())
		}
		md = "## " + lang.L(tp.title) + "\n\n" + lang.L(tp.text, data...)
	} else {
		md = v.aboutText()
	}
	v.Markdown = md
	v.Text = kit.NewMarkdownText(md)
	v.page.Objects = []fyne.CanvasObject{container.NewVScroll(v.Text)}
	v.page.Refresh()
}

// aboutText is 关于: what a bug report needs, then the licences.
func (v *View) aboutText() string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", lang.L("支部台账"))
	// "版本：0.1.0" in Chinese, "Version: 0.1.0" in English (the colon
	// was full-width in both, review s8-8 #12).
	line := func(label, value string) { fmt.Fprintf(&b, "%s%s%s\n\n", lang.L(label), lang.L("："), value) }
	line("版本", v.about.Version)
	line("数据文件", v.about.DataFile)
	sqlite := lang.L("未知")
	if v.about.SQLite != nil {
		if s, err := v.about.SQLite(); err == nil {
			sqlite = s
		}
	}
	line("SQLite 版本", sqlite)
	display := lang.L("正常（OpenGL）")
	if v.about.Software {
		display = lang.L("兼容模式（软件渲染）：这台电脑的显卡驱动不支持 OpenGL 2.1，程序改用软件绘制，画面和动作会慢一些，也不显示动画。更新显卡驱动后重新打开程序，即恢复正常模式。")
	}
	line("显示方式", display)
	fmt.Fprintf(&b, "### %s\n\n%s\n\n", lang.L("许可"), lang.L("本程序使用以下开源软件，各自按其许可证发布："))
	for _, m := range modules() {
		fmt.Fprintf(&b, "- %s %s — %s\n", m.Path, m.Version, m.Licence)
	}
	fmt.Fprintf(&b, "- Droid Sans Fallback — Apache-2.0\n")
	return b.String()
}

// Module is a Go module the app is built from, with its licence.
type Module struct {
	Path, Version, Licence string
}

// licences are the licences of the modules the app is built from, by
// module path prefix, as their LICENSE files state.
var licences = []struct{ prefix, licence string }{
	{"fyne.io/", "BSD-3-Clause"},
	{"github.com/go-gl/", "BSD-3-Clause"},
	{"github.com/go-text/", "BSD-3-Clause / Unlicense"},
	{"github.com/fyne-io/", "BSD-3-Clause"},
	{"github.com/srwiley/", "BSD-3-Clause"},
	{"github.com/rymdport/", "Apache-2.0"},
	{"github.com/godbus/", "BSD-2-Clause"},
	{"github.com/fsnotify/", "BSD-3-Clause"},
	{"github.com/yuin/goldmark", "MIT"},
	{"github.com/nicksnyder/go-i18n", "MIT"},
	{"github.com/jeandeaual/go-locale", "MIT"},
	{"github.com/BurntSushi/toml", "MIT"},
	{"github.com/fredbi/uri", "MIT"},
	{"github.com/dustin/go-humanize", "MIT"},
	{"github.com/hack-pad/", "Apache-2.0"},
	{"github.com/jsummers/gobmp", "MIT"},
	{"github.com/nfnt/resize", "ISC"},
	{"gorm.io/", "MIT"},
	{"github.com/jinzhu/", "MIT"},
	{"github.com/glebarez/", "MIT / BSD-3-Clause"},
	{"modernc.org/", "BSD-3-Clause"},
	{"github.com/remyoudompheng/bigfft", "BSD-3-Clause"},
	{"github.com/ncruces/go-strftime", "MIT"},
	{"github.com/mattn/go-isatty", "MIT"},
	{"github.com/google/uuid", "BSD-3-Clause"},
	{"github.com/xuri/", "BSD-3-Clause"},
	{"github.com/orisano/gosax", "BSD-2-Clause"},
	{"github.com/richardlehane/", "Apache-2.0"},
	{"github.com/tiendc/go-deepcopy", "MIT"},
	{"filippo.io/", "BSD-3-Clause"},
	{"github.com/TheTitanrain/w32", "BSD-3-Clause"},
	{"golang.org/x/", "BSD-3-Clause"},
	{"gopkg.in/yaml.v3", "MIT / Apache-2.0"},
	{"github.com/davecgh/go-spew", "ISC"},
	{"github.com/kr/text", "MIT"},
	{"github.com/pmezard/go-difflib", "BSD-3-Clause"},
	{"github.com/stretchr/testify", "MIT"},
}

// modules lists the modules compiled into the running program, from its
// build information, each with its licence; tests replace it (a test
// binary carries no module list).
var modules = func() []Module {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return nil
	}
	var out []Module
	for _, d := range info.Deps {
		out = append(out, Module{Path: d.Path, Version: d.Version, Licence: licenceOf(d.Path)})
	}
	return out
}

// licenceOf is the licence of the module at path, from the table.
func licenceOf(path string) string {
	for _, l := range licences {
		if strings.HasPrefix(path, l.prefix) {
			return l.licence
		}
	}
	return lang.L("见该模块的许可证文件")
}
