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
	english    map[model.Category]string // the categories' English names
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

// CategoryIn names a category in lang: its English name on an English page
// when the list has one.
func (n Names) CategoryIn(lang model.Lang, c model.Category) string {
	if s := n.english[c]; lang == model.LangEN && s != "" {
		return s
	}
	return n.Category(c)
}

// Names reads the names of every province and category in one query.
func (s *Store) Names(ctx context.Context) (Names, error) {
	n := Names{provinces: map[string]string{}, categories: map[model.Category]string{}, english: map[model.Category]string{}}
	rows, _ := s.pool.Query(ctx, `SELECT 'p', code, name, '' FROM provinces
		UNION ALL SELECT 'c', code, name, name_en FROM categories`)
	var kind, code, name, nameEN string
	_, err := pgx.ForEachRow(rows, []any{&kind, &code, &name, &nameEN}, func() error {
		if kind == "p" {
			n.provinces[code] = name
		} else {
			n.categories[model.Category(code)], n.english[model.Category(code)] = name, nameEN
		}
		return nil
	})
	return n, wrap("names", err)
}
