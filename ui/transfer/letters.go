package transfer

import (
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// lettersTab lists the letters issued, newest first, with the chosen
// letter's particulars and actions.
type lettersTab struct {
	s        *Screen
	list     *widget.List
	empty    *kit.WrapLabel
	detail   *details
	year     *kit.Select
	content  fyne.CanvasObject
	shown    []model.TransferLetter // newest first
	selected int64
}

func newLettersTab(s *Screen) *lettersTab {
	t := &lettersTab{s: s}
	t.list = twoLineList(func() int { return len(t.shown) }, t.item, func(i int) { t.open(t.shown[i].ID) })
	t.empty = emptyLabel("还没有开具过介绍信。党员调动工作、变更居住地或外出{{.Months}}个月以上时，点“开具介绍信”：编号按年自动排定，党费交至从党费账中取得。",
		map[string]any{"Months": model.CurrentMobileRules().TransferAfterMonths.N})
	t.detail = newDetails(kit.L("选择左侧的一封介绍信，查看其内容并打印、登记回执或作废。"))
	issue := widget.NewButtonWithIcon(kit.L("开具介绍信…"), theme.ContentAddIcon(), func() {
		// The letter just issued is the one shown, not the one open before.
		showLetterForm(s.host, s.svc, 0, s.saved, func(l model.TransferLetter) { t.selected = l.ID })
	})
	issue.Importance = widget.HighImportance
	t.year = kit.NewSelect(nil, nil)
	register := widget.NewButtonWithIcon(kit.L("导出登记簿…"), theme.DocumentSaveIcon(), t.exportRegister)
	setup := widget.NewButtonWithIcon(kit.L("介绍信设置…"), theme.SettingsIcon(), func() { showSetupForm(s) })
	toolbar := container.NewHBox(issue, widget.NewSeparator(), t.year, register, setup)
	t.content = tabLayout(toolbar, t.list, t.empty, t.detail.content)
	return t
}

func (t *lettersTab) item(i int) (string, string, widget.Importance) {
	l := &t.shown[i]
	st := l.State(t.s.host.Today(), model.CurrentTransferRules())
	title := kit.Say(l.Numbered()) + "　" + l.Name + " → " + l.ToOrg
	detail := kit.L("{{.Date}} 开具 · {{.State}}", map[string]any{"Date": l.Date.String(), "State": kit.L(string(st))})
	return title, detail, stateImportance(st)
}

func stateImportance(st model.LetterState) widget.Importance {
	switch st {
	case model.LetterExpired:
		return widget.DangerImportance
	case model.LetterReceiptLate:
		return widget.WarningImportance
	case model.LetterReceived, model.LetterReturned:
		return widget.SuccessImportance
	}
	return widget.MediumImportance
}

func (t *lettersTab) refresh() {
	t.shown = slices.Clone(t.s.data.Letters)
	slices.Reverse(t.shown)
	years := []string{strconv.Itoa(t.s.host.Today().Year)}
	for _, l := range t.shown {
		if y := strconv.Itoa(l.Year); !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	slices.Reverse(years)
	sel := t.year.Selected
	t.year.Options = years
	if !slices.Contains(years, sel) {
		sel = years[0]
	}
	t.year.SetSelected(sel)
	t.empty.Hidden = len(t.shown) > 0
	t.list.UnselectAll()
	t.list.Refresh()
	t.selectLetter(t.selected)
	t.open(t.selected)
}

func (t *lettersTab) selectLetter(id int64) {
	for i := range t.shown {
		if t.shown[i].ID == id {
			t.list.Select(i)
			return
		}
	}
}

// open shows letter id's particulars and actions (none: the hint).
func (t *lettersTab) open(id int64) {
	t.selected = id
	var l *model.TransferLetter
	for i := range t.shown {
		if t.shown[i].ID == id {
			l = &t.shown[i]
		}
	}
	if l == nil {
		t.detail.show(nil)
		return
	}
	tr := model.CurrentTransferRules()
	st := l.State(t.s.host.Today(), tr)
	rows := []detailRow{
		{"编号", kit.Say(l.Numbered())},
		{"党员姓名", kit.L("{{.Name}}（{{.Sex}}，{{.Age}}岁，{{.Ethnicity}}，{{.Category}}）", map[string]any{
			"Name": l.Name, "Sex": kit.Word(string(l.Sex)), "Age": l.Age, "Ethnicity": kit.Word(l.Ethnicity), "Category": kit.Word(string(l.Category))})},
		{"公民身份号码", l.IDNumber},
		{"由", l.FromOrg},
		{"去（接收党组织）", l.ToOrg},
		{"接收党组织的基层党委", orDash(l.ToCommittee)},
		{"转出原因", orDash(reasonText(l.Reason))},
		{"开具日期", l.Date.String()},
		{"有效期", kit.L("{{.N}}天（{{.Capital}}，至 {{.Until}}）", map[string]any{"N": l.ValidDays, "Capital": model.CapitalDays(l.ValidDays), "Until": l.ValidUntil().String()})},
		{"党费交至", kit.DateText(l.PaidTo.Date()) + "（" + model.CapitalYearMonth(l.PaidTo) + "）"},
		{"党员联系电话", orDash(l.Phone)},
		{"办理情况", kit.L(string(st))},
	}
	switch {
	case l.Receipt != nil:
		rows = append(rows, detailRow{"回执", kit.L("{{.Date}}，{{.Org}}，经办人 {{.Handler}}", map[string]any{
			"Date": l.Receipt.Date.String(), "Org": l.Receipt.Org, "Handler": orDash(l.Receipt.Handler)})})
	case l.Withdrawal != nil:
		rows = append(rows, detailRow{"作废", l.Withdrawal.Date.String() + "：" + l.Withdrawal.Reason})
	case !l.ReturnedOn.IsZero():
		rows = append(rows, detailRow{"转回", kit.L("{{.Date}} 转入本支部（介绍信已用过，不再等待回执）", map[string]any{"Date": l.ReturnedOn.String()})})
	default:
		rows = append(rows, detailRow{"回执应于", l.ReceiptDue(tr).String() + kit.L(" 前寄回")})
	}
	letter := *l
	print := widget.NewButtonWithIcon(kit.L("打印介绍信…"), theme.DocumentPrintIcon(), func() { printLetter(t.s.host, t.s.svc, letter, false) })
	overlay := widget.NewButtonWithIcon(kit.L("套打…"), theme.DocumentPrintIcon(), func() { printLetter(t.s.host, t.s.svc, letter, true) })
	receipt := widget.NewButtonWithIcon(kit.L("登记回执…"), theme.MailReplyIcon(), func() { showReceiptForm(t.s, letter) })
	withdraw := widget.NewButtonWithIcon(kit.L("作废…"), theme.CancelIcon(), func() { showWithdrawForm(t.s, letter) })
	member := widget.NewButtonWithIcon(kit.L("查看党员"), theme.AccountIcon(), func() { t.s.host.OpenMember(letter.MemberID) })
	if !l.Open() {
		receipt.Disable()
		withdraw.Disable()
	}
	if l.Withdrawal != nil {
		// A withdrawn letter must not be carried: it is not printed.
		print.Disable()
		overlay.Disable()
	}
	t.detail.show(rows, print, overlay, receipt, withdraw, member)
}

// printLetter saves a letter as a workbook to print: the full form, or the
// 套打 layout for paper with the form printed on it.
func printLetter(host kit.Host, svc Service, l model.TransferLetter, overlay bool) {
	data := map[string]any{"Name": l.Name, "Year": l.Year, "Number": l.Number}
	name := kit.L("{{.Name}}组织关系介绍信（{{.Year}}-{{.Number}}）", data)
	doing := "打印介绍信"
	if overlay {
		name = kit.L("{{.Name}}组织关系介绍信（{{.Year}}-{{.Number}}）套打", data)
		doing = "打印介绍信（套打）"
	}
	host.SaveWorkbook(doing, name+".xlsx", func(path string) (string, error) {
		return "", svc.ExportLetter(l.ID, path, overlay)
	})
}

func (t *lettersTab) exportRegister() {
	year, err := strconv.Atoi(t.year.Selected)
	if err != nil {
		year = t.s.host.Today().Year
	}
	t.s.host.SaveWorkbook("导出组织关系转接登记簿", kit.L("组织关系转接登记簿{{.Year}}", map[string]any{"Year": year})+".xlsx", func(path string) (string, error) {
		n, err := t.s.svc.ExportRegister(year, path)
		return kit.L("已导出 {{.N}} 条转接记录，文件保存在：", map[string]any{"N": n}), err
	})
}
