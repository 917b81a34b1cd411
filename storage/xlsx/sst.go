package xlsx

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxCellChars is the most characters Excel and WPS keep in one cell. A
// shared string longer than that was not saved by them, and every cell
// that refers to it would be a fresh copy of it when read: refused before
// any sheet is read.
const maxCellChars = 32_767

// measureSharedStrings reads the shared-string table once as XML tokens and
// returns, for each string, the bytes of the text excelize makes of it (the
// string's own text and its runs', phonetic guides left out). It refuses a
// table of more than maxSharedItems strings or with a string longer than a
// cell may hold (ErrTooLarge), and a table that cannot be read (ErrDamaged,
// saying which string), so that no sheet is blamed for it.
//
// struck are the texts of the strings with a run struck through (rich
// text: the name selected in the cell and struck, review F45), each true
// when every character but spaces is struck, false when only some are; at
// most maxLongNumbers of them.
func measureSharedStrings(r io.Reader, part string) (sizes []uint32, struck map[string]bool, err error) {
	d := xml.NewDecoder(r)
	d.CharsetReader = declaredCharset
	var (
		depth          int // element depth
		siDepth        int // depth of the open <si>, 0 outside one
		phonetic       int // depth of an open <rPh>, 0 outside one
		inText         bool
		chars, byteLen int
		open           []string // the open elements' names
		// the text of the open <si>, and how much of it (not counting
		// spaces) is in runs struck through and not
		text                  []byte
		runStruck             bool
		inRun                 bool
		struckChars, plainChr int
	)
	damaged := func(err error) error {
		where := "开头"
		if len(sizes) > 0 || siDepth > 0 {
			where = fmt.Sprintf("第%d项", len(sizes)+1)
		}
		return fmt.Errorf("%w（工作簿的文字表 %s 读到%s时出错：%s）", ErrDamaged, part, where, xmlProblem(err))
	}
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if depth > 0 {
				return nil, nil, damaged(io.ErrUnexpectedEOF)
			}
			return sizes, struck, nil
		}
		if err != nil {
			return nil, nil, damaged(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return nil, nil, damaged(fmt.Errorf("elements nested too deep"))
			}
			open = append(open, t.Name.Local)
			switch t.Name.Local {
			case "si":
				if siDepth == 0 {
					if len(sizes) >= maxSharedItems {
						return nil, nil, fmt.Errorf("%w（共享字符串超过 %d 项，读入需要约 %d MB，不像是党员花名册）", ErrTooLarge, maxSharedItems, maxSharedItems*sharedStringBytes>>20)
					}
					siDepth, chars, byteLen = depth, 0, 0
					text, struckChars, plainChr = text[:0], 0, 0
				}
			case "r":
				inRun, runStruck = siDepth > 0 && phonetic == 0, false
			case "strike":
				// <strike/>, or <strike val="1"/>; val="0" or "false"
				// takes it off.
				runStruck = inRun
				for _, a := range t.Attr {
					if a.Name.Local == "val" && (a.Value == "0" || a.Value == "false") {
						runStruck = false
					}
				}
			case "rPh":
				if siDepth > 0 && phonetic == 0 {
					phonetic = depth
				}
			case "t":
				inText = siDepth > 0 && phonetic == 0
			}
		case xml.EndElement:
			if depth == 0 || open[depth-1] != t.Name.Local {
				return nil, nil, damaged(fmt.Errorf("element <%s> closed by </%s>", top(open), t.Name.Local))
			}
			open = open[:depth-1]
			switch {
			case depth == siDepth:
				sizes = append(sizes, uint32(byteLen))
				siDepth = 0
				if struckChars > 0 && len(struck) < maxLongNumbers {
					if struck == nil {
						struck = map[string]bool{}
					}
					struck[strings.TrimSpace(string(text))] = plainChr == 0
				}
			case depth == phonetic:
				phonetic = 0
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "r":
				inRun = false
			}
			depth--
		case xml.CharData:
			if inText {
				chars += utf8.RuneCount(t)
				byteLen += len(t)
				// Only rich text (runs) may be struck: a plain string's
				// text is not kept.
				if inRun {
					text = append(text, t...)
					for _, r := range string(t) {
						switch {
						case unicode.IsSpace(r):
						case runStruck:
							struckChars++
						default:
							plainChr++
						}
					}
				}
				if chars > maxCellChars {
					return nil, nil, fmt.Errorf("%w（工作簿的文字表 %s 第%d项超过 %d 个字符，多于 Excel 一个单元格能存的，不是 Excel/WPS 保存的表格）",
						ErrTooLarge, part, len(sizes)+1, maxCellChars)
				}
			}
		}
	}
}

// maxBlankRun is the longest run of ASCII white space a worksheet's XML may
// hold. Excel and WPS write none between elements, and a cell's text is at
// most maxCellChars; a sheet padded with megabytes of spaces would make
// every XML reader hold the whole run at once.
const maxBlankRun = 256 << 10

// blankRunError is the error of a blankLimiter.
type blankRunError struct{}

func (*blankRunError) Error() string { return "a run of white space too long" }

// blankLimiter passes a part's bytes through, failing at a run of white
// space longer than maxBlankRun.
type blankLimiter struct {
	r   io.Reader
	run int
}

func (b *blankLimiter) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	for _, c := range p[:n] {
		if c == ' ' || c == '\n' || c == '\r' || c == '\t' {
			b.run++
			if b.run > maxBlankRun {
				return 0, &blankRunError{}
			}
		} else {
			b.run = 0
		}
	}
	return n, err
}
