package store

import (
	"context"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

// appendAudit records one change in the same transaction as the change, so
// the log and the data never disagree. by is the user's id, 0 for the
// system (seeding, the command line).
func appendAudit(ctx context.Context, q querier, by int64, action, entity, id string, details map[string]any) error {
	if details == nil {
		details = map[string]any{}
	}
	_, err := q.Exec(ctx, `INSERT INTO audit_log (user_id, action, entity, entity_id, details)
		VALUES ($1, $2, $3, $4, $5)`, nullID(by), action, entity, id, details)
	return err
}

// AppendAudit records an event that is not itself a change of a record,
// such as an import or a sign-in.
func (s *Store) AppendAudit(ctx context.Context, by int64, action, entity, id string, details map[string]any) error {
	return wrap("append audit", appendAudit(ctx, s.pool, by, action, entity, id, details))
}

// AuditFor lists the history of one record, newest first, at most limit
// entries.
func (s *Store) AuditFor(ctx context.Context, entity, id string, limit int) ([]model.AuditEntry, error) {
	rows, _ := s.pool.Query(ctx, `SELECT id, at, user_id, action, entity, entity_id, details
		FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY at DESC, id DESC LIMIT $3`,
		entity, id, limit)
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.AuditEntry, error) {
		var a model.AuditEntry
		err := r.Scan(&a.ID, &a.At, &a.UserID, &a.Action, &a.Entity, &a.EntityID, &a.Details)
		return a, err
	})
	return out, wrap("audit", err)
}
