package xlsx

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

func sampleLetter() LetterPrint {
	return LetterPrint{
		Letter: model.TransferLetter{
			Year: 2026, Number: 3, MemberID: 1, Name: "廖明", Sex: model.SexMale, Age: 55, Ethnicity: "汉族",
			Category: model.CategoryFull, IDNumber: "622421197109249938", Phone: "17474598897",
			FromOrg: "兰州示例科技有限公司党支部", ToOrg: "兰州新区某科技有限公司党支部", ToCommittee: "中共兰州新区工作委员会组织部",
			Reason: "工作变动", Date: model.NewDate(2026, 11, 20), ValidDays: 30, PaidTo: model.MonthOf(2026, 11),
		},
		Setup: model.LetterSetup{Committee: "中共兰州市城关区委两新组织工作委员会", Address: "兰州市城关区庆阳路1号",
			Phone: "0931-8123456", Fax: "0931-8123457", Postcode: "730030", OffsetX: 15, OffsetY: -10},
	}
}

// keepPrint copies a written workbook to $BRANCHLEDGER_PRINTS, when set, so
// that it can be opened and looked at.
func keepPrint(t *testing.T, path string) {
	t.Helper()
	dir := os.Getenv("BRANCHLEDGER_PRINTS")
	if dir == "" {
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, filepath.Base(path)), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// cellTexts is every non-empty cell of a sheet, by cell name.
func cellTexts(t *testing.T, path, sheet string) map[string]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for r, row := range rows {
		for c, v := range row {
			if v != "" {
				name, _ := excelize.CoordinatesToCellName(c+1, r+1)
				out[name] = v
			}
		}
	}
	return out
}

func TestWriteLetterFull(t *testing.T) {
	p := sampleLetter()
	path := filepath.Join(t.TempDir(), "介绍信.xlsx")
	if err := WriteLetterFile(path, p, LetterFull); err != nil {
		t.Fatal(err)
	}
	keepPrint(t, path)
	cells := cellTexts(t, path, LetterSheet)
	all := strings.Join(values(cells), "|")
	for _, want := range []string{
		"中国共产党党员组织关系介绍信（存根）", "中国共产党党员组织关系介绍信", "中国共产党党员组织关系介绍信回执",
		"贰零贰陆年拾壹月", "叁拾", "中共兰州新区工作委员会组织部", "622421197109249938", "兰州新区某科技有限公司党支部",
		"中共兰州市城关区委两新组织工作委员会", "730030", "0931-8123457", "（盖章）", "沿虚线剪开", "（贴回执联处）",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the letter lacks %q", want)
		}
	}
}

func values(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// The overlay prints the values alone, each in the cell the full form has
// its blank in, and nothing of the form's wording.
func TestWriteLetterOverlay(t *testing.T) {
	p := sampleLetter()
	dir := t.TempDir()
	full, over := filepath.Join(dir, "介绍信.xlsx"), filepath.Join(dir, "介绍信（套打）.xlsx")
	if err := WriteLetterFile(full, p, LetterFull); err != nil {
		t.Fatal(err)
	}
	if err := WriteLetterFile(over, p, LetterOverlay); err != nil {
		t.Fatal(err)
	}
	keepPrint(t, over)
	fc, oc := cellTexts(t, full, LetterSheet), cellTexts(t, over, LetterSheet)
	if len(oc) == 0 {
		t.Fatal("the overlay prints nothing")
	}
	for cell, v := range oc {
		if fc[cell] != v {
			t.Errorf("overlay %s = %q, the full form has %q there", cell, v, fc[cell])
		}
		if strings.Contains(v, "中国共产党") || strings.Contains(v, "同志") || strings.Contains(v, "盖章") {
			t.Errorf("overlay prints the form's wording %q", v)
		}
	}
}

func TestWriteInReceipt(t *testing.T) {
	in := model.TransferIn{Name: "马兰", LetterNumber: "（2026）第15号", FromOrg: "定西某公司党支部", FromCommittee: "中共定西市安定区委组织部",
		Date: model.NewDate(2026, 11, 2), PaidTo: model.MonthOf(2026, 10), Category: model.CategoryFull}
	path := filepath.Join(t.TempDir(), "回执.xlsx")
	if err := WriteInReceiptFile(path, InReceiptPrint{In: in, Handler: "王芳", Phone: "0931-8123456"}); err != nil {
		t.Fatal(err)
	}
	keepPrint(t, path)
	all := strings.Join(values(cellTexts(t, path, "回执")), "|")
	for _, want := range []string{"中国共产党党员组织关系介绍信回执", "（2026）第15号", "中共定西市安定区委组织部", "马兰", "同志的党员组织关系已转达我处，特此回复。", "王芳", "0931-8123456", "2026"} {
		if !strings.Contains(all, want) {
			t.Errorf("the receipt lacks %q", want)
		}
	}
}

func TestWriteTransferRegisters(t *testing.T) {
	dir := t.TempDir()
	l := sampleLetter().Letter
	received := l
	received.Number, received.MemberID, received.Name, received.Receipt = 4, 2, "赵敏", &model.LetterReceipt{Date: model.NewDate(2026, 11, 25), Org: l.ToOrg, Handler: "李强"}
	withdrawn := l
	withdrawn.Number, withdrawn.MemberID, withdrawn.Name, withdrawn.Withdrawal = 5, 3, "孙立", &model.LetterWithdrawal{Date: model.NewDate(2026, 11, 22), Reason: "去向改变，未使用"}
	in := model.TransferIn{Name: "马兰", LetterNumber: "（2026）第15号", FromOrg: "=定西某公司党支部", Date: model.NewDate(2026, 11, 2),
		PaidTo: model.MonthOf(2026, 10), Category: model.CategoryProbationary, Handler: "王芳"}
	reg := TransferRegister{BranchName: "兰州示例科技有限公司党支部", Year: 2026, Today: model.NewDate(2026, 11, 30), Rules: model.CurrentTransferRules(),
		Entries: []TransferEntry{{In: &in}, {Out: &l}, {Out: &received}, {Out: &withdrawn}}}
	path := filepath.Join(dir, "组织关系转接登记簿.xlsx")
	if err := WriteTransferRegisterFile(path, reg); err != nil {
		t.Fatal(err)
	}
	keepPrint(t, path)
	cells := cellTexts(t, path, TransferRegisterSheet)
	all := strings.Join(values(cells), "|")
	for _, want := range []string{"兰州示例科技有限公司党支部组织关系转接登记簿", "转出 2 人，转入 1 人，作废介绍信 1 封", "（2026）第3号", "待回执\n有效期至 2026-12-20",
		"已回执 2026-11-25", "经办人李强", "已作废 2026-11-22\n去向改变，未使用", "2026年10月"} {
		if !strings.Contains(all, want) {
			t.Errorf("the register lacks %q", want)
		}
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pl, _ := f.GetPageLayout(TransferRegisterSheet)
	if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.Size == nil || *pl.Size != 9 {
		t.Errorf("page layout %+v", pl)
	}
	// Text from a hostile file that looks like a formula stays text.
	if v, _ := f.GetCellFormula(TransferRegisterSheet, "I4"); v != "" {
		t.Errorf("formula-like text became a formula: %q", v)
	}

	mobile := MobileRegister{BranchName: reg.BranchName, Today: reg.Today, Rules: model.CurrentMobileRules(), Entries: []model.MobileMember{{
		Name: "廖明", LeftOn: model.NewDate(2026, 6, 1), Destination: "深圳市南山区", Reason: "务工", CardNumber: "甘流0012",
		CardReviewed: model.NewDate(2026, 6, 1), Contact: "17474598897", HostOrg: "南山区某园区党委",
		Reports: []model.MobileReport{{Date: model.NewDate(2026, 9, 1), Way: "电话"}}, PlannedReturn: model.NewDate(2027, 1, 31)}}}
	// A card whose 年审 fell due while away says so on paper.
	mobile.Entries = append(mobile.Entries, model.MobileMember{Name: "吴涛", LeftOn: model.NewDate(2026, 4, 10), Destination: "杭州",
		CardNumber: "ZJ2025-0088", CardReviewed: model.NewDate(2025, 4, 1)})
	mpath := filepath.Join(dir, "流动党员登记表.xlsx")
	if err := WriteMobileRegisterFile(mpath, mobile); err != nil {
		t.Fatal(err)
	}
	keepPrint(t, mpath)
	mall := strings.Join(values(cellTexts(t, mpath, MobileRegisterSheet)), "|")
	for _, want := range []string{"流动党员登记表", "目前外出 2 人", "深圳市南山区", "甘流0012\n下次年审 2027-06-01", "2026-09-01 电话", "2027-01-31", "ZJ2025-0088\n下次年审 2026-04-01（已逾期）"} {
		if !strings.Contains(mall, want) {
			t.Errorf("the mobile register lacks %q", want)
		}
	}
	inflow := InflowRegister{BranchName: reg.BranchName, Today: reg.Today, Attended: map[int64]int{1: 4}, Entries: []model.InflowMember{{
		ID: 1, Name: "马兰", Sex: model.SexFemale, Category: model.CategoryFull, HomeOrg: "定西市某村党支部", ArrivedOn: model.NewDate(2026, 3, 1), Workplace: "车间操作工"}}}
	ipath := filepath.Join(dir, "流入党员登记表.xlsx")
	if err := WriteInflowRegisterFile(ipath, inflow); err != nil {
		t.Fatal(err)
	}
	keepPrint(t, ipath)
	iall := strings.Join(values(cellTexts(t, ipath, InflowRegisterSheet)), "|")
	for _, want := range []string{"流入党员登记表", "目前在本支部参加活动 1 人", "定西市某村党支部", "参加\n活动"} {
		if !strings.Contains(iall, want) {
			t.Errorf("the inflow register lacks %q", want)
		}
	}
	if cells := cellTexts(t, ipath, InflowRegisterSheet); !slices.Contains(values(cells), "4") {
		t.Errorf("the inflow register lacks the 4 activities attended: %v", cells)
	}
}

// longLetter has every text at the longest the forms accept.
func longLetter() LetterPrint {
	p := sampleLetter()
	l := &p.Letter
	l.Name = strings.Repeat("阿卜杜热合曼", model.TextLimits[model.FieldName]/6) // the longest name
	l.Ethnicity = "维吾尔族"
	l.Category = model.CategoryProbationary
	l.FromOrg = strings.Repeat("兰州示例", model.TextLimits[model.ProfileBranchName]/4)
	l.ToOrg = strings.Repeat("新区某科", 15)
	l.ToCommittee = strings.Repeat("中共兰州", 15)
	l.Phone = "0931-81234567转8888"
	l.ValidDays = 90
	p.Setup.Committee = strings.Repeat("城关区委", 15)
	p.Setup.Address = strings.Repeat("庆阳路一", 15)
	return p
}

// The letter opened in LibreOffice, as a secretary without Excel prints
// it: one A4 portrait page holding the three parts, every value whole and
// inside the page, in both layouts and with the longest texts. Runs where
// LibreOffice and poppler-utils are installed (the README's test machine
// has them); skipped elsewhere.
func TestLetterInLibreOffice(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for name, p := range map[string]LetterPrint{"sample": sampleLetter(), "long": longLetter()} {
		for _, layout := range []LetterLayout{LetterFull, LetterOverlay} {
			path := filepath.Join(dir, fmt.Sprintf("%s-%d.xlsx", name, layout))
			if err := WriteLetterFile(path, p, layout); err != nil {
				t.Fatal(err)
			}
			files = append(files, path)
		}
	}
	printToPDF(t, dir, files...)
	for _, f := range files {
		pdf := strings.TrimSuffix(f, ".xlsx") + ".pdf"
		info, err := exec.Command("pdfinfo", pdf).Output()
		if err != nil {
			t.Fatalf("pdfinfo %s: %v", pdf, err)
		}
		if !regexp.MustCompile(`(?m)^Pages:\s+1$`).Match(info) || !strings.Contains(string(info), "595.") || !strings.Contains(string(info), "x 841.") {
			t.Errorf("%s is not one A4 portrait page:\n%s", filepath.Base(pdf), info)
		}
		// Every word inside the page, clear of its edges.
		bbox, err := exec.Command("pdftotext", "-bbox", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		words := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`).FindAllStringSubmatch(string(bbox), -1)
		if len(words) == 0 {
			t.Fatalf("%s: no text", filepath.Base(pdf))
		}
		for _, w := range words {
			x0, _ := strconv.ParseFloat(w[1], 64)
			y0, _ := strconv.ParseFloat(w[2], 64)
			x1, _ := strconv.ParseFloat(w[3], 64)
			y1, _ := strconv.ParseFloat(w[4], 64)
			if x0 < 10 || y0 < 10 || x1 > 585 || y1 > 832 {
				t.Errorf("%s: %q at (%.0f,%.0f)–(%.0f,%.0f) runs off the page", filepath.Base(pdf), w[5], x0, y0, x1, y1)
			}
			// A word's box is about 1.3 times its size: nothing but the cut
			// line's hint is printed below 小五 (9 pt), however long the names.
			if y1-y0 < 9*1.25 && w[5] != "沿虚线剪开" {
				t.Errorf("%s: %q prints at about %.1f pt", filepath.Base(pdf), w[5], (y1-y0)/1.3)
			}
		}
		// Read in the order it was printed, a value wrapped onto two lines
		// of its blank reads as one.
		text, err := exec.Command("pdftotext", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(string(text)), "")
		// The labels beside a two-line value print level with its second line.
		values := strings.NewReplacer("转到", "", "由", "", "去", "").Replace(flat)
		isFull := strings.HasSuffix(strings.TrimSuffix(f, ".xlsx"), fmt.Sprint(LetterFull))
		if isFull {
			for _, title := range []string{"中国共产党党员组织关系介绍信（存根）", "中国共产党党员组织关系介绍信", "中国共产党党员组织关系介绍信回执"} {
				if !strings.Contains(flat, title) {
					t.Errorf("%s lacks the part %q", filepath.Base(pdf), title)
				}
			}
		}
		p := sampleLetter()
		if strings.Contains(f, "long") {
			p = longLetter()
		}
		for _, v := range []string{p.Letter.IDNumber, model.CapitalYearMonth(p.Letter.PaidTo), p.Letter.ToOrg, p.Letter.FromOrg, p.Setup.Address} {
			if !strings.Contains(values, v) {
				t.Errorf("%s: %q is not shown whole", filepath.Base(pdf), v)
			}
		}
	}
}

// printToPDF prints files to PDFs in dir through LibreOffice, as a
// secretary's office would; the test is skipped where LibreOffice or
// poppler-utils (to read the PDFs back) are not installed.
func printToPDF(t *testing.T, dir string, files ...string) {
	t.Helper()
	soffice, err := exec.LookPath("libreoffice")
	if err != nil {
		if soffice, err = exec.LookPath("soffice"); err != nil {
			t.Skip("LibreOffice is not installed")
		}
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("poppler-utils is not installed")
	}
	cmd := exec.Command(soffice, append([]string{"--headless", "--convert-to", "pdf", "--outdir", dir}, files...)...)
	cmd.Env = append(os.Environ(), "HOME="+filepath.Join(dir, "home"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, out)
	}
}

// The 登记簿 of a busy year printed in LibreOffice: A4 landscape pages of at
// least ten transfers each, the headings on every page, every name,
// 公民身份号码 and receiving organisation shown whole and inside the page.
func TestTransferRegisterInLibreOffice(t *testing.T) {
	const letters = 40
	reg := TransferRegister{BranchName: "中共甘肃陇原机械制造有限公司支部委员会", Year: 2026, Today: model.NewDate(2026, 11, 30), Rules: model.CurrentTransferRules()}
	base := sampleLetter().Letter
	long := 0
	for i := range letters {
		l := base
		l.Number, l.MemberID, l.Name = i+1, int64(i+1), fmt.Sprintf("党员%02d", i+1)
		l.IDNumber = fmt.Sprintf("6224211971092%05d", i+1)
		if i%3 == 0 { // a receiving organisation at the longest the form takes
			l.ToOrg = strings.Repeat("鑫源", 30)
			long++
		}
		if i%4 == 0 {
			l.Receipt = &model.LetterReceipt{Date: model.NewDate(2026, 11, 28), Org: "兰州新区某园区党委", Handler: "李强"}
		}
		reg.Entries = append(reg.Entries, TransferEntry{Out: &l})
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "登记簿.xlsx")
	if err := WriteTransferRegisterFile(path, reg); err != nil {
		t.Fatal(err)
	}
	keepPrint(t, path)
	printToPDF(t, dir, path)
	pdf := filepath.Join(dir, "登记簿.pdf")
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindSubmatch(info)
	if m == nil || !strings.Contains(string(info), "841.") || !strings.Contains(string(info), "x 595.") {
		t.Fatalf("not A4 landscape:\n%s", info)
	}
	pages, _ := strconv.Atoi(string(m[1]))
	if pages > letters/10 {
		t.Errorf("%d transfers take %d pages, more than one page for every ten", letters, pages)
	}
	bbox, err := exec.Command("pdftotext", "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`).FindAllStringSubmatch(string(bbox), -1) {
		x0, _ := strconv.ParseFloat(w[1], 64)
		y0, _ := strconv.ParseFloat(w[2], 64)
		x1, _ := strconv.ParseFloat(w[3], 64)
		y1, _ := strconv.ParseFloat(w[4], 64)
		if x0 < 10 || y0 < 10 || x1 > 832 || y1 > 585 {
			t.Errorf("%q at (%.0f,%.0f)–(%.0f,%.0f) runs off the page", w[5], x0, y0, x1, y1)
		}
	}
	text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(text), "公民身份号码"); n != pages {
		t.Errorf("the headings are on %d of %d pages", n, pages)
	}
	flat := strings.Join(strings.Fields(string(text)), "")
	for _, e := range reg.Entries {
		for _, v := range []string{e.Out.Name, e.Out.IDNumber, e.Out.NumberText()} {
			if !strings.Contains(flat, v) {
				t.Errorf("%q is not shown whole", v)
			}
		}
	}
	if n := strings.Count(string(text), "鑫"); n != 30*long {
		t.Errorf("%d of the %d characters of the longest receiving organisations are printed", n, 30*long)
	}
}

// A value too long for one line of 小四 in its blank takes 五号, then two
// lines of 小五, and only past two lines of 小五 anything smaller.
func TestValueFit(t *testing.T) {
	for _, c := range []struct {
		value string
		cols  int
		size  float64
		lines int
	}{
		{"廖明", 8, 12, 1},
		{"兰州新区某科技有限公司党支部", 34, 12, 1},
		{strings.Repeat("兰", 40), 34, 10.5, 1},
		{strings.Repeat("兰", 60), 34, 9, 2},  // the longest 接收党组织
		{strings.Repeat("兰", 100), 34, 9, 2}, // the longest 支部名称
		{strings.Repeat("庆", 60), 21, 9, 2},  // the longest 通讯地址
		{"阿卜杜热合曼·买买提艾力", 8, 9, 2},
		{strings.Repeat("阿", 30), 8, 9, 3}, // a name at the limit: 小五 on three lines, not 6.5 pt (s3-13-attack #1)
		{"0931-81234567转8888", 21, 12, 1},
	} {
		if size, lines := valueFit(c.value, c.cols); size != c.size || lines != c.lines {
			t.Errorf("%d characters in %d columns print at %v pt on %d lines, want %v pt on %d", len([]rune(c.value)), c.cols, size, lines, c.size, c.lines)
		}
	}
}

// Without a sending 基层党委 set up, the 回执 is addressed to nobody in
// print — a line to write in — never to the branch itself
// (s3-13-newuser #1).
func TestReceiptWithoutCommitteeIsBlank(t *testing.T) {
	p := sampleLetter()
	p.Setup.Committee = ""
	path := filepath.Join(t.TempDir(), "介绍信.xlsx")
	if err := WriteLetterFile(path, p, LetterFull); err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.Join(values(cellTexts(t, path, LetterSheet)), "\n"), "\n")
	if n := strings.Count(strings.Join(rows, "|"), p.Letter.FromOrg); n != 2 {
		t.Errorf("the sending branch is named %d times, want twice (由 on the stub and the letter)", n)
	}
}

// The 流动党员登记表 with every text at its longest, opened in LibreOffice:
// the whole 备注 (暂不转接的原因 and the note) is printed — the row shows its
// start and the rest follows in 续 rows — and nothing runs off the A4
// landscape page.
func TestMobileRegisterLongNoteInLibreOffice(t *testing.T) {
	noTransfer := strings.Repeat("甲", 99) + "尾"
	note := strings.Repeat("乙", 199) + "终"
	long := model.MobileMember{Name: "严琴", LeftOn: model.NewDate(2026, 6, 1), Destination: strings.Repeat("深", 50),
		Reason: strings.Repeat("务", 50), CardNumber: strings.Repeat("7", 30), HostOrg: strings.Repeat("园", 60),
		NoTransfer: noTransfer, Note: note}
	short := model.MobileMember{Name: "廖明", LeftOn: model.NewDate(2026, 6, 1), Destination: "深圳市南山区"}
	mobile := MobileRegister{BranchName: "兰州示例科技有限公司党支部", Today: model.NewDate(2026, 11, 30), Rules: model.CurrentMobileRules(),
		Entries: []model.MobileMember{long, short}}
	dir := t.TempDir()
	path := filepath.Join(dir, "流动党员登记表.xlsx")
	if err := WriteMobileRegisterFile(path, mobile); err != nil {
		t.Fatal(err)
	}
	keepPrint(t, path)
	printToPDF(t, dir, path)
	pdf := filepath.Join(dir, "流动党员登记表.pdf")
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	if !regexp.MustCompile(`(?m)^Pages:\s+1$`).Match(info) || !strings.Contains(string(info), "841.") {
		t.Errorf("want one A4 landscape page:\n%s", info)
	}
	text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// The 续 row's label sits in the 序号 column at the height of its
	// middle line, so pdftotext's layout puts it inside the note's text
	// (乙…乙续乙…终, with a CJK font installed): left out, as the eye does.
	flat := strings.ReplaceAll(strings.Join(strings.Fields(string(text)), ""), "续", "")
	for _, want := range []string{"暂不转接：" + noTransfer, note, "廖明"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the register does not print %q whole:\n%s", want, text)
		}
	}
	bbox, err := exec.Command("pdftotext", "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`).FindAllStringSubmatch(string(bbox), -1) {
		x0, _ := strconv.ParseFloat(w[1], 64)
		y0, _ := strconv.ParseFloat(w[2], 64)
		x1, _ := strconv.ParseFloat(w[3], 64)
		y1, _ := strconv.ParseFloat(w[4], 64)
		if x0 < 10 || y0 < 10 || x1 > 832 || y1 > 585 {
			t.Errorf("%q at (%.0f,%.0f)–(%.0f,%.0f) runs off the page", w[5], x0, y0, x1, y1)
		}
	}
}

// A 续 row of the 流动党员登记表 is tall enough for its lines as LibreOffice
// sets them (continuationLine a line): at 宋体's 13.5 pt a five-line 续 of
// a 100-character 暂不转接原因 and a 200-character 备注 lost its last line
// to the border (seen in a LibreOffice PDF).
func TestMobileRegisterContinuationIsTallEnough(t *testing.T) {
	long := model.MobileMember{Name: "严琴", LeftOn: model.NewDate(2026, 6, 1), Destination: strings.Repeat("深", 50),
		Reason: strings.Repeat("务", 50), CardNumber: strings.Repeat("7", 30), HostOrg: strings.Repeat("园", 60),
		NoTransfer: strings.Repeat("甲", 99) + "尾", Note: strings.Repeat("乙", 199) + "终"}
	mobile := MobileRegister{BranchName: "兰州示例科技有限公司党支部", Today: model.NewDate(2026, 11, 30), Rules: model.CurrentMobileRules(),
		Entries: []model.MobileMember{long}}
	path := filepath.Join(t.TempDir(), "流动党员登记表.xlsx")
	if err := WriteMobileRegisterFile(path, mobile); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(MobileRegisterSheet)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for i, r := range rows {
		if len(r) < 2 || r[0] != "续" {
			continue
		}
		seen++
		h, err := f.GetRowHeight(MobileRegisterSheet, i+1)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Count(r[1], "\n") + 1
		// Each paragraph wraps at about 75 characters across the page.
		for p := range strings.SplitSeq(r[1], "\n") {
			lines += len([]rune(p)) / 75
		}
		if need := float64(lines)*15 + rowPadding; h < need {
			t.Errorf("续 row %d is %.1f pt for %d lines, want at least %.1f:\n%s", i+1, h, lines, need, r[1])
		}
	}
	if seen == 0 {
		t.Fatalf("no 续 row: %q", rows)
	}
}
