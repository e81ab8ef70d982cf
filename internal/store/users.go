package store

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

const userColumns = `id, email, name, role, password_hash, disabled_at, created_at,
	last_login_at, session_epoch, version`

func scanUser(r pgx.CollectableRow) (model.User, error) {
	var u model.User
	err := r.Scan(&u.ID, &u.Email, &u.Name, &u.Role, &u.PasswordHash, &u.DisabledAt, &u.CreatedAt,
		&u.LastLoginAt, &u.SessionEpoch, &u.Version)
	return u, err
}

// CreateUser stores a new user whose password is already hashed. A taken
// email (in any letter case) is model.ErrConflict.
func (s *Store) CreateUser(ctx context.Context, u *model.User, by int64) error {
	email, err := model.NormalizeEmail(u.Email)
	if err != nil {
		v := &model.ValidationError{}
		v.AddErr("email", err)
		return v
	}
	if !u.Role.Valid() {
		v := &model.ValidationError{}
		v.Add("role", "role", string(u.Role))
		return v
	}
	u.Email = email
	err = s.inTx(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `INSERT INTO users (email, name, role, password_hash)
			VALUES ($1, $2, $3, $4) RETURNING `+userColumns, u.Email, u.Name, u.Role, u.PasswordHash)
		got, err := pgx.CollectExactlyOneRow(rows, scanUser)
		if err != nil {
			return err
		}
		*u = got
		return appendAudit(ctx, tx, by, "create", "user", idText(u.ID), map[string]any{"email": u.Email, "role": u.Role})
	})
	return wrap("create user", err)
}

// User returns the user with id, or model.ErrNotFound.
func (s *Store) User(ctx context.Context, id int64) (model.User, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id)
	u, err := pgx.CollectExactlyOneRow(rows, scanUser)
	return u, wrap("user", err)
}

// UserByEmail returns the user with the email in any letter case, or
// model.ErrNotFound.
func (s *Store) UserByEmail(ctx context.Context, email string) (model.User, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+userColumns+` FROM users WHERE lower(email) = lower($1)`, email)
	u, err := pgx.CollectExactlyOneRow(rows, scanUser)
	return u, wrap("user", err)
}

// Users lists every user by email.
func (s *Store) Users(ctx context.Context) ([]model.User, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+userColumns+` FROM users ORDER BY lower(email)`)
	out, err := pgx.CollectRows(rows, scanUser)
	return out, wrap("users", err)
}

// CountUsers counts every user, disabled ones too.
func (s *Store) CountUsers(ctx context.Context) (int64, error) {
	var n int64
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM users`).Scan(&n)
	return n, wrap("count users", err)
}

// SetRole changes a user's role.
func (s *Store) SetRole(ctx context.Context, id int64, role model.Role, by int64) error {
	if !role.Valid() {
		v := &model.ValidationError{}
		v.Add("role", "role", string(role))
		return v
	}
	return s.updateUser(ctx, id, by, "set_role", map[string]any{"role": role},
		`UPDATE users SET role = $2, version = version + 1, updated_at = now() WHERE id = $1`, role)
}

// SetPassword stores a new password hash; with endSessions every session
// of the user ends.
func (s *Store) SetPassword(ctx context.Context, id int64, hash string, endSessions bool, by int64) error {
	return s.updateUser(ctx, id, by, "set_password", map[string]any{"ended_sessions": endSessions},
		`UPDATE users SET password_hash = $2,
			session_epoch = session_epoch + CASE WHEN $3 THEN 1 ELSE 0 END,
			version = version + 1, updated_at = now() WHERE id = $1`, hash, endSessions)
}

// SetDisabled disables a user, ending every session at once, or enables
// one again.
func (s *Store) SetDisabled(ctx context.Context, id int64, disabled bool, by int64) error {
	action := "enable"
	if disabled {
		action = "disable"
	}
	return s.updateUser(ctx, id, by, action, nil,
		`UPDATE users SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) END,
			session_epoch = session_epoch + CASE WHEN $2 THEN 1 ELSE 0 END,
			version = version + 1, updated_at = now() WHERE id = $1`, disabled)
}

// EndSessions ends every session of a user; they must sign in again.
func (s *Store) EndSessions(ctx context.Context, id int64, by int64) error {
	return s.updateUser(ctx, id, by, "end_sessions", nil,
		`UPDATE users SET session_epoch = session_epoch + 1, updated_at = now() WHERE id = $1`)
}

// RecordLogin notes a successful sign-in and clears the email's failures.
func (s *Store) RecordLogin(ctx context.Context, u model.User, addr string) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE users SET last_login_at = now() WHERE id = $1`, u.ID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM login_failures WHERE email = lower($1)`, u.Email); err != nil {
			return err
		}
		return appendAudit(ctx, tx, u.ID, "login", "user", idText(u.ID), map[string]any{"addr": addr})
	})
	return wrap("record login", err)
}

// LoginFailures says how many sign-ins in a row failed for email (whether
// or not an account has it) and when the last one did.
func (s *Store) LoginFailures(ctx context.Context, email string) (int, time.Time, error) {
	var n int
	var last time.Time
	err := s.pool.QueryRow(ctx, `SELECT failures, last_failed_at FROM login_failures WHERE email = lower($1)`, email).Scan(&n, &last)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, time.Time{}, nil
	}
	return n, last, wrap("login failures", err)
}

// RecordLoginFailure counts one more failed sign-in for email and logs it.
// userID is 0 when no account has the email.
func (s *Store) RecordLoginFailure(ctx context.Context, email string, userID int64, addr string) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		// Failures a day old no longer slow anyone down; forget them.
		if _, err := tx.Exec(ctx, `DELETE FROM login_failures WHERE last_failed_at < now() - interval '1 day'`); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO login_failures (email, failures, last_failed_at)
			VALUES (lower($1), 1, now()) ON CONFLICT (email) DO UPDATE
			SET failures = login_failures.failures + 1, last_failed_at = now()`, email); err != nil {
			return err
		}
		return appendAudit(ctx, tx, 0, "login_failed", "user", idTextOrEmpty(userID), map[string]any{"email": email, "addr": addr})
	})
	return wrap("record login failure", err)
}

// updateUser runs one UPDATE of a user and logs it in the same transaction.
func (s *Store) updateUser(ctx context.Context, id, by int64, action string, details map[string]any, sql string, args ...any) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, sql, append([]any{id}, args...)...)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return model.ErrNotFound
		}
		return appendAudit(ctx, tx, by, action, "user", idText(id), details)
	})
	return wrap(action, err)
}

func idTextOrEmpty(id int64) string {
	if id == 0 {
		return ""
	}
	return idText(id)
}
