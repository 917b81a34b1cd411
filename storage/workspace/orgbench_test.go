package workspace

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"branchledger/model"
)

// creditCode makes a valid 统一社会信用代码 numbered n (GB 32100-2015).
func creditCode(n int) string {
	const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	w := [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
	body := fmt.Sprintf("91620100%09d", n)
	sum := 0
	for i := range 17 {
		sum += strings.IndexByte(chars, body[i]) * w[i]
	}
	return body + string(chars[(31-sum%31)%31])
}

// orgRows is a list of n 未建 organisations, each with its credit code, as
// a city's list of 非公企业 runs to.
func orgRows(n int) []model.OrgRow {
	rows := make([]model.OrgRow, n)
	for i := range rows {
		o := orgFixture(fmt.Sprintf("测试单位%05d有限公司", i))
		o.CreditCode = creditCode(1000 + i)
		o.FullMembers, o.Coverage, o.Reason, o.Work = 0, model.NotCovered, model.ReasonNoMembers, model.WorkInstructor
		rows[i] = model.OrgRow{Row: i + 2, Org: o}
	}
	return rows
}

func importOrgs(tb testing.TB, rows []model.OrgRow) {
	w, err := Open(filepath.Join(tb.TempDir(), FileName), WithClock(at(day, 9)))
	if err != nil {
		tb.Fatal(err)
	}
	defer w.Close()
	p, err := w.PlanOrgImport("名录.xlsx", rows)
	if err != nil || len(p.Rejected) > 0 {
		tb.Fatalf("plan: %v %+v", err, p.Rejected)
	}
	if added, _, _, err := w.CommitOrgImport(p); err != nil || added != len(rows) {
		tb.Fatalf("commit: %d %v", added, err)
	}
}

// BenchmarkOrgImport plans and commits an organisation list of 3 000 and
// 12 000 rows: the time per row should not grow with the list (review
// s5-11 attack #12: 3 000 rows took 1.8 CPU-s, 12 000 took 16.6).
func BenchmarkOrgImport(b *testing.B) {
	for _, n := range []int{3000, 12000} {
		rows := orgRows(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for range b.N {
				importOrgs(b, rows)
			}
		})
	}
}

// Saving an organisation looks for another with its credit code through an
// index, not by reading the whole list (review s5-11 attack #12: without it
// an import of n rows took n² time).
func TestCreditCodeLookupUsesAnIndex(t *testing.T) {
	w, err := Open(filepath.Join(t.TempDir(), FileName), WithClock(at(day, 9)))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	rows, err := w.sql.Query("EXPLAIN QUERY PLAN SELECT name FROM orgs WHERE credit_code = ? AND id <> ?", creditCode(1), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if p := strings.Join(plan, "; "); !strings.Contains(p, "USING INDEX orgs_credit_code") {
		t.Errorf("the credit-code look-up reads the whole list: %s", p)
	}
}
