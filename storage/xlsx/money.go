package xlsx

import (
	"strconv"

	"branchledger/model"
)

// moneyFormat is Excel's built-in number format 2, "0.00": amounts print
// with two decimals and stay numbers that SUM adds up.
const moneyFormat = 2

// moneyValue is an amount as a number cell's value, so that the people who
// report upward can add the columns in Excel or WPS. The StreamWriter has no
// way to take a number as text (a string becomes a text cell), only ints and
// floats, so the exact decimal text (81.50) is handed over as the float64
// nearest to it; no arithmetic is done on it. The writer prints a float as
// the shortest decimal that reads back as the same float, which for an
// amount of at most 15 significant digits is that same decimal (81.5): the
// file holds exactly the amount computed in 分 (TestDuesMoneyCellsAreExactNumbers).
func moneyValue(m model.Money) any {
	v, err := strconv.ParseFloat(m.String(), 64)
	if err != nil { // cannot happen: String prints digits and a point
		return m.String()
	}
	return v
}
