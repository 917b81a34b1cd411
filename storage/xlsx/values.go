package xlsx

import (
	"strconv"
	"strings"

	"branchledger/model"
)

// excelDigits is how many significant digits Excel keeps of a number: an
// 18-digit ID number typed into a number cell loses its last three.
const excelDigits = 15

// idLostDigits reports whether an ID number cell went through Excel as a
// number and so lost its last digits, and what Excel shows for it. That is
// the case for a cell stored as a number with more than 15 digits, for
// scientific notation (6.20503E+17, as text or number), and for text of 18
// digits ending in 000 that fails the check digit: the number turned back
// into text after the damage was done.
func idLostDigits(raw string, numeric bool) (shown string, lost bool) {
	s := strings.TrimSpace(raw)
	if numeric {
		// A number shown through #,##0 (620,102,…): its digits, not an
		// empty 显示为.
		s = strings.ReplaceAll(s, ",", "")
	}
	if digits, ok := expandScientific(s); ok {
		return excelShown(digits), len(digits) > excelDigits
	}
	s = strings.TrimSuffix(s, ".0")
	if !model.IsDigits(s) {
		return "", false
	}
	if numeric {
		return excelShown(s), len(s) > excelDigits
	}
	if len(s) == 18 && strings.HasSuffix(s, "000") {
		if _, err := model.ParseIDNumber(s); err != nil {
			return s, true
		}
	}
	return "", false
}

// excelShown is a whole number as Excel displays it: 15 significant digits,
// then zeros.
func excelShown(digits string) string {
	if len(digits) <= excelDigits {
		return digits
	}
	return digits[:excelDigits] + strings.Repeat("0", len(digits)-excelDigits)
}

// expandScientific turns a whole number in scientific notation (6.20503E+17,
// 1.5093980912E10) into its digits; ok is false for anything else.
func expandScientific(s string) (digits string, ok bool) {
	mant, exp, found := strings.Cut(strings.ToUpper(s), "E")
	if !found || len(s) > 40 {
		return "", false
	}
	e, err := strconv.Atoi(strings.TrimPrefix(exp, "+"))
	if err != nil || e < 0 || e > 30 {
		return "", false
	}
	whole, frac, _ := strings.Cut(mant, ".")
	if !model.IsDigits(whole) || (frac != "" && !model.IsDigits(frac)) || len(frac) > e {
		return "", false
	}
	digits = strings.TrimLeft(whole+frac+strings.Repeat("0", e-len(frac)), "0")
	return digits, digits != ""
}

// idCellProblem is why the ID number cell at col and row, showing shown,
// cannot be taken, "" when it can. An ID number of 18 digits in a number
// cell is refused whatever it shows (RULES.md §4): Excel keeps 15
// significant digits, so it has lost its last three even when what is left
// happens to pass the check digit (about 1 in 11). Text that shows the
// damage (6.20503E+17, …000 failing the check) is refused too. A 15-digit
// old number in a number cell is whole, and is upgraded like any other.
func idCellProblem(sr *sheetReader, col, row int, shown string) model.Text {
	if sr.longNumber(col, row) {
		digits, _ := idLostDigits(shown, true)
		return idStoredAsNumber(digits)
	}
	if digits, lost := idLostDigits(shown, false); lost {
		return idStoredAsNumber(digits)
	}
	return model.Text{}
}

// idStoredAsNumber is the reason given for an ID number that lost digits.
func idStoredAsNumber(shown string) model.Text {
	return model.Textf("身份证号码被 Excel 存成了数字，第16–18位已丢失（显示为 %s），请把该列设为文本后重新录入", shown)
}

// parseYesNoDetail reads a 是否 column. Besides 是/否 it takes a yes with
// its detail in the same cell, as the exported roster prints it ("是" and
// the detail on the next line) and as people write it: "是（2023-05）",
// "是，广东深圳".
func parseYesNoDetail(s string) (yes bool, detail string, ok bool) {
	if yes, ok := model.ParseYesNo(s); ok {
		return yes, "", true
	}
	s = strings.TrimSpace(s)
	rest, found := strings.CutPrefix(s, "是")
	if !found {
		return false, "", false
	}
	detail = strings.TrimLeft(rest, " \t\r\n\u3000,，:：;；、")
	for _, b := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if inner, ok := strings.CutPrefix(detail, b[0]); ok {
			detail = strings.TrimSuffix(strings.TrimSpace(inner), b[1])
		}
	}
	detail = strings.TrimSpace(detail)
	return true, detail, detail != ""
}

// shownPhone reads a phone cell that shows a number in scientific notation
// (1.3712345619E+10, or 1.4E+10 through a format like 0.0E+00). The digits
// it stands for are the phone only when the cell is a number holding just
// those digits; a cell showing fewer digits than it holds (1.4E+10 for
// 13712345619), or text in that notation, shows a number that is no longer
// whole, and is refused (why) with what the cell holds. ok is false when
// the shown text is not scientific notation. The error is for a sheet
// that cannot be read on.
//
// A number cell whose format only adds decimals or thousands separators
// (0.00 shows 13900000003.00, #,##0 shows 13,900,000,004) shows the whole
// number the user typed: its value is the phone (review ra7 K4-b). Text
// written so is left to the phone check: nothing says what was meant.
func shownPhone(sr *sheetReader, col, row int, shown string) (phone string, why model.Text, ok bool, err error) {
	if digits, dressed := dressedWholeNumber(shown); dressed {
		number, _, err := sr.numeric(col, row)
		if err != nil || !number {
			return "", why, false, err
		}
		raw, err := sr.value(col, row)
		if err != nil {
			return "", why, false, err
		}
		if strings.TrimSuffix(strings.TrimSpace(raw), ".0") == digits {
			return digits, why, true, nil
		}
		return "", why, false, nil
	}
	digits, sci := expandScientific(shown)
	if !sci {
		return "", why, false, nil
	}
	number, _, err := sr.numeric(col, row)
	if err != nil {
		return "", why, true, err
	}
	raw := ""
	if number {
		if raw, err = sr.value(col, row); err != nil {
			return "", why, true, err
		}
		raw = strings.TrimSuffix(strings.TrimSpace(raw), ".0")
		if d, ok := expandScientific(raw); ok {
			raw = d
		}
	}
	switch {
	case number && raw == digits:
		return digits, why, true, nil // a phone number stored as a number keeps its 11 digits
	case number && model.IsDigits(raw):
		return "", model.Textf("单元格把号码显示为%s，没有显示全（单元格里存的是 %s）：请把单元格设为文本，或数字格式设为 0 后再导入", quote(shown), raw), true, nil
	}
	return "", model.Textf("号码写成了科学计数法%s，后面的位数已看不出来：请填写完整的号码", quote(shown)), true, nil
}

// dressedWholeNumber reads a whole number shown with thousands separators
// or zero decimals (13,900,000,004, 13900000003.00) as its digits; dressed
// is false for anything else, a number shown plain among them.
func dressedWholeNumber(shown string) (digits string, dressed bool) {
	s := strings.TrimSpace(shown)
	if !strings.ContainsAny(s, ",.") || len(s) > 40 {
		return "", false
	}
	whole, frac, _ := strings.Cut(s, ".")
	if strings.Trim(frac, "0") != "" {
		return "", false
	}
	groups := strings.Split(whole, ",")
	for i, g := range groups {
		// Separators stand every three digits, as #,##0 puts them.
		if !model.IsDigits(g) || i > 0 && len(g) != 3 || len(g) == 0 || len(g) > 3 && len(groups) > 1 {
			return "", false
		}
	}
	return strings.Join(groups, ""), true
}
