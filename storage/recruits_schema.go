package storage

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// migrateRecruits adds the recruiting pipeline (发展党员) and the user's own
// holiday days (schema version 4).
func migrateRecruits(tx *gorm.DB, _ time.Time) error {
	if err := tx.Exec(schemaRecruits).Error; err != nil {
		return fmt.Errorf("create recruiting tables: %w", err)
	}
	return nil
}

// migrateRecruitVoteAndLeave (schema version 9) adds what 2026 §18 and
// §20 of 《中国共产党发展党员工作细则》 need (RULES.md §3a): the written
// opinions (书面意见) of absent voting members on a person, yes and no,
// counted in the vote of the general meeting the step links, and the day
// a person is expected to leave the unit (预计离开本单位日期; NULL when not
// known). Existing rows have no written opinions and no leave date.
func migrateRecruitVoteAndLeave(tx *gorm.DB, _ time.Time) error {
	for _, stmt := range []string{
		`ALTER TABLE recruit_steps ADD COLUMN written_yes INTEGER NOT NULL DEFAULT 0 CHECK (written_yes >= 0)`,
		`ALTER TABLE recruit_steps ADD COLUMN written_no INTEGER NOT NULL DEFAULT 0 CHECK (written_no >= 0)`,
		`ALTER TABLE recruits ADD COLUMN leave_date TEXT`,
	} {
		if err := tx.Exec(stmt).Error; err != nil {
			return fmt.Errorf("add written opinions and leave date: %w", err)
		}
	}
	return nil
}

// schemaRecruits is what the recruiting migration adds. A person in the
// pipeline is never deleted: the record proves how a member was admitted.
// Each step's record is a row of recruit_steps, unique by step and seq (seq
// tells apart the half-yearly reviews and the second 转正 meeting after an
// extension); an edit rewrites the row and keeps the old text in
// recruit_changes, which is never rewritten or deleted. people_ids are the
// roster members named (mentors, sponsors), comma-separated; archived the
// documents put in the archive, one a line. start_date and end_date are the
// training period or the public notice. activity_id links the meeting
// record the step was decided at. member_id is the roster member the person
// became on approval. holidays are the days the user added to the official
// calendar in 设置 (a year the app does not ship with, or a correction).
const schemaRecruits = `
CREATE TABLE recruits (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	name        TEXT NOT NULL,
	sex         TEXT NOT NULL,
	id_number   TEXT NOT NULL UNIQUE,
	birth_date  TEXT,
	ethnicity   TEXT NOT NULL DEFAULT '',
	education   TEXT NOT NULL DEFAULT '',
	post        TEXT NOT NULL DEFAULT '',
	phone       TEXT NOT NULL DEFAULT '',
	notes       TEXT NOT NULL DEFAULT '',
	member_id   INTEGER REFERENCES members(id),
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);
CREATE TRIGGER recruits_never_deleted BEFORE DELETE ON recruits
BEGIN SELECT RAISE(ABORT, 'people in the recruiting pipeline are never deleted'); END;

CREATE TABLE recruit_steps (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	recruit_id  INTEGER NOT NULL REFERENCES recruits(id),
	step        INTEGER NOT NULL CHECK (step BETWEEN 1 AND 25),
	seq         INTEGER NOT NULL DEFAULT 1 CHECK (seq >= 1),
	date        TEXT,
	start_date  TEXT,
	end_date    TEXT,
	hours       INTEGER NOT NULL DEFAULT 0 CHECK (hours >= 0),
	people      TEXT NOT NULL DEFAULT '',
	people_ids  TEXT NOT NULL DEFAULT '',
	method      TEXT NOT NULL DEFAULT '',
	document    TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT '',
	activity_id INTEGER REFERENCES activities(id),
	outcome     TEXT NOT NULL DEFAULT '',
	months      INTEGER NOT NULL DEFAULT 0 CHECK (months >= 0),
	archived    TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	UNIQUE (recruit_id, step, seq)
);
CREATE INDEX recruit_steps_activity ON recruit_steps (activity_id);

CREATE TABLE recruit_attachments (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	step_id     INTEGER NOT NULL REFERENCES recruit_steps(id),
	name        TEXT NOT NULL,
	type        TEXT NOT NULL CHECK (type IN ('jpg', 'png', 'pdf')),
	size        INTEGER NOT NULL,
	data        BLOB NOT NULL,
	created_at  TEXT NOT NULL
);
CREATE INDEX recruit_attachments_step ON recruit_attachments (step_id);
CREATE TRIGGER recruit_attachments_never_deleted BEFORE DELETE ON recruit_attachments
BEGIN SELECT RAISE(ABORT, 'attachments are never deleted'); END;

CREATE TABLE recruit_changes (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	recruit_id  INTEGER NOT NULL REFERENCES recruits(id),
	field       TEXT NOT NULL,
	old_value   TEXT NOT NULL,
	new_value   TEXT NOT NULL,
	source      TEXT NOT NULL,
	at          TEXT NOT NULL
);
CREATE INDEX recruit_changes_recruit ON recruit_changes (recruit_id);
CREATE TRIGGER recruit_changes_never_deleted BEFORE DELETE ON recruit_changes
BEGIN SELECT RAISE(ABORT, 'recruiting changes are never deleted'); END;
CREATE TRIGGER recruit_changes_never_updated BEFORE UPDATE ON recruit_changes
BEGIN SELECT RAISE(ABORT, 'recruiting changes are never rewritten'); END;

CREATE TABLE holidays (
	date        TEXT PRIMARY KEY,
	kind        TEXT NOT NULL CHECK (kind IN ('放假', '上班')),
	name        TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL
);
`
