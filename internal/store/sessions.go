package store

import (
	"time"

	"github.com/alexedwards/scs/pgxstore"
	"github.com/alexedwards/scs/v2"
)

// SessionStore keeps signed-in sessions in the sessions table, so every
// server instance on the database shares them. cleanup is how often expired
// sessions are deleted; 0 never.
func (s *Store) SessionStore(cleanup time.Duration) scs.Store {
	return pgxstore.NewWithCleanupInterval(s.pool, cleanup)
}
