package storage

import (
	"database/sql"
	"fmt"
	"strings"
)

// SQLite reads the CHECK constraints of a file opened read-only as if
// there were none, so its integrity and quick checks of such a file do not
// find records against them. checkConstraints runs them as queries, one a
// table: the expressions are taken from the schema this app's migrations
// make for the file's version, which the schema check has just found the
// file's own schema equal to, never from the file.

// tableChecks are the CHECK expressions of one table.
type tableChecks struct {
	table string
	exprs []string
}

// checksOf is the CHECK constraints of every table of version's schema
// (found afresh each time: some microseconds).
func checksOf(version int) ([]tableChecks, error) {
	objects, err := expectedSchema(version)
	if err != nil {
		return nil, err
	}
	var out []tableChecks
	for _, o := range objects {
		if o.Type != "table" || strings.HasPrefix(o.Name, "sqlite_") {
			continue
		}
		exprs, err := checkExprs(o.SQL)
		if err != nil {
			return nil, fmt.Errorf("table %s: %w", o.Name, err)
		}
		if len(exprs) > 0 {
			out = append(out, tableChecks{table: o.Name, exprs: exprs})
		}
	}
	return out, nil
}

// checkExprs finds the expression of every CHECK (…) in a CREATE TABLE
// statement of ours, skipping string literals, quoted names and comments.
func checkExprs(ddl string) ([]string, error) {
	var out []string
	for i := 0; i < len(ddl); {
		switch c := ddl[i]; {
		case c == '\'' || c == '"' || c == '`':
			i = skipQuoted(ddl, i)
		case strings.HasPrefix(ddl[i:], "--"):
			if j := strings.IndexByte(ddl[i:], '\n'); j >= 0 {
				i += j + 1
			} else {
				i = len(ddl)
			}
		case strings.HasPrefix(ddl[i:], "/*"):
			if j := strings.Index(ddl[i+2:], "*/"); j >= 0 {
				i += j + 4
			} else {
				i = len(ddl)
			}
		case isKeyword(ddl, i, "CHECK"):
			j := i + 5
			for j < len(ddl) && (ddl[j] == ' ' || ddl[j] == '\t' || ddl[j] == '\n' || ddl[j] == '\r') {
				j++
			}
			if j >= len(ddl) || ddl[j] != '(' {
				return nil, fmt.Errorf("CHECK without ( at %d", i)
			}
			end, err := closingParen(ddl, j)
			if err != nil {
				return nil, err
			}
			out = append(out, strings.TrimSpace(ddl[j+1:end]))
			i = end + 1
		default:
			i++
		}
	}
	return out, nil
}

// closingParen is the index of the ) that closes the ( at open.
func closingParen(s string, open int) (int, error) {
	depth := 0
	for i := open; i < len(s); {
		switch s[i] {
		case '\'', '"', '`':
			i = skipQuoted(s, i)
			continue
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i, nil
			}
		}
		i++
	}
	return 0, fmt.Errorf("unbalanced ( at %d", open)
}

// skipQuoted is the index just past the quoted text starting at i (a
// doubled quote stands for itself).
func skipQuoted(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		if s[j] == q {
			if j+1 < len(s) && s[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(s)
}

func isWordChar(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// isKeyword reports whether the word kw (any case) starts at s[i].
func isKeyword(s string, i int, kw string) bool {
	end := i + len(kw)
	return end <= len(s) && strings.EqualFold(s[i:end], kw) &&
		(i == 0 || !isWordChar(s[i-1])) && (end == len(s) || !isWordChar(s[end]))
}

// checkConstraints refuses a file of version whose records break a CHECK
// constraint of their table: ErrConstraint naming the tables.
func checkConstraints(db *sql.DB, version int, path string) error {
	checks, err := checksOf(version)
	if err != nil {
		return err
	}
	var found []string
	for _, c := range checks {
		conds := make([]string, len(c.exprs))
		for i, e := range c.exprs {
			conds[i] = "NOT (" + e + ")"
		}
		var n int
		q := `SELECT count(*) FROM "` + c.table + `" WHERE ` + strings.Join(conds, " OR ")
		if err := db.QueryRow(q).Scan(&n); err != nil {
			return fmt.Errorf("check %s: %w", c.table, err)
		}
		if n > 0 {
			found = append(found, fmt.Sprintf("表 %s 中有 %d 条记录不符合约束", c.table, n))
		}
	}
	if len(found) == 0 {
		return nil
	}
	return constraintFindings(path, found)
}

// checkForeignKeys refuses a file with a record that points at one that is
// not there (an attendance of member 99999): ErrConstraint, naming the
// tables. SQLite's own check, over every foreign key of the schema.
func checkForeignKeys(db *sql.DB, path string) error {
	rows, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	defer rows.Close()
	type link struct{ table, parent string }
	var order []link
	count := map[link]int{}
	for rows.Next() {
		var l link
		var rowid, fkid sql.NullInt64
		if err := rows.Scan(&l.table, &rowid, &l.parent, &fkid); err != nil {
			return err
		}
		if count[l] == 0 {
			order = append(order, l)
		}
		count[l]++
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(order) == 0 {
		return nil
	}
	found := make([]string, len(order))
	for i, l := range order {
		found[i] = fmt.Sprintf("表 %s 中有 %d 条记录所指的 %s 记录不存在", l.table, count[l], l.parent)
	}
	return constraintFindings(path, found)
}
