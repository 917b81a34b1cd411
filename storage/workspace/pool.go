package workspace

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"branchledger/storage/internal/sqlstmt"

	"gorm.io/gorm"
)

// pool is the workspace's one connection as GORM sees it. Before the first
// write of a session, whoever makes it (an import, the organisation list,
// the key, a migration), it waits for SQLite's full integrity check, as the
// branch's data file does (storage's pool): quick_check at open does not
// read the indexes, and a write into a damaged index spreads the damage.
// After a failed check every write is refused with its sentence.
type pool struct {
	*sql.DB
	w *Workspace
}

// BeginTx hides *sql.DB's: GORM then uses the transactions pool makes.
func (p *pool) BeginTx(ctx context.Context, opts *sql.TxOptions) (gorm.ConnPool, error) {
	tx, err := p.DB.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &poolTx{Tx: tx, w: p.w}, nil
}

// GetDBConn lets gorm.DB.DB() reach the *sql.DB.
func (p *pool) GetDBConn() (*sql.DB, error) { return p.DB, nil }

func (p *pool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if isWrite(query) {
		if err := p.w.checkBeforeWrite(ctx, p.DB); err != nil {
			return nil, err
		}
	}
	return p.DB.ExecContext(ctx, query, args...)
}

func (p *pool) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	if isWrite(query) {
		if err := p.w.checkBeforeWrite(ctx, p.DB); err != nil {
			return nil, err
		}
	}
	return p.DB.PrepareContext(ctx, query)
}

func (p *pool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if isWrite(query) { // INSERT … RETURNING, as GORM creates rows
		if err := p.w.checkBeforeWrite(ctx, p.DB); err != nil {
			return nil, err
		}
	}
	return p.DB.QueryContext(ctx, query, args...)
}

// poolTx is a transaction made by pool: the check runs on it, since it
// holds the only connection.
type poolTx struct {
	*sql.Tx
	w *Workspace
}

func (t *poolTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if isWrite(query) {
		if err := t.w.checkBeforeWrite(ctx, t.Tx); err != nil {
			return nil, err
		}
	}
	return t.Tx.ExecContext(ctx, query, args...)
}

func (t *poolTx) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	if isWrite(query) {
		if err := t.w.checkBeforeWrite(ctx, t.Tx); err != nil {
			return nil, err
		}
	}
	return t.Tx.PrepareContext(ctx, query)
}

func (t *poolTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if isWrite(query) {
		if err := t.w.checkBeforeWrite(ctx, t.Tx); err != nil {
			return nil, err
		}
	}
	return t.Tx.QueryContext(ctx, query, args...)
}

// isWrite reports whether a statement changes the file: those of
// sqlstmt.IsWrite and a PRAGMA that sets a value.
func isWrite(query string) bool {
	if sqlstmt.IsWrite(query) {
		return true
	}
	q := strings.TrimLeft(query, " \t\r\n(")
	return strings.HasPrefix(strings.ToUpper(q), "PRAGMA") && strings.Contains(q, "=")
}

// querier is the connection or a transaction holding it.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// checkBeforeWrite runs SQLite's full integrity check on q the first time
// it is asked in this session and returns its result then and after.
func (w *Workspace) checkBeforeWrite(ctx context.Context, q querier) error {
	w.checkMu.Lock()
	defer w.checkMu.Unlock()
	if w.checked {
		return w.checkErr
	}
	w.checkErr = w.integrity(ctx, q)
	w.checked = true
	return w.checkErr
}

// CheckBeforeWrite runs the full check that every write waits for now, so
// that a damaged workspace is said once before an import of many packages
// rather than once for each of them: nil for a sound file, an ErrDamaged
// sentence naming it otherwise.
func (w *Workspace) CheckBeforeWrite() error {
	return w.checkBeforeWrite(context.Background(), w.sql)
}

// integrity runs PRAGMA integrity_check, which also reads every index.
func (w *Workspace) integrity(ctx context.Context, q querier) error {
	rows, err := q.QueryContext(ctx, "PRAGMA integrity_check(4)")
	if err != nil {
		return w.openError(err)
	}
	defer rows.Close()
	var found []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return w.openError(err)
		}
		found = append(found, s)
	}
	if err := rows.Err(); err != nil {
		return w.openError(err)
	}
	if len(found) == 1 && found[0] == "ok" {
		return nil
	}
	return fmt.Errorf("%w：%s（%s）", ErrDamaged, w.path, strings.Join(found, "；"))
}
