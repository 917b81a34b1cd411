package ui

import (
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// homeScreen is 首页: who the branch is, how many members it has, and what an
// inspection would find, by area (model.FindingTopic): the set-up,
// organisational life, dues and the members' records.
type homeScreen struct {
	sh      *shell
	content fyne.CanvasObject

	title, org *widget.Label
	setup      *widget.Button // call to action while the profile is empty
	counts     []*widget.Card // 在册党员, 正式, 预备, 流动, 失联

	setupFindings []model.Finding // from the profile and the roster, at once
	findings      []model.Finding // every finding, by area (model.SortFindings)
	findingsList  *widget.List
	rows          []homeRow       // the findings under their areas' headings
	emptyRoster   *fyne.Container // how to add or import members, while there are none
	listWidth     float32         // the width the rows' heights were worked out for
	rowLines      []int           // the lines each finding row was given (fitRows)
	allGood       *widget.Label
	checking      *widget.Label  // says so while the checks are being worked out
	upcoming      *kit.WrapLabel // planned activities of the next months
}

var countTitles = []string{"在册党员", "正式党员", "预备党员", "流动党员", "失联党员"}

// countLabels are the tiles' labels by count: the number is the tile's
// title, and English says "26" over "full members", "1" over "mobile
// member"; Chinese shows the label alone (its text in zh/dayone.json).
var countLabels = []string{"{{.N}}名在册党员", "{{.N}}名正式党员", "{{.N}}名预备党员", "{{.N}}名流动党员", "{{.N}}名失联党员"}

func newHomeScreen(sh *shell) *homeScreen {
	h := &homeScreen{sh: sh}
	h.title = heading("")
	h.title.SizeName = theme.SizeNameHeadingText
	h.org = widget.NewLabel("")
	h.setup = widget.NewButtonWithIcon(lang.L("填写支部基本信息"), theme.SettingsIcon(), func() { sh.show(screenSettings) })
	h.setup.Importance = widget.HighImportance
	var cards []fyne.CanvasObject
	for _, t := range countTitles {
		c := widget.NewCard("0", lang.L(t), nil)
		h.counts = append(h.counts, c)
		cards = append(cards, c)
	}

	h.findingsList = widget.NewList(func() int { return len(h.rows) }, newHomeRow, h.updateRow)
	h.findingsList.OnSelected = func(id widget.ListItemID) {
		h.findingsList.UnselectAll()
		if id < len(h.rows) && h.rows[id].finding != nil {
			h.openFinding(*h.rows[id].finding)
		}
	}
	h.emptyRoster = h.newEmptyRoster()

	h.allGood = widget.NewLabel("")
	h.checking = widget.NewLabel("")
	h.upcoming = kit.NewWrapLabel("")

	top := container.NewVBox(container.NewHBox(h.title, h.setup), h.org, container.NewGridWithColumns(len(cards), cards...), h.emptyRoster, h.upcoming)
	// "没有发现问题。" sits in the heading line: the list always holds the
	// areas' headings, and a label stacked over it was drawn on top of
	// "组织设置" (review s7-8 newuser #1).
	findings := container.NewBorder(container.NewHBox(heading("检查发现（点击处理）"), h.checking, h.allGood), nil, nil, nil,
		container.New(&widthWatch{onWidth: h.fitRows}, h.findingsList))
	h.content = container.NewBorder(top, nil, nil, nil, findings)

	sh.onDataChanged(h.refresh)
	sh.onChecked(h.showChecks)
	h.refresh()
	return h
}

// severityLook is the icon and text colour of a finding: 严重 red, 提醒 orange.
func severityLook(s model.Severity) (fyne.Resource, widget.Importance) {
	switch s {
	case model.Serious:
		return theme.NewErrorThemedResource(theme.ErrorIcon()), widget.DangerImportance
	case model.Warning:
		return theme.NewWarningThemedResource(theme.WarningIcon()), widget.WarningImportance
	}
	return theme.InfoIcon(), widget.MediumImportance
}

// openFinding goes where a finding is dealt with: the member it names, the
// 活动 screen's calendar for an activity finding, 党费's bases for a dues
// finding without a member, the roster for the members' records, 设置 for
// the rest.
func (h *homeScreen) openFinding(f model.Finding) {
	switch {
	case f.RecruitID != 0 && h.sh.svc.Recruiting != nil:
		h.sh.openRecruit(f.RecruitID)
	case f.About == model.AboutTransfers && h.sh.svc.Transfers != nil:
		h.sh.openTransfers(f)
	case f.MemberID != 0:
		h.sh.openMember(f.MemberID)
	case f.About == model.AboutActivities && h.sh.svc.Activities != nil:
		h.sh.show(screenActivities)
		h.sh.activities.showCalendar()
	case f.About == model.AboutDues && h.sh.svc.Dues != nil:
		h.sh.show(screenDues)
		h.sh.dues.showBases()
	default:
		h.sh.show(screenSettings)
	}
}

// refresh shows what is quick to know — the profile, the counts, the set-up
// findings and the plans — and what the checks found so far.
func (h *homeScreen) refresh() {
	p, err := h.sh.svc.Branch.Profile()
	if err != nil {
		h.sh.showError("读取支部信息", err)
		return
	}
	ms := h.sh.members
	today := h.sh.svc.today()

	if p.IsSet() {
		h.title.SetText(p.BranchName)
		h.org.SetText(orgLine(p))
		h.setup.Hide()
	} else {
		h.title.SetText(lang.L("尚未填写支部信息"))
		// With members on the roster already, "then add or import members"
		// reads as if they were not there (review nu8 N7).
		if len(ms) > 0 {
			h.org.SetText(lang.L("请先填写单位和支部的基本信息。"))
		} else {
			h.org.SetText(lang.L("先填写单位和支部的基本信息，再录入或导入党员。"))
		}
		h.setup.Show()
	}

	c := model.CountRoster(ms)
	onRoster := model.MemberFilter{Left: model.No}
	mobile, lost := onRoster, onRoster
	mobile.Mobile, lost.LostContact = model.Yes, model.Yes
	for i, n := range []int{c.Full + c.Probationary, c.Full, c.Probationary,
		len(model.FilterMembers(ms, mobile)), len(model.FilterMembers(ms, lost))} {
		h.counts[i].SetTitle(strconv.Itoa(n))
		h.counts[i].SetSubTitle(lang.N(countLabels[i], n, map[string]any{"N": n}))
	}

	h.setupFindings = model.CheckSetup(&p, c, today, h.sh.rules.Branch)
	h.setupFindings = append(h.setupFindings, model.CheckRoster(ms, today, h.sh.rules)...)
	model.SortFindings(h.setupFindings)
	h.showUpcoming()
	h.showChecks()
}

// showChecks lists what the checks found (storage/findings, the same list
// `branchledger check` prints); until they arrive, the findings that are
// quick to know, and says so while the checks are being worked out.
func (h *homeScreen) showChecks() {
	h.findings = slices.Clone(h.setupFindings)
	if c := h.sh.checks; c != nil {
		h.findings = c.findings // until new ones arrive, the last ones
	}
	// Text rather than Hidden: a label shown again in an HBox keeps the
	// zero size it was laid out with while hidden.
	if h.sh.checking() {
		h.checking.SetText(lang.L("正在检查…"))
	} else {
		h.checking.SetText("")
	}
	msg := ""
	switch {
	case len(h.findings) > 0:
	case h.sh.checks == nil:
		if h.checking.Text == "" {
			msg = lang.L("正在检查…")
		}
	default:
		msg = lang.L("没有发现问题。")
	}
	h.allGood.SetText(msg)
	h.rows = h.groupFindings()
	h.findingsList.Refresh()
	h.fitRows(h.listWidth)
	onRoster := 0
	for i := range h.sh.members {
		if h.sh.members[i].OnRoster {
			onRoster++
		}
	}
	h.emptyRoster.Hidden = onRoster > 0
	h.emptyRoster.Refresh()
}

// orgLine is the line under the branch's name: the organisation and, when
// chosen, its type in brackets (no empty "（）" while 单位类型 is unset).
func orgLine(p model.Profile) string {
	if p.OrgType == "" {
		return p.OrgName
	}
	return lang.L("{{.Org}}（{{.Type}}）", map[string]any{"Org": p.OrgName, "Type": valueText(string(p.OrgType))})
}
