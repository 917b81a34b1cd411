// Command readrows is the baseline the importer is timed against as a whole
// process (BenchmarkImportProcess20000): excelize opening a workbook and
// reading every row of its first sheet, nothing else. With -raw it streams
// the raw values (what excelize's row iterator does fastest); without, it
// is GetRows, values formatted by their number formats.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/xuri/excelize/v2"
)

func main() {
	raw := flag.Bool("raw", false, "stream raw cell values instead of GetRows")
	flag.Parse()
	f, err := excelize.OpenFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defer f.Close()
	sheet := f.GetSheetList()[0]
	n := 0
	if *raw {
		rows, err := f.Rows(sheet)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		for rows.Next() {
			if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
			n++
		}
		_ = rows.Close()
	} else {
		rows, err := f.GetRows(sheet)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		n = len(rows)
	}
	fmt.Println(n)
}
