package storage

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// The instructor's public key (设置 → 指导员): once a branch has loaded the
// key its instructor handed over, every data package it exports is
// encrypted to it. It is kept in the data file, so the command line's
// `package export` and a restored file use it too.

// InstructorKey is the key a branch encrypts its packages to.
type InstructorKey struct {
	Recipient  string // the age X25519 public key, "age1…"
	Instructor string // the instructor's name, as the key file gave it
	SetAt      time.Time
}

// migrateInstructorKey (schema version 6) adds the instructor's key.
func migrateInstructorKey(tx *gorm.DB, _ time.Time) error {
	return tx.Exec(schemaV6).Error
}

const schemaV6 = `
CREATE TABLE instructor_key (
	id         INTEGER PRIMARY KEY CHECK (id = 1),
	recipient  TEXT NOT NULL CHECK (recipient LIKE 'age1%'),
	instructor TEXT NOT NULL DEFAULT '',
	set_at     TEXT NOT NULL
);
`

type instructorKeyRow struct {
	ID         int `gorm:"primaryKey"`
	Recipient  string
	Instructor string
	SetAt      stamp
}

func (instructorKeyRow) TableName() string { return "instructor_key" }

// InstructorKey returns the instructor's key; ok is false when none is set.
func (s *Store) InstructorKey() (k InstructorKey, ok bool, err error) {
	var row instructorKeyRow
	err = s.db.Take(&row, 1).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		return InstructorKey{}, false, nil
	case err != nil:
		return InstructorKey{}, false, fail("读取指导员公钥", err)
	}
	return InstructorKey{Recipient: row.Recipient, Instructor: row.Instructor, SetAt: time.Time(row.SetAt)}, true, nil
}

// SetInstructorKey keeps k (checked by the caller: datapkg.ParsePublicKey)
// as the key packages are encrypted to, replacing any other.
func (s *Store) SetInstructorKey(k InstructorKey) error {
	if !strings.HasPrefix(k.Recipient, "age1") {
		return &userError{msg: "指导员公钥应以 age1 开头"}
	}
	row := instructorKeyRow{ID: 1, Recipient: k.Recipient, Instructor: k.Instructor, SetAt: stamp(s.clock())}
	err := s.db.Transaction(func(tx *gorm.DB) error { return tx.Save(&row).Error })
	return fail("保存指导员公钥", err)
}

// ClearInstructorKey forgets the instructor's key: packages are then
// unencrypted or protected with a passphrase.
func (s *Store) ClearInstructorKey() error {
	err := s.db.Transaction(func(tx *gorm.DB) error { return tx.Exec("DELETE FROM instructor_key").Error })
	if err != nil {
		return fail("移除指导员公钥", fmt.Errorf("%w", err))
	}
	return nil
}
