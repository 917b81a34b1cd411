package storage

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// migrateTransfers adds transfers with their letters, the mobile-member and
// inflow-member registers, and inflow members' attendance at activities.
func migrateTransfers(tx *gorm.DB, now time.Time) error {
	if err := tx.Exec(schemaTransfers).Error; err != nil {
		return fmt.Errorf("create transfer tables: %w", err)
	}
	return tx.Exec("INSERT INTO transfer_setup (id, updated_at) VALUES (1, ?)", stamp(now)).Error
}

// migrateLetterNumbering (schema version 10) adds where a year's letter
// numbering starts: a branch that issued letters on paper that year
// continues after them. The next number is the larger of this and the
// year's highest number used plus one; it never goes back.
func migrateLetterNumbering(tx *gorm.DB, _ time.Time) error {
	err := tx.Exec(`CREATE TABLE letter_numbering (
	year  INTEGER PRIMARY KEY CHECK (year BETWEEN 1921 AND 9999),
	next  INTEGER NOT NULL CHECK (next >= 1)
)`).Error
	if err != nil {
		return fmt.Errorf("create letter_numbering: %w", err)
	}
	return nil
}

// migrateLetterNumberingRange (schema version 11) gives letter_numbering
// the range the app itself keeps: a year of records (model.FirstRecordYear
// to model.LastRecordYear) and a next number of 1 to model.MaxLetterNumber.
// Version 10 checked 1921–9999 for the year and only next ≥ 1. SQLite
// cannot change a CHECK, so the table is made again; a row the app could
// never have written (outside those ranges) is not carried over.
func migrateLetterNumberingRange(tx *gorm.DB, _ time.Time) error {
	for _, stmt := range []string{
		`CREATE TABLE letter_numbering_v11 (
	year  INTEGER PRIMARY KEY CHECK (year BETWEEN 1949 AND 2200),
	next  INTEGER NOT NULL CHECK (next BETWEEN 1 AND 9999)
)`,
		`INSERT INTO letter_numbering_v11 (year, next)
	SELECT year, next FROM letter_numbering WHERE year BETWEEN 1949 AND 2200 AND next BETWEEN 1 AND 9999`,
		`DROP TABLE letter_numbering`,
		`ALTER TABLE letter_numbering_v11 RENAME TO letter_numbering`,
	} {
		if err := tx.Exec(stmt).Error; err != nil {
			return fmt.Errorf("rebuild letter_numbering: %w", err)
		}
	}
	return nil
}

// schemaTransfers is what the transfer migration adds.
//
// transfer_letters are the letters this branch issued (党员组织关系介绍信),
// numbered per year; the member's particulars are kept as the letter
// printed them. A letter is never deleted and its year and number never
// change, so a number is never given twice, even after the letter is
// withdrawn (作废): its paper stub is in the branch's files. The receipt
// (回执) and the withdrawal are set once and never rewritten.
//
// transfer_ins are incoming letters (转入) as they read: the sender's
// number, the dues paid up to (党费交至) and the member's category.
//
// mobile_members is the 流动党员登记表, one row per stay away; mobile_reports
// the member's reports to the branch while away. inflow_members is the
// 流入党员登记表: members of other organisations taking part here, not on the
// roster; activity_guests are those who attended an activity (non-voting,
// never counted in 应到 or 实到).
//
// transfer_setup holds the sending committee's details printed on the
// letter when they differ from the profile (the 基层党委 that stamps the
// letter, its address, phone, fax and postcode), and the 套打 offset for
// printing on pre-printed forms, in tenths of a millimetre.
const schemaTransfers = `
CREATE TABLE transfer_letters (
	id               INTEGER PRIMARY KEY AUTOINCREMENT,
	year             INTEGER NOT NULL,
	number           INTEGER NOT NULL CHECK (number >= 1),
	member_id        INTEGER NOT NULL REFERENCES members(id),
	name             TEXT NOT NULL,
	sex              TEXT NOT NULL,
	age              INTEGER NOT NULL,
	ethnicity        TEXT NOT NULL DEFAULT '',
	category         TEXT NOT NULL,
	id_number        TEXT NOT NULL,
	phone            TEXT NOT NULL DEFAULT '',
	from_org         TEXT NOT NULL,
	to_org           TEXT NOT NULL,
	to_committee     TEXT NOT NULL DEFAULT '',
	reason           TEXT NOT NULL DEFAULT '',
	date             TEXT NOT NULL,
	valid_days       INTEGER NOT NULL CHECK (valid_days >= 1),
	paid_to          TEXT NOT NULL CHECK (length(paid_to) = 7),
	receipt_date     TEXT,
	receipt_org      TEXT NOT NULL DEFAULT '',
	receipt_handler  TEXT NOT NULL DEFAULT '',
	withdrawn_on     TEXT,
	withdrawn_reason TEXT NOT NULL DEFAULT '',
	created_at       TEXT NOT NULL,
	updated_at       TEXT NOT NULL,
	UNIQUE (year, number)
);
CREATE INDEX transfer_letters_member ON transfer_letters (member_id);
CREATE TRIGGER transfer_letters_never_deleted BEFORE DELETE ON transfer_letters
BEGIN SELECT RAISE(ABORT, 'transfer letters are never deleted'); END;
CREATE TRIGGER transfer_letters_number_fixed BEFORE UPDATE OF year, number ON transfer_letters
WHEN NEW.year IS NOT OLD.year OR NEW.number IS NOT OLD.number
BEGIN SELECT RAISE(ABORT, 'a letter keeps its number'); END;
CREATE TRIGGER transfer_letters_closed_once BEFORE UPDATE OF receipt_date, withdrawn_on ON transfer_letters
WHEN OLD.receipt_date IS NOT NULL OR OLD.withdrawn_on IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a received or withdrawn letter stays so'); END;

CREATE TABLE transfer_ins (
	id             INTEGER PRIMARY KEY AUTOINCREMENT,
	member_id      INTEGER NOT NULL REFERENCES members(id),
	name           TEXT NOT NULL,
	letter_number  TEXT NOT NULL,
	from_org       TEXT NOT NULL,
	from_committee TEXT NOT NULL DEFAULT '',
	letter_date    TEXT,
	date           TEXT NOT NULL,
	paid_to        TEXT NOT NULL CHECK (length(paid_to) = 7),
	category       TEXT NOT NULL,
	handler        TEXT NOT NULL DEFAULT '',
	note           TEXT NOT NULL DEFAULT '',
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL
);
CREATE INDEX transfer_ins_member ON transfer_ins (member_id);
CREATE TRIGGER transfer_ins_never_deleted BEFORE DELETE ON transfer_ins
BEGIN SELECT RAISE(ABORT, 'incoming letters are never deleted'); END;

CREATE TABLE mobile_members (
	id             INTEGER PRIMARY KEY AUTOINCREMENT,
	member_id      INTEGER NOT NULL REFERENCES members(id),
	left_on        TEXT NOT NULL,
	destination    TEXT NOT NULL,
	reason         TEXT NOT NULL DEFAULT '',
	card_number    TEXT NOT NULL DEFAULT '',
	card_reviewed  TEXT,
	contact        TEXT NOT NULL DEFAULT '',
	host_org       TEXT NOT NULL DEFAULT '',
	planned_return TEXT,
	returned_on    TEXT,
	no_transfer    TEXT NOT NULL DEFAULT '',
	note           TEXT NOT NULL DEFAULT '',
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL
);
CREATE INDEX mobile_members_member ON mobile_members (member_id);
CREATE TRIGGER mobile_members_never_deleted BEFORE DELETE ON mobile_members
BEGIN SELECT RAISE(ABORT, 'mobile-member entries are never deleted'); END;

CREATE TABLE mobile_reports (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	mobile_id  INTEGER NOT NULL REFERENCES mobile_members(id),
	date       TEXT NOT NULL,
	way        TEXT NOT NULL DEFAULT '',
	content    TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL
);
CREATE INDEX mobile_reports_mobile ON mobile_reports (mobile_id);
CREATE TRIGGER mobile_reports_never_deleted BEFORE DELETE ON mobile_reports
BEGIN SELECT RAISE(ABORT, 'reports are never deleted'); END;

CREATE TABLE inflow_members (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	name        TEXT NOT NULL,
	sex         TEXT NOT NULL,
	id_number   TEXT NOT NULL DEFAULT '',
	phone       TEXT NOT NULL DEFAULT '',
	home_org    TEXT NOT NULL,
	category    TEXT NOT NULL,
	card_number TEXT NOT NULL DEFAULT '',
	arrived_on  TEXT NOT NULL,
	left_on     TEXT,
	workplace   TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);
CREATE TRIGGER inflow_members_never_deleted BEFORE DELETE ON inflow_members
BEGIN SELECT RAISE(ABORT, 'inflow members are never deleted'); END;

CREATE TABLE activity_guests (
	activity_id INTEGER NOT NULL REFERENCES activities(id),
	inflow_id   INTEGER NOT NULL REFERENCES inflow_members(id),
	name        TEXT NOT NULL,
	PRIMARY KEY (activity_id, inflow_id)
);
CREATE INDEX activity_guests_inflow ON activity_guests (inflow_id);

CREATE TABLE transfer_setup (
	id          INTEGER PRIMARY KEY CHECK (id = 1),
	committee   TEXT NOT NULL DEFAULT '',
	address     TEXT NOT NULL DEFAULT '',
	phone       TEXT NOT NULL DEFAULT '',
	fax         TEXT NOT NULL DEFAULT '',
	postcode    TEXT NOT NULL DEFAULT '',
	offset_x    INTEGER NOT NULL DEFAULT 0,
	offset_y    INTEGER NOT NULL DEFAULT 0,
	updated_at  TEXT NOT NULL
);
`
