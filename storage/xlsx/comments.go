package xlsx

import (
	"archive/zip"
	"cmp"
	"path"
	"slices"
	"strings"

	"branchledger/model"
)

// A note (批注) on a member's row — the red corner that pops up in Excel
// and WPS, 该同志已于2024年5月转出 — is where a secretary often writes that
// the person left; it was ignored and the person stored as current (review
// ra7 F14). A note on a row is read like the row's 备注 for the words that
// say the person left (leftSaying). The notes are read once per sheet when
// the workbook is opened: excelize's GetComments would read them from the
// package handed to it, which keeps only the parts an import reads
// (openWorkbook), and a sheet's notes are a part of their own.

// cellComment is the text of the note on a cell.
type cellComment struct {
	col, row int
	text     string
}

// maxComments bounds the notes kept of one sheet (each is small; a part of
// notes is bounded by maxSmallPart).
const maxComments = 20_000

// sheetComments reads the notes of the worksheet in part zf: its
// relationships name the part of its notes. A sheet without notes, or
// whose notes cannot be read, has none: they are a remark beside the
// roster, and a damaged part of them (which Excel repairs by dropping)
// refuses no roster.
func (p *pkgReader) sheetComments(zf *zip.File) []cellComment {
	dir, base := path.Split(strings.ReplaceAll(zf.Name, "\\", "/"))
	rels, ok, err := p.rels(dir + "_rels/" + base + ".rels")
	if err != nil || !ok {
		return nil
	}
	var out []cellComment
	for _, r := range rels {
		if !strings.HasSuffix(r.Type, "/comments") {
			continue
		}
		part := p.part(resolvePart(dir, r.Target))
		if part == nil {
			continue
		}
		var v struct {
			List []struct {
				Ref  string `xml:"ref,attr"`
				Text struct {
					T    string `xml:"t"`
					Runs []struct {
						T string `xml:"t"`
					} `xml:"r"`
				} `xml:"text"`
			} `xml:"commentList>comment"`
		}
		if p.unmarshal(part, &v) != nil {
			continue
		}
		for _, c := range v.List {
			col, row, ok := parseRef(c.Ref)
			if !ok || len(out) >= maxComments {
				continue
			}
			text := c.Text.T
			for _, r := range c.Text.Runs {
				text += r.T
			}
			out = append(out, cellComment{col: col, row: row, text: text})
		}
	}
	// By row, for commentsOn; a row's notes in the order the part gives.
	slices.SortStableFunc(out, func(a, b cellComment) int { return cmp.Compare(a.row, b.row) })
	return out
}

// commentsOn are the notes on row n's cells, of comments sorted by row
// (sheetComments): each row's readers (commentSaysLeft, remarks) looked
// through every note of the sheet, a sheet with a note on every row read
// in time growing with the square of its rows.
func commentsOn(comments []cellComment, n int) []cellComment {
	i, _ := slices.BinarySearchFunc(comments, n, func(c cellComment, n int) int { return cmp.Compare(c.row, n) })
	j := i
	for j < len(comments) && comments[j].row == n {
		j++
	}
	return comments[i:j]
}

// commentSaysLeft refuses the row when a note on one of its cells says
// the person left, as its 备注 would (saysLeft).
func (r *rowMember) commentSaysLeft() {
	if len(r.rejected) > 0 {
		return // refused already: for its 备注 or any other cell
	}
	for _, c := range commentsOn(r.im.sr.part.comments, r.row) {
		text := commentText(c.text)
		w := leftSaying(text)
		if w == "" {
			w = commentLeftWord(text)
		}
		if w == "" {
			// 2020年转入第一党支部 on a row of 第一党支部 is an arrival,
			// as in its 备注 (review ra8 G11: the row was refused).
			w = r.movedElsewhere(text)
		}
		if w == "" {
			w = aloneLeaving(text)
		}
		if w != "" {
			r.reject(model.FieldName, model.Textf("%s单元格的批注%s写着“%s”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请删去或改写批注后再导入",
				cellRef(c.col, c.row), quote(text), w))
			return
		}
	}
}

// commentText is what a note says: Excel starts it with its author's name
// and a colon (组织委员:), which is no part of it.
func commentText(raw string) string {
	text := model.CleanLine(raw)
	if author, rest, ok := cutAuthor(text); ok && leftSaying(author) == "" {
		text = rest
	}
	return text
}

// cutAuthor cuts the author's name Excel puts before a note's text
// (组织委员:该同志…): a short first clause ending in a colon.
func cutAuthor(text string) (author, rest string, ok bool) {
	for i, r := range text {
		switch {
		case i > 60 || strings.ContainsRune("，。；,;", r):
			return "", text, false
		case r == ':' || r == '：':
			return text[:i], strings.TrimSpace(text[i+len(string(r)):]), i > 0
		}
	}
	return "", text, false
}

// commentLeftWord is the word of commentWords a note on a member's row
// says, "" if none: not negated (不是原党员, 未清退), and no refund (多缴党费
// 已清退).
func commentLeftWord(text string) string {
	text = leavingText(text)
	for _, w := range commentWords {
		for at := range indexesOf(text, w) {
			if notLeft(text[:at]) || strings.ContainsAny(clauseBefore(text, at), "费款钱金") {
				continue
			}
			return w
		}
	}
	return ""
}
