package workspace

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"filippo.io/age"
	"github.com/glebarez/sqlite"

	"branchledger/model"
	"branchledger/storage/datapkg"
)

// entry is one file of a hand-made package zip.
type entry struct {
	name string
	data []byte
}

// zipOf makes a zip of entries, stored or deflated.
func zipOf(t *testing.T, es ...entry) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range es {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		f.Write(e.data)
	}
	zw.Close()
	return b.Bytes()
}

// sealTo encrypts data to the instructor's key, as a branch would.
func sealTo(t *testing.T, k datapkg.PublicKey, data []byte) []byte {
	t.Helper()
	r, _ := k.AgeRecipient()
	var b bytes.Buffer
	enc, err := age.Encrypt(&b, r)
	if err != nil {
		t.Fatal(err)
	}
	enc.Write(data)
	enc.Close()
	return b.Bytes()
}

// unpack reads a plain package's manifest and database.
func unpack(t *testing.T, file string) (map[string]any, []byte) {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var manifest map[string]any
	var db []byte
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		switch f.Name {
		case "manifest.json":
			json.Unmarshal(data, &manifest)
		case "branchledger.db":
			db = data
		}
	}
	return manifest, db
}

// repin sets the manifest's size and digest of db.
func repin(m map[string]any, db []byte) []byte {
	sum := sha256.Sum256(db)
	d := m["database"].(map[string]any)
	d["size"], d["sha256"] = len(db), hex.EncodeToString(sum[:])
	out, _ := json.Marshal(m)
	return out
}

// withSQL returns db changed by statements, run on a copy in dir.
func withSQL(t *testing.T, dir string, db []byte, statements ...string) []byte {
	t.Helper()
	f := filepath.Join(dir, "changed.db")
	os.Remove(f)
	os.WriteFile(f, db, 0o600)
	c, err := sql.Open(sqlite.DriverName, f)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range statements {
		if _, err := c.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	c.Close()
	out, _ := os.ReadFile(f)
	return out
}

// Every hostile package of the issue is refused with one line naming the
// file, and the workspace is the same row for row afterwards.
func TestHostilePackagesLeaveTheWorkspaceUnchanged(t *testing.T) {
	dir := t.TempDir()
	w, key := newWorkspace(t, dir)
	s := newBranch(t, filepath.Join(dir, "a"), 8, 11, "兰州恒信商贸有限公司", day)
	defer s.Close()
	good := filepath.Join(dir, "good.blpkg")
	pack(t, s, key, good)
	if r := w.Import(good, ImportOptions{}); r.Outcome != Imported {
		t.Fatal(r)
	}
	if _, err := w.SaveOrg(orgFixture("兰州恒信商贸有限公司")); err != nil {
		t.Fatal(err)
	}

	// The raw material: a plain package of a later snapshot of the branch.
	later := storageAt(t, s, day, 18)
	plain := filepath.Join(dir, "plain.blpkg")
	if _, err := datapkg.Write(later, plain, datapkg.Protection{}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	manifest, db := unpack(t, plain)
	mj := repin(manifest, db)
	sealed, _ := os.ReadFile(good)
	other, _ := age.GenerateX25519Identity()

	bomb := bytes.Repeat([]byte{0}, 64<<20)
	bombManifest := map[string]any{}
	json.Unmarshal(mj, &bombManifest)
	newerFormat := map[string]any{}
	json.Unmarshal(mj, &newerFormat)
	newerFormat["format"] = 9
	newerSchema := map[string]any{}
	json.Unmarshal(mj, &newerSchema)
	newerSchema["schema_version"] = 999
	// s5-11 attack #2: genuine data under a snapshot time of 1970.
	in1970 := map[string]any{}
	json.Unmarshal(mj, &in1970)
	in1970["snapshot_at"] = "1970-01-01T00:00:00Z"
	otherKey := func() []byte {
		var b bytes.Buffer
		enc, _ := age.Encrypt(&b, other.Recipient())
		enc.Write(zipOf(t, entry{"manifest.json", mj}, entry{"branchledger.db", db}))
		enc.Close()
		return b.Bytes()
	}()
	passphrase := func() []byte {
		r, _ := age.NewScryptRecipient("另一个密码123")
		r.SetWorkFactor(10)
		var b bytes.Buffer
		enc, _ := age.Encrypt(&b, r)
		enc.Write(zipOf(t, entry{"manifest.json", mj}, entry{"branchledger.db", db}))
		enc.Close()
		return b.Bytes()
	}()
	changedDB := func(statements ...string) []byte {
		d := withSQL(t, dir, db, statements...)
		return sealTo(t, key, zipOf(t, entry{"manifest.json", repin(manifest, d)}, entry{"branchledger.db", d}))
	}
	// oneMore is changedDB for statements that add a row to table: the
	// manifest counts it, as a package made by hand would.
	oneMore := func(table string, statements ...string) []byte {
		d := withSQL(t, dir, db, statements...)
		m := map[string]any{}
		json.Unmarshal(mj, &m)
		counts := m["counts"].(map[string]any)
		counts[table] = counts[table].(float64) + 1
		return sealTo(t, key, zipOf(t, entry{"manifest.json", repin(m, d)}, entry{"branchledger.db", d}))
	}
	// staleDate moves the first activity a year back in its table only:
	// its index activities_date, made to index another column meanwhile,
	// still has the old date.
	staleDate := []string{
		"PRAGMA writable_schema = ON",
		"UPDATE sqlite_schema SET sql = replace(sql, '(date)', '(place)') WHERE name = 'activities_date'",
		"PRAGMA writable_schema = RESET",
		"UPDATE activities SET date = '2025' || substr(date, 5) WHERE id = (SELECT min(id) FROM activities WHERE date LIKE '2026%')",
		"PRAGMA writable_schema = ON",
		"UPDATE sqlite_schema SET sql = replace(sql, '(place)', '(date)') WHERE name = 'activities_date'",
	}
	// The first year's records: outside the snapshot's year, which the
	// workspace reads and the row check sees.
	const firstYear = "(SELECT id FROM activities ORDER BY date LIMIT 1)"
	// nullName puts a NULL into members.name by taking NOT NULL off the
	// table's definition and putting it back.
	nullName := []string{
		"PRAGMA writable_schema = ON",
		"UPDATE sqlite_schema SET sql = replace(sql, 'name               TEXT NOT NULL,', 'name               TEXT,') WHERE name = 'members'",
		"PRAGMA writable_schema = RESET",
		"UPDATE members SET name = NULL WHERE id = (SELECT max(id) FROM members)",
		"PRAGMA writable_schema = ON",
		"UPDATE sqlite_schema SET sql = replace(sql, 'name               TEXT,', 'name               TEXT NOT NULL,') WHERE name = 'members'",
	}

	// sameID gives the last member the first one's ID number, changed by
	// what follows it.
	sameID := func(suffix string) string {
		return "UPDATE members SET id_number = (SELECT id_number FROM members ORDER BY id LIMIT 1) || " + suffix + " WHERE id = (SELECT max(id) FROM members)"
	}
	id18, _ := model.UpgradeIDNumber("110101900307001")
	for _, c := range []struct {
		name string
		data []byte
		o    ImportOptions
		want string
	}{
		{"truncated", sealed[:len(sealed)/2], ImportOptions{}, "不完整"},
		{"cut_after_header", sealed[:200], ImportOptions{}, "不完整"},
		{"wrong_key", otherKey, ImportOptions{}, "没有能打开它的私钥"},
		{"wrong_passphrase", passphrase, ImportOptions{Passphrase: "猜错的密码000"}, "密码不对"},
		{"no_passphrase", passphrase, ImportOptions{}, "设有密码"},
		{"checksum", sealTo(t, key, zipOf(t, entry{"manifest.json", mj}, entry{"branchledger.db", append(bytes.Clone(db[:len(db)-1]), db[len(db)-1]^1)})), ImportOptions{}, "与清单不符"},
		{"newer_format", sealTo(t, key, zipOf(t, entry{"manifest.json", must(json.Marshal(newerFormat))}, entry{"branchledger.db", db})), ImportOptions{}, "更新版本"},
		{"newer_schema", sealTo(t, key, zipOf(t, entry{"manifest.json", must(json.Marshal(newerSchema))}, entry{"branchledger.db", db})), ImportOptions{}, "更新版本"},
		{"not_a_package", []byte(strings.Repeat("这是一份会议纪要。\n", 200)), ImportOptions{}, "不是支部台账的数据包"},
		{"a_workbook", zipOf(t, entry{"[Content_Types].xml", []byte("<Types/>")}, entry{"xl/workbook.xml", []byte("<workbook/>")}), ImportOptions{}, "不是支部台账的数据包"},
		{"zip_bomb", sealTo(t, key, zipOf(t, entry{"manifest.json", repin(bombManifest, bomb)}, entry{"branchledger.db", bomb})), ImportOptions{}, "压缩炸弹"},
		{"dot_dot_entry", sealTo(t, key, zipOf(t, entry{"manifest.json", mj}, entry{"../../branchledger.db", db})), ImportOptions{}, "不安全的文件名"},
		{"absolute_entry", sealTo(t, key, zipOf(t, entry{"manifest.json", mj}, entry{"/etc/branchledger.db", db})), ImportOptions{}, "不安全的文件名"},
		{"extra_entry", sealTo(t, key, zipOf(t, entry{"manifest.json", mj}, entry{"branchledger.db", db}, entry{"run.bat", []byte("calc")})), ImportOptions{}, "多出了文件"},
		{"extra_table", changedDB("CREATE TABLE notes (x TEXT)"), ImportOptions{}, "多了表 notes"},
		{"trigger", changedDB("CREATE TRIGGER members_phone AFTER INSERT ON members BEGIN UPDATE members SET phone = '110'; END"), ImportOptions{}, "多了触发器 members_phone"},
		{"view", changedDB("CREATE VIEW member_list AS SELECT name FROM members"), ImportOptions{}, "多了视图 member_list"},
		{"changed_table", changedDB("ALTER TABLE members ADD COLUMN salary INTEGER"), ImportOptions{}, "表 members 的定义不同"},
		{"not_this_apps_db", changedDB("PRAGMA application_id = 42"), ImportOptions{}, "不是支部台账的数据文件"},
		// attack11 #16: rows the branch's own forms would refuse.
		{"huge_name", changedDB("UPDATE members SET name = printf('%.*c', 2000000, 'x') WHERE id = (SELECT min(id) FROM members)"), ImportOptions{}, "姓名：内容过长（2000000个字"},
		{"alien_category", changedDB("UPDATE members SET category = '外星人' WHERE id = (SELECT min(id) FROM members)"), ImportOptions{}, "人员类别“外星人”不是正式党员或预备党员"},
		{"sex_x", changedDB("UPDATE members SET sex = 'X' WHERE id = (SELECT max(id) FROM members)"), ImportOptions{}, "性别“X”不是男或女"},
		// s3-11 attack #1, #3, #4: dues, control characters, profile text.
		{"negative_remittances", changedDB("PRAGMA ignore_check_constraints = ON", "UPDATE dues_remittances SET amount = -100000000"), ImportOptions{}, "条记录不符合约束"},
		{"huge_remittances", changedDB("UPDATE dues_remittances SET amount = 9000000000000000"), ImportOptions{}, "季度党费"},
		{"member_name_newline", changedDB("UPDATE members SET name = '张' || char(10) || 'imported 伪造' WHERE id = (SELECT min(id) FROM members)"), ImportOptions{}, "姓名含有控制字符"},
		{"secretary_million", changedDB("UPDATE branch SET secretary = printf('%.*c', 1000000, 'x')"), ImportOptions{}, "书记过长（1000000个字）"},
		// s3-11 attack #5: constraints broken where the workspace does not read.
		{"attendance_of_no_member", changedDB("UPDATE activity_attendance SET member_id = 99999 WHERE id = (SELECT min(id) FROM activity_attendance WHERE activity_id = " + firstYear + ")"), ImportOptions{}, "表 activity_attendance 中有 1 条记录所指的 members 记录不存在"},
		{"resolution_of_no_activity", changedDB("UPDATE activity_resolutions SET activity_id = 77777 WHERE id = (SELECT min(id) FROM activity_resolutions)"), ImportOptions{}, "所指的 activities 记录不存在"},
		{"attendance_status_check", changedDB("PRAGMA ignore_check_constraints = ON", "UPDATE activity_attendance SET status = '飞了' WHERE activity_id = "+firstYear), ImportOptions{}, "表 activity_attendance 中有 3 条记录不符合约束"},
		{"lost_contact_check", changedDB("PRAGMA ignore_check_constraints = ON", "UPDATE members SET lost_contact = 2 WHERE id = (SELECT max(id) FROM members)"), ImportOptions{}, "表 members 中有 1 条记录不符合约束"},
		{"second_branch_row", oneMore("branch", "PRAGMA ignore_check_constraints = ON", "INSERT INTO branch (id, uuid, org_name, branch_name, created_at, updated_at) SELECT 2, uuid, org_name, branch_name, created_at, updated_at FROM branch"), ImportOptions{}, "表 branch 中有 1 条记录不符合约束"},
		{"member_name_not_utf8", changedDB("UPDATE members SET name = x'e5bca0ff1b5b324a' WHERE id = (SELECT max(id) FROM members)"), ImportOptions{}, "姓名含有无法识别的字节"},
		// s4-11 attack #2: a record changed behind its index's back.
		{"stale_index", changedDB(staleDate...), ImportOptions{}, "请让支部重新导出数据包：" + filepath.Join(dir, "stale_index.blpkg") + "（检查结果：索引 activities_date 与表中的记录不一致"},
		{"null_name", changedDB(nullName...), ImportOptions{}, "表 members 的 name 列有不应为空的空值"},
		// s5-11 attack #7: one person twice, hidden by the ID number's form.
		{"id_trailing_space", changedDB(sameID("' '")), ImportOptions{}, "公民身份号码含有空格、不可见字符"},
		{"id_zero_width", changedDB(sameID("char(8203)")), ImportOptions{}, "公民身份号码含有空格、不可见字符"},
		{"id_lower_x", changedDB("UPDATE members SET id_number = '11010119900307001x' WHERE id = (SELECT min(id) FROM members)"), ImportOptions{}, "小写x"},
		{"id_15_and_18", changedDB("UPDATE members SET id_number = '110101900307001' WHERE id = (SELECT min(id) FROM members)", "UPDATE members SET id_number = '"+id18+"' WHERE id = (SELECT max(id) FROM members)"), ImportOptions{}, "的相同（同一人登记了两次）"},
		{"snapshot_1970", sealTo(t, key, zipOf(t, entry{"manifest.json", must(json.Marshal(in1970))}, entry{"branchledger.db", db})), ImportOptions{}, "快照时间早于其中数据最后一次修改的时间"},
		// s5-11 attack #9: 2 million empty entries took 670 MB to refuse.
		// s5-11 attack #10: a negative staff count, which the form refuses.
		// s5-11 attack #5: a payment SQLite cannot sum, not "数据库出错".
		{"huge_payment", changedDB("UPDATE dues_payments SET amount = 9223372036854775807 WHERE id = (SELECT min(id) FROM dues_payments)"), ImportOptions{}, "党费缴纳记录（编号1）的金额 92233720368547758.07 元不合理"}, // named by the dues check before any sum (inst11a); "金额大得无法合计" is the fallback
		// s6-11 attack #2: a time in another layout.
		{"profile_time_layout", changedDB("UPDATE branch SET updated_at = '2026-11-30T09:38:03Z'"), ImportOptions{}, "支部信息中有本软件不会写入的时间“2026-11-30T09:38:03Z”"},
		{"employees_negative", changedDB("UPDATE branch SET employee_count = -5"), ImportOptions{}, "职工人数为 -5"},
		{"many_entries", sealTo(t, key, manyEntries(t, mj, db, 100_000)), ImportOptions{}, "文件目录超过"},
		{"activity_year_99999", changedDB("UPDATE activities SET date = '99999' || substr(date, 5) WHERE id = (SELECT max(id) FROM activities)"), ImportOptions{}, "不符合规则的记录"},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(dir, c.name+datapkg.Ext)
			if err := os.WriteFile(file, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			before, bytesBefore := dump(t, w), fileBytes(t, w.Path())
			r := w.Import(file, c.o)
			if r.Outcome != Refused || r.Err == nil {
				t.Fatalf("not refused: %+v", r)
			}
			if !bytes.Equal(fileBytes(t, w.Path()), bytesBefore) {
				t.Error("the workspace file changed")
			}
			msg := r.Err.Error()
			if !strings.Contains(msg, c.want) || !strings.Contains(msg, file) || strings.ContainsFunc(msg, unicode.IsControl) || !utf8.ValidString(msg) || strings.Contains(msg, "请用备份恢复") {
				t.Errorf("refusal %q; want one line of text with %q naming the file", msg, c.want)
			}
			if dump(t, w) != before {
				t.Error("the workspace changed")
			}
			// The line of `refused FILE: REASON` is a whole sentence
			// (review s5-11 attack #10: "…：其中的数据文件（表 …）").
			if why := r.Reason(); strings.Contains(why, "：其中的数据文件") {
				t.Errorf("reason %q", why)
			}
		})
	}
}

// manyEntries is a package zip of mj and db and n more empty entries,
// stored.
func manyEntries(t *testing.T, mj, db []byte, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range []entry{{"manifest.json", mj}, {"branchledger.db", db}} {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		f.Write(e.data)
	}
	for i := range n {
		if _, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprint(i), Method: zip.Store}); err != nil {
			t.Fatal(err)
		}
	}
	zw.Close()
	return b.Bytes()
}

// fileBytes is the contents of the file at name.
func fileBytes(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// The row check refuses only what no form can type. Records whose sense
// the rules of today question (a phone number's format, a vote count over
// the members present, as the benchmark's sample branches have) may have
// been typed under earlier rules: the package is imported and the
// branch's findings speak of them.
func TestRecordsTypedUnderOtherRulesAreImported(t *testing.T) {
	dir := t.TempDir()
	w, key := newWorkspace(t, dir)
	s := newBranch(t, filepath.Join(dir, "a"), 8, 11, "兰州恒信商贸有限公司", day)
	defer s.Close()
	plain := filepath.Join(dir, "plain.blpkg")
	if _, err := datapkg.Write(s, plain, datapkg.Protection{}, "0.1.0"); err != nil {
		t.Fatal(err)
	}
	manifest, db := unpack(t, plain)
	d := withSQL(t, dir, db,
		"UPDATE members SET phone = '12345' WHERE id = (SELECT min(id) FROM members)",
		"INSERT INTO activity_resolutions (activity_id, position, text, voted, yes) SELECT id, 99, '测试决议', 1, 999 FROM activities WHERE kind = '支部党员大会' ORDER BY date DESC LIMIT 1")
	counts := manifest["counts"].(map[string]any)
	counts["activity_resolutions"] = counts["activity_resolutions"].(float64) + 1
	file := filepath.Join(dir, "old-rules.blpkg")
	os.WriteFile(file, sealTo(t, key, zipOf(t, entry{"manifest.json", repin(manifest, d)}, entry{"branchledger.db", d})), 0o644)
	if r := w.Import(file, ImportOptions{}); r.Outcome != Imported {
		t.Fatalf("a package with records of other rules: %v %v", r.Outcome, r.Err)
	}
}
