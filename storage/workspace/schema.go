package workspace

import (
	"database/sql"
	"fmt"
	"sync"
	"time"

	"github.com/glebarez/sqlite"
	"github.com/google/uuid"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"branchledger/storage"
)

// appID marks a workspace file (PRAGMA application_id): "ZBZD", for 支部
// 指导. branchAppID is a branch's data file ("ZBTZ", storage's), told apart
// so that the message can say which file was chosen.
const (
	appID       = 0x5A425A44
	branchAppID = 0x5A42545A
)

// migration brings the workspace's schema from version-1 to version; once
// released, a version's DDL is fixed forever, as for the branch's file.
type migration struct {
	version int
	name    string
	up      func(tx *gorm.DB, now time.Time) error
}

var migrations = []migration{
	{1, "指导员工作台", migrateV1},
	{2, "问题清单的多语言文字", migrateV2},
	{3, "自愿多交", migrateV3},
	{4, "单位名录按信用代码查找", migrateV4},
	{5, "数据包各表记录数", migrateV5},
}

func latestVersion() int { return migrations[len(migrations)-1].version }

func (w *Workspace) migrate(version int) error {
	for _, m := range migrations {
		if m.version <= version {
			continue
		}
		now := w.Now()
		err := w.db.Transaction(func(tx *gorm.DB) error {
			if err := m.up(tx, now); err != nil {
				return err
			}
			return tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.version)).Error
		})
		if err != nil {
			return fmt.Errorf("升级工作台文件（第%d版：%s）失败，文件保持原样：%s：%w", m.version, m.name, w.path, err)
		}
	}
	return nil
}

func migrateV1(tx *gorm.DB, now time.Time) error {
	if err := tx.Exec(schemaV1).Error; err != nil {
		return fmt.Errorf("create workspace tables: %w", err)
	}
	id, err := uuid.NewRandom()
	if err != nil {
		return err
	}
	if err := tx.Exec("INSERT INTO workspace (id, uuid, created_at, updated_at) VALUES (1, ?, ?, ?)",
		id.String(), stamp(now), stamp(now)).Error; err != nil {
		return err
	}
	return tx.Exec(fmt.Sprintf("PRAGMA application_id = %d", appID)).Error
}

// migrateV2 keeps each finding's sentence as its format and arguments
// (text.go) beside the Chinese message, so that the workspace says it in
// the UI language; findings imported before keep their message only.
func migrateV2(tx *gorm.DB, _ time.Time) error {
	return tx.Exec("ALTER TABLE branch_findings ADD COLUMN text TEXT NOT NULL DEFAULT ''").Error
}

// migrateV3 keeps each branch's voluntary extra dues of the year (自愿多交),
// which its collection (本年收缴) includes and its register's months do
// not; branches imported before hold 0 until their next package.
func migrateV3(tx *gorm.DB, _ time.Time) error {
	return tx.Exec("ALTER TABLE branches ADD COLUMN dues_extra INTEGER NOT NULL DEFAULT 0").Error
}

// migrateV4 indexes the organisations' credit codes: saving one looks for
// another organisation with its code, and without the index each look read
// the whole list, so that importing a list of n rows took n² (review s5-11
// attack #12: 12 000 rows took 16.6 CPU-s).
func migrateV4(tx *gorm.DB, _ time.Time) error {
	return tx.Exec("CREATE INDEX orgs_credit_code ON orgs (credit_code)").Error
}

// migrateV5 keeps the record counts of each branch's package (its
// manifest's, as JSON), so that a later snapshot with fewer records in a
// table the branch never deletes from is seen to come from an older copy
// of the data file (see lostRecords); branches imported before hold ”
// until their next package.
func migrateV5(tx *gorm.DB, _ time.Time) error {
	return tx.Exec("ALTER TABLE branches ADD COLUMN counts TEXT NOT NULL DEFAULT ''").Error
}

// schemaV1 is the workspace of version 1. Dates are TEXT "2006-01-02",
// instants TEXT in stampLayout, money INTEGER 分. A branch's rows hang off
// its row in branches and go with it (ON DELETE CASCADE) when a newer
// snapshot replaces them.
const schemaV1 = `
CREATE TABLE workspace (
	id             INTEGER PRIMARY KEY CHECK (id = 1),
	uuid           TEXT NOT NULL,
	instructor     TEXT NOT NULL DEFAULT '',
	area           TEXT NOT NULL DEFAULT '',
	coverage_rules TEXT NOT NULL DEFAULT '',
	public_key     TEXT NOT NULL DEFAULT '',
	private_key    BLOB,
	key_created_at TEXT,
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL
);

CREATE TABLE branches (
	id             INTEGER PRIMARY KEY AUTOINCREMENT,
	uuid           TEXT NOT NULL,
	org_name       TEXT NOT NULL,
	branch_name    TEXT NOT NULL,
	branch_type    TEXT NOT NULL DEFAULT '',
	secretary      TEXT NOT NULL DEFAULT '',
	term_end       TEXT,
	snapshot_at    TEXT NOT NULL,
	snapshot_on    TEXT NOT NULL,
	app_version    TEXT NOT NULL,
	schema_version INTEGER NOT NULL,
	db_sha256      TEXT NOT NULL,
	package_file   TEXT NOT NULL,
	imported_at    TEXT NOT NULL,
	year           INTEGER NOT NULL,
	full_members   INTEGER NOT NULL,
	probationary   INTEGER NOT NULL,
	slots_due      INTEGER NOT NULL,
	slots_held     INTEGER NOT NULL,
	slots_missing  INTEGER NOT NULL,
	life_warn      INTEGER NOT NULL,
	life_serious   INTEGER NOT NULL,
	dues_warn      INTEGER NOT NULL,
	dues_serious   INTEGER NOT NULL,
	dues_due       INTEGER NOT NULL,
	dues_paid      INTEGER NOT NULL,
	serious        INTEGER NOT NULL,
	warnings       INTEGER NOT NULL,
	infos          INTEGER NOT NULL,
	setup          TEXT NOT NULL DEFAULT '',
	failed         TEXT NOT NULL DEFAULT '',
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL
);
CREATE INDEX branches_uuid ON branches (uuid);

CREATE TABLE branch_findings (
	branch_id INTEGER NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
	seq       INTEGER NOT NULL,
	severity  INTEGER NOT NULL,
	topic     INTEGER NOT NULL,
	message   TEXT NOT NULL,
	PRIMARY KEY (branch_id, seq)
);

CREATE TABLE branch_members (
	branch_id    INTEGER NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
	member_id    INTEGER NOT NULL,
	name         TEXT NOT NULL,
	sex          TEXT NOT NULL,
	ethnicity    TEXT NOT NULL,
	id_number    TEXT NOT NULL,
	birth_date   TEXT,
	education    TEXT NOT NULL,
	category     TEXT NOT NULL,
	join_date    TEXT,
	full_date    TEXT,
	post         TEXT NOT NULL,
	phone        TEXT NOT NULL,
	standing     TEXT NOT NULL,
	lost_contact INTEGER NOT NULL,
	mobile       INTEGER NOT NULL,
	on_roster    INTEGER NOT NULL,
	left_by      TEXT NOT NULL,
	left_on      TEXT,
	arrived_on   TEXT,
	PRIMARY KEY (branch_id, member_id)
);
CREATE INDEX branch_members_id_number ON branch_members (id_number);

CREATE TABLE branch_activities (
	branch_id   INTEGER NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
	activity_id INTEGER NOT NULL,
	kind        TEXT NOT NULL,
	date        TEXT NOT NULL,
	topic       TEXT NOT NULL,
	due         INTEGER NOT NULL,
	present     INTEGER NOT NULL,
	on_leave    INTEGER NOT NULL,
	inquorate   INTEGER NOT NULL,
	PRIMARY KEY (branch_id, activity_id)
);

CREATE TABLE branch_slots (
	branch_id INTEGER NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
	seq       INTEGER NOT NULL,
	kind      TEXT NOT NULL,
	period    INTEGER NOT NULL,
	idx       INTEGER NOT NULL,
	required  INTEGER NOT NULL,
	held      INTEGER NOT NULL,
	status    INTEGER NOT NULL,
	PRIMARY KEY (branch_id, seq)
);

CREATE TABLE branch_dues (
	branch_id INTEGER NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
	seq       INTEGER NOT NULL,
	member_id INTEGER NOT NULL,
	name      TEXT NOT NULL,
	category  TEXT NOT NULL,
	base      TEXT NOT NULL,
	rate      TEXT NOT NULL,
	monthly   INTEGER NOT NULL,
	months    TEXT NOT NULL,
	year_due  INTEGER NOT NULL,
	year_paid INTEGER NOT NULL,
	note      TEXT NOT NULL,
	PRIMARY KEY (branch_id, seq)
);

CREATE TABLE branch_dues_months (
	branch_id INTEGER NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
	month     INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
	paid      INTEGER NOT NULL,
	PRIMARY KEY (branch_id, month)
);

CREATE TABLE branch_quarters (
	branch_id INTEGER NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
	quarter   INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
	collected INTEGER NOT NULL,
	remitted  INTEGER NOT NULL,
	PRIMARY KEY (branch_id, quarter)
);

CREATE TABLE orgs (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	name         TEXT NOT NULL,
	credit_code  TEXT NOT NULL DEFAULT '',
	type         TEXT NOT NULL,
	scale        TEXT NOT NULL DEFAULT '',
	staff        INTEGER NOT NULL DEFAULT 0,
	full_members INTEGER NOT NULL DEFAULT 0,
	coverage     TEXT NOT NULL,
	reason       TEXT NOT NULL DEFAULT '',
	work         TEXT NOT NULL DEFAULT '',
	instructor   TEXT NOT NULL DEFAULT '',
	notes        TEXT NOT NULL DEFAULT '',
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX orgs_name ON orgs (name);

CREATE TABLE branch_orgs (
	branch_id INTEGER NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
	org_id    INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
	PRIMARY KEY (branch_id, org_id)
);
CREATE INDEX branch_orgs_org ON branch_orgs (org_id);

CREATE TABLE imports (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	at         TEXT NOT NULL,
	file       TEXT NOT NULL,
	outcome    TEXT NOT NULL,
	branch_id  INTEGER,
	message    TEXT NOT NULL DEFAULT ''
);
`

// expected caches, per version, an in-memory database the migrations made.
var expected struct {
	sync.Mutex
	dbs map[int]*sql.DB
}

// checkSchema compares db's schema with what the migrations make at version.
func checkSchema(db *sql.DB, version int) ([]string, error) {
	expected.Lock()
	defer expected.Unlock()
	want, ok := expected.dbs[version]
	if !ok {
		var err error
		if want, err = migrateInMemory(version); err != nil {
			return nil, err
		}
		if expected.dbs == nil {
			expected.dbs = map[int]*sql.DB{}
		}
		expected.dbs[version] = want
	}
	return storage.SchemaDiff(db, want)
}

// migrateInMemory runs the migrations up to version on a database in memory.
func migrateInMemory(version int) (*sql.DB, error) {
	sqlDB, err := sql.Open(sqlite.DriverName, ":memory:")
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(1) // each connection to :memory: is another database
	sqlDB.SetConnMaxLifetime(0)
	sqlDB.SetConnMaxIdleTime(0)
	db, err := gorm.Open(&sqlite.Dialector{Conn: sqlDB}, &gorm.Config{SkipDefaultTransaction: true, Logger: logger.Default.LogMode(logger.Silent)})
	if err != nil {
		sqlDB.Close()
		return nil, err
	}
	for _, m := range migrations {
		if m.version > version {
			break
		}
		if err := db.Transaction(func(tx *gorm.DB) error { return m.up(tx, time.Now()) }); err != nil {
			sqlDB.Close()
			return nil, fmt.Errorf("准备工作台文件结构（第%d版）失败：%w", m.version, err)
		}
	}
	return sqlDB, nil
}
