package store

import (
	"context"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

// Names maps province and category codes to their Vietnamese names, for
// pages that show codes as words.
type Names struct {
	provinces  map[string]string
	categories map[model.Category]string
}

// Province names a province, or returns its code when unknown.
func (n Names) Province(code string) string {
	if s, ok := n.provinces[code]; ok {
		return s
	}
	return code
}

// Category names a category, or returns its code when unknown.
func (n Names) Category(c model.Category) string {
	if s, ok := n.categories[c]; ok {
		return s
	}
	return string(c)
}

// Names reads the names of every province and category in one query.
func (s *Store) Names(ctx context.Context) (Names, error) {
	n := Names{provinces: map[string]string{}, categories: map[model.Category]string{}}
	rows, _ := s.pool.Query(ctx, `SELECT 'p', code, name FROM provinces
		UNION ALL SELECT 'c', code, name FROM categories`)
	var kind, code, name string
	_, err := pgx.ForEachRow(rows, []any{&kind, &code, &name}, func() error {
		if kind == "p" {
			n.provinces[code] = name
		} else {
			n.categories[model.Category(code)] = name
		}
		return nil
	})
	return n, wrap("names", err)
}
