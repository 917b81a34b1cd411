package duesfile

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"branchledger/model"
)

// A bases file that lists a member with an approved 免交 or 减交 under
// another category (an HR base list says 在职 for everyone) does not undo
// the approval back to January in silence: the row is refused naming the
// approval, and the stored setting stays (review s8-7 attack #21: 曾国's
// 免交 for illness became 在职 5400, and check then called him lapsed).
// The same category given again keeps the approval, as before.
func TestBasesFileDoesNotUndoAnApproval(t *testing.T) {
	dir := t.TempDir()
	st, today := demoStore(t, dir, 12)
	year := today.Year
	bases, err := st.DuesBases(year)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := st.Members()
	name := map[int64]model.Member{}
	for _, m := range ms {
		name[m.ID] = m
	}
	var exempt, employed model.DuesBase
	for _, b := range bases {
		if b.Category == model.DuesExempt && exempt.MemberID == 0 {
			exempt = b
		}
		if b.Category == model.DuesEmployed && !b.Reduced && employed.MemberID == 0 && name[b.MemberID].OnRoster {
			employed = b
		}
	}
	if exempt.MemberID == 0 || employed.MemberID == 0 {
		t.Fatalf("the demo has no exempt or employed member in %d: %+v", year, bases)
	}
	// Next year, which the demo left unpaid: this year's months are paid,
	// and a base changed over them is refused for that
	// (model.CheckYearBaseOverPaid), which is not what this tests.
	year++
	reduced := employed
	reduced.Reduced, reduced.ReducedAmount, reduced.Reason, reduced.Approval = true, model.Yuan(10), "家庭困难", "某党委 2026-01-05 批复"
	if err := st.SaveDuesBases(year, []model.DuesBase{exempt, reduced}, "测试"); err != nil {
		t.Fatal(err)
	}
	e, r := name[exempt.MemberID], name[reduced.MemberID]
	for _, tt := range []struct {
		name, category, base string
		m                    model.Member
		want                 string // the refusal; "" when the row passes
	}{
		{"exempt listed as employed", "在职", "5400", e,
			"名册中" + e.Name + " " + itoa(year) + " 年经上级批准免交（经支部研究、上级党委批准免交（大病）），文件中为在职：本行未导入；撤销免交或减交请在窗口的党费基数中办理"},
		{"reduced listed as retired", "离退休", "3000", r,
			"名册中" + r.Name + " " + itoa(year) + " 年经上级批准减交为每月 10.00 元（家庭困难），文件中为离退休：本行未导入；撤销免交或减交请在窗口的党费基数中办理"},
		{"exempt again", "免交", "", e, ""},
		{"reduced, same category, new base", "在职", "6000", r, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			sh := f.GetSheetName(0)
			_ = f.SetSheetRow(sh, "A1", &[]any{"姓名", "身份证号码", "缴纳类别", "计算基数"})
			_ = f.SetSheetRow(sh, "A2", &[]any{tt.m.Name, tt.m.IDNumber, tt.category, tt.base})
			path := filepath.Join(t.TempDir(), "基数.xlsx")
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			p, err := New(st).PreviewBases(year, path)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == "" {
				if len(p.Rejected) != 0 || len(p.Bases) != 1 {
					t.Fatalf("preview %+v, want the row taken", p)
				}
				b := p.Bases[0]
				if b.Category == model.DuesExempt && b.Approval == "" || b.MemberID == r.ID && (!b.Reduced || b.ReducedAmount != model.Yuan(10)) {
					t.Errorf("base %+v lost its approval", b)
				}
				return
			}
			if len(p.Bases) != 0 || len(p.Rejected) != 1 || p.Rejected[0].Field != model.FieldDuesCategory || p.Rejected[0].Reason != tt.want {
				t.Fatalf("preview %+v,\nwant the row refused: %s", p, tt.want)
			}
			if got := p.Rejected[0].Value; got != tt.category {
				t.Errorf("refusal quotes %q, want the file's %q", got, tt.category)
			}
		})
	}
}

func itoa(n int) string { return model.Textf("%d", n).String() }
