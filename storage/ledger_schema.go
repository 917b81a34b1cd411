package storage

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// migrateLedger (schema version 5) adds what makes the checks true on a
// branch's first day in the app: the date each member came onto this roster,
// the month the dues ledger begins (建账月份) and each member's opening dues
// position (党费已交至).
//
// Existing members get as their arrival the date of their latest 转入 or
// 恢复党籍 if they have one, else the day they were added or imported (the
// date of created_at, in the zone it was written in): the same rule the app
// applies from now on, so that a roster imported into a file whose records
// began years earlier is not flagged for the years before the import.
//
// An existing file's ledger begins in the month its first base was entered
// (the default for new files too); a file without bases begins none until
// its first base is saved or the secretary sets the month.
func migrateLedger(tx *gorm.DB, now time.Time) error {
	if err := tx.Exec(schemaV5).Error; err != nil {
		return fmt.Errorf("create ledger tables: %w", err)
	}
	err := tx.Exec(`UPDATE members SET arrived_on = coalesce(
		(SELECT max(date) FROM member_events e WHERE e.member_id = members.id AND e.kind IN ('转入', '恢复党籍')),
		substr(created_at, 1, 10))`).Error
	if err != nil {
		return fmt.Errorf("set arrival dates: %w", err)
	}
	return tx.Exec(`INSERT INTO dues_setup (id, ledger_start, updated_at)
		VALUES (1, (SELECT substr(min(created_at), 1, 7) FROM dues_bases), ?)`, stamp(now)).Error
}

// schemaV5 is what version 5 adds. dues_setup holds the branch's 建账月份
// ("2006-01", NULL until known). dues_openings holds a member's 党费已交至
// ("2006-01"): a setting of the ledger, changed or cleared when it was
// entered wrong, every change kept in the member's history
// (member_changes, field 党费已交至).
const schemaV5 = `
ALTER TABLE members ADD COLUMN arrived_on TEXT;

CREATE TABLE dues_setup (
	id           INTEGER PRIMARY KEY CHECK (id = 1),
	ledger_start TEXT CHECK (ledger_start IS NULL OR length(ledger_start) = 7),
	updated_at   TEXT NOT NULL
);

CREATE TABLE dues_openings (
	member_id  INTEGER PRIMARY KEY REFERENCES members(id),
	paid_to    TEXT NOT NULL CHECK (length(paid_to) = 7),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
`

// migrateLedgerSetUp (schema version 8) records the month the dues ledger
// was set up in the app (dues_setup.set_up, "2006-01"), apart from the
// 建账月份 the secretary may move back: the months between the two that
// have no payment are 待补录, never arrears. Existing files take the month
// their first base was entered, or, without bases, the month their 建账月份
// was last saved; a file whose ledger has not begun keeps NULL until it
// begins.
func migrateLedgerSetUp(tx *gorm.DB, _ time.Time) error {
	if err := tx.Exec(`ALTER TABLE dues_setup ADD COLUMN set_up TEXT CHECK (set_up IS NULL OR length(set_up) = 7)`).Error; err != nil {
		return fmt.Errorf("add ledger set-up month: %w", err)
	}
	return tx.Exec(`UPDATE dues_setup SET set_up = coalesce(
		(SELECT substr(min(created_at), 1, 7) FROM dues_bases), substr(updated_at, 1, 7))
		WHERE ledger_start IS NOT NULL`).Error
}
