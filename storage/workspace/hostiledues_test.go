package workspace

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"branchledger/model"
	"branchledger/storage/datapkg"
)

// A package's dues records hold what no form writes — an amount that
// makes the sums overflow, a payment, remittance or reversal dated
// 0000-00-00, a paid month 2026-13 — refused naming the record, not with
// "数据库出错" and not imported (review s5-11 attack #5); the workspace is
// unchanged byte for byte.
func TestHostileDuesRecordsAreRefusedNamingTheRecord(t *testing.T) {
	dir := t.TempDir()
	w, key := newWorkspace(t, dir)
	s := newBranch(t, filepath.Join(dir, "a"), 6, 12, "兰州恒信商贸有限公司", day)
	defer s.Close()
	good := filepath.Join(dir, "good.blpkg")
	pack(t, s, key, good)
	if r := w.Import(good, ImportOptions{}); r.Outcome != Imported {
		t.Fatal(r)
	}
	later := storageAt(t, s, day, 18)
	plain := filepath.Join(dir, "plain.blpkg")
	if _, err := datapkg.Write(later, plain, datapkg.Protection{}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	manifest, db := unpack(t, plain)
	changed := func(counted string, statements ...string) []byte {
		d := withSQL(t, dir, db, statements...)
		m := manifest
		if counted != "" {
			m = map[string]any{}
			raw, _ := json.Marshal(manifest)
			json.Unmarshal(raw, &m)
			counts := m["counts"].(map[string]any)
			if n, ok := counts[counted].(float64); ok {
				counts[counted] = n + 1
			}
		}
		return sealTo(t, key, zipOf(t, entry{"manifest.json", repin(m, d)}, entry{"branchledger.db", d}))
	}
	const lastPayment = "(SELECT max(id) FROM dues_payments)"
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"huge_payment", changed("", "UPDATE dues_payments SET amount = 9223372036854775807 WHERE id = "+lastPayment), "党费缴纳记录（编号"},
		{"payment_date_zero", changed("", "UPDATE dues_payments SET date = '0000-00-00' WHERE id = "+lastPayment), "的日期“0000-00-00”不存在"},
		{"payment_feb_30", changed("", "UPDATE dues_payments SET date = '2026-02-30' WHERE id = "+lastPayment), "的日期“2026-02-30”不存在"},
		{"remittance_date_zero", changed("", "UPDATE dues_remittances SET date = '0000-00-00' WHERE id = (SELECT max(id) FROM dues_remittances)"), "季度党费上缴记录（编号"},
		{"activity_2031", changed("", "UPDATE activities SET date = '2031-01-01', year = 2031 WHERE id = (SELECT max(id) FROM activities)"), "的日期“2031-01-01”晚于快照一年以上"},
		{"paid_month_13", changed("dues_payment_months", "INSERT INTO dues_payment_months (member_id, month, payment_id, amount) SELECT member_id, '2026-13', id, 100 FROM dues_payments WHERE id = "+lastPayment), "所交的月份“2026-13”不存在"},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(dir, c.name+datapkg.Ext)
			if err := os.WriteFile(file, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			before := fileBytes(t, w.Path())
			r := w.Import(file, ImportOptions{})
			if r.Outcome != Refused || r.Err == nil {
				t.Fatalf("not refused: %+v", r)
			}
			msg := r.Err.Error()
			if !strings.Contains(msg, c.want) || !strings.Contains(msg, file) || !strings.Contains(msg, "不符合规则的记录") || strings.Contains(msg, "数据库出错") {
				t.Errorf("refusal %q; want %q naming the file", msg, c.want)
			}
			if !bytes.Equal(fileBytes(t, w.Path()), before) {
				t.Error("the workspace file changed")
			}
		})
	}
}

// An organisation with a negative staff count is refused by SaveOrg
// naming the field, and nothing is written (review s5-11 attack #5).
func TestNegativeStaffIsNotSaved(t *testing.T) {
	w, err := Open(filepath.Join(t.TempDir(), FileName), WithClock(at(day, 9)))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	o := orgFixture("甲公司")
	o.Staff = -5
	before := dump(t, w)
	if _, err := w.SaveOrg(o); err == nil || !strings.Contains(err.Error(), "从业人员数") || !strings.Contains(err.Error(), "-5") {
		t.Errorf("saved: %v", err)
	}
	if dump(t, w) != before {
		t.Error("the workspace changed")
	}
}

// The 单位名录 import refuses, naming the row, a name with a zero-width
// space and more full members than staff; nothing is written (review s6-11
// attack #3, #4).
func TestOrgImportRefusesImplausibleRows(t *testing.T) {
	w, err := Open(filepath.Join(t.TempDir(), FileName), WithClock(at(day, 9)))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	zw, many := orgFixture("丙\u200b公司"), orgFixture("丁公司")
	many.Staff, many.FullMembers = 50, 60
	p, err := w.PlanOrgImport("名录.xlsx", []model.OrgRow{{Row: 3, Org: zw}, {Row: 4, Org: many}})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Add) != 0 || len(p.Rejected) != 2 || p.Rejected[0].Row != 3 || !strings.Contains(strings.Join(p.Rejected[0].Reasons, ""), "不显示的字符") ||
		!strings.Contains(strings.Join(p.Rejected[1].Reasons, ""), "正式党员60名多于从业人员50人") {
		t.Errorf("plan %+v", p)
	}
}
