package xlsx

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// LetterLayout is how a transfer letter is printed.
type LetterLayout int

const (
	// LetterFull prints the whole form on blank A4 paper: the stub (存根),
	// the letter (介绍信) and the receipt (回执), with the form's wording,
	// the filled-in blanks underlined and cut lines between the parts.
	LetterFull LetterLayout = iota
	// LetterOverlay (套打) prints the filled-in values alone, each where
	// the full form has its blank, for paper with the form printed on it;
	// the setup's offset moves everything to suit a printer.
	LetterOverlay
)

// LetterPrint is a letter as printed: the letter and what the setup adds
// (the sending committee with its address, phone, fax and postcode, already
// resolved against the profile, and the 套打 offset).
type LetterPrint struct {
	Letter model.TransferLetter
	Setup  model.LetterSetup
}

// LetterSheet is the sheet a letter is printed on.
const LetterSheet = "介绍信"

// The letter is laid out on a grid of letterCols columns of letterColMM
// millimetres: a blank's place is its column and row, the same in both
// layouts, so that the overlay falls where the full form has its blanks.
// The page is A4 portrait at 100 % (never fitted: scaling would move the
// overlay off the pre-printed blanks), with margins that leave room for
// the offset either way.
const (
	letterCols      = 36
	letterColMM     = 5.0
	letterLeftMM    = 15.0 // 210 − 36 × 5 = 30 mm, split evenly
	letterTopMM     = 12.0
	letterBottomMM  = 10.0
	letterFontSize  = 12 // 小四, the size forms are filled in
	letterTitleSize = 16
	letterPartSize  = 14
	letterRowPt     = 24 // one line of 小四 with room to write by hand
	letterTitlePt   = 30
	letterCutPt     = 16
)

// letterColWidth is a column's width in Excel's units (the width of a digit
// of the workbook's default font, 11 pt Calibri, 7 px at 96 dpi, plus 5 px
// of padding): the width that makes letterColMM on paper.
var letterColWidth = (letterColMM/25.4*96 - 5) / 7

// seg is one piece of a line of the form: cols columns wide, holding
// either the form's own words (text) or a filled-in blank (value).
type seg struct {
	cols  int
	text  string
	value bool
	align string // left (default), center, right
}

func words(cols int, text string) seg          { return seg{cols: cols, text: text} }
func wordsAt(cols int, text, align string) seg { return seg{cols: cols, text: text, align: align} }
func blank(cols int, value string) seg {
	return seg{cols: cols, text: value, value: true, align: "center"}
}
func blankAt(cols int, value, align string) seg {
	return seg{cols: cols, text: value, value: true, align: align}
}
func gap(cols int) seg            { return seg{cols: cols} }
func line(segs ...seg) letterLine { return letterLine{height: letterRowPt, segs: segs} }
func title(text string, size float64) letterLine {
	return letterLine{height: letterTitlePt, title: size, segs: []seg{wordsAt(letterCols, text, "center")}}
}

// letterLine is one row of the form.
type letterLine struct {
	height float64
	title  float64 // the font size of a title line, 0 for body text
	cut    bool    // a cut line between two parts
	segs   []seg
}

// cutLine is the dashed line the parts are cut apart along.
var cutLine = letterLine{height: letterCutPt, cut: true, segs: []seg{wordsAt(letterCols, "沿虚线剪开", "center")}}

// letterLines is the form: the stub, the letter and the receipt, in the
// wording of the 中组部 form (组通字〔2006〕45号) with the number, 党费交至
// and the validity as the form asks for them, the latter two in capitals
// (大写).
func letterLines(p *LetterPrint) []letterLine {
	l := &p.Letter
	s := &p.Setup
	year, month, day := strconv.Itoa(l.Date.Year), strconv.Itoa(int(l.Date.Month)), strconv.Itoa(l.Date.Day)
	number := func() letterLine {
		return line(gap(24), words(2, "（"), blank(3, strconv.Itoa(l.Year)), words(2, "）第"), blank(3, strconv.Itoa(l.Number)), words(2, "号"))
	}
	who := func() letterLine {
		return line(gap(2), blank(8, l.Name), words(3, "同志（"), blank(2, string(l.Sex)), words(2, "），"),
			blank(2, strconv.Itoa(l.Age)), words(2, "岁，"), blank(4, l.Ethnicity), words(4, "，系中共"),
			blank(3, categoryWord(l.Category)), words(3, "党员，"))
	}
	id := line(words(6, "身份证号码"), blank(10, l.IDNumber), words(1, "，"))
	date := line(gap(22), blank(3, year), words(2, "年"), blank(2, month), words(2, "月"), blank(2, day), words(2, "日"))
	// The 回执 goes back to the committee that keeps the relationship; not
	// set up, its line is left blank to be written in by hand, never the
	// branch's own name.
	committee := s.Committee
	return append([]letterLine{
		// 第一联 存根: kept by the branch, with the receipt pasted on.
		title("中国共产党党员组织关系介绍信（存根）", letterPartSize),
		number(),
		who(),
		id,
		line(words(2, "由"), blankAt(34, l.FromOrg, "left")),
		line(words(2, "转到"), blankAt(31, l.ToOrg, "left"), words(1, "。")),
		line(words(5, "党费交至"), blank(10, model.CapitalYearMonth(l.PaidTo)), words(4, "，有效期"), blank(4, model.CapitalNumber(l.ValidDays)), words(2, "天。")),
		line(words(8, "（贴回执联处）"), gap(14), blank(3, year), words(2, "年"), blank(2, month), words(2, "月"), blank(2, day), words(2, "日")),
		cutLine,
		// 第二联 介绍信: carried by the member.
		title("中国共产党党员组织关系介绍信", letterTitleSize),
		number(),
		line(blankAt(35, l.Addressee(), "left"), words(1, "：")),
		who(),
		id,
		line(words(2, "由"), blankAt(34, l.FromOrg, "left")),
		line(words(2, "去"), blankAt(24, l.ToOrg, "left"), words(8, "，请转接组织关系。")),
		line(words(8, "该同志党费已交到"), blank(10, model.CapitalYearMonth(l.PaidTo)), words(1, "。")),
		line(gap(24), words(4, "（有效期"), blank(4, model.CapitalNumber(l.ValidDays)), words(3, "天）")),
		line(gap(26), words(6, "（盖章）")),
		date,
		line(words(13, "党员联系电话或其他联系方式："), blankAt(21, l.Phone, "left")),
		line(words(13, "党员原所在基层党委通讯地址："), blankAt(21, s.Address, "left")),
		line(words(5, "联系电话："), blankAt(8, s.Phone, "left"), words(3, "传真："), blankAt(8, s.Fax, "left"), words(3, "邮编："), blankAt(5, s.Postcode, "left")),
		cutLine,
	}, receiptLines(receiptText{
		number: number(), addressee: committee, name: l.Name,
	})...)
}

// receiptText is what a receipt (回执) says: the letter's number line, whom
// it goes back to, the member, and — when this branch fills it in for an
// incoming letter — the handler, phone and date.
type receiptText struct {
	number           letterLine
	addressee, name  string
	handler, phone   string
	year, month, day string
}

// receiptLines is the 回执: filled in by the receiving committee and sent
// back to the sending one.
func receiptLines(r receiptText) []letterLine {
	return []letterLine{
		title("中国共产党党员组织关系介绍信回执", letterPartSize),
		r.number,
		line(blankAt(35, r.addressee, "left"), words(1, "：")),
		line(gap(2), blank(8, r.name), words(20, "同志的党员组织关系已转达我处，特此回复。")),
		line(words(6, "经办人："), blankAt(8, r.handler, "left"), words(5, "联系电话："), blankAt(9, r.phone, "left")),
		line(gap(26), words(6, "（盖章）")),
		line(gap(22), blank(3, r.year), words(2, "年"), blank(2, r.month), words(2, "月"), blank(2, r.day), words(2, "日")),
	}
}

// categoryWord is 正式 or 预备, as the form's "系中共__党员" reads.
func categoryWord(c model.Category) string {
	switch c {
	case model.CategoryFull:
		return "正式"
	case model.CategoryProbationary:
		return "预备"
	}
	return string(c)
}

// WriteLetterFile writes a transfer letter to path in layout: one A4
// portrait page.
func WriteLetterFile(path string, p LetterPrint, layout LetterLayout) error {
	return WriteFileAtomic(path, func(w io.Writer) error {
		return writeBook(w, "介绍信", func(f *excelize.File, _ activityStyles) error {
			if err := f.SetSheetName(f.GetSheetName(0), LetterSheet); err != nil {
				return err
			}
			return buildLetter(f, LetterSheet, letterLines(&p), p.Setup, layout)
		})
	})
}

// letterStyles are the cell styles of the letter.
type letterStyles struct {
	cut     int
	titles  map[float64]int
	aligned map[string]int // by kind (w: the form's words, v: a blank) and alignment
	fitted  map[fitKey]int // the blanks holding a value too long for one line of 小四
	layout  LetterLayout
	m       styleMaker
}

// fitKey is the style of a long value: its alignment, size and whether it
// wraps onto a second line.
type fitKey struct {
	align string
	size  float64
	wrap  bool
}

// The sizes a value too long for its blank is printed at: one line of 五号
// when that holds it, else lines of 小五 — the smallest a filled-in form is
// read at: two lines fit a row; a value longer than that (a 30-character
// name in the name's blank) takes a third line, and its row grows.
const (
	letterOneLineSize = 10.5 // 五号
	letterTwoLineSize = 9    // 小五
	letterMaxLines    = 3
	letterPadMM       = 1.5 // a cell's padding, both sides
	mmPerPt           = 25.4 / 72
	// letterLinePt is the height of a line of text per point of its size,
	// about as LibreOffice prints the CJK face it puts in for 宋体 (two
	// lines of 小五 just fill a row); letterRowPadPt is a row's padding.
	letterLinePt   = 1.35
	letterRowPadPt = 2
)

// valueFit is the size value is printed at in a blank cols columns wide,
// and on how many lines: 小四 on one line when it fits, else the sizes
// above; never smaller than 小五.
func valueFit(value string, cols int) (size float64, lines int) {
	ems := textEms(value)
	perLine := func(size float64) float64 { return (float64(cols)*letterColMM - letterPadMM) / (size * mmPerPt) }
	switch {
	case ems <= perLine(letterFontSize):
		return letterFontSize, 1
	case ems <= perLine(letterOneLineSize):
		return letterOneLineSize, 1
	}
	// A line broken at a word wastes a little.
	lines = int(math.Ceil(ems / (perLine(letterTwoLineSize) * 0.95)))
	return letterTwoLineSize, max(2, min(lines, letterMaxLines))
}

// valueHeight is the height in points a value printed at size on lines
// lines needs (more than a row has when over two).
func valueHeight(size float64, lines int) float64 {
	return float64(lines)*size*letterLinePt + letterRowPadPt
}

// textEms is how wide s prints, in ems of its font: a Chinese character or
// full-width sign one, a Latin letter, digit or space about half.
func textEms(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x2E80 || unicode.Is(unicode.Han, r) {
			w++
		} else {
			w += 0.55
		}
	}
	return w
}

// value is the style of a blank holding text cols columns wide.
func (st *letterStyles) value(text string, cols int, align string) int {
	size, lines := valueFit(text, cols)
	wrap := lines > 1
	if size == letterFontSize {
		return st.aligned["v"+align]
	}
	k := fitKey{align, size, wrap}
	if id, ok := st.fitted[k]; ok {
		return id
	}
	var border []excelize.Border
	if st.layout == LetterFull {
		border = []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}
	}
	al := &excelize.Alignment{Horizontal: align, Vertical: "bottom", WrapText: wrap, ShrinkToFit: !wrap}
	if wrap {
		al.Vertical = "center"
	}
	st.fitted[k] = st.m.add(excelize.Style{Font: printFont(size, false), Border: border, Alignment: al})
	return st.fitted[k]
}

func newLetterStyles(f *excelize.File, layout LetterLayout) (*letterStyles, error) {
	st := &letterStyles{titles: map[float64]int{}, aligned: map[string]int{}, fitted: map[fitKey]int{}, layout: layout, m: styleMaker{f: f}}
	m := &st.m
	for _, size := range []float64{letterTitleSize, letterPartSize} {
		st.titles[size] = m.add(excelize.Style{Font: printFont(size, true), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	}
	for _, align := range []string{"left", "center", "right"} {
		st.aligned["w"+align] = m.add(excelize.Style{Font: printFont(letterFontSize, false),
			Alignment: &excelize.Alignment{Horizontal: align, Vertical: "bottom"}})
		// A filled-in blank: underlined like a form's blank in the full
		// layout, plain in the overlay; shrunk rather than cut when long.
		font := printFont(letterFontSize, false)
		var border []excelize.Border
		if layout == LetterFull {
			border = []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}
		}
		st.aligned["v"+align] = m.add(excelize.Style{Font: font, Border: border,
			Alignment: &excelize.Alignment{Horizontal: align, Vertical: "bottom", ShrinkToFit: true}})
	}
	st.cut = m.add(excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: 8, Color: "808080"},
		Border:    []excelize.Border{{Type: "bottom", Color: "808080", Style: 3}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	return st, st.m.err
}

// buildLetter lays lines out on sheet, the form's wording and its blanks
// (LetterFull) or the blanks' values alone (LetterOverlay).
func buildLetter(f *excelize.File, sheet string, lines []letterLine, setup model.LetterSetup, layout LetterLayout) error {
	st, err := newLetterStyles(f, layout)
	if err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(letterCols)
	if err := f.SetColWidth(sheet, "A", last, letterColWidth); err != nil {
		return err
	}
	if err := setUpLetterPage(f, sheet, setup, layout); err != nil {
		return err
	}
	// The print area is the grid: text a cell cannot hold never widens
	// the page onto a second sheet of paper.
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", sheet, last, len(lines)), Scope: sheet,
	}); err != nil {
		return err
	}
	heights := rowHeights(lines)
	for i, ln := range lines {
		row := i + 1
		if err := f.SetRowHeight(sheet, row, heights[i]); err != nil {
			return err
		}
		if ln.cut && layout == LetterOverlay {
			continue // the paper is perforated
		}
		col := 1
		for _, sg := range ln.segs {
			from, to := col, col+sg.cols-1
			col += sg.cols
			if sg.text == "" && !(sg.value && layout == LetterFull) {
				continue // a gap, or an empty blank in the overlay
			}
			if !sg.value && layout == LetterOverlay {
				continue // the form's words are on the paper
			}
			a, _ := excelize.CoordinatesToCellName(from, row)
			b, _ := excelize.CoordinatesToCellName(to, row)
			if to > from {
				if err := f.MergeCell(sheet, a, b); err != nil {
					return err
				}
			}
			if sg.text != "" {
				if err := f.SetCellStr(sheet, a, sg.text); err != nil {
					return err
				}
			}
			align := sg.align
			if align == "" {
				align = "left"
			}
			style := st.aligned["w"+align]
			switch {
			case ln.cut:
				style = st.cut
			case ln.title > 0:
				style = st.titles[ln.title]
			case sg.value:
				style = st.value(sg.text, sg.cols, align)
			}
			if err := f.SetCellStyle(sheet, a, b, style); err != nil {
				return err
			}
		}
		if col-1 > letterCols {
			return fmt.Errorf("介绍信第%d行超出版面（%d列）", row, col-1)
		}
	}
	return st.m.err
}

// rowHeights are the heights of the form's rows: each line's own, except
// that a row holding a value on more lines than it has room for grows, and
// takes what it can of the growth from the row below (whose text keeps its
// place at the row's foot), so that the rest of the part — and the 套打
// over a printed form — stays where it was.
func rowHeights(lines []letterLine) []float64 {
	h := make([]float64, len(lines))
	for i, ln := range lines {
		h[i] = ln.height
	}
	minRow := valueHeight(letterFontSize, 1)
	for i, ln := range lines {
		if ln.title > 0 || ln.cut {
			continue
		}
		need := 0.0
		for _, sg := range ln.segs {
			if !sg.value || sg.text == "" {
				continue
			}
			if size, n := valueFit(sg.text, sg.cols); n > 2 {
				need = max(need, valueHeight(size, n))
			}
		}
		if need <= h[i] {
			continue
		}
		extra := need - h[i]
		h[i] = need
		if i+1 < len(lines) && !lines[i+1].cut && lines[i+1].title == 0 {
			give := min(extra, max(0, h[i+1]-minRow))
			h[i+1] -= give
		}
	}
	return h
}

// setUpLetterPage makes the sheet one A4 portrait page at 100 %, without
// header or footer (a page number would print on the form), its margins
// moved by the setup's offset in the overlay.
func setUpLetterPage(f *excelize.File, sheet string, s model.LetterSetup, layout LetterLayout) error {
	a4, portrait, scale := 9, "portrait", uint(100)
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &portrait, AdjustTo: &scale}); err != nil {
		return err
	}
	left, top := letterLeftMM, letterTopMM
	if layout == LetterOverlay {
		left += float64(s.OffsetX) / 10
		top += float64(s.OffsetY) / 10
	}
	inch := func(mm float64) *float64 { v := mm / 25.4; return &v }
	zero := 0.0
	return f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: inch(left), Right: inch(210 - left - letterCols*letterColMM), Top: inch(top), Bottom: inch(letterBottomMM),
		Header: &zero, Footer: &zero,
	})
}

// InReceiptPrint is the 回执 this branch sends back for an incoming letter:
// the letter as recorded, and who signs it here.
type InReceiptPrint struct {
	In      model.TransferIn
	Handler string // 经办人; the letter's handler, else the profile's contact
	Phone   string // this branch's contact phone
}

// WriteInReceiptFile writes the 回执 of an incoming letter to path: the
// receipt part of the form, filled in and addressed to the sending
// committee, on one A4 portrait page.
func WriteInReceiptFile(path string, p InReceiptPrint) error {
	in := &p.In
	num := strings.TrimSpace(in.LetterNumber)
	var number letterLine
	if strings.HasSuffix(num, "号") {
		// Printed as typed: "甘组转字（2026）88号" is not wrapped in 第…号.
		number = line(gap(24), blankAt(12, num, "right"))
	} else {
		number = line(gap(20), words(2, "第"), blank(12, strings.TrimPrefix(num, "第")), words(2, "号"))
	}
	lines := receiptLines(receiptText{
		number: number, addressee: in.ReceiptAddressee(), name: in.Name, handler: p.Handler, phone: p.Phone,
		year: strconv.Itoa(in.Date.Year), month: strconv.Itoa(int(in.Date.Month)), day: strconv.Itoa(in.Date.Day),
	})
	return WriteFileAtomic(path, func(w io.Writer) error {
		return writeBook(w, "回执", func(f *excelize.File, _ activityStyles) error {
			if err := f.SetSheetName(f.GetSheetName(0), "回执"); err != nil {
				return err
			}
			return buildLetter(f, "回执", lines, model.LetterSetup{}, LetterFull)
		})
	})
}
