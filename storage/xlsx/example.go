package xlsx

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"branchledger/model"
)

// A template's 填写示例 (review s6-7 attack #17, s6-7-late #1–#4, #9):
// official roster and bases templates carry an example row under the
// headings (示例 | 张三 | 110101199003070011 | … | XX党支部), sometimes a
// whole sheet of it (填写示例, 填写说明). Imported, the example would be a
// member for ever (members are never deleted). An earlier rule skipped any
// row with an example word in any cell and dropped real members (备注 样例,
// a 党小组 示范, a real 张三); these rules are narrow, and the rows they
// catch are refused, never dropped: the user sees the row and either
// deletes it or, if it is a member, deletes the word.

// exampleSerials are what a template's example row has in its 序号 cell.
var exampleSerials = []string{"示例", "例", "样例", "填写示例", "填表示例", "范例", "举例", "例如", "示范", "样本", "样表",
	"EG", "E.G.", "EXAMPLE", "SAMPLE"}

// placeholderNames are the names an example row gives (compared upper-case).
var placeholderNames = []string{"张三", "李四", "王五", "赵六", "某某", "某某某", "XXX", "XX", "×××", "××", "＊＊＊", "***"}

// placeholderMarks, in a 所在党支部, say it is a template's stand-in
// (XX党支部, ××支部, 某某党支部): no branch is named so.
var placeholderMarks = []string{"XX", "××", "某某", "＊＊", "**"}

// exampleSheets are the names of a template's sheets of examples and
// instructions: not read unless named (--sheet, or ticked in the preview).
// 样表 is not among them: a template's only sheet is often so named, and
// filled in (review s7-7 attack #4).
var exampleSheets = []string{"示例", "填写示例", "填表示例", "样例", "范例", "说明", "填写说明", "填表说明", "使用说明",
	"示例表", "填写示例表", "模板说明", "导入说明", "注意事项", "填报说明", "填写要求", "示例数据",
	// review s8-7 attack #4 (模板 and 填写模板 may be filled in, as 样表
	// is: placeholderSheet catches them when they hold only examples)
	"范本", "样本", "填表须知", "填写须知", "须知", "EXAMPLE", "EXAMPLES", "SAMPLE", "SAMPLES"}

// placeholderSheet reports a sheet whose every row read is named as a
// template's example person is (张三, 李四, 王五, 赵六 …): a template's
// sheet of examples under a name that does not say so (模板, 填写模板:
// review s8-7 attack #4). A sheet with one real name among them is a
// roster.
func placeholderSheet(members []ImportedRow, refused []model.Rejection) bool {
	n := 0
	for _, m := range members {
		if !slices.Contains(placeholderNames, exampleKey(m.Member.Name)) {
			return false
		}
		n++
	}
	for _, r := range refused {
		if !slices.Contains(placeholderNames, exampleKey(r.Name)) {
			return false
		}
		n++
	}
	return n > 0
}

// exampleSheetWords, anywhere in a sheet's name, mark a sheet of examples
// or instructions (填写示例（请勿删除）, 填写说明及示例: review s7-7 attack
// #6), unless the name is an organisation's (示例党支部).
var exampleSheetWords = []string{"示例", "样例", "范例", "填写说明", "填表说明", "填报说明"}

// copySuffix is what Excel adds to a copied sheet's name: "示例 (2)".
var copySuffix = regexp.MustCompile(`\s*[（(]\s*\d+\s*[)）]$`)

// ExampleSheetName reports a sheet named as a template's sheet of
// examples or instructions (填写示例, 填写说明, 示例 (2), 填写示例（请勿
// 删除） …), spaces, case and brackets ignored.
func ExampleSheetName(name string) bool {
	k := exampleKey(copySuffix.ReplaceAllString(model.CleanLine(name), ""))
	if slices.Contains(exampleSheets, k) {
		return true
	}
	if orgName(groupRemark.ReplaceAllString(k, "")) {
		return false
	}
	for _, w := range exampleSheetWords {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// exampleKey is s without spaces, brackets and colons, upper-case.
func exampleKey(s string) string {
	t := spaceless(model.CleanLine(s))
	t = strings.TrimRight(strings.TrimLeft(t, "（(【[〔<《"), "）)】]〕>》：:")
	return strings.ToUpper(t)
}

// exampleSerial is the 序号 cell's text when it marks an example row
// (示例, （示例）, 例：, 示例1, 例一: review s7-7 attack #3), "" otherwise.
func exampleSerial(serial string) string {
	k := exampleKey(serial)
	if slices.Contains(exampleSerials, k) {
		return k
	}
	if n := strings.TrimRightFunc(k, func(r rune) bool {
		return r >= '0' && r <= '9' || r >= '①' && r <= '⑳' || strings.ContainsRune("一二三四五六七八九十", r)
	}); n != k {
		if n = strings.TrimRight(n, "-_.、 "); slices.Contains(exampleSerials, n) {
			return k
		}
	}
	return ""
}

// exampleNameMark reads a name that says it is an example: a placeholder
// with an example word beside it (张三（示例）, 示例：张三).
func exampleNameMark(name string) bool {
	k := exampleKey(name)
	// No one's name holds 示例 or 样例 (【示例】李四, 示例-赵六: review
	// s8-7 attack #5); 范例 may be a 范 named 例.
	for _, w := range []string{"示例", "样例"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	for _, w := range []string{"示例", "样例", "范例", "例"} {
		if strings.Contains(k, w) {
			bare := strings.NewReplacer(w, "", "（", "", "）", "", "(", "", ")", "", "：", "", ":", "").Replace(k)
			if slices.Contains(placeholderNames, bare) {
				return true
			}
		}
	}
	return false
}

// deleteNote is the cell of cells that says its row is an example to
// delete, "" if none: a sentence about this row (此行为填写示例，导入前
// 请删除; 本行为示例; 示例行，请删除), or one asking to delete this row
// (请删除此行, 导入前删除本行). Words that merely contain such text (示例行业
// 协会, 按填写示例，已核对, 导入前请删除重复的电话) are no such sentence
// (review s7-7 attack #25).
func deleteNote(cells []string) string {
	for _, c := range cells {
		k := model.CleanLine(c)
		// Every such note holds 示, 样 or 范 (示例, 样例, 范例), or 行:
		// a cell without any — nearly every cell of a roster — is passed
		// over before its spaces are taken out and its words looked for,
		// 17 cells of a row at a time (BenchmarkDeleteNote).
		if !strings.Contains(k, "示") && !strings.Contains(k, "样") && !strings.Contains(k, "范") && !strings.Contains(k, "行") {
			continue
		}
		// A cell that is only such a note (此为示例, 样例行), or that calls
		// the row example data to delete (示例数据，导入时删除: review s8-7
		// attack #5).
		bare := strings.Trim(spaceless(k), "（()）【】[]。.")
		if slices.Contains([]string{"此为示例", "此为样例", "这是示例", "这是样例", "本条为示例", "示例行", "样例行", "示例数据", "样例数据"}, bare) ||
			containsAny(bare, "示例", "样例", "范例") && containsAny(bare, "删除", "删去") {
			return model.CutTyped(c)
		}
		if !strings.Contains(k, "行") {
			continue // every sentence below has it; taking out spaces makes none
		}
		k = spaceless(k)
		k = strings.TrimLeft(k, "（(【[〔")
		k = strings.TrimPrefix(strings.TrimPrefix(k, "例："), "例:")
		about := false
		for _, p := range []string{"此行为", "本行为", "该行为", "此行是", "本行是", "示例行，", "示例行,", "示例行（", "示例行(",
			"样例行，", "样例行,", "样例行（", "样例行("} {
			about = about || strings.HasPrefix(k, p)
		}
		if about && containsAny(k, "示例", "样例", "范例", "示范") {
			return model.CutTyped(c)
		}
		for _, w := range []string{"删除此行", "删除本行", "此行删除", "本行删除", "删去此行", "删去本行"} {
			if strings.Contains(k, w) {
				return model.CutTyped(c)
			}
		}
	}
	return ""
}

// containsAny reports whether s holds any of words.
func containsAny(s string, words ...string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(s, w) })
}

// placeholderBranch reports a 所在党支部 that is a template's stand-in.
func placeholderBranch(branch string) bool {
	k := exampleKey(branch)
	for _, m := range placeholderMarks {
		if strings.Contains(k, m) {
			return true
		}
	}
	return false
}

// exampleReason is why a row is refused as a template's example, or "":
// its 序号 cell says 示例 (or 样例, 例 …), or its 姓名 is a placeholder
// (张三, XXX) and its 所在党支部 one too (XX党支部). A real member named 张三
// in 第一党支部, a 备注 or 党小组 reading 样例 or 示范, do not make a row
// an example.
func exampleReason(serial, name, branch string, cells []string) model.Text {
	if w := exampleSerial(serial); w != "" {
		return model.Textf("这一行像是表格模板的填写示例（序号为“%s”），未导入；如确是党员，请把序号“%s”改为数字后再导入", strings.TrimSpace(serial), strings.TrimSpace(serial))
	}
	if exampleNameMark(name) {
		return model.Textf("这一行像是表格模板的填写示例（姓名为“%s”），未导入；如确是党员，请填写真实姓名后再导入", strings.TrimSpace(name))
	}
	if c := deleteNote(cells); c != "" {
		return model.Textf("这一行像是表格模板的填写示例（单元格写着“%s”），未导入；如确是党员，请删去这句话后再导入", c)
	}
	if slices.Contains(placeholderNames, exampleKey(name)) && placeholderBranch(branch) {
		return model.Textf("这一行像是表格模板的填写示例（姓名“%s”、所在党支部“%s”），未导入；如确是党员，请填写真实的所在党支部后再导入", strings.TrimSpace(name), strings.TrimSpace(branch))
	}
	return model.Text{}
}

// dittoWords are the words written for "the same as above" in hand-kept
// and printed sheets; markKey has taken off spaces, enclosing brackets
// and a closing full stop (（同上）, 同上。, 同 上).
var dittoWords = []string{"同上", "同前", "仝上", "同上行", "同上栏", "同上一行", "同左", "如上", "见上", "上同", "上", "DITTO", "DO."}

// dittoRunes are the ditto mark and every quote or prime typed for it:
// ASCII, full-width (＂, the one a Chinese input method gives), curly and
// the CJK quotation marks (review s8-7 attack #1).
const dittoRunes = "〃々\"＂“”″˝〞〟'＇‘’′"

// dittoMark reports a cell that is only a ditto mark: a word of
// dittoWords or nothing but ditto runes, in brackets or not.
func dittoMark(v string) bool {
	return !otherIdeograph(v, dittoIdeographs) && dittoKey(markKey(v))
}

// dittoKey is dittoMark of a cell's markKey.
func dittoKey(k string) bool {
	if k == "" {
		return false
	}
	return slices.Contains(dittoWords, k) || slices.Contains(dittoWords, strings.TrimRight(k, "。")) ||
		strings.Trim(k, dittoRunes) == ""
}

// noneWords say "nothing here" or "not known" on printed forms; noneMark
// also takes a cell of only dashes, dots, slashes, crosses (any width)
// or zeros.
var noneWords = []string{"无", "暂无", "没有", "空", "空白", "未知", "不详", "不明", "不清楚", "不知道", "待定", "待填", "待补", "未填", "缺", "暂缺",
	"无党支部", "无此项", "不适用", "N/A", "NA", "NULL", "NONE", "NIL"}

// noneMark reports a cell that is only a "none" mark: a word of noneWords,
// or punctuation and symbols (—, –, －, ……, /, \, ×) and zeros alone
// (review s7-7 attack #24, s8-7 attack #2: the whole kind, not a list of
// dashes).
func noneMark(v string) bool {
	return !otherIdeograph(v, noneIdeographs) && noneKey(markKey(v))
}

// noneKey is noneMark of a cell's markKey.
func noneKey(k string) bool {
	if k == "" {
		return false
	}
	if slices.Contains(noneWords, strings.TrimRight(k, "。.")) {
		return true
	}
	for _, r := range k {
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) && r != '0' && r != '０' && r != 'X' {
			return false
		}
	}
	return true
}

// The ideographs of the mark words: a cell holding another is no mark,
// known without markKey's work (every cell of every row is asked).
var (
	dittoIdeographs = ideographsOf(dittoWords)
	noneIdeographs  = ideographsOf(noneWords)
)

// ideographsOf lists the ideographs (U+4000–U+9FFF) in words.
func ideographsOf(words []string) []rune {
	var out []rune
	for _, w := range words {
		for _, r := range w {
			if r >= 0x4000 && r <= 0x9fff && !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	return out
}

// otherIdeograph reports whether v holds an ideograph of U+4000–U+9FFF not
// in set. markKey keeps every such ideograph (it takes off spaces and
// brackets, and upper-cases), so a mark rule over words whose ideographs
// are set, or over punctuation and symbols, cannot match v.
func otherIdeograph(v string, set []rune) bool {
	for i := 0; i+2 < len(v); i++ {
		if c := v[i]; c >= 0xe4 && c <= 0xe9 && v[i+1]&0xc0 == 0x80 && v[i+2]&0xc0 == 0x80 {
			if !slices.Contains(set, rune(c&0x0f)<<12|rune(v[i+1]&0x3f)<<6|rune(v[i+2]&0x3f)) {
				return true
			}
			i += 2
		}
	}
	return false
}

// markKey is a cell's text as the mark rules compare it: without spaces
// and the brackets around it (（同上）, 【无】), upper-case.
func markKey(v string) string {
	k := spaceless(model.CleanLine(v))
	for {
		t := k
		for _, p := range []string{"（）", "()", "【】", "[]", "〔〕", "「」", "『』", "<>", "《》"} {
			o, c := p[:len(p)/2], p[len(p)/2:]
			if strings.HasPrefix(t, o) && strings.HasSuffix(t, c) && len(t) > len(p) {
				t = t[len(o) : len(t)-len(c)]
			}
		}
		if t == k {
			return strings.ToUpper(k)
		}
		k = t
	}
}

// serialCell is the row's 序号 cell: the column headed 序号 (编号, No.),
// or, without one, a first column that has no heading.
func (h header) serialCell(cells []string) string {
	if h.serial > 0 {
		return cell(cells, h.serial-1)
	}
	if len(h.headed) > 0 && !h.headed[0] {
		return cell(cells, 0)
	}
	return ""
}
