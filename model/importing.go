package model

import (
	"fmt"
	"sort"
	"strings"
)

// Rejection is one reason a row of an imported file was refused.
type Rejection struct {
	Sheet  string // the worksheet, "" when the file has only one
	Row    int    // the sheet row number as Excel shows it
	Field  Field
	Reason string // what is wrong, one Chinese sentence
	// Text, when set, is Reason as a Text, for a window in another
	// language (ui/kit.SayProblem); Reason is what the command line and
	// the workbook of refused rows say.
	Text Text
	// Name is the row's 姓名 and Value the refused cell as the sheet shows
	// it, so that the person and the cell can be found without counting
	// rows; either may be "".
	Name  string
	Value string
	// From says where Value is when no cell of the row holds it — the
	// sheet's name, the title, a group row taken for 所在党支部 —, so that
	// it is not quoted as the cell's ("工作表名称", "标题", "分组行");
	// "" for the row's own cell.
	From string
	// Cols are the row's cells (1-based columns) the reason blames when it
	// is not every column of Field: the 月 of a date split into 年 | 月
	// (the workbook of refused rows marked the 年, review s13-reattack
	// #13). Empty: the field's columns.
	Cols []int
}

// Detail is the reason with the person and the cell's content before it:
// "张三，单元格为“2003.1”：日期…存成了数字…"; a value no cell holds is
// quoted from where it is: "张三，工作表名称“第一党支部”：…".
func (r Rejection) Detail() string {
	var who []string
	if r.Name != "" {
		who = append(who, CutTyped(r.Name))
	}
	if r.Value != "" && r.Field != FieldName {
		from := r.From
		if from == "" {
			from = "单元格为"
		}
		who = append(who, from+QuoteTyped(r.Value))
	}
	if len(who) == 0 {
		return r.Reason
	}
	return strings.Join(who, "，") + "：" + r.Reason
}

// Line is the rejection as the command line prints it:
// "row N: <field>: <detail>", with the sheet after the row number when the
// workbook's roster spans several sheets ("row N (SHEET): …").
func (r Rejection) Line(withSheet bool) string {
	field := ""
	if r.Field != "" {
		field = r.Field.Label() + ": "
	}
	if withSheet && r.Sheet != "" {
		return fmt.Sprintf("row %d (%s): %s%s", r.Row, r.Sheet, field, r.Detail())
	}
	return fmt.Sprintf("row %d: %s%s", r.Row, field, r.Detail())
}

// ImportNote is something an import did that the user should see before
// confirming, though nothing was refused: a value worked out from others,
// an old ID number upgraded. Row 0 is about the whole sheet.
type ImportNote struct {
	Sheet   string
	Row     int
	Field   Field
	Message string
	// Text, when set, is Message as a Text, for a window in another
	// language.
	Text Text
}

// Reason is the refusal of field f at row of sheet saying format with args
// (see Text): Reason the Chinese sentence, Text the same for a window in
// another language.
func Reason(sheet string, row int, f Field, format string, args ...any) Rejection {
	t := Textf(format, args...)
	return Rejection{Sheet: sheet, Row: row, Field: f, Reason: t.String(), Text: t}
}

// Note is the note of field f at row of sheet saying format with args
// (see Text), as Reason is a refusal.
func Note(sheet string, row int, f Field, format string, args ...any) ImportNote {
	t := Textf(format, args...)
	return ImportNote{Sheet: sheet, Row: row, Field: f, Message: t.String(), Text: t}
}

// ImportSheet is one worksheet of an imported workbook as the preview lists
// it.
type ImportSheet struct {
	Name      string
	Hidden    bool
	Included  bool // read into the plan; the user may untick a sheet
	HeaderRow int
	Rows      int      // data rows read
	Ignored   []string // headings of the columns not imported
	// IgnoredText are Ignored as Texts, for a screen in another language
	// (学历（重复的“学历”列）).
	IgnoredText []Text
	// BranchFromName: the sheet has no 所在党支部 column, and its name is
	// given as every row's 所在党支部. CanUseName says the choice is offered.
	BranchFromName bool
	CanUseName     bool
	// NameBranch is the branch the sheet's name gives, tidied the way a
	// title's is (第一党支部花名册 → 第一党支部, 第三党支部 (2) → 第三党支部);
	// "" when the name gives none, and NameWhy says why (含有年份 …) when
	// the sheet has no 所在党支部 column nor a title naming one.
	NameBranch string
	NameWhy    string
	// Left is the word in the sheet's name saying its people left the
	// roster (转出, 去世 …): such a sheet is not included unless chosen.
	Left string
	// LeftTitle is the sheet's title when the word is in it rather than in
	// the name (第一党支部党员花名册（已转出人员）), "" otherwise.
	LeftTitle string
	// Example says the sheet is named as a template's sheet of examples
	// or instructions (填写示例, 填写说明): not included unless chosen.
	Example bool
	// Earlier is the newest year's sheet when this one is an earlier
	// year's roster of the same people (2023 beside 2025): not included
	// unless chosen. EarlierMissing is how many of its people the newest
	// lacks: they left, and are not imported.
	Earlier        string
	EarlierMissing int
}

// SkippedSheet is a worksheet of an imported workbook not read as a
// roster, and why (a Chinese phrase: 没有找到花名册的表头…).
type SkippedSheet struct {
	Name   string
	Reason string
}

// ImportChoice is what the user decided in the preview; the zero value is
// the defaults.
type ImportChoice struct {
	// Sheets lists the sheets to import; nil means every sheet that holds
	// a roster and is not hidden (hidden ones too when all are).
	Sheets []string
	// SheetNameBranch lists the sheets whose name is every row's 所在党支部
	// (for sheets without that column); nil means those whose name reads
	// as a branch's.
	SheetNameBranch []string
	// ProfileBranch sets 所在党支部 of every imported member to the branch
	// of the data file's profile.
	ProfileBranch bool
}

// ImportPreview is everything the user sees before confirming an import:
// the sheets read, the rows refused with their reasons, notes, and what the
// rest would change.
type ImportPreview struct {
	File   string
	Sheets []ImportSheet
	// Skipped are the sheets that hold no roster the importer could find.
	Skipped []SkippedSheet
	// Sheet and HeaderRow are those of the first sheet read.
	Sheet     string
	HeaderRow int
	Rejected  []Rejection
	Notes     []ImportNote
	Plan      ImportPlan
	Choice    ImportChoice
	// ProfileBranch is the branch of the data file's profile, and
	// OtherBranches how many of the members to add or update name another
	// 所在党支部 (before Choice.ProfileBranch is applied).
	ProfileBranch string
	OtherBranches int
	OtherNames    []string // the other branch names, as the file writes them
	// EmptyBranches is how many of them have no 所在党支部 (none in the
	// file, the title or the sheet name taken for it), before
	// Choice.ProfileBranch is applied.
	EmptyBranches int
}

// NotImported names every sheet of the file not imported, each with why:
// "统计（没有找到花名册的表头…）", "已转出党员（名称含“转出”，不是在册党员）".
func (p *ImportPreview) NotImported() []string {
	var out []string
	for _, s := range p.Sheets {
		switch {
		case s.Included:
		case s.Example && !s.Hidden:
			out = append(out, s.Name+"（看来是表格模板的填写示例或说明，不作为党员导入）")
		case s.Earlier != "" && !s.Hidden:
			out = append(out, fmt.Sprintf("%s（往年的名册，只导入最新的“%s”；其中%d人不在“%s”中，没有导入）", s.Name, s.Earlier, s.EarlierMissing, s.Earlier))
		case s.LeftTitle != "" && !s.Hidden:
			out = append(out, fmt.Sprintf("%s（标题含“%s”，不作为在册党员导入）", s.Name, s.Left))
		case s.Left != "" && !s.Hidden:
			out = append(out, fmt.Sprintf("%s（名称含“%s”，不作为在册党员导入）", s.Name, s.Left))
		case s.Hidden:
			out = append(out, s.Name+"（隐藏的工作表）")
		default:
			out = append(out, s.Name+"（没有选择）")
		}
	}
	for _, s := range p.Skipped {
		out = append(out, s.Name+"（"+s.Reason+"）")
	}
	return out
}

// MultiSheet reports whether the roster spans several sheets, so that rows
// are named with their sheet.
func (p *ImportPreview) MultiSheet() bool { return len(p.Sheets) > 1 }

// Ignored lists the columns not imported over the sheets included, each
// once, in order.
func (p *ImportPreview) Ignored() []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range p.Sheets {
		if !s.Included {
			continue
		}
		for _, h := range s.Ignored {
			if !seen[h] {
				seen[h] = true
				out = append(out, h)
			}
		}
	}
	return out
}

// IgnoredText is Ignored as Texts, for a screen in another language.
func (p *ImportPreview) IgnoredText() []Text {
	var out []Text
	seen := map[string]bool{}
	for _, s := range p.Sheets {
		if !s.Included {
			continue
		}
		for i, h := range s.Ignored {
			if seen[h] {
				continue
			}
			seen[h] = true
			if i < len(s.IgnoredText) {
				out = append(out, s.IgnoredText[i])
			} else {
				out = append(out, Textf("%s", h))
			}
		}
	}
	return out
}

// RejectedRows counts the rows refused; a row may have several reasons.
func (p *ImportPreview) RejectedRows() int {
	type key struct {
		sheet string
		row   int
	}
	rows := make(map[key]bool, len(p.Rejected))
	for _, r := range p.Rejected {
		rows[key{r.Sheet, r.Row}] = true
	}
	return len(rows)
}

// Accepted counts the rows that passed: those to add, update or leave as they are.
func (p *ImportPreview) Accepted() int {
	return len(p.Plan.Add) + len(p.Plan.Update) + p.Plan.Unchanged
}

// ImportRow is one member as an imported file gives it.
type ImportRow struct {
	Member Member
	// Fields are the fields the file gives for the row: only these may
	// change a member already on the roster (MergeImported).
	Fields []Field
	// Where names the row in messages about it ("第5行", "工作表“一支部”第5行").
	Where string
	// FullDateLater says the file shows the member's probation over (预备期满
	// passed) but not when they became a full member: a 正式党员 without
	// 转为正式党员日期 is added so, the record incomplete (CheckRecords asks
	// for the date), rather than refused for a date the file cannot give
	// or given the end of probation, which is no 转正 date.
	FullDateLater bool
}

// SortRejections puts refusals in the order the workbook reads: by sheet,
// in the order of sheets (names), then by row; a sheet not named comes
// first. The order is stable within a row.
func SortRejections(rs []Rejection, sheets []string) {
	order := make(map[string]int, len(sheets))
	for i, sh := range sheets {
		order[sh] = i
	}
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if order[a.Sheet] != order[b.Sheet] {
			return order[a.Sheet] < order[b.Sheet]
		}
		return a.Row < b.Row
	})
}
