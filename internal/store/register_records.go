package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

// Classification returns the classification id of the enterprise, or
// model.ErrNotFound when the enterprise has none with that id.
func (s *Store) Classification(ctx context.Context, enterpriseID, id int64) (model.Classification, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+classificationColumns+` FROM classifications
		WHERE id = $1 AND enterprise_id = $2`, id, enterpriseID)
	c, err := pgx.CollectExactlyOneRow(rows, scanClassification)
	return c, wrap("classification "+idText(id), err)
}

// ClassificationByKey returns the enterprise's classification in category
// from validFrom (the key an import matches on), or model.ErrNotFound.
func (s *Store) ClassificationByKey(ctx context.Context, enterpriseID int64, category model.Category, validFrom time.Time) (model.Classification, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+classificationColumns+` FROM classifications
		WHERE enterprise_id = $1 AND category_code = $2 AND valid_from = $3`, enterpriseID, category, validFrom)
	c, err := pgx.CollectExactlyOneRow(rows, scanClassification)
	return c, wrap("classification by key", err)
}

// Figure returns the yearly figure id of the enterprise, or
// model.ErrNotFound when the enterprise has none with that id.
func (s *Store) Figure(ctx context.Context, enterpriseID, id int64) (model.Figure, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+figureColumns+` FROM enterprise_figures
		WHERE id = $1 AND enterprise_id = $2`, id, enterpriseID)
	f, err := pgx.CollectExactlyOneRow(rows, scanFigure)
	return f, wrap("figure "+idText(id), err)
}

// FigureByKey returns the enterprise's figure for year on basis (the key an
// import matches on), or model.ErrNotFound.
func (s *Store) FigureByKey(ctx context.Context, enterpriseID int64, year int, basis model.PriceBasis) (model.Figure, error) {
	return figureByKey(ctx, s.pool, enterpriseID, year, basis)
}

func figureByKey(ctx context.Context, q querier, enterpriseID int64, year int, basis model.PriceBasis) (model.Figure, error) {
	rows, _ := q.Query(ctx, `SELECT `+figureColumns+` FROM enterprise_figures
		WHERE enterprise_id = $1 AND year = $2 AND price_basis = $3`, enterpriseID, year, basis)
	f, err := pgx.CollectExactlyOneRow(rows, scanFigure)
	return f, wrap("figure by key", err)
}

// LastEditor returns the email of whoever last changed the record entity
// id according to the audit log, or "" when the system did or none is
// known, for saying who saved a version someone else's edit collided with.
func (s *Store) LastEditor(ctx context.Context, entity, id string) string {
	var email string
	err := s.pool.QueryRow(ctx, `SELECT coalesce(u.email, '') FROM audit_log a
		LEFT JOIN users u ON u.id = a.user_id WHERE a.entity = $1 AND a.entity_id = $2
		ORDER BY a.at DESC, a.id DESC LIMIT 1`, entity, id).Scan(&email)
	if err != nil {
		return ""
	}
	return email
}
