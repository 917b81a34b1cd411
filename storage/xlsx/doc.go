// Package xlsx reads branch rosters (党员花名册) from the Excel files branches
// really keep, and writes the roster as a print-ready workbook. It only turns
// files into model values and back: it never writes to the database, and it
// treats every file it reads as hostile, since it comes from a USB drive.
package xlsx
