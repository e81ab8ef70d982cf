package store

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

const userColumns = `id, email, name, role, password_hash, disabled_at, created_at,
	last_login_at, session_epoch, must_change_password, coalesce(lang, ''), version`

func scanUser(r pgx.CollectableRow) (model.User, error) {
	var u model.User
	err := r.Scan(userDest(&u)...)
	return u, err
}

// userDest is where the columns of userColumns are read into.
func userDest(u *model.User) []any {
	return []any{&u.ID, &u.Email, &u.Name, &u.Role, &u.PasswordHash, &u.DisabledAt, &u.CreatedAt,
		&u.LastLoginAt, &u.SessionEpoch, &u.MustChangePassword, &u.Lang, &u.Version}
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
		rows, _ := tx.Query(ctx, `INSERT INTO users (email, name, role, password_hash, must_change_password)
			VALUES ($1, $2, $3, $4, $5) RETURNING `+userColumns, u.Email, u.Name, u.Role, u.PasswordHash, u.MustChangePassword)
		got, err := pgx.CollectExactlyOneRow(rows, scanUser)
		if err != nil {
			return err
		}
		*u = got
		return appendAudit(ctx, tx, by, "create", "user", idText(u.ID), map[string]any{"email": u.Email, "role": u.Role})
	})
	return wrap("create user", err)
}

// SetUserLang remembers the interface language the user chose. It is a
// preference, not a change of the account: no version, no audit entry.
func (s *Store) SetUserLang(ctx context.Context, id int64, lang model.Lang) error {
	tag, err := s.pool.Exec(ctx, `UPDATE users SET lang = $2 WHERE id = $1`, id, string(lang))
	if err == nil && tag.RowsAffected() == 0 {
		err = model.ErrNotFound
	}
	return wrap("set user language", err)
}

// User returns the user with id, or model.ErrNotFound.
func (s *Store) User(ctx context.Context, id int64) (model.User, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id)
	u, err := pgx.CollectExactlyOneRow(rows, scanUser)
	return u, wrap("user", err)
}

// UserAndRegisterVersion returns the user with id, or model.ErrNotFound,
// and the register's version (RegisterVersion) read with it: what a signed-in
// request needs from the database before it starts, in one round trip.
func (s *Store) UserAndRegisterVersion(ctx context.Context, id int64) (model.User, int64, error) {
	var version int64
	var u model.User
	err := s.pool.QueryRow(ctx, `SELECT `+userColumns+`, (SELECT version FROM register_state) FROM users WHERE id = $1`, id).
		Scan(append(userDest(&u), &version)...)
	return u, version, wrap("user", err)
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
// of the user ends, and mustChange says the user must replace it (it is a
// first password someone else chose).
func (s *Store) SetPassword(ctx context.Context, id int64, hash string, endSessions, mustChange bool, by int64) error {
	return s.updateUser(ctx, id, by, "set_password", map[string]any{"ended_sessions": endSessions},
		`UPDATE users SET password_hash = $2, must_change_password = $4,
			session_epoch = session_epoch + CASE WHEN $3 THEN 1 ELSE 0 END,
			version = version + 1, updated_at = now() WHERE id = $1`, hash, endSessions, mustChange)
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

// RecordLogin notes a successful sign-in and clears the failures of the
// email from that address.
func (s *Store) RecordLogin(ctx context.Context, u model.User, addr string) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE users SET last_login_at = now() WHERE id = $1`, u.ID); err != nil {
			return err
		}
		if err := clearLoginFailures(ctx, tx, u.Email, addr); err != nil {
			return err
		}
		return appendAudit(ctx, tx, u.ID, "login", "user", idText(u.ID), map[string]any{"addr": addr})
	})
	return wrap("record login", err)
}

// ClearLoginFailures forgets the failed attempts of email from addr.
func (s *Store) ClearLoginFailures(ctx context.Context, email, addr string) error {
	return wrap("clear login failures", clearLoginFailures(ctx, s.pool, email, addr))
}

func clearLoginFailures(ctx context.Context, q querier, email, addr string) error {
	_, err := q.Exec(ctx, `DELETE FROM login_failures WHERE email = lower($1) AND addr = $2`, email, addr)
	return err
}

// LoginWait decides how long a caller must wait before another attempt,
// from the failures so far for an email from one address, the time of the
// last one, and the failures for the email from every address in the last
// hour.
type LoginWait func(failures int, last time.Time, lastHour int) time.Duration

// ReserveLoginAttempt counts an attempt to prove the password of email
// from addr as failed before the password is checked (a success clears it
// again), so parallel guesses cannot slip past the delay. When wait says
// the caller must wait, nothing is counted and the wait is returned.
func (s *Store) ReserveLoginAttempt(ctx context.Context, email, addr string, wait LoginWait) (time.Duration, error) {
	var d time.Duration
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		// Failures a day old no longer slow anyone down; forget them.
		if _, err := tx.Exec(ctx, `DELETE FROM login_failures WHERE last_failed_at < now() - interval '1 day'`); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO login_failures (email, addr, failures, last_failed_at)
			VALUES (lower($1), $2, 0, now()) ON CONFLICT DO NOTHING`, email, addr); err != nil {
			return err
		}
		var n, hour int
		var last time.Time
		if err := tx.QueryRow(ctx, `SELECT failures, last_failed_at,
				(SELECT coalesce(sum(failures), 0) FROM login_failures
					WHERE email = lower($1) AND last_failed_at > now() - interval '1 hour')::int
			FROM login_failures WHERE email = lower($1) AND addr = $2 FOR UPDATE`, email, addr).Scan(&n, &last, &hour); err != nil {
			return err
		}
		if d = wait(n, last, hour); d > 0 {
			return nil
		}
		_, err := tx.Exec(ctx, `UPDATE login_failures SET failures = failures + 1, last_failed_at = now()
			WHERE email = lower($1) AND addr = $2`, email, addr)
		return err
	})
	return d, wrap("reserve login attempt", err)
}

// LoginFailures says how many attempts for email from addr failed in a row
// and when the last did (0 when none).
func (s *Store) LoginFailures(ctx context.Context, email, addr string) (int, time.Time, error) {
	var n int
	var last time.Time
	err := s.pool.QueryRow(ctx, `SELECT failures, last_failed_at FROM login_failures
		WHERE email = lower($1) AND addr = $2`, email, addr).Scan(&n, &last)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, time.Time{}, nil
	}
	return n, last, wrap("login failures", err)
}

// RecordLoginFailure logs a failed sign-in (already counted by
// ReserveLoginAttempt). userID is 0 when no account has the email.
func (s *Store) RecordLoginFailure(ctx context.Context, email string, userID int64, addr string) error {
	return wrap("record login failure", appendAudit(ctx, s.pool, 0, "login_failed", "user", idTextOrEmpty(userID),
		map[string]any{"email": email, "addr": addr}))
}

// updateUser runs one UPDATE of a user and logs it in the same transaction.
// A change that would leave no active administrator is undone and
// reported as model.ErrLastAdmin.
func (s *Store) updateUser(ctx context.Context, id, by int64, action string, details map[string]any, sql string, args ...any) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		before, err := activeAdmins(ctx, tx, true)
		if err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, sql, append([]any{id}, args...)...)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return model.ErrNotFound
		}
		after, err := activeAdmins(ctx, tx, false)
		if err != nil {
			return err
		}
		if before > 0 && after == 0 {
			return model.ErrLastAdmin
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

// activeAdmins counts the administrators who can sign in; with lock, it
// locks them first so concurrent changes to administrators take turns.
func activeAdmins(ctx context.Context, tx pgx.Tx, lock bool) (int, error) {
	if lock {
		if _, err := tx.Exec(ctx, `SELECT id FROM users WHERE role = 'admin' FOR UPDATE`); err != nil {
			return 0, err
		}
	}
	var n int
	err := tx.QueryRow(ctx, `SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL`).Scan(&n)
	return n, err
}
