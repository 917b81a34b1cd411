package xlsx

import (
	"bytes"
	"math"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// What a date section of a number format shows, for the oracle of
// FuzzReadRosterShownFormats: the date to the day, to the month, the year
// alone, a number, or nothing.
type shows int

const (
	showsHidden shows = iota
	showsADay
	showsAMonth
	showsAYear
	showsANumber
)

// fuzzSection is the one-section format that shows a value, and what it
// shows of a date.
type fuzzSection struct {
	code  string
	shows shows
}

var (
	secGeneral = fuzzSection{"", showsANumber}
	secMonth   = fuzzSection{`yyyy"年"m"月"`, showsAMonth}
	secDay     = fuzzSection{"yyyy-mm-dd", showsADay}
	secYear    = fuzzSection{"yyyy", showsAYear}
	secNumber  = fuzzSection{"0", showsANumber}
	secHidden  = fuzzSection{"", showsHidden}
)

// fuzzNumberFormats are the cell formats the fuzzer gives a date cell,
// each with the section Excel shows a value through, worked out here by
// hand from the code (the oracle does not ask the importer's parser).
var fuzzNumberFormats = []struct {
	code    string
	section func(v float64) fuzzSection
}{
	{"", func(float64) fuzzSection { return secGeneral }},
	{`yyyy"年"m"月"`, func(float64) fuzzSection { return secMonth }},
	{"yyyy-mm-dd", func(float64) fuzzSection { return secDay }},
	{"yyyy", func(float64) fuzzSection { return secYear }},
	{";;;", func(float64) fuzzSection { return secHidden }},
	{"yyyy-mm-dd;;;", func(v float64) fuzzSection {
		if v > 0 {
			return secDay
		}
		return secHidden
	}},
	{`[<40000]yyyy"年"m"月";yyyy-mm-dd`, func(v float64) fuzzSection {
		if v < 40000 {
			return secMonth
		}
		return secDay
	}},
	{`[>=42000]yyyy"年"m"月";[<39000]yyyy;yyyy-mm-dd`, func(v float64) fuzzSection {
		switch {
		case v >= 42000:
			return secMonth
		case v < 39000:
			return secYear
		}
		return secDay
	}},
	{"0;-0;;@", func(v float64) fuzzSection {
		if v == 0 {
			return secHidden
		}
		return secNumber
	}},
}

// fuzzRuleFormats are the number formats a conditional format sets.
var fuzzRuleFormats = []fuzzSection{secMonth, secDay, secYear, {";;;", showsHidden}}

// fuzzCriteria are the cellIs rules the fuzzer sets, each with its test.
var fuzzCriteria = []struct {
	criteria string
	holds    func(v, a, b float64) bool
	text     bool // holds for a text cell (Excel puts text above every number)
}{
	{">", func(v, a, _ float64) bool { return v > a }, true},
	{"<", func(v, a, _ float64) bool { return v < a }, false},
	{">=", func(v, a, _ float64) bool { return v >= a }, true},
	{"<=", func(v, a, _ float64) bool { return v <= a }, false},
	{"==", func(v, a, _ float64) bool { return v == a }, false},
	{"!=", func(v, a, _ float64) bool { return v != a }, true},
	{"between", func(v, a, b float64) bool { return v >= min(a, b) && v <= max(a, b) }, false},
	{"formula", nil, false},
}

// FuzzReadRosterShownFormats builds a roster whose 入党时间 is a date cell
// with a number format the fuzzer picks — sections by condition, sections
// that show nothing (;;;), a year alone — and perhaps a conditional format
// over it setting another number format (or one the import cannot work
// out: a formula), and whose 联系电话 is text that a format's fourth
// section or a ;;; rule may hide. The oracle works out by hand which
// format and section Excel shows each cell through, and excelize renders
// that one section: what the cell shows. The importer never stores a
// value that differs from it — a hidden cell is blank, a month shown is
// a month, a year alone or a number is no date — and a rule it cannot
// work out refuses the row. The same cell read as a 党费已交至 by the dues
// bases import (the same reading) is held to the same.
func FuzzReadRosterShownFormats(f *testing.F) {
	f.Add(40360.0, 40000.0, 41000.0, uint32(0))
	f.Add(39614.5, 39000.0, 0.0, uint32(0x0101_0106))
	f.Add(41234.0, 41234.0, 0.0, uint32(0x0313_0204))
	f.Add(38500.0, 42000.0, 38000.0, uint32(0x0007_0617))
	f.Add(43000.0, 1.0, 2.0, uint32(0x0000_0718))
	f.Add(41800.0, 40000.0, 0.0, uint32(0x0004_0002))
	f.Add(41800.0, 40000.0, 0.0, uint32(0x0002_0002))
	f.Fuzz(func(t *testing.T, number, a, b float64, flags uint32) {
		if math.IsNaN(number) || math.IsInf(number, 0) || math.IsNaN(a) || math.IsInf(a, 0) || math.IsNaN(b) || math.IsInf(b, 0) {
			return
		}
		// A join date after the 18th birthday (1985-03-12) and before today.
		v := 37700 + math.Mod(math.Abs(number), 46300-37700)
		v = math.Round(v*4) / 4
		a, b = math.Round(a), math.Round(b)
		own := fuzzNumberFormats[int(flags&0xff)%len(fuzzNumberFormats)]
		ruleOn := flags>>8&1 == 1
		crit := fuzzCriteria[int(flags>>9&0xf)%len(fuzzCriteria)]
		ruleFmt := fuzzRuleFormats[int(flags>>13&0x7)%len(fuzzRuleFormats)]
		phoneOwn := []string{"", "@", ";;;", "0;-0;0;"}[int(flags>>16&0x3)]
		phoneRule := flags>>18&1 == 1
		phoneCrit := fuzzCriteria[int(flags>>19&0xf)%(len(fuzzCriteria)-1)]

		fx := excelize.NewFile()
		defer fx.Close()
		sh := "Sheet1"
		_ = fx.SetSheetRow(sh, "A1", &[]any{"姓名", "公民身份号码", "入党时间", "联系电话", "人员类别"})
		_ = fx.SetSheetRow(sh, "A2", &[]any{"冯志强", idNumber("19850312", "013"), v, "13712345678", "正式党员"})
		style := func(ref, code string) {
			if code == "" {
				return
			}
			st, err := fx.NewStyle(&excelize.Style{CustomNumFmt: &code})
			if err != nil {
				t.Fatal(err)
			}
			_ = fx.SetCellStyle(sh, ref, ref, st)
		}
		style("C2", own.code)
		style("D2", phoneOwn)
		rule := func(ref string, c struct {
			criteria string
			holds    func(v, a, b float64) bool
			text     bool
		}, code string) {
			if code == "" {
				code = "General"
			}
			id, err := fx.NewConditionalStyle(&excelize.Style{CustomNumFmt: &code})
			if err != nil {
				t.Fatal(err)
			}
			o := excelize.ConditionalFormatOptions{Type: "cell", Format: &id, Criteria: c.criteria, Value: strconv.FormatFloat(a, 'f', -1, 64)}
			switch c.criteria {
			case "between":
				o = excelize.ConditionalFormatOptions{Type: "cell", Format: &id, Criteria: "between",
					MinValue: strconv.FormatFloat(a, 'f', -1, 64), MaxValue: strconv.FormatFloat(b, 'f', -1, 64)}
			case "formula":
				o = excelize.ConditionalFormatOptions{Type: "formula", Format: &id, Criteria: "$A2<>\"\""}
			}
			if err := fx.SetConditionalFormat(sh, ref+":"+ref, []excelize.ConditionalFormatOptions{o}); err != nil {
				t.Fatal(err)
			}
		}
		if ruleOn {
			rule("C2", crit, ruleFmt.code)
		}
		if phoneRule {
			rule("D2", phoneCrit, ";;;")
		}
		buf, err := fx.WriteToBuffer()
		if err != nil {
			t.Fatal(err)
		}
		rf, err := ReadRoster(bytes.NewReader(buf.Bytes()), ReadOptions{Today: today})
		if err != nil {
			t.Fatalf("ReadRoster: %v", err)
		}

		// The same cell as a 党费已交至 in a bases workbook: read as the
		// roster reads it (sheetReader.shown).
		_ = fx.SetSheetRow(sh, "A1", &[]any{"姓名", "公民身份号码", "党费已交至", "联系电话", "计算基数"})
		_ = fx.SetCellValue(sh, "E2", 3000)
		path := t.TempDir() + "/基数.xlsx"
		if err := fx.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		bf, err := ReadDuesBasesSheets(path, 0, nil)
		if err != nil {
			t.Fatalf("ReadDuesBasesSheets: %v", err)
		}
		var base *BaseRow
		for i := range bf.Rows {
			if bf.Rows[i].Row == 2 {
				base = &bf.Rows[i]
			}
		}

		// The oracle: the section the date cell shows through.
		sec := own.section(v)
		unknown := false
		if ruleOn {
			switch {
			case crit.holds == nil:
				unknown = true
			case crit.holds(v, a, b):
				sec = ruleFmt
			}
		}
		var got *model.Member
		for _, im := range rf.Members {
			if im.Row == 2 {
				got = &im.Member
			}
		}
		if unknown {
			if got != nil || base != nil {
				t.Fatalf("a rule the import cannot work out: imported, member %+v, base %+v", got, base)
			}
			return
		}
		serial, _ := excelize.ExcelDateToTime(v, false)
		day := model.NewDate(serial.Year(), serial.Month(), serial.Day())
		shown := renderOracle(t, v, sec.code)
		if base != nil {
			switch sec.shows {
			case showsADay, showsAMonth:
				if base.PaidTo != model.MonthOf(day.Year, day.Month) {
					t.Errorf("bases: 党费已交至 %v; the cell shows %q (%s)", base.PaidTo, shown, sec.code)
				}
			default:
				if base.PaidTo != 0 {
					t.Errorf("bases: 党费已交至 %v stored; the cell shows %q (own format %q, rule %v %q)", base.PaidTo, shown, own.code, ruleOn, ruleFmt.code)
				}
			}
		}
		if got == nil {
			return // refused: nothing stored
		}
		switch sec.shows {
		case showsADay:
			if got.JoinDate != day {
				t.Errorf("join date %v; the cell shows %q (%s), the date %v", got.JoinDate, shown, sec.code, day)
			}
		case showsAMonth:
			if got.JoinDate != model.MonthDate(day.Year, day.Month) {
				t.Errorf("join date %v; the cell shows %q (%s), the month %d-%02d", got.JoinDate, shown, sec.code, day.Year, day.Month)
			}
		default:
			t.Errorf("join date %v stored; the cell shows %q (own format %q, rule %v %q)", got.JoinDate, shown, own.code, ruleOn, ruleFmt.code)
		}

		// The phone: text a fourth section that shows nothing hides, and a
		// ;;; rule that holds for text.
		hidden := phoneOwn == ";;;" || phoneOwn == "0;-0;0;" || phoneRule && phoneCrit.text
		switch {
		case hidden && got.Phone != "":
			t.Errorf("phone %q stored; the cell shows nothing (format %q, rule %v %s)", got.Phone, phoneOwn, phoneRule, phoneCrit.criteria)
		case !hidden && got.Phone != "13712345678":
			t.Errorf("phone %q; the cell shows 13712345678 (format %q, rule %v %s)", got.Phone, phoneOwn, phoneRule, phoneCrit.criteria)
		}
	})
}

// renderOracle is what excelize shows of v through the one-section
// format code ("" for General): the text the cell shows.
func renderOracle(t *testing.T, v float64, code string) string {
	t.Helper()
	if code == ";;;" {
		return ""
	}
	fx := excelize.NewFile(shownOptions)
	defer fx.Close()
	_ = fx.SetCellValue("Sheet1", "A1", v)
	if code != "" {
		st, err := fx.NewStyle(&excelize.Style{CustomNumFmt: &code})
		if err != nil {
			t.Fatal(err)
		}
		_ = fx.SetCellStyle("Sheet1", "A1", "A1", st)
	}
	s, _ := fx.GetCellValue("Sheet1", "A1")
	return s
}
