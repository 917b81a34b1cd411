package transferfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/demo"
	"branchledger/storage/findings"
	"branchledger/storage/xlsx"
)

var today = model.NewDate(2026, 11, 30)

func open(t *testing.T) (*Service, []model.Member) {
	t.Helper()
	at := time.Date(2026, 11, 30, 9, 0, 0, 0, time.Local)
	s, err := storage.Open(filepath.Join(t.TempDir(), storage.FileName), storage.WithClock(func() time.Time { at = at.Add(time.Second); return at }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.SaveProfile(model.Profile{OrgName: "某公司", BranchName: "某公司党支部", OrgAddress: "兰州市城关区庆阳路1号",
		ContactName: "王芳", ContactPhone: "0931-8123456"}); err != nil {
		t.Fatal(err)
	}
	var ms []model.Member
	for _, m := range demo.Members(3, 7, today, "某公司党支部") {
		a, err := s.AddMember(m, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetDuesOpenings([]model.DuesOpening{{MemberID: a.ID, PaidTo: model.MonthOf(2026, 11)}}, model.SourceDuesOpening); err != nil {
			t.Fatal(err)
		}
		ms = append(ms, a)
	}
	return New(s), ms
}

func allText(t *testing.T, path, sheet string) string {
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
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "|"))
		b.WriteString("\n")
	}
	return b.String()
}

// The printed letter takes the committee's details from the letter setup,
// and the profile's address and contact phone where the setup has none.
func TestExportLetterUsesTheProfile(t *testing.T) {
	svc, ms := open(t)
	if err := svc.SaveLetterSetup(model.LetterSetup{Committee: "中共某区委两新工委", Postcode: "730030"}); err != nil {
		t.Fatal(err)
	}
	l, err := svc.IssueLetter(model.LetterRequest{MemberID: ms[0].ID, ToOrg: "乙支部", Date: today, ValidDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "介绍信.xlsx")
	if err := svc.ExportLetter(l.ID, path, false); err != nil {
		t.Fatal(err)
	}
	text := allText(t, path, xlsx.LetterSheet)
	for _, want := range []string{"兰州市城关区庆阳路1号", "0931-8123456", "730030", "中共某区委两新工委", "贰零贰陆年拾壹月"} {
		if !strings.Contains(text, want) {
			t.Errorf("letter lacks %q", want)
		}
	}
	o, err := svc.Overview()
	if err != nil || len(o.Letters) != 1 || o.Setup.Committee != "中共某区委两新工委" {
		t.Errorf("overview %+v %v", o, err)
	}
}

func TestExportInReceiptAndRegisters(t *testing.T) {
	svc, ms := open(t)
	if _, err := svc.IssueLetter(model.LetterRequest{MemberID: ms[0].ID, ToOrg: "乙支部", Date: today, ValidDays: 30}); err != nil {
		t.Fatal(err)
	}
	in, _, err := svc.RecordTransferIn(model.TransferIn{MemberID: ms[0].ID, LetterNumber: "甘组转字（2026）88号", FromOrg: "乙支部",
		FromCommittee: "中共乙区委组织部", Date: today, PaidTo: model.MonthOf(2026, 11), Category: ms[0].Category}, nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	receipt := filepath.Join(dir, "回执.xlsx")
	if err := svc.ExportInReceipt(in.ID, receipt); err != nil {
		t.Fatal(err)
	}
	// A number typed with its own 号 is printed as typed, not as 第…号 号.
	if text := allText(t, receipt, "回执"); !strings.Contains(text, "中共乙区委组织部") || !strings.Contains(text, "王芳") ||
		!strings.Contains(text, "甘组转字（2026）88号") || strings.Count(text, "号") != 1 {
		t.Errorf("receipt:\n%s", text)
	}
	// A letter withdrawn and issued again moves one person, not two.
	voided, err := svc.IssueLetter(model.LetterRequest{MemberID: ms[2].ID, ToOrg: "丙支部", Date: today, ValidDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.WithdrawLetter(voided.ID, model.LetterWithdrawal{Date: today, Reason: "去向改变"}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.IssueLetter(model.LetterRequest{MemberID: ms[2].ID, ToOrg: "丁支部", Date: today, ValidDays: 30}); err != nil {
		t.Fatal(err)
	}
	register := filepath.Join(dir, "登记簿.xlsx")
	n, err := svc.ExportRegister(2026, register)
	if err != nil || n != 4 {
		t.Errorf("register of %d transfers: %v", n, err)
	}
	text := allText(t, register, xlsx.TransferRegisterSheet)
	if !strings.Contains(text, "转出 2 人，转入 1 人，作废介绍信 1 封") {
		t.Errorf("the register's heading counts wrongly:\n%s", text)
	}
	// The 转入 row shows the member's 性别 and 公民身份号码 though the incoming
	// letter does not record them.
	var inRow string
	for _, row := range strings.Split(text, "\n") {
		if strings.Contains(row, "|转入|") {
			inRow = row
		}
	}
	if !strings.Contains(text, "乙支部\n（中共乙区委组织部）|某公司党支部") {
		t.Errorf("the 转入 row lacks the sending 基层党委:\n%s", text)
	}
	if !strings.Contains(inRow, "|"+string(ms[0].Sex)+"|") || !strings.Contains(inRow, "|"+ms[0].IDNumber+"|") {
		t.Errorf("the 转入 row lacks %s's 性别 %s or 公民身份号码 %s: %q", ms[0].Name, ms[0].Sex, ms[0].IDNumber, inRow)
	}
	if _, err := svc.ExportRegister(1800, filepath.Join(dir, "x.xlsx")); err == nil {
		t.Error("a register of 1800")
	}
	if _, err := svc.SaveMobile(model.MobileMember{MemberID: ms[1].ID, LeftOn: today, Destination: "深圳"}); err != nil {
		t.Fatal(err)
	}
	if n, err := svc.ExportMobileRegister(filepath.Join(dir, "流动.xlsx")); err != nil || n != 1 {
		t.Errorf("mobile register %d %v", n, err)
	}
	if n, err := svc.ExportInflowRegister(filepath.Join(dir, "流入.xlsx")); err != nil || n != 0 {
		t.Errorf("inflow register %d %v", n, err)
	}
}

// A withdrawn (作废) letter is not printed, in either layout: nothing a
// member could carry is written.
func TestWithdrawnLetterIsNotPrinted(t *testing.T) {
	svc, ms := open(t)
	l, err := svc.IssueLetter(model.LetterRequest{MemberID: ms[0].ID, ToOrg: "乙支部", Date: today, ValidDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.WithdrawLetter(l.ID, model.LetterWithdrawal{Date: today, Reason: "去向改变"}); err != nil {
		t.Fatal(err)
	}
	for _, overlay := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "介绍信.xlsx")
		err := svc.ExportLetter(l.ID, path, overlay)
		if !errors.Is(err, model.ErrTransfer) || !strings.Contains(err.Error(), "作废") {
			t.Errorf("overlay %v: %v", overlay, err)
		}
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Errorf("overlay %v: a file was written (%v)", overlay, err)
		}
	}
}

// The 流入党员登记表 counts, in its 参加活动 column, the activities each
// member from elsewhere attended as a guest (列席), as saved with the
// records; the 流入党员 tab reads the same counts from the overview.
func TestInflowRegisterCountsGuests(t *testing.T) {
	svc, ms := open(t)
	var ids []int64
	for _, name := range []string{"马兰", "赵六"} {
		im, err := svc.SaveInflow(model.InflowMember{Name: name, Sex: model.SexFemale, HomeOrg: "定西市某村党支部",
			Category: model.CategoryFull, ArrivedOn: model.NewDate(2026, 10, 1)})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, im.ID)
	}
	for i, guests := range [][]int64{ids, ids[:1]} {
		a := model.Activity{Kind: model.KindGeneralMeeting, Date: model.NewDate(2026, 11, 10+i), Topic: "学习", Chair: "甲",
			Recorder: "乙", Content: "内容", Attendance: model.NewAttendance(ms)}
		for _, id := range guests {
			a.Guests = append(a.Guests, model.ActivityGuest{InflowID: id})
		}
		if _, err := svc.store.SaveActivity(a); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "流入党员登记表.xlsx")
	if n, err := svc.ExportInflowRegister(path); err != nil || n != 2 {
		t.Fatalf("ExportInflowRegister: %d, %v", n, err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(xlsx.InflowRegisterSheet)
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	got := map[string]string{}
	for _, r := range rows {
		for j, v := range r {
			if v == "参加\n活动" {
				col = j
			}
		}
		if col >= 0 && len(r) > col && len(r) > 1 && (r[1] == "马兰" || r[1] == "赵六") {
			got[r[1]] = r[col]
		}
	}
	if col < 0 || got["马兰"] != "2" || got["赵六"] != "1" {
		t.Fatalf("参加活动 column %d: %v\n%s", col, got, allText(t, path, xlsx.InflowRegisterSheet))
	}
	o, err := svc.Overview()
	if err != nil || o.Attended[ids[0]] != 2 || o.Attended[ids[1]] != 1 {
		t.Fatalf("overview attended %v, %v", o.Attended, err)
	}
}

// A mobile member transferred out while away is away no longer: the printed
// 流动党员登记表 closes the stay on the letter's date and names the letter,
// and does not count them as away (s3-13-attack #13).
func TestMobileRegisterClosesAStayOnTransferOut(t *testing.T) {
	svc, ms := open(t)
	left := model.NewDate(2026, 6, 1)
	if _, err := svc.SaveMobile(model.MobileMember{MemberID: ms[1].ID, LeftOn: left, Destination: "深圳市南山区"}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveMobile(model.MobileMember{MemberID: ms[2].ID, LeftOn: left, Destination: "广州市"}); err != nil {
		t.Fatal(err)
	}
	l, err := svc.IssueLetter(model.LetterRequest{MemberID: ms[1].ID, ToOrg: "深圳某支部", Date: today, ValidDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "流动.xlsx")
	if _, err := svc.ExportMobileRegister(path); err != nil {
		t.Fatal(err)
	}
	text := allText(t, path, xlsx.MobileRegisterSheet)
	// Cells hold line breaks: the rows are the text between the names.
	row := text[strings.Index(text, "|"+ms[1].Name+"|"):strings.Index(text, "|"+ms[2].Name+"|")]
	if !strings.Contains(row, "|"+today.String()+"\n（转出）|") || !strings.Contains(row, l.Numbered().String()+"介绍信") {
		t.Errorf("%s, transferred out on %s by %s, is not shown closed:\n%q", ms[1].Name, today, l.Numbered(), row)
	}
	if !strings.Contains(text, "共 2 人次，目前外出 1 人") {
		t.Errorf("the heading still counts %s as away:\n%s", ms[1].Name, text)
	}
}

// A 转入 whose 党费交至 stops before the branch's 建账月份: the months between
// are 待补录 (not arrears) on the 转入 form's sentence, the member's dues
// page, the register and home/`check`; months from the 建账月份 on are
// arrears — the same split everywhere (issue 13: "a gap shows as arrears
// from the first month", within the months the ledger covers).
func TestTransferInGapBeforeTheLedgerIsToRecord(t *testing.T) {
	for _, c := range []struct {
		start             model.Month
		toRecord, owed    int
		says, findingSays string
	}{
		{model.MonthOf(2026, 11), 2, 0, "这些月份在本支部党费建账（建账月份2026年11月）之前，待补录，不计欠交", "韩雪的党费2026年9月至2026年10月待补录"},
		{model.MonthOf(2026, 10), 1, 1, "其中2026年9月在本支部党费建账（建账月份2026年10月）之前，待补录，不计欠交；2026年10月计为欠交", "韩雪的党费2026年9月待补录"},
		{model.MonthOf(2026, 1), 0, 2, "尚未交纳（2个月），计为欠交", ""},
		// 建账月份 set back today, the ledger set up in the app this month:
		// the months the app never saw are 待补录 on the form as on the
		// dues page (review s8-8 #4, s7-8 attack #2).
		{-model.MonthOf(2026, 1), 2, 0, "这些月份在开始用本软件记党费账（2026年11月）之前，待补录，不计欠交", "韩雪的党费2026年9月至2026年10月待补录"},
	} {
		start := max(c.start, -c.start)
		t.Run(c.start.String(), func(t *testing.T) {
			svc, _ := open(t)
			// A positive start: the ledger kept in the app since it; a
			// negative one: only set back to it today.
			set := svc.store.SetDuesLedgerKeptFrom
			if c.start < 0 {
				set = svc.store.SetDuesLedgerStart
			}
			if err := set(start); err != nil {
				t.Fatal(err)
			}
			m := model.NewMember()
			m.Name, m.IDNumber, m.Sex = "韩雪", "320583199304153027", model.SexFemale
			m.JoinDate, m.FullDate, m.Category = model.NewDate(2016, 7, 1), model.NewDate(2017, 7, 1), model.CategoryFull
			in := model.TransferIn{LetterNumber: "苏组（2026）第58号", FromOrg: "某支部", Date: today,
				LetterDate: model.NewDate(2026, 11, 20), PaidTo: model.MonthOf(2026, 8), Category: model.CategoryFull}
			_, saved, err := svc.RecordTransferIn(in, &m)
			if err != nil {
				t.Fatal(err)
			}
			if err := svc.store.SaveDuesBases(2026, []model.DuesBase{{MemberID: saved.ID, Category: model.DuesEmployed, Base: model.Yuan(6000)}}, model.SourceDuesGrid); err != nil {
				t.Fatal(err)
			}
			o, err := svc.Overview()
			if err != nil {
				t.Fatal(err)
			}
			if got := in.DuesTextSince(o.LedgerStart, o.LedgerSetUp).String(); !strings.Contains(got, c.says) {
				t.Errorf("the 转入 form says %q, want %q", got, c.says)
			}
			md, err := svc.store.MemberDues(saved.ID, today)
			if err != nil {
				t.Fatal(err)
			}
			if md.ToRecord != c.toRecord || md.OwedMonths != c.owed {
				t.Errorf("dues page: %d 待补录, %d owed; want %d, %d", md.ToRecord, md.OwedMonths, c.toRecord, c.owed)
			}
			rep, err := findings.Collect(svc.store, today, today.Year)
			if err != nil {
				t.Fatal(err)
			}
			var found string
			for _, f := range rep.Findings {
				if strings.Contains(f.Message, "韩雪") {
					found += f.Message + "\n"
				}
			}
			if c.findingSays == "" && strings.Contains(found, "待补录") || c.findingSays != "" && !strings.Contains(found, c.findingSays) {
				t.Errorf("home/check says %q, want %q", found, c.findingSays)
			}
		})
	}
}
