package store

import (
	"bytes"
	"context"
	"errors"
	"sync"
	"time"

	"github.com/alexedwards/scs/pgxstore"
	"github.com/alexedwards/scs/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// SessionStore keeps signed-in sessions in the sessions table, so every
// server instance on the database shares them. cleanup is how often expired
// sessions are deleted; 0 never.
//
// With an idle timeout the session manager saves every session on every
// request only to push its expiry on; the store leaves out such a save when
// the data is what it read and the stored expiry is less than touchEvery
// behind, so a page costs one read rather than a read and a durable write.
// The idle timeout is then kept to within touchEvery.
func (s *Store) SessionStore(cleanup time.Duration) scs.Store {
	return &sessionStore{PostgresStore: pgxstore.NewWithCleanupInterval(s.pool, cleanup), db: s.pool, seen: map[string]seenSession{}}
}

// touchEvery is how far a session's stored expiry may lag behind.
const touchEvery = time.Minute

// maxSeen bounds the sessions remembered; past it the memory starts over.
const maxSeen = 100_000

type sessionStore struct {
	*pgxstore.PostgresStore
	db   *pgxpool.Pool
	mu   sync.Mutex
	seen map[string]seenSession // by token: what is stored, as last read or written
}

type seenSession struct {
	data   []byte
	expiry time.Time
	ended  bool // deleted: a save must not bring it back
}

// FindCtx reads the session and remembers it with its stored expiry.
func (s *sessionStore) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	var b []byte
	var expiry time.Time
	err := s.db.QueryRow(ctx, `SELECT data, expiry FROM sessions WHERE token = $1 AND current_timestamp < expiry`,
		token).Scan(&b, &expiry)
	if errors.Is(err, pgx.ErrNoRows) {
		// Ended or never ours: the manager starts a new session with a new
		// token, so no save of this one may insert it again.
		s.end(token)
		return nil, false, nil
	}
	if err != nil {
		s.forget(token)
		return nil, false, err
	}
	s.remember(token, b, expiry)
	return b, true, nil
}

// CommitCtx saves the session unless only its expiry moved, by less than
// touchEvery, since it was last read or saved here.
//
// A session read here is saved by UPDATE alone, so a request that loaded
// it before it was ended (signing out, here or on another instance)
// cannot write it back: the row is gone and stays gone. Only a session
// never read here, a new one, is inserted. (Were the memory of sessions
// read to overflow between a request's read and its save, that one save
// would insert; it takes maxSeen sessions at once.)
func (s *sessionStore) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	s.mu.Lock()
	old, known := s.seen[token]
	s.mu.Unlock()
	if known && !old.ended && bytes.Equal(old.data, b) && !expiry.Before(old.expiry) && expiry.Sub(old.expiry) < touchEvery {
		return nil
	}
	var err error
	if known {
		var tag pgconn.CommandTag
		tag, err = s.db.Exec(ctx, `UPDATE sessions SET data = $2, expiry = $3 WHERE token = $1`, token, b, expiry)
		if err == nil && tag.RowsAffected() == 0 {
			s.end(token) // ended meanwhile: it stays ended
			return nil
		}
	} else {
		_, err = s.db.Exec(ctx, `INSERT INTO sessions (token, data, expiry) VALUES ($1, $2, $3)
			ON CONFLICT (token) DO UPDATE SET data = EXCLUDED.data, expiry = EXCLUDED.expiry`, token, b, expiry)
	}
	if err != nil {
		s.forget(token)
		return err
	}
	s.remember(token, b, expiry)
	return nil
}

// DeleteCtx deletes the session, and remembers it as ended so that no save
// here brings it back.
func (s *sessionStore) DeleteCtx(ctx context.Context, token string) error {
	s.end(token)
	_, err := s.db.Exec(ctx, `DELETE FROM sessions WHERE token = $1`, token)
	return err
}

// AllCtx lists the live sessions.
func (s *sessionStore) AllCtx(context.Context) (map[string][]byte, error) { return s.All() }

func (s *sessionStore) Find(token string) ([]byte, bool, error) {
	return s.FindCtx(context.Background(), token)
}

func (s *sessionStore) Commit(token string, b []byte, expiry time.Time) error {
	return s.CommitCtx(context.Background(), token, b, expiry)
}

func (s *sessionStore) Delete(token string) error { return s.DeleteCtx(context.Background(), token) }

func (s *sessionStore) remember(token string, b []byte, expiry time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.seen) >= maxSeen {
		clear(s.seen)
	}
	s.seen[token] = seenSession{data: bytes.Clone(b), expiry: expiry}
}

// end remembers token as a session that has ended.
func (s *sessionStore) end(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.seen) >= maxSeen {
		clear(s.seen)
	}
	s.seen[token] = seenSession{ended: true}
}

func (s *sessionStore) forget(token string) {
	s.mu.Lock()
	delete(s.seen, token)
	s.mu.Unlock()
}
