// Package rosterfile moves the roster between the store and Excel workbooks:
// the import (read, check, plan, then commit on confirmation), the workbook
// of refused rows handed back to be fixed, and the printed 花名册. The
// window and the command line both call it, so both behave alike.
package rosterfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/backup"
	"branchledger/storage/xlsx"
)

// Service reads and writes roster workbooks for one store.
type Service struct {
	store *storage.Store

	mu   sync.Mutex
	last *readFile // the workbook read last, kept while the user decides
}

// readFile is a workbook as read, with what identifies the file on disk.
type readFile struct {
	path  string
	size  int64
	mtime time.Time
	rf    *xlsx.RosterFile
}

// New returns the service for store.
func New(store *storage.Store) *Service {
	return &Service{store: store}
}

// PreviewImport reads the workbook at path, checks every row and works out
// what importing it with the default choices would do. It writes nothing.
// The error is a Chinese sentence saying why the file cannot be read as a
// roster.
//
// When the file names another 所在党支部 and every member on the roster
// already has the profile's branch (the same file imported before with
// 所在党支部一律填写 ticked, or the names corrected since), the default is
// to keep it: the box starts ticked, so that a re-import does not lead with
// every member reverting to the file's name (review s6-8-newuser #12).
//
// When the file names no other branch but leaves 所在党支部 empty (it has
// no such column), the members are this branch's: the box starts ticked
// too, so that importing as offered does not store them without a branch
// (issue 8: it started unticked).
func (s *Service) PreviewImport(path string) (model.ImportPreview, error) {
	return s.PreviewImportOffered(path, model.ImportChoice{})
}

// PreviewImportOffered is PreviewImportWith with the sheets chosen as in
// choice and 所在党支部一律填写本支部 decided as PreviewImport decides it
// (choice.ProfileBranch is not read): the window's first preview and
// `roster import` without --use-profile-branch, so that the same file
// imports the same way from both.
func (s *Service) PreviewImportOffered(path string, choice model.ImportChoice) (model.ImportPreview, error) {
	choice.ProfileBranch = false
	p, err := s.PreviewImportWith(path, choice)
	if err != nil || p.ProfileBranch == "" {
		return p, err
	}
	choice.ProfileBranch = true
	if p.OtherBranches == 0 {
		if p.EmptyBranches == 0 {
			return p, nil
		}
		return s.PreviewImportWith(path, choice)
	}
	ms, err := s.store.Members()
	if err != nil {
		return p, err
	}
	onRoster := 0
	for i := range ms {
		if !ms[i].OnRoster {
			continue
		}
		if ms[i].BranchName != p.ProfileBranch {
			return p, nil
		}
		onRoster++
	}
	if onRoster == 0 {
		return p, nil // a first import: the user decides
	}
	return s.PreviewImportWith(path, choice)
}

// PreviewImportWith is PreviewImport with the user's choices: which sheets,
// which sheet names stand for 所在党支部, and whether the profile's branch
// replaces the file's. The workbook is read once; changing a choice plans
// again from what was read, unless the file changed on disk meanwhile.
func (s *Service) PreviewImportWith(path string, choice model.ImportChoice) (model.ImportPreview, error) {
	rf, err := s.read(path)
	if err != nil {
		return model.ImportPreview{}, err
	}
	profile, err := s.store.Profile()
	if err != nil {
		return model.ImportPreview{}, err
	}
	// A sheet is named as the user sees it: "二支部" names the sheet
	// "二支部\u200b" (review s6-7 attack #12).
	choice.Sheets = sheetNames(rf, choice.Sheets)
	choice.SheetNameBranch = sheetNames(rf, choice.SheetNameBranch)
	p := model.ImportPreview{File: path, Choice: choice, ProfileBranch: profile.BranchName}
	for _, s := range rf.Skipped {
		p.Skipped = append(p.Skipped, model.SkippedSheet{Name: s.Name, Reason: s.Reason})
	}
	multi := len(rf.Sheets) > 1
	included := map[string]bool{}
	nameBranch := map[string]string{}
	// A hidden sheet is often an old copy: left out by default, unless the
	// roster is nowhere else.
	earlier := earlierRosters(rf)
	anyVisible := slices.ContainsFunc(rf.Sheets, func(s xlsx.Sheet) bool {
		return !s.Hidden && s.Left == "" && !s.Example && earlier[s.Name].newest == ""
	})
	for _, sh := range rf.Sheets {
		// A sheet whose name says its people left (已转出党员, 已去世党员)
		// is not the current roster: left out unless chosen.
		// A template's 填写示例 or 填写说明 sheet holds no members: left
		// out unless chosen (review s6-7-late #9).
		// An earlier year's roster beside the newest (2023 beside 2025)
		// holds people since gone: left out unless chosen (review ra8 G1).
		in := (!sh.Hidden || !anyVisible) && sh.Left == "" && !sh.Example && earlier[sh.Name].newest == ""
		if choice.Sheets != nil {
			in = slices.Contains(choice.Sheets, sh.Name)
		}
		// The name is tidied as a title is: a sheet 第一党支部花名册 chosen
		// gives 第一党支部, and 2026年度第一党支部 gives nothing (review
		// s7-7 attack #2 re-check, #21).
		var nb, why string
		if !sh.HasBranchColumn() && sh.TitleBranch == "" {
			if nb, why = xlsx.BranchFromHeading(sh.Name, false); nb == "" && why == "" {
				why = "不是党支部的名称"
			}
			// Sheet1, 工作表2: a name the program gave, no branch's; 旧
			// (from 旧名单): one character names no branch (review
			// s14-preview7 #2: both were offered as 所在党支部).
			if DefaultSheetName(sh.Name) || nb != "" && utf8.RuneCountInString(nb) < 2 {
				nb, why = "", "不是党支部的名称"
			}
		}
		canUse := nb != ""
		use := canUse && sh.NameIsBranch
		if choice.SheetNameBranch != nil {
			use = canUse && slices.Contains(choice.SheetNameBranch, sh.Name)
		}
		included[sh.Name] = in
		if use {
			// As any text that enters a record: a sheet name pasted from
			// a chat app may carry invisible characters too.
			nameBranch[sh.Name] = nb
		}
		p.Sheets = append(p.Sheets, model.ImportSheet{
			Name: sh.Name, Hidden: sh.Hidden, Included: in, HeaderRow: sh.HeaderRow, Rows: sh.Rows,
			Ignored: sh.Ignored, IgnoredText: sh.IgnoredText, BranchFromName: use, CanUseName: canUse, Left: sh.Left, LeftTitle: sh.LeftTitle,
			Example: sh.Example, NameBranch: nb, NameWhy: why, Earlier: earlier[sh.Name].newest, EarlierMissing: earlier[sh.Name].missing,
		})
		if in && p.Sheet == "" {
			p.Sheet, p.HeaderRow = sh.Name, sh.HeaderRow
		}
	}

	rows := make([]model.ImportRow, 0, len(rf.Members))
	origin := make([]xlsx.ImportedRow, 0, len(rf.Members))
	// A member already on file keeps the 所在党支部 stored when the file
	// gives none: a phone list without the column, imported with
	// 所在党支部一律填写 ticked by default, rewrote 第一/第二党支部 to the
	// profile's name and called the stored branches empty (review
	// s14-preview7 #13, #18).
	onFile, err := s.store.Members()
	if err != nil {
		return model.ImportPreview{}, err
	}
	stored := storedBranches(onFile)
	fileBranch := make([]string, 0, len(rf.Members)) // each row's 所在党支部 as the file (or sheet name) gives it
	for _, r := range rf.Members {
		if !included[r.Sheet] {
			continue
		}
		m := r.Member
		fields := r.Fields
		if b, ok := nameBranch[r.Sheet]; ok && m.BranchName == "" {
			m.BranchName = b
			fields = append(slices.Clip(fields), model.FieldBranchName)
			r.BranchFrom, r.BranchSource = "工作表名称", r.Sheet
		}
		fileBranch = append(fileBranch, m.BranchName)
		if choice.ProfileBranch && profile.BranchName != "" && (m.BranchName != "" || stored[m.IDNumber] == "") {
			m.BranchName = profile.BranchName
			r.BranchFrom, r.BranchSource = "本支部名称", profile.BranchName
			if !slices.Contains(fields, model.FieldBranchName) {
				fields = append(slices.Clip(fields), model.FieldBranchName)
			}
		}
		where := fmt.Sprintf("第%d行", r.Row)
		if multi {
			where = fmt.Sprintf("工作表“%s”第%d行", r.Sheet, r.Row)
		}
		rows = append(rows, model.ImportRow{Member: m, Fields: fields, Where: where, FullDateLater: r.FullDateLater})
		origin = append(origin, r)
	}
	perSheet := map[string]int{}
	for _, o := range origin {
		perSheet[o.Sheet]++
	}
	rows, origin, fileBranch, repeated := refuseRepeatedElsewhere(rows, origin, fileBranch, rf.Repeated, included)
	rows, origin, fileBranch, gone := refuseLeftElsewhere(rows, origin, fileBranch, rf, included)
	repeated = append(repeated, gone...)
	rows, origin, fileBranch, twice, joinedNotes := joinAcrossSheets(rows, origin, fileBranch)
	twice = append(twice, repeated...)
	// A sheet whose every member is joined to a row of another sheet (a
	// 流动党员 register beside the roster) gives no 所在党支部 of its own:
	// its name is not offered as one.
	for _, o := range origin {
		perSheet[o.Sheet] = 0
	}
	for i := range p.Sheets {
		if sh := &p.Sheets[i]; perSheet[sh.Name] > 0 && !sh.BranchFromName && !slices.ContainsFunc(twice, func(r model.Rejection) bool { return r.Sheet == sh.Name }) {
			sh.CanUseName = false
		}
	}
	plan, err := s.store.PlanImportRows(filepath.Base(path), rows)
	if err != nil {
		return model.ImportPreview{}, err
	}
	p.Plan = plan

	// The branch names are counted over the members the import would add
	// or update, not over rows the plan then refuses: the numbers the
	// preview gives side by side must agree.
	refused := make(map[int]bool, len(plan.Refused))
	for _, r := range plan.Refused {
		refused[r.Index] = true
	}
	others := map[string]bool{}
	for i, b := range fileBranch {
		switch {
		case refused[i]:
		case b == "" && stored[rows[i].Member.IDNumber] != "":
			// kept as stored
		case b == "":
			p.EmptyBranches++
		case profile.BranchName != "" && b != profile.BranchName:
			p.OtherBranches++
			if !others[b] {
				others[b] = true
				p.OtherNames = append(p.OtherNames, b)
			}
		}
	}

	// Rows the roster cannot take once merged with what it holds are
	// refused like any other row, by their sheet and row number.
	for _, r := range rf.Rejected {
		if included[r.Sheet] {
			p.Rejected = append(p.Rejected, r)
		}
	}
	p.Rejected = append(p.Rejected, twice...)
	for _, r := range plan.Refused {
		o := origin[r.Index]
		m := rows[r.Index].Member
		value, from := quoted(o, m, r.Field)
		p.Rejected = append(p.Rejected, model.Rejection{Sheet: o.Sheet, Row: o.Row, Field: r.Field, Reason: r.Reason, Text: r.Text,
			Name: m.Name, Value: value, From: from})
	}
	names := make([]string, len(rf.Sheets))
	for i, sh := range rf.Sheets {
		names[i] = sh.Name
	}
	model.SortRejections(p.Rejected, names)
	for _, n := range rf.Notes {
		if included[n.Sheet] {
			p.Notes = append(p.Notes, n)
		}
	}
	p.Notes = append(p.Notes, joinedNotes...)
	for _, k := range plan.KeptOpenings {
		o := origin[k.Index]
		p.Notes = append(p.Notes, model.Note(o.Sheet, o.Row, model.FieldDuesPaidTo,
			"%s的党费已交至仍为%s：表中的%s更早，未改早（改早会使其间已交的月份计为应交）；确需改早，请在党员页的“党费已交至…”中修改",
			k.Name, k.Old, k.PaidTo))
	}
	if n, ok := absentNote(onFile, rows, p.Rejected); ok {
		p.Notes = append(p.Notes, n)
	}
	for _, k := range plan.DroppedOpenings {
		o := origin[k.Index]
		value, ok := o.Shown[model.FieldDuesPaidTo]
		if !ok {
			value = k.PaidTo.String()
		}
		p.Notes = append(p.Notes, model.Note(o.Sheet, o.Row, model.FieldDuesPaidTo,
			"%s的党费已交至“%s”未导入，其余各项照常导入：%s", k.Name, value, k.Reason))
	}
	return p, nil
}

// refuseRepeatedElsewhere refuses a row whose ID number another sheet
// being imported gives on several rows, all refused there as repeated: a
// person twice on 第一党支部 and once on 第二党支部 was moved to 第二党支部,
// the one row left standing (review nu7-9). Every row of the person is
// refused together; this one names the others.
func refuseRepeatedElsewhere(rows []model.ImportRow, origin []xlsx.ImportedRow, branch []string, repeated []xlsx.RepeatedID, included map[string]bool) ([]model.ImportRow, []xlsx.ImportedRow, []string, []model.Rejection) {
	if len(repeated) == 0 {
		return rows, origin, branch, nil
	}
	where := map[string][]xlsx.RepeatedID{}
	for _, r := range repeated {
		if included[r.Sheet] {
			id := strings.ToUpper(r.ID)
			where[id] = append(where[id], r)
		}
	}
	var rejected []model.Rejection
	var r2 []model.ImportRow
	var o2 []xlsx.ImportedRow
	var b2 []string
	for i, row := range rows {
		var elsewhere model.TextList
		for _, r := range where[strings.ToUpper(row.Member.IDNumber)] {
			if r.Sheet == origin[i].Sheet {
				continue
			}
			for _, n := range r.Rows {
				elsewhere = append(elsewhere, model.Textf("工作表“%s”第%d行", r.Sheet, n))
			}
		}
		if len(elsewhere) == 0 {
			r2, o2, b2 = append(r2, row), append(o2, origin[i]), append(b2, branch[i])
			continue
		}
		r := model.Reason(origin[i].Sheet, origin[i].Row, model.FieldIDNumber,
			"同一人（公民身份号码相同）也在%s，那几行因重复没有导入，分不清哪一行是对的，这一行也没有导入；请删去多余的行后再导入", elsewhere)
		r.Name = row.Member.Name
		r.Value, r.From = quoted(origin[i], row.Member, r.Field)
		rejected = append(rejected, r)
	}
	return r2, o2, b2, rejected
}

// refuseLeftElsewhere refuses a row whose ID number is also on a sheet of
// people who left (已转出, 去世党员) that is not imported: the secretary
// copied the row there and did not delete it here, and the person was
// stored as current without a word (review ra7 F22).
func refuseLeftElsewhere(rows []model.ImportRow, origin []xlsx.ImportedRow, branch []string, rf *xlsx.RosterFile, included map[string]bool) ([]model.ImportRow, []xlsx.ImportedRow, []string, []model.Rejection) {
	if len(rf.LeftIDs) == 0 {
		return rows, origin, branch, nil
	}
	left := map[string]string{}
	for _, sh := range rf.Sheets {
		if sh.Left != "" && !included[sh.Name] {
			left[sh.Name] = sh.Left
		}
	}
	where := map[string][]xlsx.LeftID{}
	for _, l := range rf.LeftIDs {
		if left[l.Sheet] != "" {
			id := strings.ToUpper(l.ID)
			where[id] = append(where[id], l)
		}
	}
	var rejected []model.Rejection
	var r2 []model.ImportRow
	var o2 []xlsx.ImportedRow
	var b2 []string
	for i, row := range rows {
		at := where[strings.ToUpper(row.Member.IDNumber)]
		if row.Member.IDNumber == "" || len(at) == 0 {
			r2, o2, b2 = append(r2, row), append(o2, origin[i]), append(b2, branch[i])
			continue
		}
		r := model.Reason(origin[i].Sheet, origin[i].Row, model.FieldIDNumber,
			"同一人（公民身份号码相同）也在工作表“%s”第%d行，那张表写着“%s”，看来此人已不在花名册上，这一行未导入；离开的党员如已在名册中，请在其个人页“登记变动”或“开具介绍信”，仍在册的请从那张表删去后再导入",
			at[0].Sheet, at[0].Row, left[at[0].Sheet])
		r.Name = row.Member.Name
		r.Value, r.From = quoted(origin[i], row.Member, r.Field)
		rejected = append(rejected, r)
	}
	return r2, o2, b2, rejected
}

// joinAcrossSheets makes one member of the rows of one ID number on more
// than one sheet when they do not contradict each other: the roster sheet
// and a 流动党员 register listing the member again give one member, with
// the register's 外出流向 and phone (review s9-7 #14: both rows were
// refused, with advice that lost data). Rows that say different things
// (two 加入党组织日期) are all refused, each naming the other's cell: which
// is current cannot be told, and keeping the first sheet's would store
// the older values (review s3-7 new user #3). Where the sheets look like
// periods (2024年, 2025年), the refusal says to import the latest alone.
func joinAcrossSheets(rows []model.ImportRow, origin []xlsx.ImportedRow, branch []string) ([]model.ImportRow, []xlsx.ImportedRow, []string, []model.Rejection, []model.ImportNote) {
	at := make(map[string][]int, len(rows))
	var ids []string // in the order met
	twice := false
	for i, r := range rows {
		id := strings.ToUpper(r.Member.IDNumber)
		if id == "" {
			continue
		}
		prev := at[id]
		if len(prev) == 0 {
			ids = append(ids, id)
		}
		twice = twice || (len(prev) > 0 && origin[prev[0]].Sheet != origin[i].Sheet)
		at[id] = append(prev, i)
	}
	if !twice {
		return rows, origin, branch, nil, nil
	}
	var rejected []model.Rejection
	drop := map[int]bool{}
	branch = slices.Clone(branch)
	joined := map[[2]string][]string{} // (first sheet, other sheet) → names joined
	var pairs [][2]string
	for _, id := range ids {
		idx := at[id]
		if len(idx) < 2 || !slices.ContainsFunc(idx[1:], func(i int) bool { return origin[i].Sheet != origin[idx[0]].Sheet }) {
			continue
		}
		first := idx[0]
		merged := rows[first]
		merged.Fields = slices.Clone(merged.Fields)
		from := map[model.Field]int{} // which row gave each field's value
		for _, f := range merged.Fields {
			if _, ok := givenText(rows[first], origin[first], f); ok {
				from[f] = first
			}
		}
		var clash []sheetClash
		for _, i := range idx[1:] {
			var take []model.Field
			for _, f := range rows[i].Fields {
				b, ok := givenText(rows[i], origin[i], f)
				if !ok {
					continue
				}
				j, had := from[f]
				if !had {
					take = append(take, f)
					from[f] = i
					continue
				}
				a, _ := givenText(rows[j], origin[j], f)
				switch same, finer := sameGiven(f, a, b); {
				case !same:
					clash = append(clash, sheetClash{f, j, i})
				case finer:
					take = append(take, f) // 2008-06-15 beside 2008-06
					from[f] = i
				}
			}
			merged.Member = model.MergeImported(&merged.Member, &rows[i].Member, take)
			for _, f := range take {
				if !slices.Contains(merged.Fields, f) {
					merged.Fields = append(merged.Fields, f)
				}
			}
		}
		if len(clash) == 0 {
			rows[first] = merged
			for _, i := range idx[1:] {
				drop[i] = true
				if branch[first] == "" {
					branch[first] = branch[i]
				}
				k := [2]string{origin[first].Sheet, origin[i].Sheet}
				if _, ok := joined[k]; !ok {
					pairs = append(pairs, k)
				}
				joined[k] = append(joined[k], merged.Member.Name)
			}
			continue
		}
		sheets := make([]string, len(idx))
		for k, i := range idx {
			sheets[k] = origin[i].Sheet
		}
		latest, known := newestPeriod(sheets)
		periods := !slices.ContainsFunc(idx, func(i int) bool { return !periodName(origin[i].Sheet) })
		for _, i := range idx {
			drop[i] = true
			var r model.Rejection
			for _, c := range clash {
				if c.a != i && c.b != i {
					continue
				}
				other := c.a
				if other == i {
					other = c.b
				}
				here, _ := givenText(rows[i], origin[i], c.field)
				there, _ := givenText(rows[other], origin[other], c.field)
				r = model.Reason(origin[i].Sheet, origin[i].Row, c.field,
					"同一人也在工作表“%s”第%d行，两处的%s不同（这里为“%s”，那里为“%s”），分不清哪个是现在的情况，这几行都没有导入；请改成一致后再导入",
					origin[other].Sheet, origin[other].Row, model.Term(c.field.Label()), here, there)
				if periods && !known {
					// 2026年 before 2025年 in the workbook: the last tab
					// is not the newest, and naming it sent the user to
					// import the older roster (review ra7 F16).
					r = model.Reason(origin[i].Sheet, origin[i].Row, c.field,
						"同一人也在工作表“%s”第%d行，两处的%s不同（这里为“%s”，那里为“%s”），分不清哪个是现在的情况，这几行都没有导入；如各工作表是不同时期的名册，只导入现在的一张（取消勾选其他工作表，或在命令行用 --sheet 只列出那一张）",
						origin[other].Sheet, origin[other].Row, model.Term(c.field.Label()), here, there)
				} else if periods {
					r = model.Reason(origin[i].Sheet, origin[i].Row, c.field,
						"同一人也在工作表“%s”第%d行，两处的%s不同（这里为“%s”，那里为“%s”），分不清哪个是现在的情况，这几行都没有导入；如各工作表是不同时期的名册，只导入最新的一张（取消勾选其他工作表，或在命令行加 --sheet %s）",
						origin[other].Sheet, origin[other].Row, model.Term(c.field.Label()), here, there, latest)
				}
				break
			}
			if r.Reason == "" {
				// A third row, itself agreeing: held back with the others.
				var elsewhere model.TextList
				for _, j := range idx {
					if j != i {
						elsewhere = append(elsewhere, model.Textf("工作表“%s”第%d行", origin[j].Sheet, origin[j].Row))
					}
				}
				r = model.Reason(origin[i].Sheet, origin[i].Row, model.FieldIDNumber,
					"同一人也在%s，那几行的说法互不相同，分不清哪个是现在的情况，这几行都没有导入；请改成一致后再导入", elsewhere)
			}
			m := rows[i].Member
			r.Name = m.Name
			r.Value, r.From = quoted(origin[i], m, r.Field)
			rejected = append(rejected, r)
		}
	}
	var notes []model.ImportNote
	for _, k := range pairs {
		names := joined[k]
		shown := model.Textf("%s", strings.Join(names, "、"))
		if len(names) > 5 {
			shown = model.Textf("%s等", strings.Join(names[:5], "、"))
		}
		notes = append(notes, model.Note(k[1], 0, model.FieldIDNumber,
			"工作表“%s”的 %d 人（%s）也在工作表“%s”中：公民身份号码相同、所填不矛盾，是同一人，两处所填合在一起导入",
			k[1], len(names), shown, k[0]))
	}
	var r2 []model.ImportRow
	var o2 []xlsx.ImportedRow
	var b2 []string
	for i := range rows {
		if !drop[i] {
			r2, o2, b2 = append(r2, rows[i]), append(o2, origin[i]), append(b2, branch[i])
		}
	}
	return r2, o2, b2, rejected, notes
}

// sheetClash is a field two rows of one person on different sheets (a, b:
// indexes of rows) give differently.
type sheetClash struct {
	field model.Field
	a, b  int
}

// quoted is what a refusal of field f of row o (member m) quotes, and
// from where (Rejection.From): the cell as the sheet shows it, as every
// refusal quotes it; a 所在党支部 no cell holds as what gave it says it
// (the sheet's name, the title, a group row: review fix13 #4); another
// field the row does not give as the import would store it.
func quoted(o xlsx.ImportedRow, m model.Member, f model.Field) (value, from string) {
	if v := o.Shown[f]; v != "" {
		return v, ""
	}
	if f == model.FieldBranchName && o.BranchFrom != "" {
		return o.BranchSource, o.BranchFrom
	}
	return m.Text(f), ""
}

// givenText is what row r gives for field f, as the member would store it;
// ok is false when the row does not give it: no column, a blank cell, or a
// blank 是否 column read as 否.
func givenText(r model.ImportRow, o xlsx.ImportedRow, f model.Field) (string, bool) {
	if !slices.Contains(r.Fields, f) {
		return "", false
	}
	t := r.Member.Text(f)
	if t == "" || (f == model.FieldMobile || f == model.FieldLostContact) && t == "否" && o.Shown[f] == "" {
		return "", false
	}
	return t, true
}

// sameGiven reports whether two rows' texts for f agree; finer says b
// says it more exactly (a date's day beside its month alone).
func sameGiven(f model.Field, a, b string) (same, finer bool) {
	if a == b {
		return true, false
	}
	switch f {
	case model.FieldBirthDate, model.FieldJoinDate, model.FieldFullDate, model.FieldLostSince, model.FieldArrivedOn:
		if strings.HasPrefix(b, a+"-") {
			return true, true
		}
		return strings.HasPrefix(a, b+"-"), false
	}
	return false, false
}

// earlierRoster says of a sheet that it is an earlier period's roster of
// the people on newest, missing of them not on it.
type earlierRoster struct {
	newest  string
	missing int
}

// earlierRosters are the sheets that are earlier periods' copies of one
// roster (2023, 2024 beside 2025; 2023年党员名册 beside 2025年党员名册):
// named alike but for the period, the newest told by its name
// (newestPeriod), and some of each earlier sheet's people on the newest. Read with it, the people it no longer has — they left — were
// stored as current members (review ra8 G1). Sheets per branch name no
// period, and are none.
func earlierRosters(rf *xlsx.RosterFile) map[string]earlierRoster {
	groups := map[string][]string{}
	for _, sh := range rf.Sheets {
		if sh.Left == "" && !sh.Example && periodName(sh.Name) {
			rest := periodWords.ReplaceAllString(model.CleanLine(sh.Name), "")
			groups[rest] = append(groups[rest], sh.Name)
		}
	}
	out := map[string]earlierRoster{}
	for _, names := range groups {
		if len(names) < 2 {
			continue
		}
		newest, ok := newestPeriod(names)
		if !ok {
			continue
		}
		last := sheetPeople(rf, newest)
		for _, name := range names {
			if name == newest {
				continue
			}
			people, missing := 0, 0
			for _, p := range sheetPeople(rf, name).rows {
				people++
				if !last.has(p) {
					missing++
				}
			}
			// The same roster when any of its people recur: sheets
			// named alike but for the year that share no one are lists
			// of their own (2024年新发展党员 beside 2025年新发展党员).
			// Half of them recurring was read as two rosters, and the
			// other half — who left — stored (review ra9 S5).
			if people > 0 && people > missing {
				out[name] = earlierRoster{newest: newest, missing: missing}
			}
		}
	}
	return out
}

// person is a row's ID number and name; either may be "".
type person struct{ id, name string }

// people are the people of one sheet, row by row, those imported and those
// refused.
type people struct {
	rows       []person
	ids, names map[string]bool
}

func sheetPeople(rf *xlsx.RosterFile, sheet string) people {
	ps := people{ids: map[string]bool{}, names: map[string]bool{}}
	seen := map[int]bool{}
	add := func(row int, p person) {
		if seen[row] || p.id == "" && p.name == "" {
			return
		}
		seen[row] = true
		ps.rows = append(ps.rows, p)
		if p.id != "" {
			ps.ids[p.id] = true
		}
		if p.name != "" {
			ps.names[p.name] = true
		}
	}
	for _, m := range rf.Members {
		if m.Sheet == sheet {
			add(m.Row, person{id: model.NormalizeIDNumber(m.Member.IDNumber), name: model.NormalizeName(m.Member.Name)})
		}
	}
	for _, r := range rf.Rejected {
		if r.Sheet == sheet {
			add(r.Row, person{name: model.NormalizeName(r.Name)})
		}
	}
	return ps
}

// has reports whether the sheet has p, by ID number or by name.
func (ps people) has(p person) bool {
	return p.id != "" && ps.ids[p.id] || p.name != "" && ps.names[p.name]
}

// newestPeriod is the sheet of names whose period (periodOf) is the
// latest, and ok when every name gives one and a single name has the
// latest: the order of the tabs says nothing, as many secretaries add
// each year's tab in front.
func newestPeriod(names []string) (newest string, ok bool) {
	best, ties := -1, 0
	withYear := false
	for i, n := range names {
		p, has := periodOf(n)
		if !has {
			return "", false
		}
		// 二季度 beside 2025年: the quarter's year is not said.
		if i == 0 {
			withYear = p >= 100
		} else if p >= 100 != withYear {
			return "", false
		}
		switch {
		case p > best:
			newest, best, ties = n, p, 1
		case p == best:
			ties++
		}
	}
	return newest, ties == 1
}

// periodOf reads the period a sheet's name gives as a number that grows
// with time: its year (2025年, 2025), and within it a month (2025年6月),
// a quarter (2025年二季度) or a half year (2025年下半年), each read as
// the month it ends on. A name of a quarter or month alone (二季度) is of
// a year not said; has is false for a name of no period.
func periodOf(name string) (p int, has bool) {
	year := 0
	if m := yearPattern.FindString(name); m != "" {
		year, _ = strconv.Atoi(m)
		name = strings.Replace(name, m, "", 1)
		has = true
	}
	month := 0
	if m := subPeriodPattern.FindStringSubmatch(name); m != nil {
		n := map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "上": 1, "下": 2}[m[1]]
		if n == 0 {
			n, _ = strconv.Atoi(model.HalfWidthDigits(m[1]))
		}
		switch {
		case strings.Contains(m[2], "季"):
			month = 3 * n
		case strings.Contains(m[2], "半年"):
			month = 6 * n
		default:
			month = n
		}
		has = true
	}
	return year*100 + month, has
}

var (
	yearPattern      = regexp.MustCompile(`(?:19|20)\d{2}`)
	subPeriodPattern = regexp.MustCompile(`第?([0-9０-９]+|[一二三四上下])(季度|半年|月份?)`)
)

// periodName reports a sheet name that names a period — a year, a
// quarter, a month (2024年, 2025, 二季度, 12月) — as yearly copies of a
// roster are named.
func periodName(name string) bool { return periodPattern.MatchString(name) }

var periodPattern = regexp.MustCompile(`(?:19|20)\d{2}|[0-9０-９一二三四上下]+(?:季度|半年|月份?)`)

// periodWords are the words of a sheet's name that name its period, with
// the 年 or 年度 after a year: the rest is what copies of one roster share
// (2023年党员名册, 2025年度党员名册 → 党员名册).
var periodWords = regexp.MustCompile(`(?:(?:19|20)\d{2}|[0-9０-９一二三四上下]+(?:季度|半年|月份?))(?:年度|年)?`)

// read reads the workbook, or hands back the one read last if the file on
// disk is still the same.
func (s *Service) read(path string) (*xlsx.RosterFile, error) {
	st, statErr := os.Stat(path)
	s.mu.Lock()
	last := s.last
	s.mu.Unlock()
	if statErr == nil && last != nil && last.path == path && last.size == st.Size() && last.mtime.Equal(st.ModTime()) {
		return last.rf, nil
	}
	// Gone since it was read (the USB stick pulled with the preview
	// open): what was read is planned again, as the file has not changed
	// into something else (review s14-preview7 #15: the replan failed,
	// and the box changed on screen was not the plan imported).
	if errors.Is(statErr, fs.ErrNotExist) && last != nil && last.path == path {
		return last.rf, nil
	}
	rf, err := xlsx.ReadRosterFile(path, xlsx.ReadOptions{Today: s.store.Today()})
	if err != nil {
		return nil, err
	}
	if statErr == nil {
		s.mu.Lock()
		s.last = &readFile{path: path, size: st.Size(), mtime: st.ModTime(), rf: rf}
		s.mu.Unlock()
	}
	return rf, nil
}

// storedBranches are the 所在党支部 of the members on file, by ID number,
// for those that have one.
func storedBranches(ms []model.Member) map[string]string {
	out := make(map[string]string, len(ms))
	for i := range ms {
		if ms[i].BranchName != "" {
			out[ms[i].IDNumber] = ms[i].BranchName
		}
	}
	return out
}

// absentNote says which members on the roster the rows read do not give,
// by ID number, nor by name a row refused: an updated roster with a
// leaver's row deleted left them current without a word (review ra8 G10).
// The import changes nothing of theirs; those who left are recorded on
// their own pages.
func absentNote(onFile []model.Member, rows []model.ImportRow, refused []model.Rejection) (model.ImportNote, bool) {
	given := make(map[string]bool, len(rows))
	for _, r := range rows {
		given[r.Member.IDNumber] = true
	}
	named := map[string]bool{}
	for _, r := range refused {
		named[model.NormalizeName(r.Name)] = true
	}
	var absent []string
	for i := range onFile {
		if m := &onFile[i]; m.OnRoster && !given[m.IDNumber] && !named[model.NormalizeName(m.Name)] {
			absent = append(absent, m.Name)
		}
	}
	const listed = 10
	switch n := len(absent); {
	case n == 0:
		return model.ImportNote{}, false
	case n > listed:
		return model.Note("", 0, "", "名册中在册的%s等%d人不在这次导入的行中：导入不会改动这些人的记录；已离开本支部的，请在其个人页“登记变动”或“开具介绍信”",
			model.Names(absent[:listed]), n), true
	}
	return model.Note("", 0, "", "名册中在册的%s不在这次导入的行中：导入不会改动其记录；已离开本支部的，请在其个人页“登记变动”或“开具介绍信”",
		model.Names(absent)), true
}

// DefaultSheetName reports a sheet name a spreadsheet program gives
// (Sheet1, 工作表2, 表3, Sheet1 (2), 新建工作表): never a branch's.
func DefaultSheetName(name string) bool { return numberedSheet.MatchString(strings.TrimSpace(name)) }

// Sheet1 (2) and Sheet1副本 are Excel's and WPS's names for a copied
// sheet; 新建工作表 and Table 1 are new ones (review s14-preview7 #2).
var numberedSheet = regexp.MustCompile(`^(?:(?i:sheet|s|工作表|表|页|table)\s*[0-9０-９]*(?:\s*[(（][0-9０-９]+[)）]|\s*的?副本\s*[0-9０-９]*)?|新建(?:工作表|表格?)\s*[0-9０-９]*)$`)

// stillRead reports whether path is, by its size and time of change, the
// file read last (the one the preview on screen was made from).
func (s *Service) stillRead(path string) bool {
	st, err := os.Stat(path)
	s.mu.Lock()
	last := s.last
	s.mu.Unlock()
	return err == nil && last != nil && last.path == path && last.size == st.Size() && last.mtime.Equal(st.ModTime())
}

// CommitImport carries out a previewed import in one transaction.
func (s *Service) CommitImport(p model.ImportPreview) (added, updated int, err error) {
	if err := backup.Before(s.store, storage.BackupImport); err != nil {
		return 0, 0, err
	}
	added, updated, err = s.store.ApplyImport(p.Plan)
	if err == nil {
		s.mu.Lock()
		s.last = nil
		s.mu.Unlock()
	}
	return added, updated, err
}

// WriteRejected writes the refused rows of a previewed import to out, in
// the layout of the file they came from, so that once fixed they import as
// they are (xlsx.WriteRejectedRows). It returns how many rows it wrote.
//
// A sheet whose name was taken as its rows' 所在党支部 carries it in a
// 所在党支部 column, so that re-imported unchanged its rows are refused
// for the same reason, not imported without the branch.
//
// The copy is made from the file on disk by the preview's row numbers, so
// it is written only while the file is the one the preview read: edited in
// WPS meanwhile (a row deleted), the copy held the wrong people under the
// wrong reasons and left a refused one out (review s14-preview7 #4).
//
// progress (may be nil) hears how many rows are copied, and stops the
// copy with its error (xlsx.Progress).
func (s *Service) WriteRejected(p model.ImportPreview, out string, progress func(done, total int) error) (int, error) {
	if _, err := os.Stat(p.File); errors.Is(err, fs.ErrNotExist) {
		return 0, model.Errorf(nil, "文件“%s”已不在原处（U盘是否已拔出？），问题行要从这个文件复制；请插回U盘或把文件放回原处后再导出问题行", filepath.Base(p.File))
	}
	if !s.stillRead(p.File) {
		return 0, model.Errorf(nil, "文件“%s”在预览之后改动过，问题行已对不上；请关闭预览，重新导入这个文件后再导出问题行", filepath.Base(p.File))
	}
	named := xlsx.SheetBranches{}
	for _, sh := range p.Sheets {
		if sh.BranchFromName && sh.NameBranch != "" {
			named[sh.Name] = sh.NameBranch
		}
	}
	return xlsx.WriteRejectedRowsFile(p.File, out, p.Rejected, named, progress)
}

// ExportRoster writes the printed 花名册 of the members on the active roster
// to path, replacing it only once the new file is complete.
func (s *Service) ExportRoster(path string) (int, error) {
	profile, err := s.store.Profile()
	if err != nil {
		return 0, err
	}
	all, err := s.store.Members()
	if err != nil {
		return 0, err
	}
	active := make([]model.Member, 0, len(all))
	for _, m := range all {
		if m.OnRoster {
			active = append(active, m)
		}
	}
	if err := xlsx.WriteRosterFile(path, profile.BranchName, active, s.store.Today()); err != nil {
		return 0, err
	}
	return len(active), nil
}

// sheetNames are the names of the workbook's sheets that names give, each
// compared as the user sees it (model.CleanLine); a name no sheet has is
// kept, for the caller to refuse.
func sheetNames(rf *xlsx.RosterFile, names []string) []string {
	if names == nil {
		return nil
	}
	all := make([]string, 0, len(rf.Sheets)+len(rf.Skipped))
	for _, sh := range rf.Sheets {
		all = append(all, sh.Name)
	}
	for _, sh := range rf.Skipped {
		all = append(all, sh.Name)
	}
	out := make([]string, 0, len(names))
	for _, n := range names {
		got, ok := xlsx.SheetNamed(all, n)
		if !ok {
			got = n
		}
		out = append(out, got)
	}
	return out
}
