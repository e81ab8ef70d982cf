package store

import (
	"context"

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
	err := s.inTx(ctx, func(tx pgx.Tx) error {
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
// (model.ErrStale otherwise).
func (s *Store) UpdateClassification(ctx context.Context, c *model.Classification, by int64) error {
	if err := c.Validate(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `UPDATE classifications SET category_code = @category,
			product_group = @product_group, valid_from = @valid_from, valid_until = @valid_until,
			certificate_no = @certificate_no, version = version + 1, updated_at = now(),
			updated_by = @by WHERE id = @id AND version = @version
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

// DeleteClassification removes the classification at version.
func (s *Store) DeleteClassification(ctx context.Context, id int64, version int32, by int64) error {
	return s.deleteVersioned(ctx, "classifications", "classification", id, version, by)
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

// deleteVersioned removes one row of table at version and logs it. table
// and entity are ours, never user input.
func (s *Store) deleteVersioned(ctx context.Context, table, entity string, id int64, version int32, by int64) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM `+table+` WHERE id = $1 AND version = $2`, id, version)
		if err != nil {
			return translateDelete(err)
		}
		if tag.RowsAffected() == 0 {
			return staleOrMissing(ctx, tx, table, id, pgx.ErrNoRows)
		}
		return appendAudit(ctx, tx, by, "delete", entity, idText(id), nil)
	})
	return wrap("delete "+entity, err)
}
