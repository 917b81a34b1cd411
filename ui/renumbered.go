package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"branchledger/model"
	"branchledger/ui/kit"
)

// numbered is the title each record of a year and kind has, by ID: what a
// save compares to say which records it renumbered.
func numbered(svc Activities, year int, kind model.ActivityKind) map[int64]model.Activity {
	list, err := svc.Activities(year)
	if err != nil {
		return nil // nothing to compare: the save itself says what failed
	}
	out := make(map[int64]model.Activity)
	for _, a := range list {
		if a.Kind == kind {
			out[a.ID] = a
		}
	}
	return out
}

// renumberedText says which other records a save renumbered: records are
// numbered by date within their year and kind, so a meeting entered
// afterwards for an earlier day moves the later ones up by one, and a
// record already printed as 第1次 becomes 第2次 (review s9-8 #11). Empty
// when none moved.
func renumberedText(before, after map[int64]model.Activity, saved int64) string {
	var lines []string
	for id, a := range after {
		old, ok := before[id]
		if id == saved || !ok || old.Seq == a.Seq {
			continue
		}
		lines = append(lines, lang.L("{{.Old}}（{{.Date}}）现为{{.New}}",
			map[string]any{"Old": kit.Say(old.TitleText()), "Date": a.Date.String(), "New": kit.Say(a.TitleText())}))
	}
	if len(lines) == 0 {
		return ""
	}
	slices.Sort(lines)
	return lang.L("记录按日期编号，这次保存后以下记录的序号变了；已打印或导出的会议记录请重新打印：") + "\n" + strings.Join(lines, "\n")
}

// sayRenumbered tells the user which records a save renumbered, if any.
func sayRenumbered(w fyne.Window, text string) {
	if text != "" {
		kit.Inform(w, "序号已改变", text)
	}
}
