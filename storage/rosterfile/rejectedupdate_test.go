package rosterfile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// A person already on the roster under 第二党支部, refused (a phone of 3
// digits) on a sheet named 第一党支部 (or titled 第一党支部党员花名册)
// that has no 所在党支部 column: the workbook of refused rows, fixed and
// imported, does to the stored member what the original file, fixed the
// same way and imported with the same choice, does — the branch the
// sheet's name or title gave replaces the stored one when it was taken
// for 所在党支部 (as a column saying it would),
// listed among the changes before anything is written; the stored branch
// stays when it was not taken (review fix13 #5: 51aedd0's added column
// changed a stored branch, untested).
func TestFixedRejectedRowsUpdateABranchAsTheFileWould(t *testing.T) {
	id := validID("19900307", "451")
	head := []any{"姓名", "公民身份号码", "入党时间", "转正时间", "联系电话"}
	tests := []struct {
		name   string
		sheet  string
		title  string // above the heading row, when not ""
		choice model.ImportChoice
		want   string // the stored 所在党支部 after the fixed import
	}{
		{"the sheet's name offered and kept", "第一党支部", "", model.ImportChoice{}, "第一党支部"},
		{"the sheet's name chosen", "第一党支部", "", model.ImportChoice{SheetNameBranch: []string{"第一党支部"}}, "第一党支部"},
		{"the sheet's name not taken", "第一党支部", "", model.ImportChoice{SheetNameBranch: []string{}}, "第二党支部"},
		{"the title", "Sheet1", "第一党支部党员花名册", model.ImportChoice{}, "第一党支部"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := [][]any{head, {"张三", id, "2015.06", "2016.06", "123"}}
			if tt.title != "" {
				rows = append([][]any{{tt.title}}, rows...)
			}
			src := writeSheets(t, []string{tt.sheet}, rows)
			imported := map[string]string{}
			for _, how := range []string{"original", "refused rows"} {
				svc, _ := newService(t)
				onRoster := writeSheets(t, []string{"名册"}, [][]any{
					{"姓名", "公民身份号码", "入党时间", "转正时间", "所在党支部"},
					{"张三", id, "2015.06", "2016.06", "第二党支部"},
				})
				p, err := svc.PreviewImport(onRoster)
				if err != nil {
					t.Fatal(err)
				}
				if _, _, err := svc.CommitImport(p); err != nil {
					t.Fatal(err)
				}

				file := src
				p, err = svc.PreviewImportWith(src, tt.choice)
				if err != nil {
					t.Fatal(err)
				}
				if len(p.Rejected) != 1 || p.Rejected[0].Field != model.FieldPhone {
					t.Fatalf("the file refuses %+v, want the phone alone", p.Rejected)
				}
				if how == "refused rows" {
					file = filepath.Join(t.TempDir(), "问题行.xlsx")
					if _, err := svc.WriteRejected(p, file, nil); err != nil {
						t.Fatal(err)
					}
				} else {
					file = filepath.Join(t.TempDir(), "改正.xlsx")
					data, err := os.ReadFile(src)
					if err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(file, data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				f, err := excelize.OpenFile(file)
				if err != nil {
					t.Fatal(err)
				}
				setCell(t, f, tt.sheet, "张三", "联系电话", "13712345678")
				if err := f.Save(); err != nil {
					t.Fatal(err)
				}
				f.Close()
				fixed, err := svc.PreviewImportWith(file, tt.choice)
				if err != nil {
					t.Fatal(err)
				}
				if len(fixed.Rejected) != 0 || len(fixed.Plan.Update) != 1 {
					t.Fatalf("%s fixed: refuses %+v, updates %+v", how, fixed.Rejected, fixed.Plan.Update)
				}
				var changes []string
				for _, c := range fixed.Plan.Update[0].Changes {
					changes = append(changes, fmt.Sprintf("%s %s→%s", c.Field.Label(), c.Old, c.New))
				}
				wantChanges := "联系电话 →13712345678"
				if tt.want != "第二党支部" {
					wantChanges = "所在党支部 第二党支部→" + tt.want + "|" + wantChanges
				}
				if got := strings.Join(changes, "|"); !sameChanges(got, wantChanges) {
					t.Errorf("%s fixed: the preview lists %q, want %q", how, got, wantChanges)
				}
				if _, _, err := svc.CommitImport(fixed); err != nil {
					t.Fatal(err)
				}
				ms, err := svc.store.Members()
				if err != nil || len(ms) != 1 {
					t.Fatalf("members %+v: %v", ms, err)
				}
				imported[how] = ms[0].BranchName
			}
			if imported["original"] != tt.want || imported["refused rows"] != tt.want {
				t.Errorf("stored 所在党支部: %v, want %s both ways", imported, tt.want)
			}
		})
	}
}

// sameChanges compares two lists of changes joined by |, in any order.
func sameChanges(a, b string) bool {
	x, y := strings.Split(a, "|"), strings.Split(b, "|")
	if len(x) != len(y) {
		return false
	}
	for _, c := range x {
		if !strings.Contains("|"+b+"|", "|"+c+"|") {
			return false
		}
	}
	return true
}
