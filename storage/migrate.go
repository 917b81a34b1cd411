package storage

import (
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"branchledger/model"
)

// migration brings the schema from version-1 to version. The schema of each
// version is fixed forever by its DDL here (no AutoMigrate), because files of
// every version stay in use on secretaries' laptops and USB sticks. A later
// feature adds a migration; it never edits an earlier one.
type migration struct {
	version int
	name    string
	up      func(tx *gorm.DB, now time.Time) error
}

// migrations are in version order, with no gaps (a test checks).
var migrations = []migration{
	{1, "花名册", migrateRoster},
	{2, "党费", migrateDues},
	{3, "活动记录", migrateActivities},
	{4, "发展党员", migrateRecruits},
	{5, "党费建账与到本支部日期", migrateLedger},
	{6, "指导员公钥", migrateInstructorKey},
	{7, "组织关系转接与流动党员", migrateTransfers},
	{8, "党费建账时间", migrateLedgerSetUp},
	{9, "发展党员书面意见与预计离开日期", migrateRecruitVoteAndLeave},
	{10, "介绍信起始编号", migrateLetterNumbering},
	{11, "介绍信起始编号的年份范围", migrateLetterNumberingRange},
	{12, "身份号码唯一索引", migrateMemberNumberIndex},
	{13, "支部党员大会应到实到按记录", migrateAttendanceVotes},
}

// withoutForeignKeys are the migrations that make again a table other
// tables refer to: SQLite drops such a table only with foreign keys off,
// which cannot change inside a transaction, so the runner turns them off
// around the migration's. Each such migration keeps every id.
var withoutForeignKeys = map[int]bool{12: true}

func latestVersion() int { return migrations[len(migrations)-1].version }

// migrate runs, each in its own transaction together with the bump of
// user_version, the migrations after version. A migration that fails leaves
// the file at the version before it.
func (s *Store) migrate(version int) error {
	for _, m := range migrations {
		if m.version <= version {
			continue
		}
		now := s.clock()
		if withoutForeignKeys[m.version] {
			if err := s.db.Exec("PRAGMA foreign_keys = OFF").Error; err != nil {
				return fmt.Errorf("升级数据文件（第%d版：%s）失败，文件保持原样：%s：%w", m.version, m.name, s.path, err)
			}
		}
		err := s.db.Transaction(func(tx *gorm.DB) error {
			if err := m.up(tx, now); err != nil {
				return err
			}
			// PRAGMA takes no bound parameters; the version is our own integer.
			return tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.version)).Error
		})
		if withoutForeignKeys[m.version] {
			if ferr := s.db.Exec("PRAGMA foreign_keys = ON").Error; ferr != nil {
				return fmt.Errorf("升级数据文件（第%d版：%s）后恢复外键检查失败：%s：%w", m.version, m.name, s.path, errors.Join(err, ferr))
			}
		}
		if err != nil {
			return fmt.Errorf("升级数据文件（第%d版：%s）失败，文件保持原样：%s：%w", m.version, m.name, s.path, err)
		}
	}
	return nil
}

// backup takes an automatic backup (BackupsDir) before an upgrade, through
// VACUUM INTO on the connection that holds the file's lock.
func (s *Store) backup() error {
	if _, err := s.WriteBackup(BackupUpgrade); err != nil {
		said := fmt.Errorf("升级数据文件前备份失败，文件保持原样：%w", err)
		if why, ok := model.SentenceOf(err); ok {
			// A screen says a Text alone (kit.SayErr): it must carry
			// the lead too.
			return &model.TextError{Kind: said, Text: model.Textf("升级数据文件前备份失败，文件保持原样：%s", why), Bare: true}
		}
		return said
	}
	return nil
}

// migrateRoster creates the branch and its roster (schema version 1). The
// branch gets its UUID here, once: it identifies the branch for good.
func migrateRoster(tx *gorm.DB, now time.Time) error {
	if err := tx.Exec(schemaV1).Error; err != nil {
		return fmt.Errorf("create tables: %w", err)
	}
	id, err := uuid.NewRandom()
	if err != nil {
		return fmt.Errorf("make branch uuid: %w", err)
	}
	b := branchRow{ID: 1, UUID: id.String(), CreatedAt: stamp(now), UpdatedAt: stamp(now)}
	if err := tx.Create(&b).Error; err != nil {
		return fmt.Errorf("create branch: %w", err)
	}
	return tx.Exec(fmt.Sprintf("PRAGMA application_id = %d", appID)).Error
}

// schemaV1 is the schema of version 1. Dates are TEXT "2006-01-02" or
// "2006-01" (model.Date), NULL when unknown; instants are TEXT in stampLayout.
// Members, their events and their changes are never deleted: the triggers
// refuse it even if a bug or a later feature tries.
const schemaV1 = `
CREATE TABLE branch (
	id               INTEGER PRIMARY KEY CHECK (id = 1),
	uuid             TEXT NOT NULL,
	org_name         TEXT NOT NULL DEFAULT '',
	org_type         TEXT NOT NULL DEFAULT '',
	org_address      TEXT NOT NULL DEFAULT '',
	employee_count   INTEGER NOT NULL DEFAULT 0,
	branch_name      TEXT NOT NULL DEFAULT '',
	branch_type      TEXT NOT NULL DEFAULT '',
	founded_on       TEXT,
	secretary        TEXT NOT NULL DEFAULT '',
	term_start       TEXT,
	term_end         TEXT,
	instructor_name  TEXT NOT NULL DEFAULT '',
	instructor_phone TEXT NOT NULL DEFAULT '',
	contact_name     TEXT NOT NULL DEFAULT '',
	contact_phone    TEXT NOT NULL DEFAULT '',
	created_at       TEXT NOT NULL,
	updated_at       TEXT NOT NULL
);
CREATE TRIGGER branch_uuid_fixed BEFORE UPDATE OF uuid ON branch
WHEN NEW.uuid IS NOT OLD.uuid
BEGIN SELECT RAISE(ABORT, 'the branch uuid never changes'); END;

CREATE TABLE committee_members (
	id         INTEGER PRIMARY KEY,
	branch_id  INTEGER NOT NULL DEFAULT 1 REFERENCES branch(id),
	seat       INTEGER NOT NULL CHECK (seat >= 1),
	name       TEXT NOT NULL,
	role       TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (branch_id, seat)
);

CREATE TABLE members (
	id                 INTEGER PRIMARY KEY AUTOINCREMENT,
	name               TEXT NOT NULL,
	sex                TEXT NOT NULL,
	ethnicity          TEXT NOT NULL DEFAULT '',
	id_number          TEXT NOT NULL UNIQUE,
	birth_date         TEXT,
	education          TEXT NOT NULL DEFAULT '',
	category           TEXT NOT NULL,
	branch_name        TEXT NOT NULL DEFAULT '',
	join_date          TEXT,
	full_date          TEXT,
	post               TEXT NOT NULL DEFAULT '',
	phone              TEXT NOT NULL DEFAULT '',
	address            TEXT NOT NULL DEFAULT '',
	standing           TEXT NOT NULL,
	lost_contact       INTEGER NOT NULL DEFAULT 0 CHECK (lost_contact IN (0, 1)),
	lost_since         TEXT,
	mobile             INTEGER NOT NULL DEFAULT 0 CHECK (mobile IN (0, 1)),
	mobile_destination TEXT NOT NULL DEFAULT '',
	notes              TEXT NOT NULL DEFAULT '',
	on_roster          INTEGER NOT NULL DEFAULT 1 CHECK (on_roster IN (0, 1)),
	left_by            TEXT NOT NULL DEFAULT '',
	left_on            TEXT,
	created_at         TEXT NOT NULL,
	updated_at         TEXT NOT NULL
);
CREATE TRIGGER members_never_deleted BEFORE DELETE ON members
BEGIN SELECT RAISE(ABORT, 'members are never deleted'); END;

CREATE TABLE member_events (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	member_id  INTEGER NOT NULL REFERENCES members(id),
	kind       TEXT NOT NULL,
	date       TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX member_events_member ON member_events (member_id, date);
CREATE TRIGGER member_events_never_deleted BEFORE DELETE ON member_events
BEGIN SELECT RAISE(ABORT, 'member events are never deleted'); END;

CREATE TABLE imports (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	source     TEXT NOT NULL,
	at         TEXT NOT NULL,
	added      INTEGER NOT NULL,
	updated    INTEGER NOT NULL,
	unchanged  INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);

CREATE TABLE member_changes (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	member_id  INTEGER NOT NULL REFERENCES members(id),
	field      TEXT NOT NULL,
	old_value  TEXT NOT NULL,
	new_value  TEXT NOT NULL,
	at         TEXT NOT NULL,
	source     TEXT NOT NULL,
	import_id  INTEGER REFERENCES imports(id),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX member_changes_member ON member_changes (member_id);
CREATE INDEX member_changes_import ON member_changes (import_id);
CREATE TRIGGER member_changes_never_deleted BEFORE DELETE ON member_changes
BEGIN SELECT RAISE(ABORT, 'member changes are never deleted'); END;
`
