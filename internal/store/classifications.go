package store

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

const classificationColumns = `id, enterprise_id, category_code, coalesce(product_group, ''),
	valid_from, valid_until, certificate_no, version, updated_at`

func scanClassification(r pgx.CollectableRow) (model.Classification, error) {
	var c model.Classification
	err := r.Scan(&c.ID, &c.EnterpriseID, &c.Category, &c.ProductGroup, &c.ValidFrom,
		&c.ValidUntil, &c.CertificateNo, &c.Version, &c.UpdatedAt)
	return c, err
}

func classificationArgs(c *model.Classification, by int64) pgx.NamedArgs {
	return pgx.NamedArgs{
		"id": c.ID, "enterprise_id": c.EnterpriseID, "category": c.Category,
		"product_group": nullText(c.ProductGroup), "valid_from": c.ValidFrom,
		"valid_until": c.ValidUntil, "certificate_no": c.CertificateNo,
		"version": c.Version, "by": nullID(by),
	}
}

// AddClassification validates c and stores it. A classification of the same
// enterprise, category and start date is model.ErrConflict.
func (s *Store) AddClassification(ctx context.Context, c *model.Classification, by int64) error {
	if err := c.Validate(); err != nil {
		return err
	}
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `INSERT INTO classifications (enterprise_id, category_code,
			product_group, valid_from, valid_until, certificate_no, created_by, updated_by)
			VALUES (@enterprise_id, @category, @product_group, @valid_from, @valid_until,
			@certificate_no, @by, @by) RETURNING `+classificationColumns, classificationArgs(c, by))
		got, err := pgx.CollectExactlyOneRow(rows, scanClassification)
		if err != nil {
			return err
		}
		*c = got
		return appendAudit(ctx, tx, by, "create", "classification", idText(c.ID), classificationDetails(c))
	})
	return wrap("add classification", err)
}

// UpdateClassification saves c when c.Version is still the stored one
// (model.ErrStale otherwise); it must belong to its EnterpriseID.
func (s *Store) UpdateClassification(ctx context.Context, c *model.Classification, by int64) error {
	if err := c.Validate(); err != nil {
		return err
	}
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `UPDATE classifications SET category_code = @category,
			product_group = @product_group, valid_from = @valid_from, valid_until = @valid_until,
			certificate_no = @certificate_no, version = version + 1, updated_at = now(),
			updated_by = @by WHERE id = @id AND enterprise_id = @enterprise_id AND version = @version
			RETURNING `+classificationColumns, classificationArgs(c, by))
		got, err := pgx.CollectExactlyOneRow(rows, scanClassification)
		if err != nil {
			return staleOrMissing(ctx, tx, "classifications", c.ID, err)
		}
		*c = got
		return appendAudit(ctx, tx, by, "update", "classification", idText(c.ID), classificationDetails(c))
	})
	return wrap("update classification", err)
}

// DeleteClassification removes the classification at version. The log
// keeps what was removed, with its enterprise, so the enterprise's history
// shows it.
func (s *Store) DeleteClassification(ctx context.Context, id int64, version int32, by int64) error {
	return s.deleteVersioned(ctx, "classifications", "classification", id, version, by,
		func(tx pgx.Tx) (map[string]any, error) {
			rows, _ := tx.Query(ctx, `DELETE FROM classifications WHERE id = $1 AND version = $2
				RETURNING `+classificationColumns, id, version)
			gone, err := pgx.CollectExactlyOneRow(rows, scanClassification)
			return classificationDetails(&gone), err
		})
}

// Classifications lists an enterprise's classifications, latest first.
func (s *Store) Classifications(ctx context.Context, enterpriseID int64) ([]model.Classification, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+classificationColumns+` FROM classifications
		WHERE enterprise_id = $1 ORDER BY valid_from DESC, category_code`, enterpriseID)
	out, err := pgx.CollectRows(rows, scanClassification)
	return out, wrap("classifications", err)
}

func classificationDetails(c *model.Classification) map[string]any {
	d := map[string]any{
		"enterprise_id": c.EnterpriseID, "category": c.Category, "product_group": c.ProductGroup,
		"valid_from": c.ValidFrom.Format("2006-01-02"), "certificate_no": c.CertificateNo,
		"version": c.Version,
	}
	if c.ValidUntil != nil {
		d["valid_until"] = c.ValidUntil.Format("2006-01-02")
	}
	return d
}

// deleteVersioned runs del, which removes one row of table at version and
// returns what the log keeps of it, and logs it. table and entity are ours,
// never user input.
func (s *Store) deleteVersioned(ctx context.Context, table, entity string, id int64, version int32, by int64,
	del func(pgx.Tx) (map[string]any, error)) error {
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		details, err := del(tx)
		if errors.Is(err, pgx.ErrNoRows) {
			return staleOrMissing(ctx, tx, table, id, err)
		}
		if err != nil {
			return translateDelete(err)
		}
		return appendAudit(ctx, tx, by, "delete", entity, idText(id), details)
	})
	return wrap("delete "+entity, err)
}
