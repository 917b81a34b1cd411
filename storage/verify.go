package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"

	gosqlite "github.com/glebarez/go-sqlite"
	"github.com/glebarez/sqlite"

	"branchledger/storage/atomicfile"
	"branchledger/storage/reason"
)

// Verification is what 检查数据文件 and `branchledger verify` found in a
// data file: SQLite's full integrity check, the schema check (CheckSchema)
// and the number of records of each kind.
type Verification struct {
	Path    string
	Version int // schema version (PRAGMA user_version); 0 if unknown
	// Problems are one line each, in Chinese; none for a sound file.
	Problems []string
	Counts   []RecordCount
}

// RecordCount is how many records of one kind the file holds.
type RecordCount struct {
	Label string // 党员（含已离开的）, 活动记录 …
	N     int
}

// OK reports whether nothing was found wrong.
func (v Verification) OK() bool { return len(v.Problems) == 0 }

// counted are the tables whose records Verify counts, as a secretary names
// them; those a file's version does not have are left out.
var counted = []struct{ table, label string }{
	{"members", "党员（含已离开的）"},
	{"member_events", "党员变动记录"},
	{"member_changes", "党员信息修改记录"},
	{"activities", "活动记录"},
	{"activity_attachments", "活动附件"},
	{"dues_payments", "党费交纳记录"},
	{"dues_remittances", "党费上缴记录"},
	{"recruits", "发展党员对象"},
	{"transfer_letters", "组织关系介绍信"},
	{"transfer_ins", "转入记录"},
	{"mobile_members", "流动党员登记"},
	{"inflow_members", "流入党员"},
}

// Verify checks the store's own file on its connection, for 检查数据文件 in
// the window, which holds the file and its lock. It reads only.
func (s *Store) Verify(ctx context.Context) (Verification, error) {
	conn, err := s.sql.Conn(ctx)
	if err != nil {
		return Verification{}, reason.Wrap("检查数据文件失败："+s.path, err)
	}
	defer conn.Close()
	v := Verification{Path: s.path}
	verifyOn(ctx, conn, &v)
	return v, nil
}

// VerifyFile checks the data file at path without changing it, for
// `branchledger verify`: it opens the file read-only, so that a damaged or
// changed file, which Open refuses, is examined all the same. The error is
// for a file that cannot be examined at all (missing, a folder, unreadable,
// held by a window); what is wrong with one that can be — empty, cut short,
// damaged, another program's — is in the Problems.
func VerifyFile(path string) (Verification, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return Verification{}, reason.Wrap("数据文件路径不正确："+path, err)
	}
	v := Verification{Path: abs}
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return v, fmt.Errorf("找不到数据文件 %s", abs)
	case err != nil:
		return v, reason.Wrap("无法读取数据文件 "+abs, err)
	case fi.IsDir():
		return v, fmt.Errorf("%s 是一个文件夹，不是数据文件", abs)
	case fi.Size() == 0:
		v.Problems = append(v.Problems, ErrEmptyFile.Error())
		return v, nil
	case fi.Size() < sqliteHeaderSize && startsLikeSQLite(abs):
		v.Problems = append(v.Problems, fmt.Sprintf("损坏：文件不完整，只有 %d 字节（可能是复制时没有完成）", fi.Size()))
		return v, nil
	case !atomicfile.IsSQLite(abs):
		v.Problems = append(v.Problems, ErrNotDatabase.Error())
		return v, nil
	}
	if journalHot(abs) {
		v.Problems = append(v.Problems, "数据文件上次没有正常关闭，旁边的 -journal 文件里有尚未撤销的写入；请用支部台账打开一次，它会自动恢复，再检查")
		return v, nil
	}
	db, err := sql.Open(sqlite.DriverName, dsn(abs, true, false))
	if err != nil {
		return v, reason.Wrap("无法打开数据文件 "+abs, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err == nil {
		defer conn.Close()
		_, err = conn.ExecContext(ctx, "SELECT count(*) FROM sqlite_schema")
	}
	var se *gosqlite.Error
	switch {
	case err == nil:
	case errors.As(err, &se) && (se.Code()&0xff == codeBusy || se.Code()&0xff == codeLocked):
		return v, fmt.Errorf("%w：%s", ErrLocked, abs)
	case errors.As(err, &se) && (se.Code()&0xff == codeCorrupt || se.Code()&0xff == codeNotADB):
		// The header or the schema cannot be read: a file cut short, or
		// damaged where SQLite starts reading.
		log.Printf("verify %s: %v", abs, err)
		v.Problems = append(v.Problems, "损坏：文件不完整或已损坏，连它的结构都无法读取（可能是复制时没有完成）")
		return v, nil
	default:
		return v, reason.Wrap("无法读取数据文件 "+abs, err)
	}
	verifyOn(ctx, conn, &v)
	return v, nil
}

// verifyOn runs the checks on conn and adds what it finds to v.
func verifyOn(ctx context.Context, conn *sql.Conn, v *Verification) {
	rows, err := conn.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		log.Printf("verify %s: %v", v.Path, err)
		v.Problems = append(v.Problems, "完整性检查无法进行："+reason.Of(err))
		return
	}
	var found []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			log.Printf("verify %s: %v", v.Path, err)
			v.Problems = append(v.Problems, "完整性检查无法进行："+reason.Of(err))
			break
		}
		found = append(found, line)
	}
	rows.Close()
	if len(found) > 0 && !(len(found) == 1 && found[0] == "ok") {
		log.Printf("verify %s: integrity_check: %s", v.Path, strings.Join(found, "; "))
	}
	for _, l := range reason.Integrity(found) {
		v.Problems = append(v.Problems, "损坏："+l)
	}

	version, err := checkSchema(ctx, conn)
	v.Version = version
	var serr *SchemaError
	switch {
	case errors.As(err, &serr):
		for _, d := range serr.Differences {
			v.Problems = append(v.Problems, "结构被改动："+d)
		}
	case errors.Is(err, ErrNotDatabase):
		v.Problems = append(v.Problems, ErrNotDatabase.Error())
		return
	case errors.Is(err, ErrNewerSchema):
		v.Problems = append(v.Problems, err.Error())
	case err != nil:
		log.Printf("verify %s: %v", v.Path, err)
		v.Problems = append(v.Problems, "无法读取数据文件的结构："+reason.Of(err))
	case version == 0:
		v.Problems = append(v.Problems, ErrNotDatabase.Error()+"（这是一个没有任何数据表的 SQLite 数据库）")
		return
	}

	var tables []string
	trows, err := conn.QueryContext(ctx, "SELECT name FROM sqlite_schema WHERE type = 'table'")
	if err == nil {
		for trows.Next() {
			var name string
			if trows.Scan(&name) == nil {
				tables = append(tables, name)
			}
		}
		trows.Close()
	}
	for _, c := range counted {
		if !contains(tables, c.table) {
			continue
		}
		var n int
		// The table names are our own constants.
		if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM "+c.table).Scan(&n); err != nil {
			v.Problems = append(v.Problems, fmt.Sprintf("无法读取%s：%s", c.label, reason.Of(err)))
			continue
		}
		v.Counts = append(v.Counts, RecordCount{Label: c.label, N: n})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
