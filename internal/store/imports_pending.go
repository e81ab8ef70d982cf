package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/importer"
	"industrytargets/internal/model"
)

// PendingImport is an upload that was previewed and waits for the person
// who sent it to confirm it.
type PendingImport struct {
	Token     string // random, names the upload in the confirmation form
	UserID    int64
	FileName  string // as the browser sent it, for display only
	Data      []byte // the file as uploaded
	SHA256    string
	Counts    ImportResult // what the preview said the import would do
	ExpiresAt time.Time
}

// ErrImportChanged means the register changed between an import's preview
// and its confirmation: written now, it would not do what was previewed.
var ErrImportChanged = fmt.Errorf("%w: the register changed since the import was previewed", model.ErrConflict)

// SavePendingImport keeps p until it expires. It drops any other upload the
// same user left unconfirmed, and every expired one, so uploads never pile
// up.
func (s *Store) SavePendingImport(ctx context.Context, p PendingImport) error {
	return wrap("save pending import", s.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM pending_imports WHERE user_id = $1 OR expires_at < now()`, p.UserID); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO pending_imports (token, user_id, file_name, data, sha256, counts, expires_at)
			VALUES (@token, @user, @name, @data, @sha, @counts, @expires)`, pgx.NamedArgs{
			"token": p.Token, "user": p.UserID, "name": p.FileName, "data": p.Data, "sha": p.SHA256,
			"counts": p.Counts, "expires": p.ExpiresAt})
		return err
	}))
}

// PendingImportFor returns the upload token names if it belongs to userID
// and has not expired; otherwise model.ErrNotFound.
func (s *Store) PendingImportFor(ctx context.Context, token string, userID int64) (PendingImport, error) {
	p := PendingImport{Token: token, UserID: userID}
	err := s.pool.QueryRow(ctx, `SELECT file_name, data, sha256, counts, expires_at FROM pending_imports
		WHERE token = $1 AND user_id = $2 AND expires_at > now()`, token, userID).
		Scan(&p.FileName, &p.Data, &p.SHA256, &p.Counts, &p.ExpiresAt)
	return p, wrap("pending import", err)
}

// SetPendingCounts records the counts of a fresh preview of the upload.
func (s *Store) SetPendingCounts(ctx context.Context, token string, userID int64, c ImportResult) error {
	tag, err := s.pool.Exec(ctx, `UPDATE pending_imports SET counts = $3 WHERE token = $1 AND user_id = $2`, token, userID, c)
	if err == nil && tag.RowsAffected() == 0 {
		err = model.ErrNotFound
	}
	return wrap("pending import counts", err)
}

// DeletePendingImport forgets the user's upload; forgetting one already
// gone is no error.
func (s *Store) DeletePendingImport(ctx context.Context, token string, userID int64) error {
	_, err := s.pool.Exec(ctx, `DELETE FROM pending_imports WHERE token = $1 AND user_id = $2`, token, userID)
	return wrap("delete pending import", err)
}

// ApplyPreviewedImport writes b as ApplyImport does, in one transaction,
// but only if it does exactly what want, the preview's counts, says: the
// rows it matches stay locked from counting to commit, so nothing changes
// in between. Otherwise it writes nothing and returns the counts it found
// with ErrImportChanged. details join the audit entry (the upload's name,
// digest and size).
func (s *Store) ApplyPreviewedImport(ctx context.Context, b importer.Batch, by int64, want ImportResult, details map[string]any) (ImportResult, error) {
	var res ImportResult
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		var err error
		if res, err = importAll(ctx, tx, b, by); err != nil {
			return err
		}
		if res != want {
			return ErrImportChanged
		}
		d := importDetails(b, res)
		for k, v := range details {
			d[k] = v
		}
		return appendAudit(ctx, tx, by, "import", "register", "", d)
	})
	if errors.Is(err, ErrImportChanged) {
		return res, ErrImportChanged
	}
	return res, wrap("import", err)
}

// importAll writes the batch's records in dependency order, as ApplyImport.
func importAll(ctx context.Context, tx pgx.Tx, b importer.Batch, by int64) (ImportResult, error) {
	var res ImportResult
	var err error
	if res.Enterprises, err = importEnterprises(ctx, tx, b.Enterprises, by); err != nil {
		return res, fmt.Errorf("enterprises: %w", err)
	}
	if res.Classifications, err = importClassifications(ctx, tx, b.Classifications, by); err != nil {
		return res, fmt.Errorf("classifications: %w", err)
	}
	if res.Figures, err = importFigures(ctx, tx, b.Figures, by); err != nil {
		return res, fmt.Errorf("figures: %w", err)
	}
	if res.ProvinceOutputs, err = importProvinceOutputs(ctx, tx, b.ProvinceOutputs, by); err != nil {
		return res, fmt.Errorf("province outputs: %w", err)
	}
	return res, nil
}
