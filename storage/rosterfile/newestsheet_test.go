package rosterfile

import (
	"strings"
	"testing"

	"branchledger/model"
)

// The refusal of a person whose rows on two yearly sheets differ names the
// sheet to import alone: the newest by the period its name gives, whatever
// the order of the tabs, and none when the names do not tell which is
// newest (review ra7 F16: tabs 2026年, 2025年 were told "只导入最新的一张
// （…--sheet 2025年）", the older roster).
func TestTheRefusalOfTwoPeriodsNamesTheNewestSheet(t *testing.T) {
	const unknown = "只导入现在的一张（取消勾选其他工作表，或在命令行用 --sheet 只列出那一张）"
	for _, c := range []struct {
		name   string
		sheets []string
		want   string // the end of every refusal
	}{
		{"newest tab first", []string{"2026年", "2025年"}, "只导入最新的一张（取消勾选其他工作表，或在命令行加 --sheet 2026年）"},
		{"oldest tab first", []string{"2025年", "2026年"}, "只导入最新的一张（取消勾选其他工作表，或在命令行加 --sheet 2026年）"},
		{"months of one year", []string{"2025年12月", "2025年6月"}, "只导入最新的一张（取消勾选其他工作表，或在命令行加 --sheet 2025年12月）"},
		{"quarters of two years", []string{"2026年一季度", "2025年四季度"}, "只导入最新的一张（取消勾选其他工作表，或在命令行加 --sheet 2026年一季度）"},
		{"half years", []string{"2025年下半年", "2025年上半年"}, "只导入最新的一张（取消勾选其他工作表，或在命令行加 --sheet 2025年下半年）"},
		{"a year beside a quarter alone", []string{"二季度", "2025年"}, unknown},
		{"the same year twice", []string{"2025年花名册", "2025年名单"}, unknown},
	} {
		t.Run(c.name, func(t *testing.T) {
			svc, _ := newService(t)
			head := []any{"姓名", "公民身份号码", "入党时间", "转正时间", "联系电话"}
			path := writeSheets(t, c.sheets,
				[][]any{head, {"邓亮", validID("19910303", "111"), "2020.05", "2021.05", "13700000001"}},
				[][]any{head, {"邓亮", validID("19910303", "111"), "2020.05", "2021.05", "13700000002"}})
			// Both ticked: by default an earlier period's copy is left
			// out (TestEarlierYearsRostersLeftOut).
			p, err := svc.PreviewImportWith(path, model.ImportChoice{Sheets: c.sheets})
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Rejected) != 2 || len(p.Plan.Add) != 0 {
				t.Fatalf("rejected %+v, adds %d: want both rows held back", p.Rejected, len(p.Plan.Add))
			}
			for _, r := range p.Rejected {
				if !strings.HasSuffix(r.Reason, "如各工作表是不同时期的名册，"+c.want) {
					t.Errorf("%s row %d: %s\nwant it to end %s", r.Sheet, r.Row, r.Reason, c.want)
				}
			}
		})
	}
}
