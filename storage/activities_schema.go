package storage

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// migrateActivities adds activity records, their attendance, resolutions,
// attachments and change history, the year's plans, and the branch's meeting
// set-up (schema version 3).
func migrateActivities(tx *gorm.DB, now time.Time) error {
	if err := tx.Exec(schemaV3).Error; err != nil {
		return fmt.Errorf("create activity tables: %w", err)
	}
	return tx.Exec("INSERT INTO meeting_setup (id, updated_at) VALUES (1, ?)", stamp(now)).Error
}

// schemaV3 is what version 3 adds. An activity record, its attachments and
// its change history are never deleted: a record is evidence of a meeting,
// and the triggers refuse a delete even if a bug or a later feature tries.
// Attendance and resolution rows are the record's current form; an edit
// replaces them and keeps the old text in activity_changes. A resolution
// marked election needs more than four fifths of the voting members present.
// Attachments are BLOBs in the file itself, so a record travels with the data
// file. Plans are intentions, not records, and may be removed. meeting_setup
// holds what decides which meeting frequencies apply: whether the branch has
// party groups (党小组), and the locally set 党课 frequency (0 per term: the
// rule's).
const schemaV3 = `
CREATE TABLE activities (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	kind        TEXT NOT NULL,
	year        INTEGER NOT NULL,
	seq         INTEGER NOT NULL CHECK (seq >= 1),
	date        TEXT NOT NULL,
	start_time  TEXT NOT NULL DEFAULT '',
	end_time    TEXT NOT NULL DEFAULT '',
	place       TEXT NOT NULL DEFAULT '',
	topic       TEXT NOT NULL DEFAULT '',
	chair       TEXT NOT NULL DEFAULT '',
	recorder    TEXT NOT NULL DEFAULT '',
	observers   TEXT NOT NULL DEFAULT '',
	content     TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	UNIQUE (year, kind, seq)
);
CREATE INDEX activities_date ON activities (date);
CREATE TRIGGER activities_never_deleted BEFORE DELETE ON activities
BEGIN SELECT RAISE(ABORT, 'activity records are never deleted'); END;
CREATE TRIGGER activities_created_fixed BEFORE UPDATE OF created_at ON activities
WHEN NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'when a record was entered never changes'); END;

CREATE TABLE activity_attendance (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	activity_id INTEGER NOT NULL REFERENCES activities(id),
	position    INTEGER NOT NULL,
	member_id   INTEGER NOT NULL REFERENCES members(id),
	name        TEXT NOT NULL,
	status      TEXT NOT NULL CHECK (status IN ('出席', '请假', '缺席')),
	reason      TEXT NOT NULL DEFAULT '',
	UNIQUE (activity_id, member_id)
);
CREATE INDEX activity_attendance_member ON activity_attendance (member_id);

CREATE TABLE activity_resolutions (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	activity_id INTEGER NOT NULL REFERENCES activities(id),
	position    INTEGER NOT NULL,
	text        TEXT NOT NULL,
	voted       INTEGER NOT NULL DEFAULT 0 CHECK (voted IN (0, 1)),
	yes         INTEGER NOT NULL DEFAULT 0 CHECK (yes >= 0),
	no          INTEGER NOT NULL DEFAULT 0 CHECK (no >= 0),
	abstain     INTEGER NOT NULL DEFAULT 0 CHECK (abstain >= 0),
	election    INTEGER NOT NULL DEFAULT 0 CHECK (election IN (0, 1)),
	UNIQUE (activity_id, position)
);

CREATE TABLE activity_attachments (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	activity_id INTEGER NOT NULL REFERENCES activities(id),
	name        TEXT NOT NULL,
	type        TEXT NOT NULL CHECK (type IN ('jpg', 'png', 'pdf')),
	size        INTEGER NOT NULL,
	data        BLOB NOT NULL,
	created_at  TEXT NOT NULL
);
CREATE INDEX activity_attachments_activity ON activity_attachments (activity_id);
CREATE TRIGGER activity_attachments_never_deleted BEFORE DELETE ON activity_attachments
BEGIN SELECT RAISE(ABORT, 'attachments are never deleted'); END;

CREATE TABLE activity_changes (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	activity_id INTEGER NOT NULL REFERENCES activities(id),
	field       TEXT NOT NULL,
	old_value   TEXT NOT NULL,
	new_value   TEXT NOT NULL,
	at          TEXT NOT NULL
);
CREATE INDEX activity_changes_activity ON activity_changes (activity_id);
CREATE TRIGGER activity_changes_never_deleted BEFORE DELETE ON activity_changes
BEGIN SELECT RAISE(ABORT, 'activity changes are never deleted'); END;
CREATE TRIGGER activity_changes_never_updated BEFORE UPDATE ON activity_changes
BEGIN SELECT RAISE(ABORT, 'activity changes are never rewritten'); END;

CREATE TABLE activity_plans (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	year        INTEGER NOT NULL,
	month       INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
	kind        TEXT NOT NULL,
	topic       TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);
CREATE INDEX activity_plans_year ON activity_plans (year, month);

CREATE TABLE meeting_setup (
	id                INTEGER PRIMARY KEY CHECK (id = 1),
	has_groups        INTEGER NOT NULL DEFAULT 0 CHECK (has_groups IN (0, 1)),
	lecture_period    INTEGER NOT NULL DEFAULT 1 CHECK (lecture_period BETWEEN 0 AND 2),
	lectures_per_term INTEGER NOT NULL DEFAULT 0 CHECK (lectures_per_term >= 0),
	updated_at        TEXT NOT NULL
);
`
