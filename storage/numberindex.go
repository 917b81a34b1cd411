package storage

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// memberNumberIndex is the unique index on members' 公民身份号码 from schema
// version 12 on. memberNumberIndexSQL is its definition, written by
// migrateMemberNumberIndex and by every import that builds it again
// (rebuildNumberIndex): the schema check compares the text, so both must
// write the same. It is part of version 12 and never changes.
const (
	memberNumberIndex    = "members_id_number"
	memberNumberIndexSQL = "CREATE UNIQUE INDEX members_id_number ON members (id_number)"
)

// migrateMemberNumberIndex (schema version 12) moves the uniqueness of
// members' 公民身份号码 from the column's UNIQUE, whose index SQLite never
// lets go, to a named unique index (memberNumberIndex) that an import of
// thousands of members may drop and build again after its rows are in, in
// its transaction: sorting the numbers once costs far less than keeping the
// index in order row by row.
//
// SQLite cannot drop a column's UNIQUE, so the table is made again by
// SQLite's procedure for such changes: a new table, the rows copied with
// their ids, the old table dropped, the new one renamed. Dropping a table
// other tables refer to needs foreign keys off, which the migration runner
// sees to (withoutForeignKeys); every id is kept, so every reference holds.
// The trigger that refuses deletions goes with the old table and is made
// again, and the AUTOINCREMENT counter keeps its value.
func migrateMemberNumberIndex(tx *gorm.DB, _ time.Time) error {
	var before int64
	if err := tx.Raw("SELECT count(*) FROM members").Scan(&before).Error; err != nil {
		return fmt.Errorf("count members: %w", err)
	}
	var seq []int64
	if err := tx.Raw("SELECT seq FROM sqlite_sequence WHERE name = 'members'").Scan(&seq).Error; err != nil {
		return fmt.Errorf("read members' sequence: %w", err)
	}
	for _, stmt := range []string{
		membersV12,
		`INSERT INTO members_v12 (` + membersV12Columns + `) SELECT ` + membersV12Columns + ` FROM members`,
		`DROP TABLE members`,
		`ALTER TABLE members_v12 RENAME TO members`,
		memberNumberIndexSQL,
		`CREATE TRIGGER members_never_deleted BEFORE DELETE ON members
BEGIN SELECT RAISE(ABORT, 'members are never deleted'); END`,
		// Dropping members took its counter away; the copy's counter is
		// the highest id copied.
		`DELETE FROM sqlite_sequence WHERE name = 'members'`,
	} {
		if err := tx.Exec(stmt).Error; err != nil {
			return fmt.Errorf("rebuild members: %w", err)
		}
	}
	if len(seq) > 0 {
		if err := tx.Exec("INSERT INTO sqlite_sequence (name, seq) VALUES ('members', ?)", seq[0]).Error; err != nil {
			return fmt.Errorf("rebuild members: %w", err)
		}
	}
	var after int64
	if err := tx.Raw("SELECT count(*) FROM members").Scan(&after).Error; err != nil {
		return fmt.Errorf("count members: %w", err)
	}
	if after != before {
		return fmt.Errorf("rebuild members: %d members copied of %d", after, before)
	}
	return nil
}

// membersV12 is members as version 12 has it: the columns of version 5, in
// the same order, id_number without UNIQUE (memberNumberIndex instead).
const membersV12 = `CREATE TABLE members_v12 (
	id                 INTEGER PRIMARY KEY AUTOINCREMENT,
	name               TEXT NOT NULL,
	sex                TEXT NOT NULL,
	ethnicity          TEXT NOT NULL DEFAULT '',
	id_number          TEXT NOT NULL,
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
	updated_at         TEXT NOT NULL,
	arrived_on         TEXT
)`

const membersV12Columns = `id, name, sex, ethnicity, id_number, birth_date, education, category, branch_name,
	join_date, full_date, post, phone, address, standing, lost_contact, lost_since, mobile,
	mobile_destination, notes, on_roster, left_by, left_on, created_at, updated_at, arrived_on`
