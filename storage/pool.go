package storage

import (
	"context"
	"database/sql"

	"branchledger/storage/internal/sqlstmt"

	"gorm.io/gorm"
)

// pool is the store's one connection as GORM sees it. It does two things
// for every transaction and write, whoever wrote the code that makes it:
//
//   - After a transaction that did not commit, it makes SQLite finish the
//     rollback at once (see Store.settle). SQLite otherwise leaves it to the
//     next read after an I/O error such as a full disk, and an app that exits
//     first leaves a data file that is only consistent together with its
//     journal.
//   - Before the first write it waits for the full integrity check (see
//     Store.checkBeforeWrite), so nothing is written into a file whose
//     indexes are damaged.
type pool struct {
	*sql.DB
	s *Store
}

// BeginTx hides *sql.DB's: GORM then uses the transactions pool makes.
func (p *pool) BeginTx(ctx context.Context, opts *sql.TxOptions) (gorm.ConnPool, error) {
	tx, err := p.DB.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &poolTx{Tx: tx, s: p.s}, nil
}

// GetDBConn lets gorm.DB.DB() reach the *sql.DB.
func (p *pool) GetDBConn() (*sql.DB, error) { return p.DB, nil }

func (p *pool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if sqlstmt.IsWrite(query) {
		if err := p.s.checkBeforeWrite(ctx, nil); err != nil {
			return nil, err
		}
	}
	res, err := p.DB.ExecContext(ctx, query, args...)
	if err != nil && sqlstmt.IsWrite(query) {
		// A statement outside a transaction is a transaction of its own.
		p.s.settle()
	}
	return res, err
}

func (p *pool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if sqlstmt.IsWrite(query) { // INSERT … RETURNING
		if err := p.s.checkBeforeWrite(ctx, nil); err != nil {
			return nil, err
		}
	}
	return p.DB.QueryContext(ctx, query, args...)
}

// poolTx is a transaction made by pool.
type poolTx struct {
	*sql.Tx
	s *Store
}

func (t *poolTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if sqlstmt.IsWrite(query) {
		if err := t.s.checkBeforeWrite(ctx, t.Tx); err != nil {
			return nil, err
		}
	}
	return t.Tx.ExecContext(ctx, query, args...)
}

func (t *poolTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if sqlstmt.IsWrite(query) {
		if err := t.s.checkBeforeWrite(ctx, t.Tx); err != nil {
			return nil, err
		}
	}
	return t.Tx.QueryContext(ctx, query, args...)
}

func (t *poolTx) Commit() error {
	err := t.Tx.Commit()
	if err != nil {
		// A failed COMMIT may leave SQLite's transaction open on the
		// connection, which database/sql takes back all the same.
		t.s.sql.Exec("ROLLBACK")
		t.s.settle()
	}
	return err
}

func (t *poolTx) Rollback() error {
	err := t.Tx.Rollback()
	t.s.settle()
	return err
}
